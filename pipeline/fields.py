"""Field extraction stage: adds `Fields` to each commitment sentence.

Only sentences labelled commitment == 1 go through spaCy and underthesea (the
expensive part); every other sentence is returned unchanged with
`fields=None`, which keeps the whole pipeline cheaper than word segmentation
of every sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import Fields, Sentence

BATCH_SIZE = 64


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The shared field pipeline (built once per process, on first use)."""
    from pipeline.nlp import vietnamese_nlp

    return vietnamese_nlp()


def fields_from_doc(doc: Doc) -> Fields:
    """The register fields a processed Doc carries (see pipeline.components)."""
    ext = doc._
    return Fields(
        cue=ext.cue,
        commitment_type=ext.commitment_type,
        actor=ext.actor,
        partners=tuple(ext.partners),
        action=ext.action,
        actions=tuple(ext.actions),
        timeframe=ext.timeframe,
        deadline_year=ext.deadline_year,
        references=tuple(ext.references),
        places=tuple(ext.places),
    )


def extract_fields(sentences: Sequence[Sentence], nlp: Language | None = None) -> list[Sentence]:
    """Copies of `sentences` with `fields` filled for those labelled commitment == 1."""
    out = list(sentences)
    todo = [i for i, s in enumerate(out) if s.labels is not None and s.labels.commitment == 1]
    if not todo:
        return out
    nlp = nlp or default_nlp()
    docs = nlp.pipe((out[i].text for i in todo), batch_size=BATCH_SIZE)
    for i, doc in zip(todo, docs):
        out[i] = replace(out[i], fields=fields_from_doc(doc))
    return out
