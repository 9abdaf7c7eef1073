"""Community state. Forums live in community.models.forums."""

from .forums import Forum, Post, PostRevision, Subscription, Thread

__all__ = ["Forum", "Post", "PostRevision", "Subscription", "Thread"]
