"""Reading a register back, however an analyst's spreadsheet saved it, in the schema's types."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import CamketError
from pipeline.register.schema import ANALYST_COLUMNS, COLUMNS, OWN_SHEETS, REGISTER_SHEET, SENTENCES_SHEET, conform
from pipeline.register.write import FORMATS


@dataclass
class Formula:
    """A cell an analyst typed as a formula; the register keeps its text."""

    sheet: str
    row: int  # as a spreadsheet counts: the header is row 1
    column: str
    formula: str


@dataclass
class RegisterFile:
    """Everything a register file holds: the Register table, the Sentences sheet of an
    .xlsx, the names of every sheet and the cells typed as formulas."""

    path: Path
    register: pd.DataFrame
    sentences: pd.DataFrame | None = None
    sheets: tuple[str, ...] = ()
    formulas: list[Formula] = field(default_factory=list)

    @property
    def added_sheets(self) -> list[str]:
        return [s for s in self.sheets if s not in OWN_SHEETS]

    def analyst_work(self) -> list[str]:
        """What an analyst added to this register, in words; empty when it is as camket wrote it."""
        found = []
        for name, df in ((REGISTER_SHEET, self.register), (SENTENCES_SHEET, self.sentences)):
            if df is None:
                continue
            for column in ANALYST_COLUMNS:
                if column in df.columns:
                    filled = int((df[column].astype(str).str.strip() != "").sum())
                    if filled:
                        found.append(f"{filled} {column} cell(s) filled in {name}")
            extra = [str(c) for c in df.columns if str(c) not in COLUMNS]
            if extra:
                found.append(f"column(s) added in {name}: {', '.join(extra)}")
        if self.added_sheets:
            found.append(f"sheet(s) added: {', '.join(self.added_sheets)}")
        return found


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


def _sheet_frame(sheet, name: str, formulas: list[Formula]) -> pd.DataFrame:
    """A sheet as a frame of its cell values; a formula cell gives its text, and is noted."""
    rows = sheet.iter_rows()
    try:
        header_cells = next(rows)
    except StopIteration:
        return pd.DataFrame()
    header = [str(c.value).strip() if c.value is not None else "" for c in header_cells]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    records = []
    for r, cells in enumerate(rows, start=2):
        values = []
        for c, cell in enumerate(cells[:width]):
            value = cell.value
            if cell.data_type == "f" and value is not None:
                value = str(value) if not isinstance(value, str) else value
                formulas.append(Formula(name, r, header[c], value))
            values.append(value)
        values += [None] * (width - len(values))
        if any(v is not None and v != "" for v in values):
            records.append(values)
    return pd.DataFrame(records, columns=header)


def _read_xlsx(path: Path) -> RegisterFile:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        formulas: list[Formula] = []
        names = tuple(book.sheetnames)
        first = REGISTER_SHEET if REGISTER_SHEET in names else names[0]
        register = _sheet_frame(book[first], first, formulas)
        sentences = _sheet_frame(book[SENTENCES_SHEET], SENTENCES_SHEET, formulas) if SENTENCES_SHEET in names else None
    finally:
        book.close()
    return RegisterFile(path, register, sentences, names, formulas)


def load(path: str | Path) -> RegisterFile:
    """Read a register file whole: its tables in the schema's types, its sheets, its formula cells.

    CSV as written here or as Excel/LibreOffice save it (UTF-8 with or without
    BOM, or the Vietnamese Windows code page; comma, semicolon or tab; CRLF),
    .xlsx (the Register sheet, and the Sentences sheet when there is one),
    .parquet, .jsonl. The formula guard added on writing is removed; a cell an
    analyst typed as a formula keeps its text ("=A1") and is listed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            text = _decode_csv(path.read_bytes(), path)
            first = text.split("\n", 1)[0]
            sep = max([",", ";", "\t"], key=first.count)
            df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
            found = RegisterFile(path, df)
        elif suffix == ".xlsx":
            found = _read_xlsx(path)
        elif suffix == ".parquet":
            found = RegisterFile(path, pd.read_parquet(path))
        elif suffix == ".jsonl":
            found = RegisterFile(path, pd.read_json(path, lines=True, dtype=False))
        else:
            raise CamketError(f"{path}: unknown register format {suffix or '(none)'}; use one of: {', '.join(FORMATS)}")
    except FileNotFoundError:
        raise CamketError(f"{path}: no such file") from None
    except CamketError:
        raise
    except (ValueError, OSError, pd.errors.ParserError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise CamketError(f"{path}: cannot read as a register ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # openpyxl and pyarrow raise their own types on a damaged file
        raise CamketError(f"{path}: cannot read as a register ({type(exc).__name__}: {exc})") from None
    found.register = _typed(found.register, f"{path}")
    if found.sentences is not None:
        found.sentences = _typed(found.sentences, f"{path} (sheet {SENTENCES_SHEET})")
    return found


def _typed(df: pd.DataFrame, where: str) -> pd.DataFrame:
    df.columns = [str(c).strip() for c in df.columns]
    if df.columns.duplicated().any():
        dupes = sorted(set(df.columns[df.columns.duplicated()]))
        raise CamketError(f"{where}: column(s) named twice: {', '.join(dupes)}")
    return conform(df.map(_unescape), where=where)


def read(path: str | Path) -> pd.DataFrame:
    """The register table of a file, in the schema's types (see `load`)."""
    return load(path).register
