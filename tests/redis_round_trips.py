"""What a test sends to Redis, one entry per round trip (a command, or a pipeline)."""

from redis.connection import AbstractConnection


def round_trips(monkeypatch):
    """From now on, each packed send to Redis is appended to the returned list."""
    sent = []
    send = AbstractConnection.send_packed_command

    def counted(connection, *args, **kwargs):
        sent.append(args)
        return send(connection, *args, **kwargs)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
    return sent
