# Everything a fresh machine needs is set up by the first target that needs it: a .venv with the pinned Python
# packages (the generator's and the generated package's), and node_modules with the pinned Node tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
MOCK_PORT ?= 4010

.PHONY: all generate check test lint mock clean bench

all: test

$(PY_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]' -e ./generated
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

FIXTURES := $(wildcard tests/fixtures/*/openapi.yaml)

generate: $(PY_STAMP)
	$(BIN)/python -m generator generate
	@for spec in $(FIXTURES); do \
		dir=$$(dirname $$spec); \
		$(BIN)/python -m generator generate --quiet --spec $$spec --out $$dir/expected || exit 1; \
	done

check: $(PY_STAMP)
	$(BIN)/python -m generator check
	@for spec in $(FIXTURES); do \
		dir=$$(dirname $$spec); \
		$(BIN)/python -m generator check --quiet --spec $$spec --out $$dir/expected || exit 1; \
	done

test: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check generator tests generated
	$(BIN)/black --check --quiet generator tests
	cd generated && ../node_modules/.bin/pyright --pythonpath ../$(BIN)/python

# Not part of `make test`: takes minutes, installs the peers into bench/.venvs, writes bench/results.md.
bench: $(PY_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

mock: $(NODE_STAMP)
	node_modules/.bin/prism mock -h 127.0.0.1 -p $(MOCK_PORT) spec/openapi.yaml

clean:
	rm -rf $(VENV) node_modules .pytest_cache
