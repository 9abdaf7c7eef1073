"""Refusals a student may see about her motivation settings."""

from ..errors import LearningError


class InvalidGoal(LearningError):
    pass
