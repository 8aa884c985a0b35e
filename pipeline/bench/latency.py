"""Latency of one speech (`camket benchmark --latency`): how long `camket extract` takes on
one transcript, beside the bare import of the libraries it stands on.

Every run is a fresh Python process, as a user's command is; the configurations
run in turns (bare, extract, breakdown, bare, …) so drift on a shared machine
hits them alike, and medians are reported. Three measurements:

- bare: `import spacy, sklearn, pandas, underthesea` in a fresh interpreter
  (process wall time);
- extract: `python -m pipeline extract SPEECH -o OUT.csv -q -w 1` (process wall time);
- breakdown: inside one more fresh process, the time to import the package,
  to load the model and the field pipeline, and to process the speech.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pipeline.bench.timing import wall_seconds

BARE = "import spacy, sklearn, pandas, underthesea"

_BREAKDOWN = """
import json, sys, time
t0 = time.perf_counter()
from pipeline.cli import cli  # what `camket` imports first
from pipeline.extract import extract_register
from pipeline.run import cached_classifier
t1 = time.perf_counter()
from pipeline.classify.persist import default_model_dir
model = sys.argv[3] or str(default_model_dir())
cached_classifier(model)
t2 = time.perf_counter()
extract_register([sys.argv[1]], sys.argv[2], model_dir=model, workers=1)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "model": t2 - t1, "process": t3 - t2}))
"""


def bench_latency(speech: str | Path, *, model_dir: str | Path | None = None, repeats: int = 5) -> dict[str, Any]:
    """Medians (seconds) of `repeats` runs of each measurement, taken in turns."""
    runs: dict[str, list[float]] = {"bare": [], "extract": [], "import": [], "model": [], "process": []}
    with tempfile.TemporaryDirectory(prefix="camket-latency-") as tmp:
        out = str(Path(tmp) / "register.csv")
        extract = [sys.executable, "-m", "pipeline", "extract", str(speech), "-o", out, "-q", "-w", "1"]
        if model_dir:
            extract += ["--model", str(model_dir)]
        for _ in range(repeats):
            runs["bare"].append(wall_seconds([sys.executable, "-c", BARE]))
            runs["extract"].append(wall_seconds(extract))
            done = subprocess.run([sys.executable, "-c", _BREAKDOWN, str(speech), out, str(model_dir or "")],
                                  check=True, capture_output=True, text=True)
            for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
                runs[key].append(value)
    medians = {key: statistics.median(values) for key, values in runs.items()}
    return {"speech": str(speech), "repeats": repeats, "median": medians, "runs": runs,
            "ratio": medians["extract"] / medians["bare"]}


def format_latency(result: dict[str, Any]) -> str:
    m = result["median"]
    return "\n".join([
        f"one speech: {result['speech']} (median of {result['repeats']} fresh processes each, in turns)",
        f"{'bare import (' + BARE.removeprefix('import ') + ')':<58}{m['bare']:>7.2f} s",
        f"{'camket extract, whole process':<58}{m['extract']:>7.2f} s",
        f"{'  import the package':<58}{m['import']:>7.2f} s",
        f"{'  load the model':<58}{m['model']:>7.2f} s",
        f"{'  read, segment, classify, fields, write':<58}{m['process']:>7.2f} s",
        f"extract / bare import: {result['ratio']:.2f}x",
    ])  # fmt: skip
