"""Every user-visible string ships in Spanish and French: the catalogs are complete, compiled,
cover every string the code marks for translation, and real pages come out translated."""

import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from groundswell.people.validators import normalise_email

LANGUAGES = ("es", "fr")
LOCALE = Path(settings.LOCALE_PATHS[0])
PACKAGE = Path(settings.BASE_DIR)
# The Makefile's `messages` flags (less the languages: one is enough to list the msgids).
EXTRACT_FLAGS = ["-e", "html,txt,py", "-i", "tests", "-i", "tests_browser", "-i", "migrations"]
HOW_TO_FIX = "run `make messages`, translate the new entries in groundswell/locale, run it again"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?[a-zA-Z][^>]*>")


@pytest.fixture(autouse=True)
def _restore_language():
    """A request in Spanish leaves Spanish active in the thread; no later test may inherit it."""
    language = translation.get_language()
    yield
    translation.activate(language)


def catalog(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def label(entry):
    return repr(entry.msgid) + (f" (context {entry.msgctxt!r})" if entry.msgctxt else "")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_of_the_catalog_is_translated_and_none_is_fuzzy(language):
    po = catalog(language)

    untranslated = [label(e) for e in po.untranslated_entries()]
    fuzzy = [label(e) for e in po.fuzzy_entries()]

    assert len(po) > 100, "the catalog looks empty"
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language} (check, then drop the flag): {fuzzy[:20]}"
    assert not po.metadata_is_fuzzy, f"the {language} header is still marked fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_tag_of_the_english(language):
    broken = []
    for entry in catalog(language).translated_entries():
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            # The last form is the general plural and must say all the English plural says.
            if placeholders(forms[-1]) != placeholders(entry.msgid_plural) or any(
                not set(placeholders(form)) <= allowed for form in forms
            ):
                broken.append(label(entry))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            broken.append(label(entry))

    assert not broken, f"placeholders or tags differ in {language}: {broken}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_file_holds_exactly_what_the_po_file_says(language):
    po = catalog(language)
    expected = {}
    for entry in po.translated_entries():
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            expected.update({(msgid, int(i)): text for i, text in entry.msgstr_plural.items()})
        else:
            expected[msgid] = entry.msgstr

    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)._catalog
    compiled.pop("", None)  # the header: its dates change on every extraction

    stale = sorted(str(k) for k in expected.keys() ^ compiled.keys())
    changed = sorted(
        str(k) for k in expected.keys() & compiled.keys() if expected[k] != compiled[k]
    )
    assert not stale and not changed, (
        f"django.mo for {language} is older than django.po: {HOW_TO_FIX}. "
        f"Entries only on one side: {stale[:10]}; entries that differ: {changed[:10]}"
    )


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalog_with_its_format_checks(language, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "-o",
            str(tmp_path / "django.mo"),
            str(LOCALE / language / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msguniq") and shutil.which("msgmerge")),
    reason="gettext's xgettext, msguniq and msgmerge are not installed: nothing can be extracted",
)
def test_every_string_marked_for_translation_in_the_code_is_in_the_catalogs(tmp_path):
    """Extract into a copy of the package, so the real catalogs are never touched."""
    source = tmp_path / "groundswell"
    shutil.copytree(
        PACKAGE, source, ignore=shutil.ignore_patterns("locale", "static", "__pycache__")
    )
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    (settings_dir / "extract_settings.py").write_text(
        "from groundswell.settings import *  # noqa: F403\n"
        f"LOCALE_PATHS = [{str(source / 'locale')!r}]\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(settings_dir), str(PACKAGE.parent)])}
    env["GROUNDSWELL_DATA_DIR"] = str(tmp_path / "data")
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "es", *EXTRACT_FLAGS]
        + ["--settings=extract_settings", "--verbosity=0"],
        cwd=source,
        env=env,
        check=True,
    )
    extracted = polib.pofile(str(source / "locale" / "es" / "LC_MESSAGES" / "django.po"))

    assert len(extracted) > 100, "extraction found almost nothing: is the copy complete?"
    for language in LANGUAGES:
        known = {key(e) for e in catalog(language)}
        missing = [label(e) for e in extracted if key(e) not in known]
        assert not missing, (
            f"{len(missing)} strings missing from {language}: {HOW_TO_FIX}. {missing[:20]}"
        )


def test_the_home_page_speaks_spanish_to_a_browser_that_asks_for_it(client):
    response = client.get(reverse("home"), headers={"accept-language": "es"})

    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Juntos llegamos más lejos" in page
    assert "Inicia sesión para ver tu recorrido" in page
    assert "Together we go further" not in page


def test_the_home_page_speaks_french_to_someone_who_chose_it(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    page = client.get(reverse("home"), headers={"accept-language": "es"}).content.decode()

    assert '<html lang="fr">' in page
    assert "Ensemble, on va plus loin" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "supporters", "code_button"),
    [
        ("es", "Simpatizantes", "Envíame un código de acceso"),
        ("fr", "Sympathisants", "Envoyez-moi un code de connexion"),
    ],
)
def test_the_sign_in_page_is_translated(client, language, supporters, code_button):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    page = client.get(reverse("account_login")).content.decode()

    assert supporters in page
    assert code_button in page
    assert "Send me a sign-in code" not in page


def test_a_validation_error_comes_back_in_the_active_language():
    with translation.override("es"):
        with pytest.raises(ValidationError) as raised:
            normalise_email("not an address")
        messages = raised.value.message_dict  # lazy: rendered in the language active now

    assert messages["email"] == ["Introduce una dirección de correo electrónico válida."]


def test_plural_forms_follow_the_number_in_french():
    with translation.override("fr"):
        one = translation.ngettext("Take one more action", "Take %(count)d more actions", 1)
        three = translation.ngettext("Take one more action", "Take %(count)d more actions", 3)

    assert one == "Faites encore une action"
    assert three % {"count": 3} == "Faites encore 3 actions"
