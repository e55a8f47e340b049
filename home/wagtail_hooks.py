from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents.permissions import permission_policy as document_permissions
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


@hooks.register("before_serve_document")
def serve_only_approved_documents_to_readers(document, request):
    """A document waiting for approval is official only once approved: until then its file
    answers 404 to readers, and opens for staff who work with documents (to check it, or to
    preview a page that links it)."""
    if document.is_approved:
        return
    if not document_permissions.user_has_any_permission(request.user, ["add", "change", "choose"]):
        raise Http404
