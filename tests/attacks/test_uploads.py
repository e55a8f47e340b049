"""Uploads with hostile names and disguised contents, by a signed-in editor: what is stored
lands inside the media store under a harmless name, or is refused. (Size limits, pixel bombs and
images that are not what they claim are tested beside the upload views: tests/home/test_images.py
and tests/home/test_documents.py, marked as attacks too.)"""

import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.roles import EDITORS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.helpers import make_staff
from tests.home.test_images import image_bytes

pytestmark = pytest.mark.attack

HOSTILE_NAMES = [
    "../../../site_config/settings/anh.png",
    "..\\..\\windows\\anh.png",
    '<img src=x onerror="alert(1)">.png',
    "anh\u202egnp.exe.png",  # right-to-left override: shows as "anh.exe.png" reversed
    "ảnh hội nghị; rm -rf ~.png",
    "a" * 300 + ".png",
    ".htaccess.png",
]


def inside(path, folder):
    return os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)


class HostileUploadTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor", EDITORS_GROUP)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_hostile_image_names_are_stored_inside_the_media_folder_harmlessly(self):
        collection = Collection.objects.get(name="Ảnh tin bài")
        for name in HOSTILE_NAMES:
            with self.subTest(name=name[:40]):
                response = self.client.post(
                    reverse("wagtailimages:add"),
                    {
                        "title": "Ảnh",
                        "description": "Hội nghị",
                        "collection": collection.pk,
                        "file": SimpleUploadedFile(
                            name, image_bytes(image_format="PNG"), "image/png"
                        ),
                    },
                )
                self.assertEqual(response.status_code, 302)
                image = get_image_model().objects.latest("pk")
                stored = os.path.basename(image.file.name)
                self.assertTrue(inside(image.file.path, settings.MEDIA_ROOT), image.file.path)
                self.assertNotRegex(stored, r"[/\\<>\"'\s;\u202e]")
                self.assertFalse(stored.startswith("."))
                self.assertLessEqual(len(image.file.name), 100)

    def test_hostile_document_names_stay_inside_the_document_store(self):
        response = self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Báo cáo",
                "collection": Collection.objects.get(name="Văn bản").pk,
                "file": SimpleUploadedFile("../../../../etc/passwd.pdf", b"%PDF-1.4 bao cao"),
                "document_type": "bao_cao",
                "effect": "khong_ap_dung",
            },
        )
        self.assertEqual(response.status_code, 302)
        document = get_document_model().objects.get()
        self.assertTrue(inside(document.file.path, settings.DOCUMENTS_ROOT))
        self.assertNotIn("..", document.file.name)

    def test_a_page_disguised_as_an_office_file_is_refused(self):
        for name, content in (
            ("bao-cao.pdf", b"<html><script>alert(1)</script></html>"),
            ("so-lieu.xlsx", b"<svg onload=alert(1)>"),
            ("cong-van.doc", b"MZ\x90\x00 a program"),
            ("anh.png", b"GIF89a"),
        ):
            with self.subTest(name=name), self.assertDatabaseUnchanged():
                response = self.client.post(
                    reverse("wagtaildocs:add"),
                    {
                        "title": "Tệp",
                        "collection": Collection.objects.get(name="Văn bản").pk,
                        "file": SimpleUploadedFile(name, content),
                        "document_type": "bao_cao",
                        "effect": "khong_ap_dung",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "nội dung không phải tệp")
