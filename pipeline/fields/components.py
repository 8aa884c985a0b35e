"""spaCy components that fill the commitment fields of a sentence.

Importing this module registers the factories and the Doc extensions, after
which any Vietnamese pipeline can add the components by name::

    import spacy
    import pipeline.fields.components  # registers the factories below
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "camket.UndertheseaTokenizer.v1"}}})
    for name in ("camket_places", "camket_references", "camket_timeframe", "camket_orgs",
                 "camket_cue", "camket_actor", "camket_action"):
        nlp.add_pipe(name)

(`pipeline.nlp.vietnamese_nlp()` does exactly this.) Each component is a
spaCy `Pipe`: `predict(doc)` computes its result without touching the Doc,
`set_annotations(doc, result)` writes it, and `__call__` runs both under the
component's error handler (`nlp.set_error_handler`), so one odd sentence
need not stop a batch. Everything a component writes is in `doc.spans` or in
the `doc._.camket_*` extensions, so `doc.to_bytes()` and
`nlp.pipe(texts, n_process=2)` work.

| component | writes |
|---|---|
| camket_places | `doc.ents` (PLACE), `doc.spans["places"]`, `doc._.camket_places` |
| camket_references | `doc.spans["references"]`, `doc._.camket_references` |
| camket_timeframe | `doc.spans["timeframes"]`, `doc._.camket_timeframe`, `doc._.camket_deadline_year` |
| camket_orgs | `doc.spans["orgs"]`, `doc.spans["groups"]` |
| camket_cue | `doc.spans["camket_clauses"]`, `doc.spans["cues"]`, `doc._.camket_cue`, `doc._.camket_commitment_type` |
| camket_actor | `doc.spans["actors"]`, `doc.spans["partners"]`, `doc.spans["issuers"]`, `doc._.camket_actor`, `doc._.camket_issuer`, `doc._.camket_partners` |
| camket_action | `doc.spans["actions"]`, `doc._.camket_action`, `doc._.camket_actions` |

The extension of field ``name`` is ``doc._.camket_<name>`` for every name in
`pipeline.records.FIELD_NAMES`. The matchers compare tokens by NORM; with
`pipeline.fields.tokenizer`'s tokenizer NORM is the canonical lower-case form
and lexicon phrases are single tokens. On another tokenizer (syllables)
multi-word patterns are matched syllable by syllable, so the components still work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.fields import lexicon as lex
from pipeline.fields.places import find_places
from pipeline.records import FIELD_NAMES, Fields

EXTENSION_PREFIX = "camket_"


def extension(name: str) -> str:
    """The Doc extension of a field: ``actor`` -> ``camket_actor``."""
    return EXTENSION_PREFIX + name


def _register_extensions() -> None:
    """One ``doc._.camket_<field>`` per field; an extension of that name set by anyone else raises, as in spaCy."""
    defaults = vars(Fields())
    for name in FIELD_NAMES:
        Doc.set_extension(extension(name), default=defaults[name])


_register_extensions()


@dataclass
class Clause:
    """One ";"-separated part of a sentence, as the cue/actor/action components see it."""

    start: int  # token index
    end: int
    head: int  # first token after an introductory phrase ("Thứ hai, ", "Trước mắt, ")
    cue: Span | None = None
    kind: str = ""  # directive / request / assignment / pledge
    how: str = ""  # ASSIGN, REQUEST, ISSUE, LEAD, PLEDGE, MODAL, VERB
    actor: list[tuple[int, int]] = field(default_factory=list)  # token ranges, one per body
    partners: list[tuple[int, int]] = field(default_factory=list)
    issuer: list[tuple[int, int]] = field(default_factory=list)
    action_start: int | None = None  # token index
    # Only says what the issuer of a later order did ("đồng chí X quán triệt …; yêu cầu …"): never the lead.
    reports: bool = False


class _Component(Pipe):
    """A rule component: `predict` without side effects, `set_annotations`, both under the error handler."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.name = name

    def predict(self, doc: Doc) -> Any:  # pragma: no cover - every component defines it
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_annotations(doc, self.predict(doc))
        except Exception as exc:  # spaCy's convention: the handler decides (default: raise)
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    # No weights: serialisation is a no-op, so `nlp.to_disk` / `spacy.load` round-trip.
    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return b""

    def from_bytes(self, bytes_data: bytes, *, exclude: Sequence[str] = ()) -> "_Component":
        return self

    def to_disk(self, path, *, exclude: Sequence[str] = ()) -> None:
        return None

    def from_disk(self, path, *, exclude: Sequence[str] = ()) -> "_Component":
        return self


_norm = lex.norm


def _phrase_docs(nlp: Language, phrase: str) -> list[Doc]:
    """A phrase for a PhraseMatcher over NORM: as one token (this package's tokenizer) and as syllables (any other)."""
    n = _norm(phrase)
    variants = [[n]] if " " not in n else [[n], n.split()]
    return [Doc(nlp.vocab, words=v) for v in variants]  # lower-case words: NORM == text


_TEXT_KEY = lex.DOC_TEXT_KEY


def _text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc (spaCy rebuilds it from the tokens on every read)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def _span(doc: Doc, start: int, end: int, label: str = "", mode: str = "expand") -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode=mode)


# ------------------------------------------------------------------- places
class PlaceRecognizer(_Component):
    """Places: gazetteer names, names after "huyện"/"xã"/..., sites ("Khu kinh tế X", "Quân khu 4")."""

    def __init__(self, nlp: Language, name: str, label: str, extra_places: Sequence[str]) -> None:
        super().__init__(nlp, name)
        self.label = label
        self.extra = re.compile(
            "(?<!\\w)(?:" + "|".join(re.escape(p) for p in sorted(extra_places, key=len, reverse=True)) + ")(?!\\w)"
        ) if extra_places else None

    def predict(self, doc: Doc) -> list[tuple[int, int]]:
        text = _text(doc)
        found = [(p.start, p.end) for p in find_places(text)]
        if self.extra is not None:
            found += [(m.start(), m.end()) for m in self.extra.finditer(text) if not any(a <= m.start() < b for a, b in found)]
        return sorted(found)

    def set_annotations(self, doc: Doc, found: list[tuple[int, int]]) -> None:
        text = _text(doc)
        values: list[str] = []
        for a, b in found:
            if text[a:b] not in values:
                values.append(text[a:b])
        doc._.camket_places = tuple(values)
        doc.spans["places"] = [s for a, b in found if (s := _span(doc, a, b, self.label)) is not None]
        ents = [s for a, b in found if (s := _span(doc, a, b, self.label, "contract")) is not None and len(s)]
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        doc.ents = [*doc.ents, *(e for e in filter_spans(ents) if not any(i in taken for i in range(e.start, e.end)))]


@Language.factory(
    "camket_places",
    default_config={"label": "PLACE", "extra_places": []},
    assigns=["doc.ents", "doc.spans", "doc._.camket_places"],
)
def make_places(nlp: Language, name: str, label: str, extra_places: list[str]) -> PlaceRecognizer:
    return PlaceRecognizer(nlp, name, label, extra_places)


# --------------------------------------------------------------- references
_TITLE_WORD = re.compile(r"[^\s,.;:!?()“”\"]+")


def _named_references(text: str) -> Iterable[tuple[int, int]]:
    for m in lex.REFERENCE_NAMED_HEAD.finditer(text):
        head = m.group(0)
        words = list(_TITLE_WORD.finditer(text, m.end()))
        end = m.end()
        taken = 0
        for i, w in enumerate(words):
            gap = text[end : w.start()]
            if gap.strip():  # punctuation between: the title is over
                break
            word = w.group(0)
            pair = f"{word}_{words[i + 1].group(0)}".lower() if i + 1 < len(words) else ""
            if word.lower() in lex.TITLE_STOPS or pair in lex.TITLE_STOPS:
                break
            if taken == 0 and not head.startswith("Đề") and not word[:1].isupper():
                break
            end = w.end()
            taken += 1
        if taken:
            yield m.start(), end


class ReferenceFinder(_Component):
    """Cited documents, whole: kind, number and date ("Quyết định số 462/QĐ-TTg ngày 14/4/2022")."""

    def __init__(self, nlp: Language, name: str, named: bool) -> None:
        super().__init__(nlp, name)
        self.named = named

    def predict(self, doc: Doc) -> list[tuple[int, int]]:
        text = _text(doc)
        found = [(m.start(), m.end()) for m in lex.REFERENCE_NUMBERED.finditer(text)]
        if self.named:
            found += [s for s in _named_references(text) if not any(a <= s[0] < b for a, b in found)]
        return sorted(found)

    def set_annotations(self, doc: Doc, found: list[tuple[int, int]]) -> None:
        text = _text(doc)
        doc._.camket_references = tuple(text[a:b] for a, b in found)
        doc.spans["references"] = [s for a, b in found if (s := _span(doc, a, b, "REFERENCE")) is not None]


@Language.factory(
    "camket_references",
    default_config={"named": True},
    assigns=["doc.spans", "doc._.camket_references"],
)
def make_references(nlp: Language, name: str, named: bool) -> ReferenceFinder:
    return ReferenceFinder(nlp, name, named)


# --------------------------------------------------------------- timeframes
def deadline_year(timeframe: str) -> int | None:
    """The last year a timeframe names, leaving out a "tầm nhìn"/"định hướng" horizon."""
    main = lex.VISION.split(timeframe)[0]
    years = [int(y) for y in lex.YEAR.findall(main)]
    return max(years) if years else None


class TimeframeFinder(_Component):
    """When: "hằng năm", "trước ngày 30/6", "từ ngày 1/3 đến hết ngày 31/5", "trong quý III", "thời kỳ 2021 - 2030"."""

    def predict(self, doc: Doc) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
        text = _text(doc)
        cited = [(m.start(), m.end()) for m in lex.REFERENCE_NUMBERED.finditer(text)]
        dated = [
            m.span() for m in lex.TIMEFRAME_DATED.finditer(text)
            if not any(a <= m.start() < b for a, b in cited) and not lex.EVENT_TERM.search(text, max(0, m.start() - 80), m.start())
        ]  # fmt: skip
        years = [
            m.span(1) for m in lex.TIMEFRAME_PLAN_YEAR.finditer(text)
            if not any(a <= m.start(1) < b or a < m.end(1) <= b for a, b in dated + cited)
            and not _in_title(text, cited, m.start())
            and not lex.PLAN_REVIEWED.search(text, max(0, m.start() - 60), m.start())
            and not lex.EVENT_TERM.search(text, max(0, m.start() - 80), m.start())
        ]  # fmt: skip
        vague = [
            m.span() for m in lex.TIMEFRAME_VAGUE.finditer(text)
            if not any(a <= m.start() < b or a < m.end() <= b for a, b in dated + years + cited)
        ]  # fmt: skip
        # A dated timeframe says more than "trước mắt" or "thời gian tới": it wins; then the year of the
        # tasks set ("chỉ tiêu năm 2024"), then a vague one.
        chosen = next(iter(dated or years or vague), None)
        return sorted(dated + years + vague), chosen

    def set_annotations(self, doc: Doc, result: tuple[list[tuple[int, int]], tuple[int, int] | None]) -> None:
        every, chosen = result
        text = _text(doc)
        doc.spans["timeframes"] = [s for a, b in every if (s := _span(doc, a, b, "TIME")) is not None]
        value = text[chosen[0] : chosen[1]] if chosen else ""
        # lower-cased at the start of a sentence ("Trước mắt, ...") so values compare
        doc._.camket_timeframe = value[:1].lower() + value[1:]
        doc._.camket_deadline_year = deadline_year(value) if chosen else None


_TITLE_GAP = 250  # characters: how far after a cited document's number its title ("về việc …") may run


def _in_title(text: str, cited: Sequence[tuple[int, int]], start: int) -> bool:
    """`start` lies in the title of a cited document: after its number, "về …", no ";" or "." between."""
    return any(
        0 <= start - b < _TITLE_GAP and lex.TITLE_OPENING.search(text, b, start) and not lex.TITLE_END.search(text, b, start)
        for _, b in cited
    )


@Language.factory(
    "camket_timeframe",
    default_config={},
    assigns=["doc.spans", "doc._.camket_timeframe", "doc._.camket_deadline_year"],
)
def make_timeframe(nlp: Language, name: str) -> TimeframeFinder:
    return TimeframeFinder(nlp, name)


# ------------------------------------------------------------ organisations
class OrgFinder(_Component):
    """Organisations: a head ("Sở Y tế", "Văn phòng Tỉnh ủy", "các tỉnh") with its level and places.

    Named bodies go to `doc.spans["orgs"]`; groups ("các tỉnh", "tỉnh"), which
    are actors only where an actor goes, to `doc.spans["groups"]`.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._matcher: PhraseMatcher | None = None

    def _build(self) -> PhraseMatcher:
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for label, phrases in (
            ("ORG", lex.ORG_HEADS),
            ("GROUP", lex.GROUP_HEADS),
            ("LEVEL", lex.LEVELS),
            ("SUFFIX", lex.ORG_SUFFIXES),
        ):
            matcher.add(label, list(self.nlp.tokenizer.pipe(phrases)))
        return matcher

    def predict(self, doc: Doc) -> dict[str, list[Span]]:
        if self._matcher is None:
            self._matcher = self._build()
        found: dict[str, dict[int, int]] = {"ORG": {}, "GROUP": {}, "LEVEL": {}, "SUFFIX": {}}
        for match_id, start, end in self._matcher(doc):
            table = found[self.nlp.vocab.strings[match_id]]
            table[start] = max(end, table.get(start, 0))
        places = {}
        for span in doc.spans["places"] if "places" in doc.spans else ():
            places[span.start] = max(span.end, places.get(span.start, 0))

        def extend(end: int) -> int:
            for _ in range(2 if end not in places else 0):  # "UBND huyện Tĩnh Gia": the place holds the level
                if end in found["LEVEL"]:
                    end = found["LEVEL"][end]
            if end in places:
                end = places[end]
                while end + 1 < len(doc) and doc[end].norm_ in (",", "và") and end + 1 in places:
                    end = places[end + 1]
            if end in found["SUFFIX"]:
                end = found["SUFFIX"][end]
            return end

        spans = {label: [Span(doc, s, extend(e), label=label) for s, e in found[label].items()] for label in ("ORG", "GROUP")}
        orgs = filter_spans(spans["ORG"])
        return {"orgs": orgs, "groups": filter_spans(spans["GROUP"] + list(orgs))}

    def set_annotations(self, doc: Doc, result: dict[str, list[Span]]) -> None:
        doc.spans["orgs"] = result["orgs"]
        doc.spans["groups"] = result["groups"]


@Language.factory(
    "camket_orgs",
    default_config={},
    requires=["doc.spans"],
    assigns=["doc.spans"],
)
def make_orgs(nlp: Language, name: str) -> OrgFinder:
    return OrgFinder(nlp, name)


def _chains(doc: Doc) -> dict[int, list[Span]]:
    """Runs of organisations joined by "," / "và", keyed by their first token."""
    by_start = {s.start: s for s in doc.spans["groups"]} if "groups" in doc.spans else {}
    chains: dict[int, list[Span]] = {}
    for start in sorted(by_start, reverse=True):
        span = by_start[start]
        chain = [span]
        nxt = span.end
        if nxt < len(doc) and doc[nxt].norm_ in (",", "và"):
            skip = nxt + 1
            if skip < len(doc) and doc[nxt].norm_ == "," and doc[skip].norm_ == "và":
                skip += 1
            if skip in chains:
                chain += chains[skip]
        chains[start] = chain
    return chains


def _chain_ending_at(chains: dict[int, list[Span]], end: int) -> list[Span] | None:
    candidates = [c for c in chains.values() if c[-1].end == end]
    return min(candidates, key=lambda c: c[0].start) if candidates else None


# ---------------------------------------------------------------------- cue
_ASSIGN, _REQUEST, _ISSUE, _PLEDGE, _MODAL, _VERB, _LEAD = "ASSIGN", "REQUEST", "ISSUE", "PLEDGE", "MODAL", "VERB", "LEAD"
# Cues after which the one who must act is named: "giao X", "yêu cầu X", "chỉ đạo X".
_ADDRESSED = (_ASSIGN, _REQUEST, _ISSUE)
CLAUSES_KEY = "camket_clauses"
ACTION_STARTS_KEY = "camket_action_starts"


def _clause_head(doc: Doc, start: int, end: int) -> int:
    """Skip "Thứ hai, ", "Trước mắt, ", "- ", "Trong năm 2024, " before the clause's verb."""
    times = {s.start: s.end for s in doc.spans["timeframes"]} if "timeframes" in doc.spans else {}
    text = _text(doc)
    i = start
    while i < end and doc[i].is_space:
        i += 1
    for _ in range(3):
        moved = False
        m = lex.INTRO.match(text, doc[i].idx) if i < end else None
        if m:
            j = i
            while j < end and doc[j].idx < m.end():
                j += 1
            i, moved = j, j > i
        elif i in times and times[i] < end and doc[times[i]].text == ",":
            i, moved = times[i] + 1, True
        if not moved:
            break
    return i


def _clauses(doc: Doc) -> list[Clause]:
    """The clauses `camket_cue` stored in `doc.spans`, with their cues."""
    if CLAUSES_KEY not in doc.spans:
        raise ValueError("camket_cue must run before camket_actor and camket_action; add it to the pipeline first")
    cues = {c.start: c for c in doc.spans["cues"]} if "cues" in doc.spans else {}
    out = []
    for span in doc.spans[CLAUSES_KEY]:
        cue = next((c for s, c in cues.items() if span.start <= s < span.end), None)
        clause = Clause(span.start, span.end, _clause_head(doc, span.start, span.end))
        if cue is not None:
            clause.cue, clause.kind, clause.how = cue, cue.label_, span.label_
        out.append(clause)
    return out


def _lead(clauses: Sequence[Clause]) -> Clause | None:
    """The clause that assigns a task leads; else the first with a cue."""
    return next((c for c in clauses if c.kind == "assignment"), None) or next((c for c in clauses if c.cue and not c.reports), None)


class CueFinder(_Component):
    """The phrase that makes a sentence a commitment, and its type, clause by clause.

    A sentence may hold several ";"-separated clauses; the one that assigns a
    task ("giao X chủ trì") leads, else the first clause with a cue. Within a
    clause the assignment cue wins, else the leftmost cue.
    """

    TYPES = {
        _ASSIGN: "assignment", _LEAD: "assignment", _REQUEST: "request", _ISSUE: "directive", _PLEDGE: "pledge",
        _MODAL: "directive", _VERB: "directive",
    }  # fmt: skip

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._matcher: PhraseMatcher | None = None

    def _build(self) -> PhraseMatcher:
        # A PhraseMatcher over NORM, not a token Matcher: ~150 one-token patterns
        # cost the Matcher ~1.5 ms a sentence, a hash lookup almost nothing.
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for label, phrases in (
            (_ASSIGN, lex.ASSIGNMENT_CUES),
            (_REQUEST, lex.REQUEST_CUES),
            (_ISSUE, lex.ISSUE_CUES),
            (_PLEDGE, lex.PLEDGE_CUES),
            (_MODAL, lex.MODAL_CUES),
            (_VERB, lex.DIRECTIVE_VERBS),
            (_LEAD, (lex.LEAD_CUE,)),
        ):
            matcher.add(label, [d for phrase in phrases for d in _phrase_docs(self.nlp, phrase)])
        return matcher

    @staticmethod
    def clauses(doc: Doc) -> list[Clause]:
        bounds = [i for i, t in enumerate(doc) if t.text == ";"] if ";" in _text(doc) else []
        out = []
        start = 0
        for end in [*bounds, len(doc)]:
            if end > start:
                out.append(Clause(start, end, _clause_head(doc, start, end)))
            start = end + 1
        return out

    def predict(self, doc: Doc) -> list[Clause]:
        if self._matcher is None:
            self._matcher = self._build()
        chains = _chains(doc)
        cited = [(s.start, s.end) for s in doc.spans["references"]] if "references" in doc.spans else []
        matches = sorted(
            ((self.nlp.vocab.strings[m], s, e) for m, s, e in self._matcher(doc)), key=lambda x: (x[1], -x[2])
        )
        clauses = self.clauses(doc)
        for clause in clauses:
            best: tuple[str, int, int] | None = None
            for label, s, e in matches:
                if not (clause.head <= s < clause.end) or any(a <= s < b for a, b in cited):
                    continue
                if label == _ISSUE and s == clause.head:
                    label = _VERB  # "Chỉ đạo các sở ...": a verb-first directive
                if not self._valid(doc, label, s, e, clause, chains):
                    continue
                if label in (_ASSIGN, _LEAD):
                    if label == _LEAD and best is not None and best[0] in (_REQUEST, _ISSUE):
                        chain = _chain_ending_at(chains, s)
                        if chain is not None and chain[0].start == best[2]:
                            break  # "X yêu cầu Y chủ trì …": the order names who leads, and who orders
                    best = (label, s, e)
                    break
                if best is None:
                    best = (label, s, e)
            if best is None or best[0] not in (_ASSIGN, _LEAD):
                # "X yêu cầu / chỉ đạo Y ...": a reported order wins over the words before it
                reported = next(
                    (
                        (label, s, e) for label, s, e in matches
                        if label in (_REQUEST, _ISSUE) and clause.head < s < clause.end
                        and not any(a <= s < b for a, b in cited) and self._valid(doc, label, s, e, clause, chains)
                        and _issuer(doc, clause, s)
                    ),
                    None,
                )  # fmt: skip
                best = reported or best
            if best is None:  # "Sở Y tế kiểm soát ...": a body, then any verb
                np = _noun_phrase(doc, clause.head, clause.end, subject=True)
                if np is not None:
                    k = np[1]
                    while k < clause.end and (doc[k].is_space or doc[k].norm_ in _ADVERBS):
                        k += 1
                    if k < clause.end and _is_verb(doc, k) and (np[0] in chains or _starts_with(doc[np[0]].norm_, _ISSUER_STARTS)):
                        best = (_VERB, k, k + 1)
            if best:
                label, s, e = best
                clause.cue = Span(doc, s, e, label=self.TYPES[label])
                clause.kind = self.TYPES[label]
                clause.how = label
        return clauses

    def set_annotations(self, doc: Doc, clauses: list[Clause]) -> None:
        doc.spans[CLAUSES_KEY] = [Span(doc, c.start, c.end, label=c.how) for c in clauses]
        doc.spans["cues"] = [c.cue for c in clauses if c.cue is not None]
        lead = _lead(clauses)
        doc._.camket_cue = lead.cue.text if lead and lead.cue is not None else ""
        doc._.camket_commitment_type = lead.kind if lead else ""

    @staticmethod
    def _valid(doc: Doc, label: str, s: int, e: int, clause: Clause, chains: dict[int, list[Span]]) -> bool:
        if label == _ASSIGN:  # "giao" only when someone is given the task
            nxt = e + 1 if e < len(doc) and doc[e].norm_ == "cho" else e
            return nxt in chains or _noun_phrase(doc, nxt, clause.end) is not None
        if label == _LEAD:  # "X chủ trì"
            return _chain_ending_at(chains, s) is not None
        if label in (_REQUEST, _ISSUE):  # not the noun: "theo đề nghị của ..."
            before = doc[s - 1].norm_ if s > 0 else ""
            after = doc[e].norm_ if e < len(doc) else ""
            return before not in lex.NOUN_MARKERS and after != "của"
        if label == _VERB:  # at the head of the clause, or right after its subject
            if s == clause.head:
                return True
            if doc[s - 1].norm_ in _DETERMINERS:  # "các tổ chức, cá nhân …": a noun
                return False
            chain = _chain_ending_at(chains, s)
            if chain is not None and (chain[0].start == clause.head or doc[chain[0].start - 1].text == ","):
                return True
            return _subject(doc, clause.head, s) is not None
        return True


@Language.factory(
    "camket_cue",
    default_config={},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.camket_cue", "doc._.camket_commitment_type"],
)
def make_cue(nlp: Language, name: str) -> CueFinder:
    return CueFinder(nlp, name)


# ------------------------------------------------------------ noun phrases
_VERBS = frozenset(
    _norm(v) for v in (
        *lex.DIRECTIVE_VERBS, *lex.MODAL_CUES, *lex.PLEDGE_CUES, *lex.REQUEST_CUES, *lex.ASSIGNMENT_CUES,
        *lex.ISSUE_CUES, lex.LEAD_CUE, *lex.OTHER_VERBS, "phối hợp",
    )
)  # fmt: skip
_NP_STOPS = frozenset(_norm(w) for w in lex.NP_STOPS)
_ACTOR_STARTS = frozenset(_norm(w) for w in lex.ACTOR_STARTS)
_ISSUER_STARTS = frozenset(_norm(w) for w in lex.ISSUER_STARTS)
_FIRST_PERSON = frozenset(_norm(w) for w in lex.FIRST_PERSON)
_ISSUER_STOPS = frozenset(_norm(w) for w in lex.ISSUER_STOPS)
_OPENERS = frozenset(",:“\"'(-–•+")
_DETERMINERS = frozenset(("các", "những", "mọi", "cấp", "cả"))
_CLOSERS = frozenset(":;()[]“”\"'.!?…")
# Words after "," or "và" that open a new body of a list ("Sở A, các huyện và UBND xã").
_NEW_BODY = frozenset(
    _norm(w) for w in (
        "các", "tất cả", "những", "mọi", "cả", "ubnd", "hđnd", "ủy ban nhân dân", "công an", "bộ chỉ huy", "chủ tịch",
        "giám đốc", "thủ trưởng", "bộ trưởng", "trưởng", "chánh văn phòng", "người đứng đầu",
    )
)  # fmt: skip
_MAX_NP = 24  # tokens
_SUBJECT_REACH = 2 * _MAX_NP  # tokens before a cue where its subject may start (the phrase, then adverbs and commas)
_ADVERBS = frozenset(_norm(w) for w in lex.SUBJECT_ADVERBS)
_INTRO_WORDS = frozenset(_norm(w) for w in lex.INTRO_WORDS)
_SUBJECT_STOPS = frozenset(_norm(w) for w in ("để", "nhằm", "nếu", "khi", "thì", "mà"))
_ISSUING_VERBS = frozenset(_norm(w) for w in ("có", "ban hành", "ký", "gửi", "ra", "đưa ra", "đã", "vừa", "cũng", "mới", "đồng thời", "tiếp tục", "quyết định"))
_DOCUMENT_WORDS = frozenset(_norm(w) for w in (*lex.DOCUMENT_TYPES, "văn bản", "công văn", "công điện", "thông báo", "tờ trình"))
_PERSON_MARKERS = frozenset(_norm(w) for w in ("ông", "bà", "đồng chí"))
_GIVEN = frozenset(_norm(w) for w in ("đưa ra", "đưa", "ra", "đặt ra", "đặt", "đề ra"))
_PERSON_TITLES = frozenset(_norm(w) for w in lex.PERSON_TITLES)
_NAME_COMMA_PAIRS = frozenset((_norm(a), _norm(b)) for a, b in lex.NAME_COMMA_PAIRS)
_NAME_PAIR_HEADS = frozenset(_norm(w) for w in lex.NAME_PAIR_HEADS)
_NAME_PAIR_WORDS = frozenset(w.split(" ", 1)[0] for pair in _NAME_COMMA_PAIRS for w in pair)


def _starts_with(token_norm: str, words: frozenset[str]) -> bool:
    """The token, or its first one or two syllables, is one of `words` ("các địa phương" starts with "các")."""
    if token_norm in words:
        return True
    parts = token_norm.split()
    return len(parts) > 1 and (parts[0] in words or " ".join(parts[:2]) in words)


def _is_verb(doc: Doc, i: int) -> bool:
    n = doc[i].norm_
    if n in _ACTOR_STARTS and _capitalised(doc[i]) and i + 1 < len(doc) and _capitalised(doc[i + 1]):
        return False  # "Phòng Cảnh sát kinh tế": a body's name, not the verb "phòng"
    if n in _VERBS:
        return True
    return i + 1 < len(doc) and f"{n} {doc[i + 1].norm_}" in _VERBS


def _is_in(doc: Doc, i: int, words: frozenset[str]) -> bool:
    """Token i, alone or with the next one, is one of `words`."""
    n = doc[i].norm_
    return n in words or (i + 1 < len(doc) and f"{n} {doc[i + 1].norm_}" in words)


def _capitalised(token) -> bool:
    return token.text[:1].isupper()


def _opens_np(doc: Doc, i: int) -> bool:
    """Token i can open a phrase naming a body or a person."""
    t = doc[i]
    n = t.norm_
    if n in _NP_STOPS or n in _INTRO_WORDS or n in _FIRST_PERSON or _is_verb(doc, i):
        return False
    if t.like_num and not n.isalpha():
        return False
    if _starts_with(n, _ACTOR_STARTS) or _starts_with(n, _ISSUER_STARTS):
        return True
    if not _capitalised(t):
        return False
    # a capital mid-sentence is a name; at the start of a sentence or clause it may be any word
    before = i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return before >= 0 and doc[before].text not in (".", ";", ":", "-", "–", "•", "+", "\"", "“", "(")


def _noun_phrase(doc: Doc, start: int, end: int, *, subject: bool = False) -> tuple[int, int] | None:
    """The phrase naming who acts from `start`: up to a verb, a clause mark or a new phrase; None if it names no one.

    `subject`: the phrase runs up to a cue at `end`, so prepositions ("ở", "trong") stay inside it.
    """
    while start < end and (doc[start].is_space or doc[start].text in _OPENERS):
        start += 1
    if start >= end or not _opens_np(doc, start):
        return None
    stops = _SUBJECT_STOPS if subject else _NP_STOPS
    j = start
    while j < end and j - start <= _MAX_NP:
        t = doc[j]
        verb = _is_verb(doc, j) and not (subject and t.norm_ == "có") and doc[j - 1].norm_ not in _DETERMINERS
        if j > start and (verb or _is_in(doc, j, stops)):  # "các cấp lãnh đạo": a verb after "các" is a noun
            break
        if t.text in _CLOSERS:
            break
        if t.text == "," and j + 1 < end and (_is_verb(doc, j + 1) or _is_in(doc, j + 1, stops)):
            break
        j += 1
    if j - start > _MAX_NP:
        return None
    while j > start and (doc[j - 1].is_space or doc[j - 1].text in (",", "và")):
        j -= 1
    return (start, j) if j > start else None


def _subject(doc: Doc, head: int, cue: int) -> tuple[int, int] | None:
    """The subject right before a cue ("Sở Nội vụ rà soát", "Để ..., các cấp ủy cần"): the earliest phrase that runs to it."""
    if cue <= head:
        return None
    # A phrase is at most _MAX_NP tokens, so only the commas just before the cue can open one that reaches
    # it: looking no further keeps a sentence of hundreds of commas linear.
    first = max(head, cue - _SUBJECT_REACH)
    starts = ([head] if head == first else []) + [i + 1 for i in range(first, cue) if doc[i].text == ","]
    for s in starts:
        np = _noun_phrase(doc, s, cue, subject=True)
        if np is not None and all(doc[k].is_space or doc[k].text == "," or doc[k].norm_ in _ADVERBS for k in range(np[1], cue)):
            return np
    return None


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """One item per body: cut at "," / "và" before a capitalised name or a new group ("các ...", "UBND ...")."""
    places = {s.start for s in doc.spans["places"]} if "places" in doc.spans else set()
    every = list(doc.spans["groups"]) if "groups" in doc.spans else []
    groups = {s.start: s.end for s in every if s.label_ == "GROUP"}
    named_groups = {s.start for s in every if any(_capitalised(t) for t in s)}
    items = []
    item_start = start
    i = start
    while i < end:
        if i in groups and groups[i] > i + 1 and groups[i] <= end and "," in doc[i : groups[i]].text:
            i = groups[i]  # "các sở, ban, ngành" stays whole
            continue
        t = doc[i]
        if t.norm_ in (",", "và") and i > item_start:
            k = i + 1
            while k < end and (doc[k].is_space or doc[k].norm_ in (",", "và")):
                k += 1
            named = k in named_groups  # "tỉnh A và tỉnh B": each a body
            if k < end and (named or k not in places and (_capitalised(doc[k]) or _starts_with(doc[k].norm_, _NEW_BODY))):
                items.append((item_start, i))
                item_start = i = k
                continue
        i += 1
    items.append((item_start, end))
    return [(a, b) for a, b in items if b > a]


def _issuer_end(doc: Doc, s: int, e: int) -> int:
    """Where the name of an issuer starting at s ends: before "đã", a verb, a bracket or an apposition."""
    person = doc[s].norm_ in _PERSON_MARKERS
    j = s + 1
    while j < e:
        t = doc[j]
        pair = _name_pair_end(doc, j, e)
        if pair:  # "Ban Chỉ đạo phòng, chống thiên tai tỉnh": the verbs belong to the name
            j = pair
            continue
        if _is_in(doc, j, _ISSUER_STOPS) or t.norm_ in _FIRST_PERSON or t.text in _CLOSERS or (_is_verb(doc, j) and not _capitalised(t)):
            break
        if t.text in ("-", "–") and j + 1 < e:
            break
        if person and j > s + 1 and (t.text.isupper() or not _capitalised(t)):  # "ông Nguyễn Văn A CT UBND xã"
            break
        j += 1
    while j > s and (doc[j - 1].is_space or doc[j - 1].text in (",", "-", "–")):
        j -= 1
    return j


def _name_comma(doc: Doc, i: int) -> bool:
    """The comma at i sits inside a body's name ("Ban Chỉ đạo phòng, chống thiên tai")."""
    return 0 < i < len(doc) - 1 and _name_pair_end(doc, i - 1, len(doc)) > 0


def _after_name_head(doc: Doc, j: int) -> bool:
    """A name's head ("Ban Chỉ đạo", "Cục Quản lý") comes shortly before j, with no clause mark and no verb
    but the pairs' own between ("Ban Chỉ đạo quốc gia phòng, chống …", "… thiên tai và tìm kiếm cứu nạn")."""
    for i in range(j - 1, max(-1, j - 7), -1):
        t = doc[i]
        if _ends_with(t.norm_, _NAME_PAIR_HEADS):
            return True
        if (t.is_punct and t.text != ",") or (_is_verb(doc, i) and t.norm_.split(" ", 1)[0] not in _NAME_PAIR_WORDS):
            return False
    return False


def _ends_with(token_norm: str, words: frozenset[str]) -> bool:
    """The token, or its last one or two syllables, is one of `words` ("ban chỉ đạo" ends with "chỉ đạo")."""
    parts = token_norm.split()
    return token_norm in words or (len(parts) > 1 and (parts[-1] in words or " ".join(parts[-2:]) in words))


def _name_pair_end(doc: Doc, j: int, e: int) -> int:
    """After "phòng, chống" / "phòng chống" starting at j, right after the head of a name, else 0."""
    k = j + 2 if j + 2 < e and doc[j + 1].text == "," else j + 1
    # the pair first: it is one dictionary lookup, and _issuer_end asks at every token
    return k + 1 if k < e and _name_pair(doc[j].norm_, doc[k].norm_) and _after_name_head(doc, j) else 0


def _name_pair(first: str, second: str) -> bool:
    return (first, second.split(" ", 1)[0]) in _NAME_COMMA_PAIRS


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    a = start
    for i in range(start, end):
        if doc[i].text == "," and not _name_comma(doc, i):
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    trimmed = []
    for s, e in out:
        while s < e and doc[s].is_space:
            s += 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _opens_issuer(doc: Doc, i: int) -> bool:
    t = doc[i]
    if t.norm_ in _PERSON_MARKERS:
        return True
    return _capitalised(t) and _starts_with(t.norm_, _ISSUER_STARTS) and not _is_verb(doc, i)


def _issuer(doc: Doc, clause: Clause, cue_start: int) -> list[tuple[int, int]]:
    """Who gives the order, named before the cue ("Thủ tướng Chính phủ yêu cầu ..."); [] for the speaker.

    The issuer is the run of comma-separated names right before the cue: a
    person with the titles that follow ("ông X, Chủ tịch UBND tỉnh, yêu cầu")
    is one issuer; bodies ("Bộ Chính trị, Ban Bí thư yêu cầu") are one each.
    """
    # "X đã có công văn ... gửi Y, Z yêu cầu ...": X is named before "gửi"
    sent = next((i for i in range(cue_start - 1, clause.start, -1) if doc[i].norm_ == "gửi"), None)
    if sent is not None and not _opens_issuer(doc, _segments(doc, clause.start, cue_start)[-1][0]):
        cue_start = sent
    segments = _segments(doc, clause.start, cue_start)
    run: list[tuple[int, int]] = []
    for s, e in reversed(segments):
        if not _opens_issuer(doc, s):
            break
        run.insert(0, (s, e))
        if _issuer_end(doc, s, e) < e and run[1:]:
            break  # "X đã có văn bản, ..." does not continue a list
    if not run:
        return []
    if doc[run[0][0]].norm_ in _FIRST_PERSON:
        return []
    # the cue follows the name, or "đã có công văn / vừa ban hành Chỉ thị ..." between them, no other verb
    last_s, last_e = run[-1]
    for k in range(_issuer_end(doc, last_s, last_e), last_e):
        if doc[k].norm_ in _ISSUING_VERBS and k + 1 < last_e and _starts_with(doc[k + 1].norm_, _DOCUMENT_WORDS):
            break  # "đã có Công điện khẩn ... về tăng cường ...": the rest describes the document
        if _is_verb(doc, k) and doc[k].norm_ not in _ISSUING_VERBS:
            return []
    first = run[0][0]
    if doc[first].norm_ in _PERSON_MARKERS or _starts_with(doc[first].norm_, _PERSON_TITLES):
        run = run[:1]
    out = []
    for s, e in run:
        end = _issuer_end(doc, s, e)
        if end > s:
            out += _split(doc, s, end) if len(run) == 1 else [(s, end)]
    return out


def _issuer_of_document(doc: Doc, clause: Clause) -> list[tuple[int, int]]:
    """ "Theo chỉ đạo của X, ...", "<Chỉ thị ...> của X nêu rõ ..." or "… là yêu cầu vừa được X
    đưa ra": X, the one whose words are quoted."""
    text = _text(doc)
    i = clause.head
    if i >= clause.end:
        return []
    m = lex.QUOTED_ORDER.match(text, doc[i].idx)
    after = None
    if m:
        after = m.end()
    else:
        refs = [r for r in doc.spans["references"] if r.start == i] if "references" in doc.spans else []
        if refs:
            m = lex.OF.match(text, refs[0].end_char)
            after = m.end() if m else None
    if after is None:
        m = lex.PASSIVE_ORDER.search(text, doc[i].idx, doc[clause.end - 1].idx + len(doc[clause.end - 1].text))
        after = m.end() if m else None
    if after is None:
        return []
    k = next((t.i for t in doc[i : clause.end] if t.idx >= after), None)
    if k is None or not _opens_issuer(doc, k):
        return []
    stop = next((t.i for t in doc[k : clause.end] if t.text == ","), clause.end)
    end = _issuer_end(doc, k, stop)
    while end > k and doc[end - 1].norm_ in _NP_STOPS:
        end -= 1
    cut = next((t.i for t in doc[k:end] if t.norm_ in ("về", "tại", "trong", "đối với")), end)
    return [(k, cut)] if cut > k else []


def _carry_issuer(doc: Doc, clauses: Sequence[Clause]) -> None:
    """ "Đồng chí X, Bí thư …, quán triệt …; yêu cầu các cấp ủy …": the person who spoke in one clause
    gives the order of the next, which names no one before its cue."""
    for before, clause in zip(clauses, clauses[1:]):
        cue = clause.cue
        if cue is None or clause.how not in _ADDRESSED or cue.start != clause.head or clause.issuer:
            continue
        if before.cue is not None and before.how not in (_VERB, _ISSUE):
            continue  # "X phải …; yêu cầu …" or "X chủ trì …": X acts
        speaker = _speaking_person(doc, before)
        if speaker is None:
            continue
        clause.issuer = [speaker]
        if before.actor == [speaker]:
            before.actor, before.reports = [], True


_MAX_CARRIED = 8  # clauses a list of bodies may run over: bounds the work on a hostile line of ";"


def _carry_subjects(doc: Doc, clauses: Sequence[Clause]) -> None:
    """ "Giám đốc Sở Nội vụ, Thủ trưởng các ngành; Chủ tịch UBND các huyện chịu trách nhiệm …": a list of
    bodies that runs over ";" is one subject; the clauses before the verb name only bodies."""
    for k, clause in enumerate(clauses):
        if clause.cue is None or not clause.actor or clause.actor[0][0] != clause.head or clause.how in _ADDRESSED:
            continue
        before: list[tuple[int, int]] = []
        j = k - 1
        while j >= max(0, k - _MAX_CARRIED) and clauses[j].cue is None:
            np = _noun_phrase(doc, clauses[j].head, clauses[j].end)
            if np is None or any(not (t.is_space or t.is_punct) for t in doc[np[1] : clauses[j].end]):
                break
            before[:0] = _split(doc, *np)
            j -= 1
        if before:
            clause.actor = before + clause.actor


def _speaking_person(doc: Doc, clause: Clause) -> tuple[int, int] | None:
    """A person who speaks in the clause: "đồng chí …" / "ông …" (titles may follow in apposition), or a
    title ("Bí thư Huyện ủy …") right before a verb."""
    for s, e in _segments(doc, clause.head, clause.end):
        first = doc[s].norm_
        end = _issuer_end(doc, s, e)
        if end <= s:
            continue
        if first in _PERSON_MARKERS or (_starts_with(first, _PERSON_TITLES) and end < e and doc[end].text[:1].islower()):
            return (s, end)
    return None


# -------------------------------------------------------------------- actor
class ActorFinder(_Component):
    """Who must act (named after "giao"/"yêu cầu"/"chỉ đạo", or the subject before the cue), on whose order, with whom."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._markers: PhraseMatcher | None = None

    def predict(self, doc: Doc) -> list[Clause]:
        if self._markers is None:
            self._markers = PhraseMatcher(self.nlp.vocab, attr="NORM")
            self._markers.add("PARTNER", list(self.nlp.tokenizer.pipe(lex.PARTNER_MARKERS)))
        clauses = _clauses(doc)
        chains = _chains(doc)
        markers = sorted((s, e) for _, s, e in self._markers(doc))
        for clause in clauses:
            if clause.cue is not None:
                self._analyse(doc, clause, chains, markers)
        _carry_issuer(doc, clauses)
        _carry_subjects(doc, clauses)
        return clauses

    def set_annotations(self, doc: Doc, clauses: list[Clause]) -> None:
        text = _text(doc)
        lead = _lead(clauses)

        def spans(ranges: list[tuple[int, int]], label: str) -> list[Span]:
            return [Span(doc, a, b, label=label) for a, b in ranges]

        actor = lead.actor if lead else []
        partners = lead.partners if lead else []
        issuer = (lead.issuer if lead else []) or next((c.issuer for c in clauses if c.issuer), [])
        doc.spans["actors"] = spans(actor, "ACTOR")
        doc.spans["partners"] = spans(partners, "PARTNER")
        doc.spans["issuers"] = spans(issuer, "ISSUER")
        value = lambda rs: tuple(dict.fromkeys(text[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)] for a, b in rs))  # noqa: E731
        doc._.camket_actor = value(actor)
        doc._.camket_partners = value(partners)
        doc._.camket_issuer = value(issuer)
        doc.spans[ACTION_STARTS_KEY] = [
            Span(doc, c.action_start, c.action_start + 1, label=str(i))
            for i, c in enumerate(clauses)
            if c.action_start is not None and c.action_start < len(doc)
        ]

    def _addressee(self, doc: Doc, start: int, end: int, chains: dict[int, list[Span]]) -> list[tuple[int, int]]:
        times = {s.start: s.end for s in doc.spans["timeframes"]} if "timeframes" in doc.spans else {}
        while start < end and (doc[start].is_space or doc[start].text in (",", ":") or start in times):
            start = times.get(start, start + 1)  # "chỉ đạo, trong thời gian tới, các chủ đầu tư ..."
        if start < end and doc[start].norm_ in _PERSON_MARKERS:  # "giao ông X, Phó Giám đốc Sở ...": the person
            stop = next((k for k in range(start, end) if doc[k].text == ","), end)
            cut = _issuer_end(doc, start, stop)
            return [(start, cut)] if cut > start else []
        np = _noun_phrase(doc, start, end)
        if start in chains:
            chain_end = chains[start][-1].end
            k = chain_end
            while k < len(doc) and (doc[k].is_space or doc[k].norm_ in (",", "và")):
                k += 1
            # the chain, unless the phrase goes on with a name, a level or another body ("Sở Y tế thành phố X")
            if np is None or np[1] < chain_end or (
                np[1] > chain_end and k < len(doc) and not (_capitalised(doc[k]) or _starts_with(doc[k].norm_, _ACTOR_STARTS))
            ):
                return _split(doc, start, chains[start][-1].end)
        return _split(doc, *np) if np else []

    def _analyse(self, doc: Doc, clause: Clause, chains: dict[int, list[Span]], markers: list[tuple[int, int]]) -> None:
        cue = clause.cue
        assert cue is not None
        after = cue.end
        given = False  # the actor named in "… được X đưa ra cho Y", after the verb that opens the clause
        if clause.how in _ADDRESSED:
            start = after + 1 if after < len(doc) and doc[after].norm_ == "cho" else after
            clause.actor = self._addressee(doc, start, clause.end, chains)
            if clause.actor:
                after = clause.actor[-1][1]
            elif clause.how != _ASSIGN:  # "... gửi các sở, ngành yêu cầu tập trung ...": the addressee came first
                sent = next((i for i in range(cue.start - 1, clause.start - 1, -1) if doc[i].norm_ == "gửi"), None)
                if sent is not None:
                    np = _noun_phrase(doc, sent + 1, cue.start)
                    clause.actor = _split(doc, *np) if np else []
            if cue.start > clause.head:
                clause.issuer = _issuer(doc, clause, cue.start)
        elif clause.how == _LEAD or (clause.how != _VERB or cue.start != clause.head):
            subject = _subject(doc, clause.head, cue.start)
            chain = _chain_ending_at(chains, cue.start)
            if chain is not None and not (chain[0].start == clause.head or doc[chain[0].start - 1].text == ","):
                chain = None  # "Điều chỉnh quy hoạch tỉnh X phải ...": the province is not the subject
            if subject is not None and (chain is None or subject[0] <= chain[0].start):
                clause.actor = _split(doc, *subject)
            elif chain is not None:
                clause.actor = _split(doc, chain[0].start, chain[-1].end)
        if not clause.issuer:
            clause.issuer = _issuer_of_document(doc, clause)
            if clause.issuer and not clause.actor:  # "… là yêu cầu vừa được X đưa ra cho Y": Y acts
                k = clause.issuer[-1][1]
                while k < clause.end and doc[k].norm_ in _GIVEN:
                    k += 1
                if k < clause.end and doc[k].norm_ == "cho":
                    clause.actor = self._addressee(doc, k + 1, clause.end, chains)
                    given = bool(clause.actor)
        # partners: "phối hợp với X, Y" anywhere in the clause after the cue
        partner_end = None
        for s, e in markers:
            if cue.start <= s:  # in this clause or a later one: "...; phối hợp với X ..."
                found = self._addressee(doc, e, next((c for c in range(e, len(doc)) if doc[c].text == ";"), len(doc)), chains)
                clause.partners += found
                if found and partner_end is None:
                    partner_end = (s, found[-1][1])
        # where the action starts
        if clause.how in (_PLEDGE, _VERB) and cue.start == clause.head and (not clause.actor or given):
            clause.action_start = cue.start  # the verb opens the clause; the actor, if any, was named after it
        else:
            i = after
            i = self._skip(doc, i, {"chủ trì", ",", ":"})
            if partner_end and partner_end[0] == i:
                i = self._skip(doc, partner_end[1], {","})
            if clause.how not in (_ASSIGN, _REQUEST, _LEAD, _ISSUE):
                i = self._skip_time(doc, i)
            clause.action_start = i if i < clause.end else None

    @staticmethod
    def _skip(doc: Doc, i: int, words: set[str]) -> int:
        while i < len(doc) and (doc[i].norm_ in words or doc[i].is_space):
            i += 1
        return i

    @staticmethod
    def _skip_time(doc: Doc, i: int) -> int:
        for span in doc.spans["timeframes"] if "timeframes" in doc.spans else ():
            if span.start == i:
                return ActorFinder._skip(doc, span.end, {","})
        return i


@Language.factory(
    "camket_actor",
    default_config={},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.camket_actor", "doc._.camket_issuer", "doc._.camket_partners"],
)
def make_actor(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)


# ------------------------------------------------------------------- action
class ActionFinder(_Component):
    """The leading verb phrase of each clause: from its verb to clause punctuation or a new clause."""

    def predict(self, doc: Doc) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
        text = _text(doc)
        clauses = _clauses(doc)
        starts = {int(s.label_): s.start for s in doc.spans[ACTION_STARTS_KEY]} if ACTION_STARTS_KEY in doc.spans else {}
        lead = _lead(clauses)
        spans: list[tuple[int, int]] = []
        lead_span = None
        for index, clause in enumerate(clauses):
            if clause.cue is None or index not in starts:
                continue
            start = doc[starts[index]].idx
            stop = doc[clause.end - 1].idx + len(doc[clause.end - 1].text) if clause.end > clause.start else start
            if lex.LIST_INTRO.match(text[doc[clause.start].idx : stop]):
                continue
            m = lex.ACTION_END.search(text, start, stop)
            end = m.start() if m else stop
            while end > start and (text[end - 1] in ",;:.!?…" or text[end - 1].isspace()):
                end -= 1
            if end > start:
                spans.append((start, end))
                if clause is lead:
                    lead_span = (start, end)
        return spans, lead_span

    def set_annotations(self, doc: Doc, result: tuple[list[tuple[int, int]], tuple[int, int] | None]) -> None:
        spans, lead_span = result
        text = _text(doc)
        doc._.camket_actions = tuple(text[a:b] for a, b in spans)
        doc._.camket_action = text[lead_span[0] : lead_span[1]] if lead_span else (doc._.camket_actions[0] if spans else "")
        doc.spans["actions"] = [s for a, b in spans if (s := _span(doc, a, b, "ACTION")) is not None]


@Language.factory(
    "camket_action",
    default_config={},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.camket_action", "doc._.camket_actions"],
)
def make_action(nlp: Language, name: str) -> ActionFinder:
    return ActionFinder(nlp, name)
