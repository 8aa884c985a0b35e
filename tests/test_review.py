"""The analyst review loop, played whole: extract, edit in a spreadsheet, import, retrain, update."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline import register
from pipeline.cli import cli

NEW_TRANSCRIPT = """Thưa các đồng chí!
Năm 2023, toàn tỉnh đã hoàn thành 95% kế hoạch giải ngân vốn đầu tư công.
Thời gian tới, đề nghị các sở, ngành tập trung tháo gỡ khó khăn cho các dự án giao thông trọng điểm.
Công an tỉnh chủ trì, phối hợp với Bộ đội Biên phòng tỉnh đấu tranh, ngăn chặn buôn lậu qua biên giới.
Xin trân trọng cảm ơn!
"""

# (text start, area as the analyst writes it, commitment as written, expected area, expected commitment)
# fmt: off
XLSX_EDITS = [
    ("Tạo điều kiện thuận lợi cho người lao động", "Hợp tác, liên kết phát triển kinh tế", "", 2, 1),
    ("Duy trì và tăng cường công tác trao đổi thông tin", "Văn hoá, giáo dục - đào tạo, y tế, nguồn nhân lực", "có", 4, 1),
]
CSV_EDITS = [
    ("Thường xuyên trao đổi thông tin về tình hình địa bàn", "party_building", "", 6, 1),
    ("Phối hợp, chia sẻ kinh nghiệm trong triển khai chính quyền số", "2", "0", 2, 0),
]
# fmt: on


def edit_xlsx(path, edits):
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Register"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in ("text", "area_reviewed", "commitment_reviewed", "review_note")}
    done = 0
    for row in range(2, sheet.max_row + 1):
        text = sheet.cell(row=row, column=col["text"]).value or ""
        for start, area, commitment, _, _ in edits:
            if text.startswith(start):
                sheet.cell(row=row, column=col["area_reviewed"]).value = area
                sheet.cell(row=row, column=col["commitment_reviewed"]).value = commitment or None
                sheet.cell(row=row, column=col["review_note"]).value = "sửa nhãn"
                done += 1
    book.save(path)
    assert done == len(edits)


def edit_csv_like_excel(path, edits):
    """Excel on Vietnamese Windows: 'CSV (Comma delimited)' in code page 1258, here with ';' and CRLF."""
    from tests.fixtures import to_cp1258

    df = register.read(path)
    for start, area, commitment, _, _ in edits:
        mask = df["text"].str.startswith(start)
        assert mask.sum() == 1, start
        df.loc[mask, "area_reviewed"] = area
        df.loc[mask, "commitment_reviewed"] = commitment
    text = df.to_csv(index=False, sep=";", lineterminator="\r\n")
    path.write_bytes(to_cp1258(text))


@pytest.fixture(scope="module")
def loop(tmp_path_factory, reference_path, root):
    base = tmp_path_factory.mktemp("loop")
    inbox = base / "inbox"
    inbox.mkdir()
    shutil.copy(reference_path, inbox / "closing.txt")
    runner = CliRunner()
    xlsx, csv = base / "register.xlsx", base / "register.csv"
    for out in (xlsx, csv):
        result = runner.invoke(cli, ["extract", str(inbox), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
    edit_xlsx(xlsx, XLSX_EDITS)
    edit_csv_like_excel(csv, CSV_EDITS)
    store = base / "corpora" / "reviewed" / "reviews.csv"
    first = runner.invoke(cli, ["review", "import", str(xlsx), str(csv), "--store", str(store)])
    return {"base": base, "inbox": inbox, "xlsx": xlsx, "csv": csv, "store": store, "import": first, "runner": runner}


def test_import_adds_reviewed_rows_with_provenance(loop):
    assert loop["import"].exit_code == 0, loop["import"].output
    assert "4 added" in loop["import"].output
    store = pd.read_csv(loop["store"], dtype=str, keep_default_na=False)
    assert len(store) == 4
    assert set(store["source"]) == {"reviewed"}
    assert set(store["review_file"]) == {"register.xlsx", "register.csv"}
    assert store["reviewed_at"].str.match(r"\d{4}-\d{2}-\d{2}").all()
    assert set(store["doc_id"]) == {"closing"}
    for start, _, _, area, commitment in XLSX_EDITS + CSV_EDITS:
        row = store[store["text"].str.startswith(start)].iloc[0]
        assert (int(row["area"]), int(row["commitment"])) == (area, commitment)


def test_reimport_changes_nothing(loop):
    before = loop["store"].read_bytes()
    result = loop["runner"].invoke(cli, ["review", "import", str(loop["xlsx"]), str(loop["csv"]), "--store", str(loop["store"])])
    assert result.exit_code == 0
    assert "0 added, 0 changed, 4 unchanged" in result.output
    assert loop["store"].read_bytes() == before


def test_retrained_model_gets_the_corrections_right(loop, root, tmp_path_factory):
    model = tmp_path_factory.mktemp("model") / "m"
    # The reference speech (whose sentences the analysts corrected) and two written batches:
    # enough for the corrections to compete with written labels, a fraction of the full fit.
    corpus = [str(root / "corpora" / "reference.csv")] + [str(root / "corpora" / "written" / f) for f in ("h1.csv", "h2.csv")]
    result = loop["runner"].invoke(cli, ["train", *corpus, str(loop["store"]), "-o", str(model), "--cv", "0"])
    assert result.exit_code == 0, result.output
    from pipeline.classify.persist import load_model

    store = pd.read_csv(loop["store"], dtype=str, keep_default_na=False)
    labels = load_model(model).label(store["text"].tolist())
    for text, lab, area, commitment in zip(store["text"], labels, store["area"], store["commitment"]):
        assert (lab.area, lab.commitment) == (int(area), int(commitment)), text
    result = loop["runner"].invoke(cli, ["evaluate", *corpus, str(loop["store"]), "--model", str(model), "--source", "reviewed"])
    assert result.exit_code == 0, result.output
    assert "sentences: 4" in result.output


def test_update_keeps_every_edit_and_adds_new_documents(loop):
    (loop["inbox"] / "new-speech.txt").write_text(NEW_TRANSCRIPT, encoding="utf-8")
    for path in (loop["xlsx"], loop["csv"]):
        before = register.read(path)
        result = loop["runner"].invoke(cli, ["extract", str(loop["inbox"]), "-o", str(path), "--update", "-q"])
        assert result.exit_code == 0, result.output
        after = register.read(path)
        # every earlier row, with what the analyst typed, is still there, unchanged and first
        pd.testing.assert_frame_equal(after.iloc[: len(before)][before.columns].reset_index(drop=True), before)
        new = after.iloc[len(before):]
        assert set(new["doc_id"]) == {"new-speech"}
        assert new["text"].str.contains("buôn lậu").any()
        reviewed = after[after["area_reviewed"] != ""]
        assert len(reviewed) == 2


def test_update_on_unchanged_inputs_adds_nothing(loop):
    path = loop["csv"]
    result = loop["runner"].invoke(cli, ["extract", str(loop["inbox"]), "-o", str(path), "--update"])
    assert result.exit_code == 0
    assert "update: 0 new row(s) added" in result.output


def test_conflicting_reviews_later_wins_and_is_reported(tmp_path):
    store = tmp_path / "reviews.csv"
    text = "Tăng cường phối hợp phòng, chống dịch bệnh giữa các tỉnh."
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path, area in ((first, "1"), (second, "4")):
        pd.DataFrame([{"doc_id": "d", "sentence_id": 1, "text": text, "area": 1, "commitment": 1,
                       "area_reviewed": area, "commitment_reviewed": "", "review_note": ""}]).to_csv(path, index=False)
    result = CliRunner().invoke(cli, ["review", "import", str(first), str(second), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "reviewed again with other labels" in result.output and "later review wins" in result.output
    stored = pd.read_csv(store, dtype=str)
    assert stored[["area", "review_file"]].values.tolist() == [["4", "b.csv"]]


def test_unknown_labels_are_reported_with_file_and_row(tmp_path):
    bad = tmp_path / "bad.csv"
    pd.DataFrame([
        {"doc_id": "d", "text": "Câu một.", "area": 0, "commitment": 0, "area_reviewed": "kinh tế biển", "commitment_reviewed": ""},
        {"doc_id": "d", "text": "Câu hai.", "area": 0, "commitment": 0, "area_reviewed": "", "commitment_reviewed": "có lẽ"},
        {"doc_id": "d", "text": "Câu ba.", "area": 0, "commitment": 0, "area_reviewed": "", "commitment_reviewed": ""},
    ]).to_csv(bad, index=False)
    result = CliRunner().invoke(cli, ["review", "import", str(bad), "--store", str(tmp_path / "s.csv")])
    assert result.exit_code == 1
    assert "bad.csv:2: area_reviewed" in result.output
    assert "bad.csv:3: commitment_reviewed" in result.output
    assert "1 row(s) not reviewed" in result.output


def test_suggest_spreads_across_areas_and_documents(tmp_path, reference_path):
    out = tmp_path / "to_review.csv"
    result = CliRunner().invoke(cli, ["review", "suggest", str(reference_path), "-n", "8", "-o", str(out), "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert len(df) == 8
    assert df["area"].nunique() >= 3
    doubt = [max(1 - (r.area_score - r.area_alt_score), 1 - 2 * abs(r.commitment_score - 0.5)) for r in df.itertuples()]
    assert doubt == sorted(doubt, reverse=True)  # least confident first
    assert df["doc_id"].nunique() == 1 and len(set(df["text"])) == 8


def test_suggest_skips_known_sentences(tmp_path, reference_path, root):
    out = tmp_path / "to_review.csv"
    result = CliRunner().invoke(cli, ["review", "suggest", str(reference_path), "-n", "5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    # every sentence of the reference speech is in the corpus already, and the message says so and what to do
    assert "0 sentence(s) to review" in result.output
    assert "is already labeled in" in result.output and "corpora" in result.output and "give new transcripts" in result.output
