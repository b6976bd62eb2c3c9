import os
import subprocess
import sys


def test_the_console_script_works_on_a_data_folder_that_does_not_exist_yet(tmp_path):
    data = tmp_path / "fresh" / "data"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["GROUNDSWELL_DATA_DIR"] = str(data)
    result = subprocess.run(
        [sys.executable, "-m", "groundswell.cli", "showmigrations", "journeys"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "[ ] 0001_initial" in result.stdout
    assert (data / "groundswell.sqlite3").exists()
