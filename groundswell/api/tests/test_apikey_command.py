import io

import pytest
from django.core.management import CommandError, call_command

from groundswell.api.models import ApiKey
from groundswell.api.services import authenticate


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("apikey", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_a_working_key_once_and_list_never_shows_it(world):
    out, err = run("create", "--name", "Dakar sync", "--group", "dakar", "--read-only")

    raw = out.strip()
    key = authenticate(raw)
    assert (key.name, key.group, key.read_only) == ("Dakar sync", world.group_a, True)
    assert "not stored" in err
    listing, _err = run("list")
    assert key.prefix in listing and raw not in listing
    assert "dakar" in listing and "read-only" in listing


def test_revoke_stops_the_key(world):
    raw = run("create", "--name", "x")[0].strip()

    run("revoke", ApiKey.objects.get().prefix)

    assert authenticate(raw) is None


def test_an_unknown_group_or_prefix_is_an_error(world):
    with pytest.raises(CommandError):
        run("create", "--name", "x", "--group", "nowhere")
    with pytest.raises(CommandError):
        run("revoke", "gs_nothing")
