from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitorDay(models.Model):
    """One row per visitor (browser session) per calendar day: the record behind
    "Thống kê truy cập". Counting rows, not requests, is what makes the figures honest."""

    visitor_key = models.CharField(max_length=64)
    day = models.DateField(db_index=True)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("lượt truy cập")
        verbose_name_plural = _("lượt truy cập")
        constraints = [
            models.UniqueConstraint(fields=["visitor_key", "day"], name="unique_visitor_per_day")
        ]

    def __str__(self):
        return f"{self.visitor_key[:8]} {self.day:%d/%m/%Y}"
