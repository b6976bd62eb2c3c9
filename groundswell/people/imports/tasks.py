"""Background work for CSV imports: a thin task that runs (or resumes) one import."""

from django_tasks import task


@task()
def run_import_task(import_id):
    """Import the file of PersonImport `import_id` from its checkpoint."""
    from .services import run_import

    run_import(import_id)
