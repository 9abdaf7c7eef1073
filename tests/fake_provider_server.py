"""What the fake provider servers of the tests share (mobile money, SMS gateways): real
HTTP on 127.0.0.1 in a thread, every request recorded, faults on demand for paths that
start with a prefix. Each fake adds its routes (``ROUTES``: regex, method, function),
its error bodies and its own records."""

import json
import re
import threading
from base64 import b64decode
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from requests.structures import CaseInsensitiveDict

from tests.loopback_server import SLOW_ANSWER_SECONDS, LoopbackServer, QuietHandler

SLOW = "slow"  # answer after `slow_seconds`, longer than the client's timeout
SERVER_ERROR = "500"  # a 500, nothing done


@dataclass
class Recorded:
    method: str
    path: str
    headers: CaseInsensitiveDict
    body: bytes
    json: object = None
    form: dict = field(default_factory=dict)


class FakeProviderServer:
    ROUTES = ()  # (path regex, method, function(fake, headers, body, *groups))
    SERVER_ERROR_ANSWER = {"message": "Internal server error"}
    NOT_FOUND_ANSWER = {"message": "No route"}

    def __init__(self):
        self.requests = []
        self.slow_seconds = SLOW_ANSWER_SECONDS
        self._faults = []  # (kind, path prefix)
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = LoopbackServer(_Handler, self)

    # --- Running -------------------------------------------------------------------------

    def start(self):
        self._server.start()
        return self

    def stop(self):
        self._release.set()  # wake any slow answer still waiting
        self._server.stop()

    @property
    def url(self):
        return self._server.origin

    # --- Controls and records -------------------------------------------------------------

    def fault(self, kind, path_prefix=""):
        """From now on, requests under path_prefix get this fault."""
        self._faults.append((kind, path_prefix))

    def clear_faults(self):
        self._faults.clear()

    def requests_to(self, method, path_prefix):
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    # --- Answers ----------------------------------------------------------------------

    def fault_for(self, path):
        for kind, prefix in self._faults:
            if path.startswith(prefix):
                return kind
        return None

    def fault_answer(self, fault):
        """(status, answer) for a fault, or None to answer normally; fakes add their own."""
        if fault == SERVER_ERROR:
            return 500, self.SERVER_ERROR_ANSWER
        return None

    def answer(self, method, path, headers, body):
        with self._lock:
            for pattern, route_method, route in self.ROUTES:
                match = re.fullmatch(pattern, path)
                if match and method == route_method:
                    return route(self, headers, body, *match.groups())
        return 404, {**self.NOT_FOUND_ANSWER, "message": f"No route {method} {path}"}

    def encode(self, answer):
        """(payload bytes, content type or None) for an answer."""
        if answer is None:
            return b"", None
        if isinstance(answer, bytes):
            return answer, "text/plain"
        return json.dumps(answer).encode(), "application/json"


def basic_auth(headers):
    kind, _, encoded = headers.get("Authorization", "").partition(" ")
    if kind != "Basic":
        return None
    try:
        user, _, password = b64decode(encoded).decode().partition(":")
    except ValueError:
        return None
    return user, password


def json_object(body):
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class _Handler(QuietHandler):
    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_PUT(self):
        self._handle("PUT")

    def _handle(self, method):
        fake = self.server.fake
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = CaseInsensitiveDict(self.headers.items())
        recorded = Recorded(method=method, path=self.path, headers=headers, body=body)
        if headers.get("Content-Type", "").startswith("application/json"):
            recorded.json = json_object(body)
        elif headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            recorded.form = dict(parse_qsl(body.decode()))
        fake.requests.append(recorded)
        fault = fake.fault_for(self.path)
        if fault == SLOW:
            fake._release.wait(fake.slow_seconds)
        status, answer = fake.fault_answer(fault) or fake.answer(method, self.path, headers, body)
        payload, content_type = fake.encode(answer)
        self.send_body(status, payload, content_type)
