"""Grade bands of a final assessment: the one place their thresholds are set."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Grade(models.TextChoices):
    PASS = "pass", pgettext_lazy("grade band", "Pass")
    MERIT = "merit", pgettext_lazy("grade band", "Merit")
    DISTINCTION = "distinction", pgettext_lazy("grade band", "Distinction")


# The lowest combined score (%) of each band, highest band first. A passed assessment
# is at least a Pass, whatever its combined score.
BANDS = [(85, Grade.DISTINCTION), (70, Grade.MERIT), (0, Grade.PASS)]


def band_for(score):
    return next(grade for lowest, grade in BANDS if score >= lowest)


def combined_score(*, exam, practical):
    """The exam and the practical part weigh the same; without a graded practical
    part, the exam score alone."""
    return exam if practical is None else round((exam + practical) / 2)
