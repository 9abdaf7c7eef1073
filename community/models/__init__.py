"""Community state: study groups and their members, the wall and the calendar, the
forums, mentorship, follows and the activity followers hear of, and the moderation records
every community object shares (reports, posting log)."""

from .calendar import PracticeSession, Rsvp
from .follows import Activity, Follow
from .forums import Forum, Post, PostRevision, Subscription, Thread
from .groups import Group, Membership
from .mentorship import MentorOffer, Mentorship, MentorshipReview
from .moderation import Contribution, Moderated, ModerationCase, Report
from .wall import Resource, ResourcePhoto, ResourceRevision

__all__ = [
    "Activity",
    "Contribution",
    "Follow",
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
