"""Demo log-ins printed by `make run`."""

DEMO_ORGANISER = "organiser@demo.groundswell.localhost"
DEMO_SUPPORTER = "supporter@demo.groundswell.localhost"
DEMO_PASSWORD = "demo-organiser-2026"  # noqa: S105 - demo only, printed on the console
