"""Broken links, internal and external, for the report "Liên kết hỏng".

Internal links are read from Wagtail's reference index: a live page that points at a page that is
gone or no longer live, a document that is gone or not approved, or an image that is gone.

External links are collected from a page when it is published (its stored content, every field,
searched for http(s) addresses that are not the site's own) and checked in the background by
`manage.py check_links`, which deploy/publish-scheduled.sh runs every minute with a time budget:
each run checks the links never checked or checked longest ago, at most a few per host and with
a pause between two requests to one host, so that nobody's server sees the portal as a crawler.

    collect_page_links(page)      remember which outside addresses `page` links to
    check_due_links(budget=20)    check some of them; returns how many, and how many are broken
"""

import http.client
import ipaddress
import json
import re
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site

from home.models import DocumentReview, ExternalLink

URL = re.compile(r"https?://[^\s\"'<>\\\]\[{}|^`]+", re.IGNORECASE)
TRAILING = ".,;:!?)"
USER_AGENT = "SoKHCN-SonLa-LinkChecker/1.0 (kiem tra lien ket hong cua cong thong tin)"


def own_hosts():
    hosts = {site.hostname.lower() for site in Site.objects.all()}
    hosts.add((urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "").lower())
    return hosts - {""}


def external_urls(page, hosts=None):
    """The outside addresses in a page's stored content (rich text, blocks, links, embeds)."""
    hosts = own_hosts() if hosts is None else hosts
    content = json.dumps(page.specific.serializable_data(), cls=DjangoJSONEncoder)
    found = set()
    for match in URL.finditer(content.replace("\\/", "/")):
        url = match.group(0).rstrip(TRAILING)
        host = (urlsplit(url).hostname or "").lower()
        if host and host not in hosts and len(url) <= 2000:
            found.add(url)
    return found


def collect_page_links(page, hosts=None):
    """Remember the outside addresses a live page links to (and forget the ones it no longer
    does); a page that is not live links to nothing readers can follow."""
    urls = external_urls(page, hosts) if page.live else set()
    links = []
    for url in sorted(urls):
        link, _created = ExternalLink.objects.get_or_create(
            url=url, defaults={"host": urlsplit(url).hostname.lower()}
        )
        links.append(link)
    ExternalLink.pages.through.objects.filter(page_id=page.pk).exclude(
        externallink_id__in=[link.pk for link in links]
    ).delete()
    page_links = ExternalLink.pages.through
    page_links.objects.bulk_create(
        [page_links(page_id=page.pk, externallink_id=link.pk) for link in links],
        ignore_conflicts=True,
    )


def forget_page_links(page):
    ExternalLink.pages.through.objects.filter(page_id=page.pk).delete()


def is_private_address(host):
    """Whether `host` resolves to this machine or a private network: editors' links must not make
    the portal probe its own infrastructure."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False  # the request itself will report that the name does not resolve
    return any(not ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)


class FewRedirectsHandler(urllib.request.HTTPRedirectHandler):
    """Redirects are followed (a moved page is not broken), but only a few of them."""

    max_redirections = 5


def fetch_status(url, timeout):
    """(status code, error text): HEAD first; servers that refuse HEAD are asked with GET."""
    opener = urllib.request.build_opener(FewRedirectsHandler)
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(  # noqa: S310 (URL matched http(s) only; urllib
            url,
            method=method,
            headers={"User-Agent": USER_AGENT},  # refuses other redirects)
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, ""
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
                return None, "Quá thời gian chờ"
            return None, f"Không kết nối được: {reason}"[:300]
    return None, "Không kết nối được"


def check_due_links(
    *,
    budget_seconds=20,
    per_host=2,
    host_pause=1.0,
    timeout=5,
    recheck_after=timedelta(hours=24),
    progress=None,
):
    """Check the links due for it until the time budget is spent. Returns (checked, broken)."""
    ExternalLink.objects.filter(pages=None).delete()  # no live page links them any more
    started = time.monotonic()
    due = ExternalLink.objects.filter(
        Q(checked_at__isnull=True) | Q(checked_at__lt=timezone.now() - recheck_after)
    )
    per_host_done = Counter()
    last_request = {}
    checked = broken = 0
    allow_private = getattr(settings, "LINK_CHECKER_ALLOW_PRIVATE", False)
    for link in due.order_by(F("checked_at").asc(nulls_first=True), "pk").iterator():
        if time.monotonic() - started >= budget_seconds:  # the last may run `timeout` over
            break
        if per_host_done[link.host] >= per_host:
            continue
        if not allow_private and is_private_address(link.host):
            link.status_code, link.error = None, "Địa chỉ nội bộ, không kiểm tra"
        else:
            wait = host_pause - (time.monotonic() - last_request.get(link.host, -host_pause))
            if wait > 0:
                time.sleep(wait)
            link.status_code, link.error = fetch_status(link.url, timeout)
            last_request[link.host] = time.monotonic()
        per_host_done[link.host] += 1
        link.broken = link.status_code is None or link.status_code >= 400
        link.checked_at = timezone.now()
        link.save(update_fields=["status_code", "error", "broken", "checked_at"])
        checked += 1
        broken += link.broken
        if progress:
            progress(link)
    return checked, broken


def broken_internal_links():
    """[(source page, what it links to, why it is broken)] for live pages, from the reference
    index: a page gone or not live, a document gone or not approved, an image gone."""
    page_type = ContentType.objects.get_for_model(Page)
    document_model, image_model = get_document_model(), get_image_model()
    document_type = ContentType.objects.get_for_model(document_model)
    image_type = ContentType.objects.get_for_model(image_model)
    references = list(
        ReferenceIndex.objects.filter(
            base_content_type=page_type,
            to_content_type__in=[page_type, document_type, image_type],
        )
        .values_list("object_id", "to_content_type_id", "to_object_id")
        .distinct()
    )
    wanted = {kind: set() for kind in (page_type.pk, document_type.pk, image_type.pk)}
    for _source, kind, target in references:
        wanted[kind].add(int(target))
    pages = Page.objects.in_bulk(wanted[page_type.pk] | {int(s) for s, *_ in references})
    documents = document_model.objects.in_bulk(wanted[document_type.pk])
    images = image_model.objects.only("pk").in_bulk(wanted[image_type.pk])
    broken = []
    for source_id, kind, target_id in references:
        source, target_id = pages.get(int(source_id)), int(target_id)
        if source is None or not source.live:
            continue
        if kind == page_type.pk:
            target = pages.get(target_id)
            if target is None:
                broken.append((source, f"Trang số {target_id}", "Trang đã bị xoá"))
            elif not target.live:
                broken.append((source, target.title, "Trang chưa đăng hoặc đã gỡ"))
        elif kind == document_type.pk:
            document = documents.get(target_id)
            if document is None:
                broken.append((source, f"Văn bản số {target_id}", "Văn bản đã bị xoá"))
            elif document.review_status != DocumentReview.APPROVED:
                broken.append((source, document.title, "Văn bản chưa được duyệt"))
        elif target_id not in images:
            broken.append((source, f"Ảnh số {target_id}", "Ảnh đã bị xoá"))
    return broken


def connect_link_collection():
    """Publishing a page records its outside links; unpublishing or deleting forgets them."""
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(
        lambda sender, instance, **kwargs: collect_page_links(instance),
        weak=False,
        dispatch_uid="collect-external-links",
    )
    page_unpublished.connect(
        lambda sender, instance, **kwargs: forget_page_links(instance),
        weak=False,
        dispatch_uid="forget-external-links-unpublished",
    )
    post_delete.connect(
        lambda sender, instance, **kwargs: (
            forget_page_links(instance) if isinstance(instance, Page) else None
        ),
        weak=False,
        dispatch_uid="forget-external-links-deleted",
    )
