"""`camket track report`: the tracker as a workbook.

Sheet **Threads**: one row per commitment thread (first asked, last asked, times repeated,
latest report sentence, status, actor, area, deadline). Then one sheet per document: its
commitments with status, thread and what each links to. Formatted to the register's
standard: bold frozen header, autofilter, wrapped long text, column widths.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.atomic import atomic_write
from pipeline.errors import CamketError

THREAD_COLUMNS = ("id", "status", "status_name", "area_name", "actor", "text", "first_asked", "last_asked",
                  "times_asked", "times_repeated", "deadline_year", "latest_report", "latest_report_doc",
                  "first_doc", "last_doc", "places")
DOCUMENT_COLUMNS = ("id", "position", "text", "area_name", "commitment_type", "actor", "partners", "action",
                    "timeframe", "deadline_year", "places", "references", "status", "status_name",
                    "status_computed", "status_reviewed", "status_note", "thread_id", "links_to", "link_kind", "link_score")
# Widths of the register's long-text columns, and of the tracker's own.
WIDE = {"text": 80, "area_name": 34, "actions": 50, "action": 40, "actor": 30, "partners": 30, "references": 36,
        "places": 28, "timeframe": 24, "latest_report": 70, "status_name": 22, "status_note": 30, "id": 24,
        "thread_id": 24, "links_to": 24, "first_doc": 22, "last_doc": 22, "latest_report_doc": 22}
_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def frames(db) -> tuple[pd.DataFrame, list[tuple[str, pd.DataFrame]]]:
    """(threads, [(doc_id, its commitments)]), in tracker order."""
    threads = pd.DataFrame(list(db.query(
        "select t.* from threads t join commitments c on c.id = t.id join documents d on d.id = c.doc_id "
        "order by d.rank desc, c.position")), columns=list(THREAD_COLUMNS) + ["year", "place_list"])
    threads = threads.reindex(columns=list(THREAD_COLUMNS))
    per_doc = []
    for doc in db.query("select id from documents order by rank"):
        rows = list(db.query(
            "select c.*, l.to_id as links_to, l.kind as link_kind, l.score as link_score from commitments c "
            "left join links l on l.from_id = c.id where c.doc_id = ? order by c.position", [doc["id"]]))
        per_doc.append((doc["id"], pd.DataFrame(rows).reindex(columns=list(DOCUMENT_COLUMNS))))
    return threads, per_doc


def sheet_names(doc_ids: list[str], taken: set[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique (case-insensitively)."""
    used = {t.casefold() for t in taken}
    out = []
    for doc_id in doc_ids:
        base = _SHEET_CHARS.sub("-", doc_id).strip("'") or "document"
        name, n = base[:31], 1
        while name.casefold() in used:
            n += 1
            name = f"{base[:31 - len(str(n)) - 1]}~{n}"
        used.add(name.casefold())
        out.append(name)
    return out


def _fill(sheet, df: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append([str(c) for c in df.columns])
    for values in df.itertuples(index=False):
        sheet.append([None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v for v in values])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    sheet.freeze_panes = "A2"
    if df.shape[1]:
        sheet.auto_filter.ref = f"A1:{get_column_letter(df.shape[1])}{max(1, len(df) + 1)}"
    for i, column in enumerate(df.columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = WIDE.get(str(column), max(10, min(40, len(str(column)) + 2)))
        if str(column) in WIDE:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_report(db_path: str | Path, output: str | Path) -> tuple[int, int]:
    """Write the workbook; returns (threads, documents)."""
    from openpyxl import Workbook

    from pipeline.track.store import open_db

    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise CamketError(f"{output}: the tracker report is a workbook; name it .xlsx")
    if Path(db_path).resolve() == output.resolve():
        raise CamketError(f"{output}: the report would overwrite the database")
    db = open_db(db_path, create=False)
    threads, per_doc = frames(db)
    db.close()

    def write(handle) -> None:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Threads"
        _fill(sheet, threads)
        for name, (_, df) in zip(sheet_names([d for d, _ in per_doc], {"Threads"}), per_doc):
            _fill(workbook.create_sheet(name), df)
        workbook.save(handle)

    atomic_write(output, write)
    return len(threads), len(per_doc)
