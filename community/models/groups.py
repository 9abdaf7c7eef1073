"""Study groups and who is in them. A group in a town is that town's local chapter;
a group without a town meets online. The speciality points at the course category in
the default locale (state follows the content, not the language)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .moderation import Moderated


class Group(Moderated):
    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")

    name = models.CharField(_("name"), max_length=80)
    # Made from the name on save: the group's address reads /groups/<id>-<slug>/.
    slug = models.SlugField(_("slug"), max_length=80, blank=True)
    description = models.TextField(_("description"), max_length=2000)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    speciality = models.ForeignKey(
        "course_pages.CourseCategory",
        verbose_name=_("speciality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    town = models.ForeignKey(
        "directory.Town",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_open = models.BooleanField(_("open to all"), default=True)
    # Learning points (enrolment.motivation) are private unless the owner chooses to show
    # them to the members: never a ranking, never outside the group.
    shows_points = models.BooleanField(_("members see each other's points"), default=False)
    # Handed over, never left empty while others remain; null once the owner's
    # account is deleted (a moderator hands the group to a member).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_groups",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("study group")
        verbose_name_plural = _("study groups")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["town", "speciality", "language"]),
            models.Index(fields=["visibility", "created_at"]),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = slugify(self.name)[:80] or "groupe"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("community:group", args=[self.pk, self.slug])

    @property
    def is_local_chapter(self):
        return self.town_id is not None


class Membership(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        MEMBER = "member", _("Member")
        DECLINED = "declined", _("Request declined")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    # A deleted account leaves its groups: nothing personal stays.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status)
    created_at = models.DateTimeField(_("asked or joined"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_person")
        ]
        indexes = [models.Index(fields=["group", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} in {self.group}: {self.status}"
