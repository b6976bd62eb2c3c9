"""Run the whole suite on SQLite and, where PostgreSQL is reachable, again on PostgreSQL."""

import os
import subprocess
import sys

DEFAULT_PG = "postgresql://127.0.0.1/test"


def postgres_reachable(url):
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return True
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        print(f"PostgreSQL at {url} is not reachable ({exc.__class__.__name__}).")
        return False


def pytest(label, env, extra):
    print(f"\n=== Groundswell test suite on {label} ===", flush=True)
    cmd = [sys.executable, "-m", "pytest", "-n", os.environ.get("TEST_WORKERS", "2"), *extra]
    return subprocess.call(cmd, env=env)  # noqa: S603 - our own interpreter running pytest


def main():
    extra = sys.argv[1:]
    base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    results = {"SQLite": pytest("SQLite", base, extra)}
    pg_url = os.environ.get("TEST_DATABASE_URL", DEFAULT_PG)
    if postgres_reachable(pg_url):
        results["PostgreSQL"] = pytest("PostgreSQL", {**base, "DATABASE_URL": pg_url}, extra)
    else:
        print("SKIPPING the PostgreSQL run: set TEST_DATABASE_URL to a reachable server.")
    print()
    for label, code in results.items():
        print(f"{label}: {'passed' if code == 0 else f'FAILED (exit {code})'}")
    sys.exit(max(results.values()))


if __name__ == "__main__":
    main()
