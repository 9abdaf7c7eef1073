"""Bulk writes (the demo content, test page trees) without re-indexing on every save.

Wagtail updates its search index and its reference index after each save of a tracked
model. A page is saved several times while it is built (created, revised, published,
translated), so loading the demo spent a third of its time re-indexing the same rows.
Inside `indexing_deferred()` those per-save updates are skipped and remembered; when the
block ends, each object saved in it is indexed once, by the libraries' own tasks, so the
indexes end up exactly as the per-save updates would have left them.
"""

import threading
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

_state = threading.local()


def _searched_models():
    return [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]


def _remember(sender, instance, raw=False, **kwargs):
    pending = getattr(_state, "pending", None)
    if pending is not None and not raw:
        pending[(sender._meta.label_lower, str(instance.pk))] = None


def _flush(pending, searched, referenced):
    for label, pk in pending:
        model = apps.get_model(label)
        if model not in searched and model not in referenced:
            continue
        app_label, model_name = label.split(".")
        try:
            if model in searched:
                insert_or_update_object_task.call(app_label, model_name, pk)
            if model in referenced:
                update_reference_index_task.call(app_label, model_name, pk)
        except ObjectDoesNotExist:
            continue  # saved, then deleted inside the block: nothing to index


@contextmanager
def indexing_deferred():
    """Index each object saved in the block once, at its end (nested blocks join the
    outermost). Deletions are still handled at once by the libraries."""
    if getattr(_state, "pending", None) is not None:
        yield
        return
    searched = set(_searched_models())
    referenced = set(ReferenceIndex.tracked_models)
    _state.pending = {}
    for model in searched:
        post_save.disconnect(search_on_save, sender=model)
    post_save.connect(_remember, dispatch_uid="core.deferred_indexing")
    try:
        with disable_reference_index_auto_update():
            yield
        pending, _state.pending = _state.pending, None
        _flush(pending, searched, referenced)
    finally:
        _state.pending = None
        post_save.disconnect(_remember, dispatch_uid="core.deferred_indexing")
        for model in searched:
            post_save.connect(search_on_save, sender=model)
