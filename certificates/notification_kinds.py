"""What certificates tells people, registered with notifications (CertificatesConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

CERTIFICATE_READY = Kind("certificate_ready", _("Certificate ready"), "learning")

KINDS = (CERTIFICATE_READY,)
