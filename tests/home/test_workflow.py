import datetime
import importlib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    WorkflowPage,
    WorkflowState,
)

from articles.models import ArticlePage
from core.roles import APPROVERS_GROUP, EDITORS_GROUP, WORKFLOW_NAME
from core.text import vietnamese_slugify
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, article_form_data, home_page, make_staff

roles_migration = importlib.import_module("home.migrations.0003_editorial_roles_and_workflow")


class RolesMigrationTests(TestCase):
    client_class = ReaderClient

    def test_groups_hold_exactly_the_mapped_page_permissions_on_the_tree_root(self):
        root = Page.get_first_root_node()
        for group_name, codenames in roles_migration.PAGE_PERMISSIONS.items():
            granted = GroupPagePermission.objects.filter(group__name=group_name)
            self.assertEqual(
                sorted(granted.values_list("permission__codename", flat=True)), sorted(codenames)
            )
            self.assertEqual({p.page_id for p in granted}, {root.pk})

    def test_names_the_code_uses_match_the_migration(self):
        self.assertEqual(roles_migration.EDITORS, EDITORS_GROUP)
        self.assertEqual(roles_migration.APPROVERS, APPROVERS_GROUP)
        self.assertEqual(roles_migration.WORKFLOW_NAME, WORKFLOW_NAME)

    def test_workflow_covers_the_home_page_and_is_moderated_by_approvers(self):
        assignment = WorkflowPage.objects.get(page=home_page())
        self.assertEqual(assignment.workflow.name, WORKFLOW_NAME)
        task = GroupApprovalTask.objects.get(workflow_tasks__workflow=assignment.workflow)
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [APPROVERS_GROUP])
        self.assertEqual(home_page().get_workflow(), assignment.workflow)


class PermissionsPerPageTypeTests(TestCase):
    """Every page type, the registry's, the library's, the procedures' and the disclosures' too:
    editors draft, approvers publish."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        from home.models import DisclosurePage, DocumentLibraryPage
        from tests.factories import (
            ContactPageFactory,
            ProgramIndexPageFactory,
            ProgramPageFactory,
            StandardPageFactory,
            TaskPageFactory,
        )
        from tests.procedures.helpers import make_catalogue, make_procedure

        home = home_page()
        news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        registry = ProgramIndexPageFactory(parent=home)
        program = ProgramPageFactory(parent=registry)
        catalogue = make_catalogue()
        cls.pages = [
            home,
            StandardPageFactory(parent=home, title="Giới thiệu"),
            ContactPageFactory(parent=home),
            news,
            ArticlePageFactory(parent=news),
            registry,
            program,
            TaskPageFactory(parent=program),
            home.add_child(instance=DocumentLibraryPage(title="Văn bản")),
            catalogue,
            make_procedure(catalogue, "Cấp giấy phép bưu chính", "1.004470"),
            home.add_child(instance=DisclosurePage(title="Công khai")),
        ]
        cls.editor = make_staff("editor", EDITORS_GROUP)
        cls.approver = make_staff("approver", APPROVERS_GROUP)

    def test_editors_draft_and_submit_but_never_publish_unpublish_delete_or_lock(self):
        for page in self.pages:
            with self.subTest(page_type=type(page).__name__):
                permissions = page.permissions_for_user(self.editor)
                self.assertTrue(permissions.can_edit())
                self.assertFalse(permissions.can_publish())
                self.assertFalse(permissions.can_unpublish())
                self.assertFalse(permissions.can_delete())
                self.assertFalse(permissions.can_move())
                self.assertFalse(permissions.can_lock())

    def test_approvers_publish_unpublish_lock_and_unlock(self):
        for page in self.pages:
            with self.subTest(page_type=type(page).__name__):
                permissions = page.permissions_for_user(self.approver)
                self.assertTrue(permissions.can_edit())
                self.assertTrue(permissions.can_publish())
                self.assertTrue(permissions.can_unpublish())
                self.assertTrue(permissions.can_lock())
                self.assertTrue(permissions.can_unlock())


class EditorialWorkflowTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.live_article = ArticlePageFactory(parent=cls.index, title="Tin đang đăng")
        cls.editor = make_staff("editor", EDITORS_GROUP)
        cls.approver = make_staff("approver", APPROVERS_GROUP)

    def as_user(self, user):
        self.client.force_login(user)

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.index.pk))

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def editor_submits(self, title, **fields):
        """The editor writes a new article and submits it for moderation."""
        self.as_user(self.editor)
        self.client.post(
            self.add_url(), article_form_data(title, **fields, **{"action-submit": "1"})
        )
        return ArticlePage.objects.get(slug=vietnamese_slugify(title))

    def public_get(self, url):
        self.client.logout()
        return self.client.get(url)

    # Permissions -------------------------------------------------------------------------------

    @pytest.mark.attack
    def test_editor_publish_attempt_on_a_new_article_leaves_it_unpublished(self):
        self.as_user(self.editor)
        self.client.post(
            self.add_url(), article_form_data("Tin tự đăng", **{"action-publish": "1"})
        )
        article = ArticlePage.objects.get(slug="tin-tu-dang")
        self.assertFalse(article.live)
        self.assertEqual(self.public_get("/tin-tuc/tin-tu-dang/").status_code, 404)

    @pytest.mark.attack
    def test_editor_publish_attempt_on_a_live_article_changes_nothing_public(self):
        self.as_user(self.editor)
        self.client.post(
            self.edit_url(self.live_article),
            article_form_data(
                "Tiêu đề bị sửa", slug=self.live_article.slug, **{"action-publish": "1"}
            ),
        )
        self.live_article.refresh_from_db()
        self.assertEqual(self.live_article.title, "Tin đang đăng")
        self.assertTrue(self.live_article.has_unpublished_changes)  # kept as a draft, not lost
        response = self.public_get(self.live_article.url)
        self.assertContains(response, "Tin đang đăng")
        self.assertNotContains(response, "Tiêu đề bị sửa")

    @pytest.mark.attack
    def test_editor_cannot_unpublish_delete_or_move_a_live_article(self):
        self.as_user(self.editor)
        page_id = self.live_article.pk
        for name, data in (
            ("wagtailadmin_pages:unpublish", {}),
            ("wagtailadmin_pages:delete", {}),
            ("wagtailadmin_pages:move_confirm", None),
        ):
            args = (page_id, self.index.pk) if name.endswith("move_confirm") else (page_id,)
            with self.subTest(view=name):
                response = self.client.post(reverse(name, args=args), data or {})
                self.assertIn(response.status_code, (302, 403))
                self.assertNotEqual(response.get("Location", ""), self.index.url)
        self.live_article.refresh_from_db()
        self.assertTrue(self.live_article.live)
        self.assertEqual(self.public_get(self.live_article.url).status_code, 200)

    def test_approver_can_publish_and_unpublish(self):
        self.as_user(self.approver)
        self.client.post(
            self.add_url(), article_form_data("Tin do người duyệt đăng", **{"action-publish": "1"})
        )
        article = ArticlePage.objects.get(slug="tin-do-nguoi-duyet-dang")
        self.assertTrue(article.live)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
        article.refresh_from_db()
        self.assertFalse(article.live)

    # The round through the admin ---------------------------------------------------------------

    def test_submit_reject_resubmit_approve(self):
        self.as_user(self.editor)
        self.client.post(
            self.add_url(), article_form_data("Hội thảo chuyển đổi số", **{"action-submit": "1"})
        )
        article = ArticlePage.objects.get(slug="hoi-thao-chuyen-doi-so")
        state = WorkflowState.objects.get(object_id=str(article.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertFalse(article.live)
        self.assertIn(["approver@sokhcn.example"], [m.to for m in mail.outbox])
        mail.outbox.clear()

        self.as_user(self.approver)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Hội thảo chuyển đổi số")
        task_state = state.current_task_state
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=(article.pk, "reject", task_state.pk)
            ),
            {"comment": "Bổ sung số liệu về kinh phí."},
        )
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        to_editor = [m for m in mail.outbox if m.to == ["editor@sokhcn.example"]]
        self.assertTrue(to_editor)
        self.assertIn("Bổ sung số liệu về kinh phí.", to_editor[0].body)
        self.assertEqual(self.public_get(article.url).status_code, 404)

        self.as_user(self.editor)
        self.client.post(
            self.edit_url(article),
            article_form_data(
                "Hội thảo chuyển đổi số",
                summary="Kinh phí 1.250.000.000 đồng.",
                **{"action-submit": "1"},
            ),
        )
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

        self.as_user(self.approver)
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(article.pk, "approve", state.current_task_state.pk),
            ),
            {"comment": ""},
        )
        article.refresh_from_db()
        self.assertTrue(article.live)
        response = self.public_get(article.url)
        self.assertContains(response, "Kinh phí 1.250.000.000 đồng.")

    def approve(self, article):
        state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
        self.as_user(self.approver)
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(article.pk, "approve", state.current_task_state.pk),
            ),
            {"comment": ""},
        )
        article.refresh_from_db()
        return article

    @pytest.mark.attack
    def test_a_page_in_moderation_is_locked_against_editors(self):
        article = self.editor_submits("Tin chờ duyệt")
        revisions = article.revisions.count()
        self.client.post(
            self.edit_url(article), article_form_data("Tin chờ duyệt", summary="Sửa lén")
        )
        self.assertEqual(article.revisions.count(), revisions)

    @pytest.mark.attack
    def test_what_goes_live_is_what_was_approved(self):
        article = self.editor_submits("Tin chờ duyệt")
        # An approver changes the text while it waits: the earlier approval no longer covers it.
        self.as_user(self.approver)
        self.client.post(
            self.edit_url(article), article_form_data("Tin chờ duyệt", summary="Bản đã sửa")
        )
        article = self.approve(article)
        self.assertFalse(article.live)  # the approval was for the revision before the edit
        article = self.approve(article)
        self.assertTrue(article.live)
        self.assertContains(self.public_get(article.url), "Bản đã sửa")

    # Scheduling --------------------------------------------------------------------------------

    def test_approved_article_goes_live_at_its_scheduled_time(self):
        go_live = timezone.now() + datetime.timedelta(hours=2)
        self.as_user(self.editor)
        self.client.post(
            self.add_url(),
            article_form_data(
                "Tin hẹn giờ",
                # The admin reads dates in the site's time zone, as editors type them.
                go_live_at=timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M"),
                **{"action-submit": "1"},
            ),
        )
        article = self.approve(ArticlePage.objects.get(slug="tin-hen-gio"))
        self.assertFalse(article.live)  # approved, waiting for its time
        call_command("publish_scheduled")
        article.refresh_from_db()
        self.assertFalse(article.live)
        later = timezone.now() + datetime.timedelta(hours=3)
        with mock.patch("django.utils.timezone.now", return_value=later):
            call_command("publish_scheduled")
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertEqual(self.public_get(article.url).status_code, 200)

    def test_expired_article_leaves_the_site(self):
        self.live_article.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        self.live_article.save()
        call_command("publish_scheduled")
        self.live_article.refresh_from_db()
        self.assertFalse(self.live_article.live)
        self.assertTrue(self.live_article.expired)
        self.assertEqual(self.public_get(self.live_article.url).status_code, 404)

    def test_the_admin_speaks_vietnamese_to_both_roles(self):
        article = self.editor_submits("Tin chờ duyệt")
        edit = self.client.get(self.edit_url(self.live_article)).content.decode()
        for text in ("Lưu bản nháp", "Gửi duyệt: Duyệt nội dung", "Nội dung", "Quảng bá"):
            self.assertIn(text, edit)
        self.as_user(self.approver)
        dashboard = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Đang chờ bạn duyệt", dashboard)
        self.assertIn("Yêu cầu sửa", dashboard)
        self.assertIn(article.title, dashboard)

    # Working tools for both roles --------------------------------------------------------------

    @pytest.mark.attack
    def test_both_roles_preview_drafts_and_readers_cannot(self):
        draft = ArticlePageFactory(parent=self.index, title="Bản nháp", live=False)
        draft.save_revision()
        url = reverse("wagtailadmin_pages:view_draft", args=(draft.pk,))
        for user in (self.editor, self.approver):
            with self.subTest(user=user.username):
                self.as_user(user)
                self.assertContains(self.client.get(url), "Bản nháp")
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 302)  # to the login page

    def test_history_revisions_and_comments_are_available_to_both_roles(self):
        self.live_article.save_revision().publish()
        revision = self.live_article.save_revision()
        for user in (self.editor, self.approver):
            with self.subTest(user=user.username):
                self.as_user(user)
                history = self.client.get(
                    reverse("wagtailadmin_pages:history", args=(self.live_article.pk,))
                )
                self.assertEqual(history.status_code, 200)
                compare = self.client.get(
                    reverse(
                        "wagtailadmin_pages:revisions_compare",
                        args=(self.live_article.pk, "live", revision.pk),
                    )
                )
                self.assertEqual(compare.status_code, 200)
                revert = self.client.get(
                    reverse(
                        "wagtailadmin_pages:revisions_revert",
                        args=(self.live_article.pk, revision.pk),
                    )
                )
                self.assertEqual(revert.status_code, 200)
                edit = self.client.get(self.edit_url(self.live_article))
                self.assertContains(edit, 'id="comments-data"')

    @pytest.mark.attack
    def test_approver_lock_holds_the_page_against_editors(self):
        self.as_user(self.approver)
        self.client.post(reverse("wagtailadmin_pages:lock", args=(self.live_article.pk,)))
        self.live_article.refresh_from_db()
        self.assertTrue(self.live_article.locked)
        self.as_user(self.editor)
        self.client.post(
            self.edit_url(self.live_article),
            article_form_data("Sửa khi trang bị khóa", slug=self.live_article.slug),
        )
        self.live_article.refresh_from_db()
        self.assertNotEqual(
            self.live_article.get_latest_revision_as_object().title, "Sửa khi trang bị khóa"
        )
        self.as_user(self.approver)
        self.client.post(reverse("wagtailadmin_pages:unlock", args=(self.live_article.pk,)))
        self.live_article.refresh_from_db()
        self.assertFalse(self.live_article.locked)
