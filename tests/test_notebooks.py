"""The analyst notebooks: committed clean, only calling the package, and they run.

Each notebook is executed with nbclient in a kernel started by this very
interpreter (a kernelspec written to a temporary JUPYTER_PATH), so the test
does not depend on which `python` is first on PATH.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OVERVIEW = NOTEBOOKS / "1.0-register-overview.ipynb"
RETRAIN = NOTEBOOKS / "2.0-retrain-and-compare.ipynb"
ALL = [OVERVIEW, RETRAIN]
KERNEL = "camket-test-python"


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    spec = tmp_path_factory.mktemp("jupyter") / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "camket test",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(spec.parent.parent), *([old] if old else [])])
    yield KERNEL
    if old is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = old


def read(path: Path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def execute(path: Path, kernel: str, cwd: Path, **parameters):
    """Run a notebook as papermill would: overrides go in a cell after the parameters cell."""
    nb = read(path)
    if parameters:
        at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        cell = nbformat.v4.new_code_cell("\n".join(f"{k} = {v!r}" for k, v in parameters.items()))
        cell.metadata["tags"] = ["injected-parameters"]
        nb.cells.insert(at + 1, cell)
    started = time.perf_counter()
    NotebookClient(nb, kernel_name=kernel, timeout=600, resources={"metadata": {"path": str(cwd)}}).execute()
    return nb, time.perf_counter() - started


def outputs(nb, kind: str | None = None) -> list:
    found = [o for c in code_cells(nb) for o in c.outputs]
    return [o for o in found if kind is None or o.output_type == kind]


def text_of(nb) -> str:
    parts = []
    for o in outputs(nb):
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o:
            parts.extend(str(o.data.get(k, "")) for k in ("text/plain", "text/html"))
    return "\n".join(parts)


def pngs(nb) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs(nb))


# ------------------------------------------------------------ as committed
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_named_step_then_description(path):
    assert re.fullmatch(r"\d+\.\d+-[a-z0-9]+(-[a-z0-9]+)*\.ipynb", path.name)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = read(path)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == [], f"{path.name}: a cell has outputs: {cell.source[:60]!r}"
        assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_functions_and_imports_only_from_pipeline(path):
    allowed_stdlib = set(sys.stdlib_module_names)
    for cell in code_cells(read(path)):
        assert "def " not in cell.source
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), cell.source
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                assert top == "pipeline" or top in allowed_stdlib, f"{path.name} imports {module}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_first_code_cell_holds_the_parameters(path):
    cells = code_cells(read(path))
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is cells[0]
    names = {t.id for node in ast.parse(cells[0].source).body for t in node.targets}
    expected = {"register_path", "model_dir"} if path == OVERVIEW else {"corpus_paths", "bundled_model_dir", "cv"}
    assert expected <= names


# ------------------------------------------------------------------ runs
def test_register_overview_runs_from_the_repo_root(kernel):
    nb, _ = execute(OVERVIEW, kernel, ROOT)
    assert not outputs(nb, "error")
    assert pngs(nb) == 7  # per area, heat map, types, timeline, actors, confusion, F1; each shown once
    text = text_of(nb)
    assert "thanh-hoa-2022-08-07-closing-address" in text  # the bundled transcript ran
    assert "Quốc phòng, quân sự địa phương, an ninh, trật tự" in text  # area table, names as written


def test_retrain_and_compare_runs_from_the_notebooks_folder(kernel):
    """Run where an analyst opens it, with a corpus path relative to the notebooks folder
    (one batch: the full corpus would only make the fit slower, not the test stronger)."""
    nb, _ = execute(RETRAIN, kernel, NOTEBOOKS, corpus_paths=["../corpora/written/h1.csv"])
    assert not outputs(nb, "error")
    assert pngs(nb) >= 1
    text = text_of(nb)
    assert "macro-F1" in text and "retrained" in text
    assert "No reviewed sentences yet" in text  # one written batch: nothing reviewed in it


def test_register_overview_on_a_register_file(kernel, tmp_path):
    """The parameter cell points the notebook at a register file (here: commitments only)."""
    from pipeline import plots, register

    df = plots.load_register(fields=True)
    path = tmp_path / "register.xlsx"
    register.write(df[df["commitment"] == 1], path)
    nb, _ = execute(OVERVIEW, kernel, NOTEBOOKS, register_path=str(path))
    assert not outputs(nb, "error")
    assert pngs(nb) == 7


def test_retrain_with_reviewed_sentences_and_cross_validation(kernel, tmp_path):
    """A small corpus with a reviews file and an older cross-validated model: the
    reviewed and cross-validated tables appear."""
    corpus = tmp_path / "corpus"
    (corpus / "written").mkdir(parents=True)
    (corpus / "reviewed").mkdir()
    for name in ("h1.csv", "h6.csv"):
        shutil.copy(ROOT / "corpora" / "written" / name, corpus / "written" / name)
    import pandas as pd

    written = pd.read_csv(corpus / "written" / "h6.csv", dtype=str, keep_default_na=False)
    reviews = written.groupby("area").head(2).assign(source="reviewed")
    reviews.loc[reviews.index[0], "area"] = "6" if reviews.iloc[0]["area"] != "6" else "5"  # an analyst's correction
    reviews.to_csv(corpus / "reviewed" / "reviews.csv", index=False)

    # The "bundled" model here: an older one, trained on h1 alone, cross-validated.
    from pipeline.classify.train import train

    older = tmp_path / "older"
    train([corpus / "written" / "h1.csv"], older, cv=2)

    nb, _ = execute(RETRAIN, kernel, tmp_path, corpus_paths=[str(corpus)], bundled_model_dir=str(older), cv=2)
    assert not outputs(nb, "error")
    text = text_of(nb)
    assert "No reviewed sentences yet" not in text
    assert "cv = 0" not in text  # the cross-validated comparison ran
    assert text.count("commitment F1") >= 3  # corpus, reviewed, cross-validated tables
