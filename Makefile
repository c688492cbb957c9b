# The two commands of the README: `make demo` and `make test`. Both work on a fresh machine:
# they create .venv, install compgraph into it, and (for tests) Debian's Chromium.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= compgraph-data
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install install-test browser lint bench clean mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

# torch is pinned to the CPU build first so the embeddings extra never pulls a multi-GB CUDA build.
install-test: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,embeddings]'

# Debian packages the tests use: Chromium for the browser tests (never a downloaded browser build),
# poppler-utils to render the audit pack's PDF to an image, pango for WeasyPrint's PDF.
# virtuoso-opensource-7-bin: the virtuoso-t server and isql-vt the remote-store tests start on loopback with a
# database of their own; the -bin package alone, as virtuoso-opensource-7 asks a DBA password via debconf and
# starts a system service the tests do not use.
# libapache-jena-java: Apache Jena's SHACL, a `compgraph bench --baseline jena` validation baseline (Maven Central
# is not reachable here); openjdk-17-jdk-headless: the JDK whose source launcher runs its ShaclBench.java.
DEBIAN_TEST_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 virtuoso-opensource-7-bin \
	libapache-jena-java openjdk-17-jdk-headless
browser:
	@missing=$$(for p in $(DEBIAN_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

# Build the demo graph, report coverage (exit 1 = gaps found, as planted), then serve the browser.
demo: install
	$(BIN)/compgraph --store $(STORE) build
	$(BIN)/compgraph --store $(STORE) stats
	$(BIN)/compgraph --store $(STORE) validate; test $$? -le 1
	$(BIN)/compgraph --store $(STORE) serve --host $(HOST) --port $(PORT)

test: install-test browser
	$(BIN)/ruff check src tests
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -p no:cacheprovider

# Mutation testing of the modules that decide compliance: a seeded sample of MUTATION_SAMPLE mutants per
# module (each group of tools/mutation.py, with the tests that exercise it), each module's score with its
# 95% interval. Slow on 2 shared cores (10-40 min a group); one group: tools/mutation.py --group coverage.
MUTATION_SAMPLE ?= 20
MUTATION_SEED ?= 1
mutation: install-test
	$(BIN)/pip install -q -e '.[mutation]'
	nice -n 10 $(BIN)/python tools/mutation.py --sample $(MUTATION_SAMPLE) --seed $(MUTATION_SEED)

bench: install
	$(BIN)/compgraph bench

clean:
	rm -rf $(STORE) build dist test-artifacts
