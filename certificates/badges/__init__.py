"""Badges (micro-credentials): rules, awards, their credentials and revocation."""
