"""Many threads and posts at once, for the query-count, page-weight and search tests
(made in bulk, not through the services: the point is the reading side)."""

from datetime import timedelta

from django.utils import timezone

from community.forums.posting import search_text, update_search_vector
from community.models import Post, Thread

WORDS = [
    "tresses",
    "vanilles",
    "vernis",
    "fond de teint",
    "poudre",
    "mèches",
    "ongles",
    "gel",
    "cuticules",
    "teint",
    "extensions",
    "nattes",
    "henné",
    "cils",
    "sourcils",
]


def body_for(number):
    word = WORDS[number % len(WORDS)]
    other = WORDS[(number * 7 + 3) % len(WORDS)]
    return (
        f"Message {number} : pour les {word}, hydratez la veille et gardez le {other} "
        f"au frais. Question de la cliente {number % 97}."
    )


def add_threads(forum, authors, count, *, start=0):
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        Thread(
            forum=forum,
            author=authors[number % len(authors)],
            title=f"Question {start + number} sur les {WORDS[number % len(WORDS)]}",
            last_post_at=now - timedelta(minutes=start + number),
            reply_count=0,
        )
        for number in range(count)
    )
    posts = [
        Post(
            thread=thread,
            forum=forum,
            kind=Post.Kind.OPENING,
            author=thread.author,
            body=body_for(start + number),
        )
        for number, thread in enumerate(threads)
    ]
    for post, thread in zip(posts, threads, strict=True):
        post.thread = thread
        post.search_document = search_text(post, title=thread.title)
    Post.objects.bulk_create(posts, batch_size=1000)
    return threads


def add_replies(thread, authors, count, *, comments_every=5, start=0):
    """`count` replies, and a comment on every `comments_every`-th one."""
    replies = Post.objects.bulk_create(
        (
            Post(
                thread=thread,
                forum_id=thread.forum_id,
                kind=Post.Kind.REPLY,
                author=authors[number % len(authors)],
                body=body_for(start + number),
            )
            for number in range(count)
        ),
        batch_size=1000,
    )
    comments = [
        Post(
            thread=thread,
            forum_id=thread.forum_id,
            kind=Post.Kind.COMMENT,
            parent=reply,
            author=authors[(number + 1) % len(authors)],
            body=f"Merci pour la réponse {number}",
        )
        for number, reply in enumerate(replies)
        if number % comments_every == 0
    ]
    Post.objects.bulk_create(comments, batch_size=1000)
    Thread.objects.filter(pk=thread.pk).update(reply_count=count + len(comments))
    return replies


def index_for_search(forum):
    """Fill search_document where bulk creation left it empty, and the tsvectors."""
    posts = Post.objects.filter(forum=forum)
    for post in posts.filter(search_document=""):
        Post.objects.filter(pk=post.pk).update(search_document=search_text(post))
    update_search_vector(posts)
