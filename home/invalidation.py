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
    # A document approved, changed or deleted: the pages that list documents, and the frame,
    # which keeps the home page's newest documents.
    invalidation.register("home.SiteDocument", frame=True, purge=document_listings)
    # A collection's view restriction (or the collection tree) changed: documents readers could
    # open may now be private, and the same pages list them.
    invalidation.register(
        "wagtailcore.CollectionViewRestriction", frame=True, purge=document_listings
    )
    invalidation.register("wagtailcore.Collection", frame=True, purge=document_listings)
    # An image changed (its file, its focal point, its credit): the frame keeps the HTML of boxes
    # that show images (the home page's lead stories and media), with their renditions' addresses.
    invalidation.register("home.SiteImage", frame=True)


def document_listings(changed):
    """The library (its list and every document's page) and the disclosures page, on each site,
    and each site's home page (its newest documents)."""
    from wagtail.models import Page, Site

    listings = Page.objects.type(DocumentLibraryPage, DisclosurePage).live()
    homes = [f"{site.root_url}/" for site in Site.objects.all()]
    return [*(f"{url}*" for url in (page.get_full_url() for page in listings) if url), *homes]
