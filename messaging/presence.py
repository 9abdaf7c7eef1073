"""Who is online: a count of each person's open sockets in a shared cache, with a
time to live that the page's pings refresh (so a crashed server does not leave people
"online" for ever), and "seen 10 min ago" from the moment the last socket closed.

The sockets call socket_opened / socket_pinged / socket_closed; pages ask
presence_label(s). A person who switched it off (PresenceSetting.show_online) shows
nothing and sends no presence events."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.realtime import publish

from .models import Block, Participant, PresenceSetting


def _cache():
    return caches[settings.PRESENCE_CACHE_ALIAS]


def _key(user_id):
    return f"presence:sockets:{user_id}"


def _ttl():
    return settings.PRESENCE_TTL_SECONDS


# Run for every socket that opens: as plain SQL it costs a tenth of what the ORM takes
# to build the same query (about 2 ms of CPU), which is most of a connection's cost.
CONTACTS_SQL = """
    SELECT DISTINCT other.user_id
    FROM {participant} mine
    JOIN {participant} other ON other.conversation_id = mine.conversation_id
    WHERE mine.user_id = %(user)s AND mine.left_at IS NULL
      AND other.user_id <> %(user)s AND other.left_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM {block} b
        WHERE (b.blocker_id = %(user)s AND b.blocked_id = other.user_id)
           OR (b.blocked_id = %(user)s AND b.blocker_id = other.user_id)
      )
"""
HIDDEN_SQL = """
      AND NOT EXISTS (
        SELECT 1 FROM {presence} p WHERE p.user_id = %(user)s AND p.show_online = %(false)s
      )
"""


def contact_ids(user_id, *, unless_hidden=False):
    """The people who share a conversation with this person, minus blocks either way:
    the ones told when the person comes and goes. With ``unless_hidden``, nobody when
    the person switched presence off. One query."""
    sql = CONTACTS_SQL + (HIDDEN_SQL if unless_hidden else "")
    tables = {
        "participant": Participant._meta.db_table,
        "block": Block._meta.db_table,
        "presence": PresenceSetting._meta.db_table,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql.format(**tables), {"user": user_id, "false": False})
        return {row[0] for row in cursor.fetchall()}


def shows_online(user_id):
    setting = PresenceSetting.objects.filter(user_id=user_id).only("show_online").first()
    return setting is None or setting.show_online


def _announce(user_id, online):
    # Every socket that opens comes here: one query, and no publishing to nobody.
    recipients = contact_ids(user_id, unless_hidden=True)
    if recipients:
        publish(recipients, {"type": "presence", "user": user_id, "online": online})


def socket_opened(user_id):
    """A socket of this person opened; the first one makes them online."""
    cache = _cache()
    if cache.add(_key(user_id), 1, _ttl()):
        _announce(user_id, True)
        return
    try:
        cache.incr(_key(user_id))
        cache.touch(_key(user_id), _ttl())
    except ValueError:  # expired between the two calls
        cache.set(_key(user_id), 1, _ttl())
        _announce(user_id, True)


def socket_pinged(user_id):
    """A page said it is still there: keep the person online for another TTL."""
    cache = _cache()
    if not cache.touch(_key(user_id), _ttl()):
        # The count lapsed (pings were late, or the cache was emptied): count again.
        socket_opened(user_id)


def socket_closed(user_id):
    """A socket closed; with the last one the person is "seen" now."""
    cache = _cache()
    try:
        count = cache.decr(_key(user_id))
    except ValueError:
        count = 0
    if count > 0:
        return
    cache.delete(_key(user_id))
    # One upsert (every socket that closes comes here), not update_or_create's locking
    # read then write.
    PresenceSetting.objects.bulk_create(
        [PresenceSetting(user_id=user_id, last_seen_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["last_seen_at"],
    )
    _announce(user_id, False)


def is_online(user_id):
    return bool(_cache().get(_key(user_id)))


def online_ids(user_ids):
    """Which of these people have a socket open: one cache read."""
    counts = _cache().get_many([_key(user_id) for user_id in user_ids])
    return {user_id for user_id in user_ids if counts.get(_key(user_id))}


def set_show_online(*, user, show_online):
    """The person's switch. Contacts learn the change at once when they are online."""
    PresenceSetting.objects.update_or_create(user=user, defaults={"show_online": show_online})
    if is_online(user.pk):
        event = {"type": "presence", "user": user.pk, "online": show_online}
        publish(contact_ids(user.pk), event)


def seen_label(moment, now):
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return _("seen just now")
    if minutes < 60:
        return _("seen %(minutes)d min ago") % {"minutes": minutes}
    if minutes < 24 * 60:
        return _("seen %(hours)d h ago") % {"hours": minutes // 60}
    days = minutes // (24 * 60)
    return ngettext("seen %(days)d day ago", "seen %(days)d days ago", days) % {"days": days}


def presence_labels(viewer, user_ids):
    """{user id: "online" / "seen 10 min ago" / ""} for a page showing these people:
    one cache read and two queries whatever their number. Nothing across a block."""
    blocked = Block.objects.filter(
        Q(blocker_id=viewer.pk, blocked_id__in=user_ids)
        | Q(blocked_id=viewer.pk, blocker_id__in=user_ids)
    ).values_list("blocker_id", "blocked_id")
    hidden = {viewer.pk} | {user_id for pair in blocked for user_id in pair}
    user_ids = [user_id for user_id in user_ids if user_id not in hidden]
    online = online_ids(user_ids)
    settings_by_user = {
        setting.user_id: setting for setting in PresenceSetting.objects.filter(user_id__in=user_ids)
    }
    now = timezone.now()
    labels = dict.fromkeys(hidden - {viewer.pk}, "")
    for user_id in user_ids:
        setting = settings_by_user.get(user_id)
        if setting is not None and not setting.show_online:
            labels[user_id] = ""
        elif user_id in online:
            labels[user_id] = _("online")
        elif setting is not None and setting.last_seen_at:
            labels[user_id] = seen_label(setting.last_seen_at, now)
        else:
            labels[user_id] = ""
    return labels


def presence_label(viewer, user):
    """ "online", "seen 10 min ago" (in the active language), or "" when the person
    switched it off or was never seen."""
    return presence_labels(viewer, [user.pk]).get(user.pk, "")
