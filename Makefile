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

# Extract every translatable string (templates, code, email .txt) into the es and fr catalogs, then
# compile them: the .mo files are committed so a machine without gettext still serves translations.
# core/tests/test_translations.py extracts with the same flags and fails on anything left out.
MESSAGES_FLAGS := -l es -l fr -e html,txt,py -i tests -i tests_browser -i migrations --no-obsolete

messages: $(STAMP)
	cd groundswell && ../$(PY) -m django makemessages $(MESSAGES_FLAGS) --settings=groundswell.settings
	cd groundswell && ../$(PY) -m django compilemessages --settings=groundswell.settings

clean:
	rm -rf $(VENV) data
