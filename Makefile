# Two commands for a new user: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve setup test lint format messages bench-indexing bench-search bench-load evaluate clean-db stack

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first: 2.13.0 is the CPU build on local disk; an unpinned torch pulls a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)
	@# The interface's French and Spanish (.po in git; .mo compiled here, with polib: no GNU gettext needed).
	$(PY) -m config.compile_messages

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --skip-index
	$(PY) manage.py reindex
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py ensure_demo_accounts

run: setup
	@echo ""
	@echo "Soil Knowledge Hub is starting:"
	@echo "  site:  http://$(HOST):$(PORT)/"
	@echo "  admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# On every core: each worker has its own test database (test_soilhub_gw0, ...) and takes whole test files.
# One file, serially: .venv/bin/python -m pytest tests/search/test_spelling.py
test: install
	$(PY) -m pytest -n auto --dist loadfile

# Refresh locale/*/LC_MESSAGES/django.po from the templates and code (needs GNU gettext's xgettext); then
# translate the new entries and run `make install` to compile them.
messages: install
	$(PY) manage.py makemessages --locale fr --locale es --ignore '.venv/*' --ignore 'static_collected/*' --ignore 'bench/*' --ignore 'tests/*'
	$(PY) manage.py makemessages -d djangojs --locale fr --locale es --ignore '.venv/*' --ignore 'static_collected/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'node_modules/*'

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench-indexing: install
	$(PY) bench/indexing.py

bench-search: install
	$(PY) bench/search.py

bench-load: install
	$(PY) bench/load.py

# The production deployment on loopback (README, "Deploying to production"): PostgreSQL primary and streaming
# replica, Redis, gunicorn, two db_workers and nginx, until Ctrl-C. Runs as root (PostgreSQL as user pgserver).
# --check: a few requests then stop; --faults: break each part on purpose and report.
stack: install
	$(PY) bench/stack.py $(STACK_ARGS)

evaluate: install
	$(PY) manage.py evaluate_search --dataset ../shared/eval/scifact --split train --mode all
