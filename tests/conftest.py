from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "corpora" / "transcripts" / "thanh-hoa-2022-08-07-closing-address.txt"
# The real development set lives outside the repository (shared/ beside the checkout);
# CAMKET_REALDEV points elsewhere. Tests that need it skip, saying so, where it is absent.
REALDEV = Path(os.environ.get("CAMKET_REALDEV", ROOT.parent / "shared" / "realdev"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_model():
    from pipeline.classify.persist import load_model

    return load_model(ROOT / "models" / "default")


@pytest.fixture(scope="session")
def reference_sentences(reference_path, bundled_model):
    from pipeline.ingest.read import read_document
    from pipeline.run import process_document

    return process_document(read_document(reference_path, "ref"), bundled_model).sentences


@pytest.fixture(scope="session")
def realdev() -> Path:
    if not (REALDEV / "sentences.csv").is_file():
        pytest.skip(f"no real development set at {REALDEV} (set CAMKET_REALDEV)")
    return REALDEV
