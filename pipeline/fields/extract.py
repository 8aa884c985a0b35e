"""Field extraction stage: adds `Fields` to each commitment sentence.

Only sentences labelled commitment == 1 go through spaCy and underthesea (the
expensive part), with the few the classifier doubted that hold the cue of an
order (`pipeline.fields.orders`): one of those whose parse shows a reported
order becomes a commitment with its fields; every other sentence is returned
unchanged with `fields=None`, which keeps the whole pipeline cheaper than word
segmentation of every sentence.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.fields import orders
from pipeline.fields.components import extension  # importing it registers the component factories
from pipeline.fields.tokenizer import TOKENIZER_NAME
from pipeline.records import FIELD_NAMES, Fields, Sentence

BATCH_SIZE = 64


# Component names in pipeline order (see pipeline.fields.components).
FIELD_COMPONENTS = (
    "camket_places",
    "camket_references",
    "camket_timeframe",
    "camket_orgs",
    "camket_cue",
    "camket_actor",
    "camket_action",
)


def vietnamese_nlp(*, components: Sequence[str] | None = FIELD_COMPONENTS) -> Language:
    """A blank Vietnamese pipeline with underthesea word tokens and the commitment-field components.

    `components`: names to add in order (default: all of `FIELD_COMPONENTS`);
    pass ``()`` for the tokenizer alone. Nothing heavy is loaded until the
    first text is processed.
    """
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in components or ():
        nlp.add_pipe(name)
    return nlp


def warn_and_continue(proc_name: str, proc: object, docs: list[Doc], exc: Exception) -> None:
    """spaCy error handler of the extraction stage: one odd sentence keeps what it has, and the batch goes on."""
    text = docs[0].text if docs else ""
    warnings.warn(
        f"camket: {proc_name} failed on {text[:60]!r} ({type(exc).__name__}: {exc}); its fields may be incomplete",
        RuntimeWarning,
        stacklevel=2,
    )


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The shared field pipeline (built once per process, on first use); a failing sentence warns instead of stopping the batch."""
    nlp = vietnamese_nlp()
    nlp.set_error_handler(warn_and_continue)
    return nlp


def fields_from_doc(doc: Doc) -> Fields:
    """The register fields a processed Doc carries (see pipeline.fields.components)."""
    ext = doc._
    return Fields(**{name: _plain(getattr(ext, extension(name))) for name in FIELD_NAMES})


def _plain(value: object) -> object:
    """Lists become tuples: a `Fields` is frozen and hashable."""
    return tuple(value) if isinstance(value, list) else value


def extract_fields(sentences: Sequence[Sentence], nlp: Language | None = None, *, reported_orders: bool = True) -> list[Sentence]:
    """Copies of `sentences` with `fields` filled for those labelled commitment == 1.

    With `reported_orders`, a sentence the classifier doubted whose parse shows a
    reported order (`pipeline.fields.orders`) is marked a commitment and gets its fields.
    """
    out = list(sentences)
    todo = [
        i for i, s in enumerate(out)
        if s.labels is not None and (s.labels.commitment == 1 or (reported_orders and orders.may_be_order(s)))
    ]  # fmt: skip
    if not todo:
        return out
    nlp = nlp or default_nlp()
    docs = nlp.pipe((out[i].text for i in todo), batch_size=BATCH_SIZE)
    for i, doc in zip(todo, docs):
        found = fields_from_doc(doc)
        labels = out[i].labels
        if labels.commitment == 1:
            out[i] = replace(out[i], fields=found)
        elif orders.is_reported_order(found):
            out[i] = replace(out[i], labels=orders.as_order(labels, found), fields=found)
    return out
