"""Short, non-sequential, unambiguous codes for referral links and check-ins."""

import secrets

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def random_code(length=8):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))
