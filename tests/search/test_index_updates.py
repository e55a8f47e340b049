"""Publishing, editing and unpublishing reach the search index at once (Wagtail's signals, run
through the task backend configured in settings)."""

from django.conf import settings
from django.test import TestCase

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page
from tests.search.test_search_page import result_titles


class IndexUpdateTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")

    def titles(self, query):
        response = self.client.get("/tim-kiem/", {"q": query})
        return result_titles(response)

    def test_task_backend_is_explicit(self):
        self.assertIn("default", settings.TASKS)

    def test_publish_edit_and_unpublish(self):
        article = ArticlePageFactory(parent=self.news, title="Hội chợ công nghệ", live=False)
        self.assertEqual(self.titles("hoi cho cong nghe"), [])

        article.save_revision().publish()
        self.assertEqual(self.titles("hoi cho cong nghe"), ["Hội chợ công nghệ"])

        article.title = "Triển lãm thiết bị"
        article.save_revision().publish()
        self.assertEqual(self.titles("trien lam thiet bi"), ["Triển lãm thiết bị"])
        self.assertEqual(self.titles("hoi cho"), [])

        article.refresh_from_db()  # publishing worked on the revision's copy of the page
        article.unpublish()
        self.assertEqual(self.titles("trien lam thiet bi"), [])

    def test_a_draft_edit_of_a_live_page_is_not_searchable_until_published(self):
        article = ArticlePageFactory(parent=self.news, title="Tọa đàm khởi nghiệp")
        article.title = "Tiêu đề chưa duyệt"
        article.save_revision()
        self.assertEqual(self.titles("tieu de chua duyet"), [])
        self.assertEqual(self.titles("toa dam khoi nghiep"), ["Tọa đàm khởi nghiệp"])
