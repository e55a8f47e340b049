"""Step two of the switch-over: an archive folder into pages, images, documents, people and
redirects, keyed by the old address so that a second run creates nothing twice, and an item that
fails leaves nothing behind."""

import csv
import hashlib
import json
import os
import time
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site

from articles.models import ArticleIndexPage, ArticlePage, ArticleViews
from core.caching import purge_addresses, purges_batched
from core.form_exports import as_inert_text
from core.invalidation import whole_site
from core.people import PersonGroup
from core.text import short_slug
from home.media_forms import SafeImageField
from home.models import Person, SiteDocument, SiteImage
from home.models.media import (
    DOCUMENT_COLLECTION,
    IMAGE_COLLECTION,
    DocumentReview,
    default_collection,
)
from site_import.archive import ADDRESSES, FILES, ITEMS, SOURCE, Archive
from site_import.cleaning import BodyConverter, Link
from site_import.document_numbers import document_type_named, read_document_title
from site_import.extraction import clean_line, nfc
from site_import.indexing import Indexer, indexing_deferred
from site_import.models import ImportedFile, ImportedItem
from site_import.workers import WorkerFailed, load_in_processes

FAILURES_REPORT = "bao-cao-loi.csv"
DEAD_ADDRESSES_REPORT = "dia-chi-cu-khong-co-dich.csv"
# The hour an imported article is taken to have been published on its day (the old portals keep
# the day only).
PUBLISHED_AT = clock(8, 0)
IMPORT_NOTE = "Chuyển từ cổng cũ"
KNOWN_FILES_KEPT = 5000
REDIRECTS_BATCH = 500
ITEM_ATTEMPTS = 3


class ImportProblem(Exception):
    """Why an item could not be loaded, in words for the editors' report."""


@dataclass
class LoadSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    left_alone: int = 0
    failed: int = 0
    redirects: int = 0
    dead_addresses: int = 0
    links_rewritten: int = 0
    seconds: float = 0.0

    def line(self):
        return (
            f"Đã nạp: {self.created} tạo mới, {self.updated} cập nhật, {self.unchanged} không "
            f"đổi ({self.left_alone} đã được biên tập viên sửa, giữ nguyên), {self.failed} lỗi; "
            f"{self.redirects} địa chỉ cũ chuyển hướng, {self.dead_addresses} địa chỉ cũ không "
            f"có đích; {self.seconds:.0f} giây."
        )


@dataclass
class _ItemWork:
    """What loading one item made: its files (removed again if the item fails), the documents
    its body links to, and what waits for the item's commit (indexing, redirects)."""

    names: list = field(default_factory=list)
    linked_documents: set = field(default_factory=set)
    to_index: list = field(default_factory=list)  # what the item created or changed
    redirects: list = field(default_factory=list)  # (old address, page, link), once committed


class Loader:
    def __init__(
        self,
        folder,
        *,
        dry_run=False,
        as_drafts=False,
        overwrite=False,
        user=None,
        site=None,
        progress=None,
        workers=1,
    ):
        self.archive = Archive(folder)
        self.dry_run = dry_run
        self.as_drafts = as_drafts
        self.overwrite = overwrite
        self.user = user
        self.site = site or Site.objects.get(is_default_site=True)
        self.progress = progress  # called with the number of items done
        self.workers = workers
        self.summary = LoadSummary()
        self.problems = []  # (level, old address, title, reason) rows of the report
        self.stored_files = []  # a dry run's stored files, removed at its end
        self.indexer = Indexer()
        self.locale = Locale.get_default()
        self._sections = {}
        self._collections = {}
        self._known_files = {}  # sha1 -> ImportedFile, for files seen in this run (bounded)
        self._redirects = {}  # old path -> Redirect, written in batches
        self._dead_report = None  # a csv writer while the addresses are read
        source = self.archive.path(SOURCE)
        self.hosts = (
            {host.lower() for host in json.loads(source.read_text())["hosts"]}
            if source.exists()
            else set()
        )

    # --- the run --------------------------------------------------------------------------
    def run(self):
        started = time.monotonic()
        if not self.archive.path(ITEMS).exists():
            raise ImportProblem(f"Thư mục {self.archive.folder} không có tệp {ITEMS}.")
        # Each item commits on its own (editors keep working during a delta load); a dry run
        # is one transaction, rolled back.
        whole_run = transaction.atomic() if self.dry_run else nullcontext()
        try:
            with whole_run, indexing_deferred(), purges_batched():
                if self.workers > 1 and not self.dry_run:
                    try:
                        load_in_processes(self, self.workers, self.progress)
                    except WorkerFailed as stopped:
                        raise ImportProblem(str(stopped)) from stopped
                else:
                    self.load_items(progress=self.progress)
                with transaction.atomic(), self._dead_addresses_report():
                    self._load_addresses()
                    self._write_redirects()
                    self._rewrite_pending_links()
                    self.indexer.flush()
                if self.dry_run:
                    transaction.set_rollback(True)
                elif self.summary.created or self.summary.updated:
                    purge_addresses(whole_site(None))
        finally:
            if self.dry_run:
                self._remove_stored_files(self.stored_files)
        self.summary.seconds = time.monotonic() - started
        if not self.dry_run:
            self._write_reports()
        return self.summary

    def load_items(self, belongs=None, *, done=None, progress=None):
        """Load the archive's items (those `belongs` accepts), committing each; then write the
        pending redirects and search index entries."""
        count = 0
        for item in self.archive.read(ITEMS):
            if belongs is not None and not belongs(item):
                continue
            self._load_item(item)
            count += 1
            if done is not None:
                with done.get_lock():
                    done.value += 1
            if progress:
                progress(count)
        self._write_redirects()
        self.indexer.flush()

    def worker_result(self):
        """What a loading process did, for the process that started it."""
        return {"summary": asdict(self.summary), "problems": self.problems}

    def merge_worker_result(self, result):
        for name, value in result["summary"].items():
            if name != "seconds":
                setattr(self.summary, name, getattr(self.summary, name) + value)
        self.problems.extend(tuple(problem) for problem in result["problems"])

    def _load_item(self, item):
        checksum = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
        for attempt in range(1, ITEM_ATTEMPTS + 1):
            summary, problems = replace(self.summary), len(self.problems)
            try:
                self._load_item_once(item, checksum)
                return
            except IntegrityError as conflict:
                # Another process made the same image, document or tag in the meantime: the
                # next attempt finds it. Or a real conflict, reported after the last attempt.
                self.summary, self.problems[problems:] = summary, []
                self._known_files.clear()
                if attempt == ITEM_ATTEMPTS:
                    self._failed(item, f"xung đột dữ liệu: {conflict}")

    def _failed(self, item, reason):
        self.summary.failed += 1
        self.problems.append(("lỗi", item.get("source_url", ""), item.get("title", ""), reason))

    def _load_item_once(self, item, checksum):
        work = _ItemWork()
        try:
            with transaction.atomic():
                loader = {
                    "article": self._article,
                    "document": self._document,
                    "person": self._person,
                }.get(item.get("kind", "article"))
                if loader is None:
                    raise ImportProblem(f"không biết loại mục {item.get('kind')!r}")
                loader(item, checksum, work)
            for obj in work.to_index:
                self.indexer.add(obj)
            for address, page, link in work.redirects:
                self._redirect(address, page=page, link=link)
        except IntegrityError:
            self._remove_stored_files(work.names)
            raise
        except (
            ImportProblem,
            ValidationError,
            DatabaseError,
            OSError,
            ValueError,
            KeyError,
        ) as problem:
            # (DatabaseError: a value the database refuses, such as an address too long.)
            self._remove_stored_files(work.names)
            self._known_files.clear()  # it may hold rows the failed item's rollback removed
            self._failed(item, _reason(problem))

    # --- articles -------------------------------------------------------------------------
    def _article(self, item, checksum, work):
        record = ImportedItem.objects.filter(source_url=item["source_url"]).first()
        page, edited = self._imported_page(record)
        if edited and not self.overwrite:
            self._leave_alone(item, deleted=page is None)
            return
        if page and not edited and record.checksum == checksum:
            self.summary.unchanged += 1
            return
        section = self._section(item.get("section"))
        fields, tags, pending_links = self._article_fields(item, work)
        created = page is None
        if created:
            page = ArticlePage(**fields, slug=self._free_slug(section, fields["title"]))
            page.tags.set(tags)
            revision = self._create_page(section, page, fields["published_on"])
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            page.tags.set(tags)
            revision = page.save_revision(user=self.user, log_action=True)
            if not self.as_drafts:
                revision.publish(user=self.user, log_action=True)
        views = int(item.get("views") or 0)
        self._carry_views_on(page, views, record)
        ImportedItem.objects.update_or_create(
            source_url=item["source_url"],
            defaults={
                "kind": ImportedItem.Kind.ARTICLE,
                "page": page,
                "revision_id": revision.pk,
                "checksum": checksum,
                "source_views": max(views, record.source_views if record else 0),
                "pending_links": pending_links,
            },
        )
        for address in (item["source_url"], *item.get("aliases", [])):
            work.redirects.append((address, page, ""))
        work.to_index.append(page)
        if created:
            self.summary.created += 1
        else:
            self.summary.updated += 1

    def _article_fields(self, item, work):
        """(the page's field values, its tags, whether its body still links old addresses)."""
        published_on = _date(item.get("published"))
        if published_on is None:
            raise ImportProblem("không đọc được ngày đăng")
        title = clean_line(item.get("title"))
        if not title:
            raise ImportProblem("bài không có tiêu đề")
        images = {image["url"]: image for image in item.get("images", []) if image.get("url")}
        attachments = {a["url"]: a for a in item.get("attachments", []) if a.get("url")}
        converter = BodyConverter(
            link_for=lambda href: self._link_for(href, attachments, work),
            image_for=lambda src: self._image_for(images.get(src), item, work),
        )
        body = converter.blocks(item.get("body_html", ""))
        for embedded in _embedded_media(item.get("body_html", "")):
            self._warn(item, f"nội dung nhúng không chuyển được, cần thêm lại bằng tay: {embedded}")
        # Attachments the text does not link to are listed after it.
        for attachment in attachments.values():
            document = self._attachment_document(attachment, item, work)
            if document and document.pk not in work.linked_documents:
                work.linked_documents.add(document.pk)
                title_shown = clean_line(attachment.get("title"))
                body.append(
                    {"type": "document", "value": {"document": document.pk, "title": title_shown}}
                )
        lead = item.get("lead_image")
        fields = {
            "title": title[:255],
            "summary": clean_line(item.get("summary"))[:1000],
            "published_on": published_on,
            "author_line": clean_line(item.get("author"))[:200],
            "lead_image": self._image(lead, item, work) if lead else None,
            "lead_image_caption": clean_line((lead or {}).get("caption"))[:300],
            "body": body,
        }
        tags = [clean_line(tag)[:100] for tag in item.get("tags", []) if clean_line(tag)]
        return fields, tags, converter.unresolved_links > 0

    def _carry_views_on(self, page, views, record):
        """The old "Lượt xem" is where the count starts; readers' views add to it, and a later
        load adds what the old portal counted since."""
        if record is None or not ArticleViews.objects.filter(page_id=page.pk).exists():
            ArticleViews.objects.update_or_create(page_id=page.pk, defaults={"views": views})
        elif views > record.source_views:
            ArticleViews.objects.filter(page_id=page.pk).update(
                views=F("views") + views - record.source_views
            )

    def _create_page(self, section, page, published_on):
        """The new page in the tree, with its revision and its history ("created", and
        "published" unless loading drafts), as publishing it would leave them. Written
        directly: Wagtail's publish saves the page twice more and purges the front cache per
        page (the whole site is purged once at the end). tests/site_import/test_page_creation.py
        compares the result with Wagtail's own create-and-publish."""
        page.live = not self.as_drafts
        if page.live:
            page.first_published_at = timezone.make_aware(
                datetime.combine(published_on, PUBLISHED_AT)
            )
            page.last_published_at = page.first_published_at
        page.locale = self.locale
        page.owner = self.user  # the "created" entry of the history names the importer
        section.add_child(instance=page)
        # As Wagtail's own create view: the creation is logged, its first revision is not.
        revision = page.save_revision(user=self.user, log_action=False, clean=False)
        if page.live:
            page.live_revision = revision
            page.has_unpublished_changes = False
            ArticlePage.objects.filter(pk=page.pk).update(
                live_revision=revision, has_unpublished_changes=False
            )
            log(instance=page, action="wagtail.publish", user=self.user, revision=revision)
        return revision

    def _imported_page(self, record):
        """(the page an earlier load made or None, whether an editor has since changed or
        deleted it)."""
        if record is None:
            return None, False
        page = ArticlePage.objects.filter(pk=record.page_id).first() if record.page_id else None
        return page, page is None or page.latest_revision_id != record.revision_id

    def _leave_alone(self, item, *, deleted):
        self.summary.unchanged += 1
        self.summary.left_alone += 1
        reason = (
            "bài đã bị xóa trên cổng mới"
            if deleted
            else "biên tập viên đã sửa bài sau lần nạp trước (dùng --overwrite để ghi đè)"
        )
        self.problems.append(("giữ nguyên", item["source_url"], item.get("title", ""), reason))

    def _section(self, slug):
        if slug not in self._sections:
            root = self.site.root_page
            self._sections[slug] = (
                ArticleIndexPage.objects.child_of(root).filter(slug=slug).first() if slug else None
            )
        section = self._sections[slug]
        if section is None:
            raise ImportProblem(
                f"cổng mới chưa có chuyên mục tin “{slug or '?'}” (tạo chuyên mục hoặc sửa "
                "[[sections]] trong hồ sơ)"
            )
        return section

    def _free_slug(self, section, title):
        base = short_slug(title) or "tin-bai"
        taken = set(
            section.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    # --- links, images, attachments -------------------------------------------------------
    def _link_for(self, href, attachments, work):
        href = (href or "").strip()
        parts = urlsplit(href)
        if parts.scheme == "mailto":
            return Link("url", href)
        if parts.netloc and parts.netloc.lower() not in self.hosts:
            return Link("url", href)  # another site: kept as it is
        if href in attachments:
            document = self._attachment_document(attachments[href], {"source_url": href}, work)
            if document is None:
                return None
            work.linked_documents.add(document.pk)
            return Link("document", document.pk)
        target = self._old_address_target(href)
        if target is not None:
            return target
        relative = parts.path or "/"
        if parts.query:
            relative += f"?{parts.query}"
        # An article loaded later: its redirect answers until the link is rewritten.
        return Link("pending", relative)

    def _old_address_target(self, href):
        item = (
            ImportedItem.objects.filter(source_url=href, page__isnull=False)
            .values_list("page_id", flat=True)
            .first()
        )
        if item:
            return Link("page", item)
        redirect = (
            Redirect.get_for_site(self.site)
            .filter(old_path=Redirect.normalise_path(href))
            .values_list("redirect_page_id", "redirect_link")
            .first()
        )
        if redirect and redirect[0]:
            return Link("page", redirect[0])
        if redirect and redirect[1]:
            return Link("url", redirect[1])
        return None

    def _image_for(self, record, item, work):
        image = self._image(record, item, work) if record else None
        if image is None:
            return None
        # The same photo may serve several articles: the alt text and caption are this use's.
        caption = clean_line(record.get("caption"))
        return (
            image.pk,
            _alt_text(clean_line(record.get("alt")), caption) or image.description,
            caption,
        )

    def _image(self, record, item, work):
        """The site's image for a downloaded photo (one per content), or None with a warning."""
        if record.get("error") or not record.get("sha1"):
            self._warn(item, f"ảnh {record.get('url')} không tải được: {record.get('error', '?')}")
            return None
        known = self._known_file(record["sha1"])
        if known and known.image:
            return known.image
        path = self.archive.inside(record["file"])
        caption = clean_line(record.get("caption"))
        alt = _alt_text(clean_line(record.get("alt")), caption) or clean_line(item.get("title"))
        upload = SimpleUploadedFile(os.path.basename(path), path.read_bytes())
        try:
            checked = SafeImageField().clean(upload)  # the limits staff uploads meet
        except ValidationError as error:
            self._warn(item, f"ảnh {record.get('url')} bị từ chối: {_reason(error)}")
            return None
        checked.seek(0)
        image = SiteImage(
            title=(caption or alt or path.stem)[:255],
            description=alt[:255],
            caption=caption[:300],
            collection=self._collection(IMAGE_COLLECTION),
            file=File(checked, name=upload.name),
        )
        image.save()  # strips the EXIF GPS position and camera details
        image._set_image_file_metadata()
        image.save(update_fields=["file_size", "file_hash"])
        work.to_index.append(image)
        self._stored(work, image.file.name)
        self._remember_file(ImportedFile.objects.create(sha1=record["sha1"], image=image))
        return image

    def _attachment_document(self, record, item, work):
        if record.get("error") or not record.get("sha1"):
            self._warn(item, f"tệp {record.get('url')} không tải được: {record.get('error', '?')}")
            return None
        known = self._known_file(record["sha1"])
        if known and known.document:
            return known.document
        title = clean_line(record.get("title")) or Path(urlsplit(record["url"]).path).stem
        number, kind, issued = read_document_title(title)
        document = self._store_document(
            record,
            work,
            title=title,
            number=number,
            document_type=kind,
            issued_on=issued,
        )
        self._remember_file(ImportedFile.objects.create(sha1=record["sha1"], document=document))
        return document

    def _stored(self, work, name):
        work.names.append(name)
        if self.dry_run:
            self.stored_files.append(name)

    def _known_file(self, sha1):
        if sha1 not in self._known_files:
            found = ImportedFile.objects.filter(sha1=sha1).select_related("image", "document")
            self._remember_file(found.first(), sha1)
        return self._known_files[sha1]

    def _remember_file(self, imported, sha1=None):
        if len(self._known_files) > KNOWN_FILES_KEPT:
            self._known_files.clear()  # memory stays flat over any archive
        self._known_files[sha1 or imported.sha1] = imported

    def _collection(self, name):
        if name not in self._collections:
            self._collections[name] = default_collection(name)
        return self._collections[name]

    def _store_document(self, record, work, **metadata):
        path = self.archive.inside(record["file"])
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit and path.stat().st_size > limit:
            raise ImportProblem(f"tệp {path.name} lớn hơn giới hạn tải lên")
        name = Path(urlsplit(record.get("url", "")).path).name or path.name
        with path.open("rb") as content:
            document = SiteDocument(
                collection=self._collection(DOCUMENT_COLLECTION),
                file=File(content, name=name),
                review_status=DocumentReview.WAITING if self.as_drafts else DocumentReview.APPROVED,
                review_comment="" if self.as_drafts else IMPORT_NOTE,
                reviewed_at=None if self.as_drafts else timezone.now(),
                **{key: value for key, value in metadata.items() if value is not None},
            )
            document.title = document.title[:255]
            document.clean()  # the extension and content checks staff uploads meet
            document._set_document_file_metadata()
            document.save()
        work.to_index.append(document)
        self._stored(work, document.file.name)
        return document

    # --- documents and people from the CSV lists ------------------------------------------
    def _document(self, item, checksum, work):
        record = ImportedItem.objects.filter(source_url=item["source_url"]).first()
        if record and record.checksum == checksum:
            self.summary.unchanged += 1
            return
        metadata = {
            "title": clean_line(item.get("title") or item.get("summary"))[:255],
            "number": clean_line(item.get("number"))[:60],
            "document_type": document_type_named(item.get("document_type")),
            "issuer": clean_line(item.get("issuer"))[:200],
            "signer": clean_line(item.get("signer"))[:200],
            "summary": nfc(item.get("summary", "")).strip()[:2000],
            "issued_on": _date(item.get("issued_on")),
        }
        document = SiteDocument.objects.filter(pk=record.document_id).first() if record else None
        if document is None:
            document = self._store_document(item, work, **metadata)
            ImportedFile.objects.get_or_create(sha1=item["sha1"], defaults={"document": document})
            self.summary.created += 1
        else:
            for name, value in metadata.items():
                setattr(document, name, value)
            document.save()
            work.to_index.append(document)
            self.summary.updated += 1
        ImportedItem.objects.update_or_create(
            source_url=item["source_url"],
            defaults={
                "kind": ImportedItem.Kind.DOCUMENT,
                "document": document,
                "checksum": checksum,
            },
        )
        work.redirects.append((item["source_url"], None, document.url))

    def _person(self, item, checksum, work):
        record = ImportedItem.objects.filter(source_url=item["source_url"]).first()
        if record and record.checksum == checksum:
            self.summary.unchanged += 1
            return
        group = item.get("group") or PersonGroup.UNIT_HEADS
        if group not in PersonGroup.values:
            group = next(
                (
                    value
                    for value, label in PersonGroup.choices
                    if label.casefold() == group.casefold()
                ),
                PersonGroup.UNIT_HEADS,
            )
        values = {
            "name": clean_line(item.get("name"))[:120],
            "position": clean_line(item.get("position"))[:160],
            "unit": clean_line(item.get("unit"))[:200],
            "phone": clean_line(item.get("phone"))[:40],
            "email": clean_line(item.get("email"))[:254],
            "group": group,
        }
        person = Person.objects.filter(pk=record.person_id).first() if record else None
        if person is None:
            person = Person(**values)
            self.summary.created += 1
        else:
            for name, value in values.items():
                setattr(person, name, value)
            self.summary.updated += 1
        person.full_clean()
        person.save()
        ImportedItem.objects.update_or_create(
            source_url=item["source_url"],
            defaults={"kind": ImportedItem.Kind.PERSON, "person": person, "checksum": checksum},
        )

    # --- addresses ------------------------------------------------------------------------
    def _load_addresses(self):
        for record in self.archive.read(FILES):
            known = (
                ImportedFile.objects.filter(sha1=record["sha1"])
                .select_related("image", "document")
                .first()
            )
            if known and known.document:
                self._redirect(record["url"], link=known.document.url)
            elif known and known.image:
                self._redirect(record["url"], link=known.image.file.url)
        for record in self.archive.read(ADDRESSES):
            outcome, url = record.get("outcome"), record.get("url", "")
            if outcome == "article" and self._loaded(url):
                continue  # its redirect came with the article
            if outcome in ("article", "alias"):
                page_id = (
                    ImportedItem.objects.filter(source_url=record.get("item"))
                    .values_list("page_id", flat=True)
                    .first()
                )
                if page_id:
                    self._redirect(url, page=Page(pk=page_id))
                else:
                    self._dead(url, "bài ở địa chỉ này chưa chuyển được (xem báo cáo lỗi)")
            elif outcome == "listing":
                try:
                    section = self._section(record.get("section"))
                    self._redirect(url, page=section, may_be_ours=True)
                except ImportProblem as problem:
                    self._dead(url, str(problem))
            elif outcome in ("failed", "refused"):
                self._dead(url, f"cổng cũ không trả được trang: {record.get('reason', '')}")
            elif not self._has_redirect(url):
                self._dead(url, record.get("reason") or "không phải tin bài")

    def _redirect(self, address, *, page=None, link="", may_be_ours=False):
        """`may_be_ours`: the old address may be one this site answers itself (a section
        listing kept under the same name), which needs no redirect."""
        old_path = Redirect.normalise_path(address)
        if old_path in ("", "/") or (may_be_ours and self._answers_here(old_path)):
            return
        if old_path not in self._redirects:
            self.summary.redirects += 1
        self._redirects[old_path] = Redirect(
            site=self.site,
            old_path=old_path,
            redirect_page_id=page.pk if page else None,
            redirect_link=link if page is None else "",
            is_permanent=True,
        )
        if len(self._redirects) >= REDIRECTS_BATCH:
            self._write_redirects()

    def _write_redirects(self):
        """The batch's redirects, new or replacing the old address's earlier target."""
        Redirect.objects.bulk_create(
            list(self._redirects.values()),
            update_conflicts=True,
            unique_fields=["old_path", "site"],
            update_fields=["redirect_page", "redirect_link", "is_permanent"],
        )
        self._redirects = {}

    def _loaded(self, source_url):
        return ImportedItem.objects.filter(source_url=source_url, page__isnull=False).exists()

    def _has_redirect(self, address):
        old_path = Redirect.normalise_path(address)
        if old_path in self._redirects:
            return True
        return Redirect.get_for_site(self.site).filter(old_path=old_path).exists()

    def _answers_here(self, old_path):
        """An old address the new site itself answers (no query, a page at that path)."""
        if "?" in old_path:
            return False
        url_path = f"{self.site.root_page.url_path}{old_path.strip('/')}/"
        return Page.objects.filter(url_path=url_path).exists()

    def _dead(self, url, reason):
        self.summary.dead_addresses += 1
        if self._dead_report is not None:
            self._dead_report.writerow([as_inert_text(url), as_inert_text(reason)])

    # --- links to articles loaded after the one that links them ---------------------------
    def _rewrite_pending_links(self):
        for record in ImportedItem.objects.filter(pending_links=True, page__isnull=False):
            page = ArticlePage.objects.filter(pk=record.page_id).first()
            if page is None or page.latest_revision_id != record.revision_id:
                continue
            changed, still_pending = False, False
            body = list(page.body.raw_data)
            for block in body:
                if block["type"] != "paragraph":
                    continue
                soup = BeautifulSoup(block["value"], "html.parser")
                block_changed = False
                for anchor in soup.find_all("a", href=True):
                    if not anchor["href"].startswith("/"):
                        continue  # another site's address, kept as it was
                    target = self._old_address_target(anchor["href"])
                    if target is None:
                        still_pending = True
                    elif target.kind == "page":
                        anchor.attrs = {"linktype": "page", "id": str(target.target)}
                        block_changed = True
                if block_changed:
                    block["value"] = str(soup)
                    changed = True
            if changed:
                # The import's own revision, completed in place: no second revision, no second
                # publish, for what is one import of the article.
                page.body = body
                ArticlePage.objects.filter(pk=page.pk).update(body=page.body)
                revision = Revision.objects.get(pk=record.revision_id)
                revision.content["body"] = json.dumps(body)
                revision.save(update_fields=["content"])
                # The words readers search are the same; only what the page links to changed.
                ReferenceIndex.create_or_update_for_object(page)
                self.summary.links_rewritten += 1
            record.pending_links = still_pending
            record.save(update_fields=["pending_links", "updated_at"])

    # --- reports --------------------------------------------------------------------------
    def _warn(self, item, reason):
        self.problems.append(
            ("cảnh báo", item.get("source_url", ""), item.get("title", ""), reason)
        )

    def _write_reports(self):
        with open(self.archive.path(FAILURES_REPORT), "w", newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out)  # Excel reads the BOM as "this is UTF-8"
            writer.writerow(("mức", "địa chỉ cũ", "tiêu đề", "lý do"))
            for row in self.problems:
                writer.writerow([as_inert_text(value) for value in row])

    @contextmanager
    def _dead_addresses_report(self):
        """Old addresses that lead nowhere, written as they are found (there may be many)."""
        if self.dry_run:
            yield
            return
        with open(
            self.archive.path(DEAD_ADDRESSES_REPORT), "w", newline="", encoding="utf-8-sig"
        ) as out:
            self._dead_report = csv.writer(out)
            self._dead_report.writerow(("địa chỉ cũ", "lý do"))
            try:
                yield
            finally:
                self._dead_report = None

    def _remove_stored_files(self, names):
        for name in names:
            for storage in (
                SiteImage._meta.get_field("file").storage,
                SiteDocument._meta.get_field("file").storage,
            ):
                if storage.exists(name):
                    storage.delete(name)


def _embedded_media(html):
    """Videos, maps and other embedded frames of an old body: the sanitiser drops them (a
    frame runs another site's code in ours), so editors add them again as embed blocks."""
    if (
        "<iframe" not in html
        and "<object" not in html
        and "<embed" not in html
        and ("<video" not in html)
    ):
        return []
    soup = BeautifulSoup(html, "html.parser")
    return [
        tag.get("src") or tag.get("data") or tag.name
        for tag in soup.find_all(("iframe", "object", "embed", "video"))
    ]


def _date(value):
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _alt_text(alt, caption):
    """The old `alt`, unless it is a placeholder typed without tone marks ("anh tin bai")
    while a caption says what the photo shows."""
    if caption and (not alt or alt.isascii()):
        return caption
    return alt


def _reason(problem):
    if isinstance(problem, ValidationError):
        messages = (
            problem.message_dict.values() if hasattr(problem, "error_dict") else [problem.messages]
        )
        return "; ".join(str(message) for group in messages for message in group)
    if isinstance(problem, KeyError):
        return f"thiếu trường {problem}"
    return str(problem)
