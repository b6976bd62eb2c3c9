"""Helpers for content organisers write in several languages: {"en": .., "es": .., "fr": ..}."""

from django.conf import settings
from django.utils import translation


def localized(value, language=None):
    """The text of a per-language dict in `language` (default: active), falling back sensibly."""
    if not isinstance(value, dict):
        return value or ""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (language, settings.LANGUAGE_CODE, *value):
        if value.get(code):
            return value[code]
    return ""


def language_codes():
    return [code for code, _name in settings.LANGUAGES]
