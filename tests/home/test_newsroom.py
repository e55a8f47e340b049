"""The lists a newsroom works from (my drafts, sent back to me, waiting for me, documents waiting,
the week's schedule), the dashboard's way into them, and only the actions a role can use."""

import datetime
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.admin_views import week_param
from home.models import DocumentReview
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import home_page, make_staff


class NewsroomTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.other_editor = make_staff("bientap2", EDITORS_GROUP)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)
        home = home_page()
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức - Sự kiện")
        cls.notices = ArticleIndexPageFactory(parent=home, title="Thông báo")

    def article(self, title, owner=None, section=None):
        page = ArticlePageFactory(parent=section or self.news, title=title)
        page.owner = owner or self.editor
        page.save()
        page.save_revision(user=page.owner)
        return Page.objects.get(pk=page.pk).specific

    def submit(self, page):
        page.get_workflow().start(page, page.owner)

    def send_back(self, page, comment="Sửa lại tiêu đề."):
        task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
        task_state.task.specific.on_action(task_state, self.approver, "reject", comment=comment)

    def get(self, user, name, data=None):
        self.client.force_login(user)
        return self.client.get(reverse(name), data or {})

    def queries(self, user, name):
        self.get(user, name)  # the frame and the site, kept until pages change
        with CaptureQueriesContext(connection) as captured:
            response = self.get(user, name)
        self.assertEqual(response.status_code, 200)
        return len(captured)


class ListsTests(NewsroomTestCase):
    def test_my_drafts_are_mine_not_in_the_workflow_with_their_section(self):
        self.article("Bản nháp về hội thảo")
        self.article("Thông báo tuyển chọn", section=self.notices)
        self.submit(self.article("Tin đã gửi duyệt"))
        self.article("Bài của người khác", owner=self.other_editor)
        response = self.get(self.editor, "newsroom_drafts")
        rows = [(page.title, page.section_title) for page in response.context["rows"]]
        self.assertCountEqual(
            rows,
            [("Bản nháp về hội thảo", "Tin tức - Sự kiện"), ("Thông báo tuyển chọn", "Thông báo")],
        )

    def test_sent_back_to_me_names_the_approver_and_the_comment(self):
        page = self.article("Tin bị trả lại")
        self.submit(page)
        self.send_back(page, "Thiếu nguồn ảnh.")
        self.submit(self.article("Tin đang chờ"))
        response = self.get(self.editor, "newsroom_sent_back")
        self.assertEqual([row.target_page.title for row in response.context["rows"]], [page.title])
        self.assertContains(response, "Thiếu nguồn ảnh.")
        self.assertContains(response, "duyet")
        self.assertEqual(
            self.get(self.other_editor, "newsroom_sent_back").context["rows"].object_list, []
        )

    def test_waiting_for_me_is_the_approvers_with_the_comparison_after_a_resubmission(self):
        page = self.article("Tin gửi lại")
        self.submit(page)
        sent_back_revision = Page.objects.get(pk=page.pk).current_workflow_task_state.revision_id
        self.send_back(page)
        page.summary = "Đã sửa."
        page.save_revision(user=self.editor)
        Page.objects.get(pk=page.pk).current_workflow_state.resume(user=self.editor)
        self.submit(self.article("Tin mới gửi"))

        response = self.get(self.approver, "newsroom_waiting")
        self.assertEqual(
            [row.target_page.title for row in response.context["rows"]],
            ["Tin gửi lại", "Tin mới gửi"],
        )
        self.assertContains(response, f"/revisions/compare/{sent_back_revision}...")
        self.assertEqual(self.get(self.editor, "newsroom_waiting").context["rows"].object_list, [])

    def test_documents_waiting_are_the_approvers_list(self):
        get_document_model().objects.create(
            title="Quyết định chờ duyệt",
            file=ContentFile(b"%PDF-1.4", name="qd.pdf"),
            review_status=DocumentReview.WAITING,
        )
        response = self.get(self.approver, "newsroom_documents_waiting")
        self.assertContains(response, "Quyết định chờ duyệt")
        self.assertNotEqual(self.get(self.editor, "newsroom_documents_waiting").status_code, 200)

    def test_a_bad_page_number_is_a_404_not_an_error(self):
        for value in ("abc", "0", "99999", "-1"):
            with self.subTest(page=value):
                self.assertEqual(
                    self.get(self.editor, "newsroom_drafts", {"page": value}).status_code, 404
                )

    def test_each_list_costs_the_same_queries_for_two_rows_or_six(self):
        lists = {
            "newsroom_drafts": (self.editor, lambda n: self.article(f"Nháp {n}")),
            "newsroom_sent_back": (self.editor, self.sent_back_article),
            "newsroom_waiting": (self.approver, lambda n: self.submit(self.article(f"Chờ {n}"))),
        }
        for name, (user, add) in lists.items():
            with self.subTest(list=name):
                for number in range(2):
                    add(f"{name}-{number}")
                two = self.queries(user, name)
                for number in range(2, 6):
                    add(f"{name}-{number}")
                self.assertEqual(self.queries(user, name), two)
                self.assertEqual(len(self.get(user, name).context["rows"].object_list), 6)

    def sent_back_article(self, number):
        page = self.article(f"Trả lại {number}")
        self.submit(page)
        self.send_back(page)


class ScheduleTests(NewsroomTestCase):
    def schedule(self, page, when):
        revision = page.save_revision(user=self.approver, approved_go_live_at=when)
        page.go_live_at = when
        return revision

    def test_the_week_shows_what_goes_live_and_what_expires_day_by_day(self):
        today = timezone.localdate()
        monday = today - datetime.timedelta(days=today.weekday())
        at = lambda day, hour: timezone.make_aware(  # noqa: E731
            datetime.datetime.combine(monday + datetime.timedelta(days=day), datetime.time(hour))
        )
        self.schedule(self.article("Tin lên thứ Tư"), at(2, 9))
        expiring = ArticlePageFactory(parent=self.notices, title="Thông báo hết hạn thứ Sáu")
        expiring.expire_at = at(4, 17)
        expiring.save()
        self.schedule(self.article("Tin tuần sau"), at(8, 9))

        response = self.get(self.approver, "newsroom_scheduled")
        days = response.context["days"]
        self.assertEqual([day["date"] for day in days][0], monday)
        self.assertEqual([page.title for _, _, page in days[2]["events"]], ["Tin lên thứ Tư"])
        self.assertEqual(
            [(kind, page.title) for _, kind, page in days[4]["events"]],
            [("expire", "Thông báo hết hạn thứ Sáu")],
        )
        self.assertNotContains(response, "Tin tuần sau")
        following = self.get(
            self.approver, "newsroom_scheduled", {"tuan": response.context["next_week"]}
        )
        self.assertContains(following, "Tin tuần sau")
        self.assertEqual(
            response.context["next_week"], week_param(monday + datetime.timedelta(days=7))
        )

    def test_a_week_that_is_not_one_gives_this_week_with_a_notice(self):
        this_week = week_param(timezone.localdate())
        for value in ("abc", "2026-W60", "1800-W01", "2026-W00", "x" * 500):
            with self.subTest(tuan=value[:12]):
                response = self.get(self.editor, "newsroom_scheduled", {"tuan": value})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "không phải một tuần")
                self.assertEqual(
                    response.context["next_week"],
                    week_param(timezone.localdate() + datetime.timedelta(days=7)),
                )
        self.assertNotContains(
            self.get(self.editor, "newsroom_scheduled", {"tuan": this_week}), "không phải một tuần"
        )


class DashboardTests(NewsroomTestCase):
    def test_the_dashboard_offers_new_articles_per_section_and_the_lists_with_counts(self):
        page = self.article("Tin bị trả lại")
        self.submit(page)
        self.send_back(page)
        html = self.get(self.editor, "wagtailadmin_home").content.decode()
        for section in (self.news, self.notices):
            self.assertIn(
                reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]),
                html,
            )
        self.assertIn(f"Viết tin mới: {self.news.title}", html)
        sent_back = re.search(r'href="/admin/bi-tra-lai/">[^<]+</a>\s*<span[^>]*>(\d+)', html)
        self.assertEqual(sent_back.group(1), "1")
        self.assertNotIn(reverse("newsroom_documents_waiting"), html)  # approvers' only
        self.assertIn(
            reverse("newsroom_documents_waiting"),
            self.get(self.approver, "wagtailadmin_home").content.decode(),
        )


class BulkActionTests(NewsroomTestCase):
    def bulk_actions(self, user, address):
        self.client.force_login(user)
        html = self.client.get(address).content.decode()
        return set(re.findall(r"/admin/bulk/[a-z]+/[a-z]+/([a-z_]+)/", html))

    def test_editors_are_not_offered_bulk_publish_unpublish_move_or_delete(self):
        self.article("Một tin")
        explorer = reverse("wagtailadmin_explore", args=[self.news.pk])
        self.assertFalse(
            self.bulk_actions(self.editor, explorer) & {"publish", "unpublish", "move", "delete"}
        )
        self.assertEqual(
            self.bulk_actions(self.approver, explorer), {"publish", "unpublish", "move", "delete"}
        )
