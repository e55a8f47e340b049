import html
import json
import re
import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from articles.models import ArticlePage
from core.text import (
    VIETNAMESE_LETTERS,
    fold_diacritics,
    slug_fold_patterns,
    vietnamese_slugify,
)
from tests.factories import ArticleIndexPageFactory
from tests.helpers import home_page


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Tỉnh Điện Biên", "tinh-dien-bien"),
        (
            "Đồng chí Nguyễn Thành Công làm việc với Sở",
            "dong-chi-nguyen-thanh-cong-lam-viec-voi-so",
        ),
        ("Hoạt động KH&CN", "hoat-dong-khcn"),
        ("Quyết định số 2423/QĐ-UBND", "quyet-dinh-so-2423qd-ubnd"),
        ("  Giới thiệu  ", "gioi-thieu"),
        ("ĐƯỜNG ĐẮK LẮK", "duong-dak-lak"),
    ],
)
def test_vietnamese_slugify_keeps_every_letter(title, slug):
    assert vietnamese_slugify(title) == slug


def test_decomposed_input_gives_the_same_slug():
    title = "Sở Khoa học và Công nghệ tỉnh Điện Biên"
    assert vietnamese_slugify(unicodedata.normalize("NFD", title)) == vietnamese_slugify(title)


def test_admin_fold_patterns_agree_with_python_folding():
    """The browser folds with regular expressions; every letter must come out as in Python."""
    for pattern, replacement in slug_fold_patterns():
        letters = pattern.strip("[]")
        if replacement:
            for letter in letters:
                assert fold_diacritics(letter).lower() == replacement, letter
    every_accented = "".join(VIETNAMESE_LETTERS.values())
    assert fold_diacritics(every_accented + every_accented.upper()).isascii()


def test_fold_diacritics():
    assert fold_diacritics("Thống kê truy cập Đ đ") == "Thong ke truy cap D d"


class PageSlugTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")

    def test_page_created_in_code_gets_readable_slug(self):
        article = ArticlePage(title="Tỉnh Điện Biên hợp tác với Sơn La")
        self.index.add_child(instance=article)
        self.assertEqual(article.slug, "tinh-dien-bien-hop-tac-voi-son-la")

    def test_duplicate_titles_get_distinct_slugs(self):
        first = self.index.add_child(instance=ArticlePage(title="Thông báo nghỉ lễ"))
        second = self.index.add_child(instance=ArticlePage(title="Thông báo nghỉ lễ"))
        self.assertEqual(first.slug, "thong-bao-nghi-le")
        self.assertEqual(second.slug, "thong-bao-nghi-le-2")

    def test_admin_slug_field_folds_d_with_stroke(self):
        self.client.force_login(self.admin)
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.index.pk))
        )
        self.assertEqual(response.status_code, 200)
        match = re.search(r'<input[^>]*name="slug"[^>]*>', response.content.decode())
        self.assertIsNotNone(match, "the page form has no slug input")
        formatters = re.search(r'data-w-slug-formatters-value="([^"]*)"', match.group(0))
        self.assertIsNotNone(formatters, "the slug input has no formatters")
        patterns = json.loads(html.unescape(formatters.group(1)))
        self.assertIn([["[đĐ]", "gu"], "d"], patterns)
