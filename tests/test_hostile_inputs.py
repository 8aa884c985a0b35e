"""Hostile inputs and situations (issue 13): each is a clear one-line message or a failure
row naming the file, never a traceback, a hang or a lost batch. Every hostile input is
generated here, never committed.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.errors import CamketError, InputError

SPEECH = "Kính thưa các đồng chí!\nĐề nghị các sở, ngành khẩn trương triển khai kế hoạch phát triển du lịch trong năm 2024.\n"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _one_line_error(result) -> str:
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("camket: error") or line.startswith("Error")]
    assert lines, result.output
    return lines[-1]


# ------------------------------------------------------------ only regular files
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    from pipeline.ingest.read import read_document

    fifo = tmp_path / "speech.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(InputError, match="not a regular file .*FIFO"):
        read_document(fifo)
    assert time.perf_counter() - started < 5


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SPEECH, encoding="utf-8")
    result = _run("extract", "/dev/zero", str(good), "-o", str(tmp_path / "r.csv"), "-q", "-w", "1")
    assert result.exit_code == 1, result.output
    assert "/dev/zero: not a regular file (a character device)" in result.output
    assert (tmp_path / "r.errors.csv").exists()


# ---------------------------------------------------------- one guard per document
def test_a_sentence_over_the_limit_fails_its_document_only(tmp_path):
    (tmp_path / "a-good.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b-huge.txt").write_text("Đề nghị " + "phát " * 300_000 + "triển.\n", encoding="utf-8")
    result = _run("extract", str(tmp_path), "-o", str(tmp_path / "out" / "r.csv"), "-q", "-w", "1", "--max-size", "50MB")
    assert result.exit_code == 1, result.output
    assert "b-huge.txt: sentence 1 is 1,500,014 characters long (limit 20,000)" in result.output
    assert "Traceback" not in result.output
    assert "a-good" in (tmp_path / "out" / "r.csv").read_text(encoding="utf-8-sig")


def test_any_exception_in_a_document_is_a_failure_row(tmp_path, monkeypatch):
    import pipeline.run as run
    from pipeline.executors import run_batch

    real = run.segment

    def broken(doc):
        if "poison" in doc.text:
            raise RuntimeError("segmenter exploded")
        return real(doc)

    monkeypatch.setattr(run, "segment", broken)
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPEECH.replace("du lịch", "du lịch poison"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(SPEECH, encoding="utf-8")
    result = run_batch([tmp_path], workers=1, fields=False)
    assert [p.document.doc_id for p in result.processed] == ["a", "c"]
    (failure,) = result.failures
    assert failure.source.endswith("b.txt")
    assert failure.problem == "internal error while processing this file (RuntimeError: segmenter exploded)"
    debug = run_batch([tmp_path / "b.txt"], workers=1, fields=False, debug=True)
    assert "Traceback" in debug.failures[0].problem and "segmenter exploded" in debug.failures[0].problem


# ------------------------------------------------------------------ size limits
def _docx_bytes(body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


def test_a_docx_of_millions_of_empty_paragraphs_is_refused_quickly(tmp_path):
    from pipeline.ingest.read import read_document

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_bytes(b'<w:document xmlns:w="w"><w:body>' + b"<w:p/>" * 3_500_000 + b"</w:body></w:document>"))
    assert bomb.stat().st_size < 200_000  # small on disk
    started = time.perf_counter()
    with pytest.raises(InputError, match="more than 200,000 paragraphs"):
        read_document(bomb, max_size=100_000_000)
    assert time.perf_counter() - started < 30


def test_a_docx_is_measured_after_decompression(tmp_path):
    from pipeline.ingest.read import read_document

    bomb = tmp_path / "zeros.docx"
    bomb.write_bytes(_docx_bytes(b"<w:document>" + b" " * 3_000_000 + b"</w:document>"))
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(InputError, match=r"expands to 3.0 MB of XML \(> 1.0 MB\)"):
        read_document(bomb, max_size=1_000_000)


def test_max_size_means_the_same_in_cli_and_library():
    from pipeline.ingest.limits import DEFAULT_MAX_SIZE, parse_size
    from pipeline.ingest.read import read_document

    assert parse_size("20MB") == DEFAULT_MAX_SIZE == 20_000_000
    assert parse_size("20MiB") == 20 * 1024 * 1024
    assert read_document.__kwdefaults__["max_size"] == parse_size("20MB")


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "20XB", "", "1e400"])
def test_bad_max_size_is_a_usage_error(tmp_path, value):
    result = _run("extract", str(tmp_path), "-o", str(tmp_path / "r.csv"), "--max-size", value)
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "--max-size" in result.output


def test_aes_encrypted_pdf_with_empty_user_password_opens(tmp_path):
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    from pipeline.ingest.read import read_document
    from tests.fixtures import _font

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(_font()))
    pdf.set_font("DejaVu", size=12)
    pdf.set_encryption(owner_password="secret", user_password="", encryption_method=EncryptionMethod.AES_128)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Đề nghị các sở, ngành khẩn trương triển khai kế hoạch.")
    path = tmp_path / "aes.pdf"
    pdf.output(str(path))
    assert b"/AESV2" in path.read_bytes()
    doc = read_document(path)
    assert "khẩn trương triển khai" in doc.text


# ------------------------------------------------- outputs and options: one line
def test_output_under_a_file_is_one_line(tmp_path):
    (tmp_path / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "afile").write_text("x")
    result = _run("extract", str(tmp_path / "speech.txt"), "-o", str(tmp_path / "afile" / "r.csv"), "-q")
    assert result.exit_code == 3
    assert "cannot write the output (a file is in the way of its folder)" in _one_line_error(result)


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_output_in_proc_is_one_line(tmp_path):
    (tmp_path / "speech.txt").write_text(SPEECH, encoding="utf-8")
    result = _run("extract", str(tmp_path / "speech.txt"), "-o", "/proc/r.csv", "-q")
    assert result.exit_code == 3
    assert "/proc/r.csv: cannot write the output" in _one_line_error(result)


def test_a_full_disk_while_writing_is_one_line_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    import errno

    from pipeline import atomic

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(CamketError, match="r.csv: cannot write the output .No space left on device."):
        atomic.atomic_write_text(tmp_path / "r.csv", "a,b\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    from pipeline.ingest.inputs import expand_paths

    def denied(self, pattern):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rglob", denied)
    inputs = expand_paths([tmp_path])
    assert inputs.found == []
    assert inputs.skipped[0].problem == "cannot list this folder (Permission denied)"


@pytest.mark.parametrize("address", ["not a url", "http://x:1", "tcp://", "tcp://host", "tcp://h:99999"])
def test_bad_scheduler_is_a_usage_error(tmp_path, address):
    result = _run("extract", str(tmp_path), "-o", str(tmp_path / "r.csv"), "--scheduler", address)
    assert result.exit_code == 2, result.output
    assert "scheduler address" in result.output and "Traceback" not in result.output


def _object_array():
    import numpy as np

    array = np.empty(1, dtype=object)
    array[0] = {"parts": "anything"}
    return array


@pytest.mark.parametrize(
    "payload",
    [
        b"PK\x03\x04 not really a zip",
        {"coef": [1.0, 2.0]},
        {"header": b'{"format": "camket-linear", "version": 1', "area.coef": [[1.0]]},
        {"header": b"[1, 2, 3]"},
        "object array",
    ],
)
def test_crafted_model_files_are_refused_in_one_line(tmp_path, payload):
    import numpy as np

    model = tmp_path / "m"
    model.mkdir()
    if isinstance(payload, bytes):
        (model / "model.npz").write_bytes(payload)
    elif payload == "object array":
        np.savez(model / "model.npz", header=_object_array())
    else:
        np.savez(model / "model.npz", **{k: np.frombuffer(v, dtype=np.uint8) if isinstance(v, bytes) else np.asarray(v)
                                         for k, v in payload.items()})
    (tmp_path / "speech.txt").write_text(SPEECH, encoding="utf-8")
    result = _run("extract", str(tmp_path / "speech.txt"), "-o", str(tmp_path / "r.csv"), "--model", str(model), "-q")
    assert result.exit_code == 3
    assert "camket model" in _one_line_error(result)


@pytest.mark.parametrize("meta", ["{garbled", "[1, 2]", '{"params": 5}', "\xff\xfe".encode("latin-1").decode("latin-1")])
def test_garbled_or_wrong_shaped_meta_in_evaluate(tmp_path, meta, root):
    model = tmp_path / "m"
    model.mkdir()
    (model / "meta.json").write_bytes(meta.encode("latin-1") if meta.startswith("\xff") else meta.encode())
    corpus = root / "corpora" / "written" / "h1.csv"
    result = _run("evaluate", str(corpus), "--model", str(model), "--cv", "2")
    assert result.exit_code == 3, result.output
    assert "meta.json" in _one_line_error(result)


# ------------------------------------------------------------------ exit status
def test_exit_statuses_are_distinct(tmp_path):
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(SPEECH, encoding="utf-8")
    empty.write_bytes(b"")
    out = str(tmp_path / "r.csv")
    assert _run("extract", str(good), "-o", out, "-q", "-w", "1").exit_code == 0
    assert _run("extract", str(good), str(empty), "-o", out, "-q", "-w", "1").exit_code == 1
    assert _run("extract", str(good), "-o", out, "--no-such-option").exit_code == 2
    assert _run("extract", str(empty), "-o", out, "-q").exit_code == 3
    assert "Exit status: 0 success; 1 some inputs failed" in " ".join(_run("--help").output.split())


def test_an_unexpected_error_is_one_line_with_status_3_and_a_traceback_with_debug(tmp_path, monkeypatch):
    import pipeline.extract

    def boom(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline.extract, "run_batch", boom)
    (tmp_path / "s.txt").write_text(SPEECH, encoding="utf-8")
    result = _run("extract", str(tmp_path / "s.txt"), "-o", str(tmp_path / "r.csv"), "-q")
    assert result.exit_code == 3
    assert "camket: internal error: ZeroDivisionError: boom" in result.output and "Traceback" not in result.output
    result = _run("--debug", "extract", str(tmp_path / "s.txt"), "-o", str(tmp_path / "r.csv"), "-q")
    assert result.exit_code == 3 and "Traceback" in result.output


# ------------------------------------------------------------- signals, leftovers
def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found |= {int(c) for c in text}
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_sigterm_to_the_main_process_leaves_no_worker_and_no_temporary_file(tmp_path, reference_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"s{i:02}.txt").write_text(reference_path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out / "r.xlsx"), "-w", "2", "-q"],
                            cwd=Path(__file__).parent.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.2)
    assert workers, "no worker started"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and "zombie" not in _state(w) for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]
    assert not alive, alive
    assert not [p for p in out.glob(".*") if p.suffix == ".tmp"] if out.exists() else True


def _state(pid: int) -> str:
    try:
        return next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State:"))
    except (OSError, StopIteration):
        return "zombie"


def test_sigterm_while_an_output_is_written_leaves_no_temporary_file(tmp_path):
    code = (
        "import os, signal, sys\n"
        "from pipeline.cli import _on_sigterm\n"
        "from pipeline.atomic import atomic_write\n"
        "signal.signal(signal.SIGTERM, _on_sigterm)\n"
        "def write(handle):\n"
        "    handle.write(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    handle.write(b'never')\n"
        f"atomic_write({str(tmp_path / 'r.xlsx')!r}, write)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent, capture_output=True, timeout=60)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert list(tmp_path.iterdir()) == []
