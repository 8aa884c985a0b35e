"""One document through every stage, and a batch of them: read → clean →
segment → classify → extract fields. Returns records; writing is the caller's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CamketError, InputError
from pipeline.ingest import read_document, slug
from pipeline.model import SentenceClassifier
from pipeline.records import Document, Sentence
from pipeline.segment import sentences as segment
from pipeline.tag import tag


@dataclass
class Processed:
    document: Document
    sentences: list[Sentence]


@dataclass
class Failure:
    source: str
    problem: str


@dataclass
class BatchResult:
    processed: list[Processed] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)


def process_document(doc: Document, classifier: SentenceClassifier) -> Processed:
    return Processed(doc, tag(segment(doc), classifier))


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files below folders named (recursively), in a stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            files.append(p)
    return files


def assign_doc_ids(files: Sequence[Path]) -> list[str]:
    """Ids from file names; a clash adds the parent folders until ids are unique."""
    ids = [slug(f.stem) for f in files]
    depth = 1
    while len(set(ids)) < len(ids) and depth < 8:
        counts = {i: ids.count(i) for i in ids}
        ids = [
            slug("-".join([*f.parent.parts[-depth:], f.stem])) if counts[i] > 1 else i
            for f, i in zip(files, ids)
        ]
        depth += 1
    seen: dict[str, int] = {}
    unique = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        unique.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return unique


def run_batch(paths: Iterable[str | Path], classifier: SentenceClassifier) -> BatchResult:
    files = expand_paths(paths)
    if not files:
        raise CamketError("no input files")
    result = BatchResult()
    for path, doc_id in zip(files, assign_doc_ids(files)):
        try:
            doc = read_document(path, doc_id)
            result.processed.append(process_document(doc, classifier))
        except InputError as exc:
            result.failures.append(Failure(exc.source, exc.problem))
    return result
