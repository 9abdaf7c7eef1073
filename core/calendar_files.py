"""One event as an iCalendar (RFC 5545) file for phone calendars, shared by bookings
and live sessions.

Written by hand rather than with a library: one VEVENT with a dozen properties needs
only escaping and line folding, both below."""

import datetime

from django.utils import timezone

# UIDs only need to be unique worldwide: the caller's reference plus our domain.
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


def event(
    *,
    product,
    uid,
    sequence,
    starts_at,
    ends_at,
    summary,
    location,
    description,
    url="",
    cancelled=False,
    alarm_before="PT2H",
):
    """The .ics text of one event; SEQUENCE and UID let calendars replace or remove it.
    ``alarm_before``: an ISO 8601 duration (PT2H, PT15M) before the start."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:{uid}@{UID_DOMAIN}",
        f"SEQUENCE:{sequence + (1 if cancelled else 0)}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(starts_at)}",
        f"DTEND:{_utc(ends_at)}",
        f"SUMMARY:{escape(summary)}",
        f"LOCATION:{escape(location)}",
        f"DESCRIPTION:{escape(description)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    if url:
        lines.append(f"URL:{url}")
    if not cancelled:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(summary)}",
            f"TRIGGER:-{alarm_before}",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
