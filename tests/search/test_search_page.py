from django.test import TestCase

from tests.factories import READER_USER_AGENT, ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import home_page


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=index, title="Hội thảo truy xuất nguồn gốc")
        ArticlePageFactory(parent=index, title="Bản nháp truy xuất", live=False)

    def get(self, data):
        return self.client.get("/tim-kiem/", data, HTTP_USER_AGENT=READER_USER_AGENT)

    def test_finds_live_pages_only(self):
        response = self.get({"q": "truy xuất"})
        self.assertContains(response, "Hội thảo truy xuất nguồn gốc")
        self.assertNotContains(response, "Bản nháp truy xuất")

    def test_hostile_queries_get_an_answer(self):
        for query in ("", " ", "\x00", "a" * 100_000, "& | ! ( ) : * <->", '"', "' OR 1=1 --"):
            with self.subTest(query=query[:20]):
                response = self.get({"q": query})
                self.assertEqual(response.status_code, 200)

    def test_echoed_query_is_escaped(self):
        response = self.get({"q": "<script>alert(1)</script>"})
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
