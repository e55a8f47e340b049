"""The production stack on loopback for tests: Varnish with the shipped VCL in front of gunicorn
app processes (deploy/stack.py), and a reader's requests to it."""

import os
import socket
import sys
import urllib.error
import urllib.request

from tests.factories import READER_USER_AGENT

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "deploy"))
from stack import running_stack

__all__ = ["HOST", "fetch", "free_port", "free_ports", "running_stack"]

HOST = "localhost"  # the default site's host name, as the public reaches it


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def free_ports(count):
    """`count` consecutive free ports."""
    while True:
        first = free_port()
        ports = range(first, first + count)
        try:
            for port in ports:
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(front, path, cookie=None, language="vi-VN,vi;q=0.9"):
    """(status, headers, body) of the answer to `path`; a redirect is an answer, not followed."""
    request = urllib.request.Request(front + path, headers={"Host": HOST})  # noqa: S310 (loopback)
    request.add_header("User-Agent", READER_USER_AGENT)
    request.add_header("Accept-Language", language)
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as answer:
        if not 300 <= answer.code < 400:
            raise
        return answer.code, answer.headers, ""
