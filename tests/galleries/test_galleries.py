"""Albums and videos through HTTP and the admin: the album's grid of renditions (links to the
large ones without scripts), captions, covers in the list, renditions fetched in bulk (query
counts flat as photos grow), videos by embed or uploaded file, lists by year, an album in an
article, the home page's strip."""

import datetime

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.roles import EDITORS_GROUP
from galleries.models import AlbumPage, VideoPage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ImageFactory
from tests.galleries.helpers import (
    make_album,
    make_album_index,
    make_video,
    make_video_index,
    store_embed,
)
from tests.helpers import ReaderClient, fill_site_settings, home_page, make_staff


def queries(client, url):
    client.get(url)  # renditions are made on the first view, and the frame is kept
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


class AlbumTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_album_index()
        cls.album = make_album(cls.index, "Hội nghị tổng kết", photos=3)

    def test_the_album_shows_each_photo_linked_to_its_large_rendition(self):
        response = self.client.get(self.album.url)
        self.assertContains(response, "3 ảnh")
        self.assertContains(response, "Hội nghị tổng kết: ảnh 2")
        self.assertContains(response, "data-gallery-item", count=3)
        self.assertContains(response, ".max-1600x1200.")
        self.assertContains(response, "fill-400x300-c100")  # cut around the focal point

    def test_the_album_costs_the_same_queries_for_three_photos_or_twelve(self):
        few = queries(self.client, self.album.url)
        many = make_album(self.index, "Album nhiều ảnh", photos=12)
        self.assertEqual(queries(self.client, many.url), few)

    def test_the_list_shows_covers_and_counts_in_flat_queries(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, "Hội nghị tổng kết")
        self.assertContains(response, "3 ảnh")
        few = queries(self.client, self.index.url)
        for number in range(4):
            make_album(self.index, f"Album thêm {number}", photos=number + 1)
        self.assertEqual(queries(self.client, self.index.url), few)
        self.assertEqual(self.client.get(self.index.url, {"page": "x"}).status_code, 404)

    def test_an_article_embeds_an_album(self):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        article = ArticlePageFactory(
            parent=news,
            title="Tổng kết năm",
            body=[("album", self.album)],
        )
        response = self.client.get(article.url)
        self.assertContains(response, "data-gallery-item", count=3)
        self.assertContains(response, f'href="{self.album.url}"')


class VideoTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        store_embed()
        cls.index = make_video_index()
        cls.embedded = make_video(cls.index, "Phóng sự nông nghiệp")
        poster = ImageFactory()
        file = get_document_model().objects.create(
            title="Video hướng dẫn",
            file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="huong-dan.mp4"),
            collection=Collection.get_first_root_node(),
        )
        cls.uploaded = make_video(
            cls.index,
            "Hướng dẫn nộp hồ sơ",
            date=datetime.date(2025, 3, 1),
            embed_url="",
            video_file=file,
            poster=poster,
        )

    def test_an_embedded_video_sized_by_the_stylesheet(self):
        response = self.client.get(self.embedded.url)
        self.assertContains(response, '<iframe title="Phóng sự"')
        self.assertContains(response, "Thời lượng 08:45")
        self.assertNotContains(response, 'style="')

    def test_an_uploaded_video_plays_with_its_poster(self):
        response = self.client.get(self.uploaded.url)
        self.assertContains(response, "<video controls")
        self.assertContains(response, 'poster="')
        self.assertContains(response, "huong-dan")

    def test_the_list_by_year(self):
        titles = lambda **q: [v.title for v in self.client.get(self.index.url, q).context["videos"]]  # noqa: E731
        self.assertEqual(titles(nam=2025), ["Hướng dẫn nộp hồ sơ"])
        self.assertEqual(len(titles()), 2)
        self.assertContains(self.client.get(self.index.url, {"nam": "abc"}), "Đã bỏ qua")

    def test_home_shows_the_newest_album_and_video(self):
        album = make_album(make_album_index(), "Ngày hội khởi nghiệp")
        response = self.client.get("/")
        self.assertContains(response, "Ảnh và video")
        self.assertContains(response, album.title)
        self.assertContains(response, "Phóng sự nông nghiệp")


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_album_index()
        cls.editor = make_staff("bientap", EDITORS_GROUP)

    def test_an_editor_makes_an_album_in_the_admin(self):
        images = [ImageFactory(), ImageFactory()]
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("galleries", "albumpage", self.index.pk))
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title": "Kiểm tra mô hình sâm",
                    "slug": "kiem-tra-mo-hinh-sam",
                    "date": "2026-11-25",
                    "summary": "Đoàn kiểm tra tại Mộc Châu.",
                    "photos": inline_formset(
                        [
                            {"image": images[0].pk, "caption": "Vườn sâm"},
                            {"image": images[1].pk, "caption": "Cán bộ kỹ thuật"},
                        ]
                    ),
                    "comments": inline_formset([]),
                }
            ),
        )
        self.assertEqual(response.status_code, 302)
        album = AlbumPage.objects.get(slug="kiem-tra-mo-hinh-sam")
        draft = album.latest_revision.as_object()
        self.assertEqual([p.caption for p in draft.photos.all()], ["Vườn sâm", "Cán bộ kỹ thuật"])

    def test_an_editor_adds_a_video_and_is_told_when_it_has_neither_address_nor_file(self):
        videos = make_video_index()
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("galleries", "videopage", videos.pk))
        data = {
            "title": "Phóng sự ngày hội",
            "slug": "phong-su-ngay-hoi",
            "date": "2026-11-25",
            "duration": "06:10",
            "summary": "",
            "embed_url": "",
            "comments": inline_formset([]),
        }
        response = self.client.post(url, nested_form_data(data))
        self.assertContains(response, "Cần địa chỉ video hoặc tệp video.")
        response = self.client.post(
            url, nested_form_data(data | {"embed_url": "https://www.youtube.com/watch?v=x1"})
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            VideoPage.objects.get(slug="phong-su-ngay-hoi").embed_url,
            "https://www.youtube.com/watch?v=x1",
        )
