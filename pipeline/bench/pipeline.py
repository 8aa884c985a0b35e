"""Speed benchmarks, run from the command line (`camket benchmark`); never from tests.

`bench_pipeline_vs_word_tokenize` answers one question: is the whole extract
pipeline (read, segment, classify, fields, write) at least as fast as
underthesea's `word_tokenize` alone on the same sentences? It can be, because
only commitment sentences reach the spaCy/underthesea field stage.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

# The checkout's sample and corpus, wherever camket runs from.
_ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (_ROOT / "corpora" / "transcripts", _ROOT / "corpora" / "written")


def written_documents(csv_paths: Iterable[Path], out_dir: Path) -> list[Path]:
    """Rebuild one text file per doc_id from corpus CSVs (one sentence per paragraph)."""
    from pipeline.ingest.read import slug

    files = []
    for csv_path in sorted(csv_paths):
        frame = pd.read_csv(csv_path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        for doc_id, group in frame.groupby("doc_id", sort=False):
            path = out_dir / f"{slug(csv_path.stem)}-{slug(str(doc_id))}.txt"
            path.write_text("\n\n".join(group["text"]), encoding="utf-8")
            files.append(path)
    return files


def _inputs(paths: Iterable[Path], work: Path) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        items = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        files += [f for f in items if f.suffix.lower() != ".csv"]
        files += written_documents([f for f in items if f.suffix.lower() == ".csv"], work)
    return files


def bench_pipeline_vs_word_tokenize(
    paths: Iterable[str | Path] = BUNDLED, *, model_dir: str | Path | None = None, repeats: int = 3
) -> dict[str, Any]:
    """Time, in one process and on the same sentences, word_tokenize alone vs the whole pipeline.

    `paths`: transcript files or folders; CSV corpus files in them are turned
    into one document per doc_id. Model loading and the first underthesea /
    spaCy call are done before timing, for both sides. The two runs alternate
    `repeats` times and the medians are compared, since a shared machine's
    speed drifts between runs.
    """
    from underthesea import word_tokenize

    from pipeline.fields.extract import default_nlp
    from pipeline.ingest.read import read_document
    from pipeline.classify.persist import load_model
    from pipeline.text.segment import sentences as segment

    classifier = load_model(Path(model_dir) if model_dir else None)
    with tempfile.TemporaryDirectory(prefix="camket-bench-") as tmp:
        work = Path(tmp)
        files = _inputs(paths, work)
        texts = [s.text for f in files for s in segment(read_document(f, f.stem))]
        word_tokenize("Khởi động mô hình."), default_nlp()("Khởi động mô hình.")  # warm-up, untimed
        tokenize_runs, pipeline_runs = [], []
        for _ in range(max(1, repeats)):
            started = time.perf_counter()
            for text in texts:
                word_tokenize(text)
            tokenize_runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            n_sentences, n_commitments = _run_pipeline(files, classifier, work / "register.csv")
            pipeline_runs.append(time.perf_counter() - started)

    tokenize_seconds, pipeline_seconds = statistics.median(tokenize_runs), statistics.median(pipeline_runs)
    return {
        "documents": len(files),
        "sentences": n_sentences,
        "commitments": n_commitments,
        "repeats": len(tokenize_runs),
        "word_tokenize_seconds": round(tokenize_seconds, 3),
        "pipeline_seconds": round(pipeline_seconds, 3),
        "word_tokenize_sentences_per_second": round(len(texts) / tokenize_seconds, 1),
        "pipeline_sentences_per_second": round(n_sentences / pipeline_seconds, 1),
        "ratio": round((n_sentences / pipeline_seconds) / (len(texts) / tokenize_seconds), 2),
        "ratios": [round(t / p, 2) for t, p in zip(tokenize_runs, pipeline_runs)],
    }


def _run_pipeline(files: list[Path], classifier: Any, out: Path) -> tuple[int, int]:
    """Read, segment, classify, extract fields, write: as `camket extract` does in one process."""
    from pipeline import register
    from pipeline.ingest.read import read_document
    from pipeline.run import CHUNK, process_documents

    rows, n_sentences, n_commitments = [], 0, 0
    for i in range(0, len(files), CHUNK):
        docs = [read_document(f, f.stem) for f in files[i : i + CHUNK]]
        for processed in process_documents(docs, classifier):
            for s in processed.sentences:
                n_sentences += 1
                if s.labels is not None and s.labels.commitment == 1:
                    n_commitments += 1
                    rows.append(register.row(s, processed.document))
    register.write(register.frame(rows), out)
    return n_sentences, n_commitments


def format_bench(result: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"{result['documents']} documents, {result['sentences']} sentences, {result['commitments']} commitments",
            f"underthesea word_tokenize alone : {result['word_tokenize_sentences_per_second']:>8} sentences/s"
            f" ({result['word_tokenize_seconds']} s)",
            f"whole extract pipeline          : {result['pipeline_sentences_per_second']:>8} sentences/s"
            f" ({result['pipeline_seconds']} s)",
            f"ratio pipeline / word_tokenize  : {result['ratio']}"
            f"  (medians of {result['repeats']} alternating runs; each run: {', '.join(map(str, result['ratios']))})",
        ]
    )
