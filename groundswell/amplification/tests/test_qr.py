import pytest
from django.test import override_settings
from django.urls import reverse

from groundswell.amplification.services import qr_svg


def test_a_qr_code_is_svg_markup_without_scripts_or_inline_styles():
    svg = qr_svg("https://gs.example.org/act/clean-air/?r=abc23456&c=qr")

    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<path" in svg
    assert "script" not in svg and "style=" not in svg


def test_longer_links_make_larger_codes():
    short, long = qr_svg("https://a.example/"), qr_svg("https://a.example/" + "x" * 200)

    assert len(long) > len(short)


@override_settings(SITE_URL="https://gs.example.org")
def test_the_qr_view_draws_a_page_of_this_site_as_an_image(client):
    response = client.get(reverse("amplification:qr"), {"u": "/act/clean-air/?r=abc&c=qr"})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    expected = qr_svg("https://gs.example.org/act/clean-air/?r=abc&c=qr")
    assert response.content.decode() == expected


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/act/",
        "/\\evil.example/",
        "http:/evil.example",
        "javascript:alert(1)",
        "act/clean-air/",
        "",
        "/" + "x" * 600,
    ],
)
def test_the_qr_view_refuses_anything_but_a_path_on_this_site(client, target):
    response = client.get(reverse("amplification:qr"), {"u": target})

    assert response.status_code == 400
    assert response["Content-Type"] != "image/svg+xml"
