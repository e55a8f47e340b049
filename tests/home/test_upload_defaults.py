"""Where an editor starts when uploading: the collection of that kind of media, a title without
the file's extension, and the alt text field named for what it is."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.roles import EDITORS_GROUP
from tests.helpers import make_staff
from tests.home.test_images import image_bytes


def selected_collection(html):
    """The name of the selected collection (without the indent and arrow of a child)."""
    label = re.search(r'<option value="\d+"[^>]*selected[^>]*>([^<]*)</option>', html).group(1)
    return label.replace("&nbsp;", "").replace("&#x21b3", "").strip()


class UploadDefaultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("bientap", EDITORS_GROUP)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_uploads_start_in_the_collection_of_their_kind(self):
        for name, expected in (
            ("wagtailimages:add", "Ảnh tin bài"),
            ("wagtailimages:add_multiple", "Ảnh tin bài"),
            ("wagtaildocs:add", "Văn bản"),
            ("wagtaildocs:add_multiple", "Văn bản"),
        ):
            with self.subTest(screen=name):
                html = self.client.get(reverse(name)).content.decode()
                self.assertEqual(selected_collection(html), expected)

    def test_the_roots_have_vietnamese_names(self):
        self.assertEqual(Collection.get_first_root_node().name, "Kho chung")
        html = self.client.get(reverse("wagtailadmin_explore_root")).content.decode()
        self.assertNotIn(">Root<", html.replace(" ", "").replace("\n", ""))

    def test_the_alt_text_is_asked_for_by_what_it_is(self):
        html = self.client.get(reverse("wagtailimages:add")).content.decode()
        self.assertIn("Mô tả ảnh cho người khiếm thị", html)

    def test_an_images_title_drops_the_file_extension(self):
        response = self.client.post(
            reverse("wagtailimages:add_multiple"),
            {
                "files[]": SimpleUploadedFile("hoi-nghi.jpg", image_bytes(), "image/jpeg"),
                "collection": Collection.objects.get(name="Ảnh tin bài").pk,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(get_image_model().objects.get().title, "hoi-nghi")
