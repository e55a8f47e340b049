"""English pages at /en/ (Wagtail's locales and simple_translation): Vietnamese addresses stay as
they are, each page links to its other language, the frame speaks the page's language."""

import re

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale

from core.roles import EDITORS_GROUP
from tests.factories import StandardPageFactory
from tests.helpers import (
    ReaderClient,
    fill_site_settings,
    home_page,
    make_staff,
    publish_translation,
)


class EnglishPageTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        home = home_page()
        cls.about = StandardPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
        cls.untranslated = StandardPageFactory(parent=home, title="Thủ tục", show_in_menus=True)
        publish_translation(home, title="Son La Department of Science and Technology")
        cls.english_about = publish_translation(cls.about, title="About us", slug="about")

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def switch(self, html):
        return re.findall(r'class="topbar__language" href="([^"]+)" lang="(\w+)"', html)

    def test_english_pages_live_under_en_and_vietnamese_ones_keep_their_address(self):
        self.assertEqual(self.english_about.url, "/en/about/")
        self.assertEqual(self.about.url, "/gioi-thieu/")
        self.assertIn('<html lang="vi">', self.get("/gioi-thieu/"))
        english = self.get("/en/about/")
        self.assertIn('<html lang="en">', english)
        self.assertIn("<h1", english)
        self.assertIn("About us", english)

    def test_the_frame_speaks_the_pages_language(self):
        english = self.get("/en/about/")
        for words in ("Skip to main content", "Sections", "Sign in", "Search the portal"):
            self.assertIn(words, english)
        self.assertNotIn("Bỏ qua đến nội dung chính", english)
        menu = english.split('id="main-menu"')[1].split("</ul>")[0]
        self.assertIn("About us", menu)
        self.assertNotIn("Giới thiệu", menu)  # the English menu lists the English pages

    def test_each_page_links_to_its_other_language(self):
        self.assertEqual(self.switch(self.get("/gioi-thieu/")), [("/en/about/", "en")])
        self.assertEqual(self.switch(self.get("/en/about/")), [("/gioi-thieu/", "vi")])
        # No translation yet: the English home page.
        self.assertEqual(self.switch(self.get(self.untranslated.url)), [("/en/", "en")])

    def test_the_sitemap_lists_both_languages(self):
        listed = re.findall(r"<loc>([^<]+)</loc>", self.get("/sitemap-trang.xml"))
        for address in ("/", "/gioi-thieu/", "/en/", "/en/about/"):
            self.assertIn(f"http://testserver{address}", listed)


class TranslatingTests(TestCase):
    client_class = ReaderClient

    def test_an_editor_can_start_the_english_version_of_a_page(self):
        about = StandardPageFactory(parent=home_page(), title="Giới thiệu")
        self.client.force_login(make_staff("bien-tap", EDITORS_GROUP))
        address = reverse("simple_translation:submit_page_translation", args=[about.pk])
        self.assertEqual(self.client.get(address).status_code, 200)
        english = Locale.objects.get_or_create(language_code="en")[0]
        home_page().copy_for_translation(english).save_revision().publish()  # the English home
        response = self.client.post(address, {"locales": [english.pk]})
        self.assertEqual(response.status_code, 302)
        translation = about.get_translation(english)
        # A copy to translate, with the Vietnamese text in place, not yet shown to readers.
        self.assertEqual((translation.title, translation.live), ("Giới thiệu", False))
        self.assertEqual(translation.translation_key, about.translation_key)
