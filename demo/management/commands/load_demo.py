"""Load the bilingual demo content once; later runs keep the data and print the logins."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.deferred_indexing import indexing_deferred
from demo import living
from demo.loaders import (
    analytics,
    bookings,
    catalogue,
    certificates,
    news,
    people,
    professional_stats,
    professionals,
    showcase,
    site,
)
from home.models import HomePage

# In dependency order: each loader needs what the ones before it made.
LOADERS = [
    people.load,
    site.load,
    catalogue.load,
    certificates.load,
    professionals.load,
    bookings.load,
    showcase.load,
    news.load,
    living.load,
    analytics.load,
    professional_stats.load,
]


class Command(BaseCommand):
    help = "Load the bilingual demo content (only once) and print the demo logins."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("Demo content already loaded: keeping the data.")
        else:
            with transaction.atomic(), indexing_deferred():
                for loader in LOADERS:
                    loader()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("\nDemo logins (password for all):")
        for role, email, password in people.logins() + living.logins():
            self.stdout.write(f"  {role:<11} {email:<24} {password}")
