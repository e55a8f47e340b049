from django.core.management.base import BaseCommand

from demo.registry_demo import build_registry_demo
from demo.tally import Tally


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu cho danh mục nhiệm vụ KH&CN (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        tally = Tally()
        built = build_registry_demo(tally)
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: danh mục nhiệm vụ có {len(built.tasks)} nhiệm vụ; "
                f"tạo mới {tally.created} mục, giữ nguyên {tally.kept} mục đã có."
            )
        )
