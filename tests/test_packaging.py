"""Declared = imported: pyproject.toml names what the code imports, and nothing else.

The imports are read from the source (ast), so a module only imported inside a function
or an optional code path counts too. Top-level modules are mapped to the distributions
that provide them with importlib.metadata; a module that is not installed here (the
semantic extra in a venv without it) is taken to be its own distribution's name.
"""

import ast
import importlib.metadata
import re
import sys

import pytest

from .conftest import ROOT

tomllib = pytest.importorskip("tomllib")

# Declared, and rightly so, though never imported. Each with the reason.
NOT_IMPORTED = {
    "datasette-vega": "a Datasette plugin: Datasette loads it (charts on table pages); the code never imports it",
    "lxml-html-clean": "trafilatura reads HTML through lxml.html.clean, which lives in this separate package since "
    "lxml 5.2, and not every trafilatura release declares it",
    "pytest-asyncio": "a pytest plugin: the tests use its @pytest.mark.asyncio and never import it",
}

# What each part of the repository may rely on besides the core dependencies: the extras
# it cannot run without, and the extras of its optional paths.
PARTS = {
    "ingest": ([], ["semantic", "dask"]),
    "datasette_newsdiff": ([], ["semantic"]),
    "tests": (["test"], ["semantic", "dask"]),
    "benchmarks": (["bench"], ["semantic", "dask"]),
}
PACKAGE_CODE = ("ingest", "datasette_newsdiff")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement):
    return normalise(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1))


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
CORE = {requirement_name(r) for r in PROJECT["dependencies"]}
EXTRAS = {extra: {requirement_name(r) for r in reqs} for extra, reqs in PROJECT["optional-dependencies"].items()}
MODULE_DISTRIBUTIONS = importlib.metadata.packages_distributions()
# Modules whose distribution is named otherwise, for when it is not installed in this
# venv (packages_distributions() knows installed ones only): the bench extra, say.
NOT_INSTALLED = {"sklearn": ["scikit-learn"], "yaml": ["PyYAML"], "dateutil": ["python-dateutil"]}


def imports(folder):
    """{top-level module: (file, eager)} for the third-party imports under folder.

    eager: imported at module level, outside any try, so the code cannot run without it.
    An import inside a function or a try block, or a pytest.importorskip("name"), serves
    an optional path."""
    local = {"ingest", "datasette_newsdiff", "tests"} | {p.stem for p in folder.glob("*.py")}
    found = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        optional = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Try)):
                optional.update(id(n) for n in ast.walk(node) if n is not node)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            elif (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "importorskip"
                  and node.args and isinstance(node.args[0], ast.Constant)):
                names = [node.args[0].value]
                optional.add(id(node))
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in local:
                    continue
                eager = id(node) not in optional
                if top not in found or eager:
                    found[top] = (path.relative_to(ROOT), eager)
    return found


def distributions(module):
    return {normalise(d) for d in MODULE_DISTRIBUTIONS.get(module, NOT_INSTALLED.get(module, [module]))}


def declared(extras):
    return set().union(*(EXTRAS.get(extra, set()) for extra in extras))


@pytest.mark.parametrize("part", PARTS)
def test_every_third_party_import_is_declared(part):
    folder = ROOT / part
    if not folder.is_dir():
        pytest.skip(f"no {part}/ here")
    required, optional = PARTS[part]
    always, sometimes = CORE | declared(required), declared(optional)
    problems = []
    for module, (path, eager) in sorted(imports(folder).items()):
        provided_by = distributions(module)
        if provided_by & always or (not eager and provided_by & sometimes):
            continue
        where = f"the dependencies or the extras {required}" + ("" if eager else f" or {optional}")
        problems.append(f"{path} imports {module} ({', '.join(sorted(provided_by))}), not in {where}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("extra", [None, *sorted(EXTRAS)])
def test_every_declared_dependency_is_imported(extra):
    names = CORE if extra is None else EXTRAS[extra]
    parts = PACKAGE_CODE if extra is None else [p for p, extras in PARTS.items() if extra in extras[0] + extras[1]]
    imported = set()
    for part in parts:
        if (ROOT / part).is_dir():
            for module in imports(ROOT / part):
                imported |= distributions(module)
    unused = sorted(names - imported - set(NOT_IMPORTED))
    assert not unused, f"declared in {extra or 'dependencies'} but never imported by {', '.join(parts)}: {unused}"
