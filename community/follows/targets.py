"""What an activity may point at, and how the feed shows it: which targets are still
shown (a live page, visible content) and each one's title and address in a language.

A target type is registered once, in its app's AppConfig.ready():
``targets.register(ChallengeEntry)``. Pages, and models with the community's
``visibility`` field, need nothing more; another model gives ``visible`` (a function
returning the queryset of objects that may show) and its objects a
``get_absolute_url()`` (and a ``feed_title`` when ``str()`` is not for people)."""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from wagtail.models import Page

_registry = {}


@dataclass(frozen=True)
class TargetType:
    model: Any
    visible: Any

    @property
    def is_page(self):
        return issubclass(self.model, Page)

    def links(self, ids, language):
        """{id: (title, address)} of these targets that are still shown, in `language`."""
        if self.is_page:
            return _page_links(self.visible(), ids, language)
        with translation.override(language):
            return {
                obj.pk: (getattr(obj, "feed_title", str(obj)), obj.get_absolute_url())
                for obj in self.visible().filter(pk__in=ids)
            }


def _default_visible(model):
    if issubclass(model, Page):
        return lambda: model.objects.live()
    if any(field.name == "visibility" for field in model._meta.get_fields()):
        return lambda: model._default_manager.filter(visibility="")
    return lambda: model._default_manager.all()


def register(model, *, visible=None):
    """Let activities point at objects of `model` (see the module's docstring)."""
    _registry[model._meta.label_lower] = TargetType(model, visible or _default_visible(model))


def type_of(obj):
    """The registered TargetType of an object (LookupError when its type is unknown)."""
    try:
        return _registry[type(obj)._meta.label_lower]
    except KeyError:
        raise LookupError(
            f"{type(obj)._meta.label} is not a follow target: register it with "
            "community.follows.targets.register()."
        ) from None


def _content_types():
    """{content type id: TargetType}; get_for_model() is cached after the first call."""
    return {
        ContentType.objects.get_for_model(target.model, for_concrete_model=False).pk: target
        for target in _registry.values()
    }


def content_type_of(obj):
    return ContentType.objects.get_for_model(type(obj), for_concrete_model=False)


def shown():
    """A filter on Activity: no target, or a target of a registered type still shown.
    One subquery per registered type, inside the feed's one query."""
    condition = Q(target_type__isnull=True)
    for type_id, target in _content_types().items():
        condition |= Q(
            Exists(target.visible().filter(pk=OuterRef("target_id"))), target_type_id=type_id
        )
    return condition


def links(activities, language):
    """{activity id: (title, address)} in `language`, a fixed number of queries (one per
    target type present). Activities without a target use their own fields; those whose
    target is gone are left out."""
    types = _content_types()
    wanted = {}
    for activity in activities:
        if activity.target_type_id in types:
            wanted.setdefault(activity.target_type_id, set()).add(activity.target_id)
    found = {
        type_id: types[type_id].links(sorted(ids), language) for type_id, ids in wanted.items()
    }
    result = {}
    for activity in activities:
        if activity.target_type_id is None:
            result[activity.pk] = own_link(activity, language)
        else:
            link = found.get(activity.target_type_id, {}).get(activity.target_id)
            if link is not None:
                result[activity.pk] = link
    return result


def own_link(activity, language):
    """An activity's own title and address, in `language` or else the other one."""
    other = "en" if language == "fr" else "fr"
    title = getattr(activity, f"title_{language}", "") or getattr(activity, f"title_{other}")
    url = getattr(activity, f"url_{language}", "") or getattr(activity, f"url_{other}")
    return title, url


def _page_links(visible, ids, language):
    """Each page's translation in `language` when it is live, else the page itself (one
    query; the addresses come from Wagtail's cached site roots)."""
    ids = set(ids)
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    pages = list(
        visible.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code=language)
        ).select_related("locale")
    )
    translated = {
        page.translation_key: page for page in pages if page.locale.language_code == language
    }
    result = {}
    for page in pages:
        if page.pk in ids:
            shown_page = translated.get(page.translation_key, page)
            result[page.pk] = (shown_page.title, shown_page.get_url())
    return result
