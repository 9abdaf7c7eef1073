"""Periodic learning jobs (Celery beat)."""

from celery import shared_task

from . import practice_video, recommendations, services, similarity


@shared_task
def escalate_waiting_submissions():
    """Practice work that waited 3 days for peers goes to the instructor. Idempotent."""
    return services.escalate_waiting_submissions()


@shared_task
def rebuild_co_enrolments():
    """Nightly: recount which courses students take together. Idempotent."""
    return recommendations.rebuild_co_enrolments()


@shared_task
def check_similarity(submission_id):
    """Compare newly handed-in practice work with earlier work. Idempotent."""
    return similarity.check_submission(submission_id)


@shared_task
def prepare_practice_video(video_id):
    """The small MP4 and poster of a practice video. Idempotent."""
    return practice_video.prepare(video_id)
