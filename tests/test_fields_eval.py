"""`camket fields-eval`: the realdev CSV format and the JSON-lines table, exact and overlap
matches, the fields stage alone and end to end (sentences written for this test)."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from pipeline.fields.evaluate import ceiling, overlaps, predict, read_table, score
from pipeline.records import Fields

HEADER = ["id", "text", "actor", "issuer", "partners", "timeframe", "references", "places"]
ROWS = [
    ["a1", "Chủ tịch UBND tỉnh Yên Bái yêu cầu Sở Y tế và các huyện rà soát trạm y tế trước ngày 15/9.",
     "Sở Y tế | các huyện", "Chủ tịch UBND tỉnh Yên Bái", "", "trước ngày 15/9", "", "Yên Bái"],
    ["a2", "Xin trân trọng cảm ơn quý vị đại biểu đã về dự hội nghị hôm nay.", "", "", "", "", "", ""],
]  # fmt: skip


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "fields.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *ROWS])
    return path


def test_reads_the_csv_format(table):
    rows = read_table(table)
    assert rows[0]["actor"] == ["Sở Y tế", "các huyện"] and rows[0]["issuer"] == ["Chủ tịch UBND tỉnh Yên Bái"]
    assert rows[0]["timeframe"] == "trước ngày 15/9" and rows[1]["places"] == []
    assert "id" not in rows[0]  # only the fields and the text


def test_exact_and_overlap():
    expected = [{"text": "x", "actor": ["Sở Y tế tỉnh Yên Bái"], "timeframe": "trước ngày 15/9"}]
    got = [Fields(actor=("Sở Y tế",), timeframe="ngày 15/9")]
    exact, lenient = score(expected, got, "exact"), score(expected, got, "overlap")
    assert (exact["actor"]["tp"], lenient["actor"]["tp"]) == (0, 1)
    assert (exact["timeframe"]["tp"], lenient["timeframe"]["tp"]) == (0, 1)
    assert set(exact) == {"actor", "timeframe"}  # only the fields the table gives


def test_overlap_is_not_any_shared_word():
    assert overlaps("Sở Y tế", "Sở Y tế thành phố")
    assert not overlaps("Sở Y tế", "Sở Tài chính")
    assert not overlaps("Quảng Nam", "Quảng Ngãi")


def test_a_gold_item_is_matched_once():
    expected = [{"text": "x", "places": ["Hà Nội"]}]
    report = score(expected, [Fields(places=("Hà Nội", "Hà Nội"))], "overlap")
    assert (report["places"]["tp"], report["places"]["precision"]) == (1, 0.5)


def test_modes(table):
    rows = read_table(table)
    every, all_rows = predict(rows, "fields")
    chosen, kept = predict(rows, "end-to-end")
    assert all_rows == [True, True] and kept == [True, False]  # the classifier leaves the thanks out
    assert chosen[1] == Fields() and chosen[0] == every[0]
    assert ceiling(rows, [False, True])["actor"] == 0.0 and ceiling(rows, kept)["actor"] == 1.0
    assert every[0].issuer == ("Chủ tịch UBND tỉnh Yên Bái",) and every[0].actor == ("Sở Y tế", "các huyện")


def test_command_prints_both_modes(table):
    from pipeline.cli import cli

    out = CliRunner().invoke(cli, ["fields-eval", str(table)])
    assert out.exit_code == 0, out.output
    assert "fields:" in out.output and "end-to-end:" in out.output and "1 of 2 rows" in out.output
    issuer = next(line for line in out.output.splitlines() if line.startswith("issuer"))
    assert issuer.split()[1:5] == ["1.000", "1.000", "1.000", "1.000"]


def test_command_on_the_json_table_and_a_bad_file(tmp_path):
    from pipeline.cli import cli

    out = CliRunner().invoke(cli, ["fields-eval", "--mode", "fields"])
    assert out.exit_code == 0 and "fields_table.jsonl" in out.output and "end-to-end" not in out.output
    bad = tmp_path / "bad.csv"
    bad.write_text("id,sentence\n1,x\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["fields-eval", str(bad)])
    assert out.exit_code == 3 and "no 'text' column" in out.output
