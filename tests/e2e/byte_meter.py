"""Counts every byte the site sends to the browser: a TCP relay on loopback between
Chromium and the live server. What the page fetches, what its service worker fetches in
the background and every header all cross it, so the count is what a phone's data plan
would pay (before TLS), whatever the browser's own tools attribute to a cache."""

import contextlib
import socket
import threading
import time


class ByteMeter:
    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, upstream_port)
        self.received = 0  # bytes from the server to the browser
        self.by_request = {}  # "GET /path" -> bytes of its answer(s)
        self._lock = threading.Lock()
        self._last = time.monotonic()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._closed:
            try:
                browser, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            # HTTP/1.1 answers in order: bytes go to the last request line seen.
            current = ["?"]
            threading.Thread(
                target=self._pump, args=(browser, server, current, False), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(server, browser, current, True), daemon=True
            ).start()

    def _pump(self, source, target, current, counted):
        try:
            while chunk := source.recv(65536):
                if counted:
                    with self._lock:
                        self.received += len(chunk)
                        self.by_request[current[0]] = self.by_request.get(current[0], 0) + len(
                            chunk
                        )
                        self._last = time.monotonic()
                elif chunk[:4] in (b"GET ", b"POST", b"HEAD"):
                    current[0] = " ".join(chunk.split(b"\r\n", 1)[0].decode("latin-1").split()[:2])
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def reset(self):
        with self._lock:
            self.received = 0
            self.by_request = {}

    def wait_quiet(self, quiet_s=0.4, limit_s=5):
        """Waits until nothing has come for quiet_s: the worker's background fetches
        (stale-while-revalidate) finish after the page's load event."""
        start = time.monotonic()
        while time.monotonic() - start < limit_s:
            with self._lock:
                idle = time.monotonic() - self._last
            if idle >= quiet_s:
                return
            time.sleep(0.05)

    def close(self):
        self._closed = True
        self._listener.close()
