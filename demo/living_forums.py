"""The living demo's forums (demo/content/forums.yaml): questions in three course
forums with answers the instructors endorsed and the students accepted, a Q&A exercise,
and threads in the business and well-being topic forums. Posted through the forums'
services, then dated back to when they "happened"."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community.forums import leading, posting
from community.forums.posting import REPORT_KIND
from community.forums.selectors import course_forum
from community.models import Contribution, Forum, Post, Thread
from course_pages.models import CoursePage

from .content import read

MODERATOR = "moderator@demo.bsa"


def load():
    now = timezone.now()
    for entry in read("forums")["threads"]:
        forum, leader = _forum_and_leader(entry["forum"])
        author = _person(entry["by"], leader)
        thread = posting.start_thread(
            user=author, forum=forum, title=entry["title"], body=entry["text"]
        )
        if entry.get("qa"):
            leading.set_thread_qa(user=leader, thread=thread, on=True)
        _date(thread.posts.get(), now, entry["ago"])
        Thread.objects.filter(pk=thread.pk).update(created_at=now - timedelta(hours=entry["ago"]))
        for answer in entry.get("replies", []):
            _reply(thread, answer, author, leader, now)
        latest = Post.objects.filter(thread=thread).aggregate(latest=Max("created_at"))
        Thread.objects.filter(pk=thread.pk).update(last_post_at=latest["latest"])


def _forum_and_leader(where):
    """The forum, and who endorses in it: the course's instructor, or a moderator."""
    if "course" in where:
        course = CoursePage.objects.get(locale=Locale.get_default(), slug=where["course"])
        return course_forum(course), course.instructor.user
    return Forum.objects.get(slug=where["topic"]), User.objects.get(email=MODERATOR)


def _person(who, leader):
    return leader if who == "instructor" else User.objects.get(email=who)


def _reply(thread, answer, asker, leader, now):
    thread.refresh_from_db()
    post = posting.reply(user=_person(answer["by"], leader), thread=thread, body=answer["text"])
    _date(post, now, answer["ago"])
    for comment in answer.get("comments", []):
        made = posting.comment(user=_person(comment["by"], leader), on=post, body=comment["text"])
        _date(made, now, comment["ago"])
    if answer.get("endorsed"):
        leading.endorse(user=leader, post=post)
    if answer.get("accepted"):
        leading.accept(user=asker, post=post)


def _date(post, now, hours_ago):
    """The post, and its line in the posting log the new-member limits read, dated back."""
    when = now - timedelta(hours=hours_ago)
    Post.objects.filter(pk=post.pk).update(created_at=when)
    Contribution.objects.filter(kind=REPORT_KIND, object_id=post.pk).update(created_at=when)
