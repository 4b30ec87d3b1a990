# Two commands on a fresh machine with Python 3.11+ and make:  make demo  |  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
OUT    ?= data/processed

.PHONY: demo test build notebooks bench accuracy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/reportkit build $(RAW) --out $(OUT)

notebooks: build
	$(BIN)/python -m reportkit.notebooks --data $(OUT) --out data/outputs --notebooks notebooks --jobs 2

demo: notebooks

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Town, county, year and heading accuracy on the development set of real reports (tests/realworld/).
accuracy: $(STAMP)
	$(BIN)/python -m tests.realworld.accuracy

# Synthetic corpora of N reports (benchmarks/corpus/, not data/raw); results in benchmarks/results/.
N      ?= 1000 10000
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(N)

clean:
	rm -rf data/interim data/processed data/outputs figures
