from wagtail import hooks
from wagtail.admin.ui.components import Component

from articles.models import ArticleIndexPage
from articles.reports import MostReadReport, PublishedArticlesReport
from core.reporting import register_report


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


register_report("bao-cao/tin-doc-nhieu/", MostReadReport, "report_most_read", order=10)
register_report("bao-cao/tin-dang/", PublishedArticlesReport, "report_published_articles", order=11)
