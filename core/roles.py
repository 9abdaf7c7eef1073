"""The roles a person holds, asked the same way everywhere. People hold several roles
(groups and flags added over time), so each question is its own function."""


def is_moderator(user):
    """Academy moderators and superusers: they publish, refund, revoke and see all."""
    return user.is_authenticated and (user.is_superuser or user.is_moderator)


def teaches(user, course):
    """The course's own instructor (any object with ``instructor.user_id``)."""
    return user.is_authenticated and course.instructor.user_id == user.pk


def is_instructor(user):
    """An approved instructor (any course): they post challenges, like moderators."""
    return user.is_authenticated and user.is_approved_instructor
