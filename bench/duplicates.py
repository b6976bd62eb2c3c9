"""Duplicates: scan_duplicates over the big data set against one GROUP BY on its blocking keys.

The data set's people have no phone or postal code and names built from a counter, so the scan
runs on a copy of their ids and emails in the schema bench_duplicates, found first on the
search_path (the product code runs unchanged; the data set is only read). The copy gives 60%
of people a phone and 85% a postal code (40,000 codes) and names drawn from syllable lists,
then plants 2,500 pairs sharing a phone (half the same person, half a family phone) and 2,500
pairs with one typo in the given name at the same postal code. The reference is the GROUP BY
... HAVING count(*) > 1 on both blocking keys, as one statement; every planted pair must be found.
"""

from common import best_of, big_dataset, log, report

RATIO_TARGET = 3.0
SECONDS_TARGET = 10.0
SCHEMA = "bench_duplicates"
STARTS = ["Ami", "Ba", "Chi", "Da", "E", "Fa", "Gra", "Ha", "I", "Jo", "Ka", "Lu", "Ma", "No", "O"]
ENDS = ["na", "ta", "bou", "ssa", "lio", "mar", "nde", "rah", "tou", "lle"]
FAMILY_STARTS = ["Ndi", "Gar", "Sow", "Mar", "Dia", "Ken", "Oke", "Lop", "Fer", "Ben",
                 "Tra", "Rob", "Was", "Ngu", "Cis", "Hal", "Pé", "Vil", "Eze", "Sil"]  # fmt: skip
FAMILY_ENDS = ["aye", "cía", "llo", "tin", "rez", "yatta", "nde", "son", "ez", "ou",
               "ore", "ama", "ibe", "ard", "ko"]  # fmt: skip

# Person id % 400: 1 and 2 share a phone (% 800 == 2: and a name, the same person twice);
# 201 and 202 share a postal code and family name, 202's given name has one letter more.
COPY_SQL = """
CREATE TABLE {schema}.people_person AS
SELECT id, email, given || CASE WHEN id % 400 = 202 THEN 'e' ELSE '' END AS given_name,
       family AS family_name,
       CASE WHEN (phone_src * 17) % 10 < 6 OR id % 400 IN (1, 2)
            THEN '+4470' || lpad(phone_src::text, 8, '0') END AS phone,
       CASE WHEN (src * 31) % 100 < 85 OR id % 400 IN (201, 202)
            THEN to_char(10000 + (src * 15485863) % 40000, 'FM00000') ELSE '' END AS postal_code
FROM (
    SELECT id, email, src, phone_src,
           ({given})[1 + (src * 7919) % {n_given}] AS given,
           ({family})[1 + (src * 104729) % {n_family}] AS family
    FROM (SELECT id, email,
                 CASE WHEN id % 400 = 202 OR id % 800 = 2 THEN id - 1 ELSE id END AS src,
                 CASE WHEN id % 400 = 2 THEN id - 1 ELSE id END AS phone_src
          FROM public.people_person) AS ids
) AS named
"""

REFERENCE_SQL = """
SELECT phone, count(*) FROM people_person
WHERE phone IS NOT NULL AND phone <> '' GROUP BY phone HAVING count(*) > 1
UNION ALL
SELECT postal_code || ' ' || lower(substr(family_name, 1, 1)), count(*) FROM people_person
WHERE postal_code <> '' AND family_name <> ''
GROUP BY postal_code || ' ' || lower(substr(family_name, 1, 1)) HAVING count(*) > 1
"""


def main():
    data = big_dataset(__doc__)
    from django.db import connection

    make_copy(data.people)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SET search_path TO {SCHEMA}, public")
        scan, reference = functions()
        log("Warming both…")
        reference()
        pairs = scan()
        check_planted(pairs, data.people)
        scan_seconds, pairs = best_of(2, scan)
        reference_seconds, blocks = best_of(3, reference)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET search_path TO public")
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    ratio = scan_seconds / reference_seconds
    by_reason = {}
    for pair in pairs:
        by_reason[pair.reason] = by_reason.get(pair.reason, 0) + 1
    report(
        "duplicates (PostgreSQL)",
        ratio=ratio,
        label="scan/GROUP BY",
        target=f"<= {RATIO_TARGET:.0f}, scan < {SECONDS_TARGET:.0f} s",
        ok=ratio <= RATIO_TARGET and scan_seconds < SECONDS_TARGET,
        detail=(
            f"scan_duplicates {scan_seconds:.2f} s, GROUP BY {reference_seconds:.2f} s; "
            f"{len(pairs):,} pairs ({', '.join(f'{k} {v:,}' for k, v in by_reason.items())}) "
            f"in {blocks:,} blocks; {data.people:,} people"
        ),
        scan_seconds=scan_seconds,
        reference_seconds=reference_seconds,
        pairs=len(pairs),
        blocks=blocks,
    )


def make_copy(people):
    from django.db import connection

    given = [s + e for s in STARTS for e in ENDS]
    family = [s + e for s in FAMILY_STARTS for e in FAMILY_ENDS]
    log(f"Copying {people:,} people with phones, postal codes and planted twins to {SCHEMA}…")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        cursor.execute(
            COPY_SQL.format(
                schema=SCHEMA,
                given=array(given),
                n_given=len(given),
                family=array(family),
                n_family=len(family),
            )
        )
        cursor.execute(f"ALTER TABLE {SCHEMA}.people_person ADD PRIMARY KEY (id)")
        cursor.execute(f"CREATE INDEX ON {SCHEMA}.people_person (phone)")  # as the real table
        cursor.execute(f"VACUUM ANALYZE {SCHEMA}.people_person")


def array(values):
    return "ARRAY[" + ", ".join(f"'{value}'" for value in values) + "]"


def functions():
    from django.db import connection

    from groundswell.people.duplicates import scan_duplicates

    def reference():
        with connection.cursor() as cursor:
            cursor.execute(REFERENCE_SQL)
            return len(cursor.fetchall())

    return scan_duplicates, reference


def check_planted(pairs, people):
    found = {(p.person_id, p.other_id): p.reason for p in pairs}
    phone = [(i - 1, i) for i in range(2, people + 1, 400)]
    names = [(i - 1, i) for i in range(202, people + 1, 400)]
    missing = [pair for pair in phone + names if pair not in found]
    assert not missing, f"{len(missing):,} planted pairs not found, e.g. {missing[:3]}"
    assert all(found[pair] == "name_postal_code" for pair in names)


if __name__ == "__main__":
    main()
