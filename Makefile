# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   install, harvest the bundled snapshot, serve on http://127.0.0.1:8001
#   make test   install, lint, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= data/reviews.db
SNAPSHOT ?= data/snapshot
PORT ?= 8001

.PHONY: demo test install harvest serve lint format bench accuracy clean

$(BIN)/scr: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/scr

install: $(BIN)/scr

harvest: install
	$(BIN)/scr harvest --snapshot $(SNAPSHOT) --db $(DB)

serve: install
	$(BIN)/scr serve --db $(DB) --port $(PORT)

demo: install
	$(BIN)/scr harvest --snapshot $(SNAPSHOT) --db $(DB) --quiet
	$(BIN)/scr serve --db $(DB) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/pytest -q

# Extraction, store, harvest and re-harvest; pages at 100,000 reviews; the document archive.
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/national.py

# Per-source and overall extraction accuracy, leave-one-site-out, and per-feature coverage.
accuracy: install
	$(BIN)/python bench/accuracy.py --loso --rules

clean:
	rm -rf $(VENV) data/reviews.db data/reviews.db-* data/httpcache data/archive
