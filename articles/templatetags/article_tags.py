from django import template

from articles import selectors
from articles.models import ArticleIndexPage, ArticlePage
from home.templatetags import site_tags

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


@register.simple_tag(takes_context=True)
def news_article_ld(context, page):
    """The article as a NewsArticle (schema.org): headline, dates, author, publisher, image."""
    request = context["request"]
    site_settings = context["settings"]["home"]["SiteSettings"]
    meta = site_tags.page_meta(context, page)
    department = {"@type": "GovernmentOrganization", "name": site_settings.department_full_name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": meta["description"],
        "datePublished": page.published_on.isoformat(),
        "mainEntityOfPage": meta["canonical"],
        "author": (
            {"@type": "Person", "name": page.author_line} if page.author_line else department
        ),
        "publisher": {**department, "url": site_tags.site_address(request, "/")},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if meta["image"]:
        data["image"] = [meta["image"]["url"]]
    return site_tags.json_ld(request, data)
