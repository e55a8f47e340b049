from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from articles.models import ArticleIndexPage
from articles.reports import MostReadReport, PublishedArticlesReport


class WriteNewsPanel(Component):
    """ "Viết tin mới" for each news section the person may write in: the dashboard's first
    button, one click to an empty article in the right place."""

    name = "write-news"
    order = 50
    template_name = "articles/admin/write_news_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        sections = ArticleIndexPage.objects.filter(locale__language_code="vi").order_by("path")
        return {
            "sections": [
                section
                for section in sections
                if section.permissions_for_user(user).can_add_subpage()
            ]
        }


@hooks.register("construct_homepage_panels")
def offer_to_write_news(request, panels):
    panels.insert(0, WriteNewsPanel())


@hooks.register("register_admin_urls")
def register_article_reports():
    return [
        path("bao-cao/tin-doc-nhieu/", MostReadReport.as_view(), name="report_most_read"),
        path(
            "bao-cao/tin-dang/",
            PublishedArticlesReport.as_view(),
            name="report_published_articles",
        ),
    ]


@hooks.register("register_reports_menu_item")
def most_read_menu_item():
    return MenuItem(
        _("Tin đọc nhiều nhất"), reverse("report_most_read"), icon_name="view", order=10
    )


@hooks.register("register_reports_menu_item")
def published_articles_menu_item():
    return MenuItem(
        _("Tin đăng theo chuyên mục, tác giả"),
        reverse("report_published_articles"),
        icon_name="doc-full",
        order=11,
    )
