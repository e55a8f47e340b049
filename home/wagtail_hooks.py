from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import AgencyLink


class AgencyLinkViewSet(SnippetViewSet):
    model = AgencyLink
    icon = "link"
    menu_label = _("Liên kết cơ quan")
    list_display = ["name", "url", "sort_order"]


register_snippet(AgencyLinkViewSet)
