"""Publishing, editing and unpublishing reach the search index at once (Wagtail's signals, run
through the task backend configured in settings)."""

import io
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.models import Avg
from django.db.models.functions import Length
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from articles.models import ArticlePage
from search import tiers
from search.backend import UNWEIGHED, SiteSearchBackend
from search.tiers import entries_of
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page
from tests.search.test_search_page import result_titles


class IndexUpdateTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")

    def titles(self, query):
        response = self.client.get("/tim-kiem/", {"q": query})
        return result_titles(response)

    def test_task_backend_is_explicit(self):
        self.assertIn("default", settings.TASKS)

    def test_publish_edit_and_unpublish(self):
        article = ArticlePageFactory(parent=self.news, title="Hội chợ công nghệ", live=False)
        self.assertEqual(self.titles("hoi cho cong nghe"), [])

        article.save_revision().publish()
        self.assertEqual(self.titles("hoi cho cong nghe"), ["Hội chợ công nghệ"])

        article.title = "Triển lãm thiết bị"
        article.save_revision().publish()
        self.assertEqual(self.titles("trien lam thiet bi"), ["Triển lãm thiết bị"])
        self.assertEqual(self.titles("hoi cho"), [])

        article.refresh_from_db()  # publishing worked on the revision's copy of the page
        article.unpublish()
        self.assertEqual(self.titles("trien lam thiet bi"), [])

    def test_a_draft_edit_of_a_live_page_is_not_searchable_until_published(self):
        article = ArticlePageFactory(parent=self.news, title="Tọa đàm khởi nghiệp")
        article.title = "Tiêu đề chưa duyệt"
        article.save_revision()
        self.assertEqual(self.titles("tieu de chua duyet"), [])
        self.assertEqual(self.titles("toa dam khoi nghiep"), ["Tọa đàm khởi nghiệp"])


@pytest.mark.postgres
class TitleWeightTests(TestCase):
    """A save weighs the new entry's title from an average kept by the process, without reading
    the whole index (search/backend.py); rebuilding the index weighs every title exactly."""

    @classmethod
    def setUpTestData(cls):
        cls.news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        ArticlePageFactory(parent=cls.news, title="Hai từ")
        ArticlePageFactory(parent=cls.news, title="Bốn từ trong tiêu đề")

    def entry(self, page):
        return IndexEntry.objects.get(content_type=page.content_type, object_id=str(page.pk))

    def test_a_published_page_is_weighed_without_reading_every_entry(self):
        backend = get_search_backend()
        self.assertIsInstance(backend, SiteSearchBackend)
        ArticlePageFactory(parent=self.news, title="Trước")  # the average, kept from here on
        article = ArticlePageFactory(parent=self.news, title="Hội chợ công nghệ", live=False)
        with CaptureQueriesContext(connection) as queries:
            article.save_revision().publish()
        self.assertFalse(any("AVG(" in query["sql"].upper() for query in queries))
        entry = self.entry(article)
        self.assertNotEqual(entry.title_norm, UNWEIGHED)
        average = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
        average = average.aggregate(Avg("length"))["length__avg"]
        length = IndexEntry.objects.annotate(length=Length("title")).get(pk=entry.pk).length
        # The kept average is that of the entries before the last few: close, not exact.
        self.assertAlmostEqual(entry.title_norm, average / length, delta=0.5 * average / length)

    def test_a_rebuild_weighs_every_title_from_the_exact_average(self):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        titled = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
        average = titled.aggregate(Avg("length"))["length__avg"]
        for entry in titled:
            self.assertAlmostEqual(entry.title_norm, average / entry.length, places=5)


class EntrySizeTests(TestCase):
    """How many entries a kind has decides how its matches are probed (search/tiers.py): a
    process asks the shared cache again after a minute, so that an import that made a kind big
    is probed the right way soon, in every process."""

    def test_a_process_reads_the_sizes_again_after_a_minute(self):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        ArticlePageFactory(parent=news)
        article_type = [ContentType.objects.get_for_model(ArticlePage).pk]
        tiers._entry_sizes[:] = [None, 0.0]  # as a process that never asked
        before = entries_of(article_type)
        ArticlePageFactory(parent=news)
        cache.delete(tiers.ENTRY_SIZES_CACHE_KEY)  # the shared copy, as another process left it
        self.assertEqual(entries_of(article_type), before)
        a_minute_later = time.monotonic() + tiers.ENTRY_SIZES_PROCESS_SECONDS
        with mock.patch("search.tiers.time.monotonic", return_value=a_minute_later):
            self.assertEqual(entries_of(article_type), before + 1)
