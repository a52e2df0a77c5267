# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
DATASETTE := datasette>=0.65,<1
# The 1.0 alphas differ from 0.65 in hooks and configuration: the suite runs on both.
VENV_ALPHA := .venv-datasette-1
DATASETTE_ALPHA := datasette==1.0a41
# Sentence embeddings (the semantic extra) bring torch, which is large: they get a venv and
# a target of their own, so `make demo` and `make test` never install it.
VENV_SEMANTIC := .venv-semantic
# pip takes this CPU build from this machine's disk. On a machine that reaches the PyTorch
# index, add TORCH_INDEX=https://download.pytorch.org/whl/cpu: a plain "torch" from PyPI
# is a multi-gigabyte CUDA build.
TORCH := torch==2.13.0
TORCH_INDEX ?=

.PHONY: demo test test-65 test-alpha test-semantic browser bench clean

demo: $(VENV)/.installed
	$(VENV)/bin/newsdiff demo

test: test-65 test-alpha

test-65: $(VENV)/.test browser
	$(VENV)/bin/python -m pytest -q

test-alpha: $(VENV_ALPHA)/.installed browser
	$(VENV_ALPHA)/bin/python -m pytest -q

# The suite with sentence-transformers installed, so the embedding tests run instead of
# skipping (the browser tests never use embeddings and run in `make test`).
test-semantic: $(VENV_SEMANTIC)/.installed
	$(VENV_SEMANTIC)/bin/python -m pytest -q --ignore=tests/test_browser.py

# The demo needs the package alone.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e . '$(DATASETTE)'
	touch $@

$(VENV)/.test: $(VENV)/.installed
	$(VENV)/bin/pip install -q -e '.[test]' '$(DATASETTE)'
	touch $@

$(VENV_ALPHA)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_ALPHA)
	$(VENV_ALPHA)/bin/pip install -q --upgrade pip
	$(VENV_ALPHA)/bin/pip install -q -e '.[test]' '$(DATASETTE_ALPHA)'
	touch $@

# torch first, on its own, so the CPU build is the one sentence-transformers finds.
$(VENV_SEMANTIC)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_SEMANTIC)
	$(VENV_SEMANTIC)/bin/pip install -q --upgrade pip
	$(VENV_SEMANTIC)/bin/pip install -q $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) '$(TORCH)'
	$(VENV_SEMANTIC)/bin/pip install -q -e '.[test,semantic]' '$(DATASETTE)'
	touch $@

$(VENV_SEMANTIC)/.bench: $(VENV_SEMANTIC)/.installed
	$(VENV_SEMANTIC)/bin/pip install -q -e '.[bench]' '$(DATASETTE)'
	touch $@

# Browser tests drive Debian's chromium with Playwright (no browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

# The benchmarks compare with and without embeddings, so they run in the semantic venv.
bench: $(VENV_SEMANTIC)/.bench
	$(VENV_SEMANTIC)/bin/python benchmarks/segmentation.py
	$(VENV_SEMANTIC)/bin/python benchmarks/numbers_bench.py
	$(VENV_SEMANTIC)/bin/python benchmarks/similarity.py
	$(VENV_SEMANTIC)/bin/python benchmarks/alignment.py
	$(VENV_SEMANTIC)/bin/python benchmarks/stories.py
	$(VENV_SEMANTIC)/bin/python benchmarks/conflicts.py
	$(VENV_SEMANTIC)/bin/python benchmarks/provenance.py
	$(VENV_SEMANTIC)/bin/python benchmarks/boilerplate.py
	$(VENV_SEMANTIC)/bin/python benchmarks/memory.py
	$(VENV_SEMANTIC)/bin/python benchmarks/scale.py
	$(VENV_SEMANTIC)/bin/python benchmarks/load.py

clean:
	rm -rf $(VENV) $(VENV_ALPHA) $(VENV_SEMANTIC) *.egg-info
