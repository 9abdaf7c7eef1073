"""Community state: study groups and their members, the wall and the calendar, the
forums, mentorship, and the moderation records every community object shares (reports,
posting log)."""

from .calendar import PracticeSession, Rsvp
from .forums import Forum, Post, PostRevision, Subscription, Thread
from .groups import Group, Membership
from .mentorship import MentorOffer, Mentorship, MentorshipReview
from .moderation import Contribution, Moderated, ModerationCase, Report
from .wall import Resource, ResourcePhoto, ResourceRevision

__all__ = [
    "Contribution",
    "Forum",
    "Group",
    "Membership",
    "MentorOffer",
    "Mentorship",
    "MentorshipReview",
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
]
