# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
# The 1.0 alphas differ from 0.65 in hooks and configuration: the suite runs on both.
VENV_ALPHA := .venv-datasette-1
DATASETTE_ALPHA := datasette==1.0a41
# A CPU build of torch that pip takes from this machine's disk; a plain "torch" pulls a CUDA build.
TORCH := torch==2.13.0

.PHONY: demo test test-65 test-alpha browser bench clean

demo: $(VENV)/.installed
	$(VENV)/bin/newsdiff demo

test: test-65 test-alpha

test-65: $(VENV)/.installed $(VENV)/.semantic browser
	$(VENV)/bin/python -m pytest -q

test-alpha: $(VENV_ALPHA)/.installed browser
	$(VENV_ALPHA)/bin/python -m pytest -q

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test,bench]' 'datasette>=0.65,<1'
	touch $@

$(VENV)/.semantic: $(VENV)/.installed
	$(VENV)/bin/pip install -q $(TORCH) -e '.[semantic]'
	touch $@

$(VENV_ALPHA)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_ALPHA)
	$(VENV_ALPHA)/bin/pip install -q --upgrade pip
	$(VENV_ALPHA)/bin/pip install -q -e '.[test]' '$(DATASETTE_ALPHA)'
	touch $@

# Browser tests drive Debian's chromium with Playwright (no browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

bench: $(VENV)/.installed $(VENV)/.semantic
	$(VENV)/bin/python benchmarks/segmentation.py
	$(VENV)/bin/python benchmarks/numbers_bench.py
	$(VENV)/bin/python benchmarks/similarity.py
	$(VENV)/bin/python benchmarks/alignment.py
	$(VENV)/bin/python benchmarks/stories.py
	$(VENV)/bin/python benchmarks/scale.py

clean:
	rm -rf $(VENV) $(VENV_ALPHA) *.egg-info
