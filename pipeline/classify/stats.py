"""How a labelled corpus is shaped, next to another (`camket corpus-stats`).

A classifier learns the shape of its training text as much as its content:
sentence length, how often a sentence is framed as news ("Chủ tịch UBND tỉnh
yêu cầu …"), names and cited documents, the words sentences open with. When
that shape differs from real text, shortcuts follow ("cho biết" → not a
commitment). These figures make the difference visible, group by group, so a
written corpus can be compared with a real dev set side by side.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.classify.corpus import corpus_files
from pipeline.errors import CamketError
from pipeline.text.frame import persons
from pipeline.text.normalize import canonical_tones

# An official or a body, then (within a few words) a reporting verb: the news frame.
_SPEAKER = (
    r"(?:Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Tổng Bí thư|"
    r"Giám đốc|Phó Giám đốc|Trưởng ban|Cục trưởng|Chánh|Tư lệnh|Chỉ huy trưởng|Đại tướng|Thượng tướng|Trung tướng|"
    r"Thiếu tướng|đồng chí|Đồng chí|ông|Ông|bà|Bà|UBND|Ủy ban|Uỷ ban|Chính phủ|Bộ|Sở|Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|"
    r"Thành uỷ|Huyện ủy|Huyện uỷ|HĐND|Công an|Đảng ủy|Đảng uỷ|Văn phòng|Hội đồng|Cục|Tổng cục|Quân khu|Bộ Chỉ huy)"
)
_REPORTING = (
    r"(?:yêu cầu|chỉ đạo|đề nghị|nhấn mạnh|cho biết|lưu ý|khẳng định|phát biểu|kết luận|chỉ rõ|đánh giá|"
    r"thông tin|giao|chỉ thị|quán triệt|đề xuất|kiến nghị|cam kết|khẳng định|nêu rõ)"
)
# Bounded gap: a linear-time pattern, whatever the sentence.
FRAMING = re.compile(rf"(?<!\w){_SPEAKER}(?:\s+\S+){{0,12}}?\s+{_REPORTING}(?!\w)")
CITED = re.compile(
    r"(?<!\w)(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Công điện|Công văn|Kết luận|Thông báo|Quy định|Hướng dẫn|"
    r"Kế hoạch|Đề án|Chương trình|Luật|Thông tư|Văn bản)(?: khẩn| liên tịch)?\s+(?:số\s*)?\d"
)
DATE_OPENING = re.compile(r"^(?:\(?[\w.]+\)?\s*[-–]\s*)?(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Sáng nay|Chiều nay)\b[^,]{0,25}\d|\d{1,2}[/.-]\d{1,2})", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-–—•+*]\s*|\d{1,2}[.)]\s*|[a-zđ][)]\s*)+")
SYLLABLE = re.compile(r"\w")
# Words whose link with the commitment label shows a shortcut when it differs from real text.
CUE_WORDS = ("đã", "sẽ", "cho biết", "Thủ tướng")


def syllables(text: str) -> int:
    """Space-separated tokens that hold a letter or a digit."""
    return sum(1 for token in text.split() if SYLLABLE.search(token))


def opening(text: str, words: int = 2) -> str:
    """The first `words` syllables after a bullet or number, folded."""
    body = _BULLET.sub("", text.strip())
    return " ".join(canonical_tones(body).casefold().split()[:words])


def near_key(text: str) -> str:
    """Two sentences that differ only in case, tone style, punctuation, spacing or digits."""
    folded = canonical_tones(text).casefold()
    folded = re.sub(r"\d", "0", folded)
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def _contains(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


@dataclass
class Stats:
    """The shape of one group of labelled sentences."""

    name: str
    sentences: int
    median_syllables: float
    mean_syllables: float
    share_40: float
    share_60: float
    framing: float
    framing_commitments: float | None
    persons: float
    cited: float
    date_openings: float
    date_openings_area0: float | None
    commitments: float | None
    cue_commitment_share: dict[str, tuple[int, float | None]] = field(default_factory=dict)
    top_openings: list[tuple[str, float]] = field(default_factory=list)
    top10_coverage: float = 0.0
    exact_duplicates: int = 0
    near_duplicate_groups: int = 0
    near_duplicate_rows: int = 0


def read_sentences(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Every row of the CSV files (or folders of them) as written: no dedup, labels optional."""
    frames = []
    for path in corpus_files(paths):
        try:
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise CamketError(f"{path}: cannot read as UTF-8 CSV ({exc})") from None
        if "text" not in df.columns:
            raise CamketError(f"{path}: no 'text' column (found {', '.join(df.columns)})")
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def _share(mask: Sequence[bool]) -> float:
    return round(sum(mask) / len(mask), 4) if len(mask) else 0.0


def describe(df: pd.DataFrame, name: str = "", top: int = 10) -> Stats:
    texts = df["text"].astype(str).tolist()
    if not texts:
        raise CamketError(f"{name or 'corpus'}: no sentences")
    lengths = [syllables(t) for t in texts]
    framed = [FRAMING.search(t) is not None for t in texts]
    labelled = "commitment" in df.columns and df["commitment"].astype(str).isin(["0", "1"]).all()
    commit = [c == "1" for c in df["commitment"].astype(str)] if labelled else None
    areas = df["area"].astype(str).tolist() if "area" in df.columns else None
    dated = [DATE_OPENING.match(t.strip()) is not None for t in texts]
    openings = Counter(opening(t) for t in texts)
    top_openings = [(o, round(n / len(texts), 4)) for o, n in openings.most_common(top)]
    near = Counter(near_key(t) for t in texts)
    cue_shares = {}
    for word in CUE_WORDS:
        having = [i for i, t in enumerate(texts) if _contains(t, word)]
        share = round(sum(commit[i] for i in having) / len(having), 4) if commit is not None and having else None
        cue_shares[word] = (len(having), share)
    return Stats(
        name=name,
        sentences=len(texts),
        median_syllables=float(statistics.median(lengths)),
        mean_syllables=round(statistics.fmean(lengths), 1),
        share_40=_share([n >= 40 for n in lengths]),
        share_60=_share([n >= 60 for n in lengths]),
        framing=_share(framed),
        framing_commitments=_share([f for f, c in zip(framed, commit) if c]) if commit is not None else None,
        persons=_share([bool(persons(t)) for t in texts]),
        cited=_share([CITED.search(t) is not None for t in texts]),
        date_openings=_share(dated),
        date_openings_area0=_share([a == "0" for a, d in zip(areas, dated) if d]) if areas and any(dated) else None,
        commitments=_share(commit) if commit is not None else None,
        cue_commitment_share=cue_shares,
        top_openings=top_openings,
        top10_coverage=round(sum(n for _, n in openings.most_common(10)) / len(texts), 4),
        exact_duplicates=len(texts) - len(set(texts)),
        near_duplicate_groups=sum(1 for n in near.values() if n > 1),
        near_duplicate_rows=sum(n - 1 for n in near.values() if n > 1),
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def format_stats(groups: Sequence[Stats]) -> str:
    """One column per group, one row per measure."""
    rows: list[tuple[str, list[str]]] = [
        ("sentences", [str(g.sentences) for g in groups]),
        ("syllables, median", [f"{g.median_syllables:g}" for g in groups]),
        ("syllables, mean", [f"{g.mean_syllables:g}" for g in groups]),
        ("40+ syllables", [_pct(g.share_40) for g in groups]),
        ("60+ syllables", [_pct(g.share_60) for g in groups]),
        ("commitments", [_pct(g.commitments) for g in groups]),
        ("news framing", [_pct(g.framing) for g in groups]),
        ("news framing among commitments", [_pct(g.framing_commitments) for g in groups]),
        ("a person's full name", [_pct(g.persons) for g in groups]),
        ("a cited document", [_pct(g.cited) for g in groups]),
        ("opens with a date", [_pct(g.date_openings) for g in groups]),
        ("… of which area 0", [_pct(g.date_openings_area0) for g in groups]),
    ]
    for word in CUE_WORDS:
        rows.append((f"commitments among '{word}' (n)",
                     [f"{_pct(g.cue_commitment_share[word][1])} ({g.cue_commitment_share[word][0]})" for g in groups]))
    rows += [
        ("largest opening (2 syllables)", [_pct(g.top_openings[0][1]) if g.top_openings else "–" for g in groups]),
        ("top 10 openings cover", [_pct(g.top10_coverage) for g in groups]),
        ("exact duplicate rows", [str(g.exact_duplicates) for g in groups]),
        ("near-duplicate groups / rows", [f"{g.near_duplicate_groups} / {g.near_duplicate_rows}" for g in groups]),
    ]
    width = max(len(label) for label, _ in rows) + 2
    col = max([14] + [len(g.name) + 2 for g in groups])
    lines = [" " * width + "".join(f"{g.name:>{col}}" for g in groups)]
    lines += [f"{label:<{width}}" + "".join(f"{v:>{col}}" for v in values) for label, values in rows]
    for g in groups:
        lines.append("")
        lines.append(f"top openings in {g.name}: " + "; ".join(f"{o!r} {_pct(s)}" for o, s in g.top_openings))
    return "\n".join(lines)


def corpus_stats(paths: Sequence[str | Path]) -> str:
    """The report for each path (a CSV file or a folder of them), side by side."""
    groups = [describe(read_sentences([p]), name=Path(p).name or str(p)) for p in paths]
    return format_stats(groups)
