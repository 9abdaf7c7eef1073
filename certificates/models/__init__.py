"""Certificates, badges (definitions and awards) and transcripts."""

from .badges import Badge, BadgeAward
from .certificates import Certificate
from .transcripts import Transcript

__all__ = ["Badge", "BadgeAward", "Certificate", "Transcript"]
