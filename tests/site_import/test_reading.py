"""Reading old pages and documents' titles, without a crawl."""

from datetime import date

from bs4 import BeautifulSoup

from home.models import DocumentType
from site_import.cleaning import BodyConverter, sanitise
from site_import.document_numbers import read_document_title
from site_import.extraction import ArticleExtractor
from site_import.profile import load_profile


def test_document_numbers_types_and_dates_are_read_from_a_link_text():
    assert read_document_title("Quyết định số 2423/QĐ-UBND ngày 18/11/2022 của UBND tỉnh") == (
        "2423/QĐ-UBND",
        DocumentType.DECISION,
        date(2022, 11, 18),
    )
    assert read_document_title("Nghị quyết 54/2023/NQ-HĐND")[:2] == (
        "54/2023/NQ-HĐND",
        DocumentType.RESOLUTION,
    )
    assert read_document_title("Ảnh hội nghị") == ("", DocumentType.OTHER, None)
    assert read_document_title("Công văn ngày 31/02/2023")[2] is None  # no such day


def test_a_page_no_profile_describes_is_read_by_trafilatura():
    profile = load_profile("generic.toml", base_url="http://127.0.0.1:1")
    text = " ".join(["Sở Khoa học và Công nghệ tổ chức hội nghị triển khai nhiệm vụ năm 2024."] * 6)
    html = (
        "<html><head><title>Hội nghị triển khai nhiệm vụ KH&CN năm 2024</title>"
        '<meta property="article:published_time" content="2024-01-15"></head><body>'
        "<nav><a href='/'>Trang chủ</a></nav><article><h1>Hội nghị triển khai nhiệm vụ KH&CN "
        f"năm 2024</h1><p>{text}</p><p>{text}</p></article><footer>Địa chỉ</footer></body></html>"
    )
    extractor = ArticleExtractor(profile)
    fields = extractor.extract(extractor.soup(html), html, "http://127.0.0.1:1/bai-viet")
    assert fields["extracted_by"] == "trafilatura"
    assert fields["title"] == "Hội nghị triển khai nhiệm vụ KH&CN năm 2024"
    assert fields["published"] == "2024-01-15"
    assert "tổ chức hội nghị triển khai" in fields["body_html"]
    assert "Trang chủ" not in fields["body_html"]


def test_word_markup_becomes_the_editors_rich_text():
    html = (
        '<p class="MsoNormal" style="margin:0"><span style="font-size:14pt">Đoạn <b>đậm</b>'
        "<o:p></o:p></span></p><p>&nbsp;</p><p><i> </i></p><h4>Mục nhỏ</h4>"
        '<ul><li>Một</li><li onclick="x()">Hai</li></ul><script>alert(1)</script>'
        '<p>Liên kết <a href="https://chinhphu.vn/" onclick="x()">ngoài</a></p>'
    )
    converter = BodyConverter(link_for=lambda href: None, image_for=lambda src: None)
    assert converter.blocks(html) == [
        {
            "type": "paragraph",
            "value": "<p>Đoạn <b>đậm</b></p><h3>Mục nhỏ</h3><ul><li>Một</li><li>Hai</li></ul>"
            "<p>Liên kết ngoài</p>",
        }
    ]
    assert "script" not in sanitise("<script>alert(1)</script><p>x</p>")


def test_a_data_table_becomes_a_table_block_and_a_photo_table_an_image():
    html = (
        "<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>"
        "<tr><td>Đề tài</td><td>12</td></tr></table>"
        '<table><tr><td><img src="http://old/a.jpg"></td></tr>'
        "<tr><td>Chú thích ảnh</td></tr></table>"
    )
    converter = BodyConverter(
        link_for=lambda href: None, image_for=lambda src: (7, "Mô tả", "Chú thích")
    )
    blocks = converter.blocks(html)
    assert [block["type"] for block in blocks] == ["table", "image", "paragraph"]
    assert blocks[0]["value"]["table"]["data"] == [["Chỉ tiêu", "Kết quả"], ["Đề tài", "12"]]
    assert blocks[0]["value"]["table"]["first_row_is_table_header"] is True
    assert blocks[1]["value"]["image"] == {"image": 7, "decorative": False, "alt_text": "Mô tả"}
    assert BeautifulSoup(blocks[2]["value"], "html.parser").get_text() == "Chú thích ảnh"
