"""A small HTTP load maker for the benches: N clients, each a thread with its own
keep-alive connection, GET one address again and again for a few seconds, as phone
apps would. Standard library only, and run as its own process (`python http_load.py`)
so that the clients do not share the server's interpreter lock and skew its figures.

    python tests/bench/http_load.py URL CLIENTS SECONDS [HEADER: VALUE ...]

Each client first makes one request that is not counted (connections opened, the
server warm), then all of them start together. Prints one JSON object:
{"elapsed": seconds, "answers": [[status, ms, bytes], ...]} (status 0: no answer)."""

import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 30


class Load:
    def __init__(self, url, clients, seconds, headers):
        address = urlsplit(url)
        self.netloc = address.netloc
        self.target = address.path + (f"?{address.query}" if address.query else "")
        self.headers = headers
        self.seconds = seconds
        self.answers = []
        self.started = self.deadline = None
        self._lock = threading.Lock()
        self._start_together = threading.Barrier(clients, action=self._start_clock)
        self._threads = [threading.Thread(target=self._client) for _ in range(clients)]

    def _start_clock(self):
        self.started = time.monotonic()
        self.deadline = self.started + self.seconds

    def run(self):
        for thread in self._threads:
            thread.start()
        for thread in self._threads:
            thread.join()
        return time.monotonic() - self.started

    def _get(self, connection):
        """(status, ms, bytes, connection to use next)."""
        if connection is None:
            connection = http.client.HTTPConnection(self.netloc, timeout=TIMEOUT_SECONDS)
        started = time.perf_counter()
        try:
            connection.request("GET", self.target, headers=self.headers)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            return 0, (time.perf_counter() - started) * 1000, 0, None
        elapsed = (time.perf_counter() - started) * 1000
        if response.will_close:
            connection.close()
            connection = None
        return response.status, elapsed, len(body), connection

    def _client(self):
        *_warm, connection = self._get(None)
        self._start_together.wait()
        mine = []
        while time.monotonic() < self.deadline:
            status, elapsed, size, connection = self._get(connection)
            mine.append((status, elapsed, size))
        if connection is not None:
            connection.close()
        with self._lock:
            self.answers.extend(mine)


def main(argv):
    url, clients, seconds, *header_lines = argv
    headers = dict(line.split(": ", 1) for line in header_lines)
    load = Load(url, int(clients), float(seconds), headers)
    elapsed = load.run()
    json.dump({"elapsed": elapsed, "answers": load.answers}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
