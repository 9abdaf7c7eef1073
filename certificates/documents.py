"""What the academy signs: the certificate data and its Open Badges 3.0 credential.

Both are plain JSON built from the certificate's snapshot; README "Certificates"
documents them field by field so anyone can check a signature without our code."""

import hashlib
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from enrolment.assessments.grades import Grade

from . import signing
from .codes import normalise

DATA_VERSION = 1
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CRYPTOSUITE = "eddsa-jcs-2022"
KEY_FRAGMENT = "#key-1"


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def absolute(path):
    return settings.CERTIFICATE_PUBLIC_BASE_URL.rstrip("/") + path


def issuer_id():
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("certificates:issuer"))


def verification_method():
    return issuer_id() + KEY_FRAGMENT


def public_verify_url(certificate):
    """The absolute verification URL printed as the QR code (default language)."""
    return absolute(certificate.get_verify_url(settings.LANGUAGE_CODE))


# --- The certificate data ---------------------------------------------------------------


def signed_data(certificate):
    """The certificate data the `signature` column signs (as canonical JSON). An
    assessed certificate adds "assessment"; the others sign exactly what they did."""
    data = {
        "academy": settings.WAGTAIL_SITE_NAME,
        "certificate": certificate.code,
        "course": {
            "key": str(certificate.course.translation_key),
            "title": {"fr": certificate.course_title_fr, "en": certificate.course_title_en},
        },
        "hours": str(certificate.hours),
        "instructor": certificate.instructor_name,
        "issued": utc(certificate.issued_at),
        "skills": {
            "fr": list(certificate.skills.get("fr", [])),
            "en": list(certificate.skills.get("en", [])),
        },
        "student": certificate.student_name,
        "version": DATA_VERSION,
    }
    if certificate.is_assessed:
        data["assessment"] = {
            "grade": certificate.grade_band,
            "score": certificate.assessment_score,
        }
    return data


def sign_data(certificate):
    return signing.multibase_encode(signing.sign(signing.canonical_json(signed_data(certificate))))


def data_signature_matches(certificate):
    """True when the stored signature still matches the certificate's columns."""
    try:
        signature = signing.multibase_decode(certificate.signature)
    except ValueError:
        return False
    return signing.verify(signature, signing.canonical_json(signed_data(certificate)))


# --- The Open Badges 3.0 credential -----------------------------------------------------


def issuer_profile():
    """The issuer (an Open Badges Profile) with the public key that checks our proofs."""
    profile_id = issuer_id()
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": profile_id,
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute("/"),
        "verificationMethod": [
            {
                "id": verification_method(),
                "type": "Multikey",
                "controller": profile_id,
                "publicKeyMultibase": signing.public_key_multibase(),
            }
        ],
    }


def unsigned_credential(certificate):
    titles = {"fr": certificate.course_title_fr, "en": certificate.course_title_en}
    skills = certificate.skills
    hours = str(certificate.hours)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": public_verify_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{settings.WAGTAIL_SITE_NAME} — {titles['fr']}",
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": settings.WAGTAIL_SITE_NAME,
            "url": absolute("/"),
        },
        "validFrom": utc(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.student_name,
                }
            ],
            "achievement": {
                "id": f"urn:uuid:{certificate.course.translation_key}",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": titles["fr"],
                "inLanguage": "fr",
                "description": _bilingual_description(titles, skills, hours),
                "criteria": {
                    "narrative": (
                        f"Toutes les leçons obligatoires de « {titles['fr']} » terminées "
                        f"({hours} h), formateur·rice : {certificate.instructor_name}. / "
                        f"Completed every required lesson of “{titles['en']}” "
                        f"({hours} h), instructor: {certificate.instructor_name}."
                        + _assessment_narrative(certificate)
                    )
                },
            },
            **_assessment_result(certificate),
        },
    }


def grade_in(language, band):
    """A grade band's name in `language` ("" for none)."""
    if not band:
        return ""
    with translation.override(language):
        return str(Grade(band).label)


def _assessment_narrative(certificate):
    if not certificate.is_assessed:
        return ""
    score = certificate.assessment_score
    return (
        f" Évaluation finale réussie : {grade_in('fr', certificate.grade_band)} ({score} %). /"
        f" Final assessment passed: {grade_in('en', certificate.grade_band)} ({score} %)."
    )


def _assessment_result(certificate):
    """The grade as an Open Badges 3.0 Result of the subject, when assessed."""
    if not certificate.is_assessed:
        return {}
    return {"result": [{"type": ["Result"], "value": certificate.grade_band}]}


def _bilingual_description(titles, skills, hours):
    fr = "; ".join(skills.get("fr", [])) or titles["fr"]
    en = "; ".join(skills.get("en", [])) or titles["en"]
    return f"Compétences : {fr}. / Skills: {en}."


def _hash_data(proof_config, document):
    return (
        hashlib.sha256(signing.canonical_json(proof_config)).digest()
        + hashlib.sha256(signing.canonical_json(document)).digest()
    )


def sign_document(document, *, created):
    """`document` with a DataIntegrityProof (cryptosuite eddsa-jcs-2022) by our key:
    certificates, badges and transcript bundles are all signed this way."""
    proof = {
        "@context": document["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": utc(created),
        "verificationMethod": verification_method(),
        "proofPurpose": "assertionMethod",
    }
    signature = signing.sign(_hash_data(proof, document))
    return {**document, "proof": {**proof, "proofValue": signing.multibase_encode(signature)}}


def signed_credential(certificate):
    return sign_document(unsigned_credential(certificate), created=certificate.issued_at)


@dataclass(frozen=True)
class CredentialCheck:
    """The outcome of checking a pasted credential: `status` is one of
    "valid", "tampered" (our key, wrong signature), "foreign" (not signed by us)
    or "malformed"; `code` is the certificate ID it names, when it names one."""

    status: str
    code: str | None = None


def check_credential(document):
    if not isinstance(document, dict) or not isinstance(document.get("proof"), dict):
        return CredentialCheck("malformed")
    proof = dict(document["proof"])
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    code = normalise(str(unsecured.get("id", "")).rstrip("/").rsplit("/", 1)[-1])
    if (
        proof.get("type") != "DataIntegrityProof"
        or proof.get("cryptosuite") != CRYPTOSUITE
        or proof.get("verificationMethod") != verification_method()
    ):
        return CredentialCheck("foreign", code)
    try:
        signature = signing.multibase_decode(proof.pop("proofValue", None))
    except ValueError:
        return CredentialCheck("tampered", code)
    if proof.get("@context") != unsecured.get("@context"):
        return CredentialCheck("tampered", code)
    if not signing.verify(signature, _hash_data(proof, unsecured)):
        return CredentialCheck("tampered", code)
    return CredentialCheck("valid", code)
