"""Refusals a person may see: each carries a translated message and changes nothing."""


class BookingError(Exception):
    """A refused booking action. `message` is safe to show to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class SlotUnavailable(BookingError):
    """The time is in the past, outside the opening hours, or just taken."""


class NotAllowed(BookingError):
    """The person may not do this to this booking, or not in its current state."""


class SlotTaken(SlotUnavailable):
    """Someone else booked the slot first."""


class CallClosed(BookingError):
    """The video call is not open now: too early, over, unpaid or cancelled."""
