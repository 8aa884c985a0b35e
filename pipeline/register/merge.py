"""`extract --update`: add what is new, never touch what an analyst has seen.

Rows are matched by document and sentence content (tone style, case and
spacing aside), not by position, so a sorted or filtered register still
merges correctly. A row whose text an analyst corrected is matched by its
place in the document instead (the same document and character offsets, or
sentence number when the offsets are gone, and a similar text), so fixing a
typo never brings the original sentence back as a second row.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

from pipeline.classify.corpus import sentence_key
from pipeline.register.schema import INTEGER_COLUMNS, SCORE_COLUMNS, conform

# How alike an edited text and the document's sentence at the same place must be to be one row.
EDIT_SIMILARITY = 0.6


def row_keys(df: pd.DataFrame) -> pd.Series:
    return df["doc_id"].astype(str) + "\x1f" + df["text"].astype(str).map(sentence_key)


def _places(df: pd.DataFrame) -> list[tuple]:
    """Where each row sits in its document: (doc, start, end), or (doc, sentence) without offsets."""
    out = []
    for row in df.itertuples(index=False):
        doc = str(getattr(row, "doc_id"))
        start, end = getattr(row, "start", pd.NA), getattr(row, "end", pd.NA)
        if not pd.isna(start) and not pd.isna(end):
            out.append((doc, "offsets", int(start), int(end)))
        else:
            sid = getattr(row, "sentence_id", pd.NA)
            out.append((doc, "sentence", None if pd.isna(sid) else int(sid)))
    return out


def _similar(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, sentence_key(a), sentence_key(b), autojunk=False)
    return matcher.quick_ratio() >= EDIT_SIMILARITY and matcher.ratio() >= EDIT_SIMILARITY


def _edited_rows(old: pd.DataFrame, new: pd.DataFrame, fresh: pd.Series) -> pd.Series:
    """Which fresh new rows are old rows whose text an analyst edited."""
    old_keys, new_keys = row_keys(old), row_keys(new)
    # An old row whose text no sentence of its (re-read) document has any more.
    orphan = ~old_keys.isin(set(new_keys)) & old["doc_id"].astype(str).isin(set(new["doc_id"].astype(str)))
    if not orphan.any() or not fresh.any():
        return pd.Series(False, index=new.index)
    by_place: dict[tuple, list[str]] = {}
    for place, text in zip(_places(old[orphan]), old.loc[orphan, "text"].astype(str)):
        by_place.setdefault(place, []).append(text)
    new_places = _places(new)
    new_sentence_places = _places(new.drop(columns=[c for c in ("start", "end") if c in new.columns]))
    claimed = pd.Series(False, index=new.index)
    for i, (index, text) in enumerate(zip(new.index, new["text"].astype(str))):
        if not fresh.loc[index]:
            continue
        for place in (new_places[i], new_sentence_places[i]):
            texts = by_place.get(place)
            if texts and any(_similar(old_text, text) for old_text in texts):
                claimed.loc[index] = True
                del by_place[place]
                break
    return claimed


def merge_update(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Every old row as it is, then the new rows whose sentence is not there yet.

    Returns the merged frame in the schema's types (old columns first,
    including any an analyst added) and the number of rows added.
    """
    missing = [c for c in ("doc_id", "text") if c not in old.columns]
    if missing:
        raise ValueError(f"the existing register has no {', '.join(missing)} column; it cannot be updated")
    old, new = conform(old), conform(new)
    fresh = ~row_keys(new).isin(set(row_keys(old)))
    fresh &= ~_edited_rows(old, new, fresh)
    added = new[fresh]
    columns = list(old.columns) + [c for c in new.columns if c not in old.columns]
    merged = pd.concat([old, added], ignore_index=True).reindex(columns=columns)
    typed = set(INTEGER_COLUMNS) | set(SCORE_COLUMNS)
    for column in merged.columns:
        if column not in typed and merged[column].dtype == object:
            merged[column] = merged[column].where(merged[column].notna(), "")
    return conform(merged), len(added)
