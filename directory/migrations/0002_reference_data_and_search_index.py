"""Towns, service categories and spoken languages the directory starts with, and the
PostgreSQL-only GIN index of the full-text search column."""

from django.db import migrations

TOWNS = [
    # name, slug, region, latitude, longitude
    ("Douala", "douala", "LT", "4.05110", "9.76790"),
    ("Yaoundé", "yaounde", "CE", "3.84800", "11.50210"),
    ("Bafoussam", "bafoussam", "OU", "5.47810", "10.41760"),
    ("Bamenda", "bamenda", "NW", "5.96310", "10.15910"),
    ("Buea", "buea", "SW", "4.15270", "9.24100"),
    ("Garoua", "garoua", "NO", "9.30170", "13.39210"),
    ("Limbe", "limbe", "SW", "4.01860", "9.20430"),
    ("Kumba", "kumba", "SW", "4.63630", "9.44690"),
    ("Kribi", "kribi", "SU", "2.93730", "9.90770"),
    ("Ebolowa", "ebolowa", "SU", "2.90000", "11.15000"),
    ("Ngaoundéré", "ngaoundere", "AD", "7.32770", "13.58470"),
    ("Maroua", "maroua", "EN", "10.59560", "14.32470"),
    ("Bertoua", "bertoua", "ES", "4.57720", "13.68460"),
    ("Dschang", "dschang", "OU", "5.45000", "10.05000"),
    ("Edéa", "edea", "LT", "3.80000", "10.13330"),
    ("Nkongsamba", "nkongsamba", "LT", "4.95470", "9.94040"),
]
CATEGORIES = [
    ("makeup", "Maquillage", "Make-up"),
    ("braiding", "Tresses", "Braiding"),
    ("hair", "Coiffure", "Hairdressing"),
    ("nails", "Onglerie", "Nails"),
    ("skincare", "Soins de la peau", "Skincare"),
]
LANGUAGES = [
    ("fr", "Français", "French"),
    ("en", "Anglais", "English"),
    ("pcm", "Pidgin", "Pidgin"),
    ("ff", "Fulfulde", "Fulfulde"),
    ("dua", "Duala", "Duala"),
    ("ewo", "Ewondo", "Ewondo"),
    ("bas", "Bassa", "Basaa"),
]
GIN_INDEX = "directory_listing_search_gin"


def add_reference_data(apps, schema_editor):
    Town = apps.get_model("directory", "Town")
    ServiceCategory = apps.get_model("directory", "ServiceCategory")
    SpokenLanguage = apps.get_model("directory", "SpokenLanguage")
    for name, slug, region, lat, lon in TOWNS:
        Town.objects.get_or_create(
            slug=slug, defaults={"name": name, "region": region, "latitude": lat, "longitude": lon}
        )
    for order, (slug, fr, en) in enumerate(CATEGORIES):
        ServiceCategory.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "sort_order": order}
        )
    for order, (code, fr, en) in enumerate(LANGUAGES):
        SpokenLanguage.objects.get_or_create(
            code=code, defaults={"name_fr": fr, "name_en": en, "sort_order": order}
        )


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} "
            "ON directory_professionallisting USING gin (search_vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(add_reference_data, migrations.RunPython.noop),
        migrations.RunPython(add_search_index, drop_search_index),
    ]
