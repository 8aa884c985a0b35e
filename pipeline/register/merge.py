"""`extract --update`: add what is new, never touch what an analyst has seen.

Rows are matched by document and sentence content (tone style, case and
spacing aside), not by position, so an edited, sorted or filtered register
still merges correctly.
"""

from __future__ import annotations

import pandas as pd

from pipeline.classify.corpus import sentence_key


def row_keys(df: pd.DataFrame) -> pd.Series:
    return df["doc_id"].astype(str) + "\x1f" + df["text"].astype(str).map(sentence_key)


def merge_update(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Every old row as it is, then the new rows whose sentence is not there yet.

    Returns the merged frame (old columns first, including any an analyst
    added) and the number of rows added.
    """
    missing = [c for c in ("doc_id", "text") if c not in old.columns]
    if missing:
        raise ValueError(f"the existing register has no {', '.join(missing)} column; it cannot be updated")
    fresh = new[~row_keys(new).isin(set(row_keys(old)))]
    columns = list(old.columns) + [c for c in new.columns if c not in old.columns]
    fresh = fresh.astype(object).where(fresh.notna(), "").astype(str)
    merged = pd.concat([old.astype(str), fresh], ignore_index=True).reindex(columns=columns).fillna("")
    return merged, len(fresh)
