"""Pages far down a news section start from a kept cut instead of an OFFSET over every article
before them, and show exactly what the plain listing would."""

import datetime
import re
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from tests.factories import ArticlePageFactory
from tests.helpers import ReaderClient, news_and_notices

# Titles on a listing page, in order.
LISTED = re.compile(r'<h2><a href="[^"]+">([^<]+)</a></h2>')


class SectionOf47(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news, _ = news_and_notices()
        day = datetime.date(2026, 6, 1)
        # 47 articles, many sharing a date, so the order often rests on the id alone.
        for number in range(47):
            ArticlePageFactory(
                parent=cls.news,
                title=f"Tin số {number}",
                published_on=day - datetime.timedelta(days=number // 4),
            )


@mock.patch("articles.selectors.CUT_EVERY", 7)
class DeepPageTests(SectionOf47):
    def titles(self, page):
        response = self.client.get(self.news.url, {"page": page})
        self.assertEqual(response.status_code, 200)
        return LISTED.findall(response.content.decode())

    def test_every_page_shows_what_the_plain_listing_would(self):
        expected = list(
            ArticlePage.objects.child_of(self.news)
            .order_by("-published_on", "-pk")
            .values_list("title", flat=True)
        )
        shown = []
        for page in range(1, 6):  # ten a page; pages 1 and 2 are read without cuts
            with self.subTest(page=page):
                on_page = self.titles(page)
                self.assertEqual(on_page, expected[(page - 1) * 10 : page * 10])
                shown += on_page
        self.assertEqual(shown, expected)

    def test_a_deep_page_skips_fewer_rows_than_between_two_cuts(self):
        self.titles(5)  # the cuts are read once, then kept with the section's count
        with CaptureQueriesContext(connection) as queries:
            self.titles(5)
        # The last page holds the last seven of the 47 articles.
        listing = [q["sql"] for q in queries if re.search(r"LIMIT 7\b", q["sql"])]
        self.assertEqual(len(listing), 1)
        skipped = re.search(r"OFFSET (\d+)", listing[0])
        self.assertLess(int(skipped.group(1)) if skipped else 0, 7)

    def test_a_deep_page_follows_a_publish(self):
        self.assertEqual(len(self.titles(5)), 7)
        ArticlePageFactory(
            parent=self.news, title="Tin cũ mới đăng", published_on=datetime.date(2020, 1, 1)
        )
        last = self.titles(5)
        self.assertEqual((len(last), last[-1]), (8, "Tin cũ mới đăng"))


@mock.patch("articles.selectors.CUT_EVERY", 7)
class DeepOtherArticlesTests(SectionOf47):
    """ "Tin khác" under an article at the top, in the middle, at the end of its section: the
    article itself falls before, inside or after the stretch a deep page reads."""

    def other_titles(self, article, page):
        response = self.client.get(article.url, {"tin-khac": page})
        self.assertEqual(response.status_code, 200)
        section = response.content.decode().split('id="tin-khac"')[1].split("</section>")[0]
        return re.findall(r'<a href="[^"]+">([^<]+)</a>', section)

    def test_every_page_of_other_articles_leaves_out_the_one_shown(self):
        listing = list(ArticlePage.objects.child_of(self.news).order_by("-published_on", "-pk"))
        for article in (listing[0], listing[23], listing[44], listing[-1]):
            expected = [other.title for other in listing if other.pk != article.pk]
            shown = []
            for page in range(1, 6):
                with self.subTest(article=article.title, page=page):
                    on_page = self.other_titles(article, page)
                    self.assertEqual(on_page, expected[(page - 1) * 10 : page * 10])
                    shown += on_page
            self.assertEqual(shown, expected)
