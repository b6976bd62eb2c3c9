"""Test helpers with real parts: an SMTP server on loopback that keeps what it receives."""

import email
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.db import connections


class Mailbox:
    """An aiosmtpd handler that keeps every message it accepts, parsed, in arrival order."""

    def __init__(self):
        self.messages = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address):
        """The messages addressed to `address`."""
        return [m for m in self.messages if address.lower() in m["To"].lower()]

    @staticmethod
    def text(message):
        """The plain-text body of a parsed message."""
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message):
        body = message.get_body(preferencelist=("html",))
        return body.get_content() if body is not None else ""


class LoopbackController(Controller):
    """Listens on a port the kernel picks, so parallel test runs never collide on a fixed one."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 that Django's mail goes to; yields its Mailbox."""
    mailbox = Mailbox()
    controller = LoopbackController(mailbox, hostname="127.0.0.1", port=0)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield mailbox
    finally:
        controller.stop()


def run_together(work, *, threads):
    """Run work(i) in `threads` threads started at once; return their results, re-raising errors."""
    start = threading.Barrier(threads)
    results, errors = [None] * threads, []

    def run(i):
        try:
            start.wait(timeout=30)
            results[i] = work(i)
        except Exception as exc:  # collected here, re-raised in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in pool), "a thread never finished"
    if errors:
        raise errors[0]
    return results
