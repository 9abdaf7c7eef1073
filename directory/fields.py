"""A set of row ids stored on the search row itself, so filtering by it needs no join.

PostgreSQL keeps an ``integer[]`` (GIN-indexed by a migration, matched with ``@>``);
other databases (SQLite in development and tests) keep the text ``|1|4|`` matched with
LIKE. Either way ``field__includes=<id>`` is the one lookup the search needs."""

from django.db import models
from django.db.models import Lookup


def _is_postgresql(connection):
    return connection.vendor == "postgresql"


class IdSetField(models.Field):
    description = "A set of integer ids"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("default", "blank", "editable"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def db_type(self, connection):
        return "integer[]" if _is_postgresql(connection) else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        ids = sorted({int(item) for item in value})
        if _is_postgresql(connection):
            return ids
        return "".join(f"|{item}" for item in ids) + "|" if ids else ""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        return [int(part) for part in str(value).split("|") if part]


@IdSetField.register_lookup
class Includes(Lookup):
    """``category_ids__includes=4``: the set holds this id."""

    lookup_name = "includes"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*params, f"%|{int(self.rhs)}|%"]

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} @> ARRAY[%s]::integer[]", [*params, int(self.rhs)]
