"""`core.sites` answers what Wagtail answers (the site for a host, the root paths, the home page
in the reader's language) from one read of the sites, kept with the frame."""

import itertools

from django.core.cache import cache
from django.test import RequestFactory, TestCase
from django.utils import translation
from wagtail.models import Site

from core.frame_cache import frame_changed
from core.sites import localized_home, site_for_host, site_homes, site_root_paths
from tests.factories import StandardPageFactory
from tests.helpers import home_page, publish_translation

HOSTS = ("localhost", "tinhuy.example", "sokhcn.example", "nowhere.example")
PORTS = (80, 443, 8080)


class KnownSitesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.other_root = StandardPageFactory(parent=cls.home, title="Cổng con")
        Site.objects.create(hostname="tinhuy.example", port=80, root_page=cls.other_root)
        Site.objects.create(hostname="tinhuy.example", port=8080, root_page=cls.home)
        Site.objects.create(hostname="sokhcn.example", port=443, root_page=cls.other_root)

    def setUp(self):
        frame_changed()  # sites made in setUpTestData were read before by no one; be sure

    def wagtails_site(self, hostname, port):
        # Django takes the port from the server, not from the Host header.
        request = RequestFactory().get("/", HTTP_HOST=hostname, SERVER_PORT=str(port))
        return Site._find_for_request(request)

    def test_the_site_for_each_host_and_port_is_wagtails(self):
        for hostname, port in itertools.product(HOSTS, PORTS):
            with self.subTest(hostname=hostname, port=port):
                self.assertEqual(
                    site_for_host(hostname, str(port)), self.wagtails_site(hostname, port)
                )

    def test_without_a_default_site_an_unknown_host_has_none(self):
        Site.objects.update(is_default_site=False)
        frame_changed()
        self.assertIsNone(site_for_host("nowhere.example", 80))
        self.assertIsNone(self.wagtails_site("nowhere.example", 80))
        # Two sites on the host and neither on its port: Wagtail cannot choose either.
        self.assertIsNone(site_for_host("tinhuy.example", 443))
        self.assertIsNone(self.wagtails_site("tinhuy.example", 443))

    def test_the_root_paths_are_wagtails_in_its_order(self):
        publish_translation(self.home, title="Home")
        frame_changed()
        cache.delete_many(["wagtail_site_root_paths"])
        Site.clear_site_root_paths_cache()
        self.assertEqual(site_root_paths(), Site.get_site_root_paths())
        # Two sites on the home page, each in two languages; two on the other root, in one.
        self.assertEqual(len(site_root_paths()), 6)

    def test_the_home_page_in_each_language_is_wagtails_localized_page(self):
        default_site = Site.objects.get(is_default_site=True)
        english = publish_translation(self.home, title="Home")
        frame_changed()
        for language in ("vi", "en"):
            with self.subTest(language=language), translation.override(language):
                expected = default_site.root_page.localized.specific
                self.assertEqual(localized_home(default_site.pk), expected)
                self.assertIs(type(localized_home(default_site.pk)), type(expected))
        with translation.override("en"):
            self.assertEqual(localized_home(default_site.pk), english)
        self.assertEqual(
            [(home.language, home.prefix) for home in site_homes(default_site.pk)],
            [("vi", ""), ("en", "/en")],
        )

    def test_an_unpublished_translation_leaves_readers_on_the_root(self):
        default_site = Site.objects.get(is_default_site=True)
        english = publish_translation(self.home, title="Home")
        english.unpublish()
        frame_changed()
        with translation.override("en"):
            self.assertEqual(default_site.root_page.localized.pk, self.home.pk)
            self.assertEqual(localized_home(default_site.pk).pk, self.home.pk)

    def test_all_of_it_is_read_in_four_queries_and_one_per_more_root_type_per_generation(self):
        with self.assertNumQueries(5):  # root pages of two types
            site = site_for_host("localhost", 80)
            site_root_paths()
            localized_home(site.pk)
            site_homes(site.pk)
        with self.assertNumQueries(0):
            site_for_host("tinhuy.example", 8080)
