"""Linking: which earlier commitment a new commitment repeats or extends, and which earlier
commitment a later report sentence gives results of.

Every commitment and report sentence of a document is compared with the commitments of
the documents before it (tracker order: date, else order added). The score adds up

- the cosine similarity of TF-IDF vectors (scikit-learn) of the sentences, the action's
  words counted twice, over syllables and syllable pairs (tone style and case folded),
- the same area,
- the actors' similarity (rapidfuzz `token_set_ratio`; for a report sentence, how well the
  commitment's actor is found in it, `partial_ratio`),
- the places both name (for a report sentence, the commitment's places found in it).

A link goes to the best-scoring commitment above the threshold in the LATEST earlier
document that has one, so a thread is a chain: 2025 → 2024 → 2023. A commitment that
states a new deadline year or a new number (a target) `extends` the earlier one; otherwise
it `repeats` it. Commitments of area 0 (framing such as "tôi đề nghị các đồng chí thống
nhất …") are left out by the caller. The weights and thresholds are set on the test
collection (`tests/data/track/`, see `camket track eval`); `Thresholds` says how.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.classify.corpus import sentence_key

# A report sentence states what has been done: "đã", "hoàn thành", "đạt được", "kết quả", "bước đầu".
REPORT_CUE = re.compile(r"(?<!\w)(?:đã|hoàn thành|đạt được|kết quả|bước đầu)(?!\w)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")

WEIGHTS = {"text": 0.60, "area": 0.15, "actor": 0.15, "places": 0.10}
# Candidates scored in full: the most similar earlier commitments by text, and none below
# half the lowest cosine of a gold link (0.398) on the test collection.
CANDIDATES = 20
MIN_COSINE = 0.2


@dataclass(frozen=True)
class Thresholds:
    """Minimum scores for a link, set on tests/data/track (four addresses, 13 gold links) at the
    midpoint between the lowest-scoring gold link and the highest-scoring wrong pair (a pair
    that is neither a gold link nor an older commitment of the same thread):

    - commitment to commitment: gold from 0.565, wrong up to 0.410 → 0.49;
    - report sentence to commitment: gold from 0.508, wrong up to 0.316 → 0.41.

    These are in-sample figures: the collection that set them is the one `camket track eval`
    scores, so expect lower precision and recall on other conferences."""

    commitment: float = 0.49
    report: float = 0.41


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Item:
    """A commitment, or a report sentence, as linking sees it."""

    id: str
    doc_id: str
    rank: int  # the document's position in tracker order
    text: str
    area: int
    is_commitment: bool = True
    action: str = ""
    actor: str = ""
    places: tuple[str, ...] = ()
    deadline_year: int | None = None


@dataclass(frozen=True)
class Link:
    from_id: str
    to_id: str
    kind: str  # repeats | extends | reports_on
    score: float


def is_report(text: str) -> bool:
    """A sentence that states results (used for non-commitment sentences of a priority area)."""
    return bool(REPORT_CUE.search(text))


def _numbers(text: str) -> set[str]:
    return {n for n in _NUMBER.findall(text) if not _YEAR.match(n)}


def kind_of(new: Item, old: Item) -> str:
    """`extends` when the new commitment states a new deadline or a new figure, else `repeats`."""
    if not new.is_commitment:
        return "reports_on"
    if new.deadline_year is not None and new.deadline_year != old.deadline_year:
        return "extends"
    return "extends" if _numbers(new.text) - _numbers(old.text) else "repeats"


def _fold(text: str) -> str:
    return sentence_key(text)


@dataclass(frozen=True)
class _Folded:
    """An item's actor, text and places folded once (tone style, case, spacing)."""

    actor: str
    text: str
    places: frozenset[str]


def _folded(item: Item) -> _Folded:
    return _Folded(_fold(item.actor), _fold(item.text), frozenset(_fold(p) for p in item.places))


def _actor_score(new: Item, old: Item, fnew: _Folded, fold: _Folded) -> float:
    from rapidfuzz import fuzz

    if not fold.actor:
        return 0.0
    if new.is_commitment:
        return fuzz.token_set_ratio(fnew.actor, fold.actor) / 100 if fnew.actor else 0.0
    return fuzz.partial_ratio(fold.actor, fnew.text) / 100


def _place_score(new: Item, fnew: _Folded, fold: _Folded) -> float:
    if not fold.places:
        return 0.0
    if new.is_commitment:
        return len(fold.places & fnew.places) / len(fold.places | fnew.places) if fnew.places else 0.0
    return sum(p in fnew.text for p in fold.places) / len(fold.places)


def score(new: Item, old: Item, cosine: float, fnew: _Folded | None = None, fold: _Folded | None = None) -> float:
    fnew = fnew or _folded(new)
    fold = fold or _folded(old)
    return (WEIGHTS["text"] * cosine + WEIGHTS["area"] * (new.area == old.area)
            + WEIGHTS["actor"] * _actor_score(new, old, fnew, fold) + WEIGHTS["places"] * _place_score(new, fnew, fold))


def _vectors(items: Sequence[Item]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [_fold(f"{i.text} {i.action}") for i in items]
    vectorizer = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), sublinear_tf=True, lowercase=False)
    return vectorizer.fit_transform(texts)  # rows are L2-normalised: a dot product is the cosine


def link(items: Sequence[Item], thresholds: Thresholds = THRESHOLDS) -> list[Link]:
    """Links from every item to an earlier commitment, in a stable order.

    Only the `CANDIDATES` earlier commitments most similar in text (cosine at least
    `MIN_COSINE`) are scored in full, which keeps a tracker of hundreds of documents fast.
    """
    if not items:
        return []
    items = sorted(items, key=lambda i: (i.rank, i.id))
    vectors = _vectors(items)
    folded = [_folded(i) for i in items]
    commitment_rows = np.array([n for n, i in enumerate(items) if i.is_commitment], dtype=int)
    commitments = vectors[commitment_rows]
    links: list[Link] = []
    start = 0
    while start < len(items):
        rank = items[start].rank
        end = start
        while end < len(items) and items[end].rank == rank:
            end += 1
        earlier = int(np.searchsorted(commitment_rows, start))  # commitments of documents before this one
        if earlier:
            cosines = (vectors[start:end] @ commitments[:earlier].T).toarray()
            for offset, row in enumerate(cosines):
                new = items[start + offset]
                threshold = thresholds.commitment if new.is_commitment else thresholds.report
                columns = np.flatnonzero(row >= MIN_COSINE)
                if len(columns) > CANDIDATES:
                    columns = columns[np.argsort(-row[columns], kind="stable")[:CANDIDATES]]
                best: tuple[int, float, int] | None = None  # (rank, score, row) of the best so far
                for column in columns:
                    r = int(commitment_rows[column])
                    old = items[r]
                    s = score(new, old, float(row[column]), folded[start + offset], folded[r])
                    if s >= threshold and (best is None or (old.rank, s, -r) > (best[0], best[1], -best[2])):
                        best = (old.rank, s, r)
                if best is not None:
                    old = items[best[2]]
                    links.append(Link(new.id, old.id, kind_of(new, old), round(best[1], 4)))
        start = end
    return links
