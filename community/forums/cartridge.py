"""A course forum's topics for the course's Common Cartridge export: each visible
thread's title and opening post (replies stay here; they are the students' words)."""

from course_pages.cartridge import discussions

from ..models import Post


def course_topics(*, course):
    openings = (
        Post.objects.filter(
            forum__course=course,
            kind=Post.Kind.OPENING,
            deleted_at__isnull=True,
            visibility=Post.Visibility.VISIBLE,
        )
        .select_related("thread")
        .order_by("thread__created_at", "thread_id")
    )
    return [discussions.Topic(title=post.thread.title, text=post.body) for post in openings]


def register():
    discussions.register(course_topics)
