"""One appointment as an iCalendar (RFC 5545) file for phone calendars.

Written by hand rather than with a library: one VEVENT with a dozen properties needs
only escaping and line folding, both below."""

import datetime

from django.utils import timezone

PRODUCT = "-//Beauty Skills Academy//Bookings//FR"
# UIDs only need to be unique worldwide: the booking reference plus our domain.
UID_DOMAIN = "beautyskills.academy"


def escape(text):
    """TEXT values: backslash, semicolon, comma and line breaks are escaped."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Lines longer than 75 octets continue on the next line after one space,
    never splitting a UTF-8 character."""
    folded, current = [], ""
    for character in line:
        limit = 75 if not folded else 74
        if len((current + character).encode()) > limit:
            folded.append(current)
            current = character
        else:
            current += character
    folded.append(current)
    return "\r\n ".join(folded)


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def appointment(*, booking, summary, location, description, cancelled=False):
    """The .ics text of a booking; SEQUENCE and UID let calendars replace or remove it."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:{booking.reference}@{UID_DOMAIN}",
        f"SEQUENCE:{booking.sequence + (1 if cancelled else 0)}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(booking.starts_at)}",
        f"DTEND:{_utc(booking.ends_at)}",
        f"SUMMARY:{escape(summary)}",
        f"LOCATION:{escape(location)}",
        f"DESCRIPTION:{escape(description)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    if booking.video_url:
        lines.append(f"URL:{booking.video_url}")
    if not cancelled:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(summary)}",
            "TRIGGER:-PT2H",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
