from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from programs.models import Organization, ResearchField


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Tổ chức")
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


class ResearchFieldViewSet(SnippetViewSet):
    model = ResearchField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug", "sort_order"]


class RegistrySnippets(SnippetViewSetGroup):
    items = (OrganizationViewSet, ResearchFieldViewSet)
    menu_icon = "list-ul"
    menu_label = _("Nhiệm vụ KH&CN")
    menu_name = "registry"


register_snippet(RegistrySnippets)
