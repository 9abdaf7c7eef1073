"""The forums' refusals are the community's (community.errors), under the names the
forums use: each carries a translated message and changes nothing."""

from ..errors import CommunityError as ForumError
from ..errors import InvalidInput as InvalidPost
from ..errors import NotAllowed, TooFast

__all__ = ["ForumError", "InvalidPost", "NotAllowed", "TooFast"]
