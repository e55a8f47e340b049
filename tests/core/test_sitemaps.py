"""sitemap.xml lists every page readers may open, and nothing else; robots.txt points to it."""

import datetime
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import ArticlePageFactory, StandardPageFactory
from tests.helpers import ReaderClient, home_page, news_and_notices

LOCATION = re.compile(r"<loc>([^<]+)</loc>")


class SitemapTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news, cls.notices = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Tin công khai")
        ArticlePageFactory(parent=cls.news, title="Bản nháp", live=False)
        expired = ArticlePageFactory(parent=cls.news, title="Tin hết hạn")
        Page.objects.filter(pk=expired.pk).update(
            expire_at=timezone.now() - datetime.timedelta(days=1)
        )
        private = StandardPageFactory(parent=home_page(), title="Nội bộ")
        StandardPageFactory(parent=private, title="Quy chế nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        # Another site's tree: not this site's sitemap.
        other_root = Page.get_first_root_node().add_child(
            instance=StandardPageFactory.build(title="Trang của cổng khác", slug="cong-khac")
        )
        Site.objects.create(hostname="khac.example", root_page=other_root)

    def get(self, url):
        return self.client.get(url)

    def listed(self):
        response = self.get("/sitemap-trang.xml")
        self.assertEqual(response.status_code, 200)
        return LOCATION.findall(response.content.decode())

    def test_every_readable_page_and_nothing_else(self):
        self.assertEqual(
            sorted(self.listed()),
            [
                "http://testserver/",
                "http://testserver/thong-bao/",
                "http://testserver/tin-tuc/",
                "http://testserver/tin-tuc/tin-cong-khai/",
            ],
        )

    def test_the_index_points_to_the_pages_of_the_sitemap(self):
        response = self.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            LOCATION.findall(response.content.decode()), ["http://testserver/sitemap-trang.xml"]
        )

    def test_the_cost_does_not_grow_with_the_pages(self):
        self.listed()
        with CaptureQueriesContext(connection) as few:
            self.listed()
        for _ in range(15):
            ArticlePageFactory(parent=self.notices)
        self.listed()  # the frame cache again (the site, the private paths)
        with CaptureQueriesContext(connection) as many:
            self.assertEqual(len(self.listed()), 19)
        self.assertEqual(len(many), len(few))

    def test_unknown_parts_are_not_found(self):
        for url in ("/sitemap-khac.xml", "/sitemap-trang.xml?p=9", "/sitemap-trang.xml?p=x"):
            with self.subTest(url=url):
                self.assertEqual(self.get(url).status_code, 404)

    def test_robots_point_to_the_sitemap_and_away_from_the_admin(self):
        response = self.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
