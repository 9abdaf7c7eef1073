from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from wagtail.signals import page_published

        from course_pages.models import CoursePage
        from notifications import kinds

        # Both import models: only once the registry is ready.
        from . import badge_rules, conversations, reportables, support
        from .challenges import reportables as challenge_reportables

        # Celery's autodiscovery imports only community.tasks: the worker and beat
        # learn the tasks of the sub-packages here.
        from .challenges import tasks as challenge_tasks  # noqa: F401
        from .challenges.notification_kinds import KINDS as CHALLENGE_KINDS
        from .follows import receivers, targets
        from .forums import cartridge as forum_cartridge
        from .forums import reportables as forum_reportables
        from .forums.notification_kinds import KINDS as FORUM_KINDS
        from .mentorship import conversations as mentorship_conversations
        from .mentorship import reportables as mentorship_reportables
        from .mentorship import tasks as mentorship_tasks  # noqa: F401
        from .models import Entry
        from .notification_kinds import KINDS

        conversations.register()
        reportables.register()
        reportables.register_course_reviews()
        reportables.register_practice_videos()
        forum_reportables.register()
        forum_cartridge.register()
        mentorship_conversations.register()
        mentorship_reportables.register()
        challenge_reportables.register()
        support.register()
        badge_rules.register()
        kinds.register(*KINDS, *FORUM_KINDS, *CHALLENGE_KINDS)
        targets.register(CoursePage)
        targets.register(
            Entry,
            visible=lambda: Entry.objects.filter(
                visibility="", challenge__visibility=""
            ).select_related("challenge"),
        )
        page_published.connect(
            receivers.course_published, sender=CoursePage, dispatch_uid="follows_course_published"
        )
