"""Errors a person may see: each carries a translated message and changes nothing."""


class LearningError(Exception):
    """A refused learning action. `message` is safe to show to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotEnrolled(LearningError):
    pass


class NotAllowed(LearningError):
    pass


class InvalidAnswer(LearningError):
    pass


class InvalidUpload(LearningError):
    pass


class InvalidVideo(InvalidUpload):
    """The practice video is refused (the photos may be fine)."""


class MissingPrerequisites(NotAllowed):
    """Enrolment refused: `missing` holds the prerequisite courses not yet completed."""

    def __init__(self, message, missing):
        super().__init__(message)
        self.missing = missing
