from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo and benchmark content: `load_demo_content`, `generate_bench_content`. Only its own
    commands and the tests import it."""

    name = "demo"
    verbose_name = _("Nội dung mẫu")
