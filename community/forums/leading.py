"""What the people who lead a thread do: the instructor (or a moderator) endorses a
reply and switches Q&A mode; the thread's author (or the instructor, or a moderator)
accepts the reply that answered it, which marks the thread solved."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Forum, Post, Thread
from .access import leads, may_read
from .errors import NotAllowed


def _check_leads(user, forum):
    if not leads(user, forum):
        raise NotAllowed(_("Only the course's instructor or a moderator can do this."))


def _check_answer(post):
    if post.kind != Post.Kind.REPLY or post.is_deleted or not post.is_visible:
        raise NotAllowed(_("Only a reply can be endorsed or accepted."))


@transaction.atomic
def endorse(*, user, post, endorsed=True):
    _check_leads(user, post.thread.forum)
    _check_answer(post)
    post.endorsed_at = timezone.now() if endorsed else None
    post.endorsed_by = user if endorsed else None
    post.save(update_fields=["endorsed_at", "endorsed_by"])
    return post


def may_accept(user, thread):
    return user.is_authenticated and (
        (thread.author_id == user.pk and may_read(user, thread.forum)) or leads(user, thread.forum)
    )


@transaction.atomic
def accept(*, user, post):
    """`post` answered the thread: the thread is solved and the reply shows first."""
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    thread.forum = post.thread.forum
    if not may_accept(user, thread):
        raise NotAllowed(_("Only the person who asked, the instructor or a moderator can do this."))
    _check_answer(post)
    thread.accepted_post = post
    thread.solved_at = timezone.now()
    thread.solved_by = user
    thread.save(update_fields=["accepted_post", "solved_at", "solved_by"])
    return thread


@transaction.atomic
def reopen(*, user, thread):
    if not may_accept(user, thread):
        raise NotAllowed(_("Only the person who asked, the instructor or a moderator can do this."))
    Thread.objects.filter(pk=thread.pk).update(accepted_post=None, solved_at=None, solved_by=None)
    thread.accepted_post, thread.solved_at, thread.solved_by = None, None, None
    return thread


def set_thread_qa(*, user, thread, on):
    _check_leads(user, thread.forum)
    Thread.objects.filter(pk=thread.pk).update(qa_mode=on)
    thread.qa_mode = on
    return thread


def set_forum_qa(*, user, forum, on):
    _check_leads(user, forum)
    Forum.objects.filter(pk=forum.pk).update(qa_mode=on)
    forum.qa_mode = on
    return forum
