"""What each app shows and does on a person's support page, registered by the app that
owns it (from its AppConfig.ready()), so accounts never imports a feature app.

- A Section is a block of the person page: `load(person)` reads, through the app's own
  selectors, in a number of queries that does not grow with the person's history.
- An Action is one thing support may do: `find` the target among the person's own
  things, say what will happen, then `perform` it through the app's services.
- A Counter is a line of the moderators' admin home panel: what waits for a person."""

from collections.abc import Callable
from dataclasses import dataclass


class ActionRefused(Exception):
    """An action that cannot be done as asked; the message is translated and shown."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Section:
    key: str
    label: str  # lazy, translated
    # Rendered with the context `load` returns, plus `person`.
    template: str
    # (person) -> dict
    load: Callable
    order: int = 100


@dataclass(frozen=True)
class Action:
    key: str
    label: str  # lazy, translated: "Refund", "Revoke the certificate"
    # (person, target_id: str) -> the target, or None when the person has no such thing.
    find: Callable
    # (target, data) -> str: the target named for the confirmation and the audit log
    # (`data`: the extra fields' values, empty before they are filled in).
    describe: Callable
    # (*, person, target, reason, by, data) -> str: what was done (translated). Raises
    # ActionRefused with a clear message when it cannot be done; nothing is changed then.
    perform: Callable
    # (target, data) -> str: what confirming will do; raises ActionRefused when it
    # already knows the action cannot be done (checked before asking to confirm).
    consequence: Callable = lambda target, data: ""
    # Extra fields beyond the reason (an amount): a django Form class, or None.
    form_class: type | None = None
    # False for actions that call a provider: their service commits its own reference
    # before the call, so an outer transaction must not hold (or roll back) that row.
    atomic: bool = True


@dataclass(frozen=True)
class Counter:
    key: str
    label: str  # lazy, translated
    # (now) -> int
    count: Callable
    # () -> str
    url: Callable
    order: int = 100
    # Reported content waiting for a moderator (the platform dashboard shows these).
    is_report: bool = False


_SECTIONS: dict[str, Section] = {}
_ACTIONS: dict[str, Action] = {}
_COUNTERS: dict[str, Counter] = {}


def register_section(section):
    _SECTIONS[section.key] = section


def register_action(action):
    _ACTIONS[action.key] = action


def register_counter(counter):
    _COUNTERS[counter.key] = counter


def sections():
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))


def action(key):
    """The registered action, or None."""
    return _ACTIONS.get(key)


def counters():
    return sorted(_COUNTERS.values(), key=lambda counter: (counter.order, counter.key))
