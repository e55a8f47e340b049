import logging
import smtplib

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, HomeIntroStreamBlock
from core.form_exports import InertSubmissionsListView
from core.pages import SitePage, site_address
from core.public_forms import add_honeypot, caught_in_honeypot, over_rate_limit
from core.reserved import ReservedSlugFormMixin
from core.routing import route_by_slugs
from core.text import fold_diacritics

logger = logging.getLogger(__name__)


class HomePage(SitePage):
    tagline = models.CharField(
        _("khẩu hiệu"),
        max_length=255,
        blank=True,
        help_text=_("Một dòng ngắn dưới tên cơ quan trên trang chủ."),
    )
    intro = StreamField(HomeIntroStreamBlock(), blank=True, verbose_name=_("giới thiệu"))

    content_panels = [
        *Page.content_panels,
        "tagline",
        InlinePanel(
            "featured_articles",
            heading=_("Tin nổi bật"),
            label=_("tin nổi bật"),
            max_num=5,
            help_text=_("Tin đứng đầu trang chủ; để trống để dùng các tin mới nhất."),
        ),
        "intro",
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ContactPage",
        "articles.ArticleIndexPage",
        "programs.ProgramIndexPage",
        "procedures.ProcedureIndexPage",
        "home.DocumentLibraryPage",
        "home.DisclosurePage",
    ]
    max_count = 1

    schema_type = "GovernmentOrganization"

    class Meta:
        verbose_name = _("trang chủ")

    def lead_text(self):
        return self.tagline

    def schema_fields(self, request, meta, site_settings):
        """The department, under the province's people's committee."""
        fields = {
            "name": site_settings.department_full_name,
            "url": site_address(request, "/"),
            "parentOrganization": {
                "@type": "GovernmentOrganization",
                "name": site_settings.parent_authority,
            },
        }
        for key, value in (
            ("address", site_settings.address),
            ("telephone", site_settings.phone),
            ("faxNumber", site_settings.fax),
            ("email", site_settings.email),
        ):
            if value:
                fields[key] = value
        return fields

    def route(self, request, path_components):
        return route_by_slugs(self, request, path_components)


class HomeFeaturedArticle(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("tin")
    )

    panels = [PageChooserPanel("article", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin nổi bật")


class StandardPage(SitePage):
    """Information pages: Giới thiệu, Chức năng nhiệm vụ, Cơ cấu tổ chức..."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage", "home.DisclosurePage"]
    subpage_types = ["home.StandardPage", "home.ContactPage"]

    class Meta:
        verbose_name = _("trang thông tin")
        verbose_name_plural = _("trang thông tin")

    def lead_text(self):
        return self.intro


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self):
        # Stored submissions are keyed by this name: "Thư điện tử" -> "thu_dien_tu", where
        # Wagtail's own folding gives "thu_u0111ien_tu".
        return get_field_clean_name(fold_diacritics(self.label))


# The longest free text a reader may send; a letter to the department fits well within it.
CONTACT_MESSAGE_MAX_LENGTH = 5000


class ContactFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options["max_length"] = CONTACT_MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        form_field = super().create_email_field(field, options)
        form_field.error_messages["invalid"] = _(
            "Địa chỉ thư điện tử chưa đúng, ví dụ đúng: ten@example.vn."
        )
        return form_field


class ContactPageForm(ReservedSlugFormMixin, WagtailAdminFormPageForm):
    """Wagtail's form page checks (unique field labels) and the site's own (reserved slugs)."""


class ContactPage(SitePage, AbstractEmailForm):
    intro = RichTextField(_("lời dẫn"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("lời cảm ơn"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Hiện sau khi người dân gửi thư thành công."),
    )

    form_builder = ContactFormBuilder
    base_form_class = ContactPageForm
    submissions_list_view_class = InertSubmissionsListView
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        "intro",
        InlinePanel("form_fields", label=_("trường của biểu mẫu")),
        "thank_you_text",
        MultiFieldPanel(
            [
                FieldRowPanel(["from_address", "to_address"]),
                FieldPanel("subject"),
            ],
            heading=_("Gửi thư báo"),
        ),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage", "home.DisclosurePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def lead_text(self):
        return self.intro

    def get_form(self, *args, **kwargs):
        return add_honeypot(super().get_form(*args, **kwargs))

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and over_rate_limit(request, f"contact-rate:{self.pk}"):
            form = self.get_form(request.POST, page=self, user=request.user)
            form.is_valid()  # show the reader's own input back, with field errors if any
            context = self.get_context(request)
            context["form"] = form
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        if caught_in_honeypot(form.cleaned_data):
            logger.info("Contact form: honeypot filled, submission dropped")
            return None
        return super().process_form_submission(form)

    def send_mail(self, form):
        # The submission is already stored: a mail server outage (or a broken address an editor
        # typed) must not lose it or show the reader an error. Staff still find it under Biểu
        # mẫu in the admin.
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        try:
            send_mail(
                self.subject,
                self.render_email(form),
                addresses,
                self.from_address,
                reply_to=self._sender_address(form),
            )
        except (smtplib.SMTPException, OSError, ValueError) as error:
            # ValueError: Django's BadHeaderError, a line break in a header. The kind of failure
            # only: an SMTP refusal quotes the addresses, the reader's Reply-To among them.
            logger.error(
                "Contact form: notification email failed (%s); submission is stored",
                type(error).__name__,
            )

    @staticmethod
    def _sender_address(form):
        """Staff answer with Reply: the reader's address, from the form's e-mail field. The
        reader's text goes only into the body; this is the one value of theirs in a header, and
        an EmailField cannot hold a line break (no header injection)."""
        for name, field in form.fields.items():
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name):
                return [form.cleaned_data[name]]
        return None
