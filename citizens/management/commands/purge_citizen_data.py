"""Erase the personal data kept longer than CITIZEN_DATA_RETENTION_DAYS (Decree 13/2023): of
questions declined or never answered, and of comments on drafts closed that long ago. Answered
questions keep theirs while the answer is online (the asker may be written to again about it).
Run daily (deploy/publish-scheduled.sh's timer, or cron); `--dry-run` counts only."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from citizens.admin_views import erase_comment, erase_question
from citizens.models import DraftComment, Question, QuestionStatus


class Command(BaseCommand):
    help = "Xóa dữ liệu cá nhân đã quá thời hạn lưu của câu hỏi và ý kiến góp ý."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        days = settings.CITIZEN_DATA_RETENTION_DAYS
        cutoff = timezone.now() - datetime.timedelta(days=days)
        questions = Question.objects.filter(
            erased_at__isnull=True,
            updated_at__lt=cutoff,
            status__in=[QuestionStatus.DECLINED, QuestionStatus.NEW, QuestionStatus.ASSIGNED],
        )
        comments = DraftComment.objects.filter(
            erased_at__isnull=True, consultation__closes_at__lt=cutoff
        )
        counts = (questions.count(), comments.count())
        if not dry_run:
            for number, question in enumerate(questions.iterator(), start=1):
                erase_question(question)
                if verbosity and number % 100 == 0:
                    self.stdout.write(f"  {number}/{counts[0]} câu hỏi")
            for number, comment in enumerate(comments.iterator(), start=1):
                erase_comment(comment)
                if verbosity and number % 100 == 0:
                    self.stdout.write(f"  {number}/{counts[1]} ý kiến")
        if not verbosity:
            return
        verb = "Sẽ xóa" if dry_run else "Đã xóa"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} dữ liệu cá nhân của {counts[0]} câu hỏi và {counts[1]} ý kiến góp ý "
                f"lưu quá {days} ngày."
            )
        )
