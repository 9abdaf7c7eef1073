"""A badge award as an Open Badges 3.0 credential (a W3C Verifiable Credential of type
OpenBadgeCredential), signed like certificates: a DataIntegrityProof with the
eddsa-jcs-2022 cryptosuite and the academy's Ed25519 key (certificates.documents)."""

import uuid

from django.conf import settings

from ..documents import (
    OB_CONTEXT,
    VC_CONTEXT,
    absolute,
    check_credential,
    issuer_id,
    sign_document,
    utc,
)

IMAGE_RENDITION = "fill-256x256|format-png"


def achievement_id(slug):
    """A stable URN for a badge definition, whatever its names become."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, issuer_id() + '#badge-' + slug)}"


def image_url(badge):
    """The badge picture's absolute address (a PNG rendition, which every reader shows)."""
    url = badge.image.get_rendition(IMAGE_RENDITION).url
    return url if url.startswith("http") else absolute(url)


def public_verify_url(award):
    return absolute(award.get_verify_url(settings.LANGUAGE_CODE))


def unsigned_credential(award):
    achievement = {
        "id": achievement_id(award.badge.slug),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": award.name_fr,
        "inLanguage": "fr",
        "description": f"{award.name_fr} / {award.name_en}",
        "criteria": {"narrative": f"{award.criteria_fr} / {award.criteria_en}"},
    }
    if award.image_url:
        achievement["image"] = {"id": award.image_url, "type": "Image"}
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": public_verify_url(award),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{settings.WAGTAIL_SITE_NAME} — {award.name_fr}",
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": settings.WAGTAIL_SITE_NAME,
            "url": absolute("/"),
        },
        "validFrom": utc(award.awarded_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": award.recipient_name,
                }
            ],
            "achievement": achievement,
        },
    }


def signed_credential(award):
    return sign_document(unsigned_credential(award), created=award.awarded_at)


def signature_matches(award):
    """True when the stored credential is ours, unchanged, and says what the row says."""
    stored = dict(award.credential or {})
    if check_credential(stored).status != "valid":
        return False
    stored.pop("proof")
    return stored == unsigned_credential(award)
