"""Admin forms of the course pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.roles import is_moderator


class CoursePageForm(WagtailAdminPageForm):
    """An instructor may only name one of their own instructor pages as the course's instructor.

    The page chooser still browses every instructor page; the choice is checked here.
    Moderators choose freely (see course_pages.permissions for who is restricted)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("instructor")
        user = self.for_user
        if field is None or user is None or is_moderator(user):
            return
        field.queryset = field.queryset.filter(user=user)
        if field.queryset.exists():
            field.error_messages["invalid_choice"] = _(
                "Choose your own instructor page: you can only author your own courses."
            )
        else:
            field.error_messages["invalid_choice"] = field.error_messages["required"] = _(
                "Create your instructor page first: a course needs its instructor."
            )
        if self.instance.pk is None and not self.is_bound:
            own = field.queryset.filter(locale=self.instance.locale_id).first()
            if own is not None:
                self.initial["instructor"] = self.initial.get("instructor") or own.pk


class InstructorPageForm(WagtailAdminPageForm):
    """An instructor's profile page belongs to their own account; moderators pick anyone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("user")
        user = self.for_user
        if field is None or user is None or is_moderator(user):
            return
        field.queryset = field.queryset.filter(pk=user.pk)
        field.error_messages["invalid_choice"] = _(
            "Your instructor page is about your own account."
        )
        if self.instance.pk is None and not self.is_bound:
            self.initial["user"] = self.initial.get("user") or user.pk
