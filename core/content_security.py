"""One Content-Security-Policy for the public site, another for the Wagtail admin (settings); the
public one also allows the outside hosts the department's settings name (EMC, trust badge)."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from wagtail.models import Site

from core.site_settings import site_settings_for


def is_admin_request(request):
    """The admin's own pages, and the pages it previews: Wagtail renders a preview through a
    request of its own that carries the page's public address, marked `is_preview`; the answer
    is shown in the admin's preview frame, never to readers."""
    return request.path_info.startswith(settings.ADMIN_PATH_PREFIXES) or getattr(
        request, "is_preview", False
    )


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme == "https" and parts.netloc else ""


def outside_sources(request):
    """What the department's own settings add to the public policy, exactly the hosts they name:
    the national monitoring system's script (EMC: its script, and the reports it sends) and the
    network-trust badge's image. Nothing when they are empty."""
    if Site.find_for_request(request) is None:
        return {}
    site_settings = site_settings_for(request)
    sources = {}
    if monitoring := _origin(site_settings.monitoring_script_src):
        sources["script-src"] = [monitoring]
        sources["connect-src"] = [monitoring]
    if badge := _origin(site_settings.trust_badge_image_url):
        sources["img-src"] = [badge]
    return sources


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if is_admin_request(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            # A nonce in the policy would switch off the 'unsafe-inline' the admin relies on
            # (a page's preview asks for one when it renders our templates).
            parts.nonce = None
        elif sources := outside_sources(request):
            parts.update = {**(parts.update or {}), **sources}
        return parts
