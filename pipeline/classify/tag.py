"""Classification stage: adds `Labels` to each sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.classify.labeller import Labeller
from pipeline.records import Sentence


def tag(sentences: Sequence[Sentence], classifier: Labeller) -> list[Sentence]:
    # One document's sentences in order: neighbours inform the area.
    labels = classifier.label([s.text for s in sentences], groups=[s.doc_id for s in sentences])
    return [replace(s, labels=lab) for s, lab in zip(sentences, labels)]
