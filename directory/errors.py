"""Errors a person may see: each carries a translated message and changes nothing."""


class DirectoryError(Exception):
    """A refused directory action. `message` is safe to show to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
