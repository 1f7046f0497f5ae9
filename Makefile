# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
# `make run WARM=0` serves without warming the caches first (manage.py warm).
WARM ?= 1
# The pages are kept for the host readers ask for: 127.0.0.1 when serving on every address.
WARM_HOST = $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))

.PHONY: install run serve prod-local test loadtest stop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_gazetteer --if-needed
	$(BIN)/python manage.py import_articles fixtures/articles
	$(BIN)/python manage.py collectstatic --noinput -v0
	[ "$(WARM)" = 0 ] || $(BIN)/python manage.py warm --host $(WARM_HOST):$(PORT)
	$(MAKE) serve

# Serve with gunicorn; the embedded PostgreSQL (if used) stops when gunicorn does.
serve:
	@echo "Serving the archive at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	@trap '[ -n "$$DATABASE_URL" ] || $(BIN)/python -m danvan.embedded stop >/dev/null' EXIT; \
	$(BIN)/gunicorn danvan.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile - || true

# The archive as production runs it, from deploy/'s files, on 127.0.0.1:$(PORT)
# (DANVAN_ENV=production, DEBUG off; see deploy/run-local and docs/deploy.md).
prod-local: install
	env -u DATABASE_URL -u DATABASE_REPLICA_URLS PORT=$(PORT) WORKERS=$(WORKERS) deploy/run-local

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# 50 users for 60 s against gunicorn on 127.0.0.1 (see scripts/loadtest/run.py),
# from a cold start: the page cache cleared, the embedded PostgreSQL stopped.
LOADTEST_ARGS ?= --cold
loadtest: install
	$(BIN)/pip install -q -e '.[dev,load]'
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_gazetteer --if-needed
	$(BIN)/python manage.py import_articles -v0 fixtures/articles fixtures/gold
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python scripts/loadtest/run.py $(LOADTEST_ARGS)

stop:
	$(BIN)/python -m danvan.embedded stop

clean: stop
	rm -rf var staticfiles
