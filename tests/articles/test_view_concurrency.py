import threading

import pytest
from django.db import connection

from articles.models import ArticleViews
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page

THREADS = 8
VIEWS_PER_THREAD = 15


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_views_lose_no_increment():
    """Readers reading the same article at once, each request on its own database connection
    and each a new visitor: every view must be counted, including the race to create the counter
    row. (Serialized rollback: the flush after a real-transaction test must not leave the next
    one without the rows the migrations made.)"""
    index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    article = ArticlePageFactory(parent=index)
    start = threading.Barrier(THREADS)
    failures = []

    def reader():
        client = ReaderClient()
        try:
            start.wait()
            for _ in range(VIEWS_PER_THREAD):
                client.cookies.clear()  # a new visitor each time
                status = client.post("/thong-ke/ghi/", {"trang": article.pk}).status_code
                if status != 200:
                    failures.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    assert ArticleViews.count_for(article.pk) == THREADS * VIEWS_PER_THREAD
