"""No page answers 5xx, whatever a visitor types or forges.

The forms of the public and signed-in pages are read from the real HTML (GET forms give
query parameters, POST forms give form fields); every field then gets a few hostile
values chosen by its type, one field at a time, the others keeping their defaults.
Any 5xx or traceback is collected and reported at the end, with how to replay it."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from accounts.models import INSTRUCTORS_GROUP, MODERATORS_GROUP, User

from ..booking.conftest import booking_site  # noqa: F401 (fixture)
from ..conftest import make_person
from ..enrolment.conftest import course_site, enrolled  # noqa: F401 (fixtures)

LONG = "é" * 10_000
HUGE_NUMBER = "9" * 5000
COMMON = [LONG, "\x00", "💅\u202ecm.sevar\u202c", "<script>alert(1)</script>", "", ["a", "b"]]
NUMBERS = ["-1", "1e308", "NaN", HUGE_NUMBER]
DATES = ["9999-12-31", "0001-01-01", "-1"]
VALUES_BY_TYPE = {
    "number": COMMON + NUMBERS,
    "date": COMMON + DATES,
    "datetime-local": COMMON + DATES,
    "time": COMMON + ["25:61", "-1"],
    "choice": COMMON + ["-1", HUGE_NUMBER],
    "text": COMMON + [HUGE_NUMBER, "NaN"],
}
# Parameters no form shows but the views read from links (pagination, week arrows).
EXTRA_VALUES = {"page": NUMBERS + COMMON[:2], "week": DATES + COMMON[:2], "from": DATES}

# Forms whose success would end the session or the account under test.
SKIPPED_ACTIONS = ("/logout/", "/accounts/logout", "/password/", "/email/", "/delete")


class FormReader(HTMLParser):
    """The forms of a page: action, method and fields with their default values."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "fields": {},
                }
            )
        elif not self.forms or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            fields = self.forms[-1]["fields"]
            default = attrs.get("value") or ""
            if kind in ("checkbox", "radio"):
                if attrs.get("checked") is None and attrs["name"] in fields:
                    return
                default = attrs.get("value", "on") if attrs.get("checked") is not None else ""
                kind = "choice"
            fields[attrs["name"]] = (kind, default)
        elif tag == "textarea":
            self.forms[-1]["fields"][attrs["name"]] = ("text", "")
        elif tag == "select":
            self._select = attrs["name"]
            self.forms[-1]["fields"][self._select] = ("choice", None)
        elif tag == "option" and self._select:
            fields = self.forms[-1]["fields"]
            kind, default = fields[self._select]
            if default is None or attrs.get("selected") is not None:
                fields[self._select] = (kind, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def forms_of(page_url, html):
    reader = FormReader()
    reader.feed(html)
    for form in reader.forms:
        action = urlsplit(urljoin(page_url, form["action"])).path
        if any(part in action for part in SKIPPED_ACTIONS):
            continue
        fields = {name: default or "" for name, (_, default) in form["fields"].items()}
        kinds = {name: kind for name, (kind, _) in form["fields"].items()}
        yield action, form["method"], fields, kinds


def hostile_values(kind):
    if kind == "file":
        return []
    if kind in ("hidden", "select", "radio", "checkbox"):
        kind = "choice"
    return VALUES_BY_TYPE.get(kind, VALUES_BY_TYPE["text"])


def broken(response):
    return response.status_code >= 500 or b"Traceback" in response.content


@pytest.fixture
def people(booking_site, course_site, enrolled):  # noqa: F811
    instructor = course_site["teacher"]
    moderator = make_person("moderator@example.cm", groups=[MODERATORS_GROUP])
    extra_instructor = make_person(
        "instructor@example.cm",
        groups=[INSTRUCTORS_GROUP],
        instructor_status=User.InstructorStatus.APPROVED,
    )
    return {
        "anonymous": None,
        "student": enrolled,
        "instructor": instructor or extra_instructor,
        "professional": booking_site["awa"],
        "client": booking_site["client"],
        "moderator": moderator,
    }


def pages_by_role(booking_site, course_site):  # noqa: F811
    service = booking_site["service"]
    public = [
        (course_site["catalogue"].url, ["page"]),
        "/en/courses/",
        course_site["course"].url,
        course_site["preview"].url,
        (booking_site["index"].url, ["page"]),
        booking_site["professional"].url,
        (f"/fr/bookings/service/{service.pk}/", ["from"]),
        "/fr/verify/",
        "/fr/accounts/login/",
        "/fr/accounts/signup/",
        "/fr/accounts/password/reset/",
    ]
    return {
        "anonymous": public,
        "student": [
            course_site["reading"].url,
            course_site["quiz"].url,
            course_site["work"].url,
            "/fr/learn/",
            "/fr/account/",
            "/fr/account/profile/",
            "/fr/account/teach/",
            ("/fr/account/orders/", ["page"]),
            f"/fr/checkout/buy/course/{course_site['paid'].pk}/",
            "/fr/subscription/",
            "/fr/certificates/",
        ],
        "instructor": ["/fr/teach/", "/fr/account/orders/earnings/", "/fr/learn/reviews/"],
        "professional": [
            ("/fr/bookings/pro/", ["page"]),
            ("/fr/bookings/pro/week/", ["week"]),
            "/fr/bookings/pro/availability/",
            "/fr/directory/me/",
            "/fr/directory/me/edit/",
            "/fr/directory/me/services/new/",
            f"/fr/directory/me/services/{service.pk}/",
        ],
        "client": ["/fr/bookings/", f"/fr/bookings/service/{service.pk}/"],
        "moderator": [course_site["catalogue"].url, course_site["paid_lesson"].url],
    }


def attacks(client, url):
    """(method, action, data, field, value) for every field of every form on the page,
    then for the link parameters the page reads (`url` may be (url, [parameters]))."""
    url, extra = url if isinstance(url, tuple) else (url, [])
    page = client.get(url, follow=True)
    assert not broken(page), f"GET {url} answered {page.status_code}"
    html = page.content.decode(errors="replace")
    for action, method, defaults, kinds in forms_of(url, html):
        for field, kind in kinds.items():
            for value in hostile_values(kind):
                yield method, action, {**defaults, field: value}, field, value
    for field in extra:
        for value in EXTRA_VALUES[field]:
            yield "get", urlsplit(url).path, {field: value}, field, value


# Two whole sites (courses and bookings) are built first: on a busy shared machine the
# setup alone can pass the suite's 300 s default; the requests take under a minute.
@pytest.mark.timeout(900)
@pytest.mark.django_db
def test_no_page_answers_5xx_to_hostile_values(
    people,
    booking_site,  # noqa: F811
    course_site,  # noqa: F811
    settings,
):
    settings.RATELIMIT_ENABLE = False
    settings.AXES_ENABLED = False
    failures = []
    tried = set()
    for role, urls in pages_by_role(booking_site, course_site).items():
        client = Client(raise_request_exception=False)
        if people[role] is not None:
            client.force_login(people[role])
        for url in urls:
            for method, action, data, field, value in attacks(client, url):
                key = (role, method, action, field, str(value))
                if key in tried:
                    continue
                tried.add(key)
                response = getattr(client, method)(action, data)
                if broken(response):
                    failures.append(
                        f"{role} {method.upper()} {action} {field}={str(value)[:40]!r}"
                        f" → {response.status_code}"
                    )
    print(f"{len(tried)} hostile requests")
    assert len(tried) > 300, "the forms were not found: check the page list"
    assert not failures, "\n".join(failures)
