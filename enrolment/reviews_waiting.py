"""How many pieces of classmates' work wait for her review (My learning's note), kept
per person under her learner tag and the peer-work tag.

The count's query was about a third of My learning's time, for a figure that changes
only when work is handed in, reviewed, escalated or deleted: any practice work or peer
review saved or deleted anywhere bumps the peer-work tag (and so does the escalation,
which updates without signals); her own enrolments bump her learner tag."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from core import cache_tags

from . import selectors
from .models import PeerReview, Submission
from .my_learning_kept import learner_tag

PEER_WORK_TAG = "peer-work"
# The versions make changes show at once; this only bounds the memory.
SECONDS = 600


def tags(user):
    return (learner_tag(user.pk), PEER_WORK_TAG)


def reviews_waiting(user):
    key = f"reviews-waiting:{user.pk}:{cache_tags.version_string(tags(user))}"
    return cache.get_or_set(
        key, lambda: selectors.submissions_to_review(user=user).count(), SECONDS
    )


def forget_peer_work(**kwargs):
    """Every count is read again on its next view (now and after the commit)."""
    cache_tags.invalidate(PEER_WORK_TAG)


def connect():
    for signal in (post_save, post_delete):
        for model in (Submission, PeerReview):
            signal.connect(
                forget_peer_work, sender=model, dispatch_uid=f"peer-work-{model.__name__}"
            )
