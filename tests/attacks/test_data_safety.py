"""An editor's work is never lost and never half-published: a save from a stale form keeps both
versions, nobody overwrites another's revision, and a database connection cut in the middle of
a publish leaves the page as it was."""

import pytest
from django.db import DatabaseError, connection
from django.db.models.signals import post_save
from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from core.roles import EDITORS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import article_form_data, home_page, make_staff, own_connection

pytestmark = pytest.mark.attack


class ConcurrentEditingTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Hội thảo", live=False)
        cls.first = make_staff("bientap1", EDITORS_GROUP)
        cls.second = make_staff("bientap2", EDITORS_GROUP)
        cls.loaded = cls.article.save_revision(user=cls.first)

    def save_as(self, user, summary, **extra):
        self.client.force_login(user)
        data = article_form_data("Hội thảo", summary=summary) | {
            "loaded_revision_id": str(self.loaded.pk),
            "loaded_revision_created_at": self.loaded.created_at.isoformat(),
            **extra,
        }
        return self.client.post(reverse("wagtailadmin_pages:edit", args=(self.article.pk,)), data)

    def summaries(self):
        return [
            revision.content["summary"]
            for revision in self.article.revisions.order_by("created_at", "pk")
        ]

    def test_a_save_from_a_stale_form_keeps_both_versions(self):
        self.save_as(self.second, "Bản của người thứ hai")
        # The first editor's form was opened before that save.
        response = self.save_as(self.first, "Bản của người thứ nhất")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.summaries()[-2:], ["Bản của người thứ hai", "Bản của người thứ nhất"])

    def test_nobody_overwrites_another_editors_revision(self):
        self.save_as(self.second, "Bản của người thứ hai")
        theirs = self.article.revisions.latest("created_at")
        with self.assertDatabaseUnchanged():
            self.save_as(self.first, "Ghi đè", overwrite_revision_id=str(theirs.pk))
        theirs.refresh_from_db()
        self.assertEqual(theirs.content["summary"], "Bản của người thứ hai")


def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_killed_mid_publish_leaves_no_half_published_page():
    news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    article = ArticlePageFactory(parent=news, title="Bản đang đăng")
    live_revision_id = article.live_revision_id
    article.title = "Bản mới"
    revision = article.save_revision()

    other = own_connection()
    victim = backend_pid()

    def cut_the_connection(sender, instance, **kwargs):
        # The page row is written, its log entry and revision bookkeeping are not yet.
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [victim])

    post_save.connect(cut_the_connection, sender=ArticlePage)
    try:
        with pytest.raises(DatabaseError):
            revision.publish()
    finally:
        post_save.disconnect(cut_the_connection, sender=ArticlePage)
        other.close()
        connection.close()  # Django opens a new one on the next query, as a worker would

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "Bản đang đăng"
    assert article.live_revision_id == live_revision_id
    assert not PageLogEntry.objects.filter(action="wagtail.publish", revision=revision).exists()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    # And the publish can simply be done again.
    revision.publish()
    assert ArticlePage.objects.get(pk=article.pk).title == "Bản mới"
