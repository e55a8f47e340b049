from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from citizens import admin_views
from citizens.models import DraftComment, Question


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Câu hỏi của người dân")
    url_prefix = "cau-hoi"
    name = "citizens_question"
    edit_view_class = admin_views.QuestionEditView
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                ["status", "unit", "staff_note", "declined_reason"], heading=_("Xử lý")
            ),
            MultiFieldPanel(["source", "sector", "title", "body"], heading=_("Câu hỏi")),
            MultiFieldPanel(
                ["name", "email", "phone", "organization", "area"],
                heading=_("Người hỏi (không bao giờ công bố, trừ chữ cái đầu và địa bàn)"),
            ),
        ],
        base_form_class=admin_views.QuestionAdminForm,
    )
    list_display = ["title", "tracking_code", "sector", "status", "unit", "created_at"]
    list_filter = ["status", "sector", "source"]
    search_fields = ["title", "tracking_code", "name", "email"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/tra-loi/", admin_views.start_answer, name="answer"),
        ]


class DraftCommentViewSet(ModelViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = _("Ý kiến góp ý dự thảo")
    url_prefix = "gop-y"
    name = "citizens_comment"
    index_view_class = admin_views.InertExportIndexView
    form_fields = ["section", "body"]
    list_display = ["consultation", "section", "organization", "created_at"]
    list_filter = ["consultation"]
    list_export = [
        "consultation",
        "name",
        "organization",
        "email",
        "section",
        "body",
        "created_at",
    ]
    export_filename = "y-kien-gop-y-du-thao"
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation",
        "name",
        "organization",
        "email",
        "section",
        "body",
        "attachment",
        "created_at",
        "consent_text",
        "consented_at",
    ]
    copy_view_enabled = False


class CitizensGroup(ViewSetGroup):
    menu_label = _("Hỏi đáp, góp ý")
    menu_icon = "help"
    menu_order = 250
    items = (QuestionViewSet, DraftCommentViewSet)


@hooks.register("register_admin_viewset")
def register_citizens_viewsets():
    return CitizensGroup()


@hooks.register("register_admin_urls")
def citizens_admin_urls():
    return [
        path(
            "du-lieu-ca-nhan/",
            admin_views.PersonalDataView.as_view(),
            name="citizens_personal_data",
        )
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("citizens.manage_personal_data")


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Dữ liệu cá nhân người dân"),
        reverse("citizens_personal_data"),
        icon_name="user",
        order=900,
    )


@hooks.register("register_log_actions")
def citizens_log_actions(actions):
    actions.register_action(
        "citizens.erase",
        _("Xóa dữ liệu cá nhân"),
        _("Đã xóa họ tên, thư điện tử, điện thoại và tệp gửi kèm"),
    )
