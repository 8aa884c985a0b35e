"""The package's shape: stages as subpackages, imports flowing one way, no cycles.

The import graph is read from the source (every `import pipeline…` and
`from pipeline… import …`, at module level or inside a function), so a cycle
hidden behind a function-level import fails here too.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import pipeline

PACKAGE_DIR = Path(pipeline.__file__).resolve().parent

# Which layer may import which: data flows ingest → text → classify → fields → register.
# A lower layer never imports a higher one. Modules not listed are orchestration
# (run, executors, extract, cli, plots, nlp, review, bench, track) and may import any stage.
LAYERS = {
    "pipeline.errors": 0, "pipeline.records": 0, "pipeline.areas": 0, "pipeline.atomic": 0,
    "pipeline.text.normalize": 0, "pipeline.text": 1, "pipeline.ingest": 2, "pipeline.classify": 3, "pipeline.fields": 3, "pipeline.register": 4,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The pipeline modules `path` imports (a package import counts as its __init__)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from pipeline import register` imports the submodule; `from pipeline.x import f`, module x
            subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
            names = subs or [node.module]
        for name in names:
            if not name.startswith("pipeline"):
                continue
            while name not in modules and "." in name:
                name = name.rsplit(".", 1)[0]
            if name in modules:
                out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    # `from pipeline.x.y import z` also runs pipeline/__init__ and pipeline/x/__init__;
    # they import nothing back, so the edge to the module itself is the one that matters.
    return graph


def test_import_graph_has_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def _layer(module: str) -> int | None:
    """The layer of the longest listed prefix of `module`."""
    matches = [p for p in LAYERS if module == p or module.startswith(p + ".")]
    return LAYERS[max(matches, key=len)] if matches else None


def test_stages_never_import_a_later_stage():
    wrong = []
    for module, imported in _graph().items():
        mine = _layer(module)
        if mine is None:
            continue
        for other in imported:
            theirs = _layer(other)
            if theirs is None or theirs > mine:
                wrong.append(f"{module} imports {other}")
    assert not wrong, "\n".join(wrong)


def test_every_module_imports():
    for info in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if info.name != "pipeline.__main__":
            importlib.import_module(info.name)


def test_public_api_is_where_users_import_it():
    from pipeline import extract_register
    from pipeline.nlp import FIELD_COMPONENTS, vietnamese_nlp

    assert callable(extract_register) and callable(vietnamese_nlp)
    from spacy.language import Language

    for name in FIELD_COMPONENTS:  # the factories are registered by importing pipeline.nlp
        assert Language.has_factory(name)


def test_field_names_are_written_once():
    """Register columns, spaCy extensions and field scoring all follow `Fields`."""
    from dataclasses import fields

    from pipeline import register
    from pipeline.records import FIELD_NAMES, Fields

    assert FIELD_NAMES == tuple(f.name for f in fields(Fields))
    assert register.FIELD_COLUMNS == FIELD_NAMES
    offenders = []
    for name, path in _modules().items():
        source = path.read_text(encoding="utf-8")
        if name != "pipeline.records" and '"commitment_type",\n' in source and '"deadline_year",\n' in source:
            offenders.append(name)
    assert not offenders, f"field names spelled out again in {offenders}"


GOLDEN = Path(__file__).parent / "data" / "golden" / "reference_register.csv"


def test_reference_register_is_byte_identical_to_the_golden_one(tmp_path, monkeypatch, root):
    """A refactoring changes no byte of the register (`extract --all` of the reference speech).

    The golden file was written by the code before the package was split into
    stages. When a change is meant to change the register (a retrained model,
    better fields), regenerate it, from the repository root, and say why in the commit:
        camket extract corpora/transcripts --all -q -o tests/data/golden/reference_register.csv
    """
    from pipeline import extract_register

    monkeypatch.chdir(root)  # `source` holds the path as given
    out = tmp_path / "register.csv"
    report = extract_register([Path("corpora/transcripts")], out, all_sentences=True, workers=1)
    assert report.status == "ok"
    assert out.read_bytes() == GOLDEN.read_bytes(), "register changed; if intended, regenerate (see docstring)"
