"""Refusals a person may see: each carries a translated message and changes nothing."""


class LiveError(Exception):
    """A refused live-session action. `message` is safe to show to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(LiveError):
    """The person may not do this (not the course's instructor, not registered…)."""


class InvalidInput(LiveError):
    """What the person sent is refused: a time in the past, an overlap, a bad capacity."""


class NotNow(LiveError):
    """Right action, wrong time: the room is not open yet, or the session is over."""


class RoomError(Exception):
    """The video service did not answer as documented (never shown as is)."""


class ForgedCallback(Exception):
    """A callback without the video service's signature: refused, nothing changes."""


class InvalidCallback(Exception):
    """A signed callback whose content is not what the video service documents."""
