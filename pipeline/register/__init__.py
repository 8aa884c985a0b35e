"""The register: sentences to rows (`schema`), rows to files (`write`, `xlsx`),
files back to rows (`read`), and `extract --update` (`merge`).

The names below are the package's public surface: `from pipeline import register`
then `register.row`, `register.frame`, `register.write`, `register.read`.
"""

from pipeline.register.read import RegisterFile, load, read
from pipeline.register.schema import (
    BASE_COLUMNS,
    COLUMNS,
    DOCUMENT_COLUMNS,
    FIELD_COLUMNS,
    LIST_SEPARATOR,
    REVIEW_COLUMNS,
    pandera_schema,
    RegisterError,
    conform,
    frame,
    needs_review,
    row,
)
from pipeline.register.write import FORMATS, formula_safe, to_csv_bytes, write
from pipeline.register.xlsx import by_actor, by_place, summary

__all__ = [
    "BASE_COLUMNS", "COLUMNS", "DOCUMENT_COLUMNS", "FIELD_COLUMNS", "FORMATS", "LIST_SEPARATOR", "REVIEW_COLUMNS",
    "pandera_schema", "RegisterError", "RegisterFile", "by_actor", "by_place", "conform", "load",
    "formula_safe", "frame", "needs_review", "read", "row", "summary", "to_csv_bytes", "write",
]
