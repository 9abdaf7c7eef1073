"""The visibility every reportable object carries, written by community.reports and read
by the apps that own the objects (forum posts, groups, course reviews, practice
videos): one set of values, where every app may import it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    VISIBLE = "", _("Visible")
    WAITING = "waiting", _("Hidden until a moderator decides")
    REMOVED = "removed", _("Hidden by a moderator")
