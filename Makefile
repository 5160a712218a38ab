# clustermonitor — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST := $(BIN)/pytest -q -p no:cacheprovider -n 2

.PHONY: demo test lint check-deploy test-sqlite test-postgres bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: install, build the demo database, print the 2018 budget overview, serve on :8000
demo: $(STAMP)
	$(BIN)/clustermonitor demo
	$(BIN)/clustermonitor report budget-overview --year 2018 --format md
	$(BIN)/clustermonitor demousers
	$(BIN)/clustermonitor runserver 127.0.0.1:8000

## test: lint, types, the suite on SQLite, and on PostgreSQL when it is reachable
test: $(STAMP) lint check-deploy test-sqlite test-postgres

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

## check-deploy: Django's deployment checks with production settings (0 warnings)
check-deploy: $(STAMP)
	env -u DEBUG -u SECURE_SSL_REDIRECT HTTPS=true ALLOWED_HOSTS=clustermonitor.example.org \
		SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
		DATABASE_URL=sqlite:///:memory: $(BIN)/clustermonitor checkdeploy

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(PYTEST)

test-postgres: $(STAMP)
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if $(BIN)/python -m clustermonitor.dbcheck "$$url"; then \
		DATABASE_URL="$$url" $(PYTEST); \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL is required (REQUIRE_POSTGRES) but $$url is not reachable" >&2; exit 1; \
	else \
		echo "SKIPPED: the PostgreSQL run ($$url is not reachable)"; \
	fi

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.questions

clean:
	rm -rf $(VENV) clustermonitor.sqlite3 .pytest_cache .mypy_cache .ruff_cache
