"""What a change of the site's own settings and snippets invalidates (`core.invalidation`)."""

from core import invalidation
from home.models import DisclosurePage, DocumentLibraryPage


def register_invalidation():
    # The frame (header, footer) shows these on every page: a new frame generation for the app,
    # and every page leaves the front cache.
    invalidation.register("home.SiteSettings", frame=True, purge=invalidation.whole_site)
    invalidation.register("home.AgencyLink", frame=True, purge=invalidation.whole_site)
    # The staff directory block ("Danh sách cán bộ") reads people as the page is drawn: no frame
    # value holds them, but any page's body may show them.
    invalidation.register("home.Person", purge=invalidation.whole_site)
    # A document approved, changed or deleted: the pages that list documents.
    invalidation.register("home.SiteDocument", purge=document_listings)


def document_listings(document):
    """The library (its list and every document's page) and the disclosures page, on each site."""
    from wagtail.models import Page

    listings = Page.objects.type(DocumentLibraryPage, DisclosurePage).live()
    return [f"{url}*" for url in (page.get_full_url() for page in listings) if url]
