from django import template

from core.frame_cache import remembered
from home.models import DocumentLibraryPage, SiteDocument

register = template.Library()

LATEST_SIZE = 5


@register.inclusion_tag("home/includes/latest_documents.html", takes_context=True)
def latest_documents(context, home):
    """The newest documents of the library, for the home page's side column."""
    library = remembered(
        f"library-of:{home.pk}",
        lambda: DocumentLibraryPage.objects.child_of(home).readable().first(),
    )
    if library is None:
        return {"library": None}
    documents = SiteDocument.objects.readable().order_by("-issued_on", "-pk")[:LATEST_SIZE]
    return {"request": context.get("request"), "library": library, "documents": list(documents)}
