from django import template

from home.models.media import DOCUMENT_COLLECTION, IMAGE_COLLECTION, default_collection

register = template.Library()

DEFAULT_COLLECTIONS = {"image": IMAGE_COLLECTION, "document": DOCUMENT_COLLECTION}


@register.simple_tag
def default_collection_id(kind):
    """The id (as the multiple uploader compares it: a string) of the collection a new upload of
    `kind` goes into unless the editor picks another."""
    collection = default_collection(DEFAULT_COLLECTIONS[kind])
    return str(collection.pk) if collection else ""
