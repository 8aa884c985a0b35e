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
import warnings
from collections.abc import Callable, Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.fields import lexicon as lex
from pipeline.fields.lexicon import DOC_TEXT_KEY, norm
from pipeline.text.normalize import canonical_tones, nfc_with_offsets

TOKENIZER_NAME = "camket.UndertheseaTokenizer.v1"

_word_tokenize: Callable[..., list[str]] | None = None


def _underthesea_word_tokenize() -> Callable[..., list[str]]:
    """underthesea's word segmentation, set up on first use (its import takes ~1 s).

    The same regex tokenizer, CRF model and tags as ``underthesea.word_tokenize``
    (see `_CRFSegmenter`). If underthesea's internals are not as expected (another
    release), it warns and uses ``word_tokenize`` itself: same words, about a
    third of the speed.
    """
    global _word_tokenize
    if _word_tokenize is None:
        try:
            _word_tokenize = _CRFSegmenter()
        except Exception as exc:  # another underthesea version: the public function, said out loud
            from underthesea import word_tokenize

            warnings.warn(
                f"camket: underthesea's word segmenter internals changed ({type(exc).__name__}: {exc}); "
                "using underthesea.word_tokenize, which gives the same words more slowly",
                RuntimeWarning,
                stacklevel=2,
            )
            _word_tokenize = word_tokenize
    return _word_tokenize


# Characters on which the featurizer below is checked equal to underthesea_core's
# (ASCII, Latin-1, Latin Extended-A, ơ/ư, Vietnamese letters, general punctuation).
_SAFE = "\u0021-\u017f\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u2010-\u2027\u2030-\u205e"
_SAFE_TOKENS = re.compile(rf"[{_SAFE}]+(?: [{_SAFE}]+)*(?:\n[{_SAFE}]+(?: [{_SAFE}]+)*)*")
# Text whose every substring is NFC and holds nothing underthesea's character map changes.
_PLAIN_TEXT = re.compile("[\t\n\r !-\u00cf\u00d1-\u00ef\u00f1-\u017f\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u2010-\u2027\u2030-\u205e]*")
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")


def _load_data(path: str):
    """One of underthesea's model files (a pickle it writes and reads with joblib).

    A plain pickle is read with the C unpickler, five times faster than joblib's
    Python one (the 1 MB dictionary: 0.2 s -> 0.04 s); the file and the trust are
    underthesea's own, as with joblib.load.
    """
    import joblib

    with open(path, "rb") as handle:
        plain = handle.read(2) == b"\x80\x04"
    if not plain:
        return joblib.load(path)
    import pickle

    with open(path, "rb") as handle:
        return pickle.load(handle)


def _load_tagger(base: str):
    """underthesea's word segmentation model, as `FastCRFSequenceTagger.load` builds it, once."""
    from os.path import join

    # underthesea_core's classes, as underthesea's module imports them (underthesea declares that package)
    from underthesea.models.fast_crf_sequence_tagger import CRFFeaturizer, CRFTagger, FastCRFSequenceTagger

    tagger = FastCRFSequenceTagger()
    estimator = CRFTagger()
    estimator.load(join(base, tagger.path_model))
    tagger.features = _load_data(join(base, tagger.path_features))
    tagger.dictionary = _load_data(join(base, tagger.path_dictionary))
    tagger.featurizer = CRFFeaturizer(tagger.features, tagger.dictionary)
    tagger.estimator = estimator
    return tagger


class _CRFSegmenter:
    """underthesea's ``word_tokenize`` (default options), minus its per-token overheads.

    Same steps and same model: underthesea's regex ``tokenize``, the CRF
    features of its word-segmentation model, its ``CRFTagger``, and the
    "I-W joins the previous token" rule. Only the features are built here, in
    column form, instead of by ``CRFFeaturizer.process`` (which costs about
    two thirds of ``word_tokenize``); they are the same strings (the
    featurizer's BOS/EOS padding, ``lower``, ASCII ``isdigit``, first letter of
    each syllable unchanged by upper-casing for ``istitle``, lower-cased
    dictionary lookup). Sentences with a character outside the checked set
    (`_SAFE`) go through ``CRFFeaturizer.process`` itself.
    """

    MODEL = "ws_crf_vlsp2013_20230727"

    def __init__(self) -> None:
        from os.path import dirname, join

        import underthesea.pipeline.word_tokenize as wt
        from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

        base = join(dirname(wt.__file__), "models", self.MODEL)
        if wt.word_tokenize_model is None:
            wt.word_tokenize_model = _load_tagger(base)  # underthesea's word_tokenize then uses it too
        model = wt.word_tokenize_model
        templates = getattr(model, "features", None) or _load_data(join(base, "features.bin"))
        self.dictionary = frozenset(getattr(model, "dictionary", None) or _load_data(join(base, "dictionary.bin")))
        self.tokenize = tokenize
        self.token_map = dict(token_map)
        if set(character_map) != {"ð", "Ð"}:
            raise ValueError("underthesea's character map changed")
        self.featurizer = model.featurizer
        self.tag = model.estimator.tag
        self.templates: list[tuple[str, int, int, str]] = []
        for template in templates:
            m = _TEMPLATE.fullmatch(template)
            if m is None:
                raise ValueError(f"unknown feature template {template!r}")
            a = int(m.group(1))
            b = int(m.group(2)) if m.group(2) is not None else a
            if b < a:
                raise ValueError(f"unknown feature template {template!r}")
            self.templates.append((template + "=", a, b, m.group(3) or ""))

    def features(self, tokens: list[str]) -> Sequence[Sequence[str]]:
        if not _SAFE_TOKENS.fullmatch("\n".join(tokens)):
            return self.featurizer.process([[[t] for t in tokens]])[0]
        n = len(tokens)
        lower = [t.lower() for t in tokens]
        title = [
            all(p[0].upper() == p[0] for p in t.split(" ")) if " " in t else t[0].upper() == t[0] for t in tokens
        ]
        cache: dict[tuple[str, int], list] = {}

        def values(attr: str, width: int) -> list:
            """The attribute of each window of `width` tokens, by window start."""
            key = (attr, width)
            if key not in cache:
                if attr == "istitle":
                    out = [str(all(title[j : j + width])) for j in range(n - width + 1)]
                elif attr == "isdigit":
                    out = [str(s.isascii() and s.isdigit()) for s in values("", width)]
                elif attr == "is_in_dict":
                    out = [str(s in self.dictionary) for s in values("lower", width)]
                else:
                    src = lower if attr == "lower" else tokens
                    out = src if width == 1 else [" ".join(src[j : j + width]) for j in range(n - width + 1)]
                cache[key] = out
            return cache[key]

        columns = []
        for prefix, a, b, attr in self.templates:
            bos = min(n, max(0, -a))
            valid = max(0, n - b - bos) if b >= 0 else n - bos
            valid = min(valid, n - bos)
            eos = n - bos - valid
            vals = values(attr, b - a + 1)[bos + a : bos + a + valid]
            columns.append([prefix + "BOS"] * bos + [prefix + v for v in vals] + [prefix + "EOS"] * eos)
        return list(zip(*columns))  # CRFTagger.tag takes one sequence of attribute strings per token

    def _tokens(self, sentence: str) -> list[str]:
        """underthesea's regex ``tokenize`` with its default normalisation.

        Its character normalisation (NFC, "ð" -> "đ") changes nothing in NFC
        text of checked characters without "ð"/"Ð", and then its token
        normalisation is the ``token_map`` look-up of tokens of up to 6 characters.
        """
        if _PLAIN_TEXT.fullmatch(sentence) and unicodedata.is_normalized("NFC", sentence):
            tokens = self.tokenize(sentence, use_character_normalize=False, use_token_normalize=False, fixed_words=[])
            token_map = self.token_map
            return [token_map.get(t, t) if len(t) <= 6 else t for t in tokens]
        return self.tokenize(sentence, use_token_normalize=True, fixed_words=[])

    def __call__(self, sentence: str) -> list[str]:
        tokens = self._tokens(sentence)
        if not tokens:
            return []
        tags = self.tag(self.features(tokens))
        output: list[str] = []
        for i, (tag, token) in enumerate(zip(tags, tokens)):
            if tag == "I-W" and i > 0:
                output[-1] = output[-1] + " " + token
            else:
                output.append(token)
        return output


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
        nfc, offsets = nfc_with_offsets(text)
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
