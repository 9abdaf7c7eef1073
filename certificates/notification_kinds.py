"""What certificates tells people, registered with notifications (CertificatesConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

CERTIFICATE_READY = Kind("certificate_ready", _("Certificate ready"), "learning")

BADGE_AWARDED = Kind("badge_awarded", _("Badge earned"), "learning")

KINDS = (CERTIFICATE_READY, BADGE_AWARDED)
