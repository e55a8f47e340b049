import pytest
from django.test import TestCase

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page

# Whatever a reader, a crawler or an attacker puts in ?page=, the answer is a page or a 404.
HOSTILE_PAGE_VALUES = [
    "abc",
    "-1",
    "0",
    "99999",
    "",
    " ",
    "1.5",
    "1e3",
    "0x2",
    "２",
    "٣",
    "1%00",
    "\x00",
    "9" * 400,
    "-" * 50,
    "1;DROP TABLE wagtailcore_page",
    "[]",
    "2&page=3",
    "NaN",
    "inf",
]
# An empty value is the first page; every other value above is not a page that exists.
FIRST_PAGE_VALUES = {"", " "}


def expected_status(value):
    return 200 if value in FIRST_PAGE_VALUES else 404


class ArticleIndexPaginationTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.articles = ArticlePageFactory.create_batch(23, parent=cls.index)

    def get(self, url, data=None):
        return self.client.get(url, data)

    def test_ten_articles_a_page_newest_first(self):
        response = self.get(self.index.url)
        listed = list(response.context["articles"])
        self.assertEqual(len(listed), 10)
        self.assertEqual(listed[0].pk, self.articles[0].pk)  # the factory dates go backwards
        self.assertEqual(
            [a.published_on for a in listed], sorted((a.published_on for a in listed), reverse=True)
        )
        self.assertContains(response, 'aria-label="Trang 3"')

    def test_last_page_holds_the_rest(self):
        response = self.get(self.index.url, {"page": "3"})
        self.assertEqual(len(response.context["articles"]), 3)

    @pytest.mark.attack
    def test_hostile_page_values_never_cause_a_server_error(self):
        for value in HOSTILE_PAGE_VALUES:
            with self.subTest(value=value):
                response = self.get(self.index.url, {"page": value})
                self.assertEqual(response.status_code, expected_status(value))
                if response.status_code == 404:
                    self.assertContains(response, "Không tìm thấy trang", status_code=404)

    def test_empty_page_parameter_is_the_first_page(self):
        response = self.get(self.index.url, {"page": ""})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["articles"].number, 1)

    @pytest.mark.attack
    def test_out_of_range_and_non_numbers_are_not_found(self):
        for value in ("0", "-1", "4", "99999", "abc", "9" * 400):
            with self.subTest(value=value):
                self.assertEqual(self.get(self.index.url, {"page": value}).status_code, 404)

    @pytest.mark.attack
    def test_hostile_tag_values_are_answered(self):
        for value in ("\x00", "a\x00b", "x" * 10_000, "' OR 1=1 --", "<script>"):
            with self.subTest(value=value[:10]):
                response = self.get(self.index.url, {"tag": value})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>")

    @pytest.mark.attack
    def test_other_articles_pagination_on_article_page_is_just_as_safe(self):
        article = self.articles[5]
        for value in HOSTILE_PAGE_VALUES:
            with self.subTest(value=value):
                response = self.get(article.url, {"tin-khac": value})
                self.assertEqual(response.status_code, expected_status(value))
