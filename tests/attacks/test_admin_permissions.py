"""An editor, or a staff member with no rights on pages, typing admin addresses by hand: each
action the admin would not offer them is refused and nothing stored changes."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.factories import ArticlePageFactory
from tests.helpers import make_staff, news_and_notices

pytestmark = pytest.mark.attack

DRAFT_WORDS = "Bản nháp chưa được duyệt"


class AdminAddressAttackTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.news, cls.notices = news_and_notices()
        cls.live = ArticlePageFactory(parent=cls.news, title="Tin đang đăng")
        cls.editor = make_staff("editor", EDITORS_GROUP)
        cls.approver = make_staff("approver", APPROVERS_GROUP)
        # A staff member who may open the admin (say, for documents) but has no page rights.
        cls.outsider = get_user_model().objects.create_user("vanthu", "vt@example.invalid", "x")
        cls.outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        cls.draft = ArticlePageFactory(parent=cls.news, title="Tin chờ duyệt", live=False)
        cls.draft.title = DRAFT_WORDS
        cls.draft.save_revision(user=cls.editor)
        cls.draft.get_workflow().start(cls.draft, cls.editor)
        cls.task_state = cls.draft.current_workflow_task_state

    def setUp(self):
        self.client.force_login(self.editor)

    def post(self, name, *args, data=None):
        return self.client.post(reverse(name, args=args), data or {})

    def assertRefused(self, response):
        self.assertIn(response.status_code, (302, 403))
        if response.status_code == 302:  # Wagtail sends the refused back to the dashboard
            self.assertEqual(response["Location"], "/admin/")

    def test_editor_cannot_unpublish(self):
        with self.assertDatabaseUnchanged():
            self.assertRefused(self.post("wagtailadmin_pages:unpublish", self.live.pk))

    def test_editor_cannot_move(self):
        with self.assertDatabaseUnchanged():
            self.assertRefused(
                self.post("wagtailadmin_pages:move_confirm", self.live.pk, self.notices.pk)
            )

    def test_editor_cannot_delete(self):
        with self.assertDatabaseUnchanged():
            self.assertRefused(self.post("wagtailadmin_pages:delete", self.live.pk))

    def test_editor_copy_asking_to_publish_the_copy_makes_no_live_page(self):
        live_before = Page.objects.live().count()
        self.post(
            "wagtailadmin_pages:copy",
            self.live.pk,
            data={
                "new_title": "Bản sao",
                "new_slug": "ban-sao",
                "new_parent_page": self.notices.pk,
                "copy_subpages": "",
                "publish_copies": "on",
            },
        )
        self.assertEqual(Page.objects.live().count(), live_before)
        self.assertFalse(Page.objects.filter(slug="ban-sao", live=True).exists())

    def test_editor_cannot_approve(self):
        with self.assertDatabaseUnchanged():
            self.post(
                "wagtailadmin_pages:workflow_action", self.draft.pk, "approve", self.task_state.pk
            )
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.live)

    def test_editor_cannot_reject(self):
        with self.assertDatabaseUnchanged():
            self.post(
                "wagtailadmin_pages:workflow_action",
                self.draft.pk,
                "reject",
                self.task_state.pk,
                data={"comment": "tự từ chối"},
            )

    def test_editor_cannot_lock(self):
        with self.assertDatabaseUnchanged():
            self.assertRefused(self.post("wagtailadmin_pages:lock", self.live.pk))

    def test_editor_cannot_unlock_an_approvers_lock(self):
        self.live.locked, self.live.locked_by = True, self.approver
        self.live.locked_at = timezone.now()
        self.live.save()
        with self.assertDatabaseUnchanged():
            self.assertRefused(self.post("wagtailadmin_pages:unlock", self.live.pk))

    def test_editor_cannot_restrict_who_may_read(self):
        with self.assertDatabaseUnchanged():
            self.post(
                "wagtailadmin_pages:set_privacy",
                self.live.pk,
                data={"restriction_type": "password", "password": "mat-khau"},
            )

    def test_editor_cannot_unschedule_an_approved_publication(self):
        self.live.title = "Sẽ đăng lại"
        revision = self.live.save_revision(user=self.approver)
        revision.publish(user=self.approver)  # go_live_at in the future: scheduled
        self.live.go_live_at = timezone.now() + datetime.timedelta(days=1)
        revision = self.live.save_revision(user=self.approver)
        revision.publish(user=self.approver)
        revision.refresh_from_db()
        self.assertIsNotNone(revision.approved_go_live_at)
        with self.assertDatabaseUnchanged():
            self.assertRefused(
                self.post("wagtailadmin_pages:revisions_unschedule", self.live.pk, revision.pk)
            )

    def bulk(self, action, page):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        return self.client.post(f"{url}?id={page.pk}&next=/admin/", {})

    def test_editor_cannot_bulk_publish(self):
        with self.assertDatabaseUnchanged():
            self.bulk("publish", self.draft)

    def test_editor_cannot_bulk_unpublish(self):
        with self.assertDatabaseUnchanged():
            self.bulk("unpublish", self.live)

    def test_editor_cannot_bulk_delete(self):
        with self.assertDatabaseUnchanged():
            self.bulk("delete", self.live)

    def test_editor_cannot_bulk_move(self):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move"))
        with self.assertDatabaseUnchanged():
            self.client.post(f"{url}?id={self.live.pk}", {"chooser": self.notices.pk})

    def test_editor_cannot_raise_their_own_rights(self):
        administrators = Group.objects.create(name="Quản trị")
        with self.assertDatabaseUnchanged():
            response = self.client.post(
                reverse("wagtailusers_users:edit", args=(self.editor.pk,)),
                {
                    "username": "editor",
                    "email": "e@example.invalid",
                    "is_superuser": "on",
                    "groups": [administrators.pk],
                },  # fmt: skip
            )
            self.assertRefused(response)

    def test_editor_cannot_create_accounts(self):
        with self.assertDatabaseUnchanged():
            response = self.client.post(
                reverse("wagtailusers_users:add"),
                {
                    "username": "moi",
                    "email": "m@example.invalid",
                    "first_name": "M",
                    "last_name": "N",
                    "password1": "mat-khau-rat-dai-2026",
                    "password2": "mat-khau-rat-dai-2026",
                    "is_superuser": "on",
                },  # fmt: skip
            )
            self.assertRefused(response)

    def test_without_page_rights_no_draft_is_shown(self):
        self.client.force_login(self.outsider)
        latest = self.draft.get_latest_revision()
        for name, args in (
            ("wagtailadmin_pages:edit", (self.draft.pk,)),
            ("wagtailadmin_pages:preview_on_edit", (self.draft.pk,)),
            ("wagtailadmin_pages:view_draft", (self.draft.pk,)),
            ("wagtailadmin_pages:revisions_compare", (self.draft.pk, "earliest", "latest")),
            ("wagtailadmin_pages:revisions_view", (self.draft.pk, latest.pk)),
            ("wagtailadmin_pages:history", (self.draft.pk,)),
            ("wagtailadmin_pages:workflow_preview", (self.draft.pk, self.task_state.task_id)),
        ):
            with self.subTest(name), self.assertDatabaseUnchanged():
                response = self.client.get(reverse(name, args=args))
                self.assertIn(response.status_code, (302, 403))
                self.assertNotContains(response, DRAFT_WORDS, status_code=response.status_code)

    def test_anonymous_admin_addresses_lead_to_the_login(self):
        self.client.logout()
        with self.assertDatabaseUnchanged():
            response = self.client.post(reverse("wagtailadmin_pages:delete", args=(self.live.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))

    def test_a_forged_cross_site_post_is_refused_even_for_an_approver(self):
        forger = Client(enforce_csrf_checks=True)
        forger.force_login(self.approver)
        with self.assertDatabaseUnchanged():
            response = forger.post(reverse("wagtailadmin_pages:unpublish", args=(self.live.pk,)))
        self.assertEqual(response.status_code, 403)
