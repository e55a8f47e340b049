"""Who is asking: the client address and whether a request comes from a known robot."""

import ipaddress
import re

from django.conf import settings

# Crawlers, link previewers and monitoring tools that announce themselves. A view they cause is
# not a reader's view. Generic words ("bot", "spider", "crawl") catch most; the rest are named.
_BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|pingdom|uptime"
    r"|headlesschrome|python-requests|python-urllib|curl/|wget/|httpclient|okhttp|go-http-client"
    r"|scrapy|lighthouse|axios/|java/|libwww|feedfetcher",
    re.IGNORECASE,
)


def is_bot(request):
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return not user_agent.strip() or bool(_BOT_USER_AGENT.search(user_agent))


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address):
    return any(address in ipaddress.ip_network(net) for net in settings.TRUSTED_PROXIES)


def client_ip(request):
    """The reader's own address, for rate limits and login lockouts. Behind the front servers
    (nginx, Varnish) every request comes from a proxy, which appends the address it saw to
    X-Forwarded-For. Read that list from the right, skipping our own proxies: the first address
    that is not one of them is the client. Anything further left was written by the client
    and could say anything, so it is never read; nor is the header when the peer is not a proxy
    of ours. None when there is no address at all (a Unix socket, a request made in code)."""
    address = _address(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while _is_trusted_proxy(address) and forwarded:
        hop = _address(forwarded.pop())
        if hop is None:  # a malformed hop: keep the last address we can vouch for
            break
        address = hop
    return str(address)
