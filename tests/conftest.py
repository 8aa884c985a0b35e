from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "corpora" / "transcripts" / "thanh-hoa-2022-08-07-closing-address.txt"


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
