"""RSS 2.0 and Atom feeds of the newest articles: the site's at /rss/ and /atom/, each news
section's at <section>/rss/ and <section>/atom/, announced in every page's head. They change
with the listings they mirror and are purged with them (`feed_addresses`)."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles import selectors
from core.site_settings import site_settings_for

FEED_FORMATS = ("rss", "atom")


@dataclass
class FeedSource:
    department: str
    section: object = None  # an ArticleIndexPage, or None for the whole site


class RssNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def __init__(self, section=None):
        super().__init__()
        self.section = section

    def get_object(self, request, *args, **kwargs):
        site_settings = site_settings_for(request)
        return FeedSource(site_settings.department_full_name, self.section)

    def title(self, source):
        if source.section is None:
            return source.department
        return f"{source.section.title} | {source.department}"

    def link(self, source):
        return source.section.url if source.section else "/"

    def description(self, source):
        if source.section is not None and source.section.intro:
            return source.section.intro
        return f"Tin mới của {source.department}"

    def items(self, source):
        return selectors.feed_articles(source.section)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.url

    def item_pubdate(self, article):
        # Articles carry a date; readers sort by it, so it is that day's start, local time.
        midnight = datetime.datetime.combine(article.published_on, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author_line or None


class AtomNewsFeed(RssNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, source):
        return self.description(source)


FEED_VIEWS = {"rss": RssNewsFeed, "atom": AtomNewsFeed}


def feed_addresses(page):
    """Full addresses of the feeds that list what `page` lists: the home page's are the site's,
    a news section's its own. For the front cache's purges."""
    from articles.models import ArticleIndexPage

    if page.depth != 2 and not isinstance(page.specific_deferred, ArticleIndexPage):
        return []
    url = page.get_full_url()
    return [f"{url}{name}/" for name in FEED_FORMATS] if url else []


def site_feed(request, name):
    """The whole site's feed in format `name`."""
    return FEED_VIEWS[name]()(request)
