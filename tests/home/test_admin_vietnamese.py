"""The admin speaks Vietnamese on every screen an editor or approver meets. The test walks those
screens as each role and fails on any phrase of `site_config/locale/vi/english_phrases.txt`
(what the admin used to show in English); every script string of Wagtail's admin must have its
Vietnamese. It also measures how much of Wagtail's catalogue the walked screens use and how much
of that has Vietnamese, into test-artifacts/admin-translations.txt."""

import ast
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import wagtail
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client, TestCase, override_settings
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from citizens.models import Question
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DocumentReview, Person
from schedule.models import WorkScheduleIndexPage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ImageFactory
from tests.helpers import STAFF_PASSWORD, home_page, make_staff

PHRASES_FILE = settings.BASE_DIR / "site_config" / "locale" / "vi" / "english_phrases.txt"
WAGTAIL_DIR = Path(wagtail.__file__).parent
REPORT = settings.BASE_DIR / "test-artifacts" / "admin-translations.txt"
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")
# Keys of the admin's JSON configuration that hold addresses and names for code, not words.
CODE_KEYS = {"url", "icon_name", "name", "_type", "classname", "action", "method", "avatarUrl"}


def english_phrases():
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class ShownText(HTMLParser):
    """What a person sees or hears of a page: text (not scripts or styles), the labels and hints
    of attributes, and the words of the admin's JSON configuration (menus, selection counts)."""

    def __init__(self):
        super().__init__()
        self.parts, self.skipping, self.json = [], 0, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            if attributes.get("type") == "application/json":
                self.json = ""
            else:
                self.skipping += 1
        self.parts.extend(attributes[name] for name in SHOWN_ATTRIBUTES if attributes.get(name))

    def handle_endtag(self, tag):
        if tag not in ("script", "style"):
            return
        if self.json is not None:
            self.parts.extend(words_of(json.loads(self.json or "null")))
            self.json = None
        elif self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if self.json is not None:
            self.json += data
        elif not self.skipping:
            self.parts.append(data)


def words_of(value):
    if isinstance(value, str):
        if "<" in value:  # markup the admin's scripts insert later
            yield from shown_text(value)
        else:
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in CODE_KEYS:
                yield from words_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from words_of(item)


def shown_text(html):
    parser = ShownText()
    parser.feed(html)
    return [" ".join(part.split()) for part in parser.parts if part.strip()]


def english_found(parts, phrases):
    text = "\n".join(parts)
    return sorted(
        phrase for phrase in phrases if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    )


def read_po(path):
    """(msgid, msgid_plural or None) of a gettext catalogue, without its header."""
    entries, current, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if match := re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line):
            key = match.group(1)
            if key in ("msgid", "msgctxt") and "msgstr" in " ".join(current):
                entries.append(current)
                current = {}
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
    entries.append(current)
    return [
        (entry["msgid"], entry.get("msgid_plural"))
        for entry in entries
        if entry.get("msgid") and "msgctxt" not in entry
    ]


def is_translated(msgid, plural):
    if plural:
        return translation.ngettext(msgid, plural, 2) not in (msgid, plural)
    return translation.gettext(msgid) != msgid


class AdminInVietnameseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)
        home = home_page()
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        cls.sent_back = ArticlePageFactory(parent=cls.news, title="Tin bị trả lại")
        cls.waiting = ArticlePageFactory(parent=cls.news, title="Tin chờ duyệt")
        for page in (cls.sent_back, cls.waiting):
            page.owner = cls.editor
            page.save()
            page.save_revision(user=cls.editor)
            page.get_workflow().start(page, cls.editor)
        task_state = Page.objects.get(pk=cls.sent_back.pk).current_workflow_task_state
        task_state.task.specific.on_action(task_state, cls.approver, "reject", comment="Sửa.")
        cls.sent_back_state = task_state.workflow_state
        cls.image = ImageFactory(
            title="Hội nghị", collection=Collection.objects.get(name="Ảnh tin bài")
        )
        cls.document = get_document_model().objects.create(
            title="Quyết định",
            file=ContentFile(b"%PDF-1.4", name="quyet-dinh.pdf"),
            collection=Collection.objects.get(name="Văn bản"),
            review_status=DocumentReview.APPROVED,
        )
        cls.person = Person.objects.create(name="Nguyễn Văn A", position="Giám đốc")
        cls.redirect = Redirect.objects.create(old_path="/tin-cu", redirect_page=cls.waiting)
        cls.question = Question(
            name="Lò Văn Sướng", email="lvs@nguoidan.example", sector="buu_chinh",
            title="Giấy phép bưu chính", body="Cần hồ sơ gì?",
        )  # fmt: skip
        cls.question.record_consent("Đồng ý.")
        cls.question.save()
        cls.schedule = WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
        home.add_child(instance=cls.schedule)

    def screens(self, user):
        page, waiting = self.sent_back.pk, self.waiting.pk
        article_type = ContentType.objects.get_for_model(self.sent_back)
        return [
            "/admin/",
            "/admin/pages/",
            f"/admin/pages/{self.news.pk}/",
            f"/admin/pages/{page}/edit/",
            f"/admin/pages/{waiting}/edit/",
            f"/admin/pages/add/articles/articlepage/{self.news.pk}/",
            f"/admin/pages/{page}/history/",
            f"/admin/pages/{page}/workflow_history/",
            f"/admin/pages/{page}/workflow_history/detail/{self.sent_back_state.pk}/",
            f"/admin/pages/{page}/revisions/compare/earliest...latest/",
            f"/admin/pages/{page}/usage/",
            f"/admin/pages/search/?q=tin&content_type={article_type.app_label}.articlepage",
            "/admin/images/",
            f"/admin/images/{self.image.pk}/",
            "/admin/images/multiple/add/",
            "/admin/documents/",
            f"/admin/documents/edit/{self.document.pk}/",
            "/admin/documents/multiple/add/",
            "/admin/redirects/",
            f"/admin/redirects/{self.redirect.pk}/",
            "/admin/redirects/import/",
            "/admin/searchpicks/",
            "/admin/searchpicks/add/",
            "/admin/reports/workflow/",
            "/admin/reports/workflow_tasks/",
            "/admin/reports/site-history/",
            "/admin/reports/aging-pages/",
            "/admin/account/",
            # Questions, comments on drafts, the second factor, the work schedule's next week.
            "/admin/cau-hoi/",
            "/admin/cau-hoi/new/",
            f"/admin/cau-hoi/edit/{self.question.pk}/",
            f"/admin/cau-hoi/{self.question.pk}/tra-loi/",
            "/admin/gop-y/",
            "/admin/bao-mat/",
            "/admin/xac-thuc/dang-ky/",
            f"/admin/lich-cong-tac/{self.schedule.pk}/tuan-sau/",
            *(  # people and agency links are the approvers' to keep
                [
                    "/admin/snippets/home/person/",
                    f"/admin/snippets/home/person/edit/{self.person.pk}/",
                ]
                if user == self.approver
                else []
            ),
        ]

    def walk(self, user):
        """The shown text of every screen, as `user` sees it."""
        client = Client()
        client.force_login(user)
        shown = {}
        for address in self.screens(user):
            response = client.get(address)
            self.assertEqual(response.status_code, 200, (address, response.get("Location")))
            shown[address] = shown_text(response.content.decode())
        return shown

    def test_editors_and_approvers_meet_no_english_phrase(self):
        phrases = english_phrases()
        self.assertGreater(len(phrases), 100)
        for user in (self.editor, self.approver):
            for address, parts in self.walk(user).items():
                with self.subTest(user=user.username, screen=address):
                    self.assertEqual(english_found(parts, phrases), [])

    def test_the_sign_in_page_is_vietnamese(self):
        parts = shown_text(Client().get("/admin/login/").content.decode())
        self.assertEqual(english_found(parts, english_phrases()), [])
        self.assertIn("Mật khẩu", parts)
        self.assertIn("Nhập tên đăng nhập", parts)

    @override_settings(SECOND_FACTOR_REQUIRED=True)
    def test_the_second_factor_steps_are_vietnamese(self):
        from tests.second_factor.helpers import enrolled

        client = Client()
        login = {"username": "duyet", "password": STAFF_PASSWORD}
        enrolment = client.get(client.post("/admin/login/", login).url)
        enrolled(self.approver)
        client = Client()
        code_step = client.get(client.post("/admin/login/", login).url)
        for response in (enrolment, code_step):
            parts = shown_text(response.content.decode())
            self.assertEqual(english_found(parts, english_phrases()), [])
        self.assertContains(enrolment, "Đăng ký xác thực hai lớp")
        self.assertContains(code_step, "Nhập mã xác thực")

    def test_relative_times_read_as_vietnamese(self):
        from datetime import timedelta

        from django.utils import timezone
        from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

        with translation.override("vi"):
            three_minutes = timesince_simple(timezone.now() - timedelta(minutes=3))
            five_hours = timesince_simple(timezone.now() - timedelta(hours=5))
        # Django puts a no-break space between number and unit.
        self.assertEqual(three_minutes.replace("\u00a0", " "), "3 phút trước")
        self.assertEqual(five_hours.replace("\u00a0", " "), "5 giờ trước")

    def test_every_script_string_of_the_admin_has_vietnamese(self):
        client = Client()
        client.force_login(self.editor)
        script = client.get("/admin/jsi18n/").content.decode()
        catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
        messages = read_po(WAGTAIL_DIR / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po")
        missing = [msgid for msgid, _plural in messages if msgid not in catalog]
        self.assertEqual(missing, [])

    def test_translation_coverage_is_measured(self):
        """Which messages of Wagtail's catalogue the walked screens use (read in English), and how
        many of those have Vietnamese: the figures go to test-artifacts/admin-translations.txt."""
        messages = {
            entry
            for path in WAGTAIL_DIR.glob("**/locale/en/LC_MESSAGES/django.po")
            for entry in read_po(path)
        }
        for user in (self.editor, self.approver):
            user.wagtail_userprofile.preferred_language = "en"
            user.wagtail_userprofile.save()
        shown = {
            part
            for user in (self.editor, self.approver)
            for parts in self.walk(user).values()
            for part in parts
        }
        self.assertIn("Images", shown)  # really read in English (the menu)
        used = {entry for entry in messages if shown_by(entry, shown)}
        with translation.override("vi"):
            translated = {entry for entry in messages if is_translated(*entry)}
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(
            f"Wagtail {wagtail.__version__}: {len(messages)} messages, "
            f"{len(translated)} with Vietnamese ({len(translated) / len(messages):.0%}).\n"
            f"On the {len(self.screens(self.approver))} screens walked as editor and approver: "
            f"{len(used)} messages, {len(used & translated)} with Vietnamese "
            f"({len(used & translated) / len(used):.0%}).\n"
            "Untranslated there:\n"
            + "".join(f"  {msgid}\n" for msgid, _ in sorted(used - translated)),
            encoding="utf-8",
        )
        self.assertGreater(len(used), 200)


PLACEHOLDER = re.compile(r"%\\\(\w+\\\)[sd]|%[sd]")


def shown_by(entry, shown):
    """Whether a message (either form, its placeholders filled by anything) is one of `shown`."""
    for form in filter(None, entry):
        if form in shown:
            return True
        pattern = PLACEHOLDER.sub(".+?", re.escape(form))
        if pattern != re.escape(form) and any(re.fullmatch(pattern, part) for part in shown):
            return True
    return False
