"""Reading one old page: the profile's CSS selectors where it has them, trafilatura (a
maintained extraction library) for the title, date and main text where it has none."""

import re
import unicodedata
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import trafilatura
from bs4 import BeautifulSoup

DATE_IN_TEXT = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Below this many characters of text a page is a menu or an index, not an article.
MIN_ARTICLE_TEXT = 80


def nfc(text):
    """Old portals often store tone marks decomposed (e + U+0301); search and slugs need them
    composed, as Vietnamese keyboards type them."""
    return unicodedata.normalize("NFC", text or "")


# Spaces as old pages type them: non-breaking ones from Word, zero-width ones and byte-order
# marks from copy and paste.
WHITESPACE = re.compile(r"[\s\u00a0\u200b\ufeff]+")


def clean_line(text):
    """One line of text, composed, its runs of spaces made one."""
    return WHITESPACE.sub(" ", nfc(text)).strip()


def links_on(soup, base_url):
    """Every address a page links to, absolute and without its fragment."""
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"].strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        yield urljoin(base_url, href).split("#")[0]


def parse_date(text, formats):
    text = clean_line(text)
    for date_format in formats:
        for candidate in (text, *(match.group(0) for match in DATE_IN_TEXT.finditer(text))):
            try:
                return datetime.strptime(candidate, date_format).date()
            except ValueError:
                continue
    return None


def parse_views(text, pattern):
    match = re.search(pattern, clean_line(text))
    if not match:
        return 0
    digits = re.sub(r"\D", "", match.group(1))
    return int(digits) if digits else 0


class ArticleExtractor:
    def __init__(self, profile):
        self.profile = profile

    def soup(self, html):
        return BeautifulSoup(html, "lxml")

    def extract(self, soup, html, url):
        """The article's fields, or None when the page holds no article."""
        fields = self.profile.fields
        body = soup.select_one(fields["body"]) if fields.get("body") else None
        if body is None:
            return self._generic(html, url)
        title = self._text(soup, "title") or clean_line(soup.title.string if soup.title else "")
        if not title:
            return None
        images, lead = self._images(body, url)
        attachments = self._attachments(soup, body, url)
        for anchor in body.find_all("a", href=True):
            anchor["href"] = urljoin(url, anchor["href"].strip())
        return {
            "title": title,
            "published": _iso(parse_date(self._text(soup, "date"), self.profile.date_formats)),
            "author": self._text(soup, "author"),
            "views": parse_views(self._text(soup, "views"), self.profile.views_pattern),
            "summary": self._text(soup, "summary"),
            "section_name": self._text(soup, "section"),
            "body_html": nfc(body.decode_contents()),
            "lead_image": lead,
            "images": images,
            "attachments": attachments,
            "tags": [clean_line(tag.get_text()) for tag in self._select(soup, "tags")],
            "extracted_by": "profile",
        }

    def _select(self, soup, name):
        selector = self.profile.fields.get(name)
        return soup.select(selector) if selector else []

    def _text(self, soup, name):
        selector = self.profile.fields.get(name)
        element = soup.select_one(selector) if selector else None
        return clean_line(element.get_text(" ")) if element else ""

    def _images(self, body, url):
        """The body's images with their captions; a caption held in the image's container
        (a one-cell table, a figure) leaves the body with it, and the first image becomes the
        lead image when the profile says so."""
        images, lead = [], None
        for image in body.find_all("img"):
            source = image.get("src", "").strip()
            if not source or source.startswith("data:"):
                image.decompose()
                continue
            record = {
                "url": urljoin(url, source),
                "alt": clean_line(image.get("alt", "")),
                "caption": "",
            }
            container = self._container(image, body)
            if container is not None:
                caption = (
                    container.select_one(self.profile.image_caption)
                    if self.profile.image_caption
                    else None
                )
                record["caption"] = clean_line(caption.get_text(" ")) if caption else ""
                container.replace_with(image)
            image.attrs = {"src": record["url"], "alt": record["alt"]}
            if lead is None and self.profile.first_image_is_lead and not images:
                lead = record
                image.decompose()
            images.append(record)
        return images, lead

    def _container(self, image, body):
        if not self.profile.image_container:
            return None
        for parent in image.parents:
            if parent is body:
                return None
            if parent.name and parent.css.match(self.profile.image_container):
                return parent
        return None

    def _attachments(self, soup, body, url):
        """Files the article links to: the profile's attachment list, and links in the body to
        a document file."""
        seen, attachments = set(), []
        anchors = [*self._select(soup, "attachments"), *body.find_all("a", href=True)]
        for anchor in anchors:
            href = urljoin(url, anchor.get("href", "").strip())
            if href in seen or not is_document_address(href):
                continue
            seen.add(href)
            attachments.append({"url": href, "title": clean_line(anchor.get_text(" "))})
        return attachments

    def _generic(self, html, url):
        """A page the profile does not describe: trafilatura finds its title, date and text."""
        body_html = trafilatura.extract(
            html,
            url=url,
            output_format="html",
            include_images=True,
            include_links=True,
            include_tables=True,
            include_comments=False,
        )
        if not body_html:
            return None
        metadata = trafilatura.extract_metadata(html, default_url=url)
        text = BeautifulSoup(body_html, "lxml").get_text(" ")
        if len(clean_line(text)) < MIN_ARTICLE_TEXT or not metadata or not metadata.title:
            return None
        body = BeautifulSoup(body_html, "lxml").body
        images, lead = self._images(body, url)
        published = metadata.date[:10] if metadata.date else None
        return {
            "title": clean_line(metadata.title),
            "published": published,
            "author": clean_line(metadata.author or ""),
            "views": 0,
            "summary": clean_line(metadata.description or ""),
            "section_name": "",
            "body_html": nfc(body.decode_contents()),
            "lead_image": lead,
            "images": images,
            "attachments": self._attachments(body, body, url),
            "tags": [clean_line(tag) for tag in (metadata.tags or [])],
            "extracted_by": "trafilatura",
        }


DOCUMENT_EXTENSIONS = (
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".rar",
    ".zip",
)


def is_document_address(url):
    return urlsplit(url).path.lower().endswith(DOCUMENT_EXTENSIONS)


def _iso(day):
    return day.isoformat() if day else None
