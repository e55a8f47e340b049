from django.template.loader import render_to_string
from django.test import TestCase

from tests.helpers import ReaderClient


class ErrorPageTests(TestCase):
    client_class = ReaderClient

    def test_missing_page_is_a_vietnamese_404_in_the_site_design(self):
        response = self.client.get("/khong-co-trang-nay/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Không tìm thấy trang", status_code=404)
        self.assertContains(response, 'class="masthead"', status_code=404)
        self.assertContains(response, 'class="footer"', status_code=404)

    def test_server_error_page_needs_no_database_or_context(self):
        with self.assertNumQueries(0):
            html = render_to_string("500.html")
        self.assertIn("Hệ thống đang gặp sự cố", html)
        self.assertIn('<html lang="vi">', html)
