"""A site profile: what the crawler may ask of an old portal and how to read its pages, kept in
a small TOML file so that a department describes its own portal without code."""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"


class ProfileError(ValueError):
    """A profile that cannot be used, with a message for the person who wrote it."""


@dataclass(frozen=True)
class Section:
    name: str  # as the old portal names it ("Tin tức - Sự kiện")
    listing: str  # the listing's address on the old portal
    to: str  # the slug of our section (ArticleIndexPage) its articles go to


@dataclass(frozen=True)
class SiteProfile:
    name: str
    base_url: str
    hosts: frozenset
    sitemap: str = ""
    concurrency: int = 4
    delay_seconds: float = 0.5
    timeout_seconds: float = 20.0
    retries: int = 2
    user_agent: str = "SoKHCN-ChuyenDuLieu/1.0 (+cong-thong-tin)"
    max_pages: int = 0
    article_patterns: tuple = ()
    listing_patterns: tuple = ()
    legacy_query_keys: tuple = ()
    sections: tuple = ()
    default_section: str = ""
    fields: dict = field(default_factory=dict)
    date_formats: tuple = ("%d/%m/%Y",)
    views_pattern: str = r"(\d[\d.,]*)"
    image_container: str = ""
    image_caption: str = ""
    first_image_is_lead: bool = True

    def absolute(self, address):
        return urljoin(self.base_url, address)

    def allows(self, url):
        """Whether the crawler may ask for this address: only the profile's hosts, over HTTP."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.hosts

    def article_key(self, url):
        """The old portal's own identity of an article, the same under each of its address
        forms (`/chi-tiet-tin/-/view-article/17/...` and `/?details=17&menuID=3`), or None for
        an address that is not an article's."""
        for pattern in self.article_patterns:
            if match := pattern.search(url):
                return match.groupdict().get("id") or match.group(0)
        return None

    def is_listing(self, url):
        return any(pattern.search(url) for pattern in self.listing_patterns)

    def section_for_listing(self, url):
        path = urlsplit(url).path.rstrip("/")
        for section in self.sections:
            if path == urlsplit(self.absolute(section.listing)).path.rstrip("/"):
                return section
        return None

    def section_named(self, name):
        wanted = " ".join((name or "").split()).casefold()
        for section in self.sections:
            if section.name.casefold() == wanted or section.to == wanted:
                return section
        return None


def _patterns(values, what):
    compiled = []
    for value in values:
        try:
            compiled.append(re.compile(value))
        except re.error as error:
            raise ProfileError(f"Mẫu địa chỉ {what} không hợp lệ: {value!r} ({error})") from error
    return tuple(compiled)


def load_profile(path, **overrides):
    """Read a profile file; `overrides` (base_url, hosts, ...) replace its values, so the same
    profile can point at a copy of the old portal."""
    path = Path(path)
    if not path.exists() and (PROFILES_DIR / path).exists():
        path = PROFILES_DIR / path
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ProfileError(f"Không tìm thấy tệp hồ sơ {path}.") from error
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"Tệp hồ sơ {path.name} sai cú pháp TOML: {error}") from error
    site = data.get("site", {})
    crawl = data.get("crawl", {})
    addresses = data.get("addresses", {})
    fields = dict(data.get("fields", {}))
    images = data.get("images", {})
    written_base = site.get("base_url", "")
    base_url = overrides.pop("base_url", None) or written_base
    if not base_url.startswith(("http://", "https://")):
        raise ProfileError("Hồ sơ phải có [site] base_url bắt đầu bằng http:// hoặc https://.")
    hosts = overrides.pop("hosts", None) or site.get("hosts") or [urlsplit(written_base).netloc]
    if base_url != written_base:  # a copy of the old portal stands in for its main host
        hosts = {*hosts, urlsplit(base_url).netloc} - {urlsplit(written_base).netloc}
    values = {
        "name": site.get("name", path.stem),
        "base_url": base_url,
        "hosts": frozenset(host.lower() for host in hosts),
        "sitemap": site.get("sitemap", ""),
        "article_patterns": _patterns(addresses.get("article", []), "bài viết"),
        "listing_patterns": _patterns(addresses.get("listing", []), "trang danh sách"),
        "legacy_query_keys": tuple(addresses.get("legacy_query_keys", [])),
        "sections": tuple(Section(**section) for section in data.get("sections", [])),
        "default_section": site.get("default_section", ""),
        "date_formats": tuple(fields.pop("date_formats", ["%d/%m/%Y"])),
        "views_pattern": fields.pop("views_pattern", r"(\d[\d.,]*)"),
        "fields": fields,
        "image_container": images.get("container", ""),
        "image_caption": images.get("caption", ""),
        "first_image_is_lead": images.get("first_image_is_lead", True),
    }
    for key in ("concurrency", "delay_seconds", "timeout_seconds", "retries", "max_pages"):
        if key in crawl:
            values[key] = crawl[key]
    if "user_agent" in crawl:
        values["user_agent"] = crawl["user_agent"]
    values.update(overrides)
    if values["concurrency"] < 1 or values["concurrency"] > 16:
        raise ProfileError("[crawl] concurrency phải từ 1 đến 16 (lịch sự với máy chủ cũ).")
    return SiteProfile(**values)
