"""Print and save on articles and tasks: the page offers both, and ?luu=1 answers a copy to keep
as one HTML file, its style inside, without the site around it or its scripts."""

from django.test import TestCase

from tests.factories import (
    ArticlePageFactory,
    ProgramIndexPageFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, home_page, news_and_notices


class SavedCopyTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news, _ = news_and_notices()
        cls.article = ArticlePageFactory(
            parent=news, title="Nghiệm thu đề tài sâm Sơn La", summary="Đề tài đạt loại khá."
        )
        registry = ProgramIndexPageFactory(parent=home_page())
        cls.task = TaskPageFactory(parent=registry, title="Bảo tồn cây sâm Sơn La")

    def get(self, url, **params):
        return self.client.get(url, params)

    def test_articles_and_tasks_offer_print_and_save(self):
        for page, save_label in ((self.article, "Lưu bài"), (self.task, "Lưu trang")):
            with self.subTest(page=page.title):
                response = self.get(page.url)
                self.assertContains(response, "data-print")
                self.assertContains(response, 'href="?luu=1" download')
                self.assertContains(response, save_label)

    def test_the_saved_copy_is_one_file_with_the_page_alone(self):
        for page in (self.article, self.task):
            with self.subTest(page=page.title):
                response = self.get(page.url, luu="1")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    response["Content-Disposition"], f'attachment; filename="{page.slug}.html"'
                )
                html = response.content.decode()
                self.assertIn("<h1", html)
                self.assertIn(page.title, html)
                self.assertIn(f"Nguồn: http://localhost{page.url}", html)
                self.assertIn('<base href="http://localhost/">', html)
                self.assertIn("A saved copy of an article or task", html)  # the style, inlined
                self.assertNotIn("<script src=", html)
                self.assertNotIn("data-reading-url", html)  # a saved copy counts no view
                self.assertNotIn('rel="stylesheet"', html)

    def test_the_page_itself_is_not_a_download(self):
        response = self.get(self.article.url)
        self.assertFalse(response.has_header("Content-Disposition"))
        self.assertContains(response, 'rel="stylesheet"')
