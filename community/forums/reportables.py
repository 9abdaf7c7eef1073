"""Forum posts in the community's reports (community.reports): anyone who reads a post
may report it; enough reports hide it until a moderator decides in the one queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import reports
from ..models import Post
from .access import may_read
from .names import display_name
from .posting import REPORT_KIND
from .selectors import answers_hidden, shown


def _seen(user, post):
    forum = post.thread.forum
    if not user.is_authenticated or not may_read(user, forum) or not shown(post, user, forum):
        return False
    hidden_answer = post.kind != Post.Kind.OPENING and post.author_id != user.pk
    return not (hidden_answer and answers_hidden(user, post.thread))


def _excerpt(post):
    if post.kind == Post.Kind.OPENING:
        return f"{post.thread.title}: {post.body}"
    return post.body


def _url(post):
    return reverse("forums:thread", args=[post.thread_id]) + f"#p{post.pk}"


def _photos(post):
    return [reverse("forums:photo", args=[post.pk])] if post.photo else []


def _history(post):
    return [
        (revision.edited_at, display_name(revision.edited_by), revision.body)
        for revision in post.revisions.select_related("edited_by")
    ]


def register():
    reports.register(
        reports.Reportable(
            kind=REPORT_KIND,
            model=Post,
            may_see=_seen,
            excerpt=_excerpt,
            url=_url,
            author_id=lambda post: post.author_id,
            label=_("Forum post"),
            photo_urls=_photos,
            history=_history,
        )
    )
