"""A spaCy `Language` for Vietnamese whose tokenizer is underthesea's word segmentation.

    >>> from pipeline.nlp import vietnamese_nlp
    >>> nlp = vietnamese_nlp()                # tokenizer + every commitment-field component
    >>> doc = nlp("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính ...")
    >>> [t.text for t in doc][:3]             # words, not syllables: "Sở Y tế" is one token
    >>> doc._.camket_actor, doc._.camket_partners

Tokens are words ("Văn phòng", "Tỉnh ủy"); a token's text is the original
substring, spaces included, so `doc.text == text` and character offsets hold
for any input (NFD, tabs, several spaces, emoji). underthesea is imported on
the first call, never at import.

Two corrections on top of underthesea's CRF, both so that rule matchers see
stable tokens: phrases of the field lexicon (`fields_lexicon.fixed_words`:
"Ban Thường vụ Tỉnh ủy", "Nghệ An", "phối hợp với" ...) always become one token
(the CRF sometimes glues a name to the next word: "ủy Thanh Hóa", "Nghệ An
thực sự"), and document numbers, dates and web addresses ("462/QĐ-TTg",
"14/4/2022", "Thanhhoa.dcs.vn") stay whole. Each token's NORM is its canonical
lower-case form (`normalize.canonical_tones`), so "Thanh Hoá" matches "Thanh Hóa".

The tokenizer is registered as ``camket.UndertheseaTokenizer.v1``, so a config can
name it::

    [nlp.tokenizer]
    @tokenizers = "camket.UndertheseaTokenizer.v1"
    fixed_words = null   # null: the field lexicon; [] for plain underthesea
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.fields import lexicon as lex
from pipeline.fields.lexicon import DOC_TEXT_KEY, norm
from pipeline.text.normalize import canonical_tones

TOKENIZER_NAME = "camket.UndertheseaTokenizer.v1"

_word_tokenize: Callable[..., list[str]] | None = None


def _underthesea_word_tokenize() -> Callable[..., list[str]]:
    """underthesea's public ``word_tokenize``, imported on first use (the import takes ~1 s).

    An earlier version rebuilt its CRF features here for speed; with
    underthesea 9.5 ``word_tokenize`` is as fast (``camket benchmark``), so the
    public function is used as it is.
    """
    global _word_tokenize
    if _word_tokenize is None:
        from underthesea import word_tokenize

        _word_tokenize = word_tokenize
    return _word_tokenize


def _nfc_offsets(text: str) -> tuple[str, list[int]]:
    """NFC text and, for each of its characters plus the end, the offset in `text`."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        # a cluster is a base character and the combining marks after it
        if i == len(text) or not unicodedata.combining(text[i]):
            piece = unicodedata.normalize("NFC", text[start:i])
            out.append(piece)
            offsets.extend([start] * len(piece))
            start = i
    offsets.append(len(text))
    return "".join(out), offsets


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _align(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans in `text` of underthesea's words (their syllables are joined by one space)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    folded = text.lower()
    for word in words:
        start = end = None
        for syllable in word.split():
            s = syllable.lower()
            while cursor < len(text) and text[cursor].isspace():
                cursor += 1
            if folded.startswith(s, cursor):
                pos = cursor
            else:  # underthesea normalised something; find it further on
                pos = folded.find(s, cursor)
                if pos < 0:
                    continue
            if start is None:
                start = pos
            end = cursor = pos + len(s)
        if start is not None and end is not None:
            spans.append((start, end))
    return spans


def _cover(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add a token for any non-space text no span covers (nothing may be dropped)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor:  # overlapping (should not happen): keep the first
            continue
        out.extend((m.start() + cursor, m.end() + cursor) for m in re.finditer(r"\S+", text[cursor:start]))
        out.append((start, end))
        cursor = end
    out.extend((m.start() + cursor, m.end() + cursor) for m in re.finditer(r"\S+", text[cursor:]))
    return out


def _protect(text: str, spans: list[tuple[int, int]], keep: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make each span in `keep` exactly one token: split tokens at its edges, merge inside it."""
    if not keep:
        return spans
    edges = sorted({e for k in keep for e in k})
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        cuts = [start, *(e for e in edges if start < e < end), end]
        for a, b in zip(cuts, cuts[1:]):
            chunk = text[a:b]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                pieces.append((a + lead, a + lead + len(stripped)))
    merged: list[tuple[int, int]] = []
    k = 0
    for start, end in pieces:
        while k < len(keep) and keep[k][1] <= start:
            k += 1
        if k < len(keep) and keep[k][0] <= start and end <= keep[k][1] and merged and keep[k][0] <= merged[-1][0]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _keep_spans(folded: str, *patterns: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Non-overlapping matches of the patterns; on overlap the earlier, then the longer, wins."""
    found = sorted(
        ((m.start(), m.end()) for p in patterns if p is not None for m in p.finditer(folded)),
        key=lambda s: (s[0], -s[1]),
    )
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _words_and_spaces(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's convention: a token owns one following space; other white space is a token."""
    words: list[str] = []
    spaces: list[bool] = []
    if spans and spans[0][0] > 0:
        words.append(text[: spans[0][0]])
        spaces.append(False)
    elif not spans and text:
        return [text], [False]
    for i, (start, end) in enumerate(spans):
        words.append(text[start:end])
        gap = text[end : spans[i + 1][0] if i + 1 < len(spans) else len(text)]
        if gap.startswith(" "):
            spaces.append(True)
            gap = gap[1:]
        else:
            spaces.append(False)
        if gap:
            words.append(gap)
            spaces.append(False)
    return words, spaces


class UndertheseaTokenizer:
    """Callable tokenizer: text -> Doc of underthesea words, text and offsets preserved."""

    def __init__(self, vocab: Vocab, fixed_words: Sequence[str] | None = None) -> None:
        self.vocab = vocab
        self.fixed_words = tuple(lex.fixed_words() if fixed_words is None else fixed_words)
        self._fixed_regex: re.Pattern[str] | None = None
        self._compiled = False

    def _fixed(self) -> re.Pattern[str] | None:
        if not self._compiled:  # compiled on first use: importing stays cheap
            self._fixed_regex = _phrase_regex(self.fixed_words)
            self._compiled = True
        return self._fixed_regex

    def analyse(self, text: str) -> tuple[list[tuple[int, int]], list[str]]:
        """Token character spans in `text` (white space excluded) and each token's NORM."""
        nfc, offsets = _nfc_offsets(text)
        canonical = canonical_tones(nfc)
        if len(canonical) != len(nfc):  # cannot happen for NFC input; keep offsets safe anyway
            canonical = nfc
        words = _underthesea_word_tokenize()(canonical) if canonical.strip() else []
        spans = _cover(canonical, _align(canonical, words))
        folded = canonical.lower()
        keep = _keep_spans(folded, lex.ATOMS, self._fixed())
        spans = _protect(canonical, spans, keep)
        # NORM from the canonical text already at hand: no per-token normalisation
        norms = [" ".join(folded[s:e].split()) for s, e in spans]
        return [(offsets[s], offsets[e]) for s, e in spans], norms

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Token character spans in `text` (white space excluded)."""
        return self.analyse(text)[0]

    def __call__(self, text: str) -> Doc:
        spans, norms = self.analyse(text)
        words, spaces = _words_and_spaces(text, spans)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[DOC_TEXT_KEY] = text  # the components read the text from here, not from the tokens
        if len(words) == len(norms):  # no white-space tokens: one NORM per token
            for token, token_norm in zip(doc, norms):
                token.norm_ = token_norm
            return doc
        pending = iter(norms)
        for token in doc:
            if not token.is_space:
                token.norm_ = next(pending)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy serialises tokenizers with the pipeline; this one has no data of its own.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "UndertheseaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "UndertheseaTokenizer":
        return self


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_underthesea_tokenizer(fixed_words: list[str] | None = None) -> Callable[[Language], UndertheseaTokenizer]:
    """Config entry point: ``@tokenizers = "camket.UndertheseaTokenizer.v1"``."""

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, fixed_words=fixed_words)

    return make
