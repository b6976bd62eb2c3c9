"""Plan demo data in memory: who the people are, what they did and who recruited whom.

Pure Python and deterministic for a given seed and `now`, so it can be tested without a
database; `groundswell.core.seeding.write` puts the plan into the database.
"""

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

import phonenumbers

from . import places

# Engagement tiers, roughly the rungs of the default ladder, with their share of people.
DISCOVERY, INTENTION, TAKING_ACTION, SUSTAINING, ACTIVIST = range(5)
TIER_WEIGHTS = (
    (DISCOVERY, 42),
    (INTENTION, 21),
    (TAKING_ACTION, 21),
    (SUSTAINING, 11),
    (ACTIVIST, 5),
)
ACTION_WEIGHTS = (
    ("petition_signed", 40), ("shared", 20), ("letter_sent", 12), ("pledge_made", 10),
    ("download", 10), ("form_submitted", 8),
)  # fmt: skip
ACTION_OBJECT = {
    "petition_signed": "petition", "shared": "petition", "letter_sent": "letter",
    "pledge_made": "pledge", "download": "download", "form_submitted": "form",
}  # fmt: skip
# What activists do besides acting: kind -> (fewest, most, object type).
LEADING = {
    "event_hosted": (1, 3, "event"),
    "outreach_sent": (2, 10, "contact"),
    "mentor_checkin": (0, 3, "mentorship"),
}
MAX_DEPTH = 5


@dataclass
class PlannedActivity:
    kind: str
    occurred_at: object
    campaign: str = ""  # campaign slug
    channel: str = ""
    object_type: str = ""
    object_id: int | None = None
    recruit: int | None = None  # index of the recruited person, for "recruited"
    group: str = ""  # slug of the group, for "group_joined" and "group_led"


@dataclass
class PlannedPerson:
    index: int
    given_name: str
    family_name: str
    email: str | None
    phone: str | None
    language: str
    country: str
    region: str
    locality: str
    postal_code: str
    latitude: float
    longitude: float
    gender: str
    gender_self_described: str
    source: str
    created_at: object
    tier: int
    channel: str
    campaigns: list
    tags: list
    active_until: object
    uuid_int: int = 0
    referral_code: str = ""
    referred_by: int | None = None
    root: int | None = None
    depth: int = 0
    activities: list = field(default_factory=list)
    consents: list = field(default_factory=list)  # (channel, granted, at)


@dataclass
class PlannedGroup:
    slug: str
    name: str
    country: str
    locality: str
    hub: str
    members: list = field(default_factory=list)  # (person index, joined_at)
    coordinators: list = field(default_factory=list)  # (person index, joined_at)


@dataclass
class Plan:
    now: object
    people: list
    groups: list


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def make_plan(*, people, seed, now):
    """Plan `people` demo people with a year of history ending at `now`."""
    rng = random.Random(seed)
    planner = _Planner(rng, now)
    persons = [planner.person(i) for i in range(people)]
    persons.sort(key=lambda p: p.created_at)
    for index, person in enumerate(persons):
        person.index = index
    planner.refer(persons)
    for person in persons:
        planner.history(person)
    groups = planner.groups(persons)
    for person in persons:
        person.activities.sort(key=lambda a: a.occurred_at)
    return Plan(now=now, people=persons, groups=groups)


class _Planner:
    def __init__(self, rng, now):
        self.rng = rng
        self.now = now
        self.emails = set()
        self.phones = set()
        self.codes = set()
        self.campaigns = [slug for slug, *_rest in places.CAMPAIGNS]
        self.live = [slug for slug, status, *_rest in places.CAMPAIGNS if status == "live"]

    # -- who -----------------------------------------------------------------------------

    def person(self, index):
        rng = self.rng
        country = rng.choices(places.COUNTRIES, [c.weight for c in places.COUNTRIES])[0]
        town = rng.choice(country.towns)
        gender = weighted(rng, places.GENDERS)
        pool = country.women if gender == "woman" else country.men if gender == "man" else None
        given = rng.choice(pool or rng.choice((country.women, country.men)))
        family = rng.choice(country.families)
        tier = weighted(rng, TIER_WEIGHTS)
        channel = weighted(
            rng, places.CHANNELS_SOUTH if country.global_south else places.CHANNELS_NORTH
        )
        created_at = self.signup_time(tier, country)
        language = town.language or country.language
        if rng.random() < 0.05:
            language = rng.choice(("en", "es", "fr"))
        email, phone = self.contact_points(country, channel, given, family)
        return PlannedPerson(
            index=index,
            given_name=given,
            family_name=family,
            email=email,
            phone=phone,
            language=language,
            country=country.code,
            region=town.region,
            locality=town.name,
            postal_code=self.postal_code(town.postal),
            latitude=round(town.latitude + rng.uniform(-0.06, 0.06), 5),
            longitude=round(town.longitude + rng.uniform(-0.06, 0.06), 5),
            gender=gender,
            gender_self_described=(
                rng.choice(places.SELF_DESCRIBED) if gender == "self_described" else ""
            ),
            source=weighted(rng, places.SOURCES),
            created_at=created_at,
            tier=tier,
            channel=channel,
            campaigns=rng.sample(self.campaigns, rng.choice((1, 1, 2, 3))),
            tags=sorted(rng.sample(places.TAGS, rng.choice((0, 0, 0, 1, 1, 2, 3)))),
            active_until=self.active_until(tier, created_at),
            uuid_int=rng.getrandbits(128),
            referral_code=self.referral_code(),
        )

    def signup_time(self, tier, country):
        """Recent sign-ups outnumber old ones (lists grow); the engaged joined longer ago."""
        rng = self.rng
        if tier >= SUSTAINING:
            days_ago = rng.uniform(45, 364)
        else:
            days_ago = 364 * (1 - rng.random() ** 0.75) + 0.2
        return self.local_daytime(self.now - timedelta(days=days_ago), country)

    def active_until(self, tier, created_at):
        """Some engaged people lapse months ago, so the ladder has people to demote."""
        if tier >= TAKING_ACTION and self.rng.random() < 0.22:
            lapsed = created_at + (self.now - created_at) * self.rng.uniform(0.2, 0.5)
            return max(lapsed, created_at + timedelta(days=1))
        return self.now

    def local_daytime(self, moment, country):
        """`moment` moved to between 07:00 and 22:30 local time on the same day."""
        offset = timedelta(minutes=country.utc_offset_minutes)
        local_midnight = (moment + offset).replace(hour=0, minute=0, second=0, microsecond=0)
        local = local_midnight + timedelta(minutes=self.rng.randint(7 * 60, 22 * 60 + 30))
        return min(local - offset, self.now - timedelta(minutes=5))

    def contact_points(self, country, channel, given, family):
        rng = self.rng
        mobile_first = channel in {"whatsapp", "sms"}
        has_email = rng.random() < (0.6 if mobile_first else 0.98)
        has_phone = not has_email or rng.random() < (0.9 if mobile_first else 0.35)
        email = self.email(given, family) if has_email else None
        return email, (self.phone(country.code) if has_phone else None)

    def email(self, given, family):
        rng = self.rng
        first, last = ascii_slug(given), ascii_slug(family)
        local = rng.choice(
            (f"{first}.{last}", f"{first}{last}", f"{first[0]}.{last}", f"{first}_{last[:1]}")
        )
        domain = rng.choice(places.EMAIL_DOMAINS)
        candidate = f"{local}@{domain}"
        while candidate in self.emails:
            candidate = f"{local}{rng.randint(2, 999)}@{domain}"
        self.emails.add(candidate)
        return candidate

    def phone(self, region):
        """A valid mobile number for `region` in E.164, unique across the demo data."""
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        prefix = phonenumbers.national_significant_number(example)[:-6]
        for _attempt in range(20):
            digits = f"{prefix}{self.rng.randrange(10**6):06d}"
            number = phonenumbers.parse(f"+{example.country_code}{digits}")
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if phonenumbers.is_valid_number(number) and e164 not in self.phones:
                self.phones.add(e164)
                return e164
        return None

    def postal_code(self, pattern):
        rng = self.rng
        letters = "ABCDEFGHJKLMNPRSTUWXY"
        return "".join(
            str(rng.randrange(10)) if ch == "#" else rng.choice(letters) if ch == "@" else ch
            for ch in pattern
        )

    def referral_code(self):
        from groundswell.core.codes import ALPHABET

        code = "".join(self.rng.choice(ALPHABET) for _ in range(8))
        while code in self.codes:
            code = "".join(self.rng.choice(ALPHABET) for _ in range(8))
        self.codes.add(code)
        return code

    # -- who recruited whom -----------------------------------------------------------------

    def refer(self, persons):
        """About a third of people arrive through someone's link; trees grow up to MAX_DEPTH."""
        rng = self.rng
        tickets = {}  # country -> person indexes, repeated by their pull
        weight = {TAKING_ACTION: 1, SUSTAINING: 3, ACTIVIST: 8}
        for person in persons:
            pool = tickets.get(person.country, [])
            if pool and rng.random() < 0.33:
                for _attempt in range(4):
                    referrer = persons[rng.choice(pool)]
                    if (
                        referrer.depth < MAX_DEPTH
                        and referrer.created_at < person.created_at - timedelta(hours=1)
                        and referrer.active_until >= person.created_at
                    ):
                        self.attach(person, referrer)
                        pool.extend([referrer.index] * 2)  # those who recruit, recruit again
                        break
            if person.tier in weight:
                tickets.setdefault(person.country, []).extend([person.index] * weight[person.tier])

    def attach(self, person, referrer):
        person.referred_by = referrer.index
        person.root = referrer.root if referrer.root is not None else referrer.index
        person.depth = referrer.depth + 1
        person.source = "referral"
        person.campaigns[0] = referrer.campaigns[0]
        referrer.activities.append(
            PlannedActivity(
                "recruited", person.created_at, referrer.campaigns[0], person.channel,
                "person", None, recruit=person.index,
            )
        )  # fmt: skip

    # -- what they did ------------------------------------------------------------------------

    def history(self, person):
        """A year of activity that fits the person's tier, from sign-up to when they went quiet."""
        rng, add = self.rng, self.adder(person)
        start, end = person.created_at, person.active_until
        add("signed_up", start, channel=person.channel)
        if person.email and (person.tier > DISCOVERY or rng.random() < 0.3):
            add("subscribed", start + timedelta(minutes=rng.randint(1, 30)), channel="email")
        self.consents(person)
        if person.tier >= INTENTION:
            for kind in rng.sample(("event_rsvp", "course_enrolled"), rng.randint(1, 2)):
                add(kind, self.between(person, start, end), object_type=kind.split("_")[0])
        if person.tier >= TAKING_ACTION:
            low, high = {TAKING_ACTION: (1, 3), SUSTAINING: (3, 10), ACTIVIST: (5, 16)}[person.tier]
            for _n in range(rng.randint(low, high)):
                kind = weighted(rng, ACTION_WEIGHTS)
                add(kind, self.between(person, start, end), object_type=ACTION_OBJECT[kind])
        if person.tier >= SUSTAINING:
            self.sustaining(person, add, start, end)
        if person.tier == ACTIVIST:
            later = start + (end - start) / 3  # leading comes after a while
            for kind, (low, high, object_type) in LEADING.items():
                for _n in range(rng.randint(low, high)):
                    add(kind, self.between(person, later, end), object_type=object_type)

    def sustaining(self, person, add, start, end):
        rng = self.rng
        for _n in range(rng.randint(1, 4)):
            attended = self.between(person, start + timedelta(days=3), end)
            event = rng.randint(1, 400)
            add("event_rsvp", attended - timedelta(days=rng.randint(1, 12)), "event", event)
            add("event_attended", attended, "event", event, channel="")
        lessons = rng.randint(0, 6)
        for lesson in range(lessons):
            add("lesson_completed", self.between(person, start, end), "lesson", lesson + 1)
        if lessons >= 4 and rng.random() < 0.6:
            halfway = start + (end - start) / 2
            add("course_completed", self.between(person, halfway, end), "course", 1)
        for _n in range(rng.randint(0, 2)):
            add("feedback_given", self.between(person, start, end), "survey", rng.randint(1, 12))
        if person.channel in {"whatsapp", "sms"}:
            for _n in range(rng.randint(0, 3)):
                add("message_replied", self.between(person, start, end))

    def adder(self, person):
        def add(kind, at, object_type="", object_id=None, *, channel=None):
            campaign = self.rng.choice(person.campaigns)
            if object_type and object_id is None:
                object_id = self.rng.randint(1, 60)
            person.activities.append(
                PlannedActivity(
                    kind, min(at, self.now - timedelta(minutes=1)), campaign,
                    person.channel if channel is None else channel, object_type, object_id,
                )
            )  # fmt: skip

        return add

    def uniform(self, start, end):
        return start if end <= start else start + (end - start) * self.rng.random()

    def between(self, person, start, end):
        """A moment between `start` and `end` in the person's waking hours where possible."""
        if end <= start:
            return start
        country = places.BY_CODE[person.country]
        moment = self.local_daytime(self.uniform(start, end), country)
        return max(min(moment, end), start + timedelta(minutes=2))

    def consents(self, person):
        rng = self.rng
        if person.email:
            granted = rng.random() < 0.9
            person.consents.append(("email", granted, person.created_at))
            if granted and rng.random() < 0.07:
                person.consents.append(
                    ("email", False, self.between(person, person.created_at, self.now))
                )
        if person.phone and person.channel in {"whatsapp", "sms"}:
            person.consents.append((person.channel, True, person.created_at))

    # -- the team tree -----------------------------------------------------------------------

    def groups(self, persons):
        """A local group in the two biggest towns of each country, led by its most engaged."""
        rng = self.rng
        hub_of = {code: slug for slug, _name, codes in places.HUBS for code in codes}
        by_town = {}
        for person in persons:
            by_town.setdefault((person.country, person.locality), []).append(person)
        groups = []
        for country in places.COUNTRIES:
            towns = list(dict.fromkeys(town.name for town in country.towns))[:2]
            for town in towns:
                group = PlannedGroup(
                    slug=f"{country.code.lower()}-{ascii_slug(town, '-')}",
                    name=group_name(country, town),
                    country=country.code,
                    locality=town,
                    hub=hub_of[country.code],
                )
                self.fill_group(group, by_town.get((country.code, town), []), rng)
                groups.append(group)
        return groups

    def fill_group(self, group, locals_, rng):
        """The town's most engaged people coordinate; others join as their engagement goes."""
        top = max((p.tier for p in locals_), default=None)
        leaders = [p for p in locals_ if p.tier == top]
        for person in leaders[: rng.randint(1, 2)]:
            joined = self.between(
                person, person.created_at, min(person.created_at + timedelta(days=20), self.now)
            )
            group.coordinators.append((person.index, joined))
            led = min(joined + timedelta(days=rng.randint(1, 30)), self.now)
            for kind, at in (("group_joined", joined), ("group_led", led)):
                person.activities.append(
                    PlannedActivity(kind, at, "", "web", "group", group=group.slug)
                )
        chance = {INTENTION: 0.25, TAKING_ACTION: 0.45, SUSTAINING: 0.7, ACTIVIST: 0.8}
        taken = {index for index, _joined in group.coordinators}
        for person in locals_:
            if person.index not in taken and rng.random() < chance.get(person.tier, 0):
                joined = self.between(person, person.created_at, person.active_until)
                group.members.append((person.index, joined))
                person.activities.append(
                    PlannedActivity(
                        "group_joined", joined, "", person.channel, "group", group=group.slug
                    )
                )


def group_name(country, town):
    """ "Groupe de Dakar", but "Groupe d'Abidjan": French elides before a vowel."""
    name = country.group_name.format(town=town)
    if country.language == "fr" and ascii_slug(town)[:1] in set("aeiouy"):
        name = name.replace(f"de {town}", f"d'{town}")
    return name


def ascii_slug(text, joiner=""):
    """ "Ní Bhriain" -> "nibhriain": e-mail local parts and slugs stay ASCII."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return joiner.join("".join(c for c in word if c.isalnum()) for word in plain.split())
