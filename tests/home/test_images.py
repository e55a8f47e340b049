import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ImageFactory
from tests.helpers import ReaderClient, home_page

GPS_IFD = 0x8825
ARTIST = 0x013B
ORIENTATION = 0x0112


def image_bytes(size=(400, 200), image_format="JPEG", colour="#0b4f8a", exif=None, mode="RGB"):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, colour).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def phone_photo_exif():
    exif = Image.Exif()
    exif[ARTIST] = "Nguyễn Văn Phóng viên"
    exif[ORIENTATION] = 6  # taken sideways: the picture must be turned upright
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 19.0, 30.0), 3: "E", 4: (103.0, 54.0, 0.0)})
    return exif


class AdminUploadTests(TestCase):
    """Through the admin's own upload views, as an editor uploads."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")
        cls.collection = Collection.objects.get(name="Ảnh tin bài")

    def setUp(self):
        self.client.force_login(self.admin)

    def upload(self, name, content, content_type="image/jpeg"):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Ảnh tải lên",
                "description": "Toàn cảnh hội nghị",
                "collection": self.collection.pk,
                "file": SimpleUploadedFile(name, content, content_type=content_type),
            },
        )

    def upload_multiple(self, name, content, content_type="image/png"):
        return self.client.post(
            reverse("wagtailimages:add_multiple"),
            {
                "files[]": SimpleUploadedFile(name, content, content_type=content_type),
                "collection": self.collection.pk,
            },
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )

    @pytest.mark.attack
    def test_a_decompression_bomb_is_refused_not_a_server_error(self):
        bomb = image_bytes((14000, 14000), "PNG", colour=0, mode="1")  # 196 Mpx in a few KB
        self.assertLess(len(bomb), 100_000)
        response = self.upload_multiple("bomb.png", bomb)
        self.assertEqual(response.status_code, 200)
        answer = json.loads(response.content)
        self.assertFalse(answer["success"])
        self.assertIn("quá nhiều điểm ảnh", answer["error_message"])
        single = self.upload("bomb.png", bomb, "image/png")
        self.assertEqual(single.status_code, 200)
        self.assertContains(single, "quá nhiều điểm ảnh")
        self.assertFalse(get_image_model().objects.exists())

    @pytest.mark.attack
    def test_too_many_pixels_under_the_bomb_limit_is_refused_too(self):
        large = image_bytes((8000, 6000), "PNG", colour=0, mode="1")  # 48 Mpx > 40 Mpx allowed
        response = self.upload("lon.png", large, "image/png")
        self.assertContains(response, "Ảnh có quá nhiều điểm ảnh")
        self.assertFalse(get_image_model().objects.exists())

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
    @pytest.mark.attack
    def test_an_oversized_file_is_refused_with_its_size(self):
        response = self.upload("anh.jpg", image_bytes((600, 600)) + b"\0" * 5000)
        self.assertContains(response, "Tệp quá lớn")
        self.assertFalse(get_image_model().objects.exists())

    @pytest.mark.attack
    def test_svg_html_and_damaged_files_are_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        cases = [
            ("logo.svg", svg, "image/svg+xml", "Định dạng ảnh không được hỗ trợ"),
            (
                "trang.jpg",
                b"<html><script>alert(1)</script></html>",
                "image/jpeg",
                "Tệp có đuôi .jpeg nhưng nội dung",
            ),
            ("hong.png", image_bytes(image_format="PNG")[:60], "image/png", "không phải là ảnh"),
            ("doi-ten.jpg", image_bytes(image_format="PNG"), "image/jpeg", "nội dung là ảnh png"),
        ]
        for name, content, content_type, message in cases:
            with self.subTest(file=name):
                response = self.upload(name, content, content_type)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                multiple = self.upload_multiple(name, content, content_type)
                self.assertFalse(json.loads(multiple.content)["success"])
        self.assertFalse(get_image_model().objects.exists())

    @pytest.mark.attack
    def test_gps_and_author_exif_never_reach_the_public(self):
        response = self.upload("dien-thoai.jpg", image_bytes((400, 200), exif=phone_photo_exif()))
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get()
        with image.open_file() as stored, Image.open(stored) as original:
            self.assertEqual(dict(original.getexif()), {})
            self.assertEqual(original.size, (200, 400))  # turned upright before stripping
        self.assertEqual((image.width, image.height), (200, 400))
        rendition = image.get_rendition("format-jpeg|fill-100x100")
        with rendition.file.open() as served, Image.open(served) as public:
            self.assertNotIn("exif", public.info)
            self.assertEqual(dict(public.getexif()), {})

    def test_a_clean_upload_is_stored_as_it_came(self):
        content = image_bytes((300, 300), "PNG")
        self.upload("sach.png", content, "image/png")
        image = get_image_model().objects.get()
        with image.open_file() as stored:
            self.assertEqual(stored.read(), content)


class RenditionTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.image = ImageFactory(description="Hội trường tầng 3")
        cls.article = index.add_child(
            instance=ArticlePage(title="Tin có ảnh", lead_image=cls.image, summary="Tóm tắt.")
        )

    def test_lead_image_is_a_picture_with_modern_formats_and_dimensions(self):
        response = self.client.get(self.article.url)
        html = response.content.decode()
        figure = html.split('class="article__lead-image"')[1].split("</figure>")[0]
        self.assertIn("<picture>", figure)
        self.assertIn('type="image/avif"', figure)
        self.assertIn('type="image/webp"', figure)
        self.assertIn(".avif 960w", figure)
        self.assertIn(".webp 1600w", figure)
        self.assertIn('width="960"', figure)  # the fallback <img> reserves its space
        self.assertIn('height="540"', figure)
        self.assertIn('alt="Hội trường tầng 3"', figure)
        self.assertIn('fetchpriority="high"', figure)

    def test_listing_images_load_lazily(self):
        response = self.client.get("/tin-tuc/")
        row = response.content.decode().split('class="news-row__image"')[1].split("</div>")[0]
        self.assertIn('loading="lazy"', row)
        self.assertIn('type="image/avif"', row)

    def test_crops_keep_the_focal_point(self):
        canvas = Image.new("RGB", (1600, 900), "#c8102e")  # red on the left...
        canvas.paste("#0b4f8a", (1000, 0, 1600, 900))  # ...blue on the right
        buffer = io.BytesIO()
        canvas.save(buffer, "PNG")
        image = ImageFactory(file=SimpleUploadedFile("hai-mau.png", buffer.getvalue()))

        def centre_colour():
            rendition = image.get_rendition("fill-300x300-c100|format-png")
            with rendition.file.open() as file, Image.open(file) as cropped:
                return cropped.convert("RGB").getpixel((150, 150))

        self.assertEqual(centre_colour(), (0xC8, 0x10, 0x2E))  # no focal point: the middle
        image.focal_point_x, image.focal_point_y = 1400, 450
        image.focal_point_width = image.focal_point_height = 200
        image.save()
        self.assertEqual(centre_colour(), (0x0B, 0x4F, 0x8A))

    def test_a_lead_image_without_alt_text_is_refused_with_a_clear_message(self):
        bare = ImageFactory(description="")
        self.article.lead_image = bare
        with self.assertRaises(ValidationError) as caught:
            self.article.full_clean()
        self.assertIn("chưa có mô tả", str(caught.exception.message_dict["lead_image"]))


class BodyImageAltTextTests(TestCase):
    client_class = ReaderClient

    def test_a_body_image_without_alt_text_is_refused_in_the_admin(self):
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        image = ImageFactory()
        admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")
        self.client.force_login(admin)
        # An unticked "decorative" box is simply absent from the post.
        block = {"image": {"image": image.pk, "alt_text": ""}, "caption": ""}
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)),
            nested_form_data(
                {
                    "title": "Tin có ảnh thiếu mô tả",
                    "slug": "tin-co-anh-thieu-mo-ta",
                    "published_on": "20/11/2026",
                    "body": streamfield([("image", block)]),
                    # Drafts may be incomplete; publishing is where alt text becomes required.
                    "action-publish": "1",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        body_error = response.context["form"].errors.as_data()["body"][0]
        self.assertIn(
            "Hãy nhập văn bản thay thế", json.dumps(body_error.as_json_data(), ensure_ascii=False)
        )
        self.assertFalse(ArticlePage.objects.filter(slug="tin-co-anh-thieu-mo-ta").exists())
