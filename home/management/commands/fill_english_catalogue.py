"""English is the source language of our UI strings: its catalogue repeats them."""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Copy every msgid to its msgstr in locale/en (and clear fuzzy marks)."

    def handle(self, *args, **options):
        path = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        for entry in catalogue:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()
        self.stdout.write(f"{len(catalogue)} English entries.")
