"""Challenges: briefs posted by moderators and instructors, one photo entry per member,
one final vote per member, results frozen at the deadline."""
