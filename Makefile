# The two set-up commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_STAMP := /tmp/.bsa-apt-updated
# axe-core, injected into pages by the accessibility check in tests/e2e.
AXE_VERSION := 4.14.1
AXE := var/node/node_modules/axe-core/axe.min.js

.PHONY: run test lint format messages venv migrate demo site-deps system-deps browser-deps e2e \
	bench clean \
	prod-deps prod-smoke prod-bench

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is required."; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# Debian packages the site itself needs (`make run` and its demo): gettext (catalogues),
# FFmpeg (the demo lesson video and every uploaded one), fonts and Pango for WeasyPrint's
# certificates. Installed once; nothing is done when they are there.
site-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v ffmpeg >/dev/null || missing="$$missing ffmpeg"; \
	command -v fc-list >/dev/null || missing="$$missing fontconfig"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# What the tests add: Chromium (browser journeys), poppler (PDF pages as images), npm
# and axe-core (accessibility check). Installed once.
system-deps: site-deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -f $(AXE) ] || npm install --prefix var/node --no-save --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

migrate: venv
	$(BIN)/python manage.py migrate --noinput

# The demo lesson video is made with FFmpeg: site-deps first.
demo: migrate site-deps
	$(BIN)/python manage.py load_demo

# SITE_PORT: honcho gives each process its own PORT; the worker and the web server both
# need the web server's, for the links in e-mails (cms/settings/dev.py). The real-time
# server (uvicorn, sockets) listens on the next port; pages are told where (REALTIME_PORT).
REALTIME_PORT = $(shell echo $$(($(PORT) + 1)))

run: demo
	@echo ""
	@echo "  Beauty Skills Academy is starting on http://localhost:$(PORT)/  (admin: http://localhost:$(PORT)/admin/)"
	@echo "  Real-time server (sockets): ws://localhost:$(REALTIME_PORT)/ws/live/"
	@echo "  Press Ctrl-C once to stop the web server, the real-time server, the Celery worker and beat."
	@echo ""
	PORT=$(PORT) SITE_PORT=$(PORT) REALTIME_PORT=$(REALTIME_PORT) $(BIN)/honcho start -f Procfile.dev

# Test files are spread over the cores (pytest-xdist); XDIST= runs them in one process.
# The migrations run once per run, into a template each worker copies (tests/migrate_once.py).
# Files go out longest first (tests/longest_files.txt), so no long file is left for the end
# while the other worker idles; xdist's own order (most tests first) would put them last.
XDIST ?= -n auto --dist loadfile --no-loadscope-reorder

test: venv system-deps
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

e2e: venv system-deps
	$(BIN)/python -m pytest $(XDIST) tests/e2e $(PYTEST_ARGS)

bench: venv
	$(BIN)/python -m pytest tests/bench -s $(PYTEST_ARGS)

# Debian packages for the production shape on loopback: nginx (load balancer and page
# cache) with its cache-purge module, openssl (its certificate), wrk (load figures),
# curl. Installed once.
prod-deps:
	@missing=""; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || missing="$$missing libnginx-mod-http-cache-purge"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v curl >/dev/null || missing="$$missing curl"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Two granian app servers behind nginx, Celery, S3 (moto), PostgreSQL and Redis on
# loopback; a scripted journey and load figures; everything stopped at the end.
prod-smoke: venv prod-deps
	bash deploy/prod-smoke.sh

# The same, with longer load runs.
prod-bench: venv prod-deps
	BENCH_SECONDS=$${BENCH_SECONDS:-15} bash deploy/prod-smoke.sh

# The import rules between apps are import-linter contracts in pyproject.toml.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh both catalogues from the code (English = the source strings), then compile.
# French entries left empty are then written by hand in locale/fr.
messages: venv
	$(BIN)/python manage.py makemessages -l fr -l en --ignore=.venv --ignore=static_collected --ignore=tests --no-obsolete
	$(BIN)/python manage.py fill_english_catalogue
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var static_collected
