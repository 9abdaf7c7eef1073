"""The transcript as one signed JSON file: a W3C Verifiable Presentation holding each
shown credential exactly as signed, itself signed with the academy's key (the same
eddsa-jcs-2022 DataIntegrityProof), so nobody can add, drop or change a line."""

from django.conf import settings
from django.utils import timezone

from ..documents import VC_CONTEXT, sign_document
from .selectors import public_url


def signed_bundle(transcript, lines):
    document = {
        "@context": [VC_CONTEXT],
        "id": public_url(transcript),
        "type": ["VerifiablePresentation"],
        "name": f"{settings.WAGTAIL_SITE_NAME} — Relevé / Transcript",
        "verifiableCredential": [line.credential for line in lines],
    }
    return sign_document(document, created=timezone.now().replace(microsecond=0))
