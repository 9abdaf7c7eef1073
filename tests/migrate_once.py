"""Test databases migrated once per run, not once per pytest-xdist worker.

Without this, every worker creates its test database by running all the migrations
(~40 s on PostgreSQL) and serializes it for `serialized_rollback`. Here the first
worker that needs a database migrates a template and serializes it, under a file lock;
every worker then copies the template, which takes seconds:

- PostgreSQL: a template database `<test name>_template`; each worker's database is
  `CREATE DATABASE test_x_gwN TEMPLATE test_x_template`.
- SQLite: the tests keep their in-memory database (as Django makes it); the first
  worker migrates its own and backs it up into a file, which the others restore into
  theirs with SQLite's backup API.

The template belongs to one run: it lives in a folder the controlling process makes
for the run (`run_folder`) and drops at its end (`drop_templates`), after every worker
has finished. A template is never reused by a later run, so one left behind by an
aborted run cannot be stale: it is dropped and built again, whatever the migrations or
the code they call became (a hash of the migration files would miss the latter).

Runs without workers (`-n 0`), with `--reuse-db` (its kept databases are faster still)
or `--nomigrations` go through pytest-django's own set-up.
"""

import fcntl
import json
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import get_unique_databases_and_mirrors
from pytest_django.plugin import blocking_manager_key

_RUN_FOLDER = pytest.StashKey[Path]()
_WORKER_INPUT_KEY = "bsa_test_databases"


def give_run_folder_to(node):
    """In the controlling process: the run's folder goes to each worker it starts."""
    config = node.config
    if _RUN_FOLDER not in config.stash:
        config.stash[_RUN_FOLDER] = Path(tempfile.mkdtemp(prefix="bsa-test-databases-"))
    node.workerinput[_WORKER_INPUT_KEY] = str(config.stash[_RUN_FOLDER])


def run_folder(config):
    """The run's folder, in a pytest-xdist worker; None in a process of its own."""
    folder = getattr(config, "workerinput", {}).get(_WORKER_INPUT_KEY)
    return Path(folder) if folder else None


def set_up_databases(config, *, aliases, serialized_aliases, verbosity):
    """This worker's test databases, as django.test.utils.setup_databases makes them
    (same names, mirrors and serialized contents), copied from the run's templates.
    Returns what teardown_databases needs."""
    folder = run_folder(config)
    worker = config.workerinput["workerid"]
    test_databases, mirrored_aliases = get_unique_databases_and_mirrors(aliases)
    old_names = []
    for db_name, db_aliases in test_databases.values():
        first = connections[db_aliases[0]]
        template = _TEMPLATES[first.vendor](first, folder=folder, worker=worker)
        contents = _copy_of_template(template, folder, verbosity)
        if first.alias in serialized_aliases:
            first._test_serialized_contents = contents
        old_names.append((first, db_name, True))
        for alias in db_aliases[1:]:
            old_names.append((connections[alias], db_name, False))
            connections[alias].creation.set_as_test_mirror(first.settings_dict)
    for alias, mirror_alias in mirrored_aliases.items():
        connections[alias].creation.set_as_test_mirror(connections[mirror_alias].settings_dict)
    return old_names


def drop_templates(config):
    """In the controlling process, once every worker has finished: the run's templates
    go. A template that cannot be dropped now is dropped by the next run that builds it."""
    folder = config.stash.get(_RUN_FOLDER, None)
    if folder is None:
        return
    for built in folder.glob("*.built.json"):
        template = json.loads(built.read_text())
        if template["vendor"] != "postgresql":
            continue
        connection = connections[template["alias"]]
        try:
            with config.stash[blocking_manager_key].unblock(), connection._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {_quoted(connection, template['name'])}")
        except Exception as error:  # noqa: BLE001 - the tests' results stand
            sys.stderr.write(f"Could not drop the test template {template['name']}: {error!r}\n")
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _locked(path):
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _copy_of_template(template, folder, verbosity):
    """Gives the template's connection its test database, a copy of the template (built
    first when this worker is the first to need it); returns its serialized contents."""
    connection = template.connection
    contents_file = folder / f"{connection.alias}.contents.json"
    with _locked(folder / f"{connection.alias}.lock"):
        if contents_file.exists():
            template.copy_into_worker_database(verbosity)
        else:
            # The controlling process drops what this names, even if the build fails.
            (folder / f"{connection.alias}.built.json").write_text(
                json.dumps(
                    {"alias": connection.alias, "vendor": connection.vendor, "name": template.name}
                )
            )
            contents = template.build(verbosity)
            # Written last: its presence says the template is complete.
            unfinished = contents_file.with_suffix(".partial")
            unfinished.write_text(contents)
            unfinished.rename(contents_file)
    return contents_file.read_text()


def _quoted(connection, name):
    return connection.ops.quote_name(name)


def _use_database(connection, name):
    """Points the alias at `name`, as BaseDatabaseCreation.create_test_db does."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


class _PostgreSQLTemplate:
    def __init__(self, connection, *, folder, worker):
        self.connection = connection
        self.worker_database = connection.creation._get_test_db_name()
        # pytest-django names each worker's database "<test name>_gwN". The template's
        # own name is one Django never gives, so a kept --reuse-db database is safe.
        run_database = self.worker_database.removesuffix(f"_{worker}")
        self.name = f"{run_database}_template"

    def build(self, verbosity):
        """Migrates the template (an older one is dropped first: autoclobber), then
        makes this worker's database from it."""
        connection = self.connection
        server_name = connection.settings_dict["NAME"]
        test_settings = connection.settings_dict["TEST"]
        test_settings["NAME"] = self.name
        try:
            connection.creation.create_test_db(
                verbosity=verbosity, autoclobber=True, serialize=False
            )
            contents = connection.creation.serialize_db_to_string()
        finally:
            test_settings["NAME"] = self.worker_database
            # No session may stay on a template while it is copied.
            _use_database(connection, server_name)
        self.copy_into_worker_database(verbosity)
        return contents

    def copy_into_worker_database(self, verbosity):
        connection = self.connection
        if verbosity >= 1:
            connection.creation.log(f"Copying {self.name} into {self.worker_database}...")
        with connection._nodb_cursor() as cursor:
            # One left behind by an aborted run goes.
            cursor.execute(f"DROP DATABASE IF EXISTS {_quoted(connection, self.worker_database)}")
            cursor.execute(
                f"CREATE DATABASE {_quoted(connection, self.worker_database)}"
                f" TEMPLATE {_quoted(connection, self.name)}"
            )
        _use_database(connection, self.worker_database)
        connection.ensure_connection()


class _SQLiteTemplate:
    def __init__(self, connection, *, folder, worker):
        self.connection = connection
        self.name = str(folder / f"{connection.alias}.sqlite3")

    def build(self, verbosity):
        """Migrates this worker's own database as Django would, then backs it up into
        the template file."""
        creation = self.connection.creation
        creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
        contents = creation.serialize_db_to_string()
        with closing(sqlite3.connect(self.name)) as template:
            self.connection.connection.backup(template)
        return contents

    def copy_into_worker_database(self, verbosity):
        connection = self.connection
        test_name = connection.creation._get_test_db_name()
        if verbosity >= 1:
            connection.creation.log(f"Copying {self.name} into {test_name}...")
        if not connection.creation.is_in_memory_db(test_name):
            Path(test_name).unlink(missing_ok=True)
        _use_database(connection, test_name)
        # An in-memory database lives as long as this connection, which Django keeps.
        connection.ensure_connection()
        with closing(sqlite3.connect(self.name)) as template:
            template.backup(connection.connection)


_TEMPLATES = {"postgresql": _PostgreSQLTemplate, "sqlite": _SQLiteTemplate}


def supports(aliases):
    """True when every database the tests use has a template kind here (tests may name
    an alias that is not configured in this run, as Django's set-up allows)."""
    test_databases, _ = get_unique_databases_and_mirrors(aliases)
    return all(
        connections[db_aliases[0]].vendor in _TEMPLATES for _, db_aliases in test_databases.values()
    )
