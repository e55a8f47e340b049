"""Listing counts are cached (counting a section reads all its articles) and must stay exact:
every change to what a section lists shows at once."""

from django.test import TestCase
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory
from tests.helpers import ReaderClient, news_and_notices


class ListingCountTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news, cls.notices = news_and_notices()
        cls.articles = [ArticlePageFactory(parent=cls.news) for _ in range(4)]

    def counts(self):
        """(news listing, notices listing, "Tin khác" under the first article)."""

        def get(url):
            return self.client.get(url).context

        return (
            get(self.news.url)["articles"].paginator.count,
            get(self.notices.url)["articles"].paginator.count,
            get(self.articles[0].url)["other_articles"].paginator.count,
        )

    def test_counts_follow_every_change_at_once(self):
        self.assertEqual(self.counts(), (4, 0, 3))
        self.assertEqual(self.counts(), (4, 0, 3))  # from the cache now
        ArticlePageFactory(parent=self.news)
        self.assertEqual(self.counts(), (5, 0, 4))
        self.articles[1].unpublish()
        self.assertEqual(self.counts(), (4, 0, 3))
        PageViewRestriction.objects.create(
            page=self.articles[2], restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(self.counts(), (3, 0, 2))
        self.articles[3].move(self.notices, pos="last-child")
        self.assertEqual(self.counts(), (2, 1, 1))
        self.articles[3].refresh_from_db()
        self.articles[3].delete()
        self.assertEqual(self.counts(), (2, 0, 1))
        PageViewRestriction.objects.all().delete()
        self.assertEqual(self.counts(), (3, 0, 2))
