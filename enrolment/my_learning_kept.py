"""My learning's own lists (her courses with their progress and where to resume, her
practice work) kept per person in the cache, under the version of her learner tag
(core.cache_tags): every visit otherwise reads her enrolments, progress, work and their
pages in her language again, for lists that change only when she enrols, opens or
finishes a lesson, hands in work or gets a verdict.

Her tag is bumped by whatever changes those rows (signals for saves and deletions, the
services for their bulk updates), and the key also holds the page-tree and all-pages
versions: a lesson or course published, unpublished, moved or renamed reads them again.
Classmates' work waiting for her review and the recommendations are read as before."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from core import cache_tags

from . import selectors
from .models import Enrolment, LessonProgress, QuizAttempt, Submission

# The versions make changes show at once; this only bounds the memory.
SECONDS = 600


def learner_tag(user_id):
    return f"learner:{user_id}"


def forget_learners(user_ids):
    """Her lists are read again on her next visit (now and after the commit)."""
    cache_tags.invalidate(*(learner_tag(user_id) for user_id in set(user_ids)))


def lists_tags(user):
    return (learner_tag(user.pk), cache_tags.PAGE_TREE, cache_tags.ALL)


def kept_version(user):
    """What her lists are kept under: her learner tag's, the page tree's and the
    all-pages versions (My learning keeps her rendered lists under it too)."""
    return cache_tags.version_string(lists_tags(user))


def kept_lists(user):
    """(every enrolment of hers, the ones My learning shows with their progress, her
    recent practice work): selectors.enrolments_of, my_learning and my_recent_work."""
    key = f"my-learning:{user.pk}:{translation.get_language()}:{kept_version(user)}"
    kept = cache.get(key)
    if kept is None:
        enrolments = selectors.enrolments_of(user)
        kept = (
            enrolments,
            selectors.my_learning(user, enrolments=enrolments),
            selectors.my_recent_work(user),
        )
        cache.set(key, kept, SECONDS)
    return kept


def _enrolment_changed(sender, instance, **kwargs):
    forget_learners([instance.user_id])


def _row_of_enrolment_changed(sender, instance, **kwargs):
    # The enrolment is usually at hand (the services pass it); else one read.
    if sender._meta.get_field("enrolment").is_cached(instance):
        forget_learners([instance.enrolment.user_id])
        return
    forget_learners(
        Enrolment.objects.filter(pk=instance.enrolment_id).values_list("user_id", flat=True)
    )


def connect():
    for signal in (post_save, post_delete):
        signal.connect(_enrolment_changed, sender=Enrolment, dispatch_uid="learner-enrolment")
        for model in (LessonProgress, QuizAttempt, Submission):
            signal.connect(
                _row_of_enrolment_changed, sender=model, dispatch_uid=f"learner-{model.__name__}"
            )
