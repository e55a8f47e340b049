"""What the footer shows from the site's own records: links to other agencies, the visit
counter."""

from django import template

from core.frame_cache import remembered
from home.models import AgencyLink
from home.visits import visit_statistics

register = template.Library()


@register.simple_tag
def agency_links():
    """Links to other state agencies' portals, for the footer."""
    return remembered("agency-links", lambda: list(AgencyLink.objects.all()))


@register.inclusion_tag("includes/visit_statistics.html")
def visit_stats():
    return {"statistics": visit_statistics()}
