"""The .xlsx register, laid out to read on screen and print on paper in Excel and LibreOffice Calc.

Sheets: Register (one row per commitment), Summary (commitments per area per
document), Actors and Places (who was asked to do what, and where, by area,
with deadlines) and, with every sentence, Sentences. On `--update` the sheets
an analyst added to the workbook are kept as they are, after these.

Neither application re-measures the rows of a generated file reliably, so the
row heights are computed here from the text and the column widths (`layout`),
with one font that has every Vietnamese letter for header and body. Every sheet
prints landscape on A4, one page wide, with the header row on every page and a
footer naming the sheet and the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from pathlib import Path

import pandas as pd

from pipeline.areas import AREAS, area
from pipeline.register.layout import FONT_NAME, FONT_SIZE, column_width, header_height, row_height
from pipeline.register.schema import LIST_SEPARATOR, OWN_SHEETS, REGISTER_SHEET, SENTENCES_SHEET

# Columns an analyst reads (shown and printed); the others stay in the file for
# tools and for reading back, hidden (Excel and Calc show them with a click on
# the "+" of the column outline).
_HIDDEN = {"paragraph", "part", "area", "area_key", "area_score", "commitment_score", "cue", "actions", "area_alt",
           "area_alt_score", "source", "title", "date", "speaker", "start", "end"}
# Widest a column gets (characters), by kind of content; longer text wraps inside
# (a doc_id at its hyphens). Narrow enough that the Register, printed one page
# wide on landscape A4, stays legible.
_MAX_WIDTH = {"text": 60, "action": 30, "area_name": 20, "why": 16, "why_commitment": 16, "actor": 20, "partners": 18, "references": 20,
              "places": 16, "timeframe": 16, "review_note": 18, "doc_id": 24, "place": 20, "title": 30}
_DEFAULT_MAX = 14
_NO_ACTOR, _NO_PLACE = "", ""

ACTOR_COLUMNS = ("actor", "area_name", "action", "timeframe", "deadline_year", "doc_id", "sentence_id")
PLACE_COLUMNS = ("place", "area_name", "actor", "action", "timeframe", "deadline_year", "doc_id", "sentence_id")


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


def _items(value: object) -> list[str]:
    return [item.strip() for item in str(value or "").split(LIST_SEPARATOR.strip()) if item.strip()]


def _commitment_rows(register: pd.DataFrame) -> pd.DataFrame:
    if register.empty or "commitment" not in register.columns:
        return register.iloc[0:0]
    return register[pd.to_numeric(register["commitment"], errors="coerce") == 1]


def _by(register: pd.DataFrame, column: str, name: str, columns: Sequence[str]) -> pd.DataFrame:
    """One row per (item of `column`, commitment): what each actor or place was assigned, by area."""
    rows = []
    for record in _commitment_rows(register).to_dict("records"):
        code = record.get("area")
        area_name = record.get("area_name") or (area(int(code)).name if pd.notna(code) else "")
        for item in _items(record.get(column, "")):
            rows.append({**record, name: item, "area_name": area_name, "_area": code if pd.notna(code) else 99})
    if not rows:
        return pd.DataFrame(columns=list(columns))
    table = pd.DataFrame(rows)
    table = table.sort_values([name, "_area", "doc_id", "sentence_id"], key=lambda s: s.map(str.casefold) if pd.api.types.is_string_dtype(s) else s, kind="stable")
    return table.reindex(columns=list(columns)).reset_index(drop=True)


def by_actor(register: pd.DataFrame) -> pd.DataFrame:
    """Per actor, the commitments assigned to it: area, action, timeframe, deadline, where in which document."""
    return _by(register, "actor", "actor", ACTOR_COLUMNS)


def by_place(register: pd.DataFrame) -> pd.DataFrame:
    """Per place, the commitments that name it: area, actor, action, timeframe, deadline, document."""
    return _by(register, "places", "place", PLACE_COLUMNS)


def _cell_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    return value


def _widths(df: pd.DataFrame, wrap_headers: bool) -> list[tuple[float, bool]]:
    widths = []
    for column in df.columns:
        name = str(column)
        values = [str(v) for v in df[column].tolist()[:2000] if _cell_value(v) is not None]
        widths.append(column_width(name, values, maximum=_MAX_WIDTH.get(name, _DEFAULT_MAX), wrap_header=wrap_headers))
    return widths


def _write_sheet(workbook, name: str, df: pd.DataFrame, *, index: int, hidden: set[str] = frozenset(),
                 wrap_headers: bool = False) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet = workbook.create_sheet(name, index)
    body_font, header_font = Font(name=FONT_NAME, size=FONT_SIZE), Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    body_align = Alignment(wrap_text=True, vertical="top")
    header_align = Alignment(wrap_text=True, vertical="bottom")
    upright_align = Alignment(text_rotation=90, vertical="bottom", horizontal="center")
    columns = [str(c) for c in df.columns]
    widths, upright = zip(*_widths(df, wrap_headers)) if columns else ((), ())
    sheet.append(columns)
    for cell, up in zip(sheet[1], upright):
        cell.font, cell.alignment = header_font, upright_align if up else header_align
    shown = [i for i, c in enumerate(columns) if c not in hidden]
    # A hidden column's text is not wrapped: wrapped into no width, LibreOffice still draws it, a letter a line.
    aligns = [body_align if c not in hidden else Alignment(vertical="top") for c in columns]
    sheet.row_dimensions[1].height = header_height([columns[i] for i in shown], [widths[i] for i in shown],
                                                   [upright[i] for i in shown])
    shown_widths = [widths[i] for i in shown]
    # Each column's style is set once, on a cell outside the sheet, and copied: setting fonts and
    # alignments cell by cell costs openpyxl a hash of each, minutes for a large register.
    styles = []
    for align in aligns:
        proto = sheet.cell(row=1, column=1).__class__(sheet)
        proto.font, proto.alignment = body_font, align
        styles.append(proto._style)
    for r, values in enumerate(df.itertuples(index=False), start=2):
        values = [_cell_value(v) for v in values]
        # cell() by position: sheet[r] would measure the whole sheet on every row
        for c, (value, style) in enumerate(zip(values, styles), start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell._style = copy(style)
            # Text that looks like a formula stays text: the analyst's "=…" note is a note.
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
        texts = ["" if values[i] is None else str(values[i]) for i in shown]
        sheet.row_dimensions[r].height = row_height(texts, shown_widths)
    for i, column in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(i)]
        dimension.width = widths[i - 1]
        if column in hidden:
            dimension.hidden = True
            dimension.outline_level = 1
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(df) + 1)}"
    # Paper: landscape A4, as many pages down as needed but one page wide.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.25
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.page_margins.header = sheet.page_margins.footer = 0.2
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "Trang &P / &N"
    sheet.print_options.gridLines = True


def _default_font(workbook) -> None:
    """Make the register's font the workbook's default (the Normal style).

    Column widths are counted in digits of the default font, so with another
    default each application scales the columns by its own substitute (Calibri,
    missing in LibreOffice, becomes a much wider font) and the computed row
    heights stop matching the text.
    """
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=FONT_NAME, size=FONT_SIZE, family=2)
    workbook._fonts = IndexedList([font])  # openpyxl has no public setter for the default font
    workbook._named_styles["Normal"].font = font


def write_xlsx(register: pd.DataFrame, handle, sentences: pd.DataFrame | None, keep_from: str | Path | None = None) -> None:
    """Write the workbook to `handle`; with `keep_from`, every sheet of that workbook
    that camket does not write is kept as it is (an analyst's own sheets), after ours."""
    from openpyxl import Workbook, load_workbook

    if keep_from is not None:
        workbook = load_workbook(keep_from)
        # Without new sentences an earlier Sentences sheet (and the edits in it) stays as it is.
        replaced = [n for n in OWN_SHEETS if sentences is not None or n != SENTENCES_SHEET]
        for name in replaced:
            if name in workbook.sheetnames:
                workbook.remove(workbook[name])
        workbook.calculation.fullCalcOnLoad = True  # the analyst's formulas see the new rows
    else:
        workbook = Workbook()
        workbook.remove(workbook.active)
        _default_font(workbook)
    commitments = _commitment_rows(register)
    sheets = [
        (REGISTER_SHEET, register, dict(hidden=_HIDDEN)),
        ("Summary", summary(sentences if sentences is not None else register), dict(wrap_headers=True)),
        ("Actors", by_actor(commitments), {}),
        ("Places", by_place(commitments), {}),
    ]
    if sentences is not None:
        sheets.append((SENTENCES_SHEET, sentences, dict(hidden=_HIDDEN)))
    for index, (name, df, options) in enumerate(sheets):
        _write_sheet(workbook, name, df, index=index, **options)
    workbook.active = 0
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == REGISTER_SHEET
    workbook.save(handle)
