# Task commands. Each target sets up .venv first (only Python 3.11+ is needed), so a
# fresh clone runs `make serve` or `make test` directly.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Silence Material's banner about MkDocs 2.0 (we pin mkdocs<2).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build check test benchmark clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup: $(BIN)/.installed  ## create .venv and install the project with its test tools

serve: setup  ## serve the site with live reload at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve

build: setup  ## build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

check: setup  ## check the catalog and report every problem
	$(BIN)/landscape check

test: setup  ## run the whole test suite
	$(BIN)/pytest

benchmark: setup  ## time generation and builds for catalogs of 20, 200 and 2,000 tools
	$(BIN)/python scripts/benchmark.py

clean:  ## remove the built site and generated pages
	rm -rf site docs/*/landscape docs/schema
