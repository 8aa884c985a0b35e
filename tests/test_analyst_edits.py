"""No analyst edit is ever lost: typed round trips, --update on every format and sheet, the lock,
stable doc ids, refusals instead of overwrites, and review import that reports instead of storing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline import register
from pipeline.cli import cli
from pipeline.records import Document, Fields, Labels, Sentence

# Transcripts written for these tests (not taken from any corpus).
SPEECH_A = """Thưa các đồng chí!
Năm qua, huyện đã hoàn thành phần lớn các chỉ tiêu phát triển kinh tế - xã hội.
Đề nghị Sở Giao thông vận tải chủ trì, phối hợp với các huyện hoàn thành tuyến đường ven biển trước năm 2027.
Giao Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.
Xin trân trọng cảm ơn!
"""
SPEECH_B = """Kính thưa các vị đại biểu!
Đề nghị Công an tỉnh tập trung đấu tranh, ngăn chặn tội phạm ma túy trên tuyến biên giới.
Các trường học cần đẩy mạnh chuyển đổi số trong dạy và học ngay từ năm học 2025 - 2026.
Xin cảm ơn các đồng chí!
"""
SPEECH_C = """Thưa các đồng chí!
Giao Sở Nông nghiệp và Phát triển nông thôn xây dựng kế hoạch phòng, chống hạn mặn trong năm 2026.
Chúc các đồng chí mạnh khỏe!
"""


def _sentence(doc: str, sid: int, text: str, *, area: int = 2, commitment: int = 1, year: int | None = None,
              actor: str = "", places: tuple[str, ...] = ()) -> Sentence:
    labels = Labels(area=area, area_score=0.8125, commitment=commitment, commitment_score=0.734, area_alt=4,
                    area_alt_score=0.1, why=("tăng cường",))
    fields = Fields(cue="giao", commitment_type="assignment", actor=actor, action="xây dựng kế hoạch",
                    deadline_year=year, places=places)
    return Sentence(doc_id=doc, sentence_id=sid, paragraph=1, part="speech", start=10 * sid, end=10 * sid + len(text),
                    text=text, labels=labels, fields=fields)


def typed_register() -> pd.DataFrame:
    doc = Document(doc_id="d", text="", source="inbox/d.txt", title="Hội nghị", date="2024-05-01")
    rows = [
        register.row(_sentence("d", 1, "Giao Sở Tài chính cân đối vốn trước năm 2026.", year=2026, actor="Sở Tài chính"), doc),
        register.row(_sentence("d", 2, "Tăng cường phối hợp giữa các tỉnh.", area=4), doc),
    ]
    df = register.frame(rows)
    df.loc[0, "review_note"] = "=A1+1"  # a note an analyst typed that looks like a formula
    df.loc[1, "area_reviewed"] = "4"
    return df


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet", ".jsonl"])
def test_every_format_round_trips_with_types(tmp_path, suffix):
    df = typed_register()
    path = register.write(df, tmp_path / f"r{suffix}")
    back = register.read(path)
    pd.testing.assert_frame_equal(back[list(df.columns)], df)
    assert str(back["deadline_year"].dtype) == "Int64" and back["deadline_year"].isna().tolist() == [False, True]
    assert back["area_score"].dtype == np.float64 and back.loc[0, "area_score"] == 0.8125
    assert back.loc[0, "review_note"] == "=A1+1"
    assert back.loc[1, "area_reviewed"] == "4"  # a label stays the text the analyst typed


def test_a_cell_that_is_not_a_number_is_named_not_emptied(tmp_path):
    path = tmp_path / "r.csv"
    df = typed_register().astype(object)
    df.loc[1, "area_score"] = "cao"
    register.to_csv_bytes(df)
    path.write_bytes(register.to_csv_bytes(df))
    with pytest.raises(register.RegisterError, match=r"row 3: area_score: 'cao' is not a number"):
        register.read(path)


def test_schema_rejects_an_area_out_of_range():
    df = typed_register()
    df.loc[0, "area"] = 9
    with pytest.raises(register.RegisterError, match="area must be one of"):
        register.conform(df)


# ---------------------------------------------------------------- doc ids


def test_doc_ids_do_not_depend_on_how_the_files_were_named(tmp_path, monkeypatch):
    from pipeline.ingest.inputs import assign_doc_ids, expand_paths

    inbox = tmp_path / "inbox"
    (inbox / "2024" / "05").mkdir(parents=True)
    (inbox / "2024" / "06").mkdir(parents=True)
    for name in ("2024/05/hoi-nghi.txt", "2024/06/hoi-nghi.txt", "2024/06/ket-luan.txt"):
        (inbox / name).write_text(SPEECH_A, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def ids(*paths):
        found = expand_paths(paths).found
        return dict(zip((f.resolve() for f, _ in found), assign_doc_ids([n for _, n in found])))

    by_folder = ids("inbox")
    assert sorted(by_folder.values()) == ["05-hoi-nghi", "06-hoi-nghi", "06-ket-luan"]
    assert ids("inbox/**/*.txt") == by_folder
    assert ids(str(inbox.resolve()) + "/2024/*/*.txt") == by_folder
    assert ids("inbox/2024/06/ket-luan.txt", "inbox/2024/05/hoi-nghi.txt", "inbox/2024/06/hoi-nghi.txt") == by_folder
    assert ids("inbox/2024/05", "inbox/2024/06") == by_folder


# ---------------------------------------------------------------- merge


def test_an_edited_sentence_is_not_added_again():
    from pipeline.register.merge import merge_update

    new = typed_register()
    old = new.copy()
    old.loc[0, "text"] = "Giao Sở Tài chính cân đối nguồn vốn trước năm 2026."  # the analyst fixed a word
    merged, added = merge_update(old, new)
    assert added == 0 and len(merged) == 2
    assert merged.loc[0, "text"] == old.loc[0, "text"]
    # the same place with a wholly different sentence (the document changed) is a new row
    other = new.copy()
    other.loc[0, "text"] = "Chúc các đồng chí mạnh khỏe, hạnh phúc!"
    merged, added = merge_update(old, other)
    assert added == 1
    # offsets gone (a filtered copy) still match by sentence number
    merged, added = merge_update(old.drop(columns=["start", "end"]), new)
    assert added == 0


# ---------------------------------------------------------------- extract end to end


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    folder = tmp_path_factory.mktemp("edits") / "inbox"
    folder.mkdir()
    (folder / "speech-a.txt").write_text(SPEECH_A, encoding="utf-8")
    return folder


def _extract(*args: str) -> object:
    return CliRunner().invoke(cli, ["extract", *args, "-q", "-w", "1"])


def test_xlsx_update_keeps_sentences_edits_added_sheets_formulas_and_numbers(inbox, tmp_path):
    from openpyxl import load_workbook

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "speech-a.txt").write_text(SPEECH_A, encoding="utf-8")
    out = tmp_path / "register.xlsx"
    assert _extract(str(folder), "-o", str(out), "--all").exit_code == 0
    book = load_workbook(out)
    reg, sents = book["Register"], book["Sentences"]
    header = [c.value for c in reg[1]]
    reg.cell(row=2, column=header.index("review_note") + 1).value = "=1+1"  # openpyxl stores it as a formula
    s_header = [c.value for c in sents[1]]
    sents.cell(row=3, column=s_header.index("area_reviewed") + 1).value = "economy"
    sents.cell(row=3, column=s_header.index("review_note") + 1).value = "câu chuyển tiếp"
    mine = book.create_sheet("Ghi chú")
    mine["A1"], mine["A2"], mine["B2"] = "Việc cần làm", "Gọi Sở Y tế", "=COUNTA(Register!A:A)"
    book.save(out)
    (folder / "speech-b.txt").write_text(SPEECH_B, encoding="utf-8")

    result = _extract(str(folder), "-o", str(out), "--all", "--update")
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames[:5] == ["Register", "Summary", "Actors", "Places", "Sentences"]
    assert "Ghi chú" in book.sheetnames
    mine = book["Ghi chú"]
    assert (mine["A2"].value, mine["B2"].value, mine["B2"].data_type) == ("Gọi Sở Y tế", "=COUNTA(Register!A:A)", "f")
    reg = book["Register"]
    note = reg.cell(row=2, column=header.index("review_note") + 1)
    assert (note.value, note.data_type) == ("=1+1", "s")  # kept, as text
    assert isinstance(reg.cell(row=2, column=header.index("sentence_id") + 1).value, int)
    assert isinstance(reg.cell(row=2, column=header.index("area_score") + 1).value, float)
    found = register.load(out)
    assert found.sentences.loc[1, "area_reviewed"] == "economy"
    assert found.sentences.loc[1, "review_note"] == "câu chuyển tiếp"
    assert set(found.sentences["doc_id"]) == {"speech-a", "speech-b"}
    assert set(found.register["doc_id"]) == {"speech-a", "speech-b"}
    assert found.register["sentence_id"].dtype == "Int64"


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
def test_update_keeps_types_in_every_format(tmp_path, suffix):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "speech-a.txt").write_text(SPEECH_A, encoding="utf-8")
    out = tmp_path / f"register{suffix}"
    assert _extract(str(folder), "-o", str(out)).exit_code == 0
    before = register.read(out)
    (folder / "speech-c.txt").write_text(SPEECH_C, encoding="utf-8")
    result = _extract(str(folder), "-o", str(out), "--update")
    assert result.exit_code == 0, result.output
    after = register.read(out)
    assert len(after) > len(before)
    pd.testing.assert_frame_equal(after.iloc[: len(before)].reset_index(drop=True), before)
    assert after["sentence_id"].dtype == "Int64" and after["area_score"].dtype == np.float64
    assert str(after["deadline_year"].dtype) == "Int64"
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        schema = pq.read_schema(out)
        assert str(schema.field("area_score").type) == "double" and str(schema.field("deadline_year").type) == "int64"


def test_update_of_a_glob_after_a_folder_adds_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "inbox" / "2024"
    folder.mkdir(parents=True)
    (folder / "speech-a.txt").write_text(SPEECH_A, encoding="utf-8")
    (folder / "speech-c.txt").write_text(SPEECH_C, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _extract("inbox", "-o", "register.csv").exit_code == 0
    result = CliRunner().invoke(cli, ["extract", "inbox/**/*.txt", "-o", "register.csv", "--update", "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "update: 0 new row(s) added" in result.output


def test_concurrent_updates_lose_no_rows(tmp_path, monkeypatch):
    """Two updates at once: the second waits for the first instead of writing over its rows."""
    import pipeline.register.merge as merge_module
    from pipeline import extract_register

    out = tmp_path / "register.csv"
    docs = []
    for name, text in (("a", SPEECH_A), ("b", SPEECH_B)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"speech-{name}.txt").write_text(text, encoding="utf-8")
        docs.append(folder)
    real_merge = merge_module.merge_update

    def slow_merge(old, new):  # widen the window between reading and writing the register
        time.sleep(1.0)
        return real_merge(old, new)

    monkeypatch.setattr(merge_module, "merge_update", slow_merge)  # extract imports it when it merges
    register.write(register.frame([]), out)  # both runs start from the same (empty) register
    waits, errors = [], []

    def run(folder):
        try:
            extract_register([folder], out, update=True, workers=1, fields=False, waiting=waits.append)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert set(register.read(out)["doc_id"]) == {"speech-a", "speech-b"}
    assert len(waits) == 1 and "another camket run is updating it" in waits[0]


# ---------------------------------------------------------------- refusals


def test_extract_refuses_to_overwrite_analysts_work(inbox, tmp_path):
    out = tmp_path / "register.csv"
    assert _extract(str(inbox), "-o", str(out)).exit_code == 0
    assert _extract(str(inbox), "-o", str(out)).exit_code == 0  # nothing typed in it yet: overwritten
    df = register.read(out)
    df.loc[0, "review_note"] = "đã kiểm tra"
    register.write(df, out)
    edited = out.read_bytes()
    result = _extract(str(inbox), "-o", str(out))
    assert result.exit_code == 3
    assert "holds analysts' work (1 review_note cell(s) filled in Register)" in result.output
    assert "--update" in result.output and "--force" in result.output
    assert out.read_bytes() == edited
    df["ghi_chu"] = "x"  # an added column is work too
    register.write(df.assign(review_note=""), out)
    assert "column(s) added in Register: ghi_chu" in _extract(str(inbox), "-o", str(out)).output
    assert _extract(str(inbox), "-o", str(out), "--force").exit_code == 0
    assert "ghi_chu" not in register.read(out).columns


def test_extract_refuses_to_overwrite_a_workbook_with_an_added_sheet(inbox, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "register.xlsx"
    assert _extract(str(inbox), "-o", str(out)).exit_code == 0
    book = load_workbook(out)
    book.create_sheet("Tổng hợp của tôi")
    book.save(out)
    result = _extract(str(inbox), "-o", str(out))
    assert result.exit_code == 3 and "sheet(s) added: Tổng hợp của tôi" in result.output


def test_update_over_a_corrupt_xlsx_writes_the_new_register_beside_it(inbox, tmp_path):
    out = tmp_path / "register.xlsx"
    out.write_bytes(b"PK\x03\x04 not really a workbook")
    result = _extract(str(inbox), "-o", str(out), "--update")
    assert result.exit_code == 3
    beside = tmp_path / "register.new.xlsx"
    assert f"this run's register was written to {beside}" in result.output
    assert "cannot read as a register" in result.output
    assert out.read_bytes() == b"PK\x03\x04 not really a workbook"
    assert set(register.read(beside)["doc_id"]) == {"speech-a"}


# ---------------------------------------------------------------- review import


def test_review_import_refuses_a_register_as_its_store(inbox, tmp_path):
    reg = tmp_path / "register.csv"
    other = tmp_path / "other.csv"
    assert _extract(str(inbox), "-o", str(reg)).exit_code == 0
    assert _extract(str(inbox), "-o", str(other)).exit_code == 0
    df = register.read(reg)
    df.loc[0, "area_reviewed"] = "2"
    register.write(df, reg)
    before = reg.read_bytes(), other.read_bytes()
    runner = CliRunner()
    same = runner.invoke(cli, ["review", "import", str(reg), "--store", str(reg)])
    assert same.exit_code == 3 and "the store is one of the registers being imported" in same.output
    looks = runner.invoke(cli, ["review", "import", str(reg), "--store", str(other)])
    assert looks.exit_code == 3 and "looks like a register, not a review store" in looks.output
    xlsx = runner.invoke(cli, ["review", "import", str(reg), "--store", str(tmp_path / "store.xlsx")])
    assert xlsx.exit_code == 3 and "is a corpus CSV file" in xlsx.output
    assert (reg.read_bytes(), other.read_bytes()) == before


def test_review_import_reports_formula_cells_and_sentences_no_document_has(inbox, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.chdir(inbox.parent)  # `source` holds the path as given
    out = tmp_path / "register.xlsx"
    assert _extract("inbox", "-o", str(out)).exit_code == 0
    book = load_workbook(out)
    sheet = book["Register"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in header}
    assert sheet.max_row >= 3
    sheet.cell(row=2, column=col["area_reviewed"]).value = "=B2"  # a label typed as a formula
    sheet.cell(row=3, column=col["area_reviewed"]).value = "society"
    sheet.cell(row=3, column=col["review_note"]).value = "=1+1"  # a note typed as a formula
    last = sheet.max_row + 1
    for name, value in (("doc_id", "speech-a"), ("text", "Một câu do người phân tích gõ thêm vào."), ("area_reviewed", "2")):
        sheet.cell(row=last, column=col[name]).value = value  # a row typed in by hand, no sentence number
    edited = last + 1
    for c in range(1, len(header) + 1):
        sheet.cell(row=edited, column=c).value = sheet.cell(row=3, column=c).value
    sheet.cell(row=edited, column=col["text"]).value = "Câu này không có trong văn bản nào cả."
    sheet.cell(row=edited, column=col["review_note"]).value = None
    book.save(out)
    store = tmp_path / "reviews.csv"
    result = CliRunner().invoke(cli, ["review", "import", str(out), "--store", str(store)])
    assert result.exit_code == 1, result.output
    assert f"{out}:2: area_reviewed: typed as a formula (=B2)" in result.output
    assert f"{out}:3: review_note typed as a formula (=1+1); kept as text" in result.output
    assert f"{out}:{last}: no document: doc_id or sentence_id is empty" in result.output, result.output
    assert f"{out}:{edited}: text is not in inbox/speech-a.txt" in result.output
    stored = pd.read_csv(store, dtype=str, keep_default_na=False)
    assert len(stored) == 1 and stored.loc[0, "review_note"] == "=1+1" and stored.loc[0, "area"] == "4"


# ---------------------------------------------------------------- title of a .txt


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Hội nghị tổng kết công tác phòng, chống thiên tai năm 2024", "Hội nghị tổng kết công tác phòng, chống thiên tai năm 2024"),
        ("Thưa các đồng chí!", ""),  # a salutation, not a headline
        ("Sáng nay, tại Hà Nội, hội nghị đã khai mạc với sự tham dự của đông đảo đại biểu các tỉnh.", ""),  # a sentence
        ("tin mới", ""),  # too short, lower case
    ],
)
def test_title_of_a_txt_comes_from_its_headline_line(tmp_path, first_line, title):
    from pipeline.ingest.read import read_document

    path = tmp_path / "speech.txt"
    path.write_text(first_line + "\n" + SPEECH_A, encoding="utf-8")
    assert read_document(path).title == title


def test_review_import_names_a_damaged_store_instead_of_failing(tmp_path):
    store = tmp_path / "reviews.csv"
    store.write_text('doc_id,text,area,commitment,source\nd,"Câu chưa đóng ngoặc kép,1,1,reviewed\n', encoding="utf-8")
    reg = tmp_path / "r.csv"
    register.write(typed_register(), reg)
    result = CliRunner().invoke(cli, ["review", "import", str(reg), "--store", str(store)])
    assert result.exit_code == 3 and "cannot read the review store" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_update_without_all_leaves_an_earlier_sentences_sheet_as_it_was(inbox, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "register.xlsx"
    assert _extract(str(inbox), "-o", str(out), "--all").exit_code == 0
    book = load_workbook(out)
    sheet = book["Sentences"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("review_note") + 1).value = "lời chào, bỏ qua"
    book.save(out)
    result = _extract(str(inbox), "-o", str(out), "--update")
    assert result.exit_code == 0, result.output
    found = register.load(out)
    assert "Sentences" in found.sheets and found.sentences.loc[0, "review_note"] == "lời chào, bỏ qua"
