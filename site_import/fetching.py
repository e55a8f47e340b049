"""Asking the old portal politely: only the profile's hosts (redirects included), robots.txt
honoured, a delay between requests to the same host, timeouts, and retries with backoff."""

import logging
import threading
import time
from dataclasses import dataclass
from urllib import robotparser
from urllib.parse import urljoin, urlsplit

import urllib3

MAX_REDIRECTS = 5
# Larger bodies are refused rather than held in memory (the site's own upload limit is 50 MB).
MAX_BODY_BYTES = 60 * 1024 * 1024


class FetchRefused(Exception):
    """An address the crawler must not ask for (another host, robots.txt)."""


class FetchFailed(Exception):
    """The old portal did not answer usefully (error status, timeout, too large)."""


@dataclass
class Fetched:
    url: str  # where the content finally came from, after the old portal's redirects
    status: int
    content_type: str
    body: bytes
    headers: dict
    redirected_from: tuple = ()

    @property
    def text(self):
        charset = "utf-8"
        if "charset=" in self.content_type:
            charset = self.content_type.split("charset=")[-1].split(";")[0].strip() or charset
        return self.body.decode(charset, errors="replace")


class PoliteFetcher:
    def __init__(self, profile):
        self.profile = profile
        # A retry is counted in the summary, not logged as a warning per attempt.
        logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)
        retries = urllib3.Retry(
            total=profile.retries,
            connect=profile.retries,
            read=profile.retries,
            status=profile.retries,
            backoff_factor=0.2,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=("GET",),
            redirect=False,
            raise_on_status=False,
        )
        self.pool = urllib3.PoolManager(
            num_pools=4,
            maxsize=profile.concurrency,
            block=True,
            retries=retries,
            timeout=urllib3.Timeout(connect=profile.timeout_seconds, read=profile.timeout_seconds),
            headers={"User-Agent": profile.user_agent},
        )
        self._robots = {}
        self._lock = threading.Lock()
        self._next_request_at = {}

    def get(self, url):
        """The answer for `url`, following the old portal's redirects within its hosts."""
        redirected_from = []
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_allowed(url)
            self._wait_turn(url)
            try:
                response = self.pool.request("GET", url, preload_content=False)
            except urllib3.exceptions.MaxRetryError as error:
                raise FetchFailed(_reason(error.reason)) from error
            except urllib3.exceptions.HTTPError as error:
                raise FetchFailed(_reason(error)) from error
            try:
                if response.status in (301, 302, 303, 307, 308) and response.headers.get(
                    "Location"
                ):
                    redirected_from.append(url)
                    url = urljoin(url, response.headers["Location"])
                    continue
                body = self._read(response)
            finally:
                response.release_conn()
            if response.status >= 400:
                raise FetchFailed(f"máy chủ cũ trả lời mã {response.status}")
            return Fetched(
                url=url,
                status=response.status,
                content_type=response.headers.get("Content-Type", ""),
                body=body,
                headers=dict(response.headers),
                redirected_from=tuple(redirected_from),
            )
        raise FetchFailed("chuyển hướng quá nhiều lần")

    def _read(self, response):
        chunks, size = [], 0
        try:
            for chunk in response.stream(64 * 1024):
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise FetchFailed("tệp lớn hơn giới hạn")
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as error:
            raise FetchFailed(_reason(error)) from error
        return b"".join(chunks)

    def _check_allowed(self, url):
        if not self.profile.allows(url):
            raise FetchRefused(f"máy chủ {urlsplit(url).netloc or '?'} nằm ngoài hồ sơ")
        if not self._robots_for(url).can_fetch(self.profile.user_agent, url):
            raise FetchRefused("robots.txt của cổng cũ không cho phép")

    def _robots_for(self, url):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._robots.get(origin)
        if rules is not None:
            return rules
        rules = robotparser.RobotFileParser(f"{origin}/robots.txt")
        self._wait_turn(origin)
        try:
            response = self.pool.request("GET", f"{origin}/robots.txt", redirect=False)
            if response.status >= 400:
                rules.allow_all = True  # no robots.txt: nothing is forbidden
            else:
                rules.parse(response.data.decode("utf-8", errors="replace").splitlines())
        except urllib3.exceptions.HTTPError:
            rules.allow_all = True
        with self._lock:
            self._robots[origin] = rules
        return rules

    def _wait_turn(self, url):
        """Requests to one host start at least `delay_seconds` apart, whatever the concurrency."""
        host = urlsplit(url).netloc
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_request_at.get(host, 0.0))
            self._next_request_at[host] = start + self.profile.delay_seconds
        if start > now:
            time.sleep(start - now)


def _reason(error):
    if isinstance(error, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError)):
        return "hết thời gian chờ máy chủ cũ"
    if isinstance(error, urllib3.exceptions.ResponseError):
        return "máy chủ cũ trả lời lỗi sau nhiều lần thử"
    return f"không kết nối được ({type(error).__name__})"
