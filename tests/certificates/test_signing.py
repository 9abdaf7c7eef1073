"""Signatures anyone can check with the published key, and the Open Badges credential."""

import base64
import copy
import hashlib
import json

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from certificates import documents, signing
from certificates.models import Certificate


def jcs(value):
    """RFC 8785 for our documents, written apart from the code under test."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def published_key(client):
    profile = client.get("/en/verify/issuer").json()
    [method] = profile["verificationMethod"]
    raw = signing.multibase_decode(method["publicKeyMultibase"])
    assert raw[:2] == b"\xed\x01"
    return method["id"], Ed25519PublicKey.from_public_bytes(raw[2:])


def test_the_issuer_profile_publishes_the_public_key_to_anyone(client, db):
    response = client.get("/fr/verify/issuer")

    assert response.status_code == 200
    profile = response.json()
    assert profile["type"] == ["Profile"]
    assert profile["id"] == "http://testserver/fr/verify/issuer"
    assert profile["verificationMethod"][0]["type"] == "Multikey"
    assert profile["verificationMethod"][0]["publicKeyMultibase"].startswith("z6Mk")


def test_the_certificate_data_signature_checks_out_with_the_published_key(client, certificate):
    _, key = published_key(client)
    data = documents.signed_data(certificate)

    key.verify(signing.multibase_decode(certificate.signature), jcs(data))
    assert data["student"] == "Linda Tchoua"
    assert data["certificate"] == certificate.code
    assert data["course"]["title"] == {"fr": "Teint parfait", "en": "Flawless complexion"}


def test_a_changed_column_no_longer_matches_its_signature(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(student_name="Someone Else")

    assert documents.data_signature_matches(Certificate.objects.get(pk=certificate.pk)) is False


def test_the_credential_has_the_open_badges_3_shape(certificate):
    credential = certificate.credential

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"http://testserver/fr/verify/{certificate.code}"
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["issuer"]["name"] == "Beauty Skills Academy"
    assert credential["validFrom"].endswith("Z")
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Teint parfait"
    assert "Prepare the skin" in achievement["description"]
    assert "Flawless complexion" in achievement["criteria"]["narrative"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Linda Tchoua"
    assert "linda@example.cm" not in json.dumps(credential)
    proof = credential["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["proofValue"].startswith("z")


def test_the_credential_proof_verifies_as_the_readme_says(client, certificate):
    method_id, key = published_key(client)
    credential = copy.deepcopy(certificate.credential)
    proof = credential.pop("proof")
    proof_value = proof.pop("proofValue")

    assert proof["verificationMethod"] == method_id
    signed = hashlib.sha256(jcs(proof)).digest() + hashlib.sha256(jcs(credential)).digest()
    key.verify(signing.multibase_decode(proof_value), signed)


def test_a_configured_key_is_used_instead_of_the_development_key(settings, tmp_path):
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    settings.CERTIFICATE_SIGNING_KEY = base64.b64encode(seed).decode()
    signing.signing_key.cache_clear()
    try:
        signature = signing.sign(b"bonjour")
        key.public_key().verify(signature, b"bonjour")
    finally:
        signing.signing_key.cache_clear()


def test_the_development_key_is_made_once_and_kept(settings, tmp_path):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_DEV_KEY_FILE = tmp_path / "var" / "key.pem"
    signing.signing_key.cache_clear()
    try:
        first = signing.public_key_multibase()
        signing.signing_key.cache_clear()
        again = signing.public_key_multibase()
    finally:
        signing.signing_key.cache_clear()

    assert first == again
    assert settings.CERTIFICATE_DEV_KEY_FILE.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert oct(settings.CERTIFICATE_DEV_KEY_FILE.stat().st_mode)[-3:] == "600"


def test_base58_round_trips_leading_zeros():
    for data in [b"", b"\0", b"\0\0abc", bytes(range(256))]:
        assert signing.base58btc_decode(signing.base58btc_encode(data)) == data
    assert signing.base58btc_encode(b"hello world") == "StV1DL6CwTryKyV"
