"""The register: sentences to rows, rows to CSV (and the other formats).

This is where records leave the pipeline, so this is where pandas comes in.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.areas import area
from pipeline.errors import CamketError
from pipeline.records import Document, Sentence
from pipeline.write import atomic_write

BASE_COLUMNS = (
    "doc_id",
    "sentence_id",
    "paragraph",
    "part",
    "text",
    "area",
    "area_key",
    "area_name",
    "area_score",
    "commitment",
    "commitment_score",
)
FIELD_COLUMNS = (
    "cue",
    "commitment_type",
    "actor",
    "partners",
    "action",
    "actions",
    "timeframe",
    "deadline_year",
    "references",
    "places",
)
REVIEW_COLUMNS = ("needs_review", "area_alt", "area_alt_score", "why", "area_reviewed", "commitment_reviewed", "review_note")
DOCUMENT_COLUMNS = ("source", "title", "date", "speaker", "start", "end")
COLUMNS = BASE_COLUMNS + FIELD_COLUMNS + REVIEW_COLUMNS + DOCUMENT_COLUMNS

LIST_SEPARATOR = " | "
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def needs_review(sentence: Sentence, *, min_score: float = 0.6, min_margin: float = 0.15) -> bool:
    """The model is unsure: a weak area or commitment score, or two close areas."""
    lab = sentence.labels
    if lab is None:
        return False
    return (
        lab.area_score < min_score
        or lab.area_score - lab.area_alt_score < min_margin
        or abs(lab.commitment_score - 0.5) < (min_score - 0.5)
    )


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def row(sentence: Sentence, doc: Document | None = None) -> dict[str, Any]:
    lab = sentence.labels
    out: dict[str, Any] = {
        "doc_id": sentence.doc_id,
        "sentence_id": sentence.sentence_id,
        "paragraph": sentence.paragraph,
        "part": sentence.part,
        "text": sentence.text,
    }
    if lab is not None:
        a = area(lab.area)
        out.update(
            area=a.code,
            area_key=a.key,
            area_name=a.name,
            area_score=lab.area_score,
            commitment=lab.commitment,
            commitment_score=lab.commitment_score,
        )
    f = sentence.fields
    if f is not None:
        out.update(
            cue=f.cue,
            commitment_type=f.commitment_type,
            actor=f.actor,
            partners=_join(f.partners),
            action=f.action,
            actions=_join(f.actions),
            timeframe=f.timeframe,
            deadline_year=f.deadline_year if f.deadline_year is not None else "",
            references=_join(f.references),
            places=_join(f.places),
        )
    if lab is not None:
        out.update(
            needs_review=int(needs_review(sentence)),
            area_alt=lab.area_alt,
            area_alt_score=lab.area_alt_score,
            why=_join(lab.why),
            area_reviewed="",
            commitment_reviewed="",
            review_note="",
        )
    out.update(
        source=doc.source if doc else "",
        title=doc.title if doc else "",
        date=doc.date if doc else "",
        speaker=doc.speaker if doc else "",
        start=sentence.start,
        end=sentence.end,
    )
    return out


def frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=list(COLUMNS))
    # A year or nothing: nullable integers keep .parquet and .jsonl typed.
    years = pd.to_numeric(df["deadline_year"].replace("", None), errors="coerce").astype("Int64")
    df = df.drop(columns="deadline_year")
    for column in df.columns[df.isna().any()]:
        # Empty cells stay empty text; typed columns without gaps keep their type.
        df[column] = df[column].astype(object).where(df[column].notna(), "")
    df.insert(list(COLUMNS).index("deadline_year"), "deadline_year", years)
    return df


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


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Commitments per area (columns, Vietnamese names) per document (rows)."""
    from pipeline.areas import AREAS

    commitments = df[df["commitment"].astype(str) == "1"] if len(df) else df
    names = [a.name for a in AREAS]
    if commitments.empty:
        table = pd.DataFrame(0, index=pd.Index(sorted(set(df["doc_id"])) if len(df) else [], name="doc_id"), columns=names)
    else:
        table = pd.crosstab(commitments["doc_id"], commitments["area"].astype(int)).reindex(columns=[a.code for a in AREAS], fill_value=0)
        table.columns = names
        docs = sorted(set(df["doc_id"]))
        table = table.reindex(docs, fill_value=0)
    table["Tổng"] = table.sum(axis=1)
    return table.reset_index()


def _write_xlsx(register: pd.DataFrame, handle, sentences: pd.DataFrame | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheets = [("Register", register), ("Summary", summary(sentences if sentences is not None else register))]
    if sentences is not None:
        sheets.append(("Sentences", sentences))
    wide = {"text": 80, "area_name": 34, "why": 30, "actions": 50, "action": 40, "actor": 30, "partners": 30,
            "references": 36, "places": 28, "timeframe": 24, "review_note": 30, "source": 30, "title": 30}
    first = True
    for name, df in sheets:
        sheet = workbook.active if first else workbook.create_sheet()
        first = False
        sheet.title = name
        sheet.append([str(c) for c in df.columns])
        for values in df.itertuples(index=False):
            sheet.append([None if v is pd.NA else v for v in values])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        # Text that looks like a formula must stay text.
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        if df.shape[1]:
            sheet.auto_filter.ref = f"A1:{get_column_letter(df.shape[1])}{max(1, len(df) + 1)}"
        for i, column in enumerate(df.columns, start=1):
            letter = get_column_letter(i)
            sheet.column_dimensions[letter].width = wide.get(str(column), max(10, min(40, len(str(column)) + 2)))
            if str(column) in wide:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(handle)


def write(df: pd.DataFrame, path: str | Path, *, sentences: pd.DataFrame | None = None) -> Path:
    """Write a frame to `path` atomically, in the format its extension names.

    `.csv` (UTF-8 with BOM, formula-safe), `.xlsx` (sheets Register, Summary and,
    given `sentences`, Sentences), `.parquet`, `.jsonl`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = to_csv_bytes(df)
        return atomic_write(path, lambda handle: handle.write(data))
    if suffix == ".xlsx":
        return atomic_write(path, lambda handle: _write_xlsx(df, handle, sentences))
    if suffix == ".parquet":
        return atomic_write(path, lambda handle: df.to_parquet(handle, index=False))
    if suffix == ".jsonl":
        text = df.to_json(orient="records", lines=True, force_ascii=False)
        return atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))
    raise CamketError(f"{path}: unknown output format {suffix or '(none)'}; use one of: {', '.join(FORMATS)}")


FORMATS = (".csv", ".xlsx", ".parquet", ".jsonl")


def _unescape(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _decode_csv(data: bytes, path: Path) -> str:
    """Text of a CSV as spreadsheets save it: UTF-8 (BOM or not), else the Windows code pages."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1258", "cp1252"):
        try:
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise CamketError(f"{path}: not UTF-8 or Windows-1258 text; save it as 'CSV UTF-8'")


def read(path: str | Path) -> pd.DataFrame:
    """Read a register back as text columns, however it was saved.

    CSV as written here or as Excel/LibreOffice save it (UTF-8 with or without
    BOM, or the Vietnamese Windows code page; comma, semicolon or tab; CRLF),
    .xlsx (the Register sheet), .parquet, .jsonl. The formula guard added on
    writing is removed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            text = _decode_csv(path.read_bytes(), path)
            first = text.split("\n", 1)[0]
            sep = max([",", ";", "\t"], key=first.count)
            df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        elif suffix == ".xlsx":
            import openpyxl

            sheets = openpyxl.load_workbook(path, read_only=True).sheetnames
            sheet = "Register" if "Register" in sheets else sheets[0]
            df = pd.read_excel(path, sheet_name=sheet, dtype=str).fillna("")
        elif suffix == ".parquet":
            df = pd.read_parquet(path).astype(str)
        elif suffix == ".jsonl":
            df = pd.read_json(path, lines=True, dtype=False).astype(str)
        else:
            raise CamketError(f"{path}: unknown register format {suffix or '(none)'}; use one of: {', '.join(FORMATS)}")
    except FileNotFoundError:
        raise CamketError(f"{path}: no such file") from None
    except (ValueError, OSError, pd.errors.ParserError, KeyError) as exc:
        raise CamketError(f"{path}: cannot read as a register ({exc})") from None
    df.columns = [str(c).strip() for c in df.columns]
    return df.map(_unescape)
