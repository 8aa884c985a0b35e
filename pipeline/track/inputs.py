"""What `camket track add` reads: transcripts (through the pipeline) and registers, as one
list of documents, each with its register rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline import register
from pipeline.errors import CamketError
from pipeline.records import Failure

REGISTER_SUFFIXES = tuple(register.FORMATS)  # .csv .xlsx .parquet .jsonl


@dataclass
class DocumentRows:
    """One document as register rows (every sentence, or only its commitments)."""

    doc_id: str
    rows: list[dict[str, Any]]
    origin: str  # the file it came from

    @cached_property
    def content_hash(self) -> str:
        """Changes whenever a row does, analysts' columns included; the order of columns does not count."""
        canonical = json.dumps([sorted((k, _plain(v)) for k, v in r.items()) for r in self.rows], ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Loaded:
    documents: list[DocumentRows] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """A cell as text; None, NaN and <NA> as "" so a register read back hashes like the original."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if str(value) == "<NA>" else str(value)


def is_register(path: str | Path) -> bool:
    return Path(str(path)).suffix.lower() in REGISTER_SUFFIXES


def read_register(path: Path) -> list[DocumentRows]:
    """A register file as documents, in the order their rows first appear."""
    df = register.read(path)
    missing = [c for c in ("doc_id", "text") if c not in df.columns]
    if missing:
        raise CamketError(f"{path}: not a camket register (no {', '.join(missing)} column)")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in df.to_dict(orient="records"):
        doc_id = str(row["doc_id"]).strip()
        if not doc_id or not str(row["text"]).strip():
            continue
        by_doc.setdefault(doc_id, []).append({k: _plain(v) for k, v in row.items()})
    return [DocumentRows(doc_id, rows, str(path)) for doc_id, rows in by_doc.items()]


def load(
    paths: Sequence[str | Path],
    *,
    model_dir: str | Path | None = None,
    workers: int = 1,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> Loaded:
    """Registers named outright are read as they are; everything else goes through the pipeline.

    Documents come back transcripts first (in the order found), then registers in the order
    named; a doc_id seen twice keeps its last version.
    """
    from pipeline.executors import run_batch
    from pipeline.ingest.inputs import expand_paths

    loaded = Loaded()
    registers = [Path(str(p)) for p in paths if is_register(p) and not Path(str(p)).is_dir()]
    transcripts = [p for p in paths if not (is_register(p) and not Path(str(p)).is_dir())]
    found: list[DocumentRows] = []
    if transcripts:
        inputs = expand_paths(transcripts)
        result = run_batch(inputs, model_dir=model_dir, workers=workers, progress=progress)
        loaded.failures.extend(result.failures)
        # A register found inside a folder is a file the transcript reader skips; say so.
        loaded.skipped.extend(result.skipped)
        for p in result.processed:
            rows = [register.row(s, p.document) for s in p.sentences]
            found.append(DocumentRows(p.document.doc_id, [{k: _plain(v) for k, v in r.items()} for r in rows],
                                      p.document.source))
    for path in registers:
        try:
            found.extend(read_register(path))
        except CamketError as exc:
            loaded.failures.append(Failure(str(path), str(exc).removeprefix(f"{path}: ")))
    last = {d.doc_id: i for i, d in enumerate(found)}
    for i, doc in enumerate(found):
        if last[doc.doc_id] != i:
            loaded.notes.append(f"{doc.origin}: document {doc.doc_id} is also in {found[last[doc.doc_id]].origin}; the later one is kept")
        else:
            loaded.documents.append(doc)
    return loaded
