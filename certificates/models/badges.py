"""Badges (micro-credentials): moderators define them in the Wagtail admin, a task
awards each to a person once, when its rule first holds. An award copies the badge's
names and criteria in both languages at award time and keeps its signed Open Badges
3.0 credential, so later edits of the badge do not change what was awarded."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .. import rule_kinds


def _in_language(instance, field):
    language = "en" if (translation.get_language() or "").startswith("en") else "fr"
    return getattr(instance, f"{field}_{language}") or getattr(instance, f"{field}_fr")


def default_locale_pages():
    """Choices limited to pages in the default locale (where learning state points)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Badge(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    criteria_fr = models.TextField(_("criteria (French)"), max_length=1000)
    criteria_en = models.TextField(_("criteria (English)"), max_length=1000)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    rule = models.CharField(_("rule"), max_length=40, choices=rule_kinds.choices)
    # Rule targets: which one counts depends on the rule (rule_kinds.RuleKind.uses).
    # Like all learning state they point at default-locale pages.
    courses = models.ManyToManyField(
        "course_pages.CoursePage",
        verbose_name=_("courses to complete"),
        blank=True,
        related_name="+",
        limit_choices_to=default_locale_pages,
    )
    curriculum = models.ForeignKey(
        "course_pages.CurriculumPage",
        verbose_name=_("curriculum to finish"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=default_locale_pages,
    )
    count = models.PositiveSmallIntegerField(
        _("how many times"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("For challenges won and mentoring given."),
    )
    is_active = models.BooleanField(
        _("awarded"), default=True, help_text=_("Untick to stop awarding this badge.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["name_fr"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="badge_count_at_least_one")
        ]

    def __str__(self):
        return self.name_fr

    @property
    def name(self):
        return _in_language(self, "name")

    @property
    def criteria(self):
        return _in_language(self, "criteria")

    @property
    def rule_kind(self):
        return rule_kinds.get(self.rule)


class BadgeAward(models.Model):
    # Same form and namespace as certificate IDs: one verification page for both.
    code = models.CharField(_("badge ID"), max_length=13, unique=True)
    badge = models.ForeignKey(
        Badge, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="badge_awards",
    )
    recipient_name = models.CharField(_("name of the holder"), max_length=300)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    criteria_fr = models.TextField(_("criteria (French)"))
    criteria_en = models.TextField(_("criteria (English)"))
    image_url = models.CharField(_("image address"), max_length=500, blank=True)
    awarded_at = models.DateTimeField(_("awarded"))
    # The Open Badges 3.0 credential, with its proof, exactly as signed.
    credential = models.JSONField(_("Open Badges credential"), default=dict)
    notified_at = models.DateTimeField(_("holder told"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revoking"), max_length=255, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(fields=["badge", "user"], name="one_award_per_badge_and_person")
        ]
        indexes = [models.Index(fields=["user", "revoked_at"])]

    def __str__(self):
        return f"{self.code} · {self.recipient_name} · {self.name_fr}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def name(self):
        return _in_language(self, "name")

    @property
    def criteria(self):
        return _in_language(self, "criteria")

    def get_verify_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("certificates:verify", args=[self.code])

    def get_credential_url(self):
        return reverse("certificates:badge_credential", args=[self.code])
