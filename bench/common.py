"""What every benchmark shares: which database, Django set-up, timing and the result line."""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / ".results"
DEFAULT_PG = "postgresql://127.0.0.1/groundswell_bench"
ROOT = BENCH_DIR.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def postgres_url():
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG


def log(message):
    print(message, file=sys.stderr, flush=True)


def setup(backend):
    """Point Django at the benchmark database for `backend` ("sqlite" or "postgres"), migrate."""
    RESULTS.mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "groundswell.settings"
    os.environ["DEBUG"] = "0"
    if backend == "sqlite":
        # The embedded default, configured exactly as `groundswell demo` runs it.
        os.environ.pop("DATABASE_URL", None)
        os.environ["GROUNDSWELL_DATA_DIR"] = str(RESULTS / "sqlite")
        (RESULTS / "sqlite").mkdir(exist_ok=True)
    else:
        url = postgres_url()
        create_database(url)
        os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def create_database(url):
    """CREATE DATABASE for `url` if it does not exist (connecting to the server's postgres db)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"Creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def best_of(runs, func):
    """(best seconds, last result) of `runs` timed calls of `func`."""
    best, result = float("inf"), None
    for _run in range(runs):
        started = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - started)
    return best, result


def report(name, *, ratio, label, target, ok, detail, **extra):
    """Print the one line a benchmark contributes and keep it for bench/run.py."""
    mark = "ok" if ok else "MISSED"
    print(f"{name:<24} {label} = {ratio:6.2f}  (target {target}; {mark})  {detail}", flush=True)
    record = {"name": name, "ratio": ratio, "label": label, "target": target, "ok": ok, **extra}
    with (RESULTS / "figures.jsonl").open("a") as figures:
        figures.write(json.dumps(record) + "\n")


def big_dataset(description):
    """Parse --people/--activities, connect to PostgreSQL and return the (reused) data set."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--activities", type=int, default=10_000_000)
    args = parser.parse_args()
    setup("postgres")
    import dataset  # needs Django set up first

    return dataset.ensure(args.people, args.activities)
