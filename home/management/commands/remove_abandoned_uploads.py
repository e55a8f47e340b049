"""Files parked by the multiple uploader and never completed: an editor who closed the tab left
them behind. Run by deploy/publish-scheduled.sh with the scheduled publishing."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import UploadedFile


class Command(BaseCommand):
    help = "Xoá các tệp tải lên dở dang (chưa điền thông tin) cũ hơn số giờ cho trước."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=24,
            help="chỉ xoá tệp tải lên trước chừng ấy giờ (mặc định 24)",
        )

    def handle(self, *args, older_than_hours, verbosity, **options):
        cutoff = timezone.now() - timedelta(hours=older_than_hours)
        removed = freed = 0
        for upload in UploadedFile.objects.order_by("pk"):
            storage, name = upload.file.storage, upload.file.name
            # The row keeps no date; the stored file's own time says when it was parked.
            if name and storage.exists(name):
                if storage.get_modified_time(name) >= cutoff:
                    continue
                freed += storage.size(name)
                storage.delete(name)
            upload.delete()
            removed += 1
        if verbosity:
            self.stdout.write(f"Đã xoá {removed} tệp tải lên dở dang ({freed / 1024:.0f} KB).")
