"""Inserting many rows fast: PostgreSQL COPY where available, bulk_create elsewhere.

Django's bulk_create compiles one parameter per value into a huge INSERT, which costs more
than the database's own work for wide rows; COPY streams the same values. Only for
plain inserts (no conflicts expected, no signals: the caller sends its own).
"""

from django.db import connections, router

# Fields whose Python value psycopg writes as it is: no per-value conversion needed (Django's
# own preparation is most of the cost of a wide row). Everything else goes through the field.
PLAIN_TYPES = frozenset(
    {"AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "FloatField",
     "ForeignKey", "IntegerField", "OneToOneField", "PositiveBigIntegerField",
     "PositiveIntegerField", "PositiveSmallIntegerField", "SmallIntegerField", "TextField",
     "UUIDField"}
)  # fmt: skip


def _getter(field, connection):
    """obj -> the value to write for `field`, as Django would prepare it for an insert."""
    attname = field.attname
    if field.get_internal_type() in PLAIN_TYPES:
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def bulk_insert(model, objs):
    """Insert `objs` (unsaved instances of `model`) and set their primary keys."""
    objs = list(objs)
    using = router.db_for_write(model)
    connection = connections[using]
    if not objs:
        return objs
    if connection.vendor != "postgresql":
        return model._base_manager.using(using).bulk_create(objs)
    opts = model._meta
    pk = opts.pk
    fields = [f for f in opts.concrete_fields if f is not pk]
    with connection.cursor() as cursor:
        if pk.db_returning:  # a serial id: preallocate, so the rows are copied with their ids
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, pk.column, len(objs)],
            )
            for obj, (new_id,) in zip(objs, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, new_id)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in [pk, *fields])
        table = connection.ops.quote_name(opts.db_table)
        getters = [_getter(f, connection) for f in [pk, *fields]]
        # The raw psycopg cursor: wrap its errors so a clash is Django's IntegrityError.
        with (
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for obj in objs:
                copy.write_row([get(obj) for get in getters])
    for obj in objs:
        obj._state.adding, obj._state.db = False, using
    return objs
