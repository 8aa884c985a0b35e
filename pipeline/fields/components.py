"""spaCy components that fill the commitment fields of a sentence.

Importing this module registers the factories, after which any Vietnamese
pipeline can add them by name::

    import spacy
    import pipeline.fields.components  # registers the factories below
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "camket.UndertheseaTokenizer.v1"}}})
    for name in ("camket_places", "camket_references", "camket_timeframe", "camket_orgs",
                 "camket_cue", "camket_actor", "camket_action"):
        nlp.add_pipe(name)

(`pipeline.nlp.vietnamese_nlp()` does exactly this.) Each component stores its
settings in `__init__`, builds its matchers on first use (so adding a pipe
loads nothing) and writes onto the Doc:

| component | uses | writes |
|---|---|---|
| camket_places | EntityRuler (phrase + token patterns) | `doc.ents` (PLACE), `doc.spans["places"]` |
| camket_references | regular expressions of `fields_lexicon` | `doc.spans["references"]`, `doc._.references` |
| camket_timeframe | regular expressions | `doc.spans["timeframes"]`, `doc._.timeframe`, `doc._.deadline_year` |
| camket_orgs | PhraseMatcher (NORM) | `doc.spans["orgs"]`, `doc.spans["groups"]` |
| camket_cue | PhraseMatcher (NORM) | `doc.spans["cues"]`, `doc._.cue`, `doc._.commitment_type`, `doc._.clauses` |
| camket_actor | the org spans around the cue | `doc.spans["actors"]`, `doc.spans["partners"]`, `doc._.actor`, `doc._.partners` |
| camket_action | clause punctuation and connectors | `doc.spans["actions"]`, `doc._.action`, `doc._.actions` |

`doc._.places` is computed from the place spans that are not part of an
organisation, actor, partner or cited document. The matchers compare tokens by
NORM; with `pipeline.fields.tokenizer`'s tokenizer NORM is the canonical lower-case form and
lexicon phrases are single tokens. On another tokenizer (syllables) multi-word
patterns are matched syllable by syllable, so the components still work.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.fields import lexicon as lex


@dataclass
class Clause:
    """One ";"-separated part of a sentence, as the cue/actor/action components see it."""

    start: int  # token index
    end: int
    head: int  # first token after an introductory phrase ("Thứ hai, ", "Trước mắt, ")
    cue: Span | None = None
    kind: str = ""  # directive / request / assignment / pledge
    how: str = ""  # modal, verb_first, after_actor, giao, chu_tri, request, pledge
    actor: list[Span] = field(default_factory=list)
    partners: list[Span] = field(default_factory=list)
    action_start: int | None = None  # token index


_DOC_EXTENSIONS = {
    "cue": "",
    "commitment_type": "",
    "actor": "",
    "partners": (),
    "action": "",
    "actions": (),
    "timeframe": "",
    "deadline_year": None,
    "references": (),
    "clauses": None,
}


def _places(doc: Doc) -> tuple[str, ...]:
    blocked = [
        (s.start_char, s.end_char)
        for key in ("orgs", "actors", "partners", "references")
        if key in doc.spans
        for s in doc.spans[key]
    ]
    out: list[str] = []
    for span in doc.spans["places"] if "places" in doc.spans else ():
        if any(a <= span.start_char and span.end_char <= b for a, b in blocked):
            continue
        if span.text not in out:
            out.append(span.text)
    return tuple(out)


def _register_extensions() -> None:
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("places"):
        Doc.set_extension("places", getter=_places)
    if not Token.has_extension("camket_cap"):
        Token.set_extension("camket_cap", getter=lambda t: t.text[:1].isupper())


_register_extensions()


_norm = lex.norm


def _token_patterns(phrase: str) -> list[list[dict]]:
    """A phrase as one token (this package's tokenizer) and as one token per syllable (any other)."""
    n = _norm(phrase)
    one = [{"NORM": n}]
    return [one] if " " not in n else [one, [{"NORM": s} for s in n.split()]]


def _phrase_docs(nlp: Language, phrase: str) -> list[Doc]:
    """`_token_patterns` for a PhraseMatcher: the phrase as one token and as syllables."""
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


def _span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _ensure_clauses(doc: Doc) -> list[Clause]:
    if doc._.clauses is None:
        raise ValueError("camket_cue must run before camket_actor and camket_action; add it to the pipeline first")
    return doc._.clauses


# ------------------------------------------------------------------- places
@lru_cache(maxsize=1)
def _upper_start() -> str:
    """A regex true exactly where `token._.camket_cap` is (first character ``isupper()``).

    A REGEX predicate is evaluated only on tokens the Matcher reaches (after a
    place prefix); a ``"_"`` extension is read for every token of every Doc.
    """
    ranges: list[tuple[int, int]] = []
    # filter() over one string of every code point runs in C: a tenth of a loop of chr() calls.
    for c in map(ord, filter(str.isupper, "".join(map(chr, range(sys.maxunicode + 1))))):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return f"^[{body}]"


class PlaceRecognizer:
    """Places: provinces, regions, "huyện X", "Khu kinh tế X", "Quân khu 4"."""

    def __init__(self, nlp: Language, name: str, label: str, extra_places: Sequence[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.label = label
        self.extra_places = tuple(extra_places)
        self._ruler: EntityRuler | None = None

    def _build(self) -> EntityRuler:
        ruler = EntityRuler(self.nlp, name=f"{self.name}_ruler", phrase_matcher_attr="NORM", overwrite_ents=False)
        patterns: list[dict] = [
            {"label": self.label, "pattern": p} for p in (*lex.PROVINCES, *lex.REGIONS, *self.extra_places)
        ]
        for prefix in lex.PLACE_PREFIXES:
            for head in _token_patterns(prefix):
                patterns.append({"label": self.label, "pattern": [*head, {"TEXT": {"REGEX": _upper_start()}, "OP": "+"}]})
        for prefix in lex.NUMBERED_PLACES:
            for head in _token_patterns(prefix):
                patterns.append({"label": self.label, "pattern": [*head, {"LIKE_NUM": True}]})
        ruler.add_patterns(patterns)
        return ruler

    def __call__(self, doc: Doc) -> Doc:
        if self._ruler is None:
            self._ruler = self._build()
        doc = self._ruler(doc)
        doc.spans["places"] = [e for e in doc.ents if e.label_ == self.label]
        return doc


@Language.factory(
    "camket_places",
    default_config={"label": "PLACE", "extra_places": []},
    assigns=["doc.ents", "doc.spans", "doc._.places"],
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


class ReferenceFinder:
    """Cited documents, whole: type, number and date ("Quyết định số 462/QĐ-TTg ngày 14/4/2022")."""

    def __init__(self, name: str, named: bool) -> None:
        self.name = name
        self.named = named

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        found = [(m.start(), m.end()) for m in lex.REFERENCE_NUMBERED.finditer(text)]
        if self.named:
            found += [s for s in _named_references(text) if not any(a <= s[0] < b for a, b in found)]
        found.sort()
        doc._.references = tuple(text[a:b] for a, b in found)
        doc.spans["references"] = [s for a, b in found if (s := _span(doc, a, b, "REFERENCE")) is not None]
        return doc


@Language.factory(
    "camket_references",
    default_config={"named": True},
    assigns=["doc.spans", "doc._.references"],
)
def make_references(nlp: Language, name: str, named: bool) -> ReferenceFinder:
    return ReferenceFinder(name, named)


# --------------------------------------------------------------- timeframes
def deadline_year(timeframe: str) -> int | None:
    """The last year a timeframe names, leaving out a "tầm nhìn"/"định hướng" horizon."""
    main = lex.VISION.split(timeframe)[0]
    years = [int(y) for y in lex.YEAR.findall(main)]
    return max(years) if years else None


class TimeframeFinder:
    """When: "hằng năm", "trước mắt", "trước ngày 30/6/2023", "thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        cited = [(m.start(), m.end()) for m in lex.REFERENCE_NUMBERED.finditer(text)]
        dated = [m for m in lex.TIMEFRAME_DATED.finditer(text) if not any(a <= m.start() < b for a, b in cited)]
        vague = [m for m in lex.TIMEFRAME_VAGUE.finditer(text) if not any(d.start() <= m.start() < d.end() for d in dated)]
        every = sorted(dated + vague, key=lambda m: m.start())
        doc.spans["timeframes"] = [s for m in every if (s := _span(doc, m.start(), m.end(), "TIME")) is not None]
        # A dated timeframe says more than "trước mắt" or "thời gian tới": it wins.
        chosen = dated[0] if dated else (vague[0] if vague else None)
        # lower-cased at the start of a sentence ("Trước mắt, ...") so values compare
        doc._.timeframe = (chosen.group(0)[:1].lower() + chosen.group(0)[1:]) if chosen else ""
        doc._.deadline_year = deadline_year(doc._.timeframe) if chosen else None
        return doc


@Language.factory(
    "camket_timeframe",
    default_config={},
    assigns=["doc.spans", "doc._.timeframe", "doc._.deadline_year"],
)
def make_timeframe(nlp: Language, name: str) -> TimeframeFinder:
    return TimeframeFinder(name)


# ------------------------------------------------------------ organisations
class OrgFinder:
    """Organisations: a head ("Sở Y tế", "Văn phòng Tỉnh ủy", "các tỉnh") with its level and places.

    Named bodies go to `doc.spans["orgs"]`; groups ("các tỉnh", "tỉnh"), which
    are actors only where an actor goes, to `doc.spans["groups"]`.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
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

    def __call__(self, doc: Doc) -> Doc:
        if self._matcher is None:
            self._matcher = self._build()
        found: dict[str, dict[int, int]] = {"ORG": {}, "GROUP": {}, "LEVEL": {}, "SUFFIX": {}}
        for match_id, start, end in self._matcher(doc):
            table = found[self.nlp.vocab.strings[match_id]]
            table[start] = max(end, table.get(start, 0))
        places = {s.start: s.end for s in doc.spans["places"]} if "places" in doc.spans else {}

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
        doc.spans["orgs"] = filter_spans(spans["ORG"])
        doc.spans["groups"] = filter_spans(spans["GROUP"] + list(doc.spans["orgs"]))
        return doc


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
_ASSIGN, _REQUEST, _PLEDGE, _MODAL, _VERB, _LEAD = "ASSIGN", "REQUEST", "PLEDGE", "MODAL", "VERB", "LEAD"


class CueFinder:
    """The phrase that makes a sentence a commitment, and its type, clause by clause.

    A sentence may hold several ";"-separated clauses; the one that assigns a
    task ("giao X chủ trì") leads, else the first clause with a cue. Within a
    clause the assignment cue wins, else the leftmost cue.
    """

    TYPES = {_ASSIGN: "assignment", _LEAD: "assignment", _REQUEST: "request", _PLEDGE: "pledge", _MODAL: "directive", _VERB: "directive"}

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._matcher: PhraseMatcher | None = None

    def _build(self) -> PhraseMatcher:
        # A PhraseMatcher over NORM, not a token Matcher: ~150 one-token patterns
        # cost the Matcher ~1.5 ms a sentence, a hash lookup almost nothing.
        matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for label, phrases in (
            (_ASSIGN, lex.ASSIGNMENT_CUES),
            (_REQUEST, lex.REQUEST_CUES),
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
                out.append(Clause(start, end, CueFinder._head(doc, start, end)))
            start = end + 1
        return out

    @staticmethod
    def _head(doc: Doc, start: int, end: int) -> int:
        """Skip "Thứ hai, ", "Trước mắt, ", "Trong năm 2024, " before the clause's verb."""
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
                i, moved = j, True
            elif i in times and times[i] < end and doc[times[i]].text == ",":
                i, moved = times[i] + 1, True
            if not moved:
                break
        return i

    def __call__(self, doc: Doc) -> Doc:
        if self._matcher is None:
            self._matcher = self._build()
        chains = _chains(doc)
        cited = [(s.start, s.end) for s in doc.spans["references"]] if "references" in doc.spans else []
        matches = sorted(
            ((self.nlp.vocab.strings[m], s, e) for m, s, e in self._matcher(doc)), key=lambda x: (x[1], -x[2])
        )
        clauses = self.clauses(doc)
        cues: list[Span] = []
        for clause in clauses:
            best: tuple[str, int, int] | None = None
            for label, s, e in matches:
                if not (clause.head <= s < clause.end) or any(a <= s < b for a, b in cited):
                    continue
                if not self._valid(doc, label, s, e, clause, chains):
                    continue
                if label in (_ASSIGN, _LEAD):
                    best = (label, s, e)
                    break
                if best is None:
                    best = (label, s, e)
            if best:
                label, s, e = best
                clause.cue = Span(doc, s, e, label=self.TYPES[label])
                clause.kind = self.TYPES[label]
                clause.how = label
                cues.append(clause.cue)
        doc._.clauses = clauses
        doc.spans["cues"] = cues
        lead = next((c for c in clauses if c.kind == "assignment"), None) or next((c for c in clauses if c.cue), None)
        doc._.cue = lead.cue.text if lead else ""
        doc._.commitment_type = lead.kind if lead else ""
        return doc

    @staticmethod
    def _valid(doc: Doc, label: str, s: int, e: int, clause: Clause, chains: dict[int, list[Span]]) -> bool:
        if label == _ASSIGN:  # "giao" only when someone is given the task
            nxt = e + 1 if e < len(doc) and doc[e].norm_ == "cho" else e
            return nxt in chains
        if label == _LEAD:  # "X chủ trì"
            return _chain_ending_at(chains, s) is not None
        if label == _REQUEST:  # not the noun: "theo đề nghị của ..."
            before = doc[s - 1].norm_ if s > 0 else ""
            after = doc[e].norm_ if e < len(doc) else ""
            return before not in lex.NOUN_MARKERS and after != "của"
        if label == _VERB:  # at the head of the clause, or right after its subject
            if s == clause.head:
                return True
            chain = _chain_ending_at(chains, s)
            return chain is not None and (chain[0].start == clause.head or doc[chain[0].start - 1].text == ",")
        return True


@Language.factory(
    "camket_cue",
    default_config={},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc._.cue", "doc._.commitment_type", "doc._.clauses"],
)
def make_cue(nlp: Language, name: str) -> CueFinder:
    return CueFinder(nlp, name)


# -------------------------------------------------------------------- actor
def _chain_text(doc: Doc, chain: list[Span]) -> str:
    return _text(doc)[chain[0].start_char : chain[-1].end_char]


class ActorFinder:
    """Who must act (the organisation the cue addresses or follows) and with whom ("phối hợp với ...")."""

    MODALS = frozenset(_norm(c) for c in lex.MODAL_CUES)

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self._markers: PhraseMatcher | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._markers is None:
            self._markers = PhraseMatcher(self.nlp.vocab, attr="NORM")
            self._markers.add("PARTNER", list(self.nlp.tokenizer.pipe(lex.PARTNER_MARKERS)))
        chains = _chains(doc)
        markers = sorted((s, e) for _, s, e in self._markers(doc))
        for clause in _ensure_clauses(doc):
            if clause.cue is not None:
                self._analyse(doc, clause, chains, markers)
        clauses = doc._.clauses
        lead = next((c for c in clauses if c.kind == "assignment"), None) or next((c for c in clauses if c.cue), None)
        doc._.actor = _chain_text(doc, lead.actor) if lead and lead.actor else ""
        doc._.partners = tuple(p.text for p in lead.partners) if lead else ()
        doc.spans["actors"] = list(lead.actor) if lead else []
        doc.spans["partners"] = list(lead.partners) if lead else []
        return doc

    def _analyse(self, doc: Doc, clause: Clause, chains: dict[int, list[Span]], markers: list[tuple[int, int]]) -> None:
        cue = clause.cue
        assert cue is not None
        after = cue.end
        if clause.how in (_ASSIGN, _REQUEST):
            start = after + 1 if clause.how == _ASSIGN and after < len(doc) and doc[after].norm_ == "cho" else after
            if start in chains:
                clause.actor = chains[start]
                after = clause.actor[-1].end
        elif clause.how == _LEAD or (clause.how != _VERB or cue.start != clause.head):
            chain = _chain_ending_at(chains, cue.start)
            if chain is not None:
                clause.actor = chain
        # partners: "phối hợp với X, Y" anywhere in the clause after the cue
        partner_end = None
        for s, e in markers:
            if cue.start <= s < clause.end and e in chains:
                clause.partners += chains[e]
                if partner_end is None:
                    partner_end = (s, chains[e][-1].end)
        # where the action starts
        if clause.how == _VERB and cue.start == clause.head and not clause.actor:
            clause.action_start = cue.start
        elif clause.how in (_PLEDGE, _VERB) and cue.start == clause.head and not clause.actor:
            clause.action_start = cue.start
        else:
            i = after
            i = self._skip(doc, i, {"chủ trì", ","})
            if partner_end and partner_end[0] == i:
                i = self._skip(doc, partner_end[1], {","})
            if clause.how not in (_ASSIGN, _REQUEST, _LEAD):
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
    requires=["doc._.clauses", "doc.spans"],
    assigns=["doc.spans", "doc._.actor", "doc._.partners"],
)
def make_actor(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)


# ------------------------------------------------------------------- action
class ActionFinder:
    """The leading verb phrase of each clause: from its verb to clause punctuation or a new clause."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        spans: list[tuple[int, int]] = []
        lead_span = None
        clauses = _ensure_clauses(doc)
        lead = next((c for c in clauses if c.kind == "assignment"), None) or next((c for c in clauses if c.cue), None)
        for clause in clauses:
            if clause.cue is None or clause.action_start is None:
                continue
            start = doc[clause.action_start].idx
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
        doc._.actions = tuple(text[a:b] for a, b in spans)
        doc._.action = text[lead_span[0] : lead_span[1]] if lead_span else (doc._.actions[0] if spans else "")
        doc.spans["actions"] = [s for a, b in spans if (s := _span(doc, a, b, "ACTION")) is not None]
        return doc


@Language.factory(
    "camket_action",
    default_config={},
    requires=["doc._.clauses"],
    assigns=["doc.spans", "doc._.action", "doc._.actions"],
)
def make_action(nlp: Language, name: str) -> ActionFinder:
    return ActionFinder(name)
