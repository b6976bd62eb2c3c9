"""Amplification: a campaign's figures on a 1,000,000-person recruit tree against plain Python.

The product side is what the organiser page /r/org/campaign/<slug>/ calls,
amplification.queries.campaign_figures (recruits, recruiters, viral coefficient per newcomer and
per generation, depth histogram, channels, and here the top 100 connected connectors by whole
downstream reach), reading from PostgreSQL. The reference computes the same figures in memory
with plain Python lists from the campaign's attributions already loaded (person, recruiter,
depth, channel): no database, no ORM. Both must agree on every figure and the whole top 100.
Rounds alternate product and reference; the best of each is kept.

The recruit tree is generated once over the big data set's people and reused: a thousand first
supporters, then everyone else recruited by someone who joined before them (half the time by
whoever recruited a random earlier newcomer, so prolific recruiters recruit more), 98% in one
campaign and the rest in another whose edges the figures must not follow.
"""

import argparse
import operator
import random
import time
from collections import Counter
from itertools import compress

from common import best_of, log, report, setup

RATIO_TARGET = 2.0
SECONDS_TARGET = 2.0
ROUNDS = 3
TOP = 100
VERSION = 1  # of the tree generator: a tree made by another version is made again
SEED = 2026
ROOTS_PER = 1000  # one first supporter per this many people
COPY_SHARE = 0.5  # how often a newcomer is recruited by the recruiter of an earlier newcomer
OTHER_CAMPAIGN_SHARE = 0.02
CHANNEL_SHARES = {
    "whatsapp": 45, "sms": 15, "email": 12, "x": 5, "facebook": 10, "copy": 8, "qr": 3, "": 2
}  # fmt: skip


def main():
    data = big_dataset()
    campaign = ensure_tree(data)
    rows = in_memory(campaign)
    log(f"{len(rows[0]):,} attributions in {campaign.slug}; warming both sides…")
    product, reference = product_side(campaign), reference_side(rows)
    product_times, reference_times = [], []
    for _round in range(ROUNDS):
        seconds, figures = best_of(1, product)
        product_times.append(seconds)
        seconds, expected = best_of(1, reference)
        reference_times.append(seconds)
        check_agreement(figures, expected)
        log(f"  product {product_times[-1]:.3f} s, reference {reference_times[-1]:.3f} s")
    product_s, reference_s = min(product_times), min(reference_times)
    ratio = product_s / reference_s
    report(
        "amplification (PostgreSQL)",
        ratio=ratio,
        label="product/ref",
        target=f"<= {RATIO_TARGET:.0f}, product < {SECONDS_TARGET:.0f} s",
        ok=ratio <= RATIO_TARGET and product_s < SECONDS_TARGET,
        detail=(
            f"campaign_figures {product_s:.3f} s, in-memory Python {reference_s:.3f} s; "
            f"{figures.recruits:,} recruits, K {figures.viral_coefficient}, "
            f"depth <= {figures.depths[-1][0]}, top {TOP} agree; {data.people:,} people"
        ),
        product_seconds=product_s,
        reference_seconds=reference_s,
        recruits=figures.recruits,
    )


# --- The recruit tree ---------------------------------------------------------------------------


def big_dataset():
    """common.big_dataset, with the campaigns made first, outside the generator's transaction
    (on a fresh database, creating them inside it leaves trigger events pending that forbid
    dropping the activities' foreign key to campaigns)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--activities", type=int, default=10_000_000)
    args = parser.parse_args()
    setup("postgres")
    import dataset  # needs Django set up first
    from django.db import connection

    with connection.cursor() as cursor:
        dataset.ensure_campaigns(cursor)
    return dataset.ensure(args.people, args.activities)


def ensure_tree(data):
    """The benchmark campaign, with the recruit tree over the data set's people made if needed."""
    from django.db import connection

    from groundswell.campaigns.models import Campaign

    campaign, other = Campaign.objects.filter(slug__in=["clean-air", "water-is-a-right"]).order_by(
        "slug"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_recruit_tree (people bigint NOT NULL,"
            " attributions bigint NOT NULL, dataset_at timestamptz NOT NULL, version int NOT NULL)"
        )
        cursor.execute("SELECT people, attributions, dataset_at, version FROM bench_recruit_tree")
        marker = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM amplification_attribution")
        count = cursor.fetchone()[0]
    if marker == (data.people, count, data.now, VERSION):
        log(f"Reusing the recruit tree: {count:,} attributions.")
    else:
        generate_tree(data, campaign, other)
    return campaign


def generate_tree(data, campaign, other):
    """One attribution per person but the first supporters, written with COPY, keys rebuilt."""
    import dataset
    from django.db import connection, transaction

    started = time.monotonic()
    log(f"Generating the recruit tree over {data.people:,} people (once; reused after)…")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM people_person WHERE source = 'bench' ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    rows = tree_rows(ids, campaign.pk, other.pk)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("DELETE FROM bench_recruit_tree")
        cursor.execute("TRUNCATE amplification_attribution")
        with dataset.without_indexes(cursor, "amplification_attribution"):
            copy_sql = (
                "COPY amplification_attribution (person_id, referred_by_id, root_id, depth,"
                " channel, campaign_id, created_at) FROM STDIN"
            )
            with cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row((*row, data.now))
        cursor.execute(
            "INSERT INTO bench_recruit_tree VALUES (%s, %s, %s, %s)",
            [data.people, len(rows), data.now, VERSION],
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE amplification_attribution")
    log(f"  {len(rows):,} attributions in {time.monotonic() - started:.0f} s.")


def tree_rows(ids, campaign_id, other_id):
    """[(person, recruiter, root, depth, channel, campaign)]: each recruiter joined earlier."""
    rng = random.Random(SEED)
    channels = [code for code, share in CHANNEL_SHARES.items() for _n in range(share)]
    roots = max(1, len(ids) // ROOTS_PER)
    parent, depth, root = [-1] * len(ids), [0] * len(ids), list(range(len(ids)))
    rows = []
    for i in range(roots, len(ids)):
        if i > roots and rng.random() < COPY_SHARE:
            j = parent[rng.randrange(roots, i)]
        else:
            j = rng.randrange(i)
        parent[i], depth[i], root[i] = j, depth[j] + 1, root[j]
        in_other = rng.random() < OTHER_CAMPAIGN_SHARE
        rows.append(
            (
                ids[i],
                ids[j],
                ids[root[i]],
                depth[i],
                rng.choice(channels),
                other_id if in_other else campaign_id,
            )
        )
    return rows


# --- Both sides ---------------------------------------------------------------------------------


def product_side(campaign):
    from groundswell.amplification.queries import campaign_figures
    from groundswell.people.models import Person

    def product():
        # An organiser sees everyone: visible_people() is Person.objects.all() for them.
        return campaign_figures(campaign, visible=Person.objects.all(), limit=TOP)

    product()
    return product


def in_memory(campaign):
    """The campaign's attributions as plain lists (person, recruiter, depth, channel)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT person_id, coalesce(referred_by_id, 0), depth, channel"
            " FROM amplification_attribution WHERE campaign_id = %s ORDER BY person_id",
            [campaign.pk],
        )
        return tuple(list(column) for column in zip(*cursor.fetchall(), strict=True))


def reference_side(rows):
    def reference():
        return reference_figures(*rows)

    reference()
    return reference


def reference_figures(person, recruiter, depth, channel):
    """The figures from plain lists, as well as one can without a database: the same one pass
    deepest first as the product's, its loops in C wherever Python lets them be."""
    recruits = len(person)
    histogram = sorted(Counter(depth).items())
    channels = Counter(channel)
    direct = Counter(recruiter)
    direct.pop(0, None)
    # Whole reach: each recruiter's direct recruits, plus the reach of the recruits who
    # recruited in turn, added deepest first so that theirs is complete when it is added.
    recruiting = sorted(compress(range(recruits), map(direct.__contains__, person)),
                        key=depth.__getitem__, reverse=True)  # fmt: skip
    second = sum(map(direct.__getitem__, map(person.__getitem__, recruiting)))
    reach = dict(direct)
    reach[0] = 0
    for i in recruiting:
        reach[recruiter[i]] += reach[person[i]]
    beyond = map(operator.gt, map(reach.__getitem__, direct.keys()), direct.values())
    top = sorted(compress(direct.keys(), beyond))
    top.sort(key=reach.__getitem__, reverse=True)
    top = top[:TOP]
    counts = dict(histogram)
    return {
        "recruits": recruits,
        "recruiters": len(direct),
        "viral_coefficient": round(second / recruits, 2) if recruits else None,
        "per_recruiter": round(recruits / len(direct), 2) if direct else None,
        "depths": histogram,
        "generations": [
            (d, n, round(counts[d + 1] / n, 2) if counts.get(d + 1) else 0.0) for d, n in histogram
        ],
        "channels": {code: n for code, n in channels.items()},
        "top": [(q, direct[q], reach[q]) for q in top],
    }


def check_agreement(figures, expected):
    got = {
        "recruits": figures.recruits,
        "recruiters": figures.recruiters,
        "viral_coefficient": figures.viral_coefficient,
        "per_recruiter": figures.per_recruiter,
        "depths": [tuple(row) for row in figures.depths],
        "generations": [tuple(row) for row in figures.generations],
        "channels": {row.channel: row.recruits for row in figures.channels if row.recruits},
        "top": [(a.person.pk, a.direct, a.reach) for a in figures.amplifiers],
    }
    for key, value in expected.items():
        assert got[key] == value, f"{key}: product {got[key]!r:.300}, reference {value!r:.300}"


if __name__ == "__main__":
    main()
