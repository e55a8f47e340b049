"""The newest published answers as RSS 2.0, at /hoi-dap/rss/: only what the pages show."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.text import Truncator

from citizens.models import QuestionPage

FEED_ITEMS = 20


class AnswersFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.url

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        return (
            QuestionPage.objects.readable()
            .child_of(index)
            .order_by("-answered_on", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return Truncator(page.question).words(60)

    def item_link(self, page):
        return page.url

    def item_pubdate(self, page):
        day = page.answered_on or page.asked_on
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
