"""Reads about people for other apps (statistics): ids, dates, roles and regions only."""

from .models import User


def opted_out_of_tracking(user_id):
    """Whether the person turned usage statistics off in her profile."""
    return User.objects.filter(pk=user_id, tracking_opt_out=True).exists()


def joined_between(start, end):
    """The people who signed up in [start, end): (id, region, is_student, is_client,
    asked to teach), in one query."""
    return list(
        User.objects.filter(date_joined__gte=start, date_joined__lt=end)
        .order_by("pk")
        .values_list("pk", "region", "is_student", "is_client", "instructor_status")
    )


def joined_dates(user_ids):
    """Person id → when she signed up (aware), for the students among ``user_ids``."""
    return dict(
        User.objects.filter(pk__in=user_ids, is_student=True).values_list("pk", "date_joined")
    )
