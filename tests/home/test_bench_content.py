"""`generate_bench_content`: realistic content in bulk that readers' pages show and search finds."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.documents import get_document_model

from articles.models import ArticleIndexPage, ArticlePage
from home.models import DocumentLibraryPage
from programs.models import TaskPage
from tests.helpers import ReaderClient, home_page


class GenerateBenchContentTests(TestCase):
    client_class = ReaderClient

    def generate(self, *args):
        out = StringIO()
        call_command("generate_bench_content", *args, stdout=out)
        return out.getvalue()

    def test_articles_tasks_and_documents_are_live_indexed_and_readable(self):
        home_page().add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        output = self.generate("--articles", "30", "--tasks", "12", "--documents", "8")
        self.assertIn("Xong: 30 tin bài, 12 nhiệm vụ, 8 văn bản", output)
        self.assertEqual(ArticlePage.objects.live().count(), 30)
        self.assertEqual(TaskPage.objects.live().count(), 12)
        self.assertEqual(get_document_model().objects.count(), 8)
        section = ArticleIndexPage.objects.get()
        self.assertEqual(section.get_children().count(), 30)
        article = ArticlePage.objects.order_by("pk").last()
        task = TaskPage.objects.order_by("pk").first()
        for url in (section.url, section.url + "?page=2", article.url, task.url, "/van-ban/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
        self.assertContains(self.client.get(article.url), article.title)
        found = self.client.get("/tim-kiem/", {"q": article.title.split(" (")[0]})
        self.assertContains(found, "kết quả cho")
        self.assertNotContains(found, "Không tìm thấy")

    def test_a_second_run_adds_to_the_first(self):
        self.generate("--articles", "5")
        self.generate("--articles", "5")
        self.assertEqual(ArticlePage.objects.live().count(), 10)
        slugs = ArticlePage.objects.values_list("slug", flat=True)
        self.assertEqual(len(set(slugs)), 10)

    def test_nothing_to_do_is_an_error_with_an_example(self):
        with self.assertRaisesMessage(CommandError, "--articles 100000"):
            self.generate()
