from django import template

from articles import selectors
from articles.models import ArticleIndexPage, ArticlePage

register = template.Library()


@register.simple_tag
def home_news(home):
    return selectors.home_news(home)


@register.inclusion_tag("articles/includes/latest_articles.html", takes_context=True)
def latest_articles(context):
    # The request lets each link reuse the site's addresses read once for it.
    return {"request": context.get("request"), "articles": selectors.latest_articles()}


@register.inclusion_tag("articles/includes/feed_links.html", takes_context=True)
def feed_links(context):
    """The head's links to the site's feeds, and to the section's on a section or article."""
    page = context.get("page")
    section = None
    if isinstance(page, ArticleIndexPage):
        section = page
    elif isinstance(page, ArticlePage):
        section = page.get_parent()  # known from the routing: no query
    return {"request": context.get("request"), "section": section}
