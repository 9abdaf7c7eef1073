"""Search rows carry their category ids (an array with a GIN index on PostgreSQL)
instead of a many-to-many table: the category filter and its count need no join."""

from django.db import migrations

import directory.fields

GIN_INDEX = "directory_listing_category_ids_gin"


def copy_categories_to_ids(apps, schema_editor):
    Listing = apps.get_model("directory", "ProfessionalListing")
    for listing in Listing.objects.prefetch_related("categories"):
        listing.category_ids = [category.pk for category in listing.categories.all()]
        listing.save(update_fields=["category_ids"])


def copy_ids_to_categories(apps, schema_editor):
    Listing = apps.get_model("directory", "ProfessionalListing")
    for listing in Listing.objects.all():
        listing.categories.set(listing.category_ids)


def add_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} "
            "ON directory_professionallisting USING gin (category_ids)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_listing_rating_indexes")]

    operations = [
        migrations.AddField(
            model_name="professionallisting",
            name="category_ids",
            field=directory.fields.IdSetField(),
        ),
        migrations.RunPython(copy_categories_to_ids, copy_ids_to_categories),
        migrations.RemoveField(model_name="professionallisting", name="categories"),
        migrations.RunPython(add_gin_index, drop_gin_index),
    ]
