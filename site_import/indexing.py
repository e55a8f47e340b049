"""Search and reference indexes for an import: one update per object, in batches, not one per
save (creating a live page with its revision saves it three times, and each save would index it
again: the indexing is the largest cost of a loaded page, see bench/import_archive.py)."""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance, get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

# Objects indexed together; a reader's search finds an imported page at the latest this many
# items after it went live.
BATCH = 200


@contextmanager
def indexing_deferred():
    """Within the block, saves leave the search and reference indexes alone: `Indexer` does
    it for the objects handed to it."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Indexer:
    def __init__(self):
        self.pending = []

    def add(self, obj):
        """Index `obj` (committed with its item) with the next batch."""
        self.pending.append(obj)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self):
        by_model = defaultdict(dict)
        for obj in self.pending:
            indexed = get_indexed_instance(obj)
            if indexed is not None:
                by_model[type(indexed)][indexed.pk] = indexed
            ReferenceIndex.create_or_update_for_object(obj)
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            for model, objects in by_model.items():
                backend.add_bulk(model, list(objects.values()))
        self.pending = []
