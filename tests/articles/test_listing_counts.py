"""Listing counts are cached and worked out from the page tree (a section's children less those
it does not list) and must stay exact: every change to what a section lists shows at once."""

import datetime

from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.frame_cache import frame_changed
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

    def test_drafts_expired_articles_and_restricted_sections_are_not_counted(self):
        draft = ArticlePageFactory(parent=self.news, live=False)
        self.assertEqual(self.counts(), (4, 0, 3))
        draft.save_revision().publish()
        self.assertEqual(self.counts(), (5, 0, 4))
        now = timezone.now()
        expired, expiring = self.articles[1], self.articles[2]
        # Past its expiry but not yet unpublished by the scheduler: readers no longer see it.
        type(expired).objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(1))
        type(expiring).objects.filter(pk=expiring.pk).update(expire_at=now + datetime.timedelta(1))
        frame_changed()  # an update() says nothing: what any editor's change then does
        self.assertEqual(self.counts(), (4, 0, 3))
        ArticlePageFactory(parent=self.notices, live=False)
        self.assertEqual(self.counts(), (4, 0, 3))
        type(expired).objects.filter(pk=expired.pk).update(expire_at=None)
        frame_changed()
        self.assertEqual(self.counts(), (5, 0, 4))
