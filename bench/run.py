"""Run every benchmark, each in its own process, and print one line per figure.

Each figure is a ratio against a reference measured in the same run on the same machine, so
figures compare across machines where seconds would not:

  hot path (SQLite, PostgreSQL)   raw INSERT time / record_activity time      target >= 0.25
  segment (PostgreSQL)            ORM count time / hand-written SQL time       target <= 1.5
  recompute (PostgreSQL)          recompute_stages time / one set-based UPDATE target <= 2
  amplification (PostgreSQL)      campaign_figures time / same in Python lists target <= 2 (< 2 s)
  signatures (PostgreSQL)         HTTP POSTs through gunicorn / pgbench, same writes  target >= 0.25
                                  (and p99 < 100 ms, count = distinct signers after)
  csv import (PostgreSQL)         COPY time of the same file / import time     target >= 0.3
                                  (--people rows, 20% repeats, 30% already known)

PostgreSQL runs use BENCH_DATABASE_URL (default postgresql://127.0.0.1/groundswell_bench,
created if missing). The big data set (1,000,000 people, 10,000,000 activities by default) is
generated once in SQL and reused; --people/--activities choose a smaller one for a quick run.
"""

import argparse
import subprocess
import sys
import time

from common import BENCH_DIR, RESULTS, log, postgres_url


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--activities", type=int, default=10_000_000)
    parser.add_argument("--calls", type=int, default=2000, help="hot path calls of each kind")
    parser.add_argument(
        "--only",
        nargs="*",
        choices=["hot_path", "segment", "recompute", "signatures", "amplification", "csv_import"],
        help="a subset",
    )
    args = parser.parse_args()
    only = set(
        args.only
        or ["hot_path", "segment", "recompute", "signatures", "amplification", "csv_import"]
    )
    sizes = ["--people", str(args.people), "--activities", str(args.activities)]
    runs = []
    if "hot_path" in only:
        runs.append(["hot_path.py", "--db", "sqlite", "--calls", str(args.calls)])
    pg = postgres_reachable()
    if pg and "hot_path" in only:
        runs.append(["hot_path.py", "--db", "postgres", "--calls", str(args.calls)])
    runs += [
        [f"{name}.py", *sizes]
        for name in ("segment", "recompute", "amplification")
        if pg and name in only
    ]
    if pg and "signatures" in only:
        runs.append(["signatures.py"])
    if pg and "csv_import" in only:
        runs.append(["csv_import.py", "--rows", str(args.people)])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "figures.jsonl").unlink(missing_ok=True)
    lines, failed = [], []
    for argv in runs:
        log(f"\n== {' '.join(argv)}")
        started = time.monotonic()
        result = subprocess.run(  # noqa: S603 - our own scripts with our own interpreter
            [sys.executable, str(BENCH_DIR / argv[0]), *argv[1:]],
            stdout=subprocess.PIPE, text=True, cwd=BENCH_DIR,
        )  # fmt: skip
        lines += result.stdout.splitlines()
        if result.returncode:
            failed.append(argv[0])
        log(f"   ({time.monotonic() - started:.0f} s)")
    print("\nBenchmark figures (each a ratio against a reference measured in the same run):")
    for line in lines:
        print("  " + line)
    if failed:
        print(f"FAILED to run: {', '.join(failed)}")
    missed = [line for line in lines if "MISSED" in line]
    sys.exit(1 if failed or missed else 0)


def postgres_reachable():
    import psycopg

    url = postgres_url()
    admin = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, connect_timeout=3):
            return True
    except psycopg.Error as exc:
        log(f"PostgreSQL is not reachable at {admin} ({exc.__class__.__name__}): SQLite only.")
        return False


if __name__ == "__main__":
    main()
