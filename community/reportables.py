"""The community objects of this slice that people can report: groups and wall
resources (forums and challenges register theirs the same way), and course reviews."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.roles import is_moderator
from enrolment import reviews as course_reviews
from enrolment import selectors as learning
from enrolment.models import CourseReview, SubmissionVideo

from . import reports
from .access import may_see_group, may_see_inside
from .models import Group, Resource
from .selectors import display_name


def _resource_seen(user, resource):
    return (
        user.is_authenticated
        and (resource.is_visible or is_moderator(user))
        and may_see_inside(user, resource.group)
    )


def _resource_excerpt(resource):
    return resource.supplier_name or resource.text or resource.get_kind_display()


def _resource_photos(resource):
    return [reverse("community:photo", args=[photo.pk, "full"]) for photo in resource.photos.all()]


def _resource_history(resource):
    return [
        (revision.edited_at, display_name(revision.edited_by), revision.text)
        for revision in resource.revisions.select_related("edited_by")
    ]


def register():
    reports.register(
        reports.Reportable(
            kind="group",
            model=Group,
            may_see=lambda user, group: user.is_authenticated and may_see_group(user, group),
            excerpt=lambda group: f"{group.name}: {group.description}",
            url=lambda group: group.get_absolute_url(),
            author_id=lambda group: group.owner_id,
            author_field="owner",
            label=_("Study group"),
        )
    )
    reports.register(
        reports.Reportable(
            kind="resource",
            model=Resource,
            may_see=_resource_seen,
            excerpt=_resource_excerpt,
            url=lambda resource: resource.group.get_absolute_url() + f"#r{resource.pk}",
            author_id=lambda resource: resource.author_id,
            label=_("Wall resource"),
            photo_urls=_resource_photos,
            history=_resource_history,
        )
    )


def _review_url(review):
    return f"{review.course.localized.url}#review-{review.pk}"


def register_course_reviews():
    """Course reviews (enrolment) are reported here like community content; hiding one
    takes its rating out of the course's average."""
    reports.register(
        reports.Reportable(
            kind="course_review",
            model=CourseReview,
            may_see=lambda user, review: (
                user.is_authenticated and (review.is_visible or is_moderator(user))
            ),
            excerpt=lambda review: f"{review.rating}/5 {review.text}",
            url=_review_url,
            author_id=lambda review: review.user_id,
            author_field="user",
            label=_("Course review"),
            visibility_changed=course_reviews.visibility_changed,
        )
    )


def _video_seen(user, video):
    return user.is_authenticated and learning.can_see_video(user=user, video=video)


def _video_excerpt(video):
    submission = video.submission
    return f"{submission.lesson.title} · {submission.enrolment.user.email} · {video.duration_seconds} s"


def register_practice_videos():
    """Practice work videos (enrolment) are reported here like community content; a
    hidden one opens to moderators only."""
    reports.register(
        reports.Reportable(
            kind="practice_video",
            model=SubmissionVideo,
            may_see=_video_seen,
            excerpt=_video_excerpt,
            url=lambda video: reverse("learning:open_work", args=[video.submission_id]),
            author_id=lambda video: video.submission.enrolment.user_id,
            author_field="submission__enrolment__user",
            label=_("Practice video"),
            photo_urls=lambda video: [
                reverse("learning:submission_video", args=[video.pk, "poster"])
            ],
        )
    )
