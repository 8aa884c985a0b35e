"""Reading and validating labeled corpora (pandas at the edge, pandera for checks).

A corpus file is a CSV with columns doc_id, text, area, commitment, source.
Any problem is reported with the file and line, and stops training.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipeline.areas import AREA_CODES
from pipeline.errors import CamketError
from pipeline.text.normalize import canonical_tones

COLUMNS = ("doc_id", "text", "area", "commitment", "source")
# Columns a labelled file may leave out: a dev set of single sentences has no
# documents (each row is then its own) and no tier (it is `external`).
OPTIONAL = ("doc_id", "source")
SOURCES = ("written", "reference", "reviewed", "external")
# When the same sentence appears in several tiers, the analyst's review wins.
_PRIORITY = {"external": 0, "written": 0, "reference": 1, "reviewed": 2}

_nonblank = pa.Check(lambda s: s.str.strip().str.len() > 0, element_wise=False, error="must not be empty")
SCHEMA = pa.DataFrameSchema(
    {
        "doc_id": pa.Column(str, _nonblank),
        "text": pa.Column(str, _nonblank),
        "area": pa.Column(str, pa.Check.isin([str(c) for c in AREA_CODES], error=f"area must be one of {list(AREA_CODES)}")),
        "commitment": pa.Column(str, pa.Check.isin(["0", "1"], error="commitment must be 0 or 1")),
        "source": pa.Column(str, pa.Check.isin(list(SOURCES), error=f"source must be one of {list(SOURCES)}")),
    },
    strict=False,
    coerce=False,
)


class CorpusError(CamketError):
    def __init__(self, problems: Sequence[str]) -> None:
        shown = list(problems[:50])
        more = len(problems) - len(shown)
        text = "invalid corpus:\n  " + "\n  ".join(shown)
        if more:
            text += f"\n  … and {more} more"
        super().__init__(text)
        self.problems = list(problems)


def sentence_key(text: str) -> str:
    """What makes two sentences the same: canonical tones, folded spaces and case."""
    return " ".join(canonical_tones(text).split()).casefold()


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """CSV files named, or found below the folders named, in a stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*.csv") if "documents" not in f.parts))
        elif p.is_file():
            files.append(p)
        else:
            raise CamketError(f"{p}: no such file or folder")
    if not files:
        raise CamketError("no corpus files found (expected CSV files with doc_id, text, area, commitment, source)")
    return files


def _read_one(path: Path) -> tuple[pd.DataFrame, list[str]]:
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        return pd.DataFrame(), [f"{path}: cannot read as UTF-8 CSV ({exc})"]
    if "doc_id" not in df.columns:
        ids = df["id"] if "id" in df.columns else pd.Series(range(2, len(df) + 2), index=df.index).astype(str)
        df["doc_id"] = f"{path.stem}-" + ids.astype(str)
    if "source" not in df.columns:
        df["source"] = "external"
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        return df, [f"{path}:1: missing column(s) {', '.join(missing)} (found {', '.join(df.columns)})"]
    df = df[list(COLUMNS)].copy()
    df["file"] = str(path)
    df["line"] = df.index + 2  # header is line 1
    problems = []
    try:
        SCHEMA.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        for case in exc.failure_cases.itertuples():
            line = int(case.index) + 2 if pd.notna(case.index) else 1
            problems.append(f"{path}:{line}: {case.column}: {case.check} (got {case.failure_case!r})")
    return df, problems


def read_corpus(paths: Iterable[str | Path]) -> pd.DataFrame:
    """All labeled sentences, validated; raises CorpusError listing every problem.

    Duplicates with the same labels collapse to one row. The same sentence with
    different labels is an error, except that a reviewed label overrides a
    written or reference one (that is what analyst review is for).
    """
    frames, problems = [], []
    for path in corpus_files(paths):
        df, found = _read_one(path)
        problems.extend(found)
        if not found:
            frames.append(df)
    if problems:
        raise CorpusError(problems)
    df = pd.concat(frames, ignore_index=True)
    df["area"] = df["area"].astype(int)
    df["commitment"] = df["commitment"].astype(int)
    df["key"] = df["text"].map(sentence_key)
    df["priority"] = df["source"].map(_PRIORITY)

    top = df[df["priority"] == df.groupby("key")["priority"].transform("max")]
    labels = top.groupby("key")[["area", "commitment"]].nunique()
    for key in labels.index[(labels > 1).any(axis=1)]:
        rows = top[top["key"] == key]
        where = "; ".join(f"{r.file}:{r.line} area={r.area} commitment={r.commitment}" for r in rows.itertuples())
        problems.append(f"same sentence, different labels: {rows.iloc[0].text[:60]!r} ({where})")
    if problems:
        raise CorpusError(problems)
    # Later reviews win among reviewed rows of equal label (stable order keeps the last).
    top = top.drop_duplicates("key", keep="last")
    return top.drop(columns=["priority"]).reset_index(drop=True)


def file_hashes(paths: Iterable[str | Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in corpus_files(paths)}


# An analyst's correction counts for more than a written example: it is a real
# sentence the model got wrong, and the next model must get it right.
REVIEWED_WEIGHT = 3.0


def sample_weights(corpus: pd.DataFrame) -> list[float]:
    return [REVIEWED_WEIGHT if s == "reviewed" else 1.0 for s in corpus["source"]]
