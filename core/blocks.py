"""StreamField blocks shared by every page type (information pages, news, programs and tasks)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.people import PersonGroup

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 3,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "editor": "text",
    "stretchH": "all",
    "renderer": "text",
    "autoColumnSize": False,
}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("cấp"),
        choices=[("h2", _("Tiêu đề mục")), ("h3", _("Tiêu đề nhỏ"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề")
        template = "blocks/heading_block.html"
        description = _("Tiêu đề chia bài viết thành các mục.")
        preview_value = {"text": "Kết quả 5 tháng đầu năm", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("ảnh"))
    caption = blocks.CharBlock(
        label=_("chú thích"),
        required=False,
        max_length=300,
        help_text=_("Để trống để dùng chú thích lưu cùng ảnh."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "blocks/captioned_image_block.html"
        description = _("Ảnh rộng theo cột nội dung, chú thích in nghiêng bên dưới.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người phát biểu"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "blocks/quote_block.html"
        description = _("Lời phát biểu hoặc đoạn trích nổi bật.")
        preview_value = {
            "text": "Đề tài phải khẳng định được hiệu quả khi ứng dụng vào thực tiễn sản xuất.",
            "attribution": "Phó Chủ tịch UBND tỉnh",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(
        label=_("tên hiển thị"),
        required=False,
        max_length=300,
        help_text=_("Để trống để dùng tên tài liệu."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "blocks/document_link_block.html"
        description = _("Liên kết tải một văn bản hoặc tài liệu trong thư viện.")


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("tên bảng"), required=False, max_length=300)
    table = TableBlock(label=_("bảng"), table_options=TABLE_OPTIONS)

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "blocks/table_block.html"
        description = _("Bảng số liệu; dòng đầu có thể đặt làm tiêu đề cột.")


class EmbeddedMediaBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("địa chỉ video hoặc bài đăng"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video nhúng")
        template = "blocks/embed_block.html"
        description = _("Video hoặc nội dung nhúng từ địa chỉ hỗ trợ oEmbed.")


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class PeopleBlock(blocks.StructBlock):
    """A group of people (leaders, unit heads, focal officials) with their contacts, kept in
    one place (the "Cán bộ" snippets) and shown wherever editors put this block."""

    heading = blocks.CharBlock(label=_("tiêu đề"), max_length=200, required=False)
    group = blocks.ChoiceBlock(label=_("nhóm"), choices=PersonGroup.choices)

    class Meta:
        icon = "group"
        label = _("Danh sách cán bộ")
        template = "blocks/people_block.html"
        description = _("Họ tên, chức vụ, điện thoại, thư điện tử của một nhóm cán bộ.")
        preview_value = {"heading": "Lãnh đạo Sở", "group": PersonGroup.LEADERSHIP}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        people = apps.get_model("home", "Person").objects.filter(group=value["group"])
        context["people"] = list(people.prefetch_related("photo__renditions"))
        return context


class BaseStreamBlock(blocks.StreamBlock):
    """Body content for articles and information pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        description=_("Văn bản có định dạng: đậm, nghiêng, danh sách, liên kết."),
        preview_value="<p>Sở Khoa học và Công nghệ tỉnh Sơn La thông báo kết quả tuyển chọn.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableWithCaptionBlock()
    embed = EmbeddedMediaBlock()
    document = DocumentLinkBlock()
    people = PeopleBlock()
    album = blocks.PageChooserBlock(
        page_type="galleries.AlbumPage",
        label=_("Album ảnh"),
        icon="image",
        template="blocks/album_block.html",
        description=_("Một album của Thư viện ảnh: vài ảnh đầu và đường dẫn tới cả album."),
    )


class QuickLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tên"), max_length=120)
    page = blocks.PageChooserBlock(label=_("trang trong cổng"), required=False)
    url = blocks.URLBlock(label=_("hoặc địa chỉ ngoài"), required=False)
    description = blocks.CharBlock(label=_("mô tả ngắn"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Liên kết nhanh")
        template = "blocks/quick_link_block.html"
        description = _("Ô liên kết đến một trang trong cổng hoặc cổng thông tin khác.")
        preview_value = {
            "title": "Thủ tục hành chính",
            "url": "https://dichvucong.gov.vn",
            "description": "Tra cứu và nộp hồ sơ trực tuyến",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _(
                            "Chọn một trang trong cổng hoặc nhập một địa chỉ ngoài "
                            "(chỉ một trong hai)."
                        )
                    )
                }
            )
        return value


class HomeIntroStreamBlock(blocks.StreamBlock):
    """The editable parts of the home page between the news and the side column."""

    paragraph = blocks.RichTextBlock(
        label=_("Đoạn giới thiệu"),
        icon="pilcrow",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        description=_("Lời giới thiệu ngắn về Sở trên trang chủ."),
        preview_value="<p>Cổng thông tin điện tử của Sở Khoa học và Công nghệ tỉnh Sơn La.</p>",
    )
    quick_links = blocks.ListBlock(
        QuickLinkBlock(),
        label=_("Nhóm liên kết nhanh"),
        icon="list-ul",
        template="blocks/quick_links_block.html",
        description=_("Các ô liên kết nhanh: thủ tục hành chính, cổng dịch vụ công, văn bản."),
    )
