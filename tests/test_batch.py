"""Batch runs over a folder in every format analysts receive, into every format they use."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.fixtures import speech_paragraphs, to_cp1258, write_docx, write_html, write_pdf


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory, reference_path, reference_text):
    folder = tmp_path_factory.mktemp("inbox")
    paragraphs = speech_paragraphs(reference_text)
    shutil.copy(reference_path, folder / "closing.txt")
    write_docx(paragraphs, folder / "closing-word.docx", title="Phát biểu bế mạc")
    write_pdf(paragraphs, folder / "closing-print.pdf")
    write_html(paragraphs, folder / "closing-page.html", title="Phát biểu kết luận Hội nghị 03 tỉnh")
    (folder / "closing-legacy.txt").write_bytes(to_cp1258(reference_text))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "notes.xyz").write_text("không đọc", encoding="utf-8")
    nested = folder / "2022" / "08"
    nested.mkdir(parents=True)
    shutil.copy(reference_path, nested / "closing.txt")
    return folder


@pytest.fixture(scope="module")
def batch_run(mixed_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "register.csv"
    result = CliRunner().invoke(cli, ["extract", str(mixed_folder), "-o", str(out), "--workers", "2", "--all"])
    return result, out


def test_exit_status_1_and_errors_file(batch_run):
    result, out = batch_run
    assert result.exit_code == 1, result.output
    errors = pd.read_csv(out.with_name("register.errors.csv"), encoding="utf-8-sig")
    problems = dict(zip(errors["source"].str.rsplit("/", n=1).str[-1], errors["problem"]))
    assert set(problems) == {"empty.txt", "photo.txt"}
    assert "empty" in problems["empty.txt"] and "PNG" in problems["photo.txt"]
    assert "notes.xyz: skipped: unsupported file type .xyz" in result.output
    assert "failed: 2" in result.output


def test_every_good_document_yields_the_same_commitments(batch_run):
    _, out = batch_run
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    commitments = df[df["commitment"] == "1"]
    by_doc = {doc: sorted(_norm(t) for t in group["text"]) for doc, group in commitments.groupby("doc_id")}
    assert set(by_doc) == {"closing", "2022-08-closing", "closing-word", "closing-print", "closing-page", "closing-legacy"}
    expected = by_doc["closing"]
    assert len(expected) >= 19
    for doc, texts in by_doc.items():
        assert texts == expected, doc
    areas = {doc: group["area"].tolist() for doc, group in commitments.groupby("doc_id")}
    assert len({tuple(a) for a in areas.values()}) == 1


def test_html_menus_and_counters_are_gone(batch_run):
    _, out = batch_run
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    page = " ".join(df[df["doc_id"] == "closing-page"]["text"])
    for chrome in ("Trang chủ", "Lượt truy cập", "1.983.823", "Tin liên quan", "Khai mạc lễ hội du lịch biển"):
        assert chrome not in page


def test_metadata_columns(batch_run):
    _, out = batch_run
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    txt = df[df["doc_id"] == "closing"].iloc[0]
    assert txt["date"] == "2022-08-07"
    assert txt["speaker"] == "Đỗ Trọng Hưng"
    assert txt["source"].endswith("closing.txt")
    assert df[df["doc_id"] == "closing-word"].iloc[0]["title"] == "Phát biểu bế mạc"


def test_csv_round_trips_every_vietnamese_character(batch_run, reference_text):
    _, out = batch_run
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    letters = {c for c in reference_text if c.isalpha() and not c.isascii()}
    written = {c for t in df["text"] for c in t if c.isalpha() and not c.isascii()}
    assert letters <= written


def test_results_identical_whatever_the_workers(mixed_folder, tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"r{workers}.csv"
        result = CliRunner().invoke(cli, ["extract", str(mixed_folder), "-o", str(out), "-w", workers, "--all", "-q"])
        assert result.exit_code == 1
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_xlsx_sheets_and_formatting(mixed_folder, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "register.xlsx"
    result = CliRunner().invoke(cli, ["extract", str(mixed_folder), "-o", str(out), "--all", "-q"])
    assert result.exit_code == 1
    book = load_workbook(out)
    assert book.sheetnames == ["Register", "Summary", "Actors", "Places", "Sentences"]
    sheet = book["Register"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["doc_id", "sentence_id", "paragraph", "part", "text"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    text_col = header.index("text") + 1
    assert sheet.cell(row=2, column=text_col).alignment.wrap_text
    assert sheet.column_dimensions["E"].width >= 60
    names = {sheet.cell(row=r, column=header.index("area_name") + 1).value for r in range(2, sheet.max_row + 1)}
    assert "Quốc phòng, quân sự địa phương, an ninh, trật tự" in names
    summary = book["Summary"]
    assert [c.value for c in summary[1]][1] == "Không thuộc lĩnh vực ưu tiên"


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_other_formats_round_trip(reference_path, tmp_path, suffix):
    from pipeline import register

    out = tmp_path / f"register{suffix}"
    result = CliRunner().invoke(cli, ["extract", str(reference_path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    df = register.read(out)
    assert len(df) >= 19 and df["text"].str.contains("Quân khu 4").any()


def test_stdin_and_globs(reference_path, reference_text, tmp_path):
    out = tmp_path / "stdin.csv"
    result = CliRunner().invoke(cli, ["extract", "-", "-o", str(out), "-q"], input=reference_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out, encoding="utf-8-sig")["doc_id"].unique().tolist() == ["stdin"]
    out = tmp_path / "glob.csv"
    pattern = str(reference_path.parent / "*.txt")
    result = CliRunner().invoke(cli, ["extract", pattern, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output


def test_large_file_is_skipped_without_reading(reference_path, tmp_path):
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(cli, ["extract", str(reference_path), "-o", str(out), "--max-size", "1k"])
    assert result.exit_code == 3
    assert "too large" in result.output


def test_nothing_processable_is_exit_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 3
    assert "no document could be processed" in result.output


def test_dask_cluster_gives_the_same_register(reference_path, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        out = tmp_path / "dask.csv"
        result = CliRunner().invoke(cli, ["extract", str(reference_path), "-o", str(out), "-q", "--scheduler", cluster.scheduler_address])
        assert result.exit_code == 0, result.output
    local = tmp_path / "local.csv"
    CliRunner().invoke(cli, ["extract", str(reference_path), "-o", str(local), "-q", "-w", "1"])
    assert out.read_bytes() == local.read_bytes()


def test_batched_documents_get_the_same_labels_as_one_at_a_time(reference_path, reference_text, bundled_model):
    from pipeline.ingest.read import document_from_text
    from pipeline.run import process_document, process_documents

    docs = [document_from_text(reference_text, "a"), document_from_text(reference_text.replace("Thanh Hóa", "Thanh Hoá"), "b")]
    together = process_documents(docs, bundled_model)
    alone = [process_document(d, bundled_model) for d in docs]
    assert [p.sentences for p in together] == [p.sentences for p in alone]
