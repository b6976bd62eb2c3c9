# Groundswell. `make run` and `make test` each do all of their own set-up.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint bench messages install clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/groundswell demo

test: $(STAMP)
	$(PY) scripts/run_tests.py

lint: $(STAMP)
	$(VENV)/bin/ruff check groundswell bench scripts
	$(VENV)/bin/ruff format --check groundswell bench scripts

bench: $(STAMP)
	$(PY) bench/run.py

messages: $(STAMP)
	cd groundswell && ../$(PY) -m django makemessages -l es -l fr --no-obsolete --settings=groundswell.settings
	cd groundswell && ../$(PY) -m django compilemessages --settings=groundswell.settings

clean:
	rm -rf $(VENV) data
