"""The load's edges: a dry run, items that fail, drafts, and the lists the old portal keeps as
tables (documents and people)."""

import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from django.test import TestCase, override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from articles.models import ArticlePage
from home.models import DocumentType, Person, SiteDocument, SiteImage
from site_import.loading import FAILURES_REPORT, Loader
from site_import.models import ImportedFile, ImportedItem
from tests.factories import ArticleIndexPageFactory
from tests.front_cache import RecordingBackend
from tests.helpers import ReaderClient, home_page
from tests.site_import.replica import CollectedArchive, collect, served_replica
from tests.site_import.test_load import SECTIONS, load, make_sections, read_report

ARTICLES = 24
image_storage = SiteImage._meta.get_field("file").storage
document_storage = SiteDocument._meta.get_field("file").storage
# Numbers 13 and 14 answer 500 and never answer: neither is collected.
COLLECTED = [number for number in range(1, ARTICLES + 1) if number not in (13, 14)]


def stored_files():
    return {
        path
        for root in (
            SiteImage._meta.get_field("file").storage.location,
            SiteDocument._meta.get_field("file").storage.location,
        )  # fmt: skip
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, SiteImage, SiteDocument, Redirect, ImportedItem, ImportedFile, Person)
    }


class SmallArchiveTests(CollectedArchive, TestCase):
    client_class = ReaderClient
    replica_articles = ARTICLES

    @classmethod
    def collect_archive(cls, base, beside):
        (beside / "van-ban.csv").write_text(
            "so_ky_hieu,loai_van_ban,co_quan_ban_hanh,ngay_ban_hanh,nguoi_ky,trich_yeu,dia_chi_tep\n"
            "2423/QĐ-UBND,Quyết định,UBND tỉnh Sơn La,18/11/2022,Nguyễn Thành Công,"
            "Phê duyệt danh mục nhiệm vụ KH&CN cấp tỉnh,/files/qd-2423.pdf\n"
            "99/KH-SKHCN,Kế hoạch,Sở KH&CN,05/6/2023,,Kế hoạch thông tin KH&CN,"
            "/files/khong-co.pdf\n",
            encoding="utf-8-sig",
        )
        (beside / "can-bo.csv").write_text(
            "ho_ten,chuc_vu,don_vi,nhom,dien_thoai,email\n"
            "Nguyễn Văn A,Giám đốc Sở,Sở KH&CN,Lãnh đạo Sở,02123.852.224,"
            "giamdoc@sokhcn.example\n",
            encoding="utf-8",
        )
        collect(
            base,
            cls.folder,
            f"--documents-csv={beside / 'van-ban.csv'}",
            f"--people-csv={beside / 'can-bo.csv'}",
        )

    def test_a_dry_run_writes_nothing(self):
        make_sections()
        before = counts()
        output = load(self.folder, "--dry-run")
        # The articles, one document (the other's file is missing) and one person.
        self.assertIn(f"Chạy thử, không ghi gì. Đã nạp: {len(COLLECTED) + 2} tạo mới", output)
        self.assertEqual(counts(), before)
        # The files it checked went through storage, and are gone again.
        loader = Loader(self.folder, dry_run=True)
        loader.run()
        self.assertGreater(len(loader.stored_files), 10)
        for name in loader.stored_files:
            self.assertFalse(image_storage.exists(name) or document_storage.exists(name), name)

    def test_an_item_that_fails_leaves_nothing_behind_and_is_reported(self):
        # The new site has no "Hoạt động KH&CN" section yet.
        for slug in ("tin-tuc", "thong-bao"):
            ArticleIndexPageFactory(parent=home_page(), title=SECTIONS[slug], slug=slug)
        output = load(self.folder)
        missing = [n for n in COLLECTED if self.portal.section(n)[0] == "hoat-dong-khcn"]
        self.assertIn(f"{len(missing)} lỗi", output)
        failures = [row for row in read_report(self.folder, FAILURES_REPORT) if row[0] == "lỗi"]
        self.assertEqual(len(failures), len(missing))
        self.assertTrue(
            all("chưa có chuyên mục tin “hoat-dong-khcn”" in row[3] for row in failures)
        )
        titles = {ArticlePage.objects.values_list("title", flat=True)}
        for number in missing:
            self.assertNotIn(self.portal.title(number), titles)
            self.assertFalse(SiteDocument.objects.filter(number=f"{number}/QĐ-UBND").exists())
        self.assertEqual(ArticlePage.objects.count(), len(COLLECTED) - len(missing))
        # Once the section exists, the next run brings in just those.
        ArticleIndexPageFactory(parent=home_page(), title="Hoạt động KH&CN", slug="hoat-dong-khcn")
        self.assertIn(f"Đã nạp: {len(missing)} tạo mới, 0 cập nhật", load(self.folder))

    @override_settings(
        WAGTAILFRONTENDCACHE={"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
    )
    def test_the_whole_site_leaves_the_front_cache_after_a_load_not_per_article(self):
        make_sections()
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            load(self.folder)
        # One batch, each address once: the load's own purge of the site, with what the saves
        # of people (home/invalidation.py) and documents (the home page; opendata) ask for.
        self.assertEqual(
            sorted(RecordingBackend.purged),
            ["http://localhost/", "http://localhost/*", "http://localhost/api/van-ban/*"],
        )
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            load(self.folder)  # nothing new: nothing to purge
        self.assertEqual(RecordingBackend.purged, [])

    def test_drafts_wait_for_the_approvers(self):
        make_sections()
        load(self.folder, "--as-drafts")
        self.assertEqual(ArticlePage.objects.filter(live=True).count(), 0)
        page = ArticlePage.objects.first()
        self.assertEqual(page.revisions.count(), 1)
        self.assertEqual(self.client.get(f"{self.portal.canonical(1)}").status_code, 301)
        self.assertFalse(SiteDocument.objects.filter(review_status="da_duyet").exists())

    def test_documents_and_people_from_the_tables(self):
        make_sections()
        load(self.folder)
        decision = SiteDocument.objects.get(number="2423/QĐ-UBND")
        self.assertEqual(decision.document_type, DocumentType.DECISION)
        self.assertEqual(decision.issuer, "UBND tỉnh Sơn La")
        self.assertEqual(str(decision.issued_on), "2022-11-18")
        self.assertEqual(decision.signer, "Nguyễn Thành Công")
        self.assertEqual(self.client.get("/files/qd-2423.pdf")["Location"], decision.url)
        self.assertFalse(SiteDocument.objects.filter(number="99/KH-SKHCN").exists())
        person = Person.objects.get(name="Nguyễn Văn A")
        self.assertEqual((person.position, person.group), ("Giám đốc Sở", "lanh_dao"))
        dead = [row[0] for row in read_report(self.folder, "dia-chi-cu-khong-co-dich.csv")]
        self.assertTrue(any(address.endswith("/files/khong-co.pdf") for address in dead))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_loading_processes_share_the_sections_and_load_what_one_would(tmp_path):
    """Three processes (one per section) load the same pages, images and redirects as one, and
    the photos every section shares are made once."""
    make_sections()
    with served_replica(articles=60) as (portal, base, _outside):
        collect(base, tmp_path / "du-lieu-cu")
    output = load(tmp_path / "du-lieu-cu", "--workers=3")
    collected = [number for number in range(1, 61) if number not in (13, 14)]
    assert f"Đã nạp: {len(collected)} tạo mới, 0 cập nhật, 0 không đổi" in output
    assert "0 lỗi" in output
    assert ArticlePage.objects.filter(live=True).count() == len(collected)
    assert SiteImage.objects.count() == 8
    assert ImportedFile.objects.filter(image__isnull=False).count() == 8
    assert not list(tmp_path.glob("du-lieu-cu/.nap-*.json"))
    for number in (3, 4, 5):  # one article of each section
        page = ArticlePage.objects.get(title=unicodedata.normalize("NFC", portal.title(number)))
        assert Redirect.objects.get(old_path=portal.canonical(number)).redirect_page_id == page.pk
    assert "0 tạo mới, 0 cập nhật" in load(tmp_path / "du-lieu-cu", "--workers=3")


class HandMadeArchiveTests(TestCase):
    """An archive written by hand or by a vendor's export, not by the crawler."""

    def test_a_file_outside_the_archive_is_refused_and_reported(self):
        make_sections()
        with tempfile.TemporaryDirectory() as holder:
            folder = Path(holder)
            secret = folder.parent / f"{folder.name}-bi-mat.pdf"
            secret.write_bytes(b"%PDF-1.4 bi mat")
            item = {
                "kind": "document",
                "source_url": "https://cong-cu.example/files/bi-mat.pdf",
                "title": "Văn bản",
                "file": f"files/../../{secret.name}",
                "sha1": "0" * 40,
            }
            (folder / "items.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
            try:
                output = load(folder)
            finally:
                secret.unlink()
            self.assertIn("0 tạo mới", output)
            self.assertIn("1 lỗi", output)
            self.assertFalse(SiteDocument.objects.filter(title="Văn bản").exists())
            [row] = read_report(folder, FAILURES_REPORT)
            self.assertIn("nằm ngoài thư mục files/", row[3])
