"""Fixtures whose data is built once per test module instead of once per test.

A page tree takes about a second to build, and most tests only read it or change it a
little. `built_once_per_module(build, name)` makes two fixtures: a module-scoped one that
builds the data inside a transaction rolled back when the module ends, and the fixture
`name` that each test asks for. Each test runs in a savepoint inside that transaction
(pytest-django's `db`), so whatever a test changes is undone before the next one, and it
gets freshly read model instances, so nothing a test changed in memory leaks either.

Tests that need real commits (`transaction=True`, a live server, threads) cannot run
inside that transaction: they get the data built for them alone, as before.
pytest-django runs them after the others, so the module's transaction is closed first.
"""

import inspect

import pytest
from django.db import models, transaction


def _fresh(value):
    """The same data, every model instance read again from the database."""
    if isinstance(value, models.Model):
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_fresh(item) for item in value)
    return value


def needs_real_commits(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


class _ModuleBuild:
    """The data built once, inside a transaction that stays open until `close()`."""

    def __init__(self, build, blocker):
        self._build, self._blocker = build, blocker
        self._unblocked = self._atomic = None
        self.data = None

    def open(self):
        self._unblocked = self._blocker.unblock()
        self._unblocked.__enter__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.data = self._build()

    def close(self):
        if self._atomic is None:
            return
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)
        self._unblocked.__exit__(None, None, None)
        self._atomic = self._unblocked = self.data = None


def built_once_per_module(build, name):
    """Two fixtures for `build()`: the module-wide build and the per-test `name`."""
    module_name = f"_{name}_built_once"

    @pytest.fixture(scope="module", name=module_name)
    def built(request, django_db_setup, django_db_blocker):
        shared = _ModuleBuild(build, django_db_blocker)
        # Opened now, before any test's own transaction, but only when some test of
        # this module will read it inside the shared transaction.
        if any(
            item.module is request.module
            and name in item.fixturenames
            and not needs_real_commits(item)
            for item in request.session.items
        ):
            shared.open()
        yield shared
        shared.close()

    def per_test(request, db, **module_fixture):
        # `db` turns into a transactional database for tests that ask for one.
        shared = module_fixture[module_name]
        if needs_real_commits(request.node) or shared.data is None:
            shared.close()
            return build()
        return _fresh(shared.data)

    # The module build must be a declared argument: pytest then sets it up before every
    # function-scoped fixture, so before the test's own transaction begins. `db` is
    # declared too, so that pytest-django orders these tests as database tests.
    per_test.__signature__ = inspect.Signature(
        [
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            inspect.Parameter("db", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            inspect.Parameter(module_name, inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ]
    )
    return built, pytest.fixture(name=name)(per_test)
