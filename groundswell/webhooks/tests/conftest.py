import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from groundswell.webhooks.models import WebhookSubscription
from groundswell.webhooks.services import save_subscription


class Receiver:
    """A webhook receiver on loopback (our own server): records each request and answers with
    the next status of `replies` (200 once they run out)."""

    def __init__(self):
        self.requests, self.replies = [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's hook name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                status = receiver.replies.pop(0) if receiver.replies else 200
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def payloads(self):
        return [json.loads(request["body"]) for request in self.requests]


@pytest.fixture(autouse=True)
def _http_allowed_on_loopback(settings):
    settings.WEBHOOKS_ALLOW_HTTP = True


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


@pytest.fixture
def immediate_tasks(settings):
    """Run tasks in-process as soon as they are enqueued (emit enqueues on commit)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def subscribe(db, receiver):
    def make(*event_types, group=None, url=None, name="CRM"):
        subscription = WebhookSubscription(
            name=name,
            url=url or receiver.url,
            event_types=list(event_types or ["person.created"]),
            group=group,
        )
        return save_subscription(subscription)

    return make
