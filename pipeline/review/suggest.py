"""Which sentences an analyst should label next (`camket review suggest`).

Uncertainty sampling, spread out: the least confident sentences first, taken
in turns from each predicted area and with a cap per document, so one odd
transcript or one muddled area does not fill the list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Container, Sequence
from pathlib import Path

from pipeline.classify.corpus import read_corpus, sentence_key
from pipeline.classify.persist import default_model_dir
from pipeline.executors import run_batch
from pipeline.records import Document, Failure, Sentence


def uncertainty(sentence: Sentence) -> float:
    """1 when the model is torn (two areas tie, or commitment at 0.5), 0 when sure."""
    lab = sentence.labels
    if lab is None:
        return 0.0
    area_doubt = 1.0 - (lab.area_score - lab.area_alt_score)
    commitment_doubt = 1.0 - 2.0 * abs(lab.commitment_score - 0.5)
    return max(area_doubt, commitment_doubt)


def suggest(sentences: Sequence[Sentence], n: int, *, known: Container[str] = ()) -> list[Sentence]:
    """Up to `n` sentences to label, most informative first; skips `known` sentence keys."""
    candidates = [s for s in sentences if s.labels is not None and sentence_key(s.text) not in known]
    seen: set[str] = set()
    unique = []
    for s in sorted(candidates, key=lambda s: (-uncertainty(s), s.doc_id, s.sentence_id)):
        key = sentence_key(s.text)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    buckets: dict[int, list[Sentence]] = defaultdict(list)
    for s in unique:
        buckets[s.labels.area].append(s)  # type: ignore[union-attr]
    docs = {s.doc_id for s in unique}
    cap = max(1, math.ceil(n / max(1, len(docs))))
    per_doc: dict[str, int] = defaultdict(int)
    chosen: list[Sentence] = []
    while len(chosen) < n and any(buckets.values()):
        progressed = False
        for area in sorted(buckets, key=lambda a: -uncertainty(buckets[a][0]) if buckets[a] else 0):
            bucket = buckets[area]
            while bucket and per_doc[bucket[0].doc_id] >= cap:
                bucket.pop(0)
            if bucket and len(chosen) < n:
                s = bucket.pop(0)
                chosen.append(s)
                per_doc[s.doc_id] += 1
                progressed = True
        if not progressed:
            cap += 1  # every document is at its cap: let each give one more
            if cap > n:
                break
    return sorted(chosen, key=lambda s: -uncertainty(s))


def suggest_from_transcripts(
    paths: Sequence[str | Path], n: int, *, model_dir: str | Path | None = None, corpus_dir: str | Path | None = None
) -> tuple[list[tuple[Sentence, Document]], list[Failure]]:
    """The `n` sentences of the transcripts at `paths` most worth labelling, each with its document.

    Sentences already in the corpus at `corpus_dir` are left out. Returns them
    and the files that failed or were skipped.
    """
    result = run_batch(paths, model_dir=model_dir or default_model_dir(), fields=False)
    known = set(read_corpus([corpus_dir])["key"]) if corpus_dir and Path(corpus_dir).exists() else set()
    docs = {p.document.doc_id: p.document for p in result.processed}
    chosen = suggest([s for p in result.processed for s in p.sentences], n, known=known)
    return [(s, docs[s.doc_id]) for s in chosen], result.failures + result.skipped
