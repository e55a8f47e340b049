"""Two app processes behind the front cache act as one site: a publish through one is purged from
the front cache and shown by the other at once.

    .venv/bin/python bench/scale_out.py

Builds a small fresh PostgreSQL database (the demo content), starts two gunicorn processes on
different ports that share Redis, with Varnish in front (deploy/stack.py), and then:

1. a reader opens an article and the home page through the front cache (the second time: HIT),
   and another article straight from the second app process (its "latest news" box), and asks
   the second process twice for words of the title to come;
2. an editor's draft of the article waits with a new title;
3. an administrator signs in to the *first* app process (password, then an authenticator code)
   and publishes the draft from the admin;
4. the front cache, and the second app process (its menu and latest-news cache lives in Redis,
   and the first page of a search asked often is drawn again after the change), show the new
   title at once.

Prints each step and what it saw; exits 1 if any step saw the old page. Needs PostgreSQL,
Redis, varnish (apt-get install -y varnish)."""

import base64
import binascii
import html as html_module
import http.cookies
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "deploy"), str(ROOT / "bench")]
from serving import HOST, PG, SECRET, manage, need, psql  # noqa: E402
from stack import running_stack  # noqa: E402

DATABASE = "sokhcn_scale_out"
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
APP_PORT, CACHE_PORT = 18100, 16181
ADMIN, PASSWORD = "phat-hanh", "bench-only-" + "p" * 20
CODE_STEP = "/admin/xac-thuc/ma/"
# Words of the new title only: the article is found by them once the draft is published.
SEARCH = "/tim-kiem/?q=tr%E1%BB%93ng+s%C3%A2m"
NEW_TITLE = "Sở KH&CN Sơn La nghiệm thu đề tài trồng sâm — bản vừa duyệt"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser, to the extent this needs: cookies kept by hand, because the production
    settings mark them Secure and these requests travel over plain HTTP on loopback."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirects)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Host": HOST})
        request.add_header("User-Agent", "Mozilla/5.0 scale-out check")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as redirect_or_error:
            response = redirect_or_error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, response.read().decode()

    def csrf_token(self, path):
        html = self.request(path)[2]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def prepare(env):
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    psql(f"CREATE DATABASE {DATABASE}")
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    manage(env, "migrate", "-v0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        "createsuperuser", "--noinput", "--username", ADMIN, "--email", "phat-hanh@example.invalid",
    )  # fmt: skip


def enrolled_authenticator(username):
    """The authenticator app of `username`, enrolled and confirmed as in the admin (pyotp, from
    the device's own secret)."""
    import pyotp
    from django.contrib.auth import get_user_model

    from second_factor import devices

    device = devices.authenticator_being_added(get_user_model().objects.get(username=username))
    app = pyotp.TOTP(base64.b32encode(binascii.unhexlify(device.key)).decode())
    devices.confirm_authenticator(device, app.now())
    return app


def result_titles(html):
    """The titles of a page of search results, as read (without the highlight)."""
    titles = re.findall(r'class="result__title"><a href="[^"]*">(.*?)</a>', html)
    return [html_module.unescape(re.sub(r"</?mark>", "", title)) for title in titles]


def latest_box(html):
    return html.split('id="latest-title"')[1].split("</section>")[0]


def main():
    need("varnishd", "varnish")
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(ROOT / "bench" / "results" / "scale-out-static"),
        "ACCESS_LOG": "/dev/null",
    }
    os.environ.update({k: v for k, v in env.items() if k != "ACCESS_LOG"})
    started = time.monotonic()
    print("Chuẩn bị cơ sở dữ liệu mới (nội dung mẫu)…", flush=True)
    prepare(env)

    import django

    django.setup()
    from articles.models import ArticlePage

    authenticator = enrolled_authenticator(ADMIN)
    article, other = ArticlePage.objects.live().order_by("-published_on", "-pk")[:2]
    old_title = article.title
    results = []

    def check(what, ok, seen):
        results.append(ok)
        print(f"  {'✓' if ok else '✗'} {what}: {seen}", flush=True)

    first, second = f"http://127.0.0.1:{APP_PORT}", f"http://127.0.0.1:{APP_PORT + 1}"
    with running_stack(env, apps=2, app_port=APP_PORT, cache_port=CACHE_PORT, workers=1) as front:
        reader, straight = Visitor(front), Visitor(second)
        print(f"Hai tiến trình ứng dụng :{APP_PORT} và :{APP_PORT + 1}, bộ đệm trước :{CACHE_PORT}")
        print("1. Bạn đọc mở tin qua bộ đệm")
        for path in (article.url, "/"):
            reader.request(path)
            headers = reader.request(path)[1]
            check(f"{path} lần hai", headers["X-Cache"] == "HIT", f"X-Cache {headers['X-Cache']}")
        box = latest_box(straight.request(other.url)[2])
        check("tiến trình 2, tin mới nhất", old_title in box, "tiêu đề cũ")
        for _ in range(2):  # a search readers ask often: drawn again after every change
            found = NEW_TITLE in result_titles(straight.request(SEARCH)[2])
        check("tiến trình 2, tìm kiếm", not found, f"tiêu đề mới trong kết quả: {found}")

        print("2. Biên tập viên lưu bản nháp có tiêu đề mới")
        article.title = NEW_TITLE
        article.save_revision()

        print(f"3. Quản trị viên đăng nhập tiến trình 1 (:{APP_PORT}) và xuất bản")
        admin = Visitor(first)
        token = admin.csrf_token("/admin/login/")
        status = admin.request(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": ADMIN, "password": PASSWORD},
        )[0]
        check("đăng nhập", status == 302, f"HTTP {status}")
        # Production asks an administrator for a second factor: the code of the next time step
        # (the server accepts one step of drift), as the enrolment used the current one.
        status = admin.request(
            CODE_STEP,
            {
                "csrfmiddlewaretoken": admin.csrf_token(CODE_STEP),
                "code": authenticator.at(time.time() + 30),
            },
        )[0]
        check("mã xác thực hai lớp", status == 302, f"HTTP {status}")
        publish = f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/"
        status = admin.request(publish, {"csrfmiddlewaretoken": admin.csrf_token(publish)})[0]
        check("xuất bản qua trang quản trị", status == 302, f"HTTP {status}")

        print("4. Ngay sau đó")
        for path in (article.url, "/", article.get_parent().url):
            status, headers, html = reader.request(path)
            shown = NEW_TITLE in html.replace("&amp;", "&")
            check(
                f"bộ đệm trước {path}",
                headers["X-Cache"] == "MISS" and shown,
                f"X-Cache {headers['X-Cache']}, tiêu đề mới: {shown}",
            )
        found = NEW_TITLE in result_titles(straight.request(SEARCH)[2])
        check("tiến trình 2, tìm kiếm", found, f"tiêu đề mới trong kết quả: {found}")
        box = latest_box(straight.request(other.url)[2]).replace("&amp;", "&")
        check("tiến trình 2, tin mới nhất", NEW_TITLE in box, f"tiêu đề mới: {NEW_TITLE in box}")
    print(
        f"{sum(results)}/{len(results)} bước đúng · {time.monotonic() - started:.0f} giây",
        flush=True,
    )
    from django.db import connections

    connections.close_all()
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
