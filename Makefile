# Two commands on a fresh machine with Python 3.11+ and make:  make demo  |  make test
# Another folder of reports:  make demo RAW=~/reports OUT=~/reports-build OUTPUTS=~/reports-outputs
# JupyterLab on the notebooks: make lab
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
OUT    ?= data/processed
OUTPUTS ?= data/outputs

.PHONY: demo test build notebooks lab bench accuracy clean bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependency list changes (-qq: no build-backend chatter; errors still show).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e ".[test,notebooks]"
	touch $(STAMP)

# The package's bytecode, compiled ahead: where PYTHONDONTWRITEBYTECODE is set (as on some
# machines and CI runners) every run and every worker process would compile it from source.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q reportkit

build: bytecode
	$(BIN)/reportkit build $(RAW) --out $(OUT)

notebooks: build
	$(BIN)/python -m reportkit.notebooks --data $(OUT) --out $(OUTPUTS) --notebooks notebooks --jobs 2

demo: notebooks

# JupyterLab on the notebooks folder (their DATA_DIR default is ../data/processed)
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

test: bytecode
	$(BIN)/python -m pytest -q

# Town, county, year and heading accuracy on the development set of real reports (tests/realworld/);
# ARGS="--as pdf" (or "--as wrapped") typesets each page as a PDF first (or copies the text out of one).
ARGS   ?=
accuracy: $(STAMP)
	$(BIN)/python -m tests.realworld.accuracy $(ARGS)

# Synthetic corpora of N reports (benchmarks/corpus/, not data/raw); results in benchmarks/results/.
N      ?= 1000 10000
bench: bytecode
	$(BIN)/python benchmarks/run.py $(N)

clean:
	rm -rf data/interim data/processed data/outputs figures
