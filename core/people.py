from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonGroup(models.TextChoices):
    """The groups the "Danh sách cán bộ" block shows (home.models.Person)."""

    LEADERSHIP = "lanh_dao", _("Lãnh đạo Sở")
    # Who speaks for the department to the press (Decree 09/2017/NĐ-CP); shown with the leaders.
    SPOKESPERSON = "phat_ngon", _("Người phát ngôn")
    UNIT_HEADS = "truong_don_vi", _("Lãnh đạo phòng, đơn vị")
    FOCAL_POINTS = "dau_moi", _("Cán bộ đầu mối")
