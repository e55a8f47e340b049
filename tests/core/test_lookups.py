"""`field__any_of` (core/lookups.py) selects what `field__in` selects, on either database."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import home_page


class AnyOfTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page())
        cls.articles = [ArticlePageFactory(parent=news) for _ in range(4)]

    def test_selects_what_in_selects(self):
        wanted = [self.articles[0].pk, self.articles[2].pk, 999_999]
        for model in (Page, ArticlePage):  # an article's pk is its link to the page
            with self.subTest(model=model.__name__):
                self.assertEqual(
                    set(model.objects.filter(pk__any_of=wanted).values_list("pk", flat=True)),
                    set(model.objects.filter(pk__in=wanted).values_list("pk", flat=True)),
                )

    def test_the_list_is_one_parameter_on_postgresql(self):
        ids = [article.pk for article in self.articles]
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(ArticlePage.objects.filter(pk__any_of=ids).count(), 4)
        if connection.vendor == "postgresql":
            self.assertIn("= ANY(", queries[0]["sql"])

    def test_an_empty_list_matches_nothing_without_a_query(self):
        with self.assertNumQueries(0):
            self.assertEqual(list(Page.objects.filter(pk__any_of=[])), [])
