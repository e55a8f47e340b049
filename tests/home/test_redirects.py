"""Editors send the old site's addresses to the new pages with Wagtail's redirects (one by one or
by CSV import); readers and search engines following an old link land on the page, permanently."""

from django.test import TestCase
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.factories import ArticlePageFactory
from tests.helpers import ReaderClient, make_staff, news_and_notices

OLD_ADDRESS = "/index.php/tin-tuc/1234-dong-chi-pho-chu-tich-lam-viec-voi-so.html"


class RedirectTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news, _ = news_and_notices()
        cls.article = ArticlePageFactory(parent=news, title="Phó Chủ tịch làm việc với Sở")

    def test_both_editorial_groups_manage_redirects(self):
        for username, group in (("bien-tap", EDITORS_GROUP), ("duyet", APPROVERS_GROUP)):
            with self.subTest(group=group):
                self.client.force_login(make_staff(username, group))
                for name in ("index", "start_import"):
                    response = self.client.get(reverse(f"wagtailredirects:{name}"))
                    self.assertEqual(response.status_code, 200, name)

    def test_an_old_address_leads_to_the_new_page_for_good(self):
        self.client.force_login(make_staff("bien-tap", EDITORS_GROUP))
        response = self.client.post(
            reverse("wagtailredirects:add"),
            {
                "old_path": OLD_ADDRESS,
                "site": "",
                "is_permanent": "on",
                "redirect_page": self.article.pk,
                "redirect_page_route_path": "",
                "redirect_link": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Redirect.objects.count(), 1)
        self.client.logout()
        response = self.client.get(OLD_ADDRESS)
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], self.article.url)
