"""An old article's HTML into the site's body blocks. The sanitiser (nh3) removes what may not
reach readers (scripts, event attributes, Word's markup, inline fonts and styles); what is left
is cut into rich-text paragraphs in the editor's own format, images, tables and links."""

import re
from dataclasses import dataclass
from html import escape

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

from site_import.extraction import WHITESPACE, clean_line, nfc

ALLOWED_TAGS = {
    "p", "br", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em",
    "ul", "ol", "li", "a", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    "hr", "blockquote", "figure", "figcaption", "center",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
BLOCK_CONTAINERS = {"div", "blockquote", "figure", "center", "tbody", "thead", "tfoot"}


def sanitise(html):
    """Only the markup the site keeps; text composed (NFC)."""
    return nh3.clean(
        nfc(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


@dataclass(frozen=True)
class Link:
    """Where a link of the old article now points: a page, a document, or an address."""

    kind: str  # "page", "document", "url", or "pending" (an old address, resolved later)
    target: str | int


class BodyConverter:
    """`link_for(href)` answers a Link or None (the text stays, the link goes); `image_for(src)`
    answers (image id, alt text, caption) or None (the image is left out)."""

    def __init__(self, link_for, image_for):
        self.link_for = link_for
        self.image_for = image_for
        self.unresolved_links = 0

    def blocks(self, html):
        soup = BeautifulSoup(sanitise(html), "html.parser")
        self._blocks, self._text = [], []
        self._walk(soup.contents)
        self._flush()
        return self._blocks

    def _walk(self, nodes):
        inline = []
        for node in list(nodes):
            if isinstance(node, Tag) and node.name in (
                "p",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "ul",
                "ol",
                "table",
                "img",
                "hr",
                *BLOCK_CONTAINERS,
            ):
                self._paragraph(inline)
                inline = []
                self._block(node)
            else:
                inline.append(node)
        self._paragraph(inline)

    def _block(self, tag):
        name = tag.name
        if name in BLOCK_CONTAINERS:
            self._walk(tag.contents)
        elif name == "img":
            self._image(tag, caption="")
        elif name == "table":
            self._table(tag)
        elif name == "hr":
            self._text.append("<hr/>")
        elif name in ("ul", "ol"):
            items = [self._inline(item.contents) for item in tag.find_all("li")]
            items = [item for item in items if item]
            if items:
                entries = "".join(f"<li>{item}</li>" for item in items)
                self._text.append(f"<{name}>{entries}</{name}>")
        elif name.startswith("h"):
            text = clean_line(tag.get_text(" "))
            if text:
                level = "h2" if name in ("h1", "h2") else "h3"
                self._text.append(f"<{level}>{escape(text, quote=False)}</{level}>")
            self._images_in(tag)
        else:  # a paragraph
            self._paragraph(tag.contents)

    def _paragraph(self, nodes):
        images = [image for node in nodes if isinstance(node, Tag) for image in _images(node)]
        for image in images:
            image.extract()
        text = self._inline(nodes)
        if text:
            self._text.append(f"<p>{text}</p>")
        for image in images:
            self._image(image, caption="")

    def _images_in(self, tag):
        for image in tag.find_all("img"):
            self._image(image, caption="")

    def _image(self, tag, caption):
        found = self.image_for(tag.get("src", ""))
        if found is None:
            return
        image_id, alt, stored_caption = found
        self._flush()
        self._blocks.append(
            {
                "type": "image",
                "value": {
                    "image": {"image": image_id, "decorative": False, "alt_text": alt},
                    "caption": caption or stored_caption,
                },
            }
        )

    def _table(self, tag):
        if tag.find("img"):  # a layout table around a photo
            for cell in tag.find_all(("td", "th")):
                self._walk(cell.contents)
            return
        rows = []
        for row in tag.find_all("tr"):
            cells = [clean_line(cell.get_text(" ")) for cell in row.find_all(("td", "th"))]
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        caption = tag.find("caption")
        self._flush()
        self._blocks.append(
            {
                "type": "table",
                "value": {
                    "caption": clean_line(caption.get_text(" ")) if caption else "",
                    "table": {
                        "data": rows,
                        "first_row_is_table_header": bool(tag.find("th")),
                        "first_col_is_header": False,
                        "table_caption": "",
                        "cell": [],
                        "mergedCells": [],
                    },
                },
            }
        )

    def _inline(self, nodes):
        """Rich text inside a paragraph: bold, italic, links and line breaks; empty is ""."""
        parts = []
        for node in nodes:
            if isinstance(node, NavigableString):
                parts.append(escape(WHITESPACE.sub(" ", str(node)), quote=False))
            elif node.name == "br":
                parts.append("<br/>")
            elif node.name in ("b", "strong"):
                if inner := self._inline(node.contents).strip():
                    parts.append(f"<b>{inner}</b>")
            elif node.name in ("i", "em"):
                if inner := self._inline(node.contents).strip():
                    parts.append(f"<i>{inner}</i>")
            elif node.name == "a":
                parts.append(self._link(node))
            elif node.name != "img":
                parts.append(self._inline(node.contents))
        text = re.sub(r"\s+", " ", "".join(parts)).strip()
        text = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", text).strip()
        return text if _visible(text) else ""

    def _link(self, anchor):
        inner = self._inline(anchor.contents)
        if not inner:
            return ""
        link = self.link_for(anchor.get("href", ""))
        if link is None:
            return inner
        if link.kind == "page":
            return f'<a linktype="page" id="{link.target}">{inner}</a>'
        if link.kind == "document":
            return f'<a linktype="document" id="{link.target}">{inner}</a>'
        if link.kind == "pending":
            self.unresolved_links += 1
        return f'<a href="{escape(str(link.target))}">{inner}</a>'

    def _flush(self):
        if self._text:
            self._blocks.append({"type": "paragraph", "value": "".join(self._text)})
            self._text = []


def _images(tag):
    return [tag] if tag.name == "img" else tag.find_all("img")


def _visible(html):
    return bool(clean_line(re.sub(r"<[^>]+>", "", html)))
