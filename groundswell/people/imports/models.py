"""CSV imports: the uploaded file, its column mapping, progress, row errors and fuzzy twins."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.people.models import Person


class ImportSource(models.Model):
    """A named origin of spreadsheets ("Old CRM", "Festival sign-ups"); remembers its mapping."""

    name = models.CharField(_("source"), max_length=100, unique=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PersonImport(models.Model):
    """One uploaded CSV file and how far its import has got (the checkpoint is `rows_done`)."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        MAPPED = "mapped", _("Mapped")
        QUEUED = "queued", _("Waiting to run")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(ImportSource, on_delete=models.PROTECT, related_name="imports")
    file = models.FileField(upload_to="imports/")
    file_name = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    encoding = models.CharField(max_length=20)
    delimiter = models.CharField(max_length=1)
    header = models.JSONField(default=list)
    mapping = models.JSONField(default=dict, blank=True)
    consent_channels = models.JSONField(default=list, blank=True)
    wording_version = models.CharField(_("consent wording version"), max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.UPLOADED)
    total_rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    review_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Moves with every committed chunk: a running import whose heartbeat stops lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.source} {self.file_name}"

    @property
    def tag_name(self):
        """The batch tag: the same file from the same source always gets the same tag."""
        return f"import {self.source.name} {self.sha256[:8]}"[:100]

    @property
    def percent(self):
        return 100 if not self.total_rows else min(100, 100 * self.rows_done // self.total_rows)


class ImportRowError(models.Model):
    """Why one row of a file was not imported, with the row as it was read."""

    person_import = models.ForeignKey(PersonImport, on_delete=models.CASCADE, related_name="errors")
    row_number = models.PositiveIntegerField()
    values = models.JSONField(default=list)
    message = models.TextField()

    class Meta:
        ordering = ["row_number"]
        constraints = [
            models.UniqueConstraint(fields=["person_import", "row_number"], name="import_row_once")
        ]

    def __str__(self):
        return f"row {self.row_number}: {self.message}"


class DuplicateCandidate(models.Model):
    """Two people who may be one (similar name, same postal code): an organiser decides."""

    class Decision(models.TextChoices):
        PENDING = "", _("Not decided")
        MERGE = "merge", _("Merged")
        SEPARATE = "separate", _("Kept separate")

    person_import = models.ForeignKey(
        PersonImport, null=True, on_delete=models.SET_NULL, related_name="candidates"
    )
    # A merge deletes one of the pair: the decision stays, the pointer goes.
    person = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    other = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField()
    decision = models.CharField(max_length=10, choices=Decision, blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="duplicate_pair_once")
        ]

    def __str__(self):
        return f"{self.person_id} ~ {self.other_id} ({self.score:.0f})"
