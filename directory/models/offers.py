"""What a professional sells: services with a duration, a price and a deposit."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Service(models.Model):
    """A plain row on the default-locale professional page, shared by both languages."""

    class DepositKind(models.TextChoices):
        FIXED = "fixed", _("Fixed amount (FCFA)")
        PERCENT = "percent", _("Percentage of the price")

    professional = models.ForeignKey(
        "directory.ProfessionalPage",
        verbose_name=_("professional"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    category = models.ForeignKey(
        "directory.ServiceCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    price_xaf = models.PositiveIntegerField(_("price (FCFA)"))
    deposit_kind = models.CharField(
        _("deposit"), max_length=8, choices=DepositKind, default=DepositKind.FIXED
    )
    deposit_value = models.PositiveIntegerField(_("deposit amount or percentage"), default=0)
    is_online = models.BooleanField(_("online consultation"), default=False)
    is_active = models.BooleanField(_("offered"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["price_xaf", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5, duration_minutes__lte=24 * 60),
                name="service_duration_5min_to_1day",
            ),
            models.CheckConstraint(
                condition=(
                    Q(deposit_kind="fixed", deposit_value__lte=models.F("price_xaf"))
                    | Q(deposit_kind="percent", deposit_value__lte=100)
                ),
                name="service_deposit_within_price",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr

    def deposit_xaf(self):
        """The deposit in whole francs (a percentage rounds half up)."""
        if self.deposit_kind == self.DepositKind.PERCENT:
            return (self.price_xaf * self.deposit_value + 50) // 100
        return min(self.deposit_value, self.price_xaf)
