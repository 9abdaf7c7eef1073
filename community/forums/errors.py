"""Refusals a person may see: each carries a translated message and changes nothing."""


class ForumError(Exception):
    """A refused forum action. `message` is safe to show to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(ForumError):
    """The person may not do this here: she can't read the forum, or it is not hers."""


class InvalidPost(ForumError):
    """What the person sent is refused: empty, too long, not a photo, a link from a new
    member."""


class TooFast(ForumError):
    """Over the per-person rate limit or the new-member limits."""
