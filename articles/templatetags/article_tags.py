from django import template

from articles import selectors

register = template.Library()


@register.simple_tag
def home_news(home):
    return selectors.home_news(home)


@register.inclusion_tag("articles/includes/latest_articles.html", takes_context=True)
def latest_articles(context):
    # The request lets each link reuse the site's addresses read once for it.
    return {"request": context.get("request"), "articles": selectors.latest_articles()}
