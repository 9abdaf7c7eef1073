"""Issued certificates: a snapshot of what was certified, signed, with its PDF.

Like all learning state it points at the course page in the default locale; the titles
and skills are copied in both languages at issue time, so later edits of the course do
not change what was certified (and the signature keeps matching)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.private_storage import private_storage
from course_pages.models import CertificateDesign
from enrolment.assessments.grades import Grade


class Certificate(models.Model):
    code = models.CharField(_("certificate ID"), max_length=13, unique=True)
    enrolment = models.OneToOneField(
        "enrolment.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    student_name = models.CharField(_("name of the student"), max_length=300)
    course_title_fr = models.CharField(_("course title (French)"), max_length=255)
    course_title_en = models.CharField(_("course title (English)"), max_length=255)
    instructor_name = models.CharField(_("instructor"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    # {"fr": [...], "en": [...]}: the course's learning outcomes at issue time.
    skills = models.JSONField(_("skills learnt"), default=dict)
    design = models.CharField(
        _("design"), max_length=10, choices=CertificateDesign, default=CertificateDesign.CLASSIC
    )
    # Set when the course required a final assessment: the band its combined score earned.
    grade_band = models.CharField(
        _("grade (final assessment)"), max_length=12, choices=Grade, blank=True
    )
    assessment_score = models.PositiveSmallIntegerField(
        _("final assessment score (%)"), null=True, blank=True
    )
    issued_at = models.DateTimeField(_("issued"))
    # Multibase (base58btc) Ed25519 signature over signed_data() — see README "Certificates".
    signature = models.CharField(_("signature"), max_length=120)
    # The Open Badges 3.0 credential, with its proof, exactly as signed.
    credential = models.JSONField(_("Open Badges credential"), default=dict)
    pdf = models.FileField(
        _("PDF"), upload_to="certificates/%Y/", storage=private_storage, blank=True
    )
    notified_at = models.DateTimeField(_("student told"), null=True, blank=True)
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
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_certificate_per_course")
        ]

    def __str__(self):
        return f"{self.code} · {self.student_name} · {self.course_title_fr}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_assessed(self):
        return bool(self.grade_band)

    @property
    def course_title(self):
        """The course title in the active language."""
        if (translation.get_language() or "").startswith("en"):
            return self.course_title_en or self.course_title_fr
        return self.course_title_fr

    @property
    def skills_shown(self):
        """The skills in the active language."""
        language = "en" if (translation.get_language() or "").startswith("en") else "fr"
        return self.skills.get(language) or self.skills.get("fr", [])

    def get_verify_url(self, language=None):
        """The public verification path, in `language` or the active one."""
        with translation.override(language or translation.get_language()):
            return reverse("certificates:verify", args=[self.code])

    def get_pdf_url(self):
        return reverse("certificates:pdf", args=[self.code])

    def get_credential_url(self):
        return reverse("certificates:credential", args=[self.code])
