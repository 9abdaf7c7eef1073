"""Writing in a forum: a thread, a reply, a comment on a reply, an edit, a deletion.

Each is checked (may the person read the forum, what the text holds, a photo is a
photo, how fast she posts) before anything is stored, stored in one transaction with
the thread's counters, subscriptions and search text, and announced (mentions,
subscribers) by a task after the commit."""

import io

from django.contrib.postgres.search import SearchVector
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image

from core import photos
from core.text import fold

from .. import limits
from ..models import Post, PostRevision, Subscription, Thread
from .access import leads, may_read
from .errors import InvalidPost, NotAllowed
from .tasks import announce_post

# How posts are named in the community's reports and posting log.
REPORT_KIND = "forum_post"
MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 10_000
# The photo shown in the thread (the full one opens on a tap).
SMALL_SIDE = 640


def start_thread(*, user, forum, title, body, photo=None):
    """A new thread: its title and opening post. Its author is subscribed."""
    _check_reader(user, forum)
    title = clean(title, limit=MAX_TITLE_LENGTH, empty=_("Give your question a title."))
    body = clean(body, limit=MAX_BODY_LENGTH, empty=_("Write your question before posting it."))
    converted = _convert(photo)
    with transaction.atomic():
        limits.check_post(user, texts=(title, body), photos=int(bool(photo)))
        now = timezone.now()
        thread = Thread(forum=forum, author=user, title=title, last_post_at=now)
        thread.full_clean()
        thread.save()
        post = _store(
            Post(thread=thread, forum=forum, kind=Post.Kind.OPENING, author=user, body=body),
            converted,
        )
        Subscription.objects.get_or_create(thread=thread, user=user)
        limits.record_post(user, REPORT_KIND, post.pk)
    return thread


def reply(*, user, thread, body, photo=None):
    """An answer to the thread. Its author is subscribed, unless she unsubscribed."""
    _check_reader(user, thread.forum)
    body = clean(body, limit=MAX_BODY_LENGTH, empty=_("Write your answer before posting it."))
    converted = _convert(photo)
    with transaction.atomic():
        limits.check_post(user, texts=(body,), photos=int(bool(photo)))
        post = _store(
            Post(
                thread=thread,
                forum_id=thread.forum_id,
                kind=Post.Kind.REPLY,
                author=user,
                body=body,
            ),
            converted,
        )
        _after_answer(user, thread, post)
    return post


def comment(*, user, on, body):
    """A comment on a reply (one level: a comment takes no comments)."""
    thread = on.thread
    _check_reader(user, thread.forum)
    if on.kind != Post.Kind.REPLY or on.is_deleted:
        raise NotAllowed(_("You can comment on a reply only."))
    body = clean(body, limit=MAX_BODY_LENGTH, empty=_("Write your comment before posting it."))
    with transaction.atomic():
        limits.check_post(user, texts=(body,))
        post = _store(
            Post(
                thread=thread,
                forum_id=thread.forum_id,
                kind=Post.Kind.COMMENT,
                parent=on,
                author=user,
                body=body,
            ),
            None,
        )
        _after_answer(user, thread, post)
    return post


def edit(*, user, post, body, title=None):
    """The author changes her post; what it said before is kept (PostRevision)."""
    thread = post.thread
    _check_reader(user, thread.forum)
    if post.author_id != user.pk or post.is_deleted:
        raise NotAllowed(_("You can edit your own posts only."))
    body = clean(body, limit=MAX_BODY_LENGTH, empty=_("A post can't be empty."))
    if post.kind == Post.Kind.OPENING:
        title = clean(title, limit=MAX_TITLE_LENGTH, empty=_("Give your question a title."))
    else:
        title = None
    limits.check_edit(user, texts=(title or "", body))
    if body == post.body and (title is None or title == thread.title):
        return post
    with transaction.atomic():
        PostRevision.objects.create(
            post=post,
            title=thread.title if title is not None else "",
            body=post.body,
            edited_by=user,
        )
        if title is not None:
            thread.title = title
            thread.save(update_fields=["title"])
        post.body = body
        post.edited_at = timezone.now()
        post.search_document = search_text(post, title=thread.title)
        post.save(update_fields=["body", "edited_at", "search_document"])
        update_search_vector(Post.objects.filter(pk=post.pk))
    return post


@transaction.atomic
def delete(*, user, post):
    """The author (or the forum's instructor, or a moderator) deletes a post: a
    placeholder stays so the thread keeps its shape; the text stays in the history."""
    thread = post.thread
    if not may_read(user, thread.forum):
        raise NotAllowed(_("You can't post in this forum."))
    if post.author_id != user.pk and not leads(user, thread.forum):
        raise NotAllowed(_("You can delete your own posts only."))
    if post.is_deleted:
        return post
    PostRevision.objects.create(
        post=post,
        title=thread.title if post.kind == Post.Kind.OPENING else "",
        body=post.body,
        edited_by=user,
    )
    Post.objects.filter(pk=post.pk).update(
        deleted_at=timezone.now(), search_document="", search_vector=None
    )
    if thread.accepted_post_id == post.pk:
        Thread.objects.filter(pk=thread.pk).update(
            accepted_post=None, solved_at=None, solved_by=None
        )
    post.refresh_from_db()
    return post


def clean(value, *, limit, empty):
    """Trimmed text of at most `limit` characters; `empty` is the refusal for none."""
    text = (value or "").replace("\r\n", "\n").strip()
    if not text:
        raise InvalidPost(empty)
    if len(text) > limit:
        raise InvalidPost(
            _("This text can be %(limit)s characters at most; it has %(length)s. Shorten it.")
            % {
                "limit": number_format(limit, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            }
        )
    return text


def search_text(post, *, title=""):
    """What search reads: the folded text (the title too for an opening post)."""
    return fold(f"{title}\n{post.body}" if post.kind == Post.Kind.OPENING else post.body)


def update_search_vector(posts):
    """PostgreSQL keeps a tsvector of the folded text (GIN-indexed); SQLite searches
    search_document itself."""
    if connection.vendor == "postgresql":
        posts.update(search_vector=SearchVector("search_document", config="simple"))


def _check_reader(user, forum):
    if not may_read(user, forum):
        raise NotAllowed(_("You can't post in this forum."))


def _convert(photo):
    """(full WebP, small WebP) of an upload, or None; InvalidPost when it is no photo."""
    if not photo:
        return None
    try:
        full = photos.to_webp(photo)
    except photos.InvalidPhoto as error:
        raise InvalidPost(error.message) from error
    full.file.seek(0)
    image = Image.open(io.BytesIO(full.file.read()))
    full.file.seek(0)
    image.thumbnail((SMALL_SIDE, SMALL_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=70, method=4)
    stem = full.file.name.rsplit(".", 1)[0]
    return full.file, ContentFile(buffer.getvalue(), name=f"{stem}-small.webp")


def _store(post, converted):
    if converted is not None:
        full, small = converted
        post.photo.save(full.name, full, save=False)
        post.photo_small.save(small.name, small, save=False)
    post.search_document = search_text(post, title=post.thread.title)
    try:
        post.save()
    except Exception:
        for field in (post.photo, post.photo_small):
            if field:
                field.delete(save=False)
        raise
    update_search_vector(Post.objects.filter(pk=post.pk))
    transaction.on_commit(lambda: announce_post.delay(post.pk))
    return post


def _after_answer(user, thread, post):
    """Counters and subscription for a reply or a comment."""
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_post_at=post.created_at
    )
    Subscription.objects.get_or_create(thread=thread, user=user)
    limits.record_post(user, REPORT_KIND, post.pk)
