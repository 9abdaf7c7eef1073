"""Load the bilingual demo content once; later runs keep the data and print the logins."""

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts import demo as accounts_demo
from booking import demo as booking_demo
from certificates import demo as certificates_demo
from course_pages import demo as course_pages_demo
from demo import living
from directory import demo as directory_demo
from home import demo as home_demo
from home.models import HomePage

# Each app that has demo content adds its loader here, in dependency order.
LOADERS = [
    accounts_demo.load,
    home_demo.load,
    course_pages_demo.load,
    certificates_demo.load,
    directory_demo.load,
    booking_demo.load,
    home_demo.load_showcase,
    living.load,
]


class Command(BaseCommand):
    help = "Load the bilingual demo content (only once) and print the demo logins."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("Demo content already loaded: keeping the data.")
        else:
            with transaction.atomic():
                for loader in LOADERS:
                    loader()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("\nDemo logins (password for all):")
        for role, email, password in accounts_demo.logins():
            self.stdout.write(f"  {role:<11} {email:<24} {password}")
