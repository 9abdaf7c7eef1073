"""Her streak, points and weekly goal as My learning shows them, kept per person in the
cache: three queries on every visit otherwise, for figures that change only when she
learns, is awarded points or sets a goal. Any save or deletion of those rows forgets
them, now and again after the commit (a page drawn while the change was not committed
may have kept the old figures); a kept value serves only the day it was counted for,
as the streak and the week depend on the day."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .calendar import local_day
from .models import PointsAward, Streak, WeeklyGoal
from .selectors import motivation_for

SECONDS = 300


def _key(user_id):
    return f"motivation:{user_id}"


def kept_motivation_for(user):
    """motivation_for(user) today, from the cache when counted earlier today."""
    today = local_day()
    kept = cache.get(_key(user.pk))
    if kept is not None and kept[0] == today:
        return kept[1]
    motivation = motivation_for(user)
    cache.set(_key(user.pk), (today, motivation), SECONDS)
    return motivation


def forget(user_id):
    cache.delete(_key(user_id))
    transaction.on_commit(lambda: cache.delete(_key(user_id)))


def _forget_row_owner(sender, instance, **kwargs):
    forget(instance.user_id)


def connect():
    for model in (PointsAward, Streak, WeeklyGoal):
        for signal in (post_save, post_delete):
            signal.connect(
                _forget_row_owner, sender=model, dispatch_uid=f"motivation-kept-{model.__name__}"
            )
