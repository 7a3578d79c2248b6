# Everything a fresh machine needs is set up by the first target that needs it: a .venv with the pinned Python
# packages (the generator's and the generated package's), and node_modules with the pinned Node tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
MOCK_PORT ?= 4010
# Python writes its compiled modules (__pycache__, git-ignored): the tests start the generator, pytest and the
# generated packages in a few hundred subprocesses, and each would compile them again from source.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: all generate release check test test-fast test-generated lint mock realworld example-openai official-tests bench fuzz history clean

all: test

$(PY_STAMP): pyproject.toml generated/pyproject.toml
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

# Release what `make generate` lists as Unreleased in generated/CHANGELOG.md: stamp its version on the changelog and
# the package, and record the API as released (generated/api-snapshot.json). Commit the result.
release: $(PY_STAMP)
	$(BIN)/python -m generator release

check: $(PY_STAMP)
	$(BIN)/python -m generator check
	@for spec in $(FIXTURES); do \
		dir=$$(dirname $$spec); \
		$(BIN)/python -m generator check --quiet --spec $$spec --out $$dir/expected || exit 1; \
	done

# Everything, as CI runs it, on every core (pytest-xdist; each worker starts its own Prism).
test: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal

# The edit loop: unit and runtime tests without the whole runs and type checks (the `slow` marker; tests/conftest.py).
test-fast: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal -m "not slow"

# The generated package's own tests alone; its conftest starts Prism on a free port with the spec (`make test` runs
# them too, through tests/contract/test_generated_suite.py).
test-generated: $(PY_STAMP) $(NODE_STAMP)
	FINETUNING_TEST_SPEC=$(CURDIR)/spec/openapi.yaml PRISM_BIN=$(CURDIR)/node_modules/.bin/prism \
		$(BIN)/python -m pytest -p no:cacheprovider generated/tests

lint: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/ruff check generator tests generated realworld
	$(BIN)/black --check --quiet generator tests realworld
	cd generated && ../node_modules/.bin/pyright --pythonpath ../$(BIN)/python

# Every document of ../shared/specs, two at a time, each step with a deadline: generate, install, import, pyright
# (basic), ruff, smoke calls against Prism; writes docs/real-world.md. Minutes, not seconds, so not part of `make test`
# (tests/pipeline/test_realworld_slice.py is). REALWORLD_ARGS passes options (`--jobs 1`, `--timeout 300`, `--only NAME`).
realworld: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m realworld $(REALWORLD_ARGS)

# The OpenAI document (../shared/specs/openai) with examples/openai/sdk.yaml, a config that gives the SDK
# openai-python's surface: generated into .examples/openai, then measured against ../shared/reference.
example-openai: $(PY_STAMP)
	$(BIN)/python -m generator generate --spec ../shared/specs/openai/openapi.yaml --config examples/openai/sdk.yaml \
		--out .examples/openai
	$(BIN)/python -m realworld.official

# openai-python's own API tests (tests/api_resources of its sdist, from PyPI) against the SDK generated with
# examples/openai/sdk.yaml, served by Prism; prints how many cases pass and why the others fail. Minutes.
official-tests: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/python -m realworld.official_tests $(OFFICIAL_ARGS)

# Not part of `make test` (minutes; a fast slice of each is): 1,000 damaged documents (the spec, the fixtures and
# ../shared/specs when present) must end in a generation or clean problem lines, with 0 internal errors; more random
# spec edits for the warm/cold cache property; a kill at every moment of a generation of the OpenAI document; worker
# processes that raise what cannot be unpickled, are killed or hang (each run must end in 10 s, with one line).
fuzz: $(PY_STAMP)
	$(BIN)/python -m tests.pipeline.fuzz --mutations 1000
	$(BIN)/python -m tests.pipeline.worker_faults
	SDKGEN_FULL=1 SDKGEN_PROPERTY_EXAMPLES=25 $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/pipeline/test_kill.py tests/pipeline/test_cache_property.py

# Not part of `make test`: the change report of each of the last COUNT commits of an OpenAPI document in any git
# repository, as a Markdown table (commit, message, bump, changes) on standard output; HISTORY_ARGS passes options
# (`--out FILE`, `--jobs N`, `--config sdk.yaml`). Example: make history REPO=../openai-openapi SPEC_PATH=openapi.yaml
COUNT ?= 60
history: $(PY_STAMP)
	@test -n "$(REPO)" -a -n "$(SPEC_PATH)" || { echo "usage: make history REPO=path/to/repo SPEC_PATH=path/in/repo [COUNT=60]"; exit 2; }
	$(BIN)/python -m realworld.history "$(REPO)" "$(SPEC_PATH)" --count $(COUNT) $(HISTORY_ARGS)

# Not part of `make test`: takes minutes, installs the peers into bench/.venvs, writes bench/results.md.
bench: $(PY_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

mock: $(NODE_STAMP)
	node_modules/.bin/prism mock --errors -h 127.0.0.1 -p $(MOCK_PORT) spec/openapi.yaml

clean:
	rm -rf $(VENV) node_modules .pytest_cache .realworld .examples
