# Two entry points: `make run` and `make test`. Both create .venv on first use and install
# the exact versions and hashes of the lock files (requirements.lock for running,
# requirements-dev.lock with the dev extras for testing); `make lock` refreshes both from
# pyproject.toml. A changed lock file reinstalls on the next `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
# extra `uv pip compile` arguments for `make lock`, e.g. LOCK_ARGS=--upgrade (newest allowed
# versions of everything) or LOCK_ARGS="--upgrade-package babel"; without them the pins stay
# where pyproject.toml still allows them
LOCK_ARGS ?=
# one resolution for every platform, for the oldest Python that pyproject.toml allows
# axe-core, the accessibility rules the dashboard's browser tests run (WCAG 2.1 A and AA),
# from the npm registry: the tarball is checked against this integrity (from `npm view
# axe-core@$(AXE_VERSION) dist.integrity`) before its axe.min.js is unpacked into .venv.
AXE_VERSION := 4.14.1
AXE_INTEGRITY := sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==
AXE_STAMP := $(VENV)/.axe-$(AXE_VERSION)
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(LOCK_ARGS)

.PHONY: run test lint format bench screenshots lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The locked dependencies first, each checked against its hash, then the project itself
# without resolving anything again.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): $(DEV_LOCK) $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP) $(DEV_STAMP)

$(AXE_STAMP): | $(BIN)/python
	rm -rf $(VENV)/axe-pack && mkdir -p $(VENV)/axe-pack
	cd $(VENV)/axe-pack && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null
	$(BIN)/python -c 'import base64, hashlib, sys; \
		got = "sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode(); \
		sys.exit(0 if got == sys.argv[2] else "axe-core: integrity mismatch, got " + got)' \
		$(VENV)/axe-pack/axe-core-$(AXE_VERSION).tgz "$(AXE_INTEGRITY)"
	tar -xzf $(VENV)/axe-pack/axe-core-$(AXE_VERSION).tgz -C $(VENV)/axe-pack package/axe.min.js
	mv $(VENV)/axe-pack/package/axe.min.js $(VENV)/axe.min.js
	rm -rf $(VENV)/axe-pack $(VENV)/.axe-*
	touch $(AXE_STAMP)

run: $(STAMP)
	$(BIN)/knotenpunkt run

test: $(DEV_STAMP) $(AXE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers storage

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(DEV_STAMP)
	$(BIN)/python -m bench

screenshots: $(DEV_STAMP) $(AXE_STAMP)
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_dashboard_browser.py

# Resolves pyproject.toml's dependencies again (needs the network) and writes both locks:
# the runtime lock first, then the dev lock held to the same versions (-c), so `make run`
# and `make test` run the same libraries. tests/test_dependency_locks.py fails until the
# locks are refreshed after a change to the dependencies in pyproject.toml.
lock: $(DEV_STAMP)
	$(UV_COMPILE) pyproject.toml -o $(LOCK)
	$(UV_COMPILE) --extra dev -c $(LOCK) pyproject.toml -o $(DEV_LOCK)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
