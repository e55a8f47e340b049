from unittest import mock

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.embeds.models import Embed

from home.models import DocumentReview
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
)
from tests.helpers import ReaderClient, home_page

VIDEO_URL = "https://www.youtube.com/watch?v=sokhcn"


class ArticleBodyBlockTests(TestCase):
    """Every block an editor can put in an article body renders as readers should see it."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        image = ImageFactory(caption="Chú thích của ảnh", description="Hội trường tầng 3")
        document = get_document_model().objects.create(
            title="Quyết định số 2423/QĐ-UBND",
            file=ContentFile(b"%PDF-1.4 demo", name="quyet-dinh-2423.pdf"),
            review_status=DocumentReview.APPROVED,
        )
        cls.article = ArticlePageFactory(
            parent=index,
            body=[
                {"type": "heading", "value": {"text": "Kết quả nổi bật", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Đoạn văn <b>in đậm</b>.</p>"},
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "", "decorative": False},
                        "caption": "",
                    },
                },
                {
                    "type": "quote",
                    "value": {"text": "Làm đúng quy trình.", "attribution": "Lãnh đạo Sở"},
                },
                {
                    "type": "table",
                    "value": {
                        "caption": "Nhiệm vụ chuyển tiếp",
                        "table": {
                            "data": [["Loại", "Số lượng"], ["Đề tài cấp tỉnh", "24"]],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": "",
                        },
                    },
                },
                {"type": "document", "value": {"document": document.pk, "title": ""}},
                {"type": "embed", "value": {"embed": VIDEO_URL, "caption": "Phóng sự"}},
            ],
        )

    def test_body_blocks_render(self):
        embed = Embed(url=VIDEO_URL, html='<iframe title="Phóng sự"></iframe>', type="video")
        with mock.patch("wagtail.embeds.embeds.get_embed", return_value=embed):
            response = self.client.get(self.article.url)
        self.assertContains(response, "<h2>Kết quả nổi bật</h2>")
        self.assertContains(response, "<p>Đoạn văn <b>in đậm</b>.</p>")
        self.assertContains(response, 'alt="Hội trường tầng 3"')
        self.assertContains(response, "<figcaption>Chú thích của ảnh</figcaption>")
        self.assertContains(response, "<footer>— Lãnh đạo Sở</footer>")
        self.assertContains(response, "<th")
        self.assertContains(response, "Đề tài cấp tỉnh")
        self.assertContains(response, "<figcaption>Nhiệm vụ chuyển tiếp</figcaption>")
        self.assertContains(response, "<strong>Quyết định số 2423/QĐ-UBND</strong>")
        self.assertContains(response, "Tải về (PDF")
        self.assertContains(response, '<iframe title="Phóng sự"></iframe>')
