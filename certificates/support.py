"""Certificates on the support panel: a person's certificates, sending the certificate
e-mail again and revoking one (registered with accounts.support from
CertificatesConfig.ready)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.support import registry

from . import selectors, services
from .errors import CertificateError
from .models import Certificate


def _find(person, target_id):
    return Certificate.objects.filter(user=person, code=target_id).first()


def _describe(certificate, data):
    return _("Certificate %(code)s (%(course)s)") % {
        "code": certificate.code,
        "course": certificate.course_title,
    }


def _valid(certificate, data, consequence):
    if certificate.is_revoked:
        raise registry.ActionRefused(_("This certificate is already revoked."))
    return consequence


def _resend(*, person, target, reason, by, data):
    try:
        services.resend_to_owner(certificate=target)
    except CertificateError as error:
        raise registry.ActionRefused(error.message) from error
    return _("The certificate e-mail is on its way to %(person)s.") % {"person": person}


def _revoke(*, person, target, reason, by, data):
    try:
        services.revoke(certificate=target, reason=reason, revoked_by=by)
    except CertificateError as error:
        raise registry.ActionRefused(error.message) from error
    return _("Certificate %(code)s is revoked.") % {"code": target.code}


def register():
    registry.register_section(
        registry.Section(
            key="certificates",
            label=gettext_lazy("Certificates"),
            template="certificates/support/section.html",
            load=lambda person: {"certificates": list(selectors.certificates_of(user=person))},
            order=30,
        )
    )
    registry.register_action(
        registry.Action(
            key="resend_certificate",
            label=gettext_lazy("Resend the certificate e-mail"),
            find=_find,
            describe=_describe,
            consequence=lambda certificate, data: _valid(
                certificate,
                data,
                _("The e-mail with the download link is sent to the person again."),
            ),
            perform=_resend,
        )
    )
    registry.register_action(
        registry.Action(
            key="revoke_certificate",
            label=gettext_lazy("Revoke the certificate"),
            find=_find,
            describe=_describe,
            consequence=lambda certificate, data: _valid(
                certificate,
                data,
                _(
                    "The certificate stops being valid for good; the public verification "
                    "page shows your reason."
                ),
            ),
            perform=_revoke,
        )
    )
