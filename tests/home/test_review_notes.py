"""What the workflow tells each role in the admin: the approver's comment above the editor's page
and on the dashboard row, "waiting for you" with the comparisons that matter for the approver, and
each role's main button."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import home_page, make_staff

COMMENT = "Đề nghị bổ sung số đơn vị tham dự."


def main_button(response):
    """The opening tag of the page editor's main (first) footer button."""
    html = response.content.decode()
    return re.search(r"<button\b[^>]*>", html[html.index("<footer") :]).group(0)


class ReviewNoteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)
        cls.approver.first_name, cls.approver.last_name = "Lò Thị", "Duyệt"
        cls.approver.save()
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Hội thảo đổi mới sáng tạo")
        cls.article.owner = cls.editor
        cls.article.save()

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.article.pk])

    def submit(self, summary):
        page = Page.objects.get(pk=self.article.pk).specific
        page.summary = summary
        revision = page.save_revision(user=self.editor)
        workflow_state = page.current_workflow_state
        if workflow_state:
            workflow_state.resume(user=self.editor)
        else:
            page.get_workflow().start(page, self.editor)
        return revision

    def send_back(self):
        task_state = Page.objects.get(pk=self.article.pk).current_workflow_task_state
        task_state.task.specific.on_action(task_state, self.approver, "reject", comment=COMMENT)

    def test_the_editor_reads_who_sent_the_page_back_when_and_why(self):
        self.submit("Bản đầu.")
        self.send_back()
        self.client.force_login(self.editor)

        edit = self.client.get(self.edit_url())
        self.assertContains(edit, "review-note--sent-back")
        self.assertContains(edit, "Lò Thị Duyệt yêu cầu sửa lúc")
        self.assertContains(edit, COMMENT)

        dashboard = self.client.get(reverse("wagtailadmin_home"))
        row = dashboard.content.decode()
        self.assertIn("Lò Thị Duyệt yêu cầu sửa lúc", row)
        self.assertIn(COMMENT, row)

    def test_the_approver_is_told_the_page_waits_for_them_and_compares_with_what_was_sent_back(
        self,
    ):
        self.article.save_revision(user=self.editor).publish()  # a live version readers see
        sent_back = self.submit("Bản đầu.")
        self.send_back()
        resubmitted = self.submit("Bản đã sửa: 25 đơn vị tham dự.")
        self.client.force_login(self.approver)

        edit = self.client.get(self.edit_url())
        self.assertContains(edit, "Trang này đang chờ bạn duyệt")
        compare = f"/admin/pages/{self.article.pk}/revisions/compare/"
        self.assertContains(edit, f"{compare}{sent_back.pk}...{resubmitted.pk}/")
        self.assertContains(edit, f"{compare}live...{resubmitted.pk}/")
        self.assertIn('name="approve"', main_button(edit))

        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, f"{compare}{sent_back.pk}...{resubmitted.pk}/")
        self.assertContains(dashboard, "So với bản đã trả lại")
        comparison = self.client.get(f"{compare}{sent_back.pk}...{resubmitted.pk}/")
        self.assertContains(comparison, '<span class="deletion">đầu.</span>')
        self.assertContains(comparison, '<span class="addition">đã sửa: 25 đơn vị tham dự.</span>')

    def test_an_editors_main_button_sends_for_approval(self):
        self.client.force_login(self.editor)
        self.assertIn('name="action-submit"', main_button(self.client.get(self.edit_url())))
        waiting = self.submit("Bản đầu.")
        self.assertTrue(waiting)
        edit = self.client.get(self.edit_url())
        self.assertContains(edit, "Đã gửi duyệt lúc")
        self.assertNotContains(edit, "Trang này đang chờ bạn duyệt")

    def test_an_approvers_own_page_outside_the_workflow_keeps_wagtails_order(self):
        self.client.force_login(self.approver)
        self.assertIn("action-save", main_button(self.client.get(self.edit_url())))

    def test_the_dashboard_costs_the_same_queries_for_five_pages_sent_back_or_eight(self):
        # From five pages on, Wagtail's "recent edits" panel beside it is full too.
        self.client.force_login(self.editor)
        self.send_back_new_pages(5)
        self.dashboard_queries()  # the site and the frame, kept until pages change
        five = self.dashboard_queries()
        self.send_back_new_pages(3)
        self.dashboard_queries()
        self.assertEqual(self.dashboard_queries(), five)

    def send_back_new_pages(self, count):
        for _ in range(count):
            page = ArticlePageFactory(parent=self.article.get_parent())
            page.owner = self.editor
            page.save()
            page.save_revision(user=self.editor)
            page.get_workflow().start(page, self.editor)
            task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
            task_state.task.specific.on_action(task_state, self.approver, "reject", comment="Sửa.")

    def dashboard_queries(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return len(queries)
