"""Dependencies point one way: cms (content model) <- knowledge (index) <- search (query side) <- api, with
community (taking part) beside api, and config wires them. No module imports a module of a higher layer, and no import cycle exists anywhere, counting imports
made inside functions (a lazy import hides a cycle from Python, not from the design).

The import graph is ruff's (`ruff analyze graph`, which reads every import statement, module-level or not); a
second check imports every module in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A package may import itself and the layers before it, not another package of its own layer.
LAYER = {"cms": 0, "knowledge": 1, "search": 2, "api": 3, "community": 3, "config": 4}


def first_party_packages() -> tuple[str, ...]:
    """The packages pyproject.toml installs (its setuptools `include` list): every one must have a layer."""
    import tomllib

    include = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"][
        "include"
    ]
    return tuple(sorted(pattern.rstrip("*") for pattern in include))


PACKAGES = first_party_packages()


def import_graph() -> dict[str, list[str]]:
    ruff = Path(sys.executable).with_name("ruff")
    output = subprocess.run(
        [str(ruff), "analyze", "graph", *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(graph.get(start, [])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, []))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read():
    graph = import_graph()
    # Sanity: the graph knows lazy imports too (knowledge/sync.py imports cms.models inside a function).
    assert "cms/models/__init__.py" in graph["knowledge/sync.py"]
    assert len(graph) > 60


def test_no_import_cycle_anywhere():
    assert cycles(import_graph()) == []


def test_cycle_detection_finds_a_cycle():
    assert cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]


def test_dependencies_point_one_way():
    wrong = []
    for module, imports in import_graph().items():
        package = module.split("/")[0]
        for imported in imports:
            target = imported.split("/")[0]
            if target in LAYER and target != package and LAYER[target] >= LAYER[package]:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_every_first_party_package_has_a_layer():
    assert set(PACKAGES) == set(LAYER), "add the new package to LAYER (and to the README's Architecture)"


def test_community_reaches_neither_the_wiring_nor_the_api():
    graph = import_graph()
    for module in (m for m in graph if m.startswith("community/")):
        assert not [i for i in graph[module] if i.startswith(("config/", "api/"))], module


def test_page_models_use_neither_the_api_nor_the_search_service():
    graph = import_graph()
    for module in (m for m in graph if m.startswith("cms/")):
        assert not [i for i in graph[module] if i.startswith(("api/", "search/", "knowledge/"))], module


def test_every_module_imports_in_a_fresh_interpreter():
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and path.name != "wsgi.py"
    )
    script = (
        "import importlib, django; django.setup()\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('ok', len(" + repr(modules) + "))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            # config.settings.production refuses to load without them.
            "SECRET_KEY": "architecture-test-" + "x" * 50,
            "ALLOWED_HOSTS": "hub.example.org",
        },
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok")
