"""Personal data (Decree 13/2023): what askers and commenters send never reaches a public page,
feed, search result, sitemap or the open data; an administrator finds, exports and erases one
person's data by email; what outlives its retention is erased by the scheduled command."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from citizens.admin_views import ERASED_NAME
from citizens.models import DraftComment, Question, QuestionStatus
from core.roles import EDITORS_GROUP
from tests.citizens.helpers import (
    ASKER,
    COMMENTER,
    add_comment,
    asked_question,
    make_consultation,
    make_consultation_index,
    make_question_index,
)
from tests.helpers import STAFF_PASSWORD, ReaderClient, fill_site_settings, make_staff

PERSONAL = (ASKER["name"], ASKER["email"], ASKER["phone"], ASKER["organization"])
COMMENTER_PERSONAL = (COMMENTER["name"], COMMENTER["email"], COMMENTER["organization"])


class NoLeakTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()
        cls.question = asked_question(cls.index, answered=True)
        cls.consultation = make_consultation(make_consultation_index(), "Dự thảo quy chế")
        add_comment(cls.consultation)

    def test_askers_and_commenters_reach_no_public_surface(self):
        page = self.question.answer_page
        public = [
            "/", self.index.url, page.url, "/hoi-dap/rss/", "/hoi-dap/gui-cau-hoi/",
            f"/hoi-dap/tra-cuu/?ma={self.question.tracking_code}", "/gop-y-du-thao/",
            self.consultation.url, "/so-do-cong/", "/sitemap.xml", "/sitemap-trang.xml",
            "/api/tin-tuc/", "/api/van-ban/", "/rss/",
            "/tim-kiem/?q=Lo+Van+Suong", "/tim-kiem/?q=nguoidan", "/tim-kiem/?q=0912",
            "/tim-kiem/?q=nhan+hieu", "/tim-kiem/?q=Quang+Thi+Mai",
        ]  # fmt: skip
        for url in public:
            with self.subTest(url=url):
                content = self.client.get(url).content.decode()
                for value in PERSONAL + COMMENTER_PERSONAL:
                    self.assertNotIn(value, content)
        # The answer names the asker by initials and area only.
        self.assertContains(self.client.get(page.url), "L.V.S.")

    def test_the_answer_is_found_by_search_as_its_own_kind(self):
        response = self.client.get("/tim-kiem/", {"q": "nhãn hiệu", "loai": "hoi-dap"})
        self.assertEqual(
            [hit.url for hit in response.context["results"]], [self.question.answer_page.url]
        )


class PersonalDataAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()
        cls.answered = asked_question(cls.index, answered=True)
        cls.pending = asked_question(title="Câu hỏi thứ hai", status=QuestionStatus.NEW)
        cls.comment = add_comment(
            make_consultation(make_consultation_index(), "Dự thảo quy chế"),
            email=ASKER["email"],
            name=ASKER["name"],
        )
        cls.other = asked_question(email="nguoi.khac@nguoidan.example", name="Người Khác")
        cls.admin = get_user_model().objects.create_superuser(
            "quantri", "quantri@sokhcn.example", STAFF_PASSWORD
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_an_administrator_finds_and_exports_one_persons_data(self):
        url = reverse("citizens_personal_data")
        response = self.client.get(url, {"email": ASKER["email"].upper()})
        self.assertContains(response, "Câu hỏi (2)")
        self.assertContains(response, "Ý kiến góp ý dự thảo (1)")
        self.assertNotContains(response, "Người Khác")
        export = self.client.post(url, {"email": ASKER["email"], "xuat": "1"})
        data = json.loads(b"".join([export.content]).decode())
        self.assertEqual(len(data["cau_hoi"]), 2)
        self.assertEqual(data["gop_y"][0]["ho_ten"], ASKER["name"])
        self.assertTrue(data["cau_hoi"][0]["dong_y"])

    def test_erasure_keeps_the_published_answer_with_the_initials(self):
        url = reverse("citizens_personal_data")
        self.client.post(url, {"email": ASKER["email"], "xoa": "1"})  # not confirmed: nothing
        self.answered.refresh_from_db()
        self.assertEqual(self.answered.name, ASKER["name"])
        self.client.post(url, {"email": ASKER["email"], "xoa": "1", "da-xac-minh": "on"})
        for question in (self.answered, self.pending):
            question.refresh_from_db()
            self.assertEqual((question.name, question.email, question.phone), (ERASED_NAME, "", ""))
            self.assertIsNotNone(question.erased_at)
        self.comment.refresh_from_db()
        self.assertEqual((self.comment.name, self.comment.email), (ERASED_NAME, ""))
        self.other.refresh_from_db()
        self.assertEqual(self.other.name, "Người Khác")
        page = self.client.get(self.answered.answer_page.url)
        self.assertContains(page, "L.V.S.")
        self.assertEqual(ModelLogEntry.objects.filter(action="citizens.erase").count(), 3)

    def test_editors_cannot_reach_the_tool(self):
        self.client.force_login(make_staff("bientap", EDITORS_GROUP))
        response = self.client.get(reverse("citizens_personal_data"), {"email": ASKER["email"]})
        self.assertNotEqual(response.status_code, 200)


@override_settings(CITIZEN_DATA_RETENTION_DAYS=30)
class RetentionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        index = make_question_index()
        old = timezone.now() - datetime.timedelta(days=31)
        cls.declined = asked_question(title="Bị từ chối", status=QuestionStatus.DECLINED)
        cls.forgotten = asked_question(title="Chưa trả lời", status=QuestionStatus.NEW)
        cls.recent = asked_question(title="Mới gửi", status=QuestionStatus.DECLINED)
        cls.answered = asked_question(index, answered=True, title="Đã trả lời")
        Question.objects.exclude(pk=cls.recent.pk).update(updated_at=old)
        consultations = make_consultation_index()
        cls.old_comment = add_comment(
            make_consultation(consultations, "Cũ", opens_in_days=-90, closes_in_days=-31)
        )
        cls.open_comment = add_comment(make_consultation(consultations, "Đang mở"))

    def test_the_command_erases_what_outlived_its_retention_and_says_so(self):
        from io import StringIO

        out = StringIO()
        call_command("purge_citizen_data", "--dry-run", stdout=out)
        self.assertIn("Sẽ xóa dữ liệu cá nhân của 2 câu hỏi và 1 ý kiến", out.getvalue())
        self.assertFalse(Question.objects.filter(erased_at__isnull=False).exists())
        call_command("purge_citizen_data", stdout=out)
        erased = set(
            Question.objects.filter(erased_at__isnull=False).values_list("title", flat=True)
        )
        self.assertEqual(erased, {"Bị từ chối", "Chưa trả lời"})
        self.assertEqual(
            set(DraftComment.objects.filter(erased_at__isnull=False)), {self.old_comment}
        )
