"""The frame's HTML is drawn once per generation and shared by every reader's page
(core/frame_html.py): what differs per page or per reader never travels with it."""

import re

from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory, TestCase

from core.frame_html import DrawnPerRequest
from tests.factories import ArticlePageFactory
from tests.helpers import ReaderClient, fill_site_settings, home_page, make_staff, news_and_notices
from tests.home import test_english_pages

NONCE = re.compile(r'nonce="([^"]+)"')


def menu_of(html):
    return html.split('id="main-menu"')[1].split("</nav>")[0]


def active_items(html):
    """The titles of the menu items marked as the reader's section, and of the current page."""
    menu = menu_of(html)
    active = re.findall(r'<li class="nav__item is-active">\s*<a [^>]*>(.*?)</a>', menu, re.S)
    current = re.findall(r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', menu, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in active], [
        re.sub(r"<[^>]+>", "", title).strip() for title in current
    ]


class SharedFrameTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.home = home_page()
        cls.news, cls.notices = news_and_notices()
        for section in (cls.news, cls.notices):
            section.show_in_menus = True
            section.save_revision().publish()
        cls.news_article = ArticlePageFactory(parent=cls.news, title="Tin trong mục Tin tức")
        cls.notice = ArticlePageFactory(parent=cls.notices, title="Tin trong mục Thông báo")

    def html(self, url, client=None):
        response = (client or self.client).get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def test_each_page_marks_its_own_section_in_the_menu(self):
        self.html(self.news_article.url)  # the frame is drawn on the news article's request
        self.assertEqual(active_items(self.html(self.notice.url)), (["Thông báo"], []))
        self.assertEqual(active_items(self.html(self.news_article.url)), (["Tin tức"], []))
        self.assertEqual(active_items(self.html(self.notices.url)), (["Thông báo"], ["Thông báo"]))
        active, current = active_items(self.html("/"))
        self.assertEqual((active, current), (["Trang chủ"], ["Trang chủ"]))

    def test_the_search_box_holds_only_this_readers_words(self):
        searched = self.html("/tim-kiem/?q=%3Cb%3Ekhoa+h%E1%BB%8Dc")
        self.assertIn('name="q" value="&lt;b&gt;khoa học"', searched)
        article = self.html(self.news_article.url)
        self.assertIn('name="q" value=""', article)
        self.assertNotIn("khoa học", article.split('role="search"')[1].split("</form>")[0])

    def test_a_signed_in_editors_visit_leaves_nothing_in_a_readers_page(self):
        editor = make_staff("bientap", "Biên tập viên")
        self.client.force_login(editor)
        self.html(self.news_article.url)  # the editor's request draws the frame
        self.client.logout()
        after_editor = self.html(self.news_article.url)
        cache.clear()  # a frame drawn by a reader's request, for comparison
        drawn_for_reader = self.html(self.news_article.url)
        self.assertEqual(NONCE.sub("", after_editor), NONCE.sub("", drawn_for_reader))
        self.assertNotIn("bientap", after_editor)

    def test_every_page_carries_its_own_nonce(self):
        for _ in range(2):
            response = self.client.get(self.news_article.url)
            header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
            nonces = set(NONCE.findall(response.content.decode()))
            self.assertEqual(nonces, {header})  # the article's JSON-LD carries one

    def test_a_stretch_that_asks_for_a_nonce_or_a_form_token_is_refused(self):
        request = RequestFactory().get("/")
        request.csp_nonce = "abc"
        for inner in ("{% saved_copy_style %}", "<form>{% csrf_token %}</form>"):
            template = Template(
                "{% load frame_tags head_tags %}"
                f'{{% frame_html "refused" %}}{inner}{{% endframe_html %}}'
            )
            with self.subTest(inner), self.assertRaises(DrawnPerRequest):
                template.render(Context({"request": request, "csrf_token": "t"}))


class LanguageFrameTests(TestCase):
    client_class = ReaderClient
    # The same pages as the English pages' tests: "Giới thiệu" and its English version.
    setUpTestData = test_english_pages.EnglishPageTests.__dict__["setUpTestData"]

    def switch(self, url):
        html = self.client.get(url).content.decode()
        return html, re.findall(r'class="topbar__language" href="([^"]+)" lang="(\w+)"', html)

    def test_each_language_and_page_gets_its_own_frame_and_switch(self):
        english, english_switch = self.switch("/en/about/")
        vietnamese, vietnamese_switch = self.switch("/gioi-thieu/")
        self.assertEqual(english_switch, [("/gioi-thieu/", "vi")])
        self.assertEqual(vietnamese_switch, [("/en/about/", "en")])
        self.assertIn("Search the portal", english)  # the header, drawn in English
        self.assertIn("About us", menu_of(english))
        self.assertNotIn("Search the portal", vietnamese)
        self.assertIn("Bỏ qua đến nội dung chính", vietnamese)
        self.assertIn("Giới thiệu", menu_of(vietnamese))
        self.assertNotIn("About us", menu_of(vietnamese))
        _, home_switch = self.switch("/")
        self.assertEqual(home_switch, [("/en/", "en")])
