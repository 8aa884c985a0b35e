"""Writing a register: CSV (UTF-8 with BOM, formula-safe), .xlsx, .parquet, .jsonl; atomically."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.atomic import atomic_write
from pipeline.errors import CamketError
from pipeline.register.schema import conform
from pipeline.register.xlsx import write_xlsx

FORMATS = (".csv", ".xlsx", ".parquet", ".jsonl")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, quoted so it is shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel shows diacritics), formula-safe, CRLF-free."""
    safe = df.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def write(df: pd.DataFrame, path: str | Path, *, sentences: pd.DataFrame | None = None,
          keep_sheets_from: str | Path | None = None) -> Path:
    """Write a frame to `path` atomically, in the format its extension names.

    `.csv` (UTF-8 with BOM, formula-safe), `.xlsx` (sheets Register, Summary,
    Actors, Places and, given `sentences`, Sentences; with `keep_sheets_from`,
    the other sheets of that workbook after them), `.parquet`, `.jsonl`. The
    register's columns are put in the schema's types first.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    # Typed on the way out too: a frame built elsewhere (`camket classify`) gets the register's types.
    # Values were checked where they came in (reading a file, `--update`); pandera stays unimported here.
    df = conform(df, where=str(path), check=False)
    if sentences is not None:
        sentences = conform(sentences, where=f"{path} (sheet Sentences)", check=False)
    if suffix == ".csv":
        data = to_csv_bytes(df)
        return atomic_write(path, lambda handle: handle.write(data))
    if suffix == ".xlsx":
        return atomic_write(path, lambda handle: write_xlsx(df, handle, sentences, keep_sheets_from))
    if suffix == ".parquet":
        return atomic_write(path, lambda handle: df.to_parquet(handle, index=False))
    if suffix == ".jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False)
        return atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))
    raise CamketError(f"{path}: unknown output format {suffix or '(none)'}; use one of: {', '.join(FORMATS)}")


