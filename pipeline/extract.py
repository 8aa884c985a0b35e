"""The main job: transcripts in, a commitment register (and its errors file) out.

`extract_register` is what `camket extract` runs: it expands the inputs, runs
the batch, builds the register (commitments, or every sentence), merges it
into an existing one on `update`, writes it and the errors file atomically,
and says how the run went. The command line only parses and prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import register
from pipeline.areas import AREAS
from pipeline.atomic import check_writable
from pipeline.classify.persist import default_model_dir
from pipeline.errors import CamketError
from pipeline.executors import BatchResult, default_workers, run_batch
from pipeline.ingest.inputs import expand_paths
from pipeline.ingest.read import DEFAULT_MAX_SIZE
from pipeline.run import cached_classifier

ERRORS_COLUMNS = ("source", "problem")


@dataclass
class ExtractReport:
    """How a run went: what was processed, what failed, where things were written."""

    output: Path
    errors_path: Path
    result: BatchResult
    commitments: list[dict] = field(default_factory=list)
    added: int | None = None  # rows added by an update; None when nothing was merged

    @property
    def sentences(self) -> int:
        return sum(len(p.sentences) for p in self.result.processed)

    @property
    def status(self) -> str:
        """"ok" (every file processed), "partial" (some failed) or "failed" (none processed)."""
        if not self.result.processed:
            return "failed"
        return "partial" if self.result.failures else "ok"

    def summary(self) -> str:
        result = self.result
        per_area = Counter(r["area"] for r in self.commitments)
        lines = [
            f"documents: {len(result.processed)}   sentences: {self.sentences}"
            f"   commitments: {len(self.commitments)}   failed: {len(result.failures)}   skipped: {len(result.skipped)}",
            "commitments per area: " + ", ".join(f"{a.code} {a.key} {per_area.get(a.code, 0)}" for a in AREAS if a.code),
        ]
        if result.processed:
            lines.append(f"register: {self.output}")
        if result.failures:
            lines.append(f"failures: {self.errors_path}")
        if self.added is not None:
            lines.append(f"update: {self.added} new row(s) added; existing rows kept as they were")
        return "\n".join(lines)


def errors_path_for(output: Path) -> Path:
    """`register.csv` → `register.errors.csv`."""
    return output.with_name(output.stem + ".errors.csv")


def extract_register(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    all_sentences: bool = False,
    model_dir: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
    fields: bool = True,
    update: bool = False,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    debug: bool = False,
) -> ExtractReport:
    """Write the register of the transcripts at `paths` to `output` (format from its extension).

    Raises `CamketError` before any work for a wrong output or an unreadable
    model; files that fail are listed in the errors file, never raised.
    `progress(outcomes, total)` may wrap the stream of finished documents.
    """
    output = Path(output)
    inputs = expand_paths(paths)  # walked once; run_batch reads this list
    if output.resolve() in {f.resolve() for f in inputs.files if str(f) != "-"}:
        raise CamketError(f"{output}: the output is one of the inputs; choose another name")
    if output.suffix.lower() not in register.FORMATS:
        raise CamketError(f"{output}: unknown output format {output.suffix or '(none)'}; use one of: {', '.join(register.FORMATS)}")
    check_writable(output)  # a wrong output folder is one message now, not after the batch's work
    model_dir = Path(model_dir) if model_dir else default_model_dir()
    cached_classifier(str(model_dir))  # a bad model is one clear error before any work; run_batch reuses it
    wrap = (lambda outcomes: progress(outcomes, len(inputs.files))) if progress else None
    result = run_batch(inputs, model_dir=model_dir, workers=workers or default_workers(), scheduler=scheduler,
                       max_size=max_size, fields=fields, progress=wrap, debug=debug)
    everything = [register.row(s, p.document) for p in result.processed for s in p.sentences]
    report = ExtractReport(output, errors_path_for(output), result, [r for r in everything if r.get("commitment") == 1])
    if result.processed:
        _write_register(report, everything, all_sentences=all_sentences, update=update)
    _write_errors(report)
    return report


def _write_register(report: ExtractReport, everything: list[dict], *, all_sentences: bool, update: bool) -> None:
    output = report.output
    xlsx = output.suffix.lower() == ".xlsx"
    sentences_df = register.frame(everything)
    # In .xlsx every sentence goes to a sheet of its own; elsewhere it is the register.
    main = sentences_df if all_sentences and not xlsx else register.frame(report.commitments)
    extra = sentences_df if all_sentences and xlsx else None
    if update and output.exists():
        from pipeline.register.merge import merge_update  # here: its corpus schema (pandera) only for --update

        try:
            main, report.added = merge_update(register.read(output), main)
        except ValueError as exc:
            raise CamketError(f"{output}: {exc}") from None
    register.write(main, output, sentences=extra)


def _write_errors(report: ExtractReport) -> None:
    path = report.errors_path
    if report.result.failures:
        rows = [(f.source, f.problem) for f in report.result.failures]
        register.write(pd.DataFrame(rows, columns=list(ERRORS_COLUMNS)), path)
    elif path.exists():
        path.unlink()  # a stale list from an earlier run would mislead
