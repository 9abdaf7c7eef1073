"""One shape for every API error: RFC 9457 problem details, in the caller's language.

{"type", "title", "status", "detail", "instance"} and, for invalid input, "errors"
(field name -> messages). Served as application/problem+json."""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from core.problems import PROBLEM_CONTENT_TYPE, problem

logger = logging.getLogger(__name__)


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


class Conflict(exceptions.APIException):
    """Refused by the state of things (a slot just taken, an order already paid), not by
    how the request was written: the same request may work another time."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("This is not possible now.")
    default_code = "conflict"


class ProviderDown(exceptions.APIException):
    """A payment provider did not answer: try again in a minute."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "provider_unavailable"


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
