"""A published answer updates its question's status and mails the asker its link."""

from django.db import transaction
from wagtail.signals import page_published

from citizens.models import QuestionPage


def answer_published(sender, instance, **kwargs):
    from citizens.views import mail_answer_published

    page = instance.specific
    transaction.on_commit(lambda: mail_answer_published(page))


page_published.connect(answer_published, sender=QuestionPage)
