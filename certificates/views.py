"""Public verification pages, the issuer's key, and the owner's downloads."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from core.private_files import serve_private

from . import codes, documents, ratelimit, selectors, services
from .badges import documents as badge_documents
from .badges import selectors as badge_selectors
from .forms import CodeForm, CredentialForm


@login_required
def my_certificates(request):
    certificates = list(selectors.certificates_of(user=request.user))
    badges = list(badge_selectors.badges_of(user=request.user))
    return render(
        request,
        "certificates/my_certificates.html",
        {"certificates": certificates, "badges": badges},
    )


def _downloadable(request, code):
    """The certificate if this person may download it; 404 for everyone else, so that
    IDs cannot be probed through the download URLs."""
    certificate = selectors.find(codes.normalise(code))
    if certificate is None or not selectors.can_download(
        user=request.user, certificate=certificate
    ):
        raise Http404
    return certificate


@login_required
@require_safe
def certificate_pdf(request, code):
    certificate = _downloadable(request, code)
    services.ensure_pdf(certificate=certificate)
    response = serve_private(request, certificate.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificate.code}.pdf"'
    # Not the day-long private caching of lesson media: a revoked certificate must not
    # stay on a shared phone.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def certificate_credential(request, code):
    certificate = _downloadable(request, code)
    response = JsonResponse(certificate.credential, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{certificate.code}.json"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_safe
def badge_credential(request, code):
    award = badge_selectors.find(codes.normalise(code))
    if award is None or not badge_selectors.can_download(user=request.user, award=award):
        raise Http404
    response = JsonResponse(award.credential, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{award.code}.json"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def issuer(request):
    """The issuer's Open Badges Profile, with the public key that checks our signatures."""
    response = JsonResponse(documents.issuer_profile(), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _rate_limited(request):
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = str(ratelimit.retry_after_seconds())
    return response


def _verify_page(request, context, status=200):
    context.setdefault("code_form", CodeForm())
    context.setdefault("credential_form", CredentialForm())
    response = render(request, "certificates/verify.html", context, status=status)
    # A revocation must show at once: nobody keeps an old answer.
    patch_cache_control(response, no_cache=True, no_store=True)
    return response


@require_safe
def verify_index(request):
    """The verification forms; a typed ID lands on its own page, normalised."""
    if "code" not in request.GET:
        return _verify_page(request, {})
    form = CodeForm(request.GET)
    if form.is_valid():
        return redirect("certificates:verify", form.cleaned_data["code"])
    return _verify_page(request, {"code_form": form}, status=400)


@require_safe
def verify_code(request, code):
    normalised = codes.normalise(code)
    if normalised is not None and normalised != code:
        return redirect("certificates:verify", normalised, permanent=True)
    if not ratelimit.spend_lookup(request):
        return _rate_limited(request)
    if normalised is None:
        return _verify_page(request, {"status": "malformed", "typed": code[:40]}, status=404)
    context = _record_context(normalised)
    if context is None:
        return _verify_page(request, {"status": "unknown", "typed": normalised}, status=404)
    return _verify_page(request, context)


def _record_context(code):
    """What the page says of the certificate or badge with this ID; None when unknown
    (both share one ID space)."""
    certificate = selectors.find(code)
    if certificate is not None:
        return {
            "status": "revoked" if certificate.is_revoked else "valid",
            "certificate": certificate,
            "signature_ok": documents.data_signature_matches(certificate),
        }
    award = badge_selectors.find(code)
    if award is not None:
        return {
            "status": "revoked" if award.is_revoked else "valid",
            "award": award,
            "signature_ok": badge_documents.signature_matches(award),
        }
    return None


def _bundle_items(document):
    """Each credential of a signed transcript bundle, checked on its own."""
    items = []
    for credential in document.get("verifiableCredential") or []:
        check = documents.check_credential(credential)
        record = _record_context(check.code) if check.status == "valid" else None
        items.append({"check": check, "record": record, "name": _name_of(credential)})
    return items


def _name_of(credential):
    if not isinstance(credential, dict):
        return ""
    subject = credential.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    name = achievement.get("name") if isinstance(achievement, dict) else None
    return str(name or credential.get("name") or "")[:200]


@require_POST
def verify_credential(request):
    if not ratelimit.spend_lookup(request):
        return _rate_limited(request)
    form = CredentialForm(request.POST, request.FILES)
    if not form.is_valid():
        return _verify_page(request, {"credential_form": form}, status=400)
    document = form.cleaned_data["document"]
    check = documents.check_credential(document)
    context = {"credential_status": check.status}
    if check.status == "valid" and "VerifiablePresentation" in (document.get("type") or []):
        context["bundle_items"] = _bundle_items(document)
    elif check.status == "valid":
        record = _record_context(check.code)
        if record is None:
            context["credential_status"] = "unknown"
        else:
            context.update(record)
    return _verify_page(request, context, status=200 if check.status == "valid" else 400)
