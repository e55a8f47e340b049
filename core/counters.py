from django.db import IntegrityError, transaction


def update_or_insert(model, lookup, updates, defaults):
    """Apply `updates` (may use F() expressions) to the row matching `lookup`, creating it with
    `defaults` if it does not exist. Safe under concurrency: of two requests racing to create the
    row, the loser falls back to the update instead of losing its change.
    Returns True if this call created the row."""
    if model.objects.filter(**lookup).update(**updates):
        return False
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **defaults)
    except IntegrityError:
        model.objects.filter(**lookup).update(**updates)
        return False
    return True
