from django import template
from django.utils import timezone

from citizens.models import ConsultationIndexPage, ConsultationPage, ConsultationStatus
from core.frame_cache import address_of, remembered, with_addresses

register = template.Library()

HOME_CONSULTATIONS = 3
# Kept with the frame's generation (a publish moves it); which of them are open is decided by
# the clock at each drawing, so a draft opens and closes on the home page on time.
UPCOMING_KEPT = 20


def _not_closed():
    consultations = list(
        ConsultationPage.objects.readable()
        .filter(closes_at__gt=timezone.now(), report_published_on__isnull=True)
        .order_by("closes_at")[:UPCOMING_KEPT]
    )
    index = ConsultationIndexPage.objects.readable().first() if consultations else None
    return with_addresses(consultations), address_of(index) if index else ""


@register.inclusion_tag("citizens/includes/open_consultations.html")
def open_consultations():
    """The drafts open for comment now, closing soonest first: the home page's reminder."""
    consultations, index_url = remembered("open-consultations", _not_closed)
    moment = timezone.now()
    open_now = [c for c in consultations if c.status_at(moment) == ConsultationStatus.OPEN]
    return {"consultations": open_now[:HOME_CONSULTATIONS], "index_url": index_url}
