"""Amplification: who recruited whom (first touch wins), share links, QR codes, share clicks.

The tree's invariants, kept by `attribute_signup` alone: a person has at most one Attribution,
written once; `root` is the person at the top of their tree and `depth` their distance from it
(the root has no Attribution and depth 0); so everyone below a root has that root's id.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.journeys.services import record_activity
from groundswell.people.models import Person

from .models import CHANNELS, Attribution, ShareClick

CHANNEL_CODES = frozenset(code for code, _label in CHANNELS)
CODE_MAX_LENGTH = Person._meta.get_field("referral_code").max_length
PATH_MAX_LENGTH = ShareClick._meta.get_field("path").max_length
# A sign-up is credited to a click with the same code and channel at most this long before it.
CONVERSION_WINDOW = timedelta(days=7)
SHARE_LABELS = {
    "whatsapp": _("WhatsApp"),
    "sms": _("SMS"),
    "email": _("Email"),
    "x": _("X"),
    "facebook": _("Facebook"),
    "copy": _("Copy link"),
}


def clean_channel(channel):
    """A known channel code: blank stays blank (arrived directly), anything unknown is "other"."""
    channel = (channel or "").strip().lower()
    if not channel:
        return ""
    return channel if channel in CHANNEL_CODES else "other"


def clean_code(code):
    """A referral code as stored (codes are lower-case), or "" if it cannot be one."""
    code = (code or "").strip().lower() if isinstance(code, str) else ""
    return code if 0 < len(code) <= CODE_MAX_LENGTH and code.isalnum() else ""


# --- Attribution -----------------------------------------------------------------------------


@transaction.atomic
def attribute_signup(person, *, code, channel="", campaign=None):
    """Credit `person` to the owner of referral `code`, once; the recruiter logs a "recruited"."""
    code = clean_code(code)
    referrer = Person.objects.filter(referral_code=code).first() if code else None
    if referrer is None or referrer.pk == person.pk:
        return None
    parent = Attribution.objects.filter(person=referrer).values("root_id", "depth").first()
    root_id = (parent["root_id"] or referrer.pk) if parent else referrer.pk
    # A root already heading a tree stays its root: attributing it would make a cycle (when the
    # referrer is below it) or leave its whole tree with a stale root and depth.
    if root_id == person.pk or Attribution.objects.filter(referred_by=person).exists():
        return None
    channel = clean_channel(channel)
    attribution, created = Attribution.objects.get_or_create(
        person=person,
        defaults={
            "referred_by": referrer,
            "root_id": root_id,
            "depth": (parent["depth"] + 1) if parent else 1,
            "channel": channel,
            "campaign": campaign,
        },
    )
    if not created:  # first touch wins: a later link never changes who brought them
        return None
    record_activity(
        referrer,
        "recruited",
        object_type="people.person",
        object_id=person.pk,
        campaign=campaign,
        channel=channel,
    )
    _mark_converted(code, channel, person)
    audit("amplification.attributed", person, referred_by=referrer.pk, channel=channel)
    return attribution


def _mark_converted(code, channel, person):
    """Credit the latest unconverted click on this code and channel with the sign-up."""
    since = timezone.now() - CONVERSION_WINDOW
    click = (
        ShareClick.objects.filter(code=code, channel=channel, converted=None, at__gte=since)
        .order_by("-at")
        .values_list("pk", flat=True)
        .first()
    )
    if click is not None:
        # Conditional, so two sign-ups racing for one click cannot both take it.
        ShareClick.objects.filter(pk=click, converted=None).update(converted=person)


# --- Share clicks ----------------------------------------------------------------------------


def safe_path(value):
    """`value` if it is a path on this site ("/act/x/?a=1"), else None: never another host."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > PATH_MAX_LENGTH:
        return None
    if value.startswith(("//", "/\\")) or any(ch in value for ch in "\\\r\n\t\x00"):
        return None
    return value if url_has_allowed_host_and_scheme(value, allowed_hosts=None) else None


@transaction.atomic
def record_share_click(*, code, channel, path, campaign=None):
    """Count one click on a share link (code, channel, page): no IP or anything personal."""
    code, path = clean_code(code), safe_path(path)
    if not code or path is None or not Person.objects.filter(referral_code=code).exists():
        return None
    return ShareClick.objects.create(
        code=code, channel=clean_channel(channel) or "other", path=path, campaign=campaign
    )


# --- Share links and QR codes (no state change: pure functions others render) ----------------


def with_params(url, **params):
    """`url` with `params` set in its query string, replacing any earlier values of those keys."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def absolute(url):
    """A site path made absolute with SITE_URL; absolute URLs are returned as they are."""
    return f"{settings.SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url


@dataclass(frozen=True)
class ShareLink:
    platform: str
    label: str
    href: str


def share_links(person, *, url, message):
    """One-tap share links for `url`, each carrying `person`'s referral code and its platform."""

    def link(platform):
        return absolute(with_params(url, r=person.referral_code, c=platform))

    def text(platform):
        return quote(f"{message} {link(platform)}".strip(), safe="")

    subject = message.strip().splitlines()[0][:78] if message.strip() else ""
    hrefs = {
        "whatsapp": f"https://wa.me/?text={text('whatsapp')}",
        "sms": f"sms:?&body={text('sms')}",
        "email": "mailto:?"
        + urlencode({"subject": subject, "body": f"{message}\n\n{link('email')}"}, quote_via=quote),
        "x": "https://x.com/intent/post?"
        + urlencode({"text": message, "url": link("x")}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?"
        + urlencode({"u": link("facebook")}, quote_via=quote),
        "copy": link("copy"),
    }
    return [ShareLink(name, str(SHARE_LABELS[name]), href) for name, href in hrefs.items()]


def qr_svg(url):
    """SVG markup of a QR code for `url`: dark modules on a white square, scalable."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
    )
    return image.to_string(encoding="unicode")
