"""Shared fixtures: the bilingual demo site and people in each role."""

import shutil
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connections
from django.test.utils import teardown_databases
from django.utils import translation
from pytest_django import fixtures as stock_fixtures
from pytest_django.plugin import blocking_manager_key

from accounts.models import INSTRUCTORS_GROUP, MODERATORS_GROUP, User
from core import rate_limits
from demo.loaders import site as home_demo
from notifications import sms

from . import migrate_once
from .shared_build import (
    WorkerState,
    built_once_per_module,
    close_for_module,
    close_kept_builds,
    needs_real_commits,
    open_for_module,
)

PASSWORD = "Tresses-Douala-2026"


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test databases, migrated once per run rather than once per
    pytest-xdist worker (tests/migrate_once.py)."""
    aliases, serialized_aliases = stock_fixtures._get_databases_for_setup(request.session.items)
    if (
        migrate_once.run_folder(request.config) is None
        or django_db_keepdb
        or not django_db_use_migrations
        or not migrate_once.supports(aliases)
    ):
        yield from stock_fixtures.django_db_setup.__wrapped__(
            request,
            django_test_environment,
            django_db_blocker,
            django_db_use_migrations,
            django_db_keepdb,
            django_db_createdb,
            django_db_modify_db_settings,
        )
        return
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        old_names = migrate_once.set_up_databases(
            request.config,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            verbosity=verbosity,
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(old_names, verbosity=verbosity)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    # pytest-xdist, in the controlling process, for each worker it starts.
    migrate_once.give_run_folder_to(node)


def pytest_unconfigure(config):
    # In the controlling process, every worker has finished by now.
    migrate_once.drop_templates(config)


def build_site_pages():
    """The French home page with its English translation and the standard pages."""
    return home_demo.load()


site_pages = built_once_per_module(build_site_pages, "site_pages")


@pytest.fixture(scope="module", autouse=True)
def shared_builds(request):
    """The page trees this module's tests share (see tests/shared_build.py)."""
    yield open_for_module(request)
    close_for_module(request)


def _seconds_by_file():
    """tests/longest_files.txt: the files that take longest, with their seconds."""
    listed = Path(__file__).with_name("longest_files.txt").read_text().splitlines()
    return {
        path: float(seconds)
        for seconds, path in (line.split() for line in listed if line and line[0] != "#")
    }


def pytest_collection_modifyitems(items):
    # pytest-xdist hands out whole files in this order (Makefile: --no-loadscope-reorder):
    # the longest first, so that the two workers finish together instead of one running
    # a long journey or bench alone at the end. The others keep their order, so that
    # files sharing builds stay next to each other (tests/shared_build.py).
    seconds = _seconds_by_file()
    items.sort(key=lambda item: -seconds.get(item.nodeid.split("::")[0], 0))
    # Test files run in any order across workers (pytest-xdist), so a test that commits
    # must leave the database as the migrations made it (root page, locales, groups).
    for item in items:
        if needs_real_commits(item):
            marker = item.get_closest_marker("django_db")
            kwargs = {**(marker.kwargs if marker else {})}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A test that commits empties the database when it ends: builds the previous file
    # left open for this one must be rolled back before it starts, not read after it.
    if needs_real_commits(item):
        close_kept_builds()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # The module's shared builds stay open for the next test file when it reads the same.
    WorkerState.next_item = nextitem
    # Django empties the database after a test that commits and fills it again only
    # before the next such test; files run in any order here, so fill it again at once.
    result = yield
    # With no next test the session is over and the test database already gone. Builds
    # kept open for the next file would be overwritten: roll them back first.
    if needs_real_commits(item) and nextitem is not None:
        close_kept_builds()
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result


_bench_figures = []


def pytest_runtest_logreport(report):
    # Runs where the reports arrive (the controlling process under pytest-xdist).
    if report.when == "teardown":
        _bench_figures.extend(
            (report.nodeid, printed)
            for name, printed in report.user_properties
            if name == "bench figures"
        )


def pytest_terminal_summary(terminalreporter):
    if _bench_figures:
        terminalreporter.section("bench figures (tests/bench)")
        for nodeid, printed in sorted(_bench_figures):
            terminalreporter.write_line(f"-- {nodeid}")
            terminalreporter.write(printed if printed.endswith("\n") else printed + "\n")


@pytest.fixture(autouse=True)
def _fresh_outboxes_and_cache():
    """Rate limits and caches live in the cache: each test starts with none."""
    sms.outbox.clear()
    for each in caches.all():
        each.clear()
    rate_limits.forget_local_counts()
    # Without Redis, the counts not drained yet are files (core/counter_stores.py).
    shutil.rmtree(settings.COUNTERS_DIR, ignore_errors=True)
    # A request to /en/ leaves English active in this thread: start each test in French.
    translation.activate(settings.LANGUAGE_CODE)


def make_person(email, *, verified=True, groups=(), **fields):
    fields.setdefault("first_name", "Test")
    fields.setdefault("last_name", "Person")
    user = User.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def student(db):
    return make_person("student@example.cm", is_student=True)


@pytest.fixture
def moderator(db):
    return make_person("moderator@example.cm", groups=[MODERATORS_GROUP])


@pytest.fixture
def instructor(db):
    return make_person(
        "instructor@example.cm",
        groups=[INSTRUCTORS_GROUP],
        instructor_status=User.InstructorStatus.APPROVED,
    )


def logs_in(client, email, password):
    """True when the login form accepts these credentials (through every backend,
    lockout included, as a person would log in)."""
    response = client.post("/fr/accounts/login/", {"login": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


# axe-core for the accessibility check in tests/e2e (npm package, `make system-deps`).
REPO_ROOT_AXE = (
    Path(__file__).resolve().parents[1]
    / "var"
    / "node"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
