"""Article listings, built so each costs a fixed number of queries however many articles exist."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage

HOME_LEAD_COUNT = 5
HOME_SECTION_SIZE = 5
LATEST_SIZE = 6
# What a title-and-date list needs of a page, and nothing else.
TITLE_FIELDS = ("id", "title", "url_path", "published_on", "path", "depth")


def _with_renditions(queryset):
    """Lead images with all their renditions in one query: the templates ask for several sizes
    in three formats each, and none of them may cost a query per article."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")


def _public_articles():
    return ArticlePage.objects.live().public().order_by("-published_on", "-pk")


def article_list(*, index, tag=None):
    articles = _public_articles().child_of(index).defer_streamfields()
    if tag:
        articles = articles.filter(tags__name__iexact=tag)
    return _with_renditions(articles)


def other_articles(article):
    """ "Tin khác": the other articles of the same section, titles and dates only."""
    return _public_articles().sibling_of(article, inclusive=False).only(*TITLE_FIELDS)


def latest_articles(limit=LATEST_SIZE):
    """ "Thông tin mới nhất": the newest articles site-wide."""
    return list(_public_articles().only(*TITLE_FIELDS)[:limit])


def home_news(home):
    """The home page's news: the lead stories (chosen by editors, else the newest with a photo)
    and one column of the newest titles per section, in three queries plus renditions."""
    featured_ids = list(home.featured_articles.values_list("article_id", flat=True))
    leads = _with_renditions(_public_articles().defer_streamfields())
    if featured_ids:
        by_id = {article.pk: article for article in leads.filter(pk__in=featured_ids)}
        leads = [by_id[pk] for pk in featured_ids if pk in by_id]
    else:
        leads = list(leads.exclude(lead_image=None)[:HOME_LEAD_COUNT])
    return {"leads": leads, "columns": _section_columns(home)}


def _section_columns(home):
    sections = list(ArticleIndexPage.objects.child_of(home).live().public().order_by("path"))
    section_path = Substr("path", 1, (home.depth + 1) * Page.steplen)
    titles = (
        _public_articles()
        .descendant_of(home)
        .filter(depth=home.depth + 2)
        .annotate(
            section_path=section_path,
            position=Window(
                RowNumber(),
                partition_by=[section_path],
                order_by=[F("published_on").desc(), F("pk").desc()],
            ),
        )
        .filter(position__lte=HOME_SECTION_SIZE)
        .only(*TITLE_FIELDS)
    )
    by_section = {}
    for article in titles:
        by_section.setdefault(article.section_path, []).append(article)
    return [(section, by_section.get(section.path, [])) for section in sections]
