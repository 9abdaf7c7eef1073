"""Print where each SMS provider must send its delivery reports: Twilio is told with
every SMS, but Orange and Africa's Talking are given the URL once, by hand, and its
secret token is derived from SECRET_KEY unless SMS_STATUS_TOKEN is set."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from notifications.sms_gateways import GATEWAYS
from notifications.sms_gateways.http import status_url

# Twilio signs its reports: its URL carries no token.
SIGNED = {"twilio"}


class Command(BaseCommand):
    help = "Print the delivery-report URL to give each SMS provider."

    def handle(self, *args, **options):
        if not settings.SMS_PUBLIC_BASE_URL:
            raise CommandError("Set SMS_PUBLIC_BASE_URL (our public origin) first.")
        for name in sorted(GATEWAYS):
            self.stdout.write(f"{name}: {status_url(name, with_token=name not in SIGNED)}")
