from django import template

from home.models import DocumentLibraryPage
from home.models.library import public_documents

register = template.Library()

LATEST_SIZE = 5


@register.inclusion_tag("home/includes/latest_documents.html", takes_context=True)
def latest_documents(context, home):
    """The newest documents of the library, for the home page's side column."""
    library = DocumentLibraryPage.objects.child_of(home).live().public().first()
    if library is None:
        return {"library": None}
    documents = public_documents().order_by("-issued_on", "-pk")[:LATEST_SIZE]
    return {"request": context.get("request"), "library": library, "documents": list(documents)}
