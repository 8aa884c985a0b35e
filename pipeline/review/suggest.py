"""Which sentences an analyst should label next (`camket review suggest`).

Uncertainty sampling, spread out: the least confident sentences first, taken
in turns from each predicted area and with a cap per document, so one odd
transcript or one muddled area does not fill the list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
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


@dataclass
class Suggestions:
    """What `review suggest` found: the sentences chosen, and enough to say why there are none."""

    chosen: list[tuple[Sentence, Document]]
    failures: list[Failure]
    documents: int = 0
    sentences: int = 0
    known: int = 0  # sentences left out because the corpus has them
    corpus: str = ""
    notes: list[str] = field(default_factory=list)

    def why_none(self) -> str:
        """Why nothing was suggested, and what to do; "" when something was."""
        if self.chosen:
            return ""
        if not self.documents:
            return "no transcript could be read; check the paths and the messages above"
        if not self.sentences:
            return f"the {self.documents} document(s) have no sentences the model could label"
        if self.known >= self.sentences:
            return (f"every one of the {self.sentences} sentence(s) is already labeled in {self.corpus}; "
                    "give new transcripts, or --corpus another folder to include labeled ones")
        return "nothing left to suggest"


def suggestions(
    paths: Sequence[str | Path], n: int, *, model_dir: str | Path | None = None, corpus_dir: str | Path | None = None
) -> Suggestions:
    """The `n` sentences of the transcripts at `paths` most worth labelling, with counts that explain the choice.

    Sentences already in the corpus at `corpus_dir` are left out.
    """
    result = run_batch(paths, model_dir=model_dir or default_model_dir(), fields=False)
    known = set(read_corpus([corpus_dir])["key"]) if corpus_dir and Path(corpus_dir).exists() else set()
    docs = {p.document.doc_id: p.document for p in result.processed}
    sentences = [s for p in result.processed for s in p.sentences if s.labels is not None]
    chosen = suggest(sentences, n, known=known)
    return Suggestions(
        [(s, docs[s.doc_id]) for s in chosen], result.failures + result.skipped,
        documents=len(result.processed), sentences=len(sentences),
        known=sum(sentence_key(s.text) in known for s in sentences), corpus=str(corpus_dir or ""),
    )


def suggest_from_transcripts(
    paths: Sequence[str | Path], n: int, *, model_dir: str | Path | None = None, corpus_dir: str | Path | None = None
) -> tuple[list[tuple[Sentence, Document]], list[Failure]]:
    """The `n` sentences of the transcripts at `paths` most worth labelling, each with its document,
    and the files that failed or were skipped (see `suggestions` for the counts)."""
    found = suggestions(paths, n, model_dir=model_dir, corpus_dir=corpus_dir)
    return found.chosen, found.failures
