"""RSS and Atom feeds for the whole site and each news section: valid XML, the newest public
articles only, announced in the page head, purged with the listings they mirror."""

import datetime
import xml.etree.ElementTree as ET

from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from articles.selectors import FEED_SIZE
from tests.factories import ArticlePageFactory
from tests.front_cache import RecordingBackend
from tests.helpers import ReaderClient, fill_site_settings, news_and_notices

ATOM = "{http://www.w3.org/2005/Atom}"


class FeedTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.news, cls.notices = news_and_notices()
        cls.article = ArticlePageFactory(
            parent=cls.news,
            title="Nghiệm thu đề tài sâm Sơn La",
            summary="Hội đồng đánh giá đạt yêu cầu.",
            author_line="Ánh Nguyệt",
            published_on=datetime.date(2026, 6, 5),
        )
        cls.notice = ArticlePageFactory(
            parent=cls.notices, title="Thông báo tuyển chọn", published_on=datetime.date(2026, 6, 4)
        )
        cls.draft = ArticlePageFactory(parent=cls.news, title="Bản nháp chưa duyệt", live=False)
        cls.private = ArticlePageFactory(parent=cls.news, title="Tin nội bộ")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def rss_items(self, url):
        response = self.get(url)
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own answer)
        return channel, channel.findall("item")

    def test_the_site_feed_lists_the_newest_public_articles(self):
        channel, items = self.rss_items("/rss/")
        self.assertEqual(channel.findtext("title"), "Sở Khoa học và Công nghệ tỉnh Sơn La")
        self.assertEqual(channel.findtext("language"), "vi")
        titles = [item.findtext("title") for item in items]
        self.assertEqual(titles, ["Nghiệm thu đề tài sâm Sơn La", "Thông báo tuyển chọn"])
        first = items[0]  # absolute links, on the host the reader asked
        self.assertEqual(
            first.findtext("link"), "http://testserver/tin-tuc/nghiem-thu-de-tai-sam-son-la/"
        )
        self.assertEqual(first.findtext("description"), "Hội đồng đánh giá đạt yêu cầu.")
        self.assertIn("05 Jun 2026", first.findtext("pubDate"))

    def test_a_section_feed_lists_that_section_only(self):
        channel, items = self.rss_items(self.notices.url + "rss/")
        self.assertEqual(
            channel.findtext("title"), "Thông báo | Sở Khoa học và Công nghệ tỉnh Sơn La"
        )
        self.assertEqual([item.findtext("title") for item in items], ["Thông báo tuyển chọn"])

    def test_atom_feeds_too(self):
        for url in ("/atom/", self.news.url + "atom/"):
            response = self.get(url)
            self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
            feed = ET.fromstring(response.content)  # noqa: S314 (our own answer)
            entries = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
            self.assertIn("Nghiệm thu đề tài sâm Sơn La", entries)
            self.assertNotIn("Tin nội bộ", entries)

    def test_feeds_hold_the_newest_twenty(self):
        for _ in range(FEED_SIZE + 3):
            ArticlePageFactory(parent=self.news, published_on=datetime.date(2026, 7, 1))
        self.assertEqual(len(self.rss_items("/rss/")[1]), FEED_SIZE)

    def test_pages_announce_the_site_feed_and_their_section_feed(self):
        html = self.get(self.article.url).content.decode()
        self.assertIn('type="application/rss+xml" title="Tin mới (RSS)" href="/rss/"', html)
        self.assertIn(f'title="Tin tức (RSS)" href="{self.news.url}rss/"', html)
        self.assertIn(f'title="Tin tức (Atom)" href="{self.news.url}atom/"', html)
        self.assertIn('href="/atom/"', self.get("/").content.decode())

    def test_articles_and_routes_of_a_section_still_open(self):
        self.assertContains(self.get(self.article.url), "Nghiệm thu đề tài sâm Sơn La")
        self.assertContains(self.get(self.news.url), "Nghiệm thu đề tài sâm Sơn La")

    @override_settings(
        WAGTAILFRONTENDCACHE={"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
    )
    def test_publishing_purges_the_feeds_that_list_it(self):
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.article.save_revision().publish()
        purged = set(RecordingBackend.purged)
        for feed in ("/rss/", "/atom/", "/tin-tuc/rss/", "/tin-tuc/atom/"):
            self.assertIn(f"http://localhost{feed}", purged)
        self.assertNotIn("http://localhost/thong-bao/rss/", purged)
