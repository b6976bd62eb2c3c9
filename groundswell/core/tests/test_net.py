import pytest
from django.test import RequestFactory

from groundswell.core.net import client_ip, rate_key

rf = RequestFactory()


def request(remote="203.0.113.9", xff=None, **headers):
    if xff is not None:
        headers["HTTP_X_FORWARDED_FOR"] = xff
    return rf.get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_proxy_the_socket_address_is_the_client_and_headers_are_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(xff="198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_the_rightmost_forwarded_address_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # A client may write anything on the left of the header; only our proxy's entry counts.
    assert client_ip(request(remote="10.0.0.2", xff="1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_second_from_the_right_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(remote="10.0.0.2", xff="1.2.3.4, 198.51.100.7, 10.0.0.1")) == (
        "198.51.100.7"
    )


def test_a_request_that_bypassed_the_proxies_falls_back_to_the_socket(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(remote="203.0.113.9", xff="198.51.100.7")) == "203.0.113.9"


def test_a_trusted_header_set_by_our_own_proxy_wins(settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(request(remote="10.0.0.2", HTTP_X_REAL_IP="[2001:db8::5]:443")) == (
        "2001:db8::5"
    )


def test_garbage_in_a_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(remote="203.0.113.9", xff="not-an-ip")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("ip", "key"),
    [("203.0.113.9", "203.0.113.9"), ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
     ("::ffff:203.0.113.9", "203.0.113.9"), (None, "")],
)  # fmt: skip
def test_ipv6_addresses_are_limited_per_64_block(ip, key):
    assert rate_key(ip) == key
