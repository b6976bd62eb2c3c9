import re

import pytest
from django.core.cache import cache

from groundswell.messaging.services import deliver_due


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and used TOTP codes live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def login_code():
    """The sign-in code in the one message to `address` that `mailbox` received."""

    def find(mailbox, address):
        deliver_due()  # the code mail waits in the outbox: send it, as the worker's sweep does
        (message,) = mailbox.to(address)
        match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailbox.text(message), re.M)
        return match.group(1)

    return find
