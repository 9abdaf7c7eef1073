"""Room backends: BigBlueButton when LIVE_BBB_URL and LIVE_BBB_SECRET are set, else the
sandbox room page that stands in for video in `make run` and tests."""

from django.conf import settings

from .base import ATTENDEE, MODERATOR, Recording, RecordingTooLarge, RoomBackend, RoomInfo

__all__ = [
    "ATTENDEE",
    "MODERATOR",
    "Recording",
    "RecordingTooLarge",
    "RoomBackend",
    "RoomInfo",
    "rooms",
]


def rooms():
    if settings.LIVE_BBB_URL and settings.LIVE_BBB_SECRET:
        from .bigbluebutton import BigBlueButtonRooms

        return BigBlueButtonRooms(
            url=settings.LIVE_BBB_URL,
            secret=settings.LIVE_BBB_SECRET,
            timeout=settings.LIVE_BBB_TIMEOUT,
            download_timeout=settings.LIVE_RECORDING_TIMEOUT,
        )
    from .sandbox import SandboxRooms

    return SandboxRooms()
