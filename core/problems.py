"""RFC 9457 problem details: the one error shape of the JSON API (api/problems.py), also
used by the middleware that answers before any API view runs."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PROBLEM_CONTENT_TYPE = "application/problem+json"
API_PATH_PREFIX = "/api/"

TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Not signed in"),
    403: gettext_lazy("Not allowed"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Not acceptable"),
    409: gettext_lazy("Not possible now"),
    413: gettext_lazy("Request too large"),
    415: gettext_lazy("Unsupported media type"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
    503: gettext_lazy("Service unavailable"),
}


def is_api_request(request):
    return request.path.startswith(API_PATH_PREFIX)


def problem(status_code, *, detail, code=None, instance=""):
    """The problem document for a message, or for messages by field (under "errors")."""
    body = {
        "type": "about:blank",
        "title": str(TITLES.get(status_code, HTTPStatus(status_code).phrase)),
        "status": status_code,
        "detail": "",
        "instance": instance,
    }
    if isinstance(code, str):
        body["code"] = code
    if isinstance(detail, dict) and set(detail) == {"detail"}:
        detail = detail["detail"]
    if isinstance(detail, dict | list):
        body["detail"] = _("Some of what was sent is not valid: see errors.")
        body["errors"] = detail if isinstance(detail, dict) else {"non_field_errors": detail}
    else:
        body["detail"] = str(detail)
    return body


def problem_response(request, status_code, *, detail, code=None):
    return JsonResponse(
        problem(status_code, detail=detail, code=code, instance=request.get_full_path()),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
