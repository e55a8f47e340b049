"""The footer's links to other state agencies: kept by approvers as snippets, shown on every page
at once after a change, filled by the demo content."""

from django.test import TestCase
from django.urls import reverse

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import AgencyLink
from tests.helpers import ReaderClient, fill_site_settings, make_staff


class AgencyLinkTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        AgencyLink.objects.create(
            name="Bộ Khoa học và Công nghệ", url="https://mst.gov.vn", sort_order=2
        )
        AgencyLink.objects.create(
            name="Cổng thông tin điện tử tỉnh Sơn La", url="https://sonla.gov.vn", sort_order=1
        )

    def footer(self):
        self.client.logout()
        html = self.client.get("/").content.decode()
        return html.split('<footer class="footer">')[1]

    def test_the_footer_lists_them_in_order(self):
        footer = self.footer()
        province = footer.index(
            '<a href="https://sonla.gov.vn" rel="noopener">Cổng thông tin điện tử tỉnh Sơn La</a>'
        )
        ministry = footer.index(
            '<a href="https://mst.gov.vn" rel="noopener">Bộ Khoa học và Công nghệ</a>'
        )
        self.assertLess(province, ministry)

    def test_an_approver_adds_one_and_every_page_shows_it(self):
        self.footer()  # the frame cache is warm
        self.client.force_login(make_staff("duyet", APPROVERS_GROUP))
        response = self.client.post(
            reverse("wagtailsnippets_home_agencylink:add"),
            {
                "name": "Cổng Dịch vụ công quốc gia",
                "url": "https://dichvucong.gov.vn",
                "sort_order": 3,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertIn("Cổng Dịch vụ công quốc gia", self.footer())

    def test_editors_cannot_change_them(self):
        self.client.force_login(make_staff("bien-tap", EDITORS_GROUP))
        response = self.client.post(
            reverse("wagtailsnippets_home_agencylink:add"),
            {"name": "Trang lạ", "url": "https://example.com", "sort_order": 0},
        )
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(AgencyLink.objects.filter(name="Trang lạ").exists())
        self.assertNotIn("Trang lạ", self.footer())
