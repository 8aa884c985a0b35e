"""One document through every stage, and batches of them.

read → clean → segment → classify → extract fields. This module returns
records; writing them is `pipeline.register`'s job. A batch runs in this
process, in a pool of worker processes, or on a Dask cluster; results come
back in input order whatever runs them, so outputs are identical.
"""

from __future__ import annotations

import functools
import glob
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CamketError, InputError
from pipeline.formats import supported
from pipeline.ingest import DEFAULT_MAX_SIZE, STDIN, read_document, slug
from pipeline.model import SentenceClassifier
from pipeline.records import Document, Sentence
from pipeline.segment import sentences as segment
from pipeline.tag import tag


@dataclass
class Processed:
    document: Document
    sentences: list[Sentence]


@dataclass(frozen=True)
class Failure:
    source: str
    problem: str


@dataclass(frozen=True)
class Job:
    path: str
    doc_id: str


@dataclass(frozen=True)
class Settings:
    """What every worker needs to process a document; small and picklable."""

    model_dir: str | None = None
    max_size: int | None = DEFAULT_MAX_SIZE
    fields: bool = True


@dataclass
class BatchResult:
    processed: list[Processed] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)


# Documents per unit of work: classifying a few documents in one call spreads
# scikit-learn's per-call checks, and the result does not depend on the size.
CHUNK = 16


def process_documents(docs: Sequence[Document], classifier: SentenceClassifier, *, fields: bool = True) -> list[Processed]:
    """Segment, classify and extract fields for several documents at once.

    Each document's sentences stay together (the classifier's context never
    crosses documents), so the labels are the same as one document at a time.
    """
    per_doc = [segment(doc) for doc in docs]
    tagged = tag([s for sentences in per_doc for s in sentences], classifier)
    if fields:
        from pipeline.fields import extract_fields

        tagged = extract_fields(tagged)
    out, start = [], 0
    for doc, sentences in zip(docs, per_doc):
        out.append(Processed(doc, tagged[start : start + len(sentences)]))
        start += len(sentences)
    return out


def process_document(doc: Document, classifier: SentenceClassifier, *, fields: bool = True) -> Processed:
    return process_documents([doc], classifier, fields=fields)[0]


# ----------------------------------------------------------------- inputs
@dataclass(frozen=True)
class Inputs:
    """What a batch will read: (file, name relative to what the user named), and what it skips."""

    found: list[tuple[Path, str]]
    skipped: list[Failure]

    @property
    def files(self) -> list[Path]:
        return [f for f, _ in self.found]


def expand_paths(paths: Iterable[str | Path]) -> Inputs:
    """Files named, matched by globs, or found below folders (recursively), in a stable order."""
    found: list[tuple[Path, str]] = []
    skipped: list[Failure] = []
    for raw in map(str, paths):
        if raw == STDIN:
            found.append((Path(STDIN), "stdin"))
            continue
        p = Path(raw)
        if p.is_dir():
            candidates = [
                (f, f.relative_to(p).as_posix())
                for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
        elif not p.exists() and glob.has_magic(raw):
            candidates = [(Path(m), Path(m).name) for m in sorted(glob.glob(raw, recursive=True)) if Path(m).is_file()]
            if not candidates:
                skipped.append(Failure(raw, "no file matches this pattern"))
        else:
            found.append((p, p.name))  # missing or unsupported files named outright are reported by the reader
            continue
        for f, name in candidates:
            if supported(f):
                found.append((f, name))
            else:
                skipped.append(Failure(str(f), f"skipped: unsupported file type {f.suffix or '(none)'}"))
    seen: set[str] = set()
    unique = []
    for f, name in found:
        key = str(f.resolve()) if str(f) != STDIN else STDIN
        if key not in seen:
            seen.add(key)
            unique.append((f, name))
    return Inputs(unique, skipped)


def assign_doc_ids(names: Sequence[str]) -> list[str]:
    """Ids from the file paths as named (relative to the folder given), stable across runs.

    "2022/08/closing.txt" under the folder given becomes "2022-08-closing"; two
    files differing only in type get their suffix ("closing-docx"); any clash
    left gets a counter.
    """
    stems = [slug(str(Path(n).with_suffix(""))) if Path(n).suffix else slug(n) for n in names]
    counts = {i: stems.count(i) for i in stems}
    ids = [f"{i}-{slug(Path(n).suffix)}" if counts[i] > 1 and Path(n).suffix else i for n, i in zip(names, stems)]
    seen: dict[str, int] = {}
    unique = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        unique.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return unique


# ------------------------------------------------------------- processing
@functools.lru_cache(maxsize=4)
def cached_classifier(model_dir: str | None) -> SentenceClassifier:
    """The model of `model_dir`, loaded once per process (workers inherit it on fork)."""
    from pipeline.persist import load_model

    return load_model(model_dir)


def process_jobs(jobs: Sequence[Job], settings: Settings) -> list[Processed | Failure]:
    """Everything for a few files, in order; the unit of work a worker or a Dask task runs."""
    outcomes: list[Processed | Failure | Document] = []
    for job in jobs:
        try:
            outcomes.append(read_document(job.path, job.doc_id, max_size=settings.max_size))
        except InputError as exc:
            outcomes.append(Failure(exc.source, exc.problem))
    docs = [o for o in outcomes if isinstance(o, Document)]
    processed = iter(process_documents(docs, cached_classifier(settings.model_dir), fields=settings.fields))
    return [next(processed) if isinstance(o, Document) else o for o in outcomes]


def _chunks(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _map(jobs: Sequence[Job], settings: Settings, workers: int, scheduler: str | None) -> Iterator[Processed | Failure]:
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            raise CamketError("--scheduler needs Dask: pip install 'camket[dask]'") from None
        try:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        except OSError as exc:
            raise CamketError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            futures = client.map(process_jobs, _chunks(jobs, CHUNK), settings=settings, pure=False)
            for future in futures:  # in input order
                yield from future.result()
        return
    chunks = _chunks(jobs, CHUNK)
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from process_jobs(chunk, settings)
        return
    # Smaller chunks keep every worker busy to the end of the batch.
    chunks = _chunks(jobs, max(1, min(CHUNK, len(jobs) // (workers * 4))))
    # fork shares the loaded model with the workers; elsewhere they load their own.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
        for outcomes in pool.map(process_jobs, chunks, [settings] * len(chunks)):
            yield from outcomes


def run_batch(
    paths: Iterable[str | Path] | Inputs,
    *,
    model_dir: str | Path | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
    fields: bool = True,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> BatchResult:
    inputs = paths if isinstance(paths, Inputs) else expand_paths(paths)
    found = inputs.found
    result = BatchResult(skipped=inputs.skipped)
    if not found:
        return result
    settings = Settings(model_dir=str(model_dir) if model_dir else None, max_size=max_size, fields=fields)
    ids = assign_doc_ids([name for _, name in found])
    jobs = [Job(str(f), i) for (f, _), i in zip(found, ids)]
    if not scheduler:
        # Load once here: worker processes fork from this one and inherit it.
        cached_classifier(settings.model_dir)
        if fields:
            from pipeline.fields import default_nlp

            default_nlp()("Khởi động.")  # also loads underthesea's model
    outcomes = _map(jobs, settings, workers, scheduler)
    if progress is not None:
        outcomes = progress(outcomes)
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            result.failures.append(outcome)
        else:
            result.processed.append(outcome)
    return result


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
