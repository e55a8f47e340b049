"""What a page's head tells search engines and social networks: description, canonical address,
OpenGraph and Twitter cards with the lead image, JSON-LD for articles and the department."""

import json
import re

from django.test import TestCase

from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    StandardPageFactory,
)
from tests.helpers import ReaderClient, fill_site_settings, home_page, news_and_notices

HOSTILE_TITLE = 'Hội thảo </script><script>alert("x")</script> & "số"'


def head_of(response):
    return response.content.decode().split("</head>")[0]


def meta(head, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', head)
    return found.group(1) if found else None


def structured_data(head):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', head)
    ]


class PageMetaTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.news, _ = news_and_notices()
        cls.article = ArticlePageFactory(
            parent=cls.news,
            title="Nghiệm thu đề tài sâm Sơn La",
            summary="Hội đồng khoa học đánh giá đề tài đạt loại khá.",
            author_line="Ánh Nguyệt",
            lead_image=ImageFactory(),
        )
        cls.plain = StandardPageFactory(parent=home_page(), title="Quy chế hoạt động", intro="")

    def head(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return head_of(response)

    # Addresses are the site's own (its Site record: localhost here), whatever host was asked.

    def test_an_article_is_described_with_its_summary_and_lead_image(self):
        head = self.head(self.article.url)
        url = "http://localhost/tin-tuc/nghiem-thu-de-tai-sam-son-la/"
        self.assertIn(f'<link rel="canonical" href="{url}">', head)
        summary = "Hội đồng khoa học đánh giá đề tài đạt loại khá."
        self.assertEqual(meta(head, "description"), summary)
        self.assertEqual(meta(head, "og:description"), summary)
        self.assertEqual(meta(head, "og:type"), "article")
        self.assertEqual(meta(head, "og:url"), url)
        image = meta(head, "og:image")
        self.assertTrue(image.startswith("http://localhost/") and image.endswith(".jpg"), image)
        self.assertEqual(
            (meta(head, "og:image:width"), meta(head, "og:image:height")), ("1200", "630")
        )
        self.assertEqual(meta(head, "twitter:card"), "summary_large_image")

    def test_an_article_is_a_news_article_for_search_engines(self):
        (article,) = structured_data(self.head(self.article.url))
        self.assertEqual(article["@type"], "NewsArticle")
        self.assertEqual(article["headline"], "Nghiệm thu đề tài sâm Sơn La")
        self.assertEqual(article["datePublished"], self.article.published_on.isoformat())
        self.assertEqual(article["author"], {"@type": "Person", "name": "Ánh Nguyệt"})
        self.assertEqual(article["publisher"]["name"], "Sở Khoa học và Công nghệ tỉnh Sơn La")
        self.assertEqual(article["image"], [meta(self.head(self.article.url), "og:image")])

    def test_a_hostile_title_cannot_leave_the_structured_data(self):
        self.article.title = HOSTILE_TITLE
        self.article.save_revision().publish()
        head = self.head(self.article.url)
        self.assertNotIn("<script>alert", head)
        (article,) = structured_data(head)
        self.assertEqual(article["headline"], HOSTILE_TITLE)

    def test_the_home_page_describes_the_department(self):
        head = self.head("/")
        (department,) = structured_data(head)
        self.assertEqual(department["@type"], "GovernmentOrganization")
        self.assertEqual(department["name"], "Sở Khoa học và Công nghệ tỉnh Sơn La")
        self.assertEqual(department["telephone"], "02123.852.224")
        self.assertEqual(department["parentOrganization"]["name"], "UBND tỉnh Sơn La")
        self.assertEqual(meta(head, "og:type"), "website")
        self.assertEqual(meta(head, "twitter:card"), "summary")

    def test_a_page_with_nothing_to_say_gets_the_departments_line(self):
        head = self.head(self.plain.url)
        expected = "Cổng thông tin điện tử Sở Khoa học và Công nghệ tỉnh Sơn La"
        self.assertEqual(meta(head, "description"), expected)

    def test_listing_pages_beyond_the_first_are_their_own_canonical_address(self):
        for _ in range(12):
            ArticlePageFactory(parent=self.news)
        section = "http://localhost/tin-tuc/"
        for params, canonical in (
            ({}, section),
            ({"page": "1"}, section),
            ({"page": "2"}, f"{section}?page=2"),
            ({"page": "2", "utm_source": "zalo"}, f"{section}?page=2"),
        ):
            with self.subTest(params=params):
                head = self.head(self.news.url, **params)
                self.assertIn(f'<link rel="canonical" href="{canonical}">', head)
