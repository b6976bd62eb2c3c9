"""CSV import: a million messy rows end to end against a raw COPY of the same file (PostgreSQL).

The file: --rows rows (1,000,000 by default) of which 20% repeat someone earlier in the file and
30% of the distinct people are already in the database, with messy case and spacing, national
and international phone formats, country names, and 1% rows that cannot be imported (no contact
point, broken email). Ours: upload (hash + store), map, then run_import exactly as the worker
does (chunks, dedup, consents, tags, the fuzzy review pass). The reference: PostgreSQL COPY of
the same file into a table with the person table's indexes. The figure is our rows/s over COPY's.

Runs in its own database (BENCH_DATABASE_URL with "_csv" appended) so it never touches the
other benchmarks' data.
"""

import argparse
import io
import os
import random
import time

from common import log, postgres_url, report, setup

RATIO_TARGET = 0.3
HEADER = ["Email", "Prénom", "Nom", "Téléphone", "Code postal", "Pays", "Newsletter"]
GIVEN = [f"{a}{b}" for a in ("Ana", "Bo", "Cy", "Dee", "Eli", "Fa", "Gus", "Hou") for b in "aeiouy"]
FAMILY = [f"{a}{b}" for a in ("Diallo", "Garcia", "Martin", "Okafor", "Silva", "Ndiaye") for b in
          ("", "son", "ez", "ini", "ova", "ing", "berg", "ou")]  # fmt: skip


def person(i):
    """The clean facts of distinct person `i`."""
    rng = random.Random(i)
    return {
        "email": f"person{i}@example{i % 40}.org",
        "given": rng.choice(GIVEN),
        "family": rng.choice(FAMILY) + str(i % 97),
        "phone": f"77{i:07d}" if i % 2 else "",
        "postal": f"{10000 + (i * 7919) % 90000}",
    }


def messy_row(i, rng):
    """Person `i` as a spreadsheet might have them: case, spaces, formats all over the place."""
    p = person(i)
    email = p["email"]
    if rng.random() < 0.3:
        email = f"  {email.upper()} "
    phone = p["phone"]
    if phone and rng.random() < 0.5:
        phone = f"+221 {phone[:2]} {phone[2:5]} {phone[5:7]} {phone[7:]}"
    given = p["given"].upper() if rng.random() < 0.2 else p["given"]
    family = f" {p['family'].lower()}  " if rng.random() < 0.2 else p["family"]
    country = rng.choice(["SN", "sn", "Senegal", " SN "])
    return [email, given, family, phone, p["postal"], country, rng.choice(["yes", "oui", "no", ""])]


def make_file(rows, seed=7):
    """The CSV text and how many distinct people it names."""
    rng = random.Random(seed)
    distinct = int(rows * 0.8)
    order = list(range(distinct)) + [rng.randrange(distinct) for _ in range(rows - distinct)]
    rng.shuffle(order)
    out = io.StringIO()
    out.write(",".join(HEADER) + "\n")
    for n, i in enumerate(order):
        row = messy_row(i, rng)
        if n % 100 == 0:  # a bad row: no contact point or a broken email
            row[0], row[3] = ("", "") if n % 200 == 0 else ("not an email", "")
        out.write(",".join(row) + "\n")
    return out.getvalue(), distinct


def reset(cursor, distinct):
    """An empty person table, then 30% of the file's distinct people already in it."""
    cursor.execute(
        "TRUNCATE people_person, people_tag, people_importsource, people_personimport CASCADE"
    )
    existing = [i for i in range(distinct) if i % 10 < 3]
    with cursor.copy(
        "COPY people_person (uuid, given_name, family_name, email, phone, language, country,"
        " region, locality, postal_code, gender, gender_self_described, source, custom_fields,"
        " referral_code, created_at, modified_at) FROM STDIN"
    ) as copy:
        for i in existing:
            p = person(i)
            phone = f"+221{p['phone']}" if p["phone"] else None
            copy.write_row([
                f"00000000-0000-4000-8000-{i:012d}", p["given"], p["family"], p["email"], phone,
                "fr", "SN", "", "", p["postal"], "", "", "crm", "{}", f"x{i}",
                "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z",
            ])  # fmt: skip
    cursor.execute("ANALYZE people_person")
    return len(existing)


def copy_reference(cursor, text):
    """Seconds for COPY of the same file into a table with the person table's indexes."""
    cursor.execute(
        """
        DROP TABLE IF EXISTS bench_csv_copy;
        CREATE TABLE bench_csv_copy (id bigserial PRIMARY KEY, email text, given_name text,
            family_name text, phone text, postal_code text, country text, consent text);
        CREATE INDEX ON bench_csv_copy (email);
        CREATE INDEX ON bench_csv_copy (phone);
        CREATE INDEX ON bench_csv_copy (country);
        CREATE INDEX ON bench_csv_copy (lower(family_name), lower(given_name));
        """
    )
    body = text.split("\n", 1)[1].encode()
    started = time.perf_counter()
    with cursor.copy(
        "COPY bench_csv_copy (email, given_name, family_name, phone, postal_code, country,"
        " consent) FROM STDIN WITH (FORMAT csv)"
    ) as copy:
        for start in range(0, len(body), 1 << 20):
            copy.write(body[start : start + (1 << 20)])
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ["BENCH_DATABASE_URL"] = postgres_url().rstrip("/") + "_csv"
    setup("postgres")
    from django.core.files.base import ContentFile
    from django.db import connection, transaction

    from groundswell.people.imports.models import PersonImport
    from groundswell.people.imports.services import (
        map_columns,
        run_import,
        suggested_mapping,
        upload_import,
    )  # fmt: skip
    from groundswell.people.models import Person

    log(f"Generating {args.rows:,} rows…")
    text, distinct = make_file(args.rows)
    data = text.encode()
    with transaction.atomic(), connection.cursor() as cursor:
        copy_seconds = min(copy_reference(cursor, text) for _run in range(3))
        existing = reset(cursor, distinct)
    log(f"COPY: {copy_seconds:.2f} s; {existing:,} people already in the database")
    started = time.perf_counter()
    person_import = upload_import(ContentFile(data, name="bench.csv"), source_name="Bench")
    map_columns(person_import, mapping=suggested_mapping(person_import), wording_version="v1")
    PersonImport.objects.filter(pk=person_import.pk).update(status=PersonImport.Status.QUEUED)
    person_import = run_import(person_import.pk)
    ours = time.perf_counter() - started
    people = Person.objects.count()
    expected = distinct - distinct // 100  # a few distinct people appear only in bad rows
    assert people <= distinct, f"{people:,} people for {distinct:,} distinct: duplicates made"
    assert people >= expected * 0.98, f"only {people:,} people for {distinct:,} distinct"
    ratio = copy_seconds / ours
    report(
        "csv import (PostgreSQL)",
        ratio=ratio,
        label="import/COPY",
        target=f">= {RATIO_TARGET}",
        ok=ratio >= RATIO_TARGET,
        detail=(
            f"{args.rows / ours:,.0f} rows/s vs COPY {args.rows / copy_seconds:,.0f} rows/s; "
            f"{person_import.created_count:,} created, {person_import.updated_count:,} updated, "
            f"{person_import.error_count:,} bad rows, {person_import.review_count:,} to review"
        ),
        rows=args.rows,
        seconds=ours,
        copy_seconds=copy_seconds,
    )


if __name__ == "__main__":
    main()
