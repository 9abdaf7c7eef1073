"""Community state: study groups and their members, the wall and the calendar, and
the moderation records every community object shares (reports, posting log)."""

from .calendar import PracticeSession, Rsvp
from .groups import Group, Membership
from .moderation import Contribution, Moderated, ModerationCase, Report
from .wall import Resource, ResourcePhoto, ResourceRevision

__all__ = [
    "Contribution",
    "Group",
    "Membership",
    "ModerationCase",
    "Moderated",
    "PracticeSession",
    "Report",
    "Resource",
    "ResourcePhoto",
    "ResourceRevision",
    "Rsvp",
]
