"""Batch throughput and memory, 1 worker against N (`camket benchmark --against workers`).

Each configuration runs in a fresh Python process, so its peak memory is its
own. Inside it, the model and the spaCy pipeline are loaded before the clock
starts (worker processes fork from it and inherit them), then one batch runs
over a generated folder of transcripts. underthesea's `word_tokenize` over the
same sentences, single process, is the baseline beside them.
"""

from __future__ import annotations

import json
import statistics
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The checkout's corpus, wherever camket runs from (benchmarks need the repository).
_ROOT = Path(__file__).resolve().parents[2]
CORPUS = _ROOT / "corpora" / "written"
TRANSCRIPTS = _ROOT / "corpora" / "transcripts"


def make_folder(out_dir: Path, corpus: Path = CORPUS, transcripts: Path = TRANSCRIPTS) -> int:
    """One transcript per written document (plus the bundled ones); returns how many."""
    from pipeline.bench.pipeline import written_documents

    out_dir.mkdir(parents=True, exist_ok=True)
    files = written_documents(sorted(corpus.glob("*.csv")), out_dir)
    for f in sorted(transcripts.glob("*.txt")):
        (out_dir / f.name).write_bytes(f.read_bytes())
        files.append(out_dir / f.name)
    return len(files)


def _peak_mb() -> dict[str, float]:
    import resource

    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux, bytes on macOS
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return {"peak_mb_main": round(own, 1), "peak_mb_largest_worker": round(children, 1)}


def run_one(folder: str, workers: int, model_dir: str | None) -> dict[str, Any]:
    """Time one batch in this process (called in a fresh interpreter)."""
    from pipeline.fields.extract import default_nlp
    from pipeline.executors import run_batch
    from pipeline.run import cached_classifier

    cached_classifier(model_dir)
    default_nlp()("Khởi động.")
    started = time.perf_counter()
    result = run_batch([folder], model_dir=model_dir, workers=workers)
    seconds = time.perf_counter() - started
    sentences = sum(len(p.sentences) for p in result.processed)
    return {
        "workers": workers,
        "documents": len(result.processed),
        "sentences": sentences,
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(result.processed) / seconds, 1),
        "sentences_per_second": round(sentences / seconds, 1),
        **_peak_mb(),
    }


def run_baseline(folder: str) -> dict[str, Any]:
    """underthesea word_tokenize alone over every sentence of the folder, one process."""
    from underthesea import word_tokenize

    from pipeline.ingest.read import read_document
    from pipeline.text.segment import sentences

    files = sorted(Path(folder).rglob("*.txt"))
    texts = [s.text for f in files for s in sentences(read_document(f))]
    word_tokenize("Khởi động.")
    started = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    seconds = time.perf_counter() - started
    return {
        "workers": "word_tokenize",
        "documents": len(files),
        "sentences": len(texts),
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(files) / seconds, 1),
        "sentences_per_second": round(len(texts) / seconds, 1),
        **_peak_mb(),
    }


def _in_fresh_process(call: str) -> dict[str, Any]:
    code = f"import json, pipeline.bench.workers as b; print(json.dumps({call}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "benchmark process failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_workers(
    workers: Sequence[int] = (1, 2), *, model_dir: str | None = None, folder: str | None = None, repeats: int = 3
) -> list[dict[str, Any]]:
    """One row per configuration: the median of `repeats` runs, taken in turns
    (baseline, 1 worker, N workers, baseline, …) so drift on a shared machine
    hits every configuration alike."""
    with tempfile.TemporaryDirectory(prefix="camket-batch-") as tmp:
        if folder is None:
            folder = str(Path(tmp) / "transcripts")
            make_folder(Path(folder))
        calls = [f"b.run_baseline({folder!r})"] + [f"b.run_one({folder!r}, {int(n)}, {model_dir!r})" for n in workers]
        runs: list[list[dict[str, Any]]] = [[] for _ in calls]
        for _ in range(max(1, repeats)):
            for i, call in enumerate(calls):
                runs[i].append(_in_fresh_process(call))
    return [_median_row(r) for r in runs]


def _median_row(runs: list[dict[str, Any]]) -> dict[str, Any]:
    row = dict(runs[0])
    seconds = statistics.median(r["seconds"] for r in runs)
    row.update(
        seconds=round(seconds, 2),
        documents_per_second=round(row["documents"] / seconds, 1),
        sentences_per_second=round(row["sentences"] / seconds, 1),
        peak_mb_main=max(r["peak_mb_main"] for r in runs),
        peak_mb_largest_worker=max(r["peak_mb_largest_worker"] for r in runs),
        repeats=len(runs),
        all_seconds=[r["seconds"] for r in runs],
    )
    return row


def format_rows(rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{'run':<16}{'docs':>6}{'sentences':>11}{'seconds':>9}{'docs/s':>9}{'sent/s':>9}{'peak MB':>9}{'worker MB':>11}"
    ]
    for r in rows:
        name = "word_tokenize" if r["workers"] == "word_tokenize" else f"workers={r['workers']}"
        lines.append(
            f"{name:<16}{r['documents']:>6}{r['sentences']:>11}{r['seconds']:>9}{r['documents_per_second']:>9}"
            f"{r['sentences_per_second']:>9}{r['peak_mb_main']:>9}{r['peak_mb_largest_worker']:>11}"
        )
    runs = [r for r in rows if r["workers"] != "word_tokenize"]
    single = next((r for r in runs if r["workers"] == 1), None)
    if single and len(runs) > 1:
        lines.append(
            "speed-up over 1 worker: "
            + ", ".join(
                f"{r['workers']} workers {r['documents_per_second'] / single['documents_per_second']:.2f}x"
                for r in runs
                if r is not single
            )
        )
    if rows and "repeats" in rows[0]:
        lines.append(
            f"(medians of {rows[0]['repeats']} runs taken in turns; seconds per run: "
            + "; ".join(f"{r['workers']}: {', '.join(map(str, r['all_seconds']))}" for r in rows)
            + ")"
        )
    lines.append(f"(cores available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()})")
    return "\n".join(lines)
