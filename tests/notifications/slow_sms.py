"""An SMS backend for the worker-kill test: says when a send has started, waits, then
appends the SMS to a file the test reads (the worker runs in another process)."""

import os
import time
from pathlib import Path


class SlowFileSMSBackend:
    def send(self, to, text):
        outbox = Path(os.environ["BSA_TEST_SMS_FILE"])
        outbox.with_suffix(".started").write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("BSA_TEST_SMS_DELAY", "0")))
        with outbox.open("a") as sent:
            sent.write(f"{to}\t{text}\n")
