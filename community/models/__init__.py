"""Community state: study groups and their members, the wall and the calendar, the
forums, mentorship, challenges, follows and the activity followers hear of, and the
moderation records every community object shares (reports, posting log)."""

from .calendar import PracticeSession, Rsvp
from .challenges import Challenge, ChallengePhoto, Entry, Vote
from .follows import Activity, Follow
from .forums import Forum, Post, PostRevision, Subscription, Thread
from .groups import Group, Membership
from .mentorship import MentorOffer, Mentorship, MentorshipReview
from .moderation import Contribution, Moderated, ModerationCase, Report
from .wall import Resource, ResourcePhoto, ResourceRevision

__all__ = [
    "Activity",
    "Challenge",
    "ChallengePhoto",
    "Contribution",
    "Entry",
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
    "Vote",
]
