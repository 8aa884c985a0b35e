"""What `camket extract` loads (issue 13, latency): only what the run uses. Timing is
`camket benchmark --latency`'s job; this checks the modules, which do not vary by machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_extract_imports_no_more_than_it_uses(tmp_path, reference_path):
    code = (
        "import sys\n"
        "from pipeline.cli import cli\n"
        f"try: cli(['extract', {str(reference_path)!r}, '-o', {str(tmp_path / 'r.csv')!r}, '-q', '-w', '1'])\n"
        "except SystemExit as exc: assert not exc.code, exc.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    assert "skops.io" in modules and "spacy" in modules  # the model and the fields were loaded
    # skops lists trusted estimators by importing every scikit-learn module (datasets, the test
    # utilities and pytest with them); ours sees only the model's. (skops' own loaders import a
    # few estimators, such as sklearn.cluster.Birch, directly: cheap, and not avoidable.)
    unused = {"sklearn.datasets", "sklearn.utils._testing", "pytest", "dask",
              "pandera", "openpyxl", "docx", "pypdf", "trafilatura", "matplotlib"}
    assert not unused & modules, sorted(unused & modules)


def test_a_model_holding_another_estimator_is_refused(tmp_path):
    """Trusting only the model's estimators is stricter than skops' default, never looser."""
    import skops.io as sio
    from sklearn.tree import DecisionTreeClassifier

    from pipeline.classify.persist import load_model
    from pipeline.errors import CamketError

    (tmp_path / "model.skops").write_bytes(sio.dumps({"parts": {"features_": DecisionTreeClassifier()}, "params": {}}))
    code = (
        "from pipeline.classify.persist import load_model\n"
        "from pipeline.errors import CamketError\n"
        f"try: load_model({str(tmp_path)!r})\n"
        "except CamketError as exc: print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "refusing to load untrusted types: sklearn.tree._classes.DecisionTreeClassifier" in done.stdout, done
    del load_model, CamketError
