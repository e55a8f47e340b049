from django.db.models import prefetch_related_objects
from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem, WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.documents.permissions import permission_policy as document_permissions
from wagtail.models import Site
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.reporting import register_report
from home.media_forms import APPROVE_PERMISSION
from home.models import AgencyLink, Person, SiteDocument
from home.reports import BrokenLinksReport, VisitsReport


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


# The approver's decision first ("Phê duyệt" as the main button, "Yêu cầu sửa" next), then the rest.
WORKFLOW_ACTION_ORDER = {("approve", False): 0, ("reject", True): 1, ("approve", True): 2}


@hooks.register("construct_page_action_menu")
def put_each_roles_main_action_first(menu_items, request, context):
    """Wagtail leads with "Lưu bản nháp" for everyone. An approver looking at a page that waits
    for them came to decide; an editor (who cannot publish) finishes by sending for approval."""
    decisions = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]
    if decisions:
        lead = sorted(
            decisions, key=lambda item: WORKFLOW_ACTION_ORDER.get((item.name, item.launch_modal), 9)
        )
    elif not any(item.name == "action-publish" for item in menu_items):
        lead = [item for item in menu_items if isinstance(item, SubmitForModerationMenuItem)]
    else:
        return
    rest = [item for item in menu_items if item not in lead]
    menu_items[:] = lead + rest


class OwnPagesInWorkflowPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "your pages in a workflow", whose rows now name the approver who sent a page
    back (site_config/templates/wagtailadmin/home/): their users in one query, not one a row."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        task_states = [state.current_task_state for state in context["workflow_states"]]
        prefetch_related_objects(task_states, "finished_by")
        return context


@hooks.register("construct_homepage_panels")
def name_the_approver_on_the_editors_dashboard(request, panels):
    panels[:] = [
        OwnPagesInWorkflowPanel() if type(panel) is UserObjectsInWorkflowModerationPanel else panel
        for panel in panels
    ]


class HomeFirstExplorerMenuItem(ExplorerMenuItem):
    """ "Trang" opens at the department's home page, where editors work, instead of at the tree's
    root (which only holds the Vietnamese and English homes). From there the breadcrumbs lead up."""

    def start_page(self, request):
        explorable = page_permission_policy.explorable_root_instance(request.user)
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        home = site.root_page if site else None
        if home is not None and explorable is not None and home.is_descendant_of(explorable):
            return home
        return explorable

    def get_context(self, request):
        # Wagtail's own would look up the explorable root a second time, only to be replaced.
        context = MenuItem.get_context(self, request)
        if start := self.start_page(request):
            context["start_page_id"] = start.id
        return context

    def render_component(self, request):
        if start := self.start_page(request):
            return PageExplorerMenuItem(
                self.name,
                self.label,
                self.url,
                start.id,
                icon_name=self.icon_name,
                classname=self.classname,
            )
        return super().render_component(request)


@hooks.register("construct_main_menu")
def open_the_page_tree_at_the_home_page(request, menu_items):
    menu_items[:] = [
        HomeFirstExplorerMenuItem(
            item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
        )
        if type(item) is ExplorerMenuItem
        else item
        for item in menu_items
    ]


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    from home import admin_views

    return [
        path("huong-dan-bien-tap/", admin_views.EditorGuideView.as_view(), name="editor_guide"),
        path("ban-nhap/", admin_views.MyDraftsView.as_view(), name="newsroom_drafts"),
        path("bi-tra-lai/", admin_views.SentBackView.as_view(), name="newsroom_sent_back"),
        path("cho-toi-duyet/", admin_views.WaitingForMeView.as_view(), name="newsroom_waiting"),
        path("lich-dang/", admin_views.ScheduledWeekView.as_view(), name="newsroom_scheduled"),
        path(
            "van-ban-cho-duyet/",
            admin_views.DocumentsWaitingView.as_view(),
            name="newsroom_documents_waiting",
        ),
    ]


@hooks.register("construct_help_menu")
def offer_the_departments_guide(request, menu_items):
    """Wagtail's help menu links its English release notes and guide on its own site; editors
    get the department's guide instead."""
    kept = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    guide = MenuItem(
        _("Hướng dẫn biên tập"),
        reverse("editor_guide"),
        name="editor-guide",
        icon_name="help",
        order=1000,
    )
    menu_items[:] = [guide, *kept]


class NewsroomPanel(Component):
    """The dashboard's way into each work list, with how many items wait in it."""

    name = "newsroom"
    order = 60
    template_name = "home/admin/newsroom_panel.html"

    def get_context_data(self, parent_context):
        from core import newsroom

        user = parent_context["request"].user
        today = timezone.localdate()
        start, end = newsroom.week_bounds(*today.isocalendar()[:2])
        can_approve_documents = user.has_perm(APPROVE_PERMISSION)
        return {
            "drafts": newsroom.my_drafts(user).count(),
            "sent_back": newsroom.sent_back_states(user).count(),
            "waiting": newsroom.waiting_for(user).count(),
            "can_approve_documents": can_approve_documents,
            "documents_waiting": SiteDocument.waiting_for_review().count()
            if can_approve_documents
            else 0,
            "scheduled": len(newsroom.scheduled_between(start, end)),
        }


@hooks.register("construct_homepage_panels")
def show_the_newsroom_lists(request, panels):
    panels.append(NewsroomPanel())


@hooks.register("insert_global_admin_css")
def department_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_editor_js")
def show_the_slug_under_the_title():
    return format_html('<script src="{}"></script>', static("js/admin-slug.js"))


register_report("bao-cao/luot-truy-cap/", VisitsReport, "report_visits", order=12)
register_report("bao-cao/lien-ket-hong/", BrokenLinksReport, "report_broken_links", order=13)
