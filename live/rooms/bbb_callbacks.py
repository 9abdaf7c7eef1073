"""What BigBlueButton calls back, checked the way its documentation says, and the
callback URLs we hand it on `create` (docs.bigbluebutton.org, API Reference, "create").

- End of the meeting (`meta_endCallbackUrl`): a plain GET that BigBlueButton does not
  sign; it adds `recordingmarks=true|false`. The meeting ID is in every join link, so
  the URL carries our own signature of it: nobody else can make a working one.
- Recording ready (`meta_bbb-recording-ready-url`): a POST whose `signed_parameters` is
  a JWT (HS256, signed with the shared secret) holding `meeting_id` and `record_id`.
- Attendance (`meta_analytics-callback-url`): after the meeting, a POST of the learning
  dashboard's JSON (each attendee's `ext_user_id` — our user id, given on join —,
  `joins` and `leaves`) with `Authorization: Bearer <JWT>`, a JWT of
  `{"exp": …}` signed with the shared secret (HS512 in BigBlueButton's sender)."""

import json
from dataclasses import dataclass
from datetime import datetime

import jwt
from django.conf import settings
from django.core import signing
from django.urls import reverse

from core.public_urls import absolute_url

from ..errors import ForgedCallback, InvalidCallback

END_SALT = "live.bbb-end-callback"
# BigBlueButton signs with HMAC only; "none" and public-key algorithms are never taken.
RECORDING_ALGORITHMS = ["HS256"]
ANALYTICS_ALGORITHMS = ["HS512", "HS384", "HS256"]
TIME_FORMAT = "%Y-%m-%d %H:%M:%S %z"  # as bbbevents writes it: 2024-03-15 18:02:11 +0100


@dataclass(frozen=True)
class Stay:
    user_id: int
    joined_at: datetime
    left_at: datetime


def _absolute(path):
    return absolute_url(path, origin=settings.LIVE_PUBLIC_BASE_URL)


def end_token(meeting_id):
    return signing.Signer(salt=END_SALT).sign(meeting_id)


def callback_params(session):
    """The create parameters that ask for our three callbacks."""
    params = {
        "meta_endCallbackUrl": _absolute(
            reverse("live_callbacks:ended", args=[end_token(session.meeting_id)])
        ),
        "meta_analytics-callback-url": _absolute(reverse("live_callbacks:attendance")),
        # The attendance report needs the meeting's events kept, recorded or not.
        "meetingKeepEvents": "true",
    }
    if session.allow_recording:
        params["meta_bbb-recording-ready-url"] = _absolute(
            reverse("live_callbacks:recording_ready")
        )
    return params


def read_end_token(token):
    """The meeting ID our end-callback URL was made for."""
    try:
        return signing.Signer(salt=END_SALT).unsign(token)
    except signing.BadSignature as error:
        raise ForgedCallback("end callback: bad signature") from error


def _secret():
    # Without a configured server, no signature can be right (an empty key would let
    # anyone sign).
    if not settings.LIVE_BBB_SECRET:
        raise ForgedCallback("no BigBlueButton server is configured")
    return settings.LIVE_BBB_SECRET


def read_recording_ready(post):
    """(meeting_id, record_id) from the recording-ready POST's form fields."""
    token = post.get("signed_parameters", "")
    if not token:
        raise InvalidCallback("recording ready: signed_parameters is missing")
    try:
        claims = jwt.decode(token, _secret(), algorithms=RECORDING_ALGORITHMS)
    except jwt.InvalidTokenError as error:
        raise ForgedCallback(f"recording ready: {error}") from error
    meeting_id, record_id = claims.get("meeting_id"), claims.get("record_id")
    if not isinstance(meeting_id, str) or not isinstance(record_id, str) or not record_id:
        raise InvalidCallback("recording ready: meeting_id and record_id are required")
    return meeting_id, record_id


def read_attendance(*, authorization, body):
    """(meeting_id, [Stay]) from the analytics callback's header and JSON body."""
    scheme, _sep, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ForgedCallback("attendance: no bearer token")
    try:
        jwt.decode(token, _secret(), algorithms=ANALYTICS_ALGORITHMS, options={"require": ["exp"]})
    except jwt.InvalidTokenError as error:
        raise ForgedCallback(f"attendance: {error}") from error
    try:
        report = json.loads(body)
        meeting_id = report["meeting_id"]
        data = report["data"]
        attendees = data["attendees"]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidCallback("attendance: not the learning dashboard's JSON") from error
    if not isinstance(meeting_id, str) or not isinstance(attendees, list):
        raise InvalidCallback("attendance: meeting_id and attendees are required")
    finish = _time(data.get("finish"))
    stays = []
    for attendee in attendees:
        stays.extend(_stays(attendee, finish))
    return meeting_id, stays


def _stays(attendee, finish):
    """One Stay per join, closed by the first leave after it (or the meeting's end).
    People who came in without our join link (no numeric ext_user_id) are skipped."""
    if not isinstance(attendee, dict):
        raise InvalidCallback("attendance: an attendee is not an object")
    try:
        user_id = int(str(attendee.get("ext_user_id", "")))
    except ValueError:
        return []
    joins = sorted(_times(attendee.get("joins")))
    leaves = sorted(_times(attendee.get("leaves")))
    stays = []
    for index, joined_at in enumerate(joins):
        following = joins[index + 1] if index + 1 < len(joins) else None
        left_at = next(
            (t for t in leaves if t >= joined_at and (following is None or t <= following)),
            finish if finish and finish >= joined_at else joined_at,
        )
        stays.append(Stay(user_id, joined_at, left_at))
    return stays


def _times(values):
    if not isinstance(values, list):
        raise InvalidCallback("attendance: joins and leaves must be lists")
    return [_time(value, required=True) for value in values]


def _time(value, *, required=False):
    if value in (None, "") and not required:
        return None
    if not isinstance(value, str):
        raise InvalidCallback(f"attendance: {value!r} is not a time")
    try:
        moment = datetime.strptime(value, TIME_FORMAT)
    except ValueError:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as error:
            raise InvalidCallback(f"attendance: {value!r} is not a time") from error
    if moment.tzinfo is None:
        raise InvalidCallback(f"attendance: {value!r} has no time zone")
    return moment
