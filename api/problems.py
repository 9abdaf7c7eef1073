"""One shape for every API error: RFC 9457 problem details, in the caller's language.

{"type", "title", "status", "detail", "instance"} and, for invalid input, "errors"
(field name -> messages). Served as application/problem+json."""

import logging
from http import HTTPStatus

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Not signed in"),
    403: gettext_lazy("Not allowed"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Not acceptable"),
    413: gettext_lazy("Request too large"),
    415: gettext_lazy("Unsupported media type"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


class ServerError(exceptions.APIException):
    default_detail = gettext_lazy("Something went wrong on our side. Please try again later.")
    default_code = "server_error"


def problem_exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif not isinstance(exc, exceptions.APIException | Http404 | PermissionDenied):
        # Logged with its traceback; the caller learns nothing of our insides.
        logger.exception("API error", exc_info=exc)
        exc = ServerError()
    response = exception_handler(exc, context)
    request = context["request"]
    response.data = problem(
        response.status_code,
        detail=response.data,
        code=exc.get_codes() if isinstance(exc, exceptions.APIException) else None,
        instance=request.get_full_path(),
    )
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem(status_code, *, detail, code=None, instance=""):
    """The problem document for a DRF error's data (a message, or messages by field)."""
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
