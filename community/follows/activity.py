"""Recording what a person did, for her followers: the one entry point other parts call."""

from django.db import IntegrityError, transaction

from ..models import Activity, Follow
from . import targets
from .tasks import announce_activity

TITLE_CHARS, URL_CHARS = 255, 500


@transaction.atomic
def record(*, actor, verb, target=None, titles=None, urls=None, when=None):
    """Record that `actor` did `verb` (an Activity.Verb) and, once the caller's
    transaction commits, tell her followers in the notification centre. Call it from the
    service that makes the thing, inside its transaction::

        from community.follows import activity
        from community.models import Activity

        activity.record(actor=entry.author, verb=Activity.Verb.CHALLENGE_ENTERED, target=entry)
        activity.record(
            actor=session.host,
            verb=Activity.Verb.LIVE_SESSION_SCHEDULED,
            titles={"fr": "Atelier tresses", "en": "Braiding workshop"},
            urls={"fr": "/fr/live/12/", "en": "/en/live/12/"},
        )

    `target` is a model instance whose type is registered with
    community.follows.targets.register() (course pages are; challenges and live sessions
    register their models in their AppConfig.ready()). The feed shows it only while it
    is shown itself (a live page, visible content), linked in the reader's language.
    Without a target, `titles` and `urls` ({"fr": …, "en": …}) say what and where.

    Once per verb and target: a second call returns the first activity and tells no one
    again. A person nobody follows costs nothing more than the row."""
    if verb not in Activity.Verb.values:
        raise ValueError(f"Unknown activity verb {verb!r}: add it to Activity.Verb.")
    titles, urls = titles or {}, urls or {}
    fields = {
        "actor": actor,
        "verb": verb,
        **{f"title_{lang}": str(titles.get(lang, ""))[:TITLE_CHARS] for lang in ("fr", "en")},
        **{f"url_{lang}": str(urls.get(lang, ""))[:URL_CHARS] for lang in ("fr", "en")},
    }
    if when is not None:
        fields["created"] = when
    same = None
    if target is not None:
        targets.type_of(target)
        same = {
            "verb": verb,
            "target_type": targets.content_type_of(target),
            "target_id": target.pk,
        }
        existing = Activity.objects.filter(**same).first()
        if existing is not None:
            return existing
        fields.update(same)
    elif not (fields["url_fr"] or fields["url_en"]):
        raise ValueError("An activity without a target needs its address (urls).")
    try:
        with transaction.atomic():
            activity = Activity.objects.create(**fields)
    except IntegrityError:
        if same is None:
            raise
        # Recorded at the same moment by another request: that one tells the followers.
        return Activity.objects.get(**same)
    if Follow.objects.filter(followed=actor).exists():
        activity_id = activity.pk
        transaction.on_commit(lambda: announce_activity.delay(activity_id))
    return activity
