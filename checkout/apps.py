from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckoutConfig(AppConfig):
    name = "checkout"
    verbose_name = _("Payments")

    def ready(self):
        from . import purchasables

        purchasables.load_fulfillers()
