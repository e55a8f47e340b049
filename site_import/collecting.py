"""Step one of the switch-over: read the old portal (its sitemap, else its section listings and
their numbered pages) into an archive folder, politely and resumably."""

import csv
import hashlib
import json
import mimetypes
import os
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from site_import.archive import ADDRESSES, FILES, FILES_DIR, ITEMS, SOURCE, Archive
from site_import.extraction import (
    ArticleExtractor,
    clean_line,
    is_document_address,
    links_on,
    parse_date,
)
from site_import.fetching import FetchFailed, FetchRefused, PoliteFetcher


@dataclass
class CollectSummary:
    new_items: int = 0
    known_items: int = 0
    aliases: int = 0
    listings: int = 0
    files: int = 0
    failed: int = 0
    queued: int = 0  # addresses to visit found so far (the progress bar's total)
    seconds: float = 0.0

    def line(self):
        return (
            f"Đã thu thập {self.new_items} tin bài mới ({self.known_items} đã có từ lần trước), "
            f"{self.aliases} địa chỉ trùng, {self.listings} trang danh sách, {self.files} tệp; "
            f"{self.failed} địa chỉ lỗi; {self.seconds:.0f} giây."
        )


@dataclass
class Visit:
    """What one address gave: records for the archive and the links to follow."""

    url: str
    addresses: list = field(default_factory=list)
    item: dict | None = None
    links: list = field(default_factory=list)
    files: list = field(default_factory=list)


class Collector:
    def __init__(self, profile, folder, *, limit=0, progress=None):
        self.profile = profile
        self.archive = Archive(folder)
        self.fetcher = PoliteFetcher(profile)
        self.extractor = ArticleExtractor(profile)
        self.limit = limit or profile.max_pages
        self.progress = progress
        self.summary = CollectSummary()
        self.seen = set()  # addresses queued or visited in this run (and articles from earlier)
        self.article_by_key = {}  # the old portal's article id -> the address it is kept under
        self.fingerprints = {}  # title and text of articles without an id -> their address
        self.files = {}  # file address -> its record in files.jsonl

    # --- resuming -------------------------------------------------------------------------
    def _resume(self):
        for item in self.archive.read(ITEMS):
            if item.get("kind") != "article":
                self.seen.add(item["source_url"])
                continue
            self.summary.known_items += 1
            for address in (item["source_url"], *item.get("aliases", [])):
                self.seen.add(address)
                if key := self.profile.article_key(address):
                    self.article_by_key.setdefault(key, item["source_url"])
            if item.get("fingerprint"):
                self.fingerprints[item["fingerprint"]] = item["source_url"]
        for record in self.archive.read(ADDRESSES):
            if record["outcome"] == "alias":
                self.seen.add(record["url"])
        for record in self.archive.read(FILES):
            self.files[record["url"]] = record

    # --- the crawl ------------------------------------------------------------------------
    def _open(self):
        self._resume()
        self.archive.folder.mkdir(parents=True, exist_ok=True)
        self.archive.path(SOURCE).write_text(
            json.dumps(
                {
                    "name": self.profile.name,
                    "base_url": self.profile.base_url,
                    "hosts": sorted(self.profile.hosts),
                    "legacy_query_keys": list(self.profile.legacy_query_keys),
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        self.items_out = self.archive.appender(ITEMS)
        self.addresses_out = self.archive.appender(ADDRESSES)
        self.files_out = self.archive.appender(FILES)

    def _close(self):
        for appender in (self.items_out, self.addresses_out, self.files_out):
            appender.close()

    def run(self, *, crawl=True, documents_csv=None, people_csv=None):
        started = time.monotonic()
        self._open()
        try:
            if documents_csv:
                self._documents_table(documents_csv)
            if people_csv:
                self._people_table(people_csv)
            if crawl:
                self._crawl()
        finally:
            self._close()
        self.summary.seconds = time.monotonic() - started
        return self.summary

    def _crawl(self):
        queue = deque()
        for section in self.profile.sections:
            self._enqueue(queue, self.profile.absolute(section.listing), section.to)
        for address in self._sitemap_addresses():
            self._enqueue(queue, address, "")
        with ThreadPoolExecutor(self.profile.concurrency) as pool:
            running = {}
            while queue or running:
                while queue and len(running) < self.profile.concurrency * 2:
                    if self.limit and self.summary.new_items + len(running) >= self.limit:
                        queue.clear()
                        break
                    url, section = queue.popleft()
                    running[pool.submit(self._visit, url, section)] = url
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    del running[future]
                    self._record(future.result(), queue)

    # --- lists the old portal keeps as tables ---------------------------------------------
    def _documents_table(self, path):
        """A CSV of documents: so_ky_hieu, loai_van_ban, co_quan_ban_hanh, ngay_ban_hanh,
        nguoi_ky, trich_yeu, tieu_de, dia_chi_tep (the file's address on the old portal)."""
        for row in _rows(path):
            address = self.profile.absolute(row.get("dia_chi_tep", ""))
            if address in self.seen or not row.get("dia_chi_tep"):
                continue
            self.seen.add(address)
            visit = Visit(address)
            downloaded = self._download(address, visit)
            if "error" in downloaded:
                visit.addresses.append(
                    {"url": address, "outcome": "failed", "reason": downloaded["error"]}
                )
            else:
                issued = parse_date(row.get("ngay_ban_hanh", ""), self.profile.date_formats)
                visit.item = {
                    "kind": "document",
                    "source_url": address,
                    "number": clean_line(row.get("so_ky_hieu")),
                    "document_type": clean_line(row.get("loai_van_ban")),
                    "issuer": clean_line(row.get("co_quan_ban_hanh")),
                    "issued_on": issued.isoformat() if issued else None,
                    "signer": clean_line(row.get("nguoi_ky")),
                    "summary": clean_line(row.get("trich_yeu")),
                    "title": clean_line(row.get("tieu_de") or row.get("trich_yeu")),
                    "url": address,
                    **downloaded,
                }
            self._record(visit, None)

    def _people_table(self, path):
        """A CSV of people: ho_ten, chuc_vu, don_vi, nhom, dien_thoai, email."""
        for row in _rows(path):
            name, position = clean_line(row.get("ho_ten")), clean_line(row.get("chuc_vu"))
            key = f"{Path(path).name}#{name}|{position}"
            if not name or key in self.seen:
                continue
            self.seen.add(key)
            visit = Visit(key)
            visit.item = {
                "kind": "person",
                "source_url": key,
                "name": name,
                "position": position,
                "unit": clean_line(row.get("don_vi")),
                "group": clean_line(row.get("nhom")),
                "phone": clean_line(row.get("dien_thoai")),
                "email": clean_line(row.get("email")),
            }
            self._record(visit, None)

    def _enqueue(self, queue, url, section):
        if url in self.seen or not self.profile.allows(url):
            return
        self.seen.add(url)
        if key := self.profile.article_key(url):
            if key in self.article_by_key:
                self._alias(url, self.article_by_key[key])
                return
            self.article_by_key[key] = url
        queue.append((url, section))
        self.summary.queued += 1

    def _alias(self, url, source_url):
        if url != source_url:
            self.summary.aliases += 1
            self.addresses_out.write({"url": url, "outcome": "alias", "item": source_url})

    def _sitemap_addresses(self):
        if not self.profile.sitemap:
            return []
        found, pending = [], [self.profile.absolute(self.profile.sitemap)]
        while pending and len(found) < 1_000_000:
            try:
                answer = self.fetcher.get(pending.pop())
            except (FetchFailed, FetchRefused):
                continue  # no sitemap: the section listings are the way in
            soup = BeautifulSoup(answer.body, "xml")
            for location in soup.find_all("loc"):
                address = location.get_text().strip()
                parent = location.parent.name if location.parent else ""
                (pending if parent == "sitemap" else found).append(address)
        return found

    # --- one address (in a worker thread) -------------------------------------------------
    def _visit(self, url, section):
        visit = Visit(url)
        try:
            answer = self.fetcher.get(url)
        except FetchRefused as refused:
            visit.addresses.append({"url": url, "outcome": "refused", "reason": str(refused)})
            return visit
        except FetchFailed as failure:
            visit.addresses.append({"url": url, "outcome": "failed", "reason": str(failure)})
            return visit
        if "html" not in answer.content_type and not answer.body.lstrip().startswith(b"<"):
            visit.addresses.append({"url": url, "outcome": "other", "reason": "không phải HTML"})
            return visit
        html = answer.text
        soup = self.extractor.soup(html)
        listing = self.profile.section_for_listing(url)
        section = listing.to if listing else section
        is_listing = listing is not None or self.profile.is_listing(url)
        # What a listing links (its articles, its numbered pages) belongs to its section; an
        # article's links to other articles say nothing of theirs.
        linked_section = section if is_listing else ""
        visit.links = [(link, linked_section) for link in links_on(soup, answer.url)]
        if is_listing:
            visit.addresses.append({"url": url, "outcome": "listing", "section": section})
            return visit
        fields = self.extractor.extract(soup, html, answer.url)
        if fields is None:
            visit.addresses.append(
                {"url": url, "outcome": "other", "reason": "không tìm thấy tin bài"}
            )
            return visit
        named = self.profile.section_named(fields.pop("section_name"))
        fields["section"] = named.to if named else section or self.profile.default_section
        fields["fingerprint"] = _fingerprint(fields)
        for image in (fields["lead_image"], *fields["images"]):
            if image:
                image.update(self._download(image["url"], visit))
        for attachment in fields["attachments"]:
            attachment.update(self._download(attachment["url"], visit))
        aliases = [address for address in answer.redirected_from if address != url]
        if answer.url != url:
            aliases.append(answer.url)
        visit.item = {"kind": "article", "source_url": url, "aliases": aliases, **fields}
        return visit

    def _download(self, url, visit):
        """The file's record (`file`, `sha1`), or an `error` for the load to report."""
        if known := self.files.get(url):
            return {"file": known["file"], "sha1": known["sha1"]}
        try:
            answer = self.fetcher.get(url)
        except (FetchFailed, FetchRefused) as error:
            return {"error": str(error)}
        sha1 = hashlib.sha1(answer.body, usedforsecurity=False).hexdigest()
        name = unquote(PurePosixPath(urlsplit(answer.url).path).name) or "tep"
        extension = (
            os.path.splitext(name)[1].lower()
            or mimetypes.guess_extension(answer.content_type.split(";")[0].strip())
            or ""
        )
        relative = f"{FILES_DIR}/{sha1[:2]}/{sha1}{extension}"
        target = self.archive.path(relative)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Worker threads may fetch the same picture at once (two articles sharing it):
            # each writes its own temporary file, and the last rename wins with equal bytes.
            temporary = target.with_name(
                f".{target.name}.{os.getpid()}.{threading.get_ident()}.part"
            )
            temporary.write_bytes(answer.body)
            os.replace(temporary, target)
        record = {
            "url": url,
            "file": relative,
            "sha1": sha1,
            "name": name,
            "size": len(answer.body),
        }
        self.files[url] = record
        visit.files.append(record)
        return {"file": relative, "sha1": sha1}

    # --- back in the main thread ----------------------------------------------------------
    def _record(self, visit, queue):
        for record in visit.files:
            self.files_out.write(record)
            self.summary.files += 1
        for record in visit.addresses:
            self.addresses_out.write(record)
            if record["outcome"] == "listing":
                self.summary.listings += 1
            elif record["outcome"] in ("failed", "refused"):
                self.summary.failed += 1
        if visit.item is not None and visit.item["kind"] != "article":
            self.items_out.write(visit.item)
            self.summary.new_items += 1
        elif visit.item is not None:
            item = visit.item
            earlier = self.fingerprints.get(item["fingerprint"])
            if earlier:  # the same article under an address with no id in it
                self._alias(item["source_url"], earlier)
            else:
                self.fingerprints[item["fingerprint"]] = item["source_url"]
                self.items_out.write(item)
                self.addresses_out.write(
                    {"url": item["source_url"], "outcome": "article", "item": item["source_url"]}
                )
                for alias in item["aliases"]:
                    self.seen.add(alias)
                    self.addresses_out.write(
                        {"url": alias, "outcome": "alias", "item": item["source_url"]}
                    )
                self.summary.new_items += 1
        for link, section in visit.links:
            if (
                self.profile.is_listing(link)
                or self.profile.article_key(link)
                or (not self.profile.article_patterns)
            ):
                self._enqueue(queue, link, section)
            elif (
                self.profile.allows(link)
                and link not in self.seen
                and not is_document_address(link)
            ):
                self.seen.add(link)
                self.addresses_out.write(
                    {"url": link, "outcome": "other", "reason": "không phải tin bài hay danh sách"}
                )
        if self.progress:
            self.progress(self.summary)


def _fingerprint(fields):
    text = BeautifulSoup(fields["body_html"], "lxml").get_text(" ")
    content = "\n".join((fields["title"], fields["published"] or "", clean_line(text)[:2000]))
    return hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()


def _rows(path):
    """A CSV's rows as dicts keyed by lower-case header names (Excel's BOM removed)."""
    with open(path, encoding="utf-8-sig", newline="") as table:
        for row in csv.DictReader(table):
            yield {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
