from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import AgencyLink, Person


class AgencyLinkViewSet(SnippetViewSet):
    model = AgencyLink
    icon = "link"
    menu_label = _("Liên kết cơ quan")
    list_display = ["name", "url", "sort_order"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Cán bộ, đầu mối liên hệ")
    list_display = ["name", "position", "group", "sort_order"]
    list_filter = ["group"]
    search_fields = ["name", "position", "unit"]


register_snippet(AgencyLinkViewSet)
register_snippet(PersonViewSet)
