"""Who is asking: the client address and whether a request comes from a known robot."""

import re

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


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"
