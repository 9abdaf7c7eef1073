"""Certificate pages, included once under /fr/ and /en/ (cms/urls.py)."""

from django.urls import path

from . import views
from .transcripts import views as transcript_views

app_name = "certificates"

urlpatterns = [
    path("certificates/", views.my_certificates, name="mine"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="pdf"),
    path("certificates/<str:code>.json", views.certificate_credential, name="credential"),
    path("badges/<str:code>.json", views.badge_credential, name="badge_credential"),
    path("transcript/", transcript_views.my_transcript, name="my_transcript"),
    path("transcript/<str:token>/", transcript_views.transcript, name="transcript"),
    path("transcript/<str:token>.pdf", transcript_views.transcript_pdf, name="transcript_pdf"),
    path(
        "transcript/<str:token>.json", transcript_views.transcript_bundle, name="transcript_bundle"
    ),
    path("verify/", views.verify_index, name="verify_index"),
    path("verify/issuer", views.issuer, name="issuer"),
    path("verify/credential", views.verify_credential, name="verify_credential"),
    path("verify/<str:code>", views.verify_code, name="verify"),
    # Typed or pasted with a trailing slash, the address still verifies.
    path("verify/<str:code>/", views.verify_code),
]
