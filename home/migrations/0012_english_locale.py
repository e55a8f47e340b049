"""The English locale, beside Vietnamese (the default, made by Wagtail's first migration): the
pages on organization, functions, leadership and contacts exist in English at /en/."""

from django.db import migrations


def add_english(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    english = Locale.objects.filter(language_code="en").first()
    if english and not Page.objects.filter(locale=english).exists():
        english.delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0011_redirect_permissions")]

    operations = [migrations.RunPython(add_english, remove_english)]
