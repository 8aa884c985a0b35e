"""The .xlsx register: sheets Register, Summary and (with every sentence) Sentences."""

from __future__ import annotations

import pandas as pd

from pipeline.areas import AREAS


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Commitments per area (columns, Vietnamese names) per document (rows)."""
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


def write_xlsx(register: pd.DataFrame, handle, sentences: pd.DataFrame | None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheets = [("Register", register), ("Summary", summary(sentences if sentences is not None else register))]
    if sentences is not None:
        sheets.append(("Sentences", sentences))
    wide = {"text": 80, "area_name": 34, "why": 30, "why_commitment": 30, "actions": 50, "action": 40, "actor": 30, "partners": 30,
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


