import pytest
from django.core.exceptions import ValidationError
from django.utils.functional import Promise

from groundswell.people.validators import (
    clean_person_fields,
    normalise_country,
    normalise_email,
    normalise_language,
    normalise_phone,
)


def field_error(exc, field):
    """The one error `exc` holds for `field`, checking it is keyed there and translatable."""
    assert list(exc.error_dict) == [field]
    [error] = exc.error_dict[field]
    assert isinstance(error.message, Promise), "messages must be lazy translatable strings"
    return error


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ana@Bücher.Example", "ana@xn--bcher-kva.example"),
        ("  ADA@Example.ORG \n", "ada@example.org"),
        ("kofi@example.org.", "kofi@example.org"),
        ("awa+petition@sub.example.sn", "awa+petition@sub.example.sn"),
        ("", None),
        (None, None),
        ("   ", None),
    ],
)
def test_an_email_is_trimmed_lower_cased_and_its_domain_idna_encoded(raw, expected):
    assert normalise_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["not an email", "ana@", "@example.org", "ana@@example.org", "ana@exa mple.org", "a@-bad-.org"],
)
def test_a_malformed_email_is_refused_with_an_error_on_the_email_field(raw):
    with pytest.raises(ValidationError) as caught:
        normalise_email(raw)
    assert field_error(caught.value, "email").code == "email"


def test_an_email_longer_than_the_column_is_refused():
    with pytest.raises(ValidationError) as caught:
        normalise_email("a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org")
    field_error(caught.value, "email")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("+221 77 123 45 67", None, "+221771234567"),
        ("77 123 45 67", "SN", "+221771234567"),
        ("77-123-45-67", "sn", "+221771234567"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("0044 20 7946 0958", None, "+442079460958"),
        ("+44 20 7946 0958", "SN", "+442079460958"),  # an international number ignores the hint
        ("", "SN", None),
    ],
)
def test_a_phone_is_stored_in_e164(raw, country, expected):
    assert normalise_phone(raw, country=country) == expected


def test_a_national_phone_number_uses_the_default_country_when_no_hint_is_given(settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "DEFAULT_COUNTRY": "SN"}
    assert normalise_phone("77 123 45 67") == "+221771234567"


def test_a_national_phone_number_without_any_region_is_refused(settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "DEFAULT_COUNTRY": ""}
    with pytest.raises(ValidationError) as caught:
        normalise_phone("77 123 45 67")
    field_error(caught.value, "phone")


@pytest.mark.parametrize("raw", ["12", "+221 12", "call me", "+1 555 0100 0000 0000 0000"])
def test_an_invalid_phone_number_is_refused_with_an_error_on_the_phone_field(raw):
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw, country="SN")
    assert field_error(caught.value, "phone").code == "phone"


def test_a_country_is_an_upper_case_iso_code():
    assert normalise_country(" sn ") == "SN"
    assert normalise_country("") == ""


@pytest.mark.parametrize("raw", ["XX", "SEN", "Senegal", "S"])
def test_anything_but_an_iso_3166_alpha_2_code_is_refused_as_a_country(raw):
    with pytest.raises(ValidationError) as caught:
        normalise_country(raw)
    field_error(caught.value, "country")


def test_a_language_is_one_we_offer_and_a_regional_variant_becomes_its_language():
    assert normalise_language("es-MX") == "es"
    assert normalise_language("FR") == "fr"
    with pytest.raises(ValidationError) as caught:
        normalise_language("de")
    field_error(caught.value, "language")


def test_a_name_of_101_characters_is_refused_and_the_message_names_the_field():
    with pytest.raises(ValidationError) as caught:
        clean_person_fields({"given_name": "x" * 101})
    error = field_error(caught.value, "given_name")
    assert error.code == "max_length"
    assert "Given name" in caught.value.message_dict["given_name"][0]
    assert "100" in caught.value.message_dict["given_name"][0]


def test_a_name_of_100_characters_is_accepted():
    assert clean_person_fields({"family_name": " " + "y" * 100})["family_name"] == "y" * 100


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("latitude", 90.5),
        ("latitude", "-91"),
        ("longitude", 180.01),
        ("longitude", "east"),
        ("latitude", float("nan")),
        ("longitude", float("inf")),
        ("latitude", True),
    ],
)
def test_coordinates_out_of_range_or_not_numbers_are_refused(field, raw):
    with pytest.raises(ValidationError) as caught:
        clean_person_fields({field: raw})
    field_error(caught.value, field)


def test_coordinates_in_range_become_floats():
    cleaned = clean_person_fields({"latitude": "14.69", "longitude": -17.44})
    assert cleaned == {"latitude": 14.69, "longitude": -17.44}


def test_every_problem_is_reported_at_once_each_on_its_own_field():
    with pytest.raises(ValidationError) as caught:
        clean_person_fields(
            {"email": "nope", "phone": "12", "country": "XX", "given_name": "x" * 101}
        )
    assert set(caught.value.message_dict) == {"email", "phone", "country", "given_name"}


def test_the_country_given_is_the_region_hint_for_the_phone():
    cleaned = clean_person_fields({"phone": "020 7946 0958", "country": "gb"})
    assert cleaned == {"phone": "+442079460958", "country": "GB"}


def test_text_with_a_nul_character_is_refused():
    with pytest.raises(ValidationError) as caught:
        clean_person_fields({"locality": "Da\x00kar"})
    field_error(caught.value, "locality")


def test_a_field_a_service_may_not_set_is_a_programming_error():
    with pytest.raises(TypeError):
        clean_person_fields({"referral_code": "abc"})
