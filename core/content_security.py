"""One Content-Security-Policy for the public site, another for the Wagtail admin (settings)."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


def is_admin_request(request):
    """The admin's own pages, and the pages it previews: Wagtail renders a preview through a
    request of its own that carries the page's public address, marked `is_preview`; the answer
    is shown in the admin's preview frame, never to readers."""
    return request.path_info.startswith(settings.ADMIN_PATH_PREFIXES) or getattr(
        request, "is_preview", False
    )


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            # A nonce in the policy would switch off the 'unsafe-inline' the admin relies on
            # (a page's preview asks for one when it renders our templates).
            parts.nonce = None
        return parts
