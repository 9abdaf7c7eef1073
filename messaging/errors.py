"""Refusals a person may see: each carries a translated message and changes nothing."""


class MessagingError(Exception):
    """A refused messaging action. `message` is safe to show to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(MessagingError):
    """The person may not write to this person (no shared course, booking, enquiry;
    a block either way)."""


class InvalidMessage(MessagingError):
    """The message itself is refused: empty, too long, not a photo, a voice note too
    big or too long, a link from a new account."""


class TooFast(MessagingError):
    """Over the per-person rate limit or the new-account limits."""
