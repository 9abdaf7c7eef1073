"""What the video service calls back, outside the language prefix and without a login:
the end of a meeting, its attendance, a recording ready. Each is checked as
BigBlueButton documents it (bbb_callbacks); a forged one is refused (401/403) and a
meeting we do not know gets 404, both changing nothing; a repeated one changes nothing
more. Answers are short JSON for the service's logs."""

import logging

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.rate_limits import rate_limit

from . import attendance, ending
from .errors import ForgedCallback, InvalidCallback
from .models import LiveSession
from .rooms import bbb_callbacks

logger = logging.getLogger(__name__)


def _refused(status, error):
    return JsonResponse({"error": error}, status=status)


def _session(meeting_id):
    return LiveSession.objects.filter(meeting_id=meeting_id).first()


def _unknown(kind, meeting_id):
    logger.warning("%s callback for an unknown meeting %r", kind, meeting_id)
    return _refused(404, "unknown meeting")


@csrf_exempt
@require_http_methods(["GET", "POST"])  # BigBlueButton documents a GET
@rate_limit("RATELIMIT_WEBHOOKS")
def meeting_ended(request, token):
    try:
        meeting_id = bbb_callbacks.read_end_token(token)
    except ForgedCallback as error:
        logger.warning("Refused an end callback: %s", error)
        return _refused(403, "forged callback: the signature does not match")
    session = _session(meeting_id)
    if session is None:
        return _unknown("End", meeting_id)
    ending.session_ended(session=session)
    return JsonResponse({"received": True})


@csrf_exempt
@require_POST
@rate_limit("RATELIMIT_WEBHOOKS")
def recording_ready(request):
    try:
        meeting_id, record_id = bbb_callbacks.read_recording_ready(request.POST)
    except ForgedCallback as error:
        logger.warning("Refused a recording-ready callback: %s", error)
        return _refused(401, "forged callback: the shared secret does not match")
    except InvalidCallback as error:
        return _refused(400, str(error))
    session = _session(meeting_id)
    if session is None:
        return _unknown("Recording-ready", meeting_id)
    row = ending.recording_ready(session=session, record_id=record_id)
    return JsonResponse({"received": True, "fetching": row is not None}, status=202)


@csrf_exempt
@require_POST
@rate_limit("RATELIMIT_WEBHOOKS")
def attendance_report(request):
    try:
        meeting_id, stays = bbb_callbacks.read_attendance(
            authorization=request.headers.get("Authorization", ""), body=request.body
        )
    except ForgedCallback as error:
        logger.warning("Refused an attendance callback: %s", error)
        return _refused(401, "forged callback: the shared secret does not match")
    except InvalidCallback as error:
        return _refused(400, str(error))
    session = _session(meeting_id)
    if session is None:
        return _unknown("Attendance", meeting_id)
    added = attendance.record_reported_stays(session=session, stays=stays)
    return JsonResponse({"received": True, "new_stays": added})
