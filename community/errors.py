"""Refusals a person may see: each carries a translated message and changes nothing."""


class CommunityError(Exception):
    """A refused community action. `message` is safe to show to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(CommunityError):
    """The person may not do this here (not a member, not the owner, a closed group)."""


class InvalidInput(CommunityError):
    """What the person sent is refused: empty, too long, not a photo, not a phone."""


class TooFast(CommunityError):
    """Over the per-person rate limit or the new-member limits."""
