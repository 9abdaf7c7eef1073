"""A free TCP port on loopback, for the real servers tests start (uvicorn, nginx, the
app server)."""

import socket


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
