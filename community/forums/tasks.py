"""The forums' side effects, run after the commit."""

from celery import shared_task


@shared_task
def announce_post(post_id):
    """Tell the people a new post mentions, and the thread's subscribers. Once: a post
    is announced when it is made, and a task retried finds it already announced."""
    from . import notices

    return notices.announce(post_id)
