"""Reading a register back, however an analyst's spreadsheet saved it."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import CamketError
from pipeline.register.write import FORMATS


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
