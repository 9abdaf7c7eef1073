"""The prod-smoke journey: a new student, over HTTPS through nginx, signs up, confirms
the e-mail, logs in, pays for a course on the sandbox phone, finishes a lesson and hands
in practice photos; and the round-robin proves that sessions and private uploads work
whichever app server answers.

Usage: journey.py SITE_JSON (deploy/prod-smoke.sh passes the rest in the environment:
SMOKE_BASE_URL, SMOKE_CA_FILE, SMOKE_MAIL_DIR, SMOKE_APP_SERVERS, AWS_S3_ENDPOINT_URL).

Steps for apps that may not be installed yet (certificates, directory, booking) are
listed by Journey.later_steps() and run only while the app is in INSTALLED_APPS; a new
app adds its step there."""

import json
import os
import re
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import requests
from browser import Browser, JourneyFailed, check, location_path, photo_jpeg

PASSWORD = "Smoke-Douala-2026!"  # noqa: S105
CONFIRM_LINK = re.compile(r"https://[^\s\"'<>]+(/fr/accounts/confirm-email/[^\s\"'<>/]+/)")
PHOTO_LINK = re.compile(r"/fr/learn/photo/\d+/")
SLOT_BUTTON = re.compile(r'name="start" value="([^"]+)"')
CERTIFICATE_LINK = re.compile(r"/fr/certificates/[^\s\"'<>/]+\.pdf")
# Waits on the Celery worker (e-mail) and the payment state machine.
MAIL_WAIT_SECONDS = 60
CERTIFICATE_WAIT_SECONDS = 90
PAYMENT_WAIT_SECONDS = 60


class Journey:
    def __init__(self, site, browser, mail_dir, s3_endpoint):
        self.site = site
        self.browser = browser
        self.mail_dir = Path(mail_dir)
        self.s3_endpoint = s3_endpoint.rstrip("/")
        self.email = f"smoke.{uuid.uuid4().hex[:10]}@example.cm"
        self.state = {}

    # --- the steps, in order

    def health(self):
        response = self.browser.get("/healthz")
        check(response.status_code == 200, f"/healthz answered {response.status_code}")
        check(response.json()["status"] == "ok", response.text)
        return "database and Redis answer"

    def static_files(self):
        home = self.browser.get("/fr/")
        check(home.status_code == 200, f"/fr/ answered {home.status_code}")
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.text)
        check(stylesheet, "the home page links no hashed site.css")
        response = self.browser.get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
        check(response.status_code == 200, f"{stylesheet.group(1)} answered {response.status_code}")
        cache_control = response.headers.get("Cache-Control", "")
        check("max-age=315360000" in cache_control and "immutable" in cache_control, cache_control)
        check(response.headers.get("Content-Encoding") == "gzip", "site.css is not served gzipped")
        return f"{stylesheet.group(1)}: {cache_control}, gzip"

    def sign_up(self):
        page = self.browser.get("/fr/accounts/signup/")
        check(page.status_code == 200, f"the sign-up page answered {page.status_code}")
        response = self.browser.post(
            "/fr/accounts/signup/",
            {
                "first_name": "Mireille",
                "last_name": "Smoke",
                "email": self.email,
                "password1": PASSWORD,
                "password2": PASSWORD,
                "role": "student",
                "phone": "6 77 12 34 56",
            },
        )
        check(
            response.status_code == 302,
            f"sign-up answered {response.status_code}: {response.text[:400]}",
        )
        check(
            location_path(response) == "/fr/accounts/confirm-email/", response.headers["Location"]
        )
        return self.email

    def verify_email(self):
        link = self._wait_for_confirmation_link()
        page = self.browser.get(link)
        check(page.status_code == 200, f"the confirmation page answered {page.status_code}")
        response = self.browser.post(link, {})
        check(response.status_code == 302, f"confirming answered {response.status_code}")
        return f"link read from the worker's mail ({link[:40]}…)"

    def _wait_for_confirmation_link(self):
        deadline = time.monotonic() + MAIL_WAIT_SECONDS
        while time.monotonic() < deadline:
            for path in sorted(self.mail_dir.glob("*")):
                text = path.read_text(errors="replace")
                if self.email in text and (match := CONFIRM_LINK.search(text)):
                    return match.group(1)
            time.sleep(0.5)
        raise JourneyFailed(f"no confirmation e-mail for {self.email} in {MAIL_WAIT_SECONDS} s")

    def log_in(self):
        self.browser.get("/fr/accounts/login/")
        response = self.browser.post(
            "/fr/accounts/login/", {"login": self.email, "password": PASSWORD}
        )
        check(response.status_code == 302, f"log-in answered {response.status_code}")
        check(location_path(response) == "/fr/account/", response.headers["Location"])
        return "redirected to /fr/account/"

    def pay_with_the_sandbox_phone(self):
        reference, state = self._pay_on_the_sandbox_phone(self.site["buy_url"])
        self.state["first_lesson"] = urlsplit(state["next_url"]).path
        return f"{self.site['course_title']} ({self.site['price_xaf']} XAF), order {reference[:8]}"

    def _pay_on_the_sandbox_phone(self, buy_url):
        """Pay an order on the sandbox phone (Approve): (payment reference, final state)."""
        page = self.browser.get(buy_url)
        check(page.status_code == 200, f"{buy_url} answered {page.status_code}")
        response = self.browser.post(
            buy_url,
            {
                "token": str(uuid.uuid4()),
                "method": "sandbox",
                "phone": "6 70 00 00 99",
                "coupon": "",
            },
        )
        check(response.status_code == 302, f"paying answered {response.status_code}")
        payment_path = location_path(response)
        reference = payment_path.rstrip("/").rsplit("/", 1)[-1]
        phone_path = f"/fr/checkout/sandbox-phone/{reference}/"
        check(self.browser.get(phone_path).status_code == 200, "no sandbox phone page")
        approved = self.browser.post(phone_path, {"answer": "approve"})
        check(approved.status_code == 302, f"approving answered {approved.status_code}")
        return reference, self._wait_for_payment(payment_path + "status/")

    def _wait_for_payment(self, status_path):
        deadline = time.monotonic() + PAYMENT_WAIT_SECONDS
        while time.monotonic() < deadline:
            state = self.browser.get(status_path).json()
            if state["status"] == "paid":
                return state
            check(state["status"] == "pending", f"payment ended {state['status']}")
            time.sleep(1)
        raise JourneyFailed(f"payment still pending after {PAYMENT_WAIT_SECONDS} s")

    def finish_a_lesson(self):
        first = self.browser.get(self.state["first_lesson"])
        check(first.status_code == 200, f"the first lesson answered {first.status_code}")
        lesson_url = self.site["done_lesson_url"]
        lesson = self.browser.get(lesson_url)
        check(lesson.status_code == 200, f"the lesson answered {lesson.status_code}")
        check(self.site["mark_done_url"] in lesson.text, "the lesson offers no 'mark as done'")
        response = self.browser.post(self.site["mark_done_url"], {}, referer=lesson_url)
        check(response.status_code == 302, f"marking done answered {response.status_code}")
        again = self.browser.get(lesson_url)
        check(self.site["mark_done_url"] not in again.text, "the lesson is still not done")
        return lesson_url

    def hand_in_practice_photos(self):
        count = max(1, self.site["photos_required"])
        files = [("photos", photo_jpeg(f"essai-{n}")) for n in range(count)]
        response = self.browser.post(
            self.site["hand_in_url"],
            {"note": "Mon essai (prod-smoke)"},
            files=files,
            referer=self.site["work_lesson_url"],
        )
        check(response.status_code == 302, f"handing in answered {response.status_code}")
        self.state["uploaded_by"] = self.browser.last_server
        work = self.browser.get(location_path(response))
        check(work.status_code == 200, f"the practice work page answered {work.status_code}")
        photos = sorted(set(PHOTO_LINK.findall(work.text)))
        check(len(photos) == count, f"expected {count} photo links, found {photos}")
        self.state["photos"] = photos
        return f"{count} photo(s) uploaded through {self.state['uploaded_by']}"

    def private_photo_from_the_other_server(self):
        photo = self.state["photos"][0]
        for _attempt in range(20):
            response = self.browser.get(photo)
            if self.browser.last_server != self.state["uploaded_by"]:
                break
        else:
            raise JourneyFailed("the other app server never answered")
        check(response.status_code == 302, f"the photo answered {response.status_code}")
        signed = response.headers["Location"]
        check(signed.startswith(self.s3_endpoint + "/"), f"not a bucket URL: {signed}")
        check("X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed, signed)
        check("no-store" in response.headers.get("Cache-Control", ""), "a signed URL was cached")
        content = requests.get(signed, timeout=30)
        check(content.status_code == 200, f"the bucket answered {content.status_code}")
        check(content.content[:4] == b"RIFF" and content.content[8:12] == b"WEBP", "not a WebP")
        stranger = requests.get(
            self.browser.base_url + photo,
            verify=self.browser.ca_file,
            allow_redirects=False,
            timeout=30,
        )
        check(stranger.status_code == 404, f"an anonymous visitor got {stranger.status_code}")
        return (
            f"uploaded via {self.state['uploaded_by']}, signed URL from {self.browser.last_server}, "
            f"{len(content.content)} bytes of WebP from the bucket; anonymous: 404"
        )

    def session_on_every_server(self):
        seen = set()
        for _attempt in range(8):
            response = self.browser.get("/fr/account/")
            check(response.status_code == 200, f"/fr/account/ answered {response.status_code}")
            check(self.email in response.text, "the account page is not this student's")
            seen.add(self.browser.last_server)
        expected = set(self.browser.servers.values())
        check(seen == expected, f"logged-in pages came from {sorted(seen)}, not {sorted(expected)}")
        return f"logged in on {', '.join(sorted(seen))}"

    def certificate_from_the_bucket(self):
        """The demo student holds a certificate (demo/loaders/certificates.py): their PDF comes
        from the private bucket by a signed URL, whichever server answers."""
        email, password = self.site["demo_student"]
        student = Browser(self.browser.base_url, self.browser.ca_file, self.browser.servers)
        student.get("/fr/accounts/login/")
        logged_in = student.post("/fr/accounts/login/", {"login": email, "password": password})
        check(
            logged_in.status_code == 302,
            f"the demo student's log-in answered {logged_in.status_code}",
        )
        link = self._wait_for_certificate_link(student)
        for _attempt in range(2):  # the first request may render and store it
            response = student.get(link)
        check(response.status_code == 302, f"the certificate answered {response.status_code}")
        signed = response.headers["Location"]
        check(signed.startswith(self.s3_endpoint + "/"), f"not a bucket URL: {signed}")
        check("X-Amz-Expires=300" in signed, signed)
        pdf = requests.get(signed, timeout=30)
        check(pdf.status_code == 200 and pdf.content[:5] == b"%PDF-", "the bucket gave no PDF")
        self.browser.answered_by.update(student.answered_by)
        return f"{link} for {email}: {len(pdf.content)} bytes of PDF from the bucket"

    def _wait_for_certificate_link(self, browser):
        deadline = time.monotonic() + CERTIFICATE_WAIT_SECONDS
        while time.monotonic() < deadline:
            match = CERTIFICATE_LINK.search(browser.get("/fr/certificates/").text)
            if match:
                return match.group(0)
            time.sleep(1)
        raise JourneyFailed(f"no certificate after {CERTIFICATE_WAIT_SECONDS} s")

    def directory_search(self):
        url = self.site.get("directory_url")
        check(url, "the directory app is installed but the demo has no directory page")
        for term in ("tresses", "maquillage"):
            response = self.browser.get(f"{url}?q={term}")
            check(response.status_code == 200, f"{url}?q={term} answered {response.status_code}")
        return f"{url}?q=… answered 200"

    def booking_with_a_deposit(self):
        slots_url = self.site.get("booking_slots_url")
        check(
            slots_url,
            "booking is installed but no demo service with a deposit has a free slot this week "
            "(demo/content/bookings.yaml opening hours, loaded by load_demo)",
        )
        page = self.browser.get(slots_url)
        check(page.status_code == 200, f"{slots_url} answered {page.status_code}")
        slot = SLOT_BUTTON.search(page.text)
        check(slot, f"no free slot on {slots_url}")
        held = self.browser.post(slots_url, {"start": slot.group(1)})
        check(held.status_code == 302, f"choosing a slot answered {held.status_code}")
        buy_url = location_path(held)
        check("/checkout/buy/booking/" in buy_url, f"no deposit asked: {buy_url}")
        reference, state = self._pay_on_the_sandbox_phone(buy_url)
        detail = self.browser.get(urlsplit(state["next_url"]).path)
        check(detail.status_code == 200, f"the booking answered {detail.status_code}")
        return f"slot {slot.group(1)} held, deposit paid (payment {reference[:8]})"

    def steps(self):
        return [
            ("health", self.health),
            ("static files", self.static_files),
            ("sign up", self.sign_up),
            ("verify e-mail", self.verify_email),
            ("log in", self.log_in),
            ("pay on the sandbox phone", self.pay_with_the_sandbox_phone),
            ("finish a lesson", self.finish_a_lesson),
            ("hand in practice photos", self.hand_in_practice_photos),
            ("private photo from the other server", self.private_photo_from_the_other_server),
            ("session on every server", self.session_on_every_server),
        ]

    def later_steps(self):
        """Steps of apps that may not be installed yet: (app label, name, step)."""
        return [
            ("certificates", "certificate PDF from the bucket", self.certificate_from_the_bucket),
            ("directory", "directory search", self.directory_search),
            ("booking", "booking with a deposit", self.booking_with_a_deposit),
        ]


def run(journey):
    installed = set(journey.site["installed_apps"])
    failures = 0

    def attempt(name, step):
        nonlocal failures
        started = time.monotonic()
        try:
            detail = step()
        except (JourneyFailed, requests.RequestException, KeyError, ValueError) as error:
            failures += 1
            print(f"  FAIL  {name}: {error}", flush=True)
            return False
        print(f"  ok    {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
        return True

    for name, step in journey.steps():
        if not attempt(name, step):
            break  # later steps need this one
    else:
        for app, name, step in journey.later_steps():
            if app in installed:
                attempt(name, step)
            else:
                print(f"  skip  {name}: not yet: {app} not installed", flush=True)
    served = ", ".join(
        f"{server}: {count}" for server, count in sorted(journey.browser.answered_by.items())
    )
    print(f"  requests answered by {served}")
    return failures


def main():
    site = json.loads(Path(sys.argv[1]).read_text())
    servers = {
        address: f"app{index}"
        for index, address in enumerate(os.environ["SMOKE_APP_SERVERS"].split(","), start=1)
    }
    browser = Browser(os.environ["SMOKE_BASE_URL"], os.environ["SMOKE_CA_FILE"], servers)
    journey = Journey(
        site, browser, os.environ["SMOKE_MAIL_DIR"], os.environ["AWS_S3_ENDPOINT_URL"]
    )
    if run(journey):
        sys.exit(1)


if __name__ == "__main__":
    main()
