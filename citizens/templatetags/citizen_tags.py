from django import template
from django.db.models import Count
from django.utils import timezone

from citizens.models import ConsultationIndexPage, ConsultationPage

register = template.Library()

HOME_CONSULTATIONS = 3


@register.inclusion_tag("citizens/includes/open_consultations.html")
def open_consultations():
    """The drafts open for comment now, closing soonest first: the home page's reminder."""
    moment = timezone.now()
    consultations = list(
        ConsultationPage.objects.readable()
        .filter(opens_at__lte=moment, closes_at__gt=moment, report_published_on__isnull=True)
        .annotate(comment_count=Count("comments"))
        .order_by("closes_at")[:HOME_CONSULTATIONS]
    )
    index = ConsultationIndexPage.objects.readable().first() if consultations else None
    return {"consultations": consultations, "index_url": index.url if index else ""}
