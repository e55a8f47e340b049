"""Screens of our own inside the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The department's short guide for editors and approvers, in place of Wagtail's English
    one: the way this portal's newsroom works, step by step."""

    page_title = _("Hướng dẫn biên tập")
    header_icon = "help"
    template_name = "home/admin/editor_guide.html"
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
