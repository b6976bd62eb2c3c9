"""Write audit rows from services."""

from .models import AuditEntry


def audit(verb, obj=None, *, actor=None, object_type="", object_id="", **data):
    """Record that `actor` did `verb` to `obj`; call inside the service's transaction."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        verb=verb, actor=actor, object_type=object_type, object_id=str(object_id), data=data
    )
