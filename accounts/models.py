"""The academy's user: e-mail login, profile, and roles that grow over time."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .phone import validate_cameroon_phone
from .regions import Region


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. Roles are flags and groups added over time, never one fixed choice:
    a student may later teach, an instructor may also take bookings."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    class InstructorStatus(models.TextChoices):
        NONE = "", _("Not an instructor")
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    phone = PhoneNumberField(
        _("phone"), blank=True, validators=[validate_cameroon_phone], region="CM"
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, default=Language.FRENCH
    )
    region = models.CharField(_("region"), max_length=2, choices=Region, blank=True)
    town = models.CharField(_("town"), max_length=80, blank=True)
    is_student = models.BooleanField(_("student"), default=False)
    is_client = models.BooleanField(_("client"), default=False)
    instructor_status = models.CharField(
        _("instructor status"),
        max_length=10,
        choices=InstructorStatus,
        default=InstructorStatus.NONE,
        blank=True,
    )
    data_saver = models.BooleanField(
        _("data saver"),
        default=False,
        help_text=_("Smaller images and the light 360p video by default, to spend less data."),
    )
    # Usage statistics are not needed to serve anyone: a person may turn them off.
    tracking_opt_out = models.BooleanField(
        _("no usage statistics"),
        default=False,
        help_text=_(
            "Do not count what I do on the site in the academy's statistics (page views, "
            "lessons opened, searches). Your enrolments, progress and payments are kept."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_approved_instructor(self):
        return self.instructor_status == self.InstructorStatus.APPROVED

    @cached_property
    def is_moderator(self):
        # Cached on the instance: the admin's menu asks it once per item on every page
        # (request.user is loaded again for each request, so a new group shows then).
        return self.is_superuser or self.groups.filter(name=MODERATORS_GROUP).exists()


MODERATORS_GROUP = "Moderators"
INSTRUCTORS_GROUP = "Instructors"


class SupportAction(models.Model):
    """One thing support did for a person from the support panel, and why: the audit
    log. Written by accounts.support.services.perform, never edited."""

    by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("done by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="support_actions_done",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    person = models.ForeignKey(
        "accounts.User",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="support_actions",
    )
    action = models.CharField(_("action"), max_length=30)
    reason = models.CharField(_("reason"), max_length=255)
    # What the action was done to, as its app names it ("order BSA-2026-0042").
    target = models.CharField(_("target"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("support action")
        verbose_name_plural = _("support actions")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "-at"])]

    def __str__(self):
        return f"{self.action} · {self.person_id} · {self.at:%Y-%m-%d %H:%M}"
