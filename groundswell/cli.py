"""The `groundswell` console script: demo, serve, worker, seed, recompute, and all of manage.py."""

import os
import sys

SHORTCUTS = {
    "worker": ["db_worker", "--queue-name", "*"],
}


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SHORTCUTS:
        args = SHORTCUTS[args[0]] + args[1:]
    execute_from_command_line(["groundswell", *args])


if __name__ == "__main__":
    main()
