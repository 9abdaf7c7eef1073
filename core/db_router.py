"""The database router for a read replica: installed only with DATABASE_REPLICA_URL.

Reads go to the replica only while core.read_replica allows it for the current request
and no transaction is open on the primary (a transaction may read what it just wrote).
Writes, migrations and everything outside a request stay on the primary."""

from django.db import DEFAULT_DB_ALIAS, connections

from .read_replica import REPLICA_ALIAS, replica_for_request


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        replica = replica_for_request()
        if replica and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return replica
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema through streaming replication.
        return not db.startswith(REPLICA_ALIAS)
