# Two commands do everything on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: fuzz run test lint bench check cases changes docs clean
# Our own code byte-compiled, as pip does for an installed package: without it, where
# PYTHONDONTWRITEBYTECODE is set, every start compiles engine/ and tui/ again.
COMPILE := $(BIN)/python -m compileall -q engine tui >/dev/null
# The shipped trees checked once, at install time, into engine/_checked/ (keyed by the content
# of every tree and of the engine): a first start then loads no YAML and checks no schema.
PRECHECK := $(BIN)/python -m engine.read.cache

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 niet gevonden (PYTHON=$(PYTHON)); zet PYTHON=/pad/naar/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@$(COMPILE)
	@$(PRECHECK)
	$(BIN)/deelwijzer

test: $(STAMP)
	$(BIN)/ruff check engine tui tests bench hatch_build.py
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/deelwijzer check --strict
	$(BIN)/python -m pytest

bench: $(STAMP)
	@$(COMPILE)
	@$(PRECHECK)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serve_bench.py

check: $(STAMP)
	$(BIN)/deelwijzer check --strict

cases: $(STAMP)
	$(BIN)/deelwijzer cases

# Every correcting version's expected changes (trees/TREE/changes/VERSION.yaml) against the version
# it replaces: the diff must find exactly what the file declares. Minutes, so not in `make test`.
changes: $(STAMP)
	@fail=0; for f in trees/*/changes/*.yaml; do \
	  tree=$$(basename $$(dirname $$(dirname $$f))); new=$$(basename $$f .yaml); \
	  old=$$($(BIN)/python -c "import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))['replaces'][0])" trees/$$tree/$$new.yaml) || exit 2; \
	  echo "== $$tree $$old -> $$new"; \
	  $(BIN)/deelwijzer diff $$tree@$$old $$tree@$$new --expect $$f --format json >/dev/null; \
	  code=$$?; [ $$code -eq 0 ] && echo "   exactly the declared changes" || { echo "   exit $$code"; fail=1; }; \
	done; exit $$fail

# The Mermaid picture of every shipped tree (tests/docs checks that these are current).
docs: $(STAMP)
	$(BIN)/deelwijzer graph --all --out-dir docs/trees --force

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

# Fuzzing every input kind (trees, facts, sources, covenants, case files, records, the autosave,
# the plain walk's answers): 10,000 inputs each; `make test` runs 25 of each.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider --hypothesis-show-statistics
