# Two commands for a newcomer: `make run` and `make test`. CI (.ci/run) calls `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
MAKEMESSAGES := $(MANAGE) makemessages -l en -l fr --no-location --no-obsolete \
	--ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=node_modules \
	&& $(MANAGE) source_plurals

.PHONY: install run test lint format messages check-messages search-node search-node-stop bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,postgres,search,redis]"
	touch $@

# The worker (background tasks: emails, indexing, periodic tasks) runs next to the
# development server and stops with it (Ctrl-C); restart `make run` after changing a task.
RUN_ADDRESS ?= 127.0.0.1:8000
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_local_admin
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) worker & worker=$$!; \
	$(MANAGE) runserver $(RUN_ADDRESS)

test: install
	$(BIN)/pytest

# JavaScript and CSS linters (eslint, stylelint, prettier) come from npm; only `make
# lint` and `make format` need Node.js.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: install node_modules/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	npm run --silent lint

format: install node_modules/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $$(git ls-files '*.html')
	npm run --silent format

# Update the catalogues after changing interface strings, then translate the new
# entries in locale/en/LC_MESSAGES/django.po and run `make messages` again. The French
# catalogue (locale/fr/LC_MESSAGES/django.po) is written by `manage.py source_plurals`:
# only the plural strings, so that French plural rules (0 and 1 singular) apply.
messages: install
	$(MAKEMESSAGES)
	$(MANAGE) compilemessages --ignore=.venv

# Fails when a catalogue is out of date, has an untranslated or fuzzy entry, or when
# the compiled catalogue does not match its source (needs GNU gettext).
check-messages: install
	$(MAKEMESSAGES)
	git diff --exit-code -I '^"POT-Creation-Date' -- locale/
	test -z "$$(msgattrib --untranslated --no-obsolete locale/en/LC_MESSAGES/django.po)"
	test -z "$$(msgattrib --only-fuzzy --no-obsolete locale/en/LC_MESSAGES/django.po)"
	$(MANAGE) compilemessages --ignore=.venv
	git diff --exit-code -- locale/

search-node:
	bash tests/search_node/start.sh

search-node-stop:
	bash tests/search_node/stop.sh

bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/import_merchants.py
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) var node_modules
