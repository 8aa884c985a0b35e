"""Packaging (issue 13): the wheel carries the bundled model, defaults do not depend on the
current folder, every import is declared. `.ci/run` builds the wheel, installs it into a
fresh environment and runs `camket extract` from another folder; these are the fast checks.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_in_the_wheel_and_the_model_is_package_data():
    from setuptools import find_packages

    tool = PYPROJECT["tool"]["setuptools"]
    assert set(tool["packages"]) == set(find_packages(str(ROOT), include=["pipeline*"])) | {"pipeline.models"}
    assert tool["package-dir"]["pipeline.models"] == "models"
    assert "default/*" in tool["package-data"]["pipeline.models"]
    assert (ROOT / "models" / "default" / "model.npz").is_file()


def test_requires_python_is_what_the_dependencies_need():
    import importlib.metadata as metadata

    from packaging.specifiers import SpecifierSet

    ours = SpecifierSet(PYPROJECT["project"]["requires-python"])
    for dist in ("pandas", "scikit-learn", "numpy", "scipy", "pyarrow", "matplotlib"):
        theirs = metadata.metadata(dist).get("Requires-Python") or ""
        lowest = next(v for v in ("3.10", "3.11", "3.12", "3.13") if v in SpecifierSet(theirs))
        assert not ours.contains("3.10") or lowest == "3.10", (dist, theirs)
    assert ours.contains(f"{sys.version_info.major}.{sys.version_info.minor}")


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "pipeline"}


def test_every_import_is_declared():
    import re

    declared = {re.split(r"[\[<>=!~ ;]", d)[0].lower().replace("-", "_") for d in PYPROJECT["project"]["dependencies"]}
    optional = {re.split(r"[\[<>=!~ ;]", d)[0].lower().replace("-", "_") for ds in PYPROJECT["project"]["optional-dependencies"].values() for d in ds}
    import_to_dist = {"sklearn": "scikit_learn", "docx": "python_docx", "yaml": "pyyaml"}
    missing = {m for m in _third_party_imports() if import_to_dist.get(m, m).lower() not in declared and m not in optional}
    assert not missing, missing


def test_pins_only_where_behaviour_depends_on_the_version():
    exact = {d.split("==")[0] for d in PYPROJECT["project"]["dependencies"] if "==" in d}
    # underthesea: word segmentation; scikit-learn: the model is trained with it and the saved arrays
    # are checked against its computations; vietnam-provinces: its data decide which places the
    # places field finds.
    assert exact == {"underthesea", "scikit-learn", "vietnam-provinces"}
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    for name in exact:
        assert f"{name}==" in constraints


def test_defaults_do_not_depend_on_the_current_folder(tmp_path, monkeypatch):
    from pipeline.bench.pipeline import BUNDLED
    from pipeline.classify.persist import default_model_dir
    from pipeline.fields.evaluate import default_table
    from pipeline.locations import default_corpus, default_review_store

    monkeypatch.delenv("CAMKET_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert (default_model_dir() / "model.npz").is_file()
    assert default_table().is_file()
    assert default_corpus() == ROOT / "corpora"
    assert default_review_store() == ROOT / "corpora" / "reviewed" / "reviews.csv"
    assert all(p.is_absolute() and p.exists() for p in BUNDLED)


def test_outside_the_checkout_defaults_ask_to_be_named(monkeypatch):
    import pipeline.locations as locations
    from pipeline.errors import CamketError

    monkeypatch.setattr(locations, "checkout_root", lambda: None)
    with pytest.raises(CamketError, match="no default corpus outside the camket repository"):
        locations.default_corpus()


def test_installed_model_is_found_as_package_data(tmp_path, monkeypatch):
    """The layout of an installed wheel: pipeline/ with pipeline/models/default beside no checkout."""
    import shutil
    import subprocess

    site = tmp_path / "site"
    shutil.copytree(ROOT / "pipeline", site / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "models", site / "pipeline" / "models")
    code = "from pipeline.classify.persist import default_model_dir as d; print(d())"
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()) == site / "pipeline" / "models" / "default"
