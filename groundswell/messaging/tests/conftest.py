import socket

import pytest

from groundswell.core.testing import LoopbackController, Mailbox


@pytest.fixture
def immediate_tasks(settings):
    """Run tasks in-process as soon as they are enqueued (the outbox enqueues on commit)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Refusing(Mailbox):
    """A mail server that answers every recipient with `reply` while it is set, then accepts."""

    def __init__(self):
        super().__init__()
        self.reply = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.reply:
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def refusing_smtp_server(settings):
    """A real SMTP server on loopback whose answer to recipients the test sets; its Mailbox."""
    mailbox = Refusing()
    controller = LoopbackController(mailbox, hostname="127.0.0.1", port=0)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield mailbox
    finally:
        controller.stop()


@pytest.fixture
def no_smtp_server(settings):
    """Mail goes to a loopback port where nothing listens: every attempt is refused."""
    with socket.socket() as probe:  # a port the kernel just handed out, now closed again
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
