from home.models.disclosure import DisclosurePage
from home.models.library import DocumentLibraryPage
from home.models.links import AgencyLink, ExternalLink
from home.models.media import (
    DocumentEffect,
    DocumentReview,
    DocumentType,
    SiteDocument,
    SiteImage,
    SiteRendition,
)
from home.models.pages import (
    ContactFormField,
    ContactPage,
    HomeFeaturedArticle,
    HomePage,
    StandardPage,
)
from home.models.people import Person
from home.models.settings import SiteSettings
from home.models.visits import VisitorDay

__all__ = [
    "AgencyLink",
    "ContactFormField",
    "DisclosurePage",
    "DocumentEffect",
    "DocumentLibraryPage",
    "DocumentReview",
    "DocumentType",
    "ExternalLink",
    "ContactPage",
    "HomeFeaturedArticle",
    "HomePage",
    "Person",
    "SiteDocument",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "StandardPage",
    "VisitorDay",
]
