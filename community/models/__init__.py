"""Community state: study groups and their members, the wall and the calendar, the
forums, the challenges, and the moderation records every community object shares
(reports, posting log)."""

from .calendar import PracticeSession, Rsvp
from .challenges import Challenge, ChallengePhoto, Entry, Vote
from .forums import Forum, Post, PostRevision, Subscription, Thread
from .groups import Group, Membership
from .moderation import Contribution, Moderated, ModerationCase, Report
from .wall import Resource, ResourcePhoto, ResourceRevision

__all__ = [
    "Challenge",
    "ChallengePhoto",
    "Contribution",
    "Entry",
    "Forum",
    "Group",
    "Membership",
    "ModerationCase",
    "Moderated",
    "Post",
    "PostRevision",
    "PracticeSession",
    "Report",
    "Resource",
    "ResourcePhoto",
    "ResourceRevision",
    "Rsvp",
    "Subscription",
    "Thread",
    "Vote",
]
