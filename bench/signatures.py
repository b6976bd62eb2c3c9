"""Signature burst: POST /act/<slug>/ through gunicorn against the same writes run by pgbench.

A petition that already has --existing confirmed signatures (1,000,000 by default: people,
consents, counters, submissions, activities and count shards generated in SQL once and reused
while the marker table bench_signatures says so) is signed by --connections keep-alive
connections from loopback, each a stream of new visitors: one GET of the form for the CSRF
cookie and token per connection, then POSTs without a session cookie, as from fresh browsers,
each from its own address (X-Forwarded-For behind one trusted proxy). 30% of the POSTs repeat an
earlier signer: half someone among the existing signatures, half someone this connection has
already sent.

The reference is pgbench at the same concurrency on the same database and the same mix, writing
the rows the service writes (person upsert ON CONFLICT (email), consent, audit, counters and
stage transitions for a new person, submission ON CONFLICT DO NOTHING, activity, count shard),
one prepared statement each, one transaction per signature; half of it runs before the HTTP
burst and half after, so both see the same machine. Figures: HTTP/raw throughput (target
>= 0.25), p99 latency of the POSTs (target < 100 ms) and the live count afterwards, which must
equal the existing signatures plus the distinct new signers. Rows written by a run are deleted
after it, so the data set stays reusable.

The petition runs in its own database (BENCH_DATABASE_URL's name + "_signatures"), so it never
meets the big data set of the segment and recompute benchmarks.
"""

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from common import ROOT, log, postgres_url, report, setup

TARGET_RATIO = 0.25
TARGET_P99_MS = 100
SLUG = "bench-signatures"
SHARDS = 16  # actions.counters.SHARDS
REPEAT_SHARE = 30  # percent of POSTs that repeat an earlier signer, half of them existing ones
VERSION = 1  # of the generator: a data set made by another version is made again


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--existing", type=int, default=1_000_000, help="signatures already there")
    parser.add_argument("--requests", type=int, default=5_000, help="timed POSTs")
    parser.add_argument("--warmup", type=int, default=500, help="POSTs before timing")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--paced-rate", type=float, default=33.0,
        help="signatures a second of the paced run (33: the busiest petition on record)",
    )  # fmt: skip
    parser.add_argument("--paced-requests", type=int, default=1_000, help="POSTs of the paced run")
    args = parser.parse_args()
    url = signatures_url()
    os.environ["BENCH_DATABASE_URL"] = url
    setup("postgres")
    petition = ensure(args.existing)
    load = os.getloadavg()[0]
    try:
        reset(petition)
        half = max(1, args.requests // args.connections // 2)
        raw_before = reference(url, petition, args.connections, half, run=1)
        http = burst(url, petition, args)
        paced = burst(url, petition, argparse.Namespace(
            **{**vars(args), "requests": args.paced_requests, "warmup": 100},
        ), rate=args.paced_rate)  # fmt: skip
        counted, submissions, flagged, raw_new = tally(petition)
        raw_after = reference(url, petition, args.connections, half, run=2)
        expected = petition.existing + raw_new + http.distinct_new + paced.distinct_new
    finally:
        reset(petition)
    raw_rate = (raw_before.done + raw_after.done) / (raw_before.seconds + raw_after.seconds)
    ratio = http.rate / raw_rate
    report(
        "signatures (HTTP)",
        ratio=ratio,
        label="http/raw",
        target=f">= {TARGET_RATIO}",
        ok=ratio >= TARGET_RATIO and not http.errors,
        detail=(
            f"{http.rate:,.0f}/s through gunicorn ({args.workers}x{args.threads} threads) vs "
            f"{raw_rate:,.0f}/s by pgbench, {args.connections} connections, {http.done:,} POSTs "
            f"({http.errors} failed), {petition.existing:,} signatures before, gunicorn CPU "
            f"{http.cpu_ms:.1f} ms per POST, load average {load:.1f} on {os.cpu_count()} CPUs"
        ),
        http_per_s=http.rate,
        raw_per_s=raw_rate,
        errors=http.errors,
        server_cpu_ms=http.cpu_ms,
    )
    p50, p90, p99 = (percentile(http.latencies, q) for q in (50, 90, 99))
    report(
        "signatures p99",
        ratio=p99 / TARGET_P99_MS,
        label="p99/100ms",
        target="< 1",
        ok=p99 < TARGET_P99_MS,
        detail=f"p50 {p50:.1f} ms, p90 {p90:.1f} ms, p99 {p99:.1f} ms per POST",
        p50_ms=p50,
        p90_ms=p90,
        p99_ms=p99,
    )
    q50, q99 = (percentile(paced.latencies, q) for q in (50, 99))
    report(
        "signatures p99 paced",
        ratio=q99 / TARGET_P99_MS,
        label="p99/100ms",
        target="< 1",
        ok=q99 < TARGET_P99_MS,
        detail=(
            f"at a steady {args.paced_rate:g} signatures/s (the record peak), latency from each "
            f"POST's scheduled time: p50 {q50:.1f} ms, p99 {q99:.1f} ms, {paced.errors} failed"
        ),
        p50_ms=q50,
        p99_ms=q99,
    )
    report(
        "signatures count",
        ratio=counted / expected,
        label="count/expected",
        target="= 1",
        ok=counted == expected == submissions and not flagged,
        detail=(
            f"live count {counted:,}, confirmed submissions {submissions:,}, expected "
            f"{expected:,} ({http.distinct_new:,} distinct new signers by HTTP, {raw_new:,} by "
            f"pgbench), {flagged} flagged"
        ),
    )


def signatures_url():
    parts = urlsplit(postgres_url())
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_signatures"))


# --- The petition and its million signatures ------------------------------------------------


class Petition:
    def __init__(self, row):
        (self.existing, self.action_id, self.campaign_id, self.first_stage, self.acting_stage,
         self.max_ids) = row  # fmt: skip


# Tables whose rows a run adds and reset() deletes again: (table, id column).
GROWING = (
    ("people_person", "id"),
    ("people_consentrecord", "id"),
    ("core_auditentry", "id"),
    ("actions_submission", "id"),
    ("journeys_activity", "id"),
    ("journeys_stagetransition", "id"),
)


def ensure(existing):
    """The petition with `existing` signatures, generated now unless the marker says it is."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_signatures (existing bigint NOT NULL,"
            " version int NOT NULL, action_id bigint NOT NULL, campaign_id bigint NOT NULL,"
            " first_stage bigint NOT NULL, acting_stage bigint NOT NULL, max_ids jsonb NOT NULL)"
        )
        cursor.execute(
            "SELECT existing, version, action_id, campaign_id, first_stage, acting_stage,"
            " CAST(max_ids AS text) FROM bench_signatures"
        )
        row = cursor.fetchone()
    if row and row[0] == existing and row[1] == VERSION:
        log(f"Reusing the petition with {existing:,} signatures.")
        return Petition((row[0], *row[2:6], json.loads(row[6])))
    from groundswell.people.models import Person

    if row is None and Person.objects.exists():
        raise SystemExit(
            "The signatures database has people but no bench_signatures marker: it is not ours "
            "to wipe. Point BENCH_DATABASE_URL elsewhere."
        )
    return generate(existing)


def generate(existing):
    from dataset import without_indexes
    from django.db import connection, transaction

    from groundswell.actions.models import Action
    from groundswell.campaigns.models import Campaign
    from groundswell.journeys.models import Stage

    started = time.monotonic()
    log(f"Generating a petition with {existing:,} signatures (once; reused after)…")
    campaign, _created = Campaign.objects.get_or_create(
        slug=SLUG, defaults={"title": {"en": "Signature burst"}, "status": "live"}
    )
    action, _created = Action.objects.update_or_create(
        slug=SLUG,
        defaults={
            "campaign": campaign, "kind": Action.Kind.PETITION,
            "title": {"en": "Clean air for every school"}, "status": Action.Status.LIVE,
            "goal": 2 * existing, "double_opt_in": False, "target": "The minister",
        },
    )  # fmt: skip
    stages = dict(Stage.objects.values_list("slug", "pk"))
    first, acting = stages["discovery"], stages["taking_action"]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("DELETE FROM bench_signatures")
        cursor.execute(
            "TRUNCATE people_person, people_consentrecord, core_auditentry, actions_submission,"
            " actions_actioncount, journeys_activity, journeys_personstats,"
            " journeys_stagetransition, django_session RESTART IDENTITY CASCADE"
        )
        params = {"n": existing, "action": action.pk, "acting": acting, "source": f"action:{SLUG}"}
        # Signatures over the last 30 days in id order.
        at = "(now() - interval '30 days' * (%(n)s - i) / %(n)s)"
        log("  people")
        with without_indexes(cursor, "people_person"):
            cursor.execute(
                f"""
                INSERT INTO people_person (uuid, given_name, family_name, email, phone, language,
                    country, region, locality, postal_code, latitude, longitude, gender,
                    gender_self_described, source, custom_fields, referral_code, created_at,
                    modified_at)
                SELECT md5('sig' || i)::uuid, 'Given' || (i %% 997), 'Family' || (i %% 1009),
                       'sig' || i || '@gmail.com', NULL, 'en', 'FR', '', '', '', NULL, NULL, '',
                       '', %(source)s, '{{}}', 's' || i, {at}, {at}
                FROM generate_series(1, %(n)s) AS i
                """,
                params,
            )
        log("  consents, counters, submissions, activities")
        with without_indexes(cursor, "people_consentrecord"):
            cursor.execute(
                f"""
                INSERT INTO people_consentrecord (channel, purpose, granted, recorded_at, source,
                    source_detail, wording_version, person_id)
                SELECT 'email', 'updates', true, {at}, 'form', %(source)s, '2026-01', i
                FROM generate_series(1, %(n)s) AS i
                """,
                params,
            )
        with without_indexes(cursor, "journeys_personstats"):
            cursor.execute(
                f"""
                INSERT INTO journeys_personstats (person_id, stage_id, stage_since,
                    first_activity_at, last_activity_at, activities, actions, events_attended,
                    events_hosted, recruits, courses_completed, counts, recent, goal_marks)
                SELECT i, %(acting)s, {at}, {at}, {at}, 1, 1, 0, 0, 0, 0,
                       '{{"petition_signed": 1}}', '{{}}', '{{}}'
                FROM generate_series(1, %(n)s) AS i
                """,
                params,
            )
        with without_indexes(cursor, "actions_submission"):
            cursor.execute(
                f"""
                INSERT INTO actions_submission (status, comment, flagged, flag_reason, channel,
                    referral_code, ip_hash, created_at, confirmed_at, action_id, person_id, data)
                SELECT 'confirmed', '', false, '', '', '', '', {at}, {at}, %(action)s, i, '{{}}'
                FROM generate_series(1, %(n)s) AS i
                """,
                params,
            )
        with without_indexes(cursor, "journeys_activity"):
            cursor.execute(
                f"""
                INSERT INTO journeys_activity (person_id, kind, occurred_at, object_type,
                    object_id, campaign_id, channel, data)
                SELECT i, 'petition_signed', {at}, 'action', %(action)s, %(campaign)s, '', '{{}}'
                FROM generate_series(1, %(n)s) AS i
                """,
                {**params, "campaign": campaign.pk},
            )
        max_ids = {}
        for table, column in GROWING:
            cursor.execute(f"SELECT coalesce(max({column}), 0) FROM {table}")  # noqa: S608
            max_ids[table] = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO bench_signatures VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [existing, VERSION, action.pk, campaign.pk, first, acting, json.dumps(max_ids)],
        )
    log("VACUUM ANALYZE…")
    with connection.cursor() as cursor:
        for table in ("people_person", "people_consentrecord", "journeys_personstats",
                      "actions_submission", "journeys_activity"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    log(f"Generated in {time.monotonic() - started:.0f} s.")
    return Petition((existing, action.pk, campaign.pk, first, acting, max_ids))


def reset(petition):
    """Delete whatever a run added (people and what hangs off them, sessions) and put the count
    shards back to the existing signatures."""
    from django.db import connection, transaction

    people = petition.max_ids["people_person"]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
            " WHERE c.contype = 'f' AND c.confrelid = 'people_person'::regclass"
        )
        for table, column in cursor.fetchall():
            cursor.execute(f'DELETE FROM {table} WHERE "{column}" > %s', [people])  # noqa: S608
        for table, column in reversed(GROWING):
            cursor.execute(
                f"DELETE FROM {table} WHERE {column} > %s",  # noqa: S608
                [petition.max_ids[table]],
            )
        cursor.execute("TRUNCATE django_session")
        cursor.execute("DELETE FROM actions_actioncount WHERE action_id = %s", [petition.action_id])
        cursor.execute(
            "INSERT INTO actions_actioncount (action_id, shard, count)"
            " SELECT %(action)s, s, %(n)s / %(shards)s + CASE WHEN s = 0 THEN %(n)s %% %(shards)s"
            " ELSE 0 END FROM generate_series(0, %(shards)s - 1) AS s",
            {"action": petition.action_id, "n": petition.existing, "shards": SHARDS},
        )
    from django.core.cache import cache

    cache.clear()


def tally(petition):
    """(live count, confirmed unflagged submissions, flagged submissions, people pgbench made)."""
    from groundswell.actions import counters
    from groundswell.actions.models import Submission
    from groundswell.people.models import Person

    submissions = Submission.objects.filter(action_id=petition.action_id)
    return (
        counters.total(petition.action_id),
        submissions.filter(status=Submission.Status.CONFIRMED, flagged=False).count(),
        submissions.filter(flagged=True).count(),
        Person.objects.filter(email__startswith="raw", email__endswith="@gmail.com").count(),
    )


# --- The reference: pgbench ----------------------------------------------------------------

# pgbench takes ":name" for a variable even inside a string literal: such literals are split.
PGBENCH_SCRIPT = r"""
\set r random(1, 100)
\set old 0
\set shard random(0, 15)
\if :r <= 15
  \set old 1
  \set who random(1, :existing)
\elif :r <= 30 and :k > 0
  \set who random(1, :k)
\else
  \set k :k + 1
  \set who :k
\endif
BEGIN;
INSERT INTO people_person (uuid, given_name, family_name, email, phone, language, country,
    region, locality, postal_code, latitude, longitude, gender, gender_self_described, source,
    custom_fields, referral_code, created_at, modified_at)
VALUES (gen_random_uuid(), 'Ada', 'Signer',
    CASE WHEN :old = 1 THEN 'sig' || :who ELSE 'raw' || :run || '.' || :client_id || '.' || :who
    END || '@gmail.com', NULL, 'en', 'FR', '', '', '75011', NULL, NULL, '', '',
    'action:' || 'bench-signatures', '{}', substr(md5(random()::text), 1, 10), now(), now())
ON CONFLICT (email) DO UPDATE SET modified_at = excluded.modified_at
RETURNING id AS pid, CASE WHEN xmax = 0 THEN 1 ELSE 0 END AS created \gset
INSERT INTO people_consentrecord (channel, purpose, granted, recorded_at, source, source_detail,
    wording_version, person_id)
VALUES ('email', 'updates', true, now(), 'form', 'action:' || 'bench-signatures', '2026-01', :pid);
INSERT INTO core_auditentry (at, verb, object_type, object_id, data, actor_id)
VALUES (now(), CASE WHEN :created = 1 THEN 'person.created' ELSE 'person.upserted' END,
    'people.person', :pid, jsonb_build_object('source', 'action:' || 'bench-signatures'), NULL);
\if :created
INSERT INTO journeys_personstats (person_id, stage_id, stage_since, first_activity_at,
    last_activity_at, activities, actions, events_attended, events_hosted, recruits,
    courses_completed, counts, recent, goal_marks)
VALUES (:pid, :first_stage, now(), NULL, NULL, 0, 0, 0, 0, 0, 0, '{}', '{}', '{}');
INSERT INTO journeys_stagetransition (person_id, from_stage_id, to_stage_id, at, reason)
VALUES (:pid, NULL, :first_stage, now(), 'joined');
\endif
WITH fresh AS (
    INSERT INTO actions_submission (status, comment, flagged, flag_reason, channel,
        referral_code, ip_hash, created_at, confirmed_at, action_id, person_id, data)
    VALUES ('confirmed', '', false, '', '', '', md5(random()::text), now(), now(), :action,
        :pid, '{}')
    ON CONFLICT (person_id, action_id) DO NOTHING RETURNING id)
SELECT count(*) AS fresh FROM fresh \gset
\if :fresh
INSERT INTO core_auditentry (at, verb, object_type, object_id, data, actor_id)
VALUES (now(), 'action.submitted', 'actions.submission', :pid, '{"flagged": ""}', NULL);
WITH counters AS (
    UPDATE journeys_personstats SET activities = activities + 1, actions = actions + 1,
        counts = jsonb_set(counts, '{petition_signed}',
            to_jsonb(coalesce(CAST(counts ->> 'petition_signed' AS int), 0) + 1)),
        first_activity_at = coalesce(first_activity_at, now()), last_activity_at = now(),
        stage_id = :acting_stage, stage_since = now()
    WHERE person_id = :pid),
moved AS (
    INSERT INTO journeys_stagetransition (person_id, from_stage_id, to_stage_id, at, reason)
    VALUES (:pid, :first_stage, :acting_stage, now(), 'activity'))
INSERT INTO journeys_activity (person_id, kind, occurred_at, object_type, object_id,
    campaign_id, channel, data)
VALUES (:pid, 'petition_signed', now(), 'action', :action, :campaign, '', '{}');
UPDATE actions_actioncount SET count = count + 1 WHERE action_id = :action AND shard = :shard;
\endif
COMMIT;
"""


class Done:
    def __init__(self, done, seconds, latencies=(), errors=0, distinct_new=0):
        self.done, self.seconds, self.latencies = done, seconds, sorted(latencies)
        self.errors, self.distinct_new = errors, distinct_new
        self.rate = done / seconds


def reference(url, petition, clients, per_client, *, run):
    """pgbench: `clients` connections, `per_client` signatures each; Done."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(PGBENCH_SCRIPT)
    defines = {
        "existing": petition.existing, "action": petition.action_id,
        "campaign": petition.campaign_id, "first_stage": petition.first_stage,
        "acting_stage": petition.acting_stage, "run": run, "k": 0,
    }  # fmt: skip
    argv = ["pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2"]
    argv += ["-t", str(per_client), "-f", script.name]
    for name, value in defines.items():
        argv += ["-D", f"{name}={value}"]
    log(f"pgbench: {clients} clients x {per_client:,} signatures…")
    try:
        result = subprocess.run(  # noqa: S603 - pgbench with our own arguments
            [*argv, url], capture_output=True, text=True, check=False
        )
    finally:
        Path(script.name).unlink()
    if result.returncode:
        raise SystemExit(f"pgbench failed:\n{result.stderr}\n{result.stdout}")
    done = int(re.search(r"actually processed: (\d+)", result.stdout).group(1))
    tps = float(re.search(r"tps = ([\d.]+) \(without", result.stdout).group(1))
    latency = re.search(r"latency average = ([\d.]+) ms", result.stdout).group(1)
    log(f"  {tps:,.0f} signatures/s, latency average {latency} ms")
    return Done(done, done / tps)


# --- HTTP: gunicorn and a load generator -----------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(url, port, workers, threads):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-signatures-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "GROUNDSWELL_TRUSTED_PROXY_COUNT": "1",  # the load generator plays the proxy
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore::UserWarning",  # WhiteNoise: no collected static folder
        "DJANGO_SETTINGS_MODULE": "groundswell.settings",
    }
    env.pop("REDIS_URL", None)
    argv = [
        sys.executable, "-m", "gunicorn", "groundswell.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
        "--keep-alive", "30", "--backlog", "2048", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(argv, cwd=ROOT, env=env)  # noqa: S603 - our own server
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited at start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start within 60 s")


class Connection:
    """One keep-alive HTTP/1.1 connection: just enough of the protocol for our two requests."""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, method, path, headers, body=b""):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        received = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                name = name.strip().lower()
                received[name] = (
                    f"{received[name]}\n{value.strip()}" if name in received else value.strip()
                )
        content = await self.reader.readexactly(int(received.get("content-length", 0)))
        if received.get("connection", "").lower() == "close":
            self.close()
        return status, received, content

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Burst:
    def __init__(self, args, port, existing, server_pid, rate=None):
        self.args, self.port, self.existing, self.rate = args, port, existing, rate
        self.started = self.total = 0
        self.latencies, self.errors, self.new_signers = [], 0, 0
        self.timing_started, self.server_pid, self.server_cpu = None, server_pid, 0.0
        self.path = f"/act/{SLUG}/"
        self.paced_from = None
        self.tag = "paced" if rate else "web"  # each run's new signers are new to the other

    async def run(self):
        await asyncio.gather(*(self.connection(n) for n in range(self.args.connections)))

    async def connection(self, number):
        conn = Connection(self.port)
        rng = random.Random(number)
        status, headers, content = await conn.request("GET", self.path, {})
        if status != 200:
            raise SystemExit(f"GET {self.path}: {status}")
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", "")).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)
        fixed = {
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://127.0.0.1:{self.port}",
        }
        mine = 0
        total = self.args.warmup + self.args.requests
        while self.started < total:
            self.started += 1
            number_sent = self.started
            timed = self.started > self.args.warmup
            if timed and self.timing_started is None:
                self.timing_started = time.perf_counter()
                self.server_cpu = cpu_seconds(self.server_pid)
            due = None
            if self.rate:  # open loop: each POST has its time; latency counts from it
                if self.paced_from is None:
                    self.paced_from = time.perf_counter()
                due = self.paced_from + (number_sent - 1) / self.rate
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            draw = rng.randrange(100)
            if draw < REPEAT_SHARE // 2:
                email = f"sig{rng.randint(1, self.existing)}@gmail.com"
            elif draw < REPEAT_SHARE and mine:
                email = f"{self.tag}.{number}.{rng.randint(1, mine)}@gmail.com"
            else:
                mine += 1
                email = f"{self.tag}.{number}.{mine}@gmail.com"
            address = zlib.crc32(email.encode())
            form = {
                "csrfmiddlewaretoken": token.decode(), "given_name": "Ada",
                "family_name": "Signer", "email": email, "phone": "", "country": "FR",
                "postal_code": "75011", "consent": "on", "comment": "", "homepage": "",
                "r": "", "c": "",
            }  # fmt: skip
            forwarded = f"10.{address >> 16 & 255}.{address >> 8 & 255}.{address & 255}"
            headers = {**fixed, "X-Forwarded-For": forwarded}
            sent = due if due is not None else time.perf_counter()
            try:
                status, _headers, content = await conn.request(
                    "POST", self.path, headers, urlencode(form).encode()
                )
            except (OSError, asyncio.IncompleteReadError) as exc:
                conn.close()  # the next POST reconnects
                status, content = exc.__class__.__name__, b""
            if timed:
                self.latencies.append((time.perf_counter() - sent) * 1000)
            if status != 302:
                self.errors += 1
                if self.errors <= 3:
                    log(f"POST {email}: {status} {content[:300]!r}")
        self.new_signers += mine
        conn.close()


def burst(url, petition, args, rate=None):
    """POST signatures through gunicorn: as fast as the connections go, or at `rate` a second."""
    port = free_port()
    log(f"gunicorn {args.workers}x{args.threads} on :{port}; {args.connections} connections, "
        f"{args.warmup:,} + {args.requests:,} POSTs…")  # fmt: skip
    server = start_gunicorn(url, port, args.workers, args.threads)
    try:
        load = Burst(args, port, petition.existing, server.pid, rate=rate)
        asyncio.run(load.run())
        seconds = time.perf_counter() - load.timing_started
        server_cpu = cpu_seconds(server.pid) - load.server_cpu
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = Done(len(load.latencies), seconds, load.latencies, load.errors, load.new_signers)
    done.cpu_ms = server_cpu / max(1, done.done) * 1000
    log(f"  {done.rate:,.0f} signatures/s, {done.errors} failed, gunicorn CPU {done.cpu_ms:.1f} ms")
    return done


def cpu_seconds(parent):
    """User + system CPU seconds of the gunicorn workers so far (Linux /proc; 0 elsewhere)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == parent:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values, q):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * q / 100))]


if __name__ == "__main__":
    main()
