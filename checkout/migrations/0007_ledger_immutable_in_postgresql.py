"""The ledger is append-only in the database too, not only in LedgerLine.save(): on
PostgreSQL a trigger refuses any UPDATE or DELETE of a ledger line or transaction,
whoever sends it (a raw query, a shell, another service). A mistake is corrected by a
reversing transaction. SQLite (the embedded default) keeps the model guard only."""

from django.db import migrations

TABLES = ("checkout_ledgerline", "checkout_ledgertransaction")

FUNCTION = """
CREATE OR REPLACE FUNCTION checkout_ledger_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The ledger is append-only: % on % refused; post a reversing transaction.',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION checkout_ledger_is_append_only()"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS checkout_ledger_is_append_only()")


class Migration(migrations.Migration):
    dependencies = [("checkout", "0006_coupon_uses_and_scope")]

    operations = [migrations.RunPython(add_triggers, drop_triggers)]
