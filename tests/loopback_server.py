"""Real HTTP on 127.0.0.1 in a daemon thread: what every fake service of the tests runs
on (mobile money, SMS, Stripe, BigBlueButton, Jitsi). A fake gives its request handler
class and itself; the handler reaches the fake as `self.server.fake`."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# How long our clients wait for a fake's answer (CHECKOUT_HTTP_TIMEOUT in the payment
# fixtures): a fake answers in milliseconds, but on a busy 2-core CI run its thread may
# wait its turn for half a second (a Stripe refund and a Campay status check timed out at
# 0.5 s). A fake's slow answer (the SLOW fault) comes well after it.
CLIENT_TIMEOUT = 3.0
SLOW_ANSWER_SECONDS = 2 * CLIENT_TIMEOUT


class LoopbackServer:
    def __init__(self, handler_class, fake):
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._server.fake = fake
        # A short poll interval keeps shutdown() (once per test) quick.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def origin(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that keeps the test output clean and answers in one call."""

    def send_body(self, status, body=b"", content_type=None, headers=()):
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up waiting (slow answers): nothing to tell it

    def log_message(self, format, *args):
        pass
