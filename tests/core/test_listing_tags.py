"""The shortcuts listings draw with: a page's address from its tree path (`page_href`), a
choice's label (`choice_label`) and a date (`vn_date`) give what Wagtail's and Django's own
would."""

import datetime

from django.template import Context, Template
from django.test import RequestFactory, TestCase
from django.utils import formats, translation
from wagtail.models import Site

from core.templatetags.format_tags import choice_label, vn_date
from programs.models import TaskPage, TaskStatus
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, StandardPageFactory
from tests.helpers import home_page
from tests.home.test_english_pages import publish_translation


class PageHrefTests(TestCase):
    def href(self, page):
        request = RequestFactory().get("/")
        request._wagtail_site = Site.objects.get(is_default_site=True)
        template = Template("{% load menu_tags %}{% page_href page %}")
        return template.render(Context({"request": request, "page": page}))

    def test_the_address_from_the_tree_is_wagtails(self):
        home = home_page()
        news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        article = ArticlePageFactory(parent=news, title="Hội thảo")
        about = StandardPageFactory(parent=home, title="Giới thiệu")
        publish_translation(home, title="Son La Department of Science and Technology")
        english = publish_translation(about, title="About us", slug="about")
        for page in (news, article, about, english):
            with self.subTest(page=page.title):
                self.assertEqual(self.href(page), page.get_url())
        self.assertEqual(self.href(english), "/en/about/")


class ChoiceLabelTests(TestCase):
    def test_each_status_reads_as_django_shows_it(self):
        with translation.override("vi"):
            for status in TaskStatus.values:
                task = TaskPage(status=status)
                self.assertEqual(choice_label(task, "status"), task.get_status_display())
        self.assertEqual(choice_label(TaskPage(status="khong-ro"), "status"), "khong-ro")


class VnDateTests(TestCase):
    def test_dates_read_as_djangos_date_format_writes_them(self):
        days = (datetime.date(2023, 6, 5), datetime.date(2025, 12, 31), datetime.date(999, 1, 1))
        for day in days:
            with self.subTest(day=day):
                self.assertEqual(vn_date(day), formats.date_format(day, "d/n/Y"))
        self.assertEqual(vn_date(datetime.date(2023, 6, 5)), "05/6/2023")
        self.assertEqual(vn_date(None), "")

    def test_a_moment_is_dated_in_the_departments_time_zone(self):
        # 00:30 on 2/3/2024 in Sơn La (UTC+7) is still 1/3 in UTC, as the database gives it.
        closes_at = datetime.datetime(2024, 3, 1, 17, 30, tzinfo=datetime.UTC)
        template = Template("{% load format_tags %}{{ closes_at|vn_date }}")
        self.assertEqual(template.render(Context({"closes_at": closes_at})), "02/3/2024")
        self.assertEqual(vn_date(closes_at), "02/3/2024")
