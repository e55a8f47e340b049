"""Make every rendition the public pages use, for every image (or the newest N)."""

import time

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from home.renditions import public_filter_specs


class Command(BaseCommand):
    help = "Tạo sẵn các bản ảnh (định dạng AVIF, WebP, JPEG; các cỡ) mà trang công khai dùng."

    def add_arguments(self, parser):
        parser.add_argument("--newest", type=int, default=None, help="Chỉ xử lý N ảnh mới nhất.")

    def handle(self, *args, newest=None, **options):
        images = get_image_model().objects.order_by("-created_at")
        if newest:
            images = images[:newest]
        specs = public_filter_specs()
        started = time.monotonic()
        done = failed = 0
        total = len(images)
        for number, image in enumerate(images, start=1):
            try:
                image.get_renditions(*specs)
                done += 1
            except Exception as error:  # noqa: BLE001 (report the image, carry on with the rest)
                failed += 1
                self.stderr.write(f"  ảnh {image.pk} ({image.title}): {error}")
            if number % 10 == 0 or number == total:
                self.stdout.write(f"  {number}/{total} ảnh")
        self.stdout.write(
            f"Xong: {done} ảnh × {len(specs)} bản, {failed} lỗi, "
            f"{time.monotonic() - started:.1f} giây."
        )
