"""Search in one forum: every word (each as a prefix: "tresse" finds "tresses"),
without accents or case. PostgreSQL full text on a GIN index; SQLite reads the folded
text with LIKE. Newest first. A Q&A thread's answers are not found by a student who
has not answered it yet (she would read them before posting her own)."""

import re

from django.db import connection
from django.db.models import Exists, OuterRef, Q

from core.text import fold
from directory.search_page import CappedPaginator

from ..models import Post, Thread
from .access import leads

MAX_QUERY_WORDS = 8
RESULTS_PER_PAGE = 20
# Past this many matches the page says "1,000+": counting them all costs more than
# anyone reads.
COUNT_CAP = 1000


def search_words(text):
    return re.findall(r"\w+", fold(text or ""))[:MAX_QUERY_WORDS]


def matching_posts(*, forum, user, words):
    posts = Post.objects.filter(
        forum=forum, deleted_at__isnull=True, visibility=Post.Visibility.VISIBLE
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # \w+ tokens are safe in a raw query.
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
        posts = posts.filter(search_vector=query)
    else:
        for word in words:
            posts = posts.filter(search_document__contains=word)
    if not leads(user, forum):
        posts = posts.exclude(_hidden_answers(forum, user))
    return posts.select_related("thread", "author").order_by("-created_at", "-id")


def _hidden_answers(forum, user):
    """Replies and comments by others in the Q&A threads she neither asked nor answered
    (one index probe per Q&A thread: see the reply-author index on Post)."""
    answered = Post.objects.filter(thread_id=OuterRef("pk"), author=user, kind=Post.Kind.REPLY)
    unanswered = Thread.objects.filter(forum=forum).exclude(author=user).exclude(Exists(answered))
    if not forum.qa_mode:
        unanswered = unanswered.filter(qa_mode=True)
    return Q(thread__in=unanswered.values("pk")) & ~Q(kind=Post.Kind.OPENING) & ~Q(author=user)


def search(*, forum, user, text, page_number):
    """(the words searched, a page of matching posts or None when there is no word)."""
    words = search_words(text)
    if not words:
        return words, None
    posts = matching_posts(forum=forum, user=user, words=words)
    paginator = CappedPaginator(posts, RESULTS_PER_PAGE, cap=COUNT_CAP)
    return words, paginator.get_page(page_number)
