"""Organiser pages for CSV imports: upload, map, preview, progress, error report, review queue.

Imports are for HQ and staff organisers only: an import matches against everyone in the
database (and fills their blanks), which a coordinator, who sees only their groups, must not do.
"""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groundswell.accounts.permissions import is_organiser, require_organiser_pages

from .exports import csv_response
from .imports import services
from .imports.forms import MappingForm, UploadForm
from .imports.models import DuplicateCandidate, PersonImport

REFRESH_SECONDS = 3
# The demo's messy sample: duplicates, demo people, near-twins for review, two bad rows.
SAMPLE_FILE = Path(__file__).resolve().parent / "demo" / "sample-supporters.csv"


def require_importer(user):
    require_organiser_pages(user)
    if not is_organiser(user):
        raise PermissionDenied


def access_import(user, uuid):
    require_importer(user)
    try:
        return PersonImport.objects.select_related("source").get(uuid=uuid)
    except (PersonImport.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
def import_list(request):
    require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            person_import = services.upload_import(
                form.cleaned_data["file"],
                source_name=form.cleaned_data["source_name"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("people:import-map", uuid=person_import.uuid)
    imports = Paginator(PersonImport.objects.select_related("source"), 25)
    context = {"form": form, "page": imports.get_page(request.GET.get("page"))}
    return render(request, "people/import_list.html", context, status=400 if form.errors else 200)


@login_required
def import_sample(request):
    """The sample file, as a download to try the import with."""
    require_importer(request.user)
    return FileResponse(
        SAMPLE_FILE.open("rb"), as_attachment=True, filename=SAMPLE_FILE.name,
        content_type="text/csv; charset=utf-8",
    )  # fmt: skip


@login_required
def import_map(request, uuid):
    person_import = access_import(request.user, uuid)
    initial = {f"column_{i}": t for i, t in services.suggested_mapping(person_import).items()}
    initial |= {"wording_version": person_import.wording_version,
                "consent_channels": person_import.consent_channels}  # fmt: skip
    form = MappingForm(request.POST or None, header=person_import.header, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.map_columns(
                person_import,
                mapping=form.mapping(),
                consent_channels=form.cleaned_data["consent_channels"],
                wording_version=form.cleaned_data["wording_version"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("people:import-preview", uuid=person_import.uuid)
    context = {"form": form, "import": person_import}
    return render(request, "people/import_map.html", context, status=400 if form.errors else 200)


@login_required
def import_preview(request, uuid):
    person_import = access_import(request.user, uuid)
    if not person_import.mapping:
        return redirect("people:import-map", uuid=person_import.uuid)
    if request.method == "POST":
        services.queue_import(person_import, actor=request.user)
        return redirect("people:import-detail", uuid=person_import.uuid)
    context = {"import": person_import, "rows": services.preview_rows(person_import)}
    return render(request, "people/import_preview.html", context)


@login_required
def import_detail(request, uuid):
    person_import = access_import(request.user, uuid)
    running = person_import.status in {PersonImport.Status.QUEUED, PersonImport.Status.RUNNING}
    stalled = services.is_stalled(person_import)
    context = {"import": person_import, "running": running and not stalled, "stalled": stalled,
               "refresh": REFRESH_SECONDS}  # fmt: skip
    template = "people/_import_progress.html" if request.htmx else "people/import_detail.html"
    return render(request, template, context)


@login_required
@require_POST
def import_resume(request, uuid):
    person_import = access_import(request.user, uuid)
    if services.resume_import(person_import, actor=request.user):
        messages.success(request, _("The import carries on from row %(row)d.")
                         % {"row": person_import.rows_done + 1})  # fmt: skip
    return redirect("people:import-detail", uuid=person_import.uuid)


@login_required
def import_errors(request, uuid):
    person_import = access_import(request.user, uuid)
    header = [_("Row"), _("Problem"), *person_import.header]
    rows = (
        [error.row_number, error.message, *error.values]
        for error in person_import.errors.order_by("row_number").iterator(chunk_size=2000)
    )
    return csv_response(f"import-errors-{person_import.uuid}.csv", header, rows)


@login_required
def import_review(request):
    require_importer(request.user)
    pending = DuplicateCandidate.objects.filter(
        decision="", person__isnull=False, other__isnull=False
    ).select_related("person", "other", "person_import__source")
    page = Paginator(pending, 25).get_page(request.GET.get("page"))
    return render(request, "people/import_review.html", {"page": page})


@login_required
@require_POST
def import_decide(request, pk):
    require_importer(request.user)
    candidate = get_object_or_404(DuplicateCandidate, pk=pk)
    merge = request.POST.get("decision") == "merge"
    services.decide_candidate(candidate, merge=merge, actor=request.user)
    messages.success(request, _("Merged.") if merge else _("Kept as two people."))
    return redirect("people:import-review")
