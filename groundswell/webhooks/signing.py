"""The Standard Webhooks signature (https://www.standardwebhooks.com/): a secret "whsec_<base64
key>", and "v1," + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")) in Webhook-Signature."""

import base64
import hashlib
import hmac
import secrets

PREFIX = "whsec_"


def new_secret():
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(secret, event_id, timestamp, body):
    """The Webhook-Signature value for `body` (bytes) sent as `event_id` at `timestamp`."""
    key = base64.b64decode(secret.removeprefix(PREFIX))
    signed = f"{event_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()
