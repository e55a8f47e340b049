from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """The fields (lĩnh vực) the department answers for: its documents and its administrative
    procedures are filed by them. Since 01/03/2025 they include those taken over from the
    Department of Information and Communications (IT, digital transformation, post, telecom)."""

    SCIENCE_TECHNOLOGY = "khoa_hoc_cong_nghe", _("Hoạt động khoa học và công nghệ")
    TECHNOLOGY_TRANSFER = "chuyen_giao_cong_nghe", _("Chuyển giao công nghệ")
    INTELLECTUAL_PROPERTY = "so_huu_tri_tue", _("Sở hữu trí tuệ")
    STANDARDS_METROLOGY = "tieu_chuan_do_luong", _("Tiêu chuẩn, đo lường, chất lượng")
    RADIATION_SAFETY = "an_toan_buc_xa", _("An toàn bức xạ và hạt nhân")
    DIGITAL_TRANSFORMATION = "chuyen_doi_so", _("Công nghệ thông tin, chuyển đổi số")
    POST = "buu_chinh", _("Bưu chính")
    TELECOM = "vien_thong", _("Viễn thông và Internet")
    BUDGET = "tai_chinh", _("Tài chính, ngân sách, mua sắm công")
    ORGANIZATION = "to_chuc", _("Tổ chức, cán bộ, thi đua")
