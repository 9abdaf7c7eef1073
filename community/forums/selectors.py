"""Reads for the forum pages. Each is a fixed number of queries, whatever the number
of forums, threads, replies and comments."""

from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.utils.translation import get_language
from wagtail.models import Locale

from core.page_locales import canonical, localize_pages
from course_pages.models import CoursePage

from ..models import Forum, Post, Thread
from .access import course_forum_filter, leads

THREADS_PER_PAGE = 20
REPLIES_PER_PAGE = 20


def forums():
    """Forums with what their pages and access checks read."""
    return Forum.objects.select_related("course__instructor")


def course_forum(course):
    """The forum of a course (its default-locale page), made on first use."""
    course = canonical(course)
    forum = forums().filter(course=course).first()
    if forum is not None:
        return forum
    try:
        with transaction.atomic():
            Forum.objects.create(kind=Forum.Kind.COURSE, course=course)
    except IntegrityError:
        pass  # made at the same moment by another request
    return forums().get(course=course)


def title_of(forum):
    """A topic forum's title, or the course's in the reader's language."""
    if forum.kind == Forum.Kind.TOPIC:
        return forum.text("title")
    return localize_pages([forum.course], _locale())[0].title


def _locale():
    return Locale.objects.filter(language_code=(get_language() or "fr")[:2]).first() or (
        Locale.get_default()
    )


def index(user):
    """The topic forums with their thread counts, and the courses whose forum `user`
    reads as a student or as the instructor, in her language."""
    topics = list(
        Forum.objects.filter(kind=Forum.Kind.TOPIC).annotate(thread_total=Count("threads"))
    )
    courses = list(
        CoursePage.objects.live()
        .filter(locale=Locale.get_default())
        .filter(course_forum_filter(user))
        .order_by("title")
    )
    return {"topics": topics, "courses": localize_pages(courses, _locale())}


def threads(forum, page_number):
    rows = (
        Thread.objects.filter(forum=forum).select_related("author").order_by("-last_post_at", "-id")
    )
    return Paginator(rows, THREADS_PER_PAGE).get_page(page_number)


def qa_applies(thread):
    return thread.forum.qa_mode or thread.qa_mode


def has_answered(user, thread):
    return Post.objects.filter(thread=thread, author=user, kind=Post.Kind.REPLY).exists()


def answers_hidden(user, thread):
    """Q&A mode: a student sees the others' answers once she has posted her own. The
    person who asked and the thread's leaders see them all along."""
    if not qa_applies(thread) or thread.author_id == user.pk or leads(user, thread.forum):
        return False
    return not has_answered(user, thread)


def thread_page(*, thread, user, page_number):
    """The opening post and one page of replies (the accepted one first, then endorsed
    ones, then by time), each with its comments."""
    opening = Post.objects.select_related("author").filter(thread=thread, kind=Post.Kind.OPENING)
    opening = opening.first()
    replies = Post.objects.filter(thread=thread, kind=Post.Kind.REPLY)
    hidden = answers_hidden(user, thread)
    hidden_count = 0
    if hidden:
        hidden_count = replies.exclude(author=user).count()
        replies = replies.filter(author=user)
    replies = (
        replies.select_related("author")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=Post.objects.select_related("author").order_by("created_at", "id"),
            )
        )
        .annotate(
            is_accepted=Case(
                When(pk=thread.accepted_post_id or 0, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            is_endorsed=Case(
                When(endorsed_at__isnull=False, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("-is_accepted", "-is_endorsed", "created_at", "id")
    )
    return {
        "opening": opening,
        "replies": Paginator(replies, REPLIES_PER_PAGE).get_page(page_number),
        "answers_hidden": hidden,
        "hidden_count": hidden_count,
    }


def shown(post, user, forum):
    """Whether `user` reads this post's text: not deleted, and not hidden by reports
    (its author and the forum's leaders still read a hidden post)."""
    if post.is_deleted:
        return False
    if post.is_visible:
        return True
    return user.pk == post.author_id or leads(user, forum)
