"""camket: commitment registers from Vietnamese speech transcripts.

    >>> from pipeline import extract_register
    >>> report = extract_register(["corpora/transcripts"], "register.xlsx")

Importing the package does no I/O and loads no model; `extract_register` (in
`pipeline.extract`) is imported on first use so that `import pipeline` stays
instant. The stages are subpackages, in the order data flows through them:
`ingest` → `text` → `classify` → `fields` → `register`; `run` takes a document
through them and `executors` runs batches; `review` and `bench` sit beside.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["extract_register"]


def __getattr__(name: str) -> Any:
    if name == "extract_register":
        from pipeline.extract import extract_register

        return extract_register
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
