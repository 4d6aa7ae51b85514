# Two commands set everything up and run it:
#   make test         install (once) and run the test suite, all but the book-size runs (minutes)
#   make bench        install (once) and run the benchmark tour, writing results/bench/DATE/report.md
# and more:
#   make test-all     the test suite with the book-size runs (the `slow` tests)
#   make system-deps  install the optional system tools (Debian/Ubuntu: .ci/system-tools.txt)
#   make lab          install (once) and open JupyterLab on the chapters' read-along notebooks
#
# The install makes a virtual environment in .venv, installs the examples'
# libraries (constraints.txt pins the versions that passed) and builds every
# Cython/C example in place. It runs again only when something it depends on changed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The compiled examples' tracked sources (git's list; `find` outside a git checkout): a C file that
# Cython generates beside its .pyx is no source, and must not make the next command reinstall.
COMPILED_SOURCES := $(shell git ls-files -- '[0-9][0-9]_*.pyx' '[0-9][0-9]_*.pxd' '[0-9][0-9]_*_extensions.toml' \
                      '[0-9][0-9]_*.c' '[0-9][0-9]_*.h' 2>/dev/null || find [0-9][0-9]_* \( -name '*.pyx' \
                      -o -name '*.pxd' -o -name '_extensions.toml' -o -name '*.c' -o -name '*.h' \) \
                      -not -path '*/build/*' 2>/dev/null)
# Two test workers per core (at most 16): many tests wait on a subprocess, a server or a
# sleep, and the second worker keeps the core busy meanwhile.
WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); w=$$((2 * n)); echo $$((w > 16 ? 16 : w)))
PYTEST_ARGS ?= -n $(WORKERS)
BENCH_ARGS ?=

.PHONY: install test test-all system-deps bench lab figures clean

install: $(INSTALLED)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed (set PYTHON=python3.X)" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): $(PY) pyproject.toml setup.py constraints.txt $(COMPILED_SOURCES)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --upgrade --constraint constraints.txt "setuptools>=77" "cython>=3" "numpy>=1.26" wheel
	$(PY) -m pip install --quiet --constraint constraints.txt --no-build-isolation \
		--editable ".[all]" --group test
	touch $@

# The first tier leaves out the `slow` tests, the runs at the book's sizes; test-all adds them.
test: install
	$(VENV)/bin/pytest -m "not slow" $(PYTEST_ARGS)

test-all: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

system-deps:
	bash .ci/system-deps

bench: install
	$(VENV)/bin/hpp bench $(BENCH_ARGS)

# JupyterLab (the `notebooks` extra) on this environment's kernel, from the repository root.
LAB_ARGS ?=
lab: install
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

figures: install
	$(VENV)/bin/hpp figures

clean:
	rm -rf build results .pytest_cache
	find [0-9][0-9]_* -name '*.so' -delete
