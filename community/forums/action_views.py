"""The buttons of a thread: reply, comment, follow, endorse, accept, reopen, Q&A mode,
delete; and a post's photo. Each answers with the thread (a refusal shown on it, with
the text kept) and changes nothing when refused."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.private_files import serve_private

from . import following, leading, posting
from .errors import ForumError
from .selectors import answers_hidden, shown
from .views import forum_or_404, post_or_404, render_thread, thread_or_404


def _to_thread(thread, post=None):
    anchor = f"#p{post.pk}" if post is not None else ""
    return redirect(reverse("forums:thread", args=[thread.pk]) + anchor)


@login_required
@require_POST
def reply(request, thread_id):
    thread = thread_or_404(request.user, thread_id)
    body = request.POST.get("body", "")
    try:
        post = posting.reply(
            user=request.user, thread=thread, body=body, photo=request.FILES.get("photo")
        )
    except ForumError as error:
        return render_thread(request, thread, error=error.message, text=body, status=400)
    return _to_thread(thread, post)


@login_required
@require_POST
def comment(request, post_id):
    on = post_or_404(request.user, post_id)
    body = request.POST.get("body", "")
    try:
        post = posting.comment(user=request.user, on=on, body=body)
    except ForumError as error:
        return render_thread(
            request, on.thread, error=error.message, text=body, comment_on=on.pk, status=400
        )
    return _to_thread(on.thread, post)


@login_required
@require_POST
def delete(request, post_id):
    post = post_or_404(request.user, post_id)
    try:
        posting.delete(user=request.user, post=post)
    except ForumError as error:
        return render_thread(request, post.thread, error=error.message, status=403)
    flash.success(request, _("The post is deleted."))
    return _to_thread(post.thread, post)


@login_required
@require_POST
def follow(request, thread_id):
    thread = thread_or_404(request.user, thread_id)
    subscribed = request.POST.get("subscribed") == "1"
    following.set_subscribed(user=request.user, thread=thread, subscribed=subscribed)
    if subscribed:
        flash.success(request, _("You follow this thread: new replies will reach you."))
    else:
        flash.success(request, _("You no longer follow this thread."))
    return _to_thread(thread)


def _lead(request, action, thread, post=None):
    try:
        action()
    except ForumError as error:
        return render_thread(request, thread, error=error.message, status=403)
    return _to_thread(thread, post)


@login_required
@require_POST
def endorse(request, post_id):
    post = post_or_404(request.user, post_id)
    endorsed = request.POST.get("endorsed") == "1"
    return _lead(
        request,
        lambda: leading.endorse(user=request.user, post=post, endorsed=endorsed),
        post.thread,
        post,
    )


@login_required
@require_POST
def accept(request, post_id):
    post = post_or_404(request.user, post_id)
    return _lead(request, lambda: leading.accept(user=request.user, post=post), post.thread, post)


@login_required
@require_POST
def reopen(request, thread_id):
    thread = thread_or_404(request.user, thread_id)
    return _lead(request, lambda: leading.reopen(user=request.user, thread=thread), thread)


@login_required
@require_POST
def thread_qa(request, thread_id):
    thread = thread_or_404(request.user, thread_id)
    on = request.POST.get("qa") == "1"
    return _lead(
        request, lambda: leading.set_thread_qa(user=request.user, thread=thread, on=on), thread
    )


@login_required
@require_POST
def forum_qa(request, forum_id):
    forum = forum_or_404(request.user, forum_id)
    try:
        leading.set_forum_qa(user=request.user, forum=forum, on=request.POST.get("qa") == "1")
    except ForumError as error:
        raise PermissionDenied(error.message) from error
    return redirect("forums:forum", forum.pk)


@login_required
def photo(request, post_id, small=False):
    """A post's photo (or its small copy), for the readers who may read the post."""
    post = post_or_404(request.user, post_id)
    if not post.photo or not shown(post, request.user, post.thread.forum):
        raise Http404
    hidden_answer = post.kind != post.Kind.OPENING and post.author_id != request.user.pk
    if hidden_answer and answers_hidden(request.user, post.thread):
        raise Http404
    return serve_private(
        request, post.photo_small if small else post.photo, content_type="image/webp"
    )
