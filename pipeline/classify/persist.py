"""Saving and loading models as plain arrays (never pickle), with their metadata.

A model folder holds `model.npz` (the fitted classifier's arrays: the terms and their
idf, the linear models' coefficients, intercepts and classes, and a JSON header with
the hyperparameters; see `pipeline.classify.linear`), `meta.json` (versions, corpus
hashes, labels, counts, hyperparameters, metrics) and `README.md`, the model card.

The file is read with `numpy.load(allow_pickle=False)`: numbers and bytes only, so
loading a model runs no code from it, whoever made it. Each array is checked (name,
dtype, shape, finite values) before the model is built, and the model must label a
probe sentence before it is trusted with a batch. Running a saved model needs
neither scikit-learn nor SciPy.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.atomic import atomic_write_bytes, atomic_write_text
from pipeline.classify.linear import LinearModel
from pipeline.errors import CamketError

if TYPE_CHECKING:  # the estimator imports scikit-learn, which loading a model must not
    from pipeline.classify.model import SentenceClassifier

MODEL_FILE = "model.npz"
OLD_MODEL_FILE = "model.skops"  # the format before the arrays; no longer read
META_FILE = "meta.json"
CARD_FILE = "README.md"

# The bundled model is a few MB on disk and about 10 MB as arrays; a file or its arrays
# far beyond that is not a camket model, and is refused before it fills the memory.
MAX_MODEL_BYTES = 256 * 2**20


def default_model_dir() -> Path:
    """`$CAMKET_MODEL`, else the bundled model: the package data `pipeline.models/default` of an
    installed wheel, or `models/default` of this checkout (an editable install, a clone)."""
    env = os.environ.get("CAMKET_MODEL")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "models" / "default"
    if (checkout / MODEL_FILE).is_file():
        return checkout
    try:
        from importlib.resources import files

        bundled = Path(str(files("pipeline.models") / "default"))
    except (ImportError, TypeError):  # not installed with its package data
        return checkout
    return bundled if (bundled / MODEL_FILE).is_file() else checkout


def save_model(directory: str | Path, classifier: "SentenceClassifier | LinearModel", meta: dict[str, Any], card: str) -> Path:
    """Write the model folder: the classifier's arrays (a fitted `SentenceClassifier` or a
    `LinearModel`), `meta.json` and the model card, each file atomically."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    model = classifier if isinstance(classifier, LinearModel) else LinearModel.from_estimator(classifier)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **model.to_arrays())
    atomic_write_bytes(directory / MODEL_FILE, buffer.getvalue())
    atomic_write_text(directory / META_FILE, json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(directory / CARD_FILE, card)
    return directory


def load_meta(directory: str | Path) -> dict[str, Any]:
    path = Path(directory) / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CamketError(f"{path}: no model metadata here; train one with `camket train`") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CamketError(f"{path}: not valid JSON ({exc}); retrain the model or restore the file") from None
    except OSError as exc:
        raise CamketError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("params", {}), dict):
        raise CamketError(f"{path}: not camket model metadata (expected an object with 'params'); retrain the model")
    return meta


# A sentence the loaded model must label before it is trusted with a batch.
_PROBE = ("Đề nghị các sở, ngành khẩn trương triển khai thực hiện.",)


def load_model(directory: str | Path | None = None) -> LinearModel:
    """Load a model folder's arrays into the predictor that labels sentences.

    A file that is not a working camket model (not an `.npz`, an object array, a
    missing, extra or misshapen array, a garbled header) is refused here with one
    message, before any document is read.
    """
    directory = Path(directory) if directory else default_model_dir()
    path = directory / MODEL_FILE
    if not path.is_file():
        if (directory / OLD_MODEL_FILE).is_file():
            raise CamketError(f"{directory}: holds a {OLD_MODEL_FILE}, a format this camket no longer reads; "
                              "retrain it with `camket train`")
        raise CamketError(f"{path}: no model file; pass --model DIR or train one with `camket train`")
    try:
        if path.stat().st_size > MAX_MODEL_BYTES:
            raise CamketError(f"{path}: {path.stat().st_size:,} bytes, too large for a camket model")
        data = path.read_bytes()
    except OSError as exc:
        raise CamketError(f"{path}: cannot read ({exc.strerror or exc})") from None
    arrays = _read_arrays(path, data)
    try:
        model = LinearModel.from_arrays(arrays)
        labels = model.predict(list(_PROBE))
        if getattr(labels, "shape", None) != (1, 2):
            raise ValueError(f"predictions of shape {getattr(labels, 'shape', None)}, expected (1, 2)")
    except Exception as exc:  # a crafted or foreign file fails in many ways
        raise CamketError(f"{path}: not a camket model, or from an incompatible version "
                          f"({type(exc).__name__}: {_one_line(exc)}); retrain it") from None
    return model


def _read_arrays(path: Path, data: bytes) -> dict[str, np.ndarray]:
    """Every array of the `.npz`, numbers and bytes only (`allow_pickle=False`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_MODEL_BYTES:
            raise CamketError(f"{path}: its arrays would take {unpacked:,} bytes, too large for a camket model")
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return {name: npz[name] for name in npz.files}
    except CamketError:
        raise
    except Exception as exc:  # not a zip, a broken member, an object array, a bad .npy header …
        raise CamketError(f"{path}: not a readable camket model file ({type(exc).__name__}: {_one_line(exc)}); "
                          "retrain it") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]
