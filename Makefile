# venuekit — every install step lives here, so a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TYPECHECK := build/typecheck

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test unit lint typecheck wheel-check bench soak docs clean redis-server

install: $(STAMP) redis-server

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "venuekit needs Python 3.11+"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,docs,bench]'
	touch $(STAMP)

# The scale-out tests start a real redis-server; bring it where the system package manager allows.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq redis-server; }

demo: $(STAMP)
	$(BIN)/python -m venuekit.connectors.demo

test: lint typecheck docs unit wheel-check

unit: $(STAMP) redis-server
	$(BIN)/python -m pytest --cov=venuekit --cov-report=term:skip-covered -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check core connectors tests bench

$(TYPECHECK)/venuekit/core:
	mkdir -p $(TYPECHECK)/venuekit
	ln -sfn ../../../core $(TYPECHECK)/venuekit/core
	ln -sfn ../../../connectors $(TYPECHECK)/venuekit/connectors

# mypy resolves `venuekit.*` through symlinks shaped like the installed package.
typecheck: $(STAMP) $(TYPECHECK)/venuekit/core
	cd $(TYPECHECK) && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p venuekit.core -p venuekit.connectors

# Build the wheel and import the public API from a throwaway venv, away from the source tree.
wheel-check: $(STAMP)
	rm -rf build/wheel build/wheel-venv
	$(BIN)/python -m build --wheel --outdir build/wheel -q . > /dev/null
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install -q build/wheel/*.whl
	cd build && wheel-venv/bin/python -c 'import venuekit.core as c, venuekit.connectors as k, importlib.resources as r; \
		assert r.files("venuekit.core").joinpath("py.typed").is_file(); \
		assert r.files("venuekit.connectors").joinpath("py.typed").is_file(); \
		import importlib.util as u; assert u.find_spec("core") is None, "bare core module installed"; \
		print("wheel ok:", c.__name__, k.__name__, len(c.__all__), "public names")'

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m bench

soak: $(STAMP)
	$(BIN)/python -m bench.soak

docs: $(STAMP)
	$(BIN)/python -m tools.coverage --check
	$(BIN)/python -m tools.unified_api --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir build/site

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .coverage
