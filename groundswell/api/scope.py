"""What one API key may see: an organisation key sees everyone, a group key its subtree's people."""

from django.utils.translation import gettext as _

from groundswell.groups.models import Membership
from groundswell.groups.queries import subtree
from groundswell.people.models import Person

from .errors import ApiError
from .hal import person_uuid
from .resources import with_consents


def visible_people(key, queryset=None):
    queryset = Person.objects.all() if queryset is None else queryset
    if key.group_id is None:
        return queryset
    members = Membership.objects.filter(group__in=subtree([key.group])).values("person_id")
    return queryset.filter(pk__in=members)


def access_person(key, uid):
    """The person with uuid `uid` if `key` may see them; else a 404 (never a 403)."""
    person = with_consents(visible_people(key)).filter(uuid=person_uuid(uid)).first()
    if person is None:
        raise ApiError(404, _("Not found."))
    return person


def claim_for_group(key, person):
    """A group key's new or returning supporter joins that group, so the key can see them."""
    from groundswell.groups.services import add_member

    if key.group_id and not Membership.objects.filter(group=key.group, person=person).exists():
        add_member(key.group, person)
