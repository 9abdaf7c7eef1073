"""Placeholder: the living-site layer (paid orders, subscriptions, reviews…) is written
on another branch; the lead takes that version at merge."""


def load():
    pass
