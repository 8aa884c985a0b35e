"""Saving and loading models with skops (never pickle), with their metadata.

A model folder holds `model.skops` (the two fitted scikit-learn pipelines),
`meta.json` (versions, corpus hashes, labels, counts, hyperparameters,
metrics) and `README.md`, the model card.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import skops.io as sio

from pipeline.errors import CamketError
from pipeline.classify.model import SentenceClassifier
from pipeline.atomic import atomic_write_bytes, atomic_write_text

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
CARD_FILE = "README.md"

# Types skops does not trust by default that we reviewed and accept. Keep it
# short: every entry is code that loading may run.
TRUSTED_TYPES: tuple[str, ...] = ()


def default_model_dir() -> Path:
    """`$CAMKET_MODEL`, else the bundled `models/default` of this checkout."""
    env = os.environ.get("CAMKET_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "models" / "default"


def save_model(directory: str | Path, classifier: SentenceClassifier, meta: dict[str, Any], card: str) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    payload = {
        "parts": classifier.fitted_parts(),
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in classifier.get_params().items()},
    }
    # The vocabulary is JSON inside the zip: deflate shrinks the file about tenfold.
    atomic_write_bytes(directory / MODEL_FILE, sio.dumps(payload, compression=zipfile.ZIP_DEFLATED, compresslevel=9))
    atomic_write_text(directory / META_FILE, json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(directory / CARD_FILE, card)
    return directory


def load_meta(directory: str | Path) -> dict[str, Any]:
    path = Path(directory) / META_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CamketError(f"{path}: no model metadata here; train one with `camket train`") from None


def load_model(directory: str | Path | None = None) -> SentenceClassifier:
    """Load a model folder, refusing any type outside skops' defaults and TRUSTED_TYPES."""
    directory = Path(directory) if directory else default_model_dir()
    path = directory / MODEL_FILE
    if not path.is_file():
        raise CamketError(f"{path}: no model file; pass --model DIR or train one with `camket train`")
    data = path.read_bytes()
    try:
        untrusted = sio.get_untrusted_types(data=data)
    except Exception as exc:  # skops raises several types for a corrupt file
        raise CamketError(f"{path}: not a readable skops model ({exc})") from None
    refused = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if refused:
        raise CamketError(f"{path}: refusing to load untrusted types: {', '.join(refused)}")
    payload = sio.loads(data, trusted=list(TRUSTED_TYPES) or None)
    try:
        params = {k: tuple(v) if isinstance(v, list) else v for k, v in payload["params"].items()}
        return SentenceClassifier.from_fitted(payload["parts"], params)
    except (KeyError, TypeError) as exc:
        raise CamketError(f"{path}: not a camket model, or from an incompatible version ({exc}); retrain it") from None
