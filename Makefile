# postal-ingest: `make run` (pipeline on seeds/ into out/), `make test`, `make bench`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SIZE ?= small
# jieba and other first-run caches go under the project, never into HOME.
export POSTAL_INGEST_CACHE ?= $(CURDIR)/.cache

.PHONY: run test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/postal-ingest run --input 'seeds/*' --output out/

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

bench: $(BIN)/.installed
	$(BIN)/python -m bench --size $(SIZE)

clean:
	rm -rf $(VENV) out .cache build *.egg-info
