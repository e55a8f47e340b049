"""The collections editors file media into, present on every deployment. The editorial groups'
permissions sit on the root collection, so they cover these and any added later."""

from django.db import migrations

COLLECTIONS = ("Ảnh tin bài", "Văn bản")
# The tree's paths are base-36 steps of four characters (django-treebeard's MP_Node defaults).
STEP_LENGTH = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def to_step(number):
    digits = ""
    for _ in range(STEP_LENGTH):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    root = Collection.objects.get(depth=1)
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    last = children.order_by("-path").values_list("path", flat=True).first()
    next_step = int(last[-STEP_LENGTH:], 36) if last else 0
    for name in COLLECTIONS:
        if children.filter(name=name).exists():
            continue
        next_step += 1
        Collection.objects.create(
            name=name, depth=2, path=root.path + to_step(next_step), numchild=0
        )
    root.numchild = children.count()
    root.save(update_fields=["numchild"])


def remove_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    removable = Collection.objects.filter(depth=2, name__in=COLLECTIONS, numchild=0)
    removable = removable.exclude(pk__in=apps.get_model("home.SiteImage").objects.values("collection"))
    removable = removable.exclude(
        pk__in=apps.get_model("home.SiteDocument").objects.values("collection")
    )
    removable.delete()
    root = Collection.objects.get(depth=1)
    root.numchild = Collection.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("home", "0004_document_metadata")]

    operations = [migrations.RunPython(create_collections, remove_collections)]
