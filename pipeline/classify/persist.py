"""Saving and loading models with skops (never pickle), with their metadata.

A model folder holds `model.skops` (the two fitted scikit-learn pipelines),
`meta.json` (versions, corpus hashes, labels, counts, hyperparameters,
metrics) and `README.md`, the model card.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

from pipeline.errors import CamketError
from pipeline.classify.model import SentenceClassifier
from pipeline.atomic import atomic_write_bytes, atomic_write_text

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
CARD_FILE = "README.md"

# Types skops does not trust by default that we reviewed and accept. Keep it
# short: every entry is code that loading may run.
TRUSTED_TYPES: tuple[str, ...] = ()


# The scikit-learn estimators a camket model is made of: those `pipeline.classify.model`
# builds (any it imports), and the parts they make inside (a TfidfVectorizer holds a
# TfidfTransformer). skops trusts these by default; see `_skops_io`.
def _model_estimators() -> list[tuple[str, type]]:
    from sklearn.base import BaseEstimator
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.pipeline import Pipeline

    from pipeline.classify import model

    classes = {TfidfTransformer, Pipeline}
    classes |= {v for v in vars(model).values()
                if isinstance(v, type) and issubclass(v, BaseEstimator) and v.__module__.startswith("sklearn.")
                and v.__module__ != "sklearn.base"}
    return sorted(((c.__name__, c) for c in classes), key=lambda pair: pair[0])


def _skops_io():
    """`skops.io`, imported without importing all of scikit-learn.

    At import, skops lists every scikit-learn estimator as a trusted type by
    walking and importing every scikit-learn module (`all_estimators`), about
    half of the start-up time of `camket extract`. Here it sees only the
    estimators a camket model is made of: loading trusts fewer types, never
    more, and takes a fraction of the time.
    """
    if "skops.io" in sys.modules:
        return sys.modules["skops.io"]
    import sklearn.utils

    real = sklearn.utils.all_estimators
    sklearn.utils.all_estimators = lambda type_filter=None: _model_estimators()
    try:
        import skops.io as sio
    finally:
        sklearn.utils.all_estimators = real
    return sio


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


def save_model(directory: str | Path, classifier: SentenceClassifier, meta: dict[str, Any], card: str) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    payload = {
        "parts": classifier.fitted_parts(),
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in classifier.get_params().items()},
    }
    sio = _skops_io()

    # The vocabulary is JSON inside the zip: deflate shrinks the file about tenfold.
    atomic_write_bytes(directory / MODEL_FILE, sio.dumps(payload, compression=zipfile.ZIP_DEFLATED, compresslevel=9))
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


def load_model(directory: str | Path | None = None) -> SentenceClassifier:
    """Load a model folder, refusing any type outside skops' defaults and TRUSTED_TYPES.

    A file that loads but is not a working camket model (wrong parts, another
    shape) is refused here with one message, before any document is read.
    """
    directory = Path(directory) if directory else default_model_dir()
    path = directory / MODEL_FILE
    if not path.is_file():
        raise CamketError(f"{path}: no model file; pass --model DIR or train one with `camket train`")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CamketError(f"{path}: cannot read ({exc.strerror or exc})") from None
    sio = _skops_io()
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        # loads audits every type before it builds anything (and refuses the untrusted):
        # one pass over the file instead of get_untrusted_types() and then loads().
        payload = sio.loads(data, trusted=list(TRUSTED_TYPES) or None)
    except UntrustedTypesFoundException as exc:
        raise CamketError(f"{path}: refusing to load untrusted types: {_type_list(exc)}") from None
    except Exception as exc:  # skops raises several types for a corrupt file
        raise CamketError(f"{path}: not a readable skops model ({type(exc).__name__}: {exc})") from None
    try:
        params = {k: tuple(v) if isinstance(v, list) else v for k, v in payload["params"].items()}
        classifier = SentenceClassifier.from_fitted(payload["parts"], params)
        labels = classifier.predict(list(_PROBE))
        if getattr(labels, "shape", None) != (1, 2):
            raise ValueError(f"predictions of shape {getattr(labels, 'shape', None)}, expected (1, 2)")
    except Exception as exc:  # a crafted or foreign file fails in many ways
        raise CamketError(f"{path}: not a camket model, or from an incompatible version "
                          f"({type(exc).__name__}: {exc}); retrain it") from None
    return classifier


def _type_list(exc: Exception) -> str:
    """The untrusted type names skops lists in its message, sorted and comma-separated."""
    import re

    names = re.findall(r"'([\w.]+)'", str(exc))
    return ", ".join(sorted(set(names))) or str(exc)
