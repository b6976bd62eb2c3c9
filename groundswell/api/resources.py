"""How each OSDI resource is rendered from our rows (read side only)."""

from django.db.models import OuterRef, Subquery

from groundswell.core.i18n import localized
from groundswell.people.models import ConsentRecord

from .hal import curies, date, derived_uuid, identifiers, link


def with_consents(people):
    """People annotated with their current email and SMS consent, in the same query."""
    latest = ConsentRecord.objects.filter(person=OuterRef("pk"), purpose="updates").order_by(
        "-recorded_at", "-pk"
    )
    return people.annotate(
        email_consent=Subquery(latest.filter(channel="email").values("granted")[:1]),
        sms_consent=Subquery(latest.filter(channel="sms").values("granted")[:1]),
    )


def _status(granted):
    return "subscribed" if granted else "unsubscribed"


def person(request, row):
    uid = str(row.uuid)
    data = {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.modified_at),
        "given_name": row.given_name,
        "family_name": row.family_name,
        "email_addresses": [],
        "phone_numbers": [],
        "postal_addresses": [],
        "languages_spoken": [row.language] if row.language else [],
        "custom_fields": row.custom_fields or {},
    }
    if row.email:
        status = _status(getattr(row, "email_consent", None))
        data["email_addresses"].append({"address": row.email, "primary": True, "status": status})
    if row.phone:
        status = _status(getattr(row, "sms_consent", None))
        data["phone_numbers"].append(
            {"number": row.phone, "primary": True, "number_type": "Mobile", "status": status}
        )
    if row.country or row.region or row.locality or row.postal_code or row.latitude is not None:
        address = {
            "primary": True,
            "locality": row.locality,
            "region": row.region,
            "postal_code": row.postal_code,
            "country": row.country,
        }
        if row.latitude is not None and row.longitude is not None:
            address["location"] = {
                "latitude": row.latitude,
                "longitude": row.longitude,
                "accuracy": "Approximate",
            }
        data["postal_addresses"].append(address)
    data["_links"] = {
        "self": link(request, "person", uid),
        "osdi:taggings": link(request, "person-taggings", uid),
        "osdi:signatures": link(request, "person-signatures", uid),
        "osdi:submissions": link(request, "person-submissions", uid),
        "osdi:attendances": link(request, "person-attendances", uid),
        "curies": curies(request),
    }
    return data


def tag(request, row):
    uid = str(derived_uuid("tags", row.pk))
    return {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.created_at),
        "name": row.name,
        "_links": {
            "self": link(request, "tag", uid),
            "osdi:taggings": link(request, "tag-taggings", uid),
            "curies": curies(request),
        },
    }


def tagging(request, row):
    uid = str(derived_uuid("taggings", row.pk))
    tag_uid = str(derived_uuid("tags", row.tag_id))
    return {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.created_at),
        "item_type": "osdi:person",
        "_links": {
            "self": link(request, "tagging", tag_uid, uid),
            "osdi:tag": link(request, "tag", tag_uid),
            "osdi:person": link(request, "person", str(row.person.uuid)),
            "curies": curies(request),
        },
    }


def action(request, row, *, petition):
    uid = str(derived_uuid("actions", row.pk))
    name, children = ("petition", "signatures") if petition else ("form", "submissions")
    data = {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.created_at),
        "title": row.display_title,
        "description": localized(row.intro),
        "browser_url": request.build_absolute_uri(f"/act/{row.slug}/"),
        "status": row.status,
        f"total_{children}": getattr(row, "total", None),
        "_links": {
            "self": link(request, name, uid),
            f"osdi:{children}": link(request, f"{name}-{children}", uid),
            "curies": curies(request),
        },
    }
    if petition:
        data["petition_text"] = localized(row.body)
        data["target"] = [{"name": row.target}] if row.target else []
    return data


def petition(request, row):
    return action(request, row, petition=True)


def form(request, row):
    return action(request, row, petition=False)


def submission(request, row, *, petition):
    uid = str(derived_uuid("submissions", row.pk))
    action_uid = str(derived_uuid("actions", row.action_id))
    name, parent = ("signature", "petition") if petition else ("submission", "form")
    data = {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.confirmed_at or row.created_at),
        "status": row.status,
        "_links": {
            "self": link(request, name, action_uid, uid),
            f"osdi:{parent}": link(request, parent, action_uid),
            "osdi:person": link(request, "person", str(row.person.uuid)),
            "curies": curies(request),
        },
    }
    if petition:
        data["comments"] = row.comment
    if row.referral_code:
        data["action_network:referrer_data"] = {"referrer": row.referral_code}
    return data


def signature(request, row):
    return submission(request, row, petition=True)


def form_submission(request, row):
    return submission(request, row, petition=False)


def event(request, row):
    uid = str(derived_uuid("events", row.pk))
    data = {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.created_at),
        "title": row.display_title,
        "description": row.display_description,
        "start_date": date(row.starts_at),
        "end_date": date(row.ends_at),
        "status": {"cancelled": "cancelled", "published": "confirmed"}.get(row.status, "tentative"),
        "capacity": row.capacity,
        "browser_url": request.build_absolute_uri(f"/events/{row.slug}/"),
        "instructions": row.join_url if row.online else "",
        "location": {
            "venue": row.venue,
            "address_lines": [row.address] if row.address else [],
            "locality": row.locality,
            "country": row.country,
        },
        "_links": {
            "self": link(request, "event", uid),
            "osdi:attendances": link(request, "event-attendances", uid),
            "curies": curies(request),
        },
    }
    if row.latitude is not None and row.longitude is not None:
        data["location"]["location"] = {"latitude": row.latitude, "longitude": row.longitude}
    return data


def attendance(request, row):
    uid = str(derived_uuid("attendances", row.pk))
    event_uid = str(derived_uuid("events", row.event_id))
    status = (
        "attended" if row.attended_at else {"cancelled": "declined"}.get(row.status, "accepted")
    )
    return {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.attended_at or row.created_at),
        "status": status,
        "attended": row.attended_at is not None,
        "_links": {
            "self": link(request, "attendance", event_uid, uid),
            "osdi:event": link(request, "event", event_uid),
            "osdi:person": link(request, "person", str(row.person.uuid)),
            "curies": curies(request),
        },
    }


def segment(request, row):
    uid = str(derived_uuid("lists", row.pk))
    return {
        "identifiers": identifiers(uid),
        "created_date": date(row.created_at),
        "modified_date": date(row.modified_at),
        "name": row.name,
        "title": row.name,
        "_links": {
            "self": link(request, "list", uid),
            "osdi:items": link(request, "list-items", uid),
            "curies": curies(request),
        },
    }


def item(request, row):
    """One person in a list, as an OSDI item pointing at the person."""
    return {
        "identifiers": identifiers(str(row.uuid)),
        "created_date": date(row.created_at),
        "modified_date": date(row.modified_at),
        "item_type": "osdi:person",
        "_links": {
            "self": link(request, "person", str(row.uuid)),
            "osdi:person": link(request, "person", str(row.uuid)),
            "curies": curies(request),
        },
    }
