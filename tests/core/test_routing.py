"""Readers reach every page by its address exactly as Wagtail's own routing would take them, the
way read in one query (core/routing.py)."""

import pytest
from django.http import Http404
from django.test import RequestFactory, TestCase
from wagtail.models import Page, PageViewRestriction

from core.routing import route_by_slugs
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    StandardPageFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, home_page, news_and_notices


def wagtails_route(root, request, path_components):
    return Page.route(root, request, path_components)


def outcome(route, root, path):
    """What `route` makes of `path`: the page, its type and the view a routable page chose."""
    request = RequestFactory().get("/" + path)
    try:
        result = route(root, request, [part for part in path.split("/") if part])
    except Http404:
        return 404
    view = result.args[0] if result.args else None
    chosen = (view.__name__, result.args[1], result.args[2]) if view else None
    return result.page.pk, type(result.page), chosen


class RoutingTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.news, cls.notices = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Hội thảo")
        # The same slug in another section, at the same depth: a stranger the query also reads.
        ArticlePageFactory(parent=cls.notices, title="Hội thảo")
        cls.draft = ArticlePageFactory(parent=cls.news, title="Bản nháp", live=False)
        draft_section = ArticleIndexPageFactory(parent=cls.home, title="Chuyên mục nháp")
        draft_section.unpublish()
        ArticlePageFactory(parent=draft_section, title="Tin trong chuyên mục nháp")
        about = StandardPageFactory(parent=cls.home, title="Giới thiệu")
        StandardPageFactory(parent=about, title="Cơ cấu tổ chức")
        cls.registry = ProgramIndexPageFactory(parent=cls.home)
        program = ProgramPageFactory(parent=cls.registry)
        cls.task = TaskPageFactory(parent=program)
        TaskPageFactory(parent=cls.registry, title="Tai ve")  # a child named like a route

    def addresses(self):
        below_home = Page.objects.descendant_of(self.home).values_list("url_path", flat=True)
        return [
            "",
            *(url_path[len(self.home.url_path) :] for url_path in below_home),
            "chuong-trinh/tai-ve/csv/",
            "chuong-trinh/tai-ve/json/",
            "chuong-trinh/tai-ve/",
            "chuong-trinh/khong-co/",
            "tin-tuc/khong-co/",
            "tin-tuc/hoi-thao/them/",
            "thong-bao/hoi-thao/",
            "khong-co/",
            "khong-co/hoi-thao/",
        ]

    def test_every_address_leads_where_wagtails_routing_leads(self):
        for path in self.addresses():
            with self.subTest(path=path):
                ours = outcome(route_by_slugs, self.home, path)
                self.assertEqual(ours, outcome(wagtails_route, self.home, path))
        # Among them, what matters most: the right page, drafts hidden, routes of their own.
        article = outcome(route_by_slugs, self.home, "tin-tuc/hoi-thao/")
        self.assertEqual(article[0], self.article.pk)
        self.assertEqual(outcome(route_by_slugs, self.home, "tin-tuc/ban-nhap/"), 404)
        self.assertEqual(
            outcome(route_by_slugs, self.home, "chuong-trinh/tai-ve/csv/")[2][0], "export_csv"
        )

    def test_a_page_is_found_in_a_fixed_number_of_queries_however_deep_then_in_none(self):
        request = RequestFactory().get("/")
        # The pages on the way, the article with its lead image, its tags.
        with self.assertNumQueries(3):
            result = route_by_slugs(self.home, request, ["tin-tuc", "hoi-thao"])
        self.assertEqual(result.page.pk, self.article.pk)
        path = self.task.url_path[len(self.home.url_path) :].strip("/").split("/")
        self.assertEqual(len(path), 3)
        with self.assertNumQueries(2):
            self.assertEqual(route_by_slugs(self.home, request, path).page.pk, self.task.pk)
        # Asked again within the frame's generation: kept by the process.
        with self.assertNumQueries(0):
            again = route_by_slugs(self.home, request, ["tin-tuc", "hoi-thao"])
        self.assertEqual(again.page.pk, self.article.pk)
        self.assertIsNot(again.page, result.page)  # each request gets its own copy

    def test_breadcrumbs_come_from_the_way_in(self):
        response = self.client.get(self.task.url)
        crumbs = response.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
        for ancestor in self.task.get_ancestors().filter(depth__gt=1):
            self.assertIn(f'href="{ancestor.url}"', crumbs)


class PrivateBranchTests(TestCase):
    """Wagtail's privacy check is answered from the way in: a restriction anywhere above the page
    still stops a reader."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news, _ = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Tin nội bộ")

    def get(self, url):
        return self.client.get(url)

    @pytest.mark.attack
    def test_a_restricted_section_protects_its_articles(self):
        self.assertEqual(self.get(self.article.url).status_code, 200)
        restriction = PageViewRestriction.objects.create(
            page=self.news, restriction_type=PageViewRestriction.PASSWORD, password="noi-bo"
        )
        response = self.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Tin nội bộ</h1>")
        self.assertContains(response, 'name="password"')
        restriction.delete()
        self.assertContains(self.get(self.article.url), "Tin nội bộ")

    @pytest.mark.attack
    def test_a_restricted_home_page_protects_the_whole_site(self):
        PageViewRestriction.objects.create(
            page=home_page(), restriction_type=PageViewRestriction.LOGIN
        )
        response = self.get(self.article.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
