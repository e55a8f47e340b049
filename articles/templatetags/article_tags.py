from django import template

from articles import selectors

register = template.Library()


@register.simple_tag
def home_news(home):
    return selectors.home_news(home)


@register.inclusion_tag("articles/includes/latest_articles.html")
def latest_articles():
    return {"articles": selectors.latest_articles()}
