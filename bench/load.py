"""A mixed load from a process of its own, for bench/faults.py: readers on the public pages, an
editor signed in to the admin, and citizens sending letters through the contact form. Every
request is recorded (seconds from the start, who, status or 0 for a failed connection) and
written as JSON to stdout at the end, with the start's wall-clock time.

    python bench/load.py BASE --host localhost --seconds 20 --readers 8 \\
        --urls / /tin-tuc/ … --contact /lien-he/ --editor NAME:PASSWORD --marker TEXT
"""

import argparse
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) faults-bench"


class Browser:
    """One keep-alive connection with its cookies; a broken connection is opened again."""

    def __init__(self, base, host):
        self.address = urllib.parse.urlsplit(base)
        self.host = host
        self.cookies = {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                self.address.hostname, self.address.port, timeout=10
            )
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Host": self.host, "User-Agent": USER_AGENT, "Cookie": cookie, **(headers or {})}
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            return 0, b""
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, data

    def post_form(self, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.request(
            "POST",
            path,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                "Referer": f"http://{self.host}{path}",
            },
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--urls", nargs="+", required=True)
    parser.add_argument("--contact")
    parser.add_argument("--editor", help="NAME:PASSWORD of a staff account")
    parser.add_argument("--marker", default="")
    args = parser.parse_args()

    samples = []  # (seconds, who, status)
    lock = threading.Lock()
    # Wall-clock time, so that the process injecting faults can place them on the same axis.
    started = time.time()
    stop_at = time.monotonic() + args.seconds

    def record(who, status):
        with lock:
            samples.append((round(time.time() - started, 3), who, status))

    def reader(number):
        browser = Browser(args.base, args.host)
        turn = number
        while time.monotonic() < stop_at:
            status, _ = browser.request("GET", args.urls[turn % len(args.urls)])
            record("reader", status)
            turn += 1

    def editor():
        name, password = args.editor.split(":", 1)
        browser = Browser(args.base, args.host)
        browser.request("GET", "/admin/login/")
        status, _ = browser.post_form("/admin/login/", {"username": name, "password": password})
        if status != 302:
            sys.exit(f"the editor could not sign in (HTTP {status})")
        while time.monotonic() < stop_at:
            status, _ = browser.request("GET", "/admin/")
            # Signed out: the admin answers with a redirect to its login page.
            record("editor", status)
            time.sleep(0.2)

    def letter_writer():
        browser = Browser(args.base, args.host)
        number = 0
        while time.monotonic() < stop_at:
            status, page = browser.request("GET", args.contact)
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if status == 200 and token:
                number += 1
                fields = {
                    "csrfmiddlewaretoken": token.group(1).decode(),
                    "ho_va_ten": "Người đọc thử tải",
                    "thu_dien_tu": "doc-gia@example.vn",
                    "linh_vuc": "Khác",  # the demo contact page's fields
                    "tieu_de": "Hỏi thủ tục",
                    "noi_dung": f"{args.marker} thư số {number}",
                }
                status, answer = browser.post_form(args.contact, fields)
                # Acknowledged: the thank-you notice, not the form again.
                received = status == 200 and b"notice--success" in answer
                record("letter", 200 if received else (status if status != 200 else 422))
            else:
                record("letter", status)
            time.sleep(0.3)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
    if args.editor:
        threads.append(threading.Thread(target=editor))
    if args.contact:
        threads.append(threading.Thread(target=letter_writer))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    json.dump({"started": started, "samples": samples}, sys.stdout)


if __name__ == "__main__":
    main()
