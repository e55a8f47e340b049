"""An admin page of ours, titled and placed under a parent in the breadcrumbs as Wagtail's own
pages are (Wagtail's mixin alone titles a page "Home" when it has no trail)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminSubpage(WagtailAdminTemplateMixin):
    # (URL name, label) of the page above this one; None: right under the dashboard.
    parent_page = None

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": _("Trang chủ")}]
        if self.parent_page:
            parent_url, parent_label = self.parent_page
            items.append({"url": reverse(parent_url), "label": parent_label})
        return [*items, {"url": "", "label": self.get_page_title()}]
