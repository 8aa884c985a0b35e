"""What `camket extract` loads (issue 13, latency): only what the run uses. Timing is
`camket benchmark --latency`'s job; this checks the modules, which do not vary by machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def modules_loaded_by(args: list[str], cwd: Path) -> set[str]:
    """The modules a fresh interpreter holds after running `camket ARGS` to a successful end."""
    code = (
        "import sys\n"
        "from pipeline.cli import cli\n"
        f"try: cli({args!r})\n"
        "except SystemExit as exc: assert not exc.code, exc.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.strip().splitlines()[-1].split())


def test_extract_imports_no_more_than_it_uses(tmp_path, reference_path):
    modules = modules_loaded_by(["extract", str(reference_path), "-o", str(tmp_path / "r.csv"), "-q", "-w", "1"], tmp_path)
    assert "pipeline.classify.linear" in modules and "spacy" in modules  # the model and the fields were loaded
    # A saved model runs with NumPy alone: scikit-learn and SciPy only train (skops is gone).
    training = sorted(m for m in modules if m.split(".")[0] in {"sklearn", "scipy", "skops"})
    assert not training, training[:10]
    # vietnam_provinces: the places field reads its data file, never imports it (see the test below).
    unused = {"pytest", "dask", "pandera", "openpyxl", "docx", "pypdf", "trafilatura", "matplotlib", "vietnam_provinces"}
    assert not unused & modules, sorted(unused & modules)


@pytest.mark.parametrize("command", [
    ["classify", "{csv}", "-o", "{tmp}/labelled.csv"],
    ["evaluate", "{csv}"],
])
def test_classify_and_evaluate_run_without_scikit_learn(tmp_path, command):
    csv = tmp_path / "sentences.csv"
    csv.write_text("text,area,commitment\nĐẩy mạnh chuyển đổi số.,3,1\nXin cảm ơn các đồng chí.,0,0\n", encoding="utf-8")
    modules = modules_loaded_by([a.format(csv=csv, tmp=tmp_path) for a in command], tmp_path)
    assert "pipeline.classify.linear" in modules
    assert not sorted(m for m in modules if m.split(".")[0] in {"sklearn", "scipy", "skops"})


def test_the_place_names_are_the_packages_own_data_file():
    import vietnam_provinces

    from pipeline.fields.gazetteer import _divisions_json

    assert _divisions_json() == vietnam_provinces.NESTED_DIVISIONS_JSON_PATH
