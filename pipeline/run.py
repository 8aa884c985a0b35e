"""Documents through every stage: read → clean → segment → classify → extract fields.

This module returns records; `pipeline.executors` runs many of them (in this
process, a pool of workers or a Dask cluster) and `pipeline.register` writes
them.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.classify.labeller import Labeller
from pipeline.classify.persist import load_model
from pipeline.classify.tag import tag
from pipeline.errors import InputError
from pipeline.ingest.read import DEFAULT_MAX_SIZE, STDIN, read_document
from pipeline.records import Document, Failure, Sentence
from pipeline.text.segment import sentences as segment


@dataclass
class Processed:
    document: Document
    sentences: list[Sentence]


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
    debug: bool = False  # failure rows carry the traceback


# A sentence longer than this is not running speech (a pasted table, a word
# repeated, text without punctuation); spaCy refuses texts over 1,000,000
# characters and the word segmenter slows down long before.
MAX_SENTENCE_CHARS = 20_000


# Documents per unit of work: classifying a few documents in one call spreads
# scikit-learn's per-call checks, and the result does not depend on the size.
CHUNK = 16


def process_documents(docs: Sequence[Document], classifier: Labeller, *, fields: bool = True) -> list[Processed]:
    """Segment, classify and extract fields for several documents at once.

    Each document's sentences stay together (the classifier's context never
    crosses documents), so the labels are the same as one document at a time.
    """
    per_doc = [segment(doc) for doc in docs]
    for doc, sentences in zip(docs, per_doc):
        _check_sentences(doc, sentences)
    tagged = tag([s for sentences in per_doc for s in sentences], classifier)
    if fields:
        # Imported here to keep start-up fast: spaCy loads only when fields are asked for.
        from pipeline.fields.extract import extract_fields

        tagged = extract_fields(tagged)
    out, start = [], 0
    for doc, sentences in zip(docs, per_doc):
        out.append(Processed(doc, tagged[start : start + len(sentences)]))
        start += len(sentences)
    return out


def process_document(doc: Document, classifier: Labeller, *, fields: bool = True) -> Processed:
    return process_documents([doc], classifier, fields=fields)[0]


@functools.lru_cache(maxsize=4)
def cached_classifier(model_dir: str | None) -> Labeller:
    """The model of `model_dir`, loaded once per process (workers inherit it on fork)."""
    return load_model(model_dir)


def _check_sentences(doc: Document, sentences: Sequence[Sentence]) -> None:
    for s in sentences:
        if len(s.text) > MAX_SENTENCE_CHARS:
            raise InputError(
                doc.source or doc.doc_id,
                f"sentence {s.sentence_id} is {len(s.text):,} characters long (limit {MAX_SENTENCE_CHARS:,}): "
                "not running text? split it or remove it",
            )


def failure(source: str, exc: BaseException, *, debug: bool = False) -> Failure:
    """A failure row for any exception: the file and the reason, with the traceback when debugging."""
    if isinstance(exc, InputError):
        source, problem = exc.source, exc.problem
    else:
        problem = f"internal error while processing this file ({type(exc).__name__}: {exc})"
    if debug:
        problem += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return Failure(source, problem)


def process_jobs(jobs: Sequence[Job], settings: Settings) -> list[Processed | Failure]:
    """Everything for a few files, in order; the unit of work a worker or a Dask task runs.

    Every document runs under one guard: whatever goes wrong with it (reading,
    cleaning, segmenting, classifying, fields) becomes a failure row naming the
    file and the reason, and the other documents go on.
    """
    outcomes: list[Processed | Failure | Document] = []
    for job in jobs:
        try:
            outcomes.append(read_document(job.path, job.doc_id, max_size=settings.max_size))
        except Exception as exc:
            outcomes.append(failure(_source(job.path), exc, debug=settings.debug))
    docs = [o for o in outcomes if isinstance(o, Document)]
    classifier = cached_classifier(settings.model_dir)
    try:
        done: list[Processed | Failure] = list(process_documents(docs, classifier, fields=settings.fields))
    except Exception:
        # One document broke the shared call: redo them one by one to know which.
        done = []
        for doc in docs:
            try:
                done.append(process_document(doc, classifier, fields=settings.fields))
            except Exception as exc:
                done.append(failure(doc.source or doc.doc_id, exc, debug=settings.debug))
    processed = iter(done)
    return [next(processed) if isinstance(o, Document) else o for o in outcomes]


def _source(path: str) -> str:
    return "<stdin>" if path == STDIN else path
