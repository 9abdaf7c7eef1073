"""The prod-smoke journey's phone browser: a cookie jar over HTTPS through nginx, and
the small checks every step uses."""

import io
from collections import Counter
from urllib.parse import urlsplit

import requests
from PIL import Image


class JourneyFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise JourneyFailed(message)


class Browser:
    """A cookie jar over HTTPS that behaves like a phone's browser: it sends the CSRF
    token and a same-origin Referer with each form, and notes which app server (nginx's
    X-App-Server header) answered every request."""

    def __init__(self, base_url, ca_file, servers):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        # Passed on every call: requests lets REQUESTS_CA_BUNDLE override Session.verify.
        self.ca_file = ca_file
        self.session.headers["Accept-Language"] = "fr"
        self.servers = servers
        self.answered_by = Counter()
        self.last_server = None

    def _note(self, response):
        server = self.servers.get(response.headers.get("X-App-Server", ""), "?")
        self.answered_by[server] += 1
        self.last_server = server
        return response

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self._note(
            self.session.get(self.base_url + path, timeout=30, verify=self.ca_file, **kwargs)
        )

    def post(self, path, data, *, files=None, referer=None):
        data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        headers = {"Referer": self.base_url + (referer or path)}
        return self._note(
            self.session.post(
                self.base_url + path,
                data=data,
                files=files,
                headers=headers,
                allow_redirects=False,
                timeout=60,
                verify=self.ca_file,
            )
        )


def location_path(response):
    check(
        response.status_code in (301, 302, 303), f"expected a redirect, got {response.status_code}"
    )
    return urlsplit(response.headers["Location"]).path


def photo_jpeg(label):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 60, 110)).save(buffer, "JPEG", quality=85)
    return (f"{label}.jpg", buffer.getvalue(), "image/jpeg")
