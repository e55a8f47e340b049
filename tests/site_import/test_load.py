"""`import_site load`: a collected archive of the replica into pages, images, documents and
redirects, as readers and editors then meet them."""

import csv
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, WorkflowState

from articles.models import ArticlePage, ArticleViews
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DocumentType, SiteDocument, SiteImage
from site_import.loading import DEAD_ADDRESSES_REPORT, FAILURES_REPORT
from site_import.models import ImportedItem
from tests.factories import ArticleIndexPageFactory
from tests.helpers import ReaderClient, article_form_data, home_page, make_staff
from tests.site_import.replica import REPLICA_ARTICLES, CollectedArchive

SECTIONS = {"tin-tuc": "Tin tức", "thong-bao": "Thông báo", "hoat-dong-khcn": "Hoạt động KH&CN"}


def make_sections():
    return {
        slug: ArticleIndexPageFactory(parent=home_page(), title=title, slug=slug)
        for slug, title in SECTIONS.items()
    }


def load(folder, *options):
    output = _Output()
    call_command("import_site", "load", str(folder), *options, verbosity=0, stdout=output)
    return output.text


class _Output:
    text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def linked_pages(page, linktype="page"):
    """The ids of the pages (or documents) an article's paragraphs link to."""
    ids = set()
    for block in page.body.raw_data:
        if block["type"] == "paragraph":
            soup = BeautifulSoup(block["value"], "html.parser")
            ids |= {int(a["id"]) for a in soup.find_all("a", linktype=linktype)}
    return ids


def read_report(folder, name):
    with open(Path(folder) / name, encoding="utf-8-sig", newline="") as report:
        return list(csv.reader(report))[1:]


class SwitchOverTests(CollectedArchive, TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.sections = make_sections()
        cls.first_run = load(cls.folder)
        # Each run writes its own reports; later tests load again.
        cls.first_failures = read_report(cls.folder, FAILURES_REPORT)
        cls.first_dead_addresses = dict(read_report(cls.folder, DEAD_ADDRESSES_REPORT))

    def imported(self, number):
        address = f"{self.base}{self.portal.canonical(number)}"
        if number % 7 == 0:
            address = f"{self.base}{self.portal.query_address(number)}"
        return ArticlePage.objects.get(pk=ImportedItem.objects.get(source_url=address).page_id)

    def test_the_run_ends_with_a_summary_line(self):
        self.assertIn(f"Đã nạp: {REPLICA_ARTICLES - 2} tạo mới, 0 cập nhật", self.first_run)
        self.assertIn("0 lỗi", self.first_run)

    def test_articles_keep_date_author_views_and_land_in_their_section(self):
        page = self.imported(60)
        self.assertEqual(page.published_on, self.portal.published(60))
        self.assertEqual(page.first_published_at.date(), self.portal.published(60))
        self.assertEqual(page.author_line, self.portal.author(60))
        self.assertEqual(ArticleViews.count_for(page.pk), self.portal.views(60))
        self.assertEqual(page.get_parent().slug, "tin-tuc")
        self.assertTrue(page.live)
        self.assertEqual(page.revisions.count(), 1)
        self.assertEqual(set(page.tags.names()), {"KH&CN", "Tin tức - Sự kiện"})
        response = self.client.get(page.url)
        self.assertContains(response, self.portal.author(60))
        self.assertContains(response, "Quang cảnh buổi làm việc số 60")

    def test_the_view_count_carries_on_from_the_old_one(self):
        page = self.imported(52)
        ArticleViews.record_view(page.pk)
        self.assertEqual(ArticleViews.count_for(page.pk), self.portal.views(52) + 1)

    def test_titles_and_text_are_composed_and_the_slug_is_readable(self):
        page = self.imported(10)
        self.assertEqual(page.title, unicodedata.normalize("NFC", self.portal.title(10)))
        self.assertEqual(page.slug, self.portal.slug(10))
        self.assertTrue(page.slug.startswith("hoi-nghi-tong-ket-cong-tac-tieu-chuan-do-luong"))
        for block in page.body.raw_data:
            if block["type"] == "paragraph":
                self.assertTrue(unicodedata.is_normalized("NFC", block["value"]))

    def test_word_markup_scripts_and_empty_paragraphs_are_gone(self):
        body = str(self.imported(60).body.raw_data)
        leftovers = ("MsoNormal", "style=", "font-family", "<o:p", "<script", "onclick",
                     "quảng cáo", "<p> </p>", "<p></p>", "<p><b> </b></p>", "<span")  # fmt: skip
        for leftover in leftovers:
            self.assertNotIn(leftover, body)
        paragraphs = [
            block for block in self.imported(60).body.raw_data if block["type"] == "paragraph"
        ]
        self.assertIn("<p>Tại buổi làm việc, lãnh đạo Sở", paragraphs[0]["value"])

    def test_images_are_stored_once_without_the_gps_position_with_alt_and_caption(self):
        self.assertEqual(SiteImage.objects.count(), 8)  # eight photos, reused across 238 articles
        page = self.imported(60)
        image = page.lead_image
        self.assertEqual(page.lead_image_caption, "Quang cảnh buổi làm việc số 60")
        # The old alt ("anh tin bai") is a placeholder: the caption describes the photo.
        self.assertTrue(image.description.startswith("Quang cảnh buổi làm việc số"))
        with image.open_file() as file:
            self.assertFalse(PILImage.open(file).getexif())

    def test_attachments_become_documents_in_the_library_linked_from_the_article(self):
        page = self.imported(60)
        decision = SiteDocument.objects.get(number="60/QĐ-UBND")
        self.assertEqual(decision.number, "60/QĐ-UBND")
        self.assertEqual(decision.document_type, DocumentType.DECISION)
        self.assertEqual(decision.issued_on, self.portal.published(60))
        self.assertTrue(decision.is_approved)
        plan = SiteDocument.objects.get(number="60/KH-SKHCN")
        self.assertEqual((plan.number, plan.document_type), ("60/KH-SKHCN", DocumentType.PLAN))
        self.assertEqual(linked_pages(page, linktype="document"), {decision.pk})
        self.assertIn(
            {
                "type": "document",
                "value": {"document": plan.pk, "title": "Kế hoạch số 60/KH-SKHCN"},
            },
            [{"type": block["type"], "value": block["value"]} for block in page.body.raw_data],
        )
        response = self.client.get(page.url)
        self.assertContains(response, decision.url)
        self.assertEqual(self.client.get(decision.url).status_code, 200)

    def test_links_between_articles_become_page_links(self):
        # 60 links 59 ("bài trước"), loaded before or after it (the crawl's order);
        # 6 links 5 by its query-string address.
        for number, target in ((60, 59), (6, 5)):
            self.assertEqual(linked_pages(self.imported(number)), {self.imported(target).pk})

    def test_a_link_to_an_article_loaded_later_is_rewritten_after_the_run(self):
        # Listings run newest first: article 2 links article 1, which was loaded after it.
        page = self.imported(2)
        self.assertEqual(linked_pages(page), {self.imported(1).pk})
        self.assertEqual(page.revisions.count(), 1)
        self.assertEqual(linked_pages(page.latest_revision.as_object()), {self.imported(1).pk})
        # Only the article linking the one that never answered still links its old address.
        pending = ImportedItem.objects.filter(pending_links=True)
        self.assertEqual([item.page_id for item in pending], [self.imported(15).pk])
        self.assertIn('<a href="/?details=14&amp;menuID=4">', str(self.imported(15).body.raw_data))

    def test_every_old_address_answers_301_to_its_new_page(self):
        for number in (60, 5, 7):
            page = self.imported(number)
            # Listings link every seventh by its query form only; one by both forms.
            addresses = [self.portal.address(number)]
            if number == self.portal.duplicate:
                addresses.append(self.portal.query_address(number))
            for address in addresses:
                response = self.client.get(address)
                self.assertEqual(
                    (response.status_code, response["Location"]), (301, page.url), address
                )

    def test_old_listings_and_files_answer_301_too(self):
        response = self.client.get("/thong-bao?page=3")  # the section has this slug here too
        self.assertIn(response.status_code, (200, 301))
        response = self.client.get("/tin-tuc-su-kien?page=2")
        self.assertEqual(
            (response.status_code, response["Location"]), (301, self.sections["tin-tuc"].url)
        )
        decision = SiteDocument.objects.get(number="60/QĐ-UBND")
        response = self.client.get("/files/qd-60.pdf")
        self.assertEqual((response.status_code, response["Location"]), (301, decision.url))

    def test_the_report_lists_failures_and_old_addresses_that_lead_nowhere(self):
        dead = self.first_dead_addresses
        self.assertIn("500", dead[f"{self.base}{self.portal.canonical(13)}"])
        self.assertIn("hết thời gian", dead[f"{self.base}{self.portal.query_address(14)}"])
        self.assertIn(f"{self.base}/gioi-thieu", dead)
        warnings = {}
        for level, address, _title, reason in self.first_failures:
            self.assertEqual(level, "cảnh báo")
            warnings.setdefault(address, []).append(reason)
        # The photo embedded from another host is not fetched; the video cannot be carried over.
        self.assertTrue(all(reasons for reasons in warnings.values()))
        outside = [r for reasons in warnings.values() for r in reasons if "nằm ngoài hồ sơ" in r]
        self.assertEqual(len(outside), REPLICA_ARTICLES - 2)
        video = warnings[f"{self.base}{self.portal.canonical(22)}"]
        self.assertIn(
            "nội dung nhúng không chuyển được, cần thêm lại bằng tay: "
            "https://www.youtube.com/embed/sokhcn22",
            video,
        )
        self.assertNotIn("youtube", str(self.imported(22).body.raw_data))

    def test_a_second_run_changes_nothing(self):
        pages, revisions, redirects = (
            Page.objects.count(),
            ArticlePage.objects.first().revisions.count(),
            Redirect.objects.count(),
        )
        output = load(self.folder)
        self.assertIn(f"0 tạo mới, 0 cập nhật, {REPLICA_ARTICLES - 2} không đổi", output)
        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(ArticlePage.objects.first().revisions.count(), revisions)
        self.assertEqual(Redirect.objects.count(), redirects)

    def test_a_page_an_editor_changed_is_left_alone_unless_asked(self):
        page = self.imported(60)
        page.title = "Tiêu đề do biên tập viên sửa"
        page.save_revision().publish()
        (self.folder / "items.jsonl").write_text(
            (self.folder / "items.jsonl")
            .read_text()
            .replace("(số 60)", "(số 60, bản sửa ở cổng cũ)")
        )
        try:
            output = load(self.folder)
            self.assertIn("0 tạo mới, 0 cập nhật", output)
            self.assertIn("1 đã được biên tập viên sửa", output)
            self.assertEqual(
                ArticlePage.objects.get(pk=page.pk).title, "Tiêu đề do biên tập viên sửa"
            )
            output = load(self.folder, "--overwrite")
            self.assertIn("1 cập nhật", output)
            self.assertTrue(
                ArticlePage.objects.get(pk=page.pk).title.endswith("bản sửa ở cổng cũ)")
            )
        finally:
            (self.folder / "items.jsonl").write_text(
                (self.folder / "items.jsonl").read_text().replace(", bản sửa ở cổng cũ", "")
            )

    def test_the_imported_page_has_a_history_the_workflow_can_continue(self):
        page = self.imported(60)
        history = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
        self.assertEqual([entry.action for entry in history], ["wagtail.create", "wagtail.publish"])
        self.assertEqual(page.live_revision_id, page.latest_revision_id)
        self.assertFalse(page.has_unpublished_changes)
        # An editor corrects the imported article and submits it; the approver approves.
        editor, approver = (
            make_staff("editor", EDITORS_GROUP),
            make_staff("approver", APPROVERS_GROUP),
        )
        self.client.force_login(editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        self.assertEqual(self.client.get(edit_url).status_code, 200)
        self.client.post(
            edit_url,
            article_form_data(
                page.title, slug=page.slug, summary="Tóm tắt đã sửa.", **{"action-submit": "1"}
            ),
        )
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        self.assertEqual(self.client.get(page.url).status_code, 200)  # the imported copy stays
        self.client.force_login(approver)
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(page.pk, "approve", state.current_task_state.pk),
            ),
            {"comment": ""},
        )
        self.client.logout()
        self.assertContains(self.client.get(page.url), "Tóm tắt đã sửa.")
        # The next load leaves the corrected article alone.
        self.assertIn("1 đã được biên tập viên sửa", load(self.folder))
        self.assertEqual(ArticlePage.objects.get(pk=page.pk).summary, "Tóm tắt đã sửa.")
