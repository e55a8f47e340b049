from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "citizens"
    verbose_name = "Hỏi đáp và góp ý dự thảo"

    def ready(self):
        from citizens import signals  # noqa: F401
