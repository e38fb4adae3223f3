"""A real SMTP server for tests: aiosmtpd in a thread, on a loopback port.

``free_port()`` gives a port nobody listens on (a mail server that is down); start a
``MailServer`` on it later (the server is back). ``messages`` are the emails it took,
parsed. ``hold(n)`` makes the server stop answering when the ``n``-th message's
recipient is given, until ``release()``: the sender is caught in the middle of its work.
"""

import socket
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """The aiosmtpd handler: records each message the server accepts."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.received = threading.Condition(self.lock)
        self.hold_at = None
        self.holding = threading.Event()
        self.released = threading.Event()
        self.recipients_seen = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        with self.lock:
            self.recipients_seen += 1
            hold = self.recipients_seen == self.hold_at
        if hold:
            self.holding.set()
            # Block this connection (not the server's thread) until released.
            await server.loop.run_in_executor(None, self.released.wait, 60)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.received:
            self.messages.append(message)
            self.received.notify_all()
        return "250 Message accepted for delivery"


class MailServer:
    def __init__(self, port=None):
        self.port = port or free_port()
        self.recorder = Recorder()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self):
        with self.recorder.lock:
            return list(self.recorder.messages)

    def hold(self, recipient_number):
        self.recorder.hold_at = recipient_number

    def wait_until_holding(self, timeout=60):
        return self.recorder.holding.wait(timeout)

    def release(self):
        self.recorder.released.set()

    def wait_for(self, count, timeout=60):
        """Wait until the server has taken ``count`` messages; returns them."""
        with self.recorder.received:
            self.recorder.received.wait_for(lambda: len(self.recorder.messages) >= count, timeout)
            return list(self.recorder.messages)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.release()
        self.controller.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()
