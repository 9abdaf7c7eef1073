"""Search rows hold their text without accents or case ("Yaoundé" is found as
"yaounde"): fold the rows written before, and their PostgreSQL search vectors."""

import unicodedata

from django.db import migrations

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold(text):
    # A frozen copy of directory.text.fold: a migration must not change with the code.
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def fold_listings(apps, schema_editor):
    Listing = apps.get_model("directory", "ProfessionalListing")
    postgresql = schema_editor.connection.vendor == "postgresql"
    for listing in Listing.objects.only("pk", "title", "document"):
        Listing.objects.filter(pk=listing.pk).update(document=fold(listing.document))
        if postgresql:
            schema_editor.execute(
                "UPDATE directory_professionallisting SET search_vector = "
                "setweight(to_tsvector('simple', %s), 'A') "
                "|| setweight(to_tsvector('simple', document), 'B') "
                "WHERE professional_id = %s",
                [fold(listing.title), listing.pk],
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_listing_category_ids")]

    operations = [migrations.RunPython(fold_listings, migrations.RunPython.noop)]
