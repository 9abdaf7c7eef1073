"""The support panel in the Wagtail admin: one page per person, with what every app
knows of them and the few actions support may take, each written to an audit log.

Accounts imports no feature app: each app registers its sections, actions and home
counters here from its AppConfig.ready() (see registry.py)."""
