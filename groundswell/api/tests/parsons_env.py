"""A virtualenv with the parsons connector, made once (parsons pins its own dependencies)."""

import fcntl
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings

PARSONS = "parsons==6.1.0"
SETUPTOOLS = "setuptools>=80"
VENV = Path(os.environ.get("GROUNDSWELL_PARSONS_VENV", settings.BASE_DIR.parent / ".venv-parsons"))
PIP_CACHE = Path(os.environ.get("PIP_CACHE_DIR", Path.home() / ".cache" / "pip"))


def parsons_python():
    """The venv's python, installing parsons first if it is missing (20-60 s, cold)."""
    python = VENV / "bin" / "python"
    marker = VENV / f".installed-{PARSONS}"
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(Path(tempfile.gettempdir()) / "groundswell-venv-parsons.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test workers must not build it at once
        if not marker.exists():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
            pip = [str(python), "-m", "pip", "install", "-q", "--cache-dir", str(PIP_CACHE)]
            subprocess.run([*pip, SETUPTOOLS], check=True, timeout=600)
            # parsons ships an sdist whose build requirements add twine and build; with the
            # venv's own setuptools the cold install takes about 20 s instead of minutes.
            subprocess.run([*pip, "--no-build-isolation", PARSONS], check=True, timeout=900)
            marker.touch()
    return python
