"""A stand-in for the department's previous portal, drawn in the captured page's shape: three
sections with numbered listings, articles with "Lượt xem", Word-pasted markup, decomposed tone
marks, photos carrying GPS positions, PDF and Word attachments, links between articles and the
old query-string addresses, plus the faults a real archive has (a page that answers 500, one that
never answers, one article under two addresses). Pages are drawn on request from their number,
so an archive of 10,000 costs no memory. Served on 127.0.0.1 for the tests and the benchmark."""

import io
import re
import threading
import time
import unicodedata
import zipfile
from contextlib import contextmanager
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from PIL import Image, ImageDraw

from core.text import short_slug

SECTIONS = (
    ("tin-tuc-su-kien", "Tin tức - Sự kiện", 2),
    ("thong-bao", "Thông báo", 3),
    ("hoat-dong-khcn", "Hoạt động KH&CN", 4),
)
PER_LISTING_PAGE = 20
IMAGE_COUNT = 8
FIRST_DAY = date(2015, 1, 5)
SUBJECTS = (
    "Sở Khoa học và Công nghệ làm việc với UBND huyện Mộc Châu",
    "Nghiệm thu đề tài ứng dụng công nghệ sinh học trong nhân giống cây ăn quả",
    "Hội nghị tổng kết công tác tiêu chuẩn đo lường chất lượng",
    "Tập huấn an toàn bức xạ trong y tế",
    "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN",
    "Hỗ trợ doanh nghiệp xây dựng thương hiệu sản phẩm OCOP",
    "Kiểm tra đo lường tại các cửa hàng xăng dầu",
    "Chuyển đổi số trong quản lý nhiệm vụ khoa học",
)
PARAGRAPHS = (
    "Tại buổi làm việc, lãnh đạo Sở đã báo cáo kết quả thực hiện nhiệm vụ khoa học và công nghệ,"
    " phục vụ thiết thực nhiệm vụ phát triển kinh tế - xã hội của tỉnh.",
    "Công tác quản lý, thực hiện nhiệm vụ KH&CN được quan tâm triển khai; các kết quả đã nghiệm thu"
    " được bàn giao cho các sở, ngành, đơn vị ứng dụng vào thực tiễn.",
    "Đồng chí đề nghị tiếp tục rà soát các văn bản quy phạm pháp luật liên quan đến lĩnh vực KH&CN,"
    " bảo đảm đề tài, dự án thực hiện đúng quy trình, thủ tục.",
)
AUTHORS = ("Ánh Nguyệt - Tú Hảo", "Minh Thu", "Quang Huy", "Lan Anh - Đức Mạnh")
ARTICLE_PATH = re.compile(r"^/chi-tiet-tin/-/view-article/(\d+)(?:/[^/]*)?$")


class OldPortal:
    def __init__(self, articles=300, *, slow_seconds=3.0, sitemap=False, outside=""):
        self.articles = articles
        self.slow_seconds = slow_seconds
        self.sitemap = sitemap
        self.outside = outside  # an address on another host that pages link and embed
        self.requests = []
        self._lock = threading.Lock()
        self.failing = {13}  # answers 500
        self.slow = {14}  # never answers in time
        self.duplicate = 5  # also linked as /?details=5&menuID=..

    # --- the archive's facts, from an article's number ------------------------------------
    def section(self, number):
        return SECTIONS[number % len(SECTIONS)]

    def title(self, number):
        title = f"{SUBJECTS[number % len(SUBJECTS)]} (số {number})"
        # Every fifth article was typed with decomposed tone marks.
        return unicodedata.normalize("NFD", title) if number % 5 == 0 else title

    def published(self, number):
        return FIRST_DAY + timedelta(days=number)

    def views(self, number):
        return 100 + (number * 37) % 900

    def author(self, number):
        return AUTHORS[number % len(AUTHORS)]

    def slug(self, number):
        return short_slug(unicodedata.normalize("NFC", self.title(number)))

    def address(self, number):
        """How listings link an article: every seventh by the old query-string form."""
        return self.query_address(number) if number % 7 == 0 else self.canonical(number)

    def query_address(self, number):
        return f"/?details={number}&menuID={self.section(number)[2]}"

    def canonical(self, number):
        return f"/chi-tiet-tin/-/view-article/{number}/{self.slug(number)}"

    def image_number(self, number):
        return number % IMAGE_COUNT

    def numbers_in(self, section_slug):
        index = next(i for i, section in enumerate(SECTIONS) if section[0] == section_slug)
        newest_first = range(self.articles, 0, -1)
        return [number for number in newest_first if number % len(SECTIONS) == index]

    # --- pages ----------------------------------------------------------------------------
    def answer(self, raw_path):
        """(status, content type, body) for a request path, or None to never answer."""
        parts = urlsplit(raw_path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /quan-tri/\n"
        if path == "/sitemap.xml":
            return self._sitemap() if self.sitemap else (404, "text/plain", b"not found")
        if path == "/" and "details" in query:
            return self._article(int(query["details"][0]))
        if path == "/":
            return 200, "text/html; charset=utf-8", self._home()
        if match := ARTICLE_PATH.match(path):
            return self._article(int(match.group(1)))
        for slug, name, _menu in SECTIONS:
            if path.rstrip("/") == f"/{slug}":
                page = int(query.get("page", ["1"])[0] or 1)
                return 200, "text/html; charset=utf-8", self._listing(slug, name, page)
        if match := re.match(r"^/images/(\d+)\.jpg$", path):
            return 200, "image/jpeg", photo(int(match.group(1)))
        if match := re.match(r"^/files/qd-(\d+)\.pdf$", path):
            return 200, "application/pdf", pdf_bytes(f"Quyết định {match.group(1)}")
        if match := re.match(r"^/files/kh-(\d+)\.docx$", path):
            return 200, _DOCX, docx_bytes(f"Kế hoạch {match.group(1)}")
        if path == "/gioi-thieu":
            return (
                200,
                "text/html; charset=utf-8",
                _page("Giới thiệu", "<p>Chức năng, nhiệm vụ.</p>"),
            )
        return (
            404,
            "text/html; charset=utf-8",
            _page("Không tìm thấy", "<p>Không có trang này.</p>"),
        )

    def _home(self):
        links = "".join(f'<li><a href="/{slug}">{name}</a></li>' for slug, name, _ in SECTIONS)
        outside = f'<a href="{self.outside}">Cổng tỉnh</a>' if self.outside else ""
        return _page(
            "Trang chủ",
            f'<ul class="menu">{links}<li><a href="/gioi-thieu">Giới thiệu</a></li>'
            f'<li><a href="/quan-tri/dang-nhap">Đăng nhập</a></li></ul>{outside}',
        )

    def _listing(self, slug, name, page):
        numbers = self.numbers_in(slug)
        pages = max(1, -(-len(numbers) // PER_LISTING_PAGE))
        shown = numbers[(page - 1) * PER_LISTING_PAGE : page * PER_LISTING_PAGE]
        rows = "".join(
            f'<li><a href="{escape(self.address(n))}">{escape(self.title(n))}</a> '
            f"<span>({self.published(n):%d/%m/%Y})</span></li>"
            for n in shown
        )
        paging = " ".join(f'<a href="/{slug}?page={p}">{p}</a>' for p in range(1, pages + 1))
        return _page(name, f'<ul class="list-news">{rows}</ul><div class="paging">{paging}</div>')

    def _article(self, number):
        if number < 1 or number > self.articles:
            return 404, "text/html; charset=utf-8", _page("Không tìm thấy", "")
        if number in self.failing:
            return 500, "text/html; charset=utf-8", b"<h1>Server Error</h1>"
        if number in self.slow:
            return None
        slug, name, _menu = self.section(number)
        day = self.published(number)
        image = self.image_number(number)
        neighbour = number - 1 if number > 1 else number + 1
        # The article after the duplicate links it by its other address.
        previous = (
            self.query_address(neighbour)
            if number == self.duplicate + 1
            else self.address(neighbour)
        )
        outside = f'<img src="{self.outside}/logo.png" alt="">' if self.outside else ""
        other = "".join(
            f'<li><a href="{escape(self.address(n))}">{escape(self.title(n))}</a></li>'
            for n in self.numbers_in(slug)[:5]
            if n != number
        )
        paragraphs = "".join(
            f'<p class="MsoNormal" style="text-align:justify;text-indent:36pt">'
            f'<span style="font-family:&quot;Times New Roman&quot;;font-size:14pt">'
            f"{escape(text)}<o:p></o:p></span></p>"
            for text in PARAGRAPHS
        )
        body = (
            f'<table class="image" align="center"><tr><td><img src="/images/{image}.jpg" '
            f'alt="anh tin bai" width="500"></td></tr><tr><td class="image-caption">'
            f"<em>Quang cảnh buổi làm việc số {number}</em></td></tr></table>"
            f"{paragraphs}"
            '<p class="MsoNormal">&nbsp;<o:p></o:p></p>'
            f'<p onclick="track()">Xem thêm: <a href="{escape(previous)}">'
            f"bài trước</a>.</p>"
            f"{self._decision(number, day)}"
            "<script>document.write('quảng cáo')</script>"
            '<p style="text-align:right"><b>&nbsp;</b></p>'
            f"{outside}"
        )
        if number % 11 == 0:  # a video, embedded from another site
            body += f'<p><iframe src="https://www.youtube.com/embed/sokhcn{number}"></iframe></p>'
        if number % 4 == 0:
            body += (
                '<table border="1"><tr><td>Chỉ tiêu</td><td>Kết quả</td></tr>'
                "<tr><td>Đề tài nghiệm thu</td><td>12</td></tr></table>"
            )
        html = f"""
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/{slug}">{name}</a></li></ul>
<div class="news-detail">
<h1 class="title-news">{escape(self.title(number))}</h1>
<div class="date-news">Ngày đăng: {day.day:02d}/{day.month}/{day.year} 08:30</div>
<div class="view-news">Lượt xem: {self.views(number):,}</div>
<div class="summary-news"><strong>{escape(PARAGRAPHS[number % 3][:120])}</strong></div>
<div class="content-news">{body}</div>
<div class="author-news">{escape(self.author(number))}</div>
<div class="attach-news">{self._plan(number)}</div>
<div class="tags-news"><a href="/tag/khcn">KH&amp;CN</a><a href="/tag/{slug}">{name}</a></div>
<div class="other-news"><h3>Tin khác</h3><ul>{other}</ul>
<div class="paging"><a href="/{slug}?page=1">1</a> <a href="/{slug}?page=2">2</a></div></div>
</div>"""
        return 200, "text/html; charset=utf-8", _page(name, html)

    def _decision(self, number, day):
        """Every third article cites a decision, linked to its PDF."""
        if number % 3:
            return ""
        return (
            f'<p>Căn cứ <a href="/files/qd-{number}.pdf">Quyết định số {number}/QĐ-UBND '
            f"ngày {day.day:02d}/{day.month}/{day.year}</a> của UBND tỉnh.</p>"
        )

    def _plan(self, number):
        """Every fifth article has a plan attached as a Word file."""
        if number % 5:
            return ""
        return f'<a href="/files/kh-{number}.docx">Kế hoạch số {number}/KH-SKHCN</a>'

    def _sitemap(self):
        urls = "".join(
            f"<url><loc>http://{{host}}{escape(self.canonical(n))}</loc></url>"
            for n in range(1, self.articles + 1)
        )
        body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return 200, "application/xml", body.encode()

    # --- serving --------------------------------------------------------------------------
    def requested(self, path):
        with self._lock:
            self.requests.append(path)

    @contextmanager
    def serve(self, host="127.0.0.1"):
        """The replica on a free port of `host` for the duration of the block; yields its
        base address."""
        server = ThreadingHTTPServer((host, 0), _handler_for(self))
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://{host}:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


def _handler_for(portal):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            portal.requested(self.path)
            answer = portal.answer(self.path)
            if answer is None:
                time.sleep(portal.slow_seconds)
                answer = 503, "text/plain", b"too late"
            status, content_type, body = answer
            body = body.replace(b"{host}", self.headers.get("Host", "").encode())
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler gave up waiting (the page that never answers)

        def log_message(self, *args):
            pass  # the tests read portal.requests

    return Handler


def _page(title, content):
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)} - '
        "Sở Khoa học và Công nghệ tỉnh Sơn La</title></head><body>"
        '<div class="header">SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH SƠN LA</div>'
        '<ul class="nav"><li><a href="/">Trang chủ</a></li>'
        '<li><a href="/gioi-thieu">Giới thiệu</a></li></ul>'
        f'<div class="main">{content}</div>'
        '<div class="footer">Địa chỉ: Khu Quảng trường Tây Bắc, Thành phố Sơn La</div>'
        "</body></html>"
    ).encode()


GPS_IFD = 0x8825
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@lru_cache(maxsize=IMAGE_COUNT)
def photo(number):
    """A small JPEG that, like a phone's photo, carries where it was taken."""
    image = Image.new("RGB", (640, 400), (30 + number * 25 % 200, 90, 140))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40 + number * 10, 60, 400, 320), fill=(230, 200 - number * 10, 90))
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 19.0, 30.0), 3: "E", 4: (103.0, 54.0, 0.0)})
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif, quality=80)
    return output.getvalue()


@lru_cache(maxsize=64)
def pdf_bytes(text):
    lines = f"BT /F1 18 Tf 72 720 Td ({text.encode('ascii', 'replace').decode()}) Tj ET"
    return (
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
        f"4 0 obj<</Length {len(lines)}>>stream\n{lines}\nendstream endobj\n"
        "trailer<</Root 1 0 R>>\n%%EOF\n"
    ).encode()


@lru_cache(maxsize=64)
def docx_bytes(text):
    """A minimal Word document (a zip, as .docx files are)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", f"<w:document><w:t>{escape(text)}</w:t></w:document>")
    return output.getvalue()
