"""Fixtures whose data is built once per test module (or less) instead of once per test.

A page tree takes about a second to build, and most tests only read it or change it a
little. `built_once_per_module(build, name)` makes the fixture `name`. Before the first
test of a module that uses it, `shared_builds` (autouse, module scope, in
tests/conftest.py) builds the data inside a transaction that is rolled back when the
module ends. Each test runs in a savepoint inside it (pytest-django's `db`), so whatever
a test changes is undone before the next one, and it gets freshly read model instances,
so nothing a test changed in memory leaks either. Search and reference indexes are
updated once per object at the end of a build (core/deferred_indexing.py), not per save.

When the next test file of this process reads exactly the same builds, they are kept
open for it instead of being rolled back and built again (see `close_for_module`).

Tests that need real commits (`transaction=True`, a live server, threads) cannot run
inside that transaction: the module's shared builds are closed first and they get the
data built for them alone, as before.
"""

import unittest

import pytest
from django.db import models, transaction

from core.deferred_indexing import indexing_deferred

# Each shared fixture by its per-test function: (fixture name, build). Keyed by the
# function, not the name: several modules name their own build "world" or "site", and a
# registry by name kept only the last one imported, so in a whole run every other module
# rebuilt its data for each test.
_BUILDS = {}


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


class ModuleBuilds:
    """The builds one module shares, each in a transaction left open until `close()`."""

    def __init__(self, blocker):
        self._blocker = blocker
        self._unblocked = None
        self._atomics = []
        self.data = {}
        self.fixtures = None

    def open(self, fixtures):
        self.fixtures = fixtures
        self._unblocked = self._blocker.unblock()
        self._unblocked.__enter__()
        for fixture in fixtures:
            atomic = transaction.atomic()
            atomic.__enter__()
            self._atomics.append(atomic)
            with indexing_deferred():
                self.data[fixture] = _BUILDS[fixture][1]()

    def close(self):
        while self._atomics:
            transaction.set_rollback(True)
            self._atomics.pop().__exit__(None, None, None)
        if self._unblocked is not None:
            self._unblocked.__exit__(None, None, None)
            self._unblocked = None
        self.data = {}


def _reads_shared(item, fixture):
    """True when this test reads `fixture` under its name (another module's fixture of
    the same name, or one the test's own module defines, is not it)."""
    definitions = item._fixtureinfo.name2fixturedefs.get(_BUILDS[fixture][0])
    return bool(definitions) and definitions[-1].func is fixture


def _has_django_test_case(module, items):
    # Django closes the connection after each TestCase class, which would end the
    # shared transaction under the module's other tests.
    return any(
        item.module is module
        and isinstance(getattr(item, "cls", None), type)
        and issubclass(item.cls, unittest.TestCase)
        for item in items
    )


_fixtures_by_module = {}


def _fixtures_for(module, items):
    """The builds the tests of `module` share, in a fixed order (None when none)."""
    if module not in _fixtures_by_module:
        own = [item for item in items if item.module is module]
        fixtures = (
            ()
            if _has_django_test_case(module, own)
            else tuple(
                fixture
                for fixture in _BUILDS
                if any(
                    _reads_shared(item, fixture) and not needs_real_commits(item) for item in own
                )
            )
        )
        _fixtures_by_module[module] = fixtures or None
    return _fixtures_by_module[module]


class WorkerState:
    """What this test process keeps between modules: the builds still open, and the
    test that runs after the current one (set by tests/conftest.py's teardown hook)."""

    builds = None
    next_item = None


def close_kept_builds():
    if WorkerState.builds is not None:
        WorkerState.builds.close()
        WorkerState.builds = None


def open_for_module(request):
    """The shared builds the tests of this module read (used by `shared_builds`).

    Test files that share the same builds often run one after the other (pytest-xdist
    hands each process whole files, in order): the previous module's builds are then
    still open, untouched (each test ran in a savepoint), and are used again."""
    fixtures = _fixtures_for(request.module, request.session.items)
    kept = WorkerState.builds
    if kept is not None and (kept.fixtures != fixtures or not kept.data):
        close_kept_builds()
    if fixtures is None:
        return None
    if WorkerState.builds is None:
        request.getfixturevalue("django_db_setup")
        WorkerState.builds = ModuleBuilds(request.getfixturevalue("django_db_blocker"))
        WorkerState.builds.open(fixtures)
    return WorkerState.builds


def close_for_module(request):
    """At the end of a module: keep its builds for the next module when it shares the
    very same ones; otherwise roll them back now, so a module that builds its own data
    starts from the database as the migrations left it."""
    kept = WorkerState.builds
    if kept is None:
        return
    following = WorkerState.next_item
    if (
        following is not None
        and following.module is not request.module
        and kept.data
        and _fixtures_for(following.module, request.session.items) == kept.fixtures
    ):
        return
    close_kept_builds()


def built_once_per_module(build, name):
    """The fixture `name`: `build()`'s data, built once for the module when it can be."""

    def per_test(request, db, shared_builds):
        # `db` turns into a transactional database for tests that ask for one.
        if shared_builds is not None and needs_real_commits(request.node):
            shared_builds.close()
        if shared_builds is None or per_test not in shared_builds.data:
            with indexing_deferred():
                return build()
        return _fresh(shared_builds.data[per_test])

    _BUILDS[per_test] = (name, build)
    return pytest.fixture(name=name)(per_test)
