"""Pages cost a fixed number of SQL queries, however many articles the site holds."""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
    StandardPageFactory,
)
from tests.helpers import ReaderClient, fill_site_settings, home_page

# Pinned figures for a returning reader (statistics, the frame cache and the way to the page
# warm): if one of them grows, a listing has started querying per item. The site, its home page,
# the way to the page, the menu, settings, latest articles and the home page's boxes come from
# the frame cache (core/frame_cache.py, core/frame_html.py, core/routing.py): the home page reads
# nothing, a section nothing either and an article its view count (the first pages of a section's
# articles and of "Tin khác" are kept by the process: articles/selectors.py, CountedArticles).
HOME_QUERIES = 0
INDEX_QUERIES = 0
ARTICLE_QUERIES = 1


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        fill_site_settings()
        cls.images = ImageFactory.create_batch(3)
        StandardPageFactory(parent=cls.home, title="Giới thiệu", show_in_menus=True)
        cls.sections = [
            ArticleIndexPageFactory(parent=cls.home, title=title)
            for title in ("Tin tức", "Thông báo", "Hoạt động KH&CN")
        ]
        cls.article = cls.add_articles(4)[0]

    @classmethod
    def add_articles(cls, per_section):
        created = []
        for section in cls.sections:
            for number in range(per_section):
                article = ArticlePageFactory(
                    parent=section, lead_image=cls.images[number % len(cls.images)]
                )
                article.tags.add(f"chủ đề {number}")
                article.save()
                created.append(article)
        return created

    def setUp(self):
        self.client = ReaderClient()
        # Warm up: the session, renditions and cached statistics exist after a first visit.
        for url in ("/", self.sections[0].url, self.article.url):
            self.client.get(url)

    def count_queries(self, url):
        self.client.get(url)  # renditions of any new image are made on first sight
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assert_pages_cost(self, home, index, article):
        self.assertEqual(self.count_queries("/"), home)
        self.assertEqual(self.count_queries(self.sections[0].url), index)
        self.assertEqual(self.count_queries(self.article.url), article)

    def test_pinned_query_counts(self):
        with self.assertNumQueries(HOME_QUERIES):
            self.client.get("/")
        with self.assertNumQueries(INDEX_QUERIES):
            self.client.get(self.sections[0].url)
        with self.assertNumQueries(ARTICLE_QUERIES):
            self.client.get(self.article.url)

    def test_more_articles_do_not_mean_more_queries(self):
        self.add_articles(15)
        cache.clear()  # statistics recomputed once, then cached again
        for url in ("/", self.sections[0].url, self.article.url):
            self.client.get(url)
        self.assert_pages_cost(HOME_QUERIES, INDEX_QUERIES, ARTICLE_QUERIES)
