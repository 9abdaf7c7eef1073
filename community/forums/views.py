"""The forum pages: the index, a forum with its threads, search, a thread, writing a
new thread, editing a post and its history. Thin: read with selectors, write with
services, show their refusals. A forum the person may not read does not exist (404)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from core import photos
from course_pages.models import CoursePage

from ..models import Post, Thread
from . import posting, search, selectors
from .access import leads, may_read
from .errors import ForumError
from .following import is_subscribed
from .leading import may_accept
from .mentions import handle_of


def forum_or_404(user, forum_id):
    forum = selectors.forums().filter(pk=forum_id).first()
    if forum is None or not may_read(user, forum):
        raise Http404
    return forum


def thread_or_404(user, thread_id):
    thread = (
        Thread.objects.select_related("forum__course__instructor", "author")
        .filter(pk=thread_id)
        .first()
    )
    if thread is None or not may_read(user, thread.forum):
        raise Http404
    return thread


def post_or_404(user, post_id):
    post = (
        Post.objects.select_related("thread__forum__course__instructor", "thread__author", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None or not may_read(user, post.thread.forum):
        raise Http404
    return post


@login_required
def index(request):
    return render(request, "community/forums/index.html", selectors.index(request.user))


@login_required
def course_forum(request, course_id):
    """The course page's "Forum" link: the course's forum, made on first visit."""
    course = CoursePage.objects.filter(pk=course_id).select_related("instructor").first()
    if course is None:
        raise Http404
    forum = selectors.course_forum(course)
    if not may_read(request.user, forum):
        raise Http404
    return redirect("forums:forum", forum.pk)


def _forum_context(request, forum):
    return {
        "forum": forum,
        "forum_title": selectors.title_of(forum),
        "intro": forum.text("intro") if forum.kind == forum.Kind.TOPIC else "",
        "leads": leads(request.user, forum),
    }


@login_required
def forum_page(request, forum_id):
    forum = forum_or_404(request.user, forum_id)
    context = _forum_context(request, forum)
    context["threads"] = selectors.threads(forum, request.GET.get("page"))
    return render(request, "community/forums/forum.html", context)


@login_required
def search_page(request, forum_id):
    forum = forum_or_404(request.user, forum_id)
    text = request.GET.get("q", "")[:200]
    words, results = search.search(
        forum=forum, user=request.user, text=text, page_number=request.GET.get("page")
    )
    context = _forum_context(request, forum)
    context.update(q=text, words=words, results=results, query_string=_query_string(request))
    return render(request, "community/forums/search.html", context)


def _query_string(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def new_thread(request, forum_id):
    forum = forum_or_404(request.user, forum_id)
    context = _forum_context(request, forum)
    context.update(error="", title="", body="", photo_accept=photos.ACCEPT_ATTRIBUTE)
    if request.method == "POST":
        title, body = request.POST.get("title", ""), request.POST.get("body", "")
        try:
            thread = posting.start_thread(
                user=request.user,
                forum=forum,
                title=title,
                body=body,
                photo=request.FILES.get("photo"),
            )
        except ForumError as error:
            context.update(error=error.message, title=title, body=body)
        else:
            return redirect("forums:thread", thread.pk)
    status = 400 if context["error"] else 200
    return render(request, "community/forums/new_thread.html", context, status=status)


@login_required
def thread_page(request, thread_id):
    thread = thread_or_404(request.user, thread_id)
    return render_thread(request, thread)


def render_thread(request, thread, *, error="", text="", comment_on=None, status=200):
    """The thread page, also after a refused reply or comment (with the text kept)."""
    user = request.user
    context = selectors.thread_page(thread=thread, user=user, page_number=request.GET.get("page"))
    forum = thread.forum
    for post in _posts_on_page(context):
        post.readable = selectors.shown(post, user, forum)
        post.mine = post.author_id == user.pk
    context.update(
        thread=thread,
        forum=forum,
        forum_title=selectors.title_of(forum),
        leads=leads(user, forum),
        may_accept=may_accept(user, thread),
        qa=selectors.qa_applies(thread),
        subscribed=is_subscribed(user, thread),
        my_handle=handle_of(user),
        error=error,
        text=text,
        comment_on=comment_on,
        photo_accept=photos.ACCEPT_ATTRIBUTE,
    )
    return render(request, "community/forums/thread.html", context, status=status)


def _posts_on_page(context):
    if context["opening"] is not None:
        yield context["opening"]
    for reply in context["replies"]:
        yield reply
        yield from reply.comments.all()


@login_required
def edit_post(request, post_id):
    post = post_or_404(request.user, post_id)
    if post.author_id != request.user.pk or post.is_deleted:
        raise Http404
    thread = post.thread
    context = {
        "post": post,
        "thread": thread,
        "error": "",
        "title": thread.title,
        "body": post.body,
        "is_opening": post.kind == Post.Kind.OPENING,
    }
    if request.method == "POST":
        title, body = request.POST.get("title"), request.POST.get("body", "")
        try:
            posting.edit(user=request.user, post=post, body=body, title=title)
        except ForumError as error:
            context.update(error=error.message, title=title or "", body=body)
        else:
            return redirect(reverse("forums:thread", args=[thread.pk]) + f"#p{post.pk}")
    status = 400 if context["error"] else 200
    return render(request, "community/forums/edit.html", context, status=status)


@login_required
def history(request, post_id):
    """What a post said before each edit. A deleted or hidden post's history is for the
    forum's leaders only."""
    post = post_or_404(request.user, post_id)
    if (post.is_deleted or not post.is_visible) and not leads(request.user, post.thread.forum):
        raise Http404
    revisions = Paginator(post.revisions.select_related("edited_by"), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "community/forums/history.html",
        {"post": post, "thread": post.thread, "revisions": revisions, "items": revisions},
    )
