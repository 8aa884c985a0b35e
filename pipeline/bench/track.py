"""`camket track add` against `camket extract` on the same documents
(`camket benchmark --against track`).

Both commands run as they would from a shell, each in a fresh process, on one folder of
documents (default 500: one per written corpus document and the bundled transcripts, then
copies under other names until the count is reached, so the tracker also has repeats to
link). Runs are taken in turns and the medians compared; the figure of interest is the
ratio track add / extract (the issue asks for under 2).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from pipeline.bench.timing import wall_seconds
from pipeline.bench.workers import make_folder


def make_documents(out_dir: Path, count: int = 500) -> int:
    """`count` transcripts in `out_dir`: the workers benchmark's folder, topped up with copies."""
    source = out_dir / "originals"
    make_folder(source)
    originals = sorted(source.glob("*.txt"))
    if not originals:
        raise RuntimeError("no corpus documents found (run from the repository root)")
    target = out_dir / "documents"
    target.mkdir()
    for n in range(count):
        f = originals[n % len(originals)]
        name = f.name if n < len(originals) else f"{f.stem}-copy{n // len(originals)}{f.suffix}"
        shutil.copyfile(f, target / name)
    shutil.rmtree(source)
    return count


# Status 1: some documents failed; the run's time still counts.
_FINISHED = (0, 1)


def bench_track(*, documents: int = 500, workers: int | None = None, repeats: int = 1,
                model_dir: str | None = None) -> dict[str, Any]:
    """Seconds of `camket extract` and of `camket track add` (a new database) on the same folder."""
    from pipeline.executors import default_workers

    workers = workers or default_workers()
    common = ["-w", str(workers), "-q"] + (["--model", model_dir] if model_dir else [])
    times: dict[str, list[float]] = {"extract": [], "track add": []}
    with tempfile.TemporaryDirectory(prefix="camket-track-bench-") as tmp:
        work = Path(tmp)
        make_documents(work, documents)
        folder = str(work / "documents")
        for n in range(max(1, repeats)):
            out = work / f"register{n}.csv"
            db = work / f"tracker{n}.db"
            camket = [sys.executable, "-m", "pipeline"]
            times["extract"].append(wall_seconds([*camket, "extract", folder, "-o", str(out), *common], allowed=_FINISHED))
            times["track add"].append(wall_seconds([*camket, "track", "add", str(db), folder, *common], allowed=_FINISHED))
        import sqlite3

        conn = sqlite3.connect(work / "tracker0.db")
        counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "sentences", "commitments", "links")}
        conn.close()
    medians = {k: statistics.median(v) for k, v in times.items()}
    return {"documents": documents, "workers": workers, "runs": times, "medians": medians,
            "ratio": medians["track add"] / medians["extract"], "database": counts}


def format_track(result: dict[str, Any]) -> str:
    m = result["medians"]
    db = result["database"]
    return "\n".join([
        f"{result['documents']} documents, {result['workers']} worker(s), median of {len(result['runs']['extract'])} run(s) each, in turns",
        f"camket extract    {m['extract']:8.1f} s   (runs: {', '.join(f'{s:.1f}' for s in result['runs']['extract'])})",
        f"camket track add  {m['track add']:8.1f} s   (runs: {', '.join(f'{s:.1f}' for s in result['runs']['track add'])})",
        f"ratio track add / extract: {result['ratio']:.2f}x",
        f"tracker: {db['documents']} documents, {db['sentences']} sentences, {db['commitments']} commitments, {db['links']} links",
    ])
