from django import template

from home.frame_cache import remembered
from home.models import DocumentLibraryPage
from home.models.library import public_documents
from home.visibility import private_q

register = template.Library()

LATEST_SIZE = 5


@register.inclusion_tag("home/includes/latest_documents.html", takes_context=True)
def latest_documents(context, home):
    """The newest documents of the library, for the home page's side column."""
    library = remembered(
        f"library-of:{home.pk}",
        lambda: DocumentLibraryPage.objects.child_of(home).live().exclude(private_q()).first(),
    )
    if library is None:
        return {"library": None}
    documents = public_documents().order_by("-issued_on", "-pk")[:LATEST_SIZE]
    return {"request": context.get("request"), "library": library, "documents": list(documents)}
