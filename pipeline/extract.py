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
from pipeline.register.lock import register_lock
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
    force: bool = False,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    waiting: Callable[[str], None] | None = None,
    debug: bool = False,
) -> ExtractReport:
    """Write the register of the transcripts at `paths` to `output` (format from its extension).

    Raises `CamketError` before any work for a wrong output, an unreadable
    model, or an existing `output` holding analysts' work when neither
    `update` (add to it) nor `force` (overwrite it) is given; files that fail
    are listed in the errors file, never raised. `progress(outcomes, total)`
    may wrap the stream of finished documents; `waiting(message)` is told when
    an update waits for another run's lock on `output`.
    """
    output = Path(output)
    inputs = expand_paths(paths)  # walked once; run_batch reads this list
    if output.resolve() in {f.resolve() for f in inputs.files if str(f) != "-"}:
        raise CamketError(f"{output}: the output is one of the inputs; choose another name")
    if output.suffix.lower() not in register.FORMATS:
        raise CamketError(f"{output}: unknown output format {output.suffix or '(none)'}; use one of: {', '.join(register.FORMATS)}")
    check_writable(output)  # a wrong output folder is one message now, not after the batch's work
    if not update and not force:
        refuse_to_overwrite_work(output)
    model_dir = Path(model_dir) if model_dir else default_model_dir()
    cached_classifier(str(model_dir))  # a bad model is one clear error before any work; run_batch reuses it
    wrap = (lambda outcomes: progress(outcomes, len(inputs.files))) if progress else None
    result = run_batch(inputs, model_dir=model_dir, workers=workers or default_workers(), scheduler=scheduler,
                       max_size=max_size, fields=fields, progress=wrap, debug=debug)
    everything = [register.row(s, p.document) for p in result.processed for s in p.sentences]
    report = ExtractReport(output, errors_path_for(output), result, [r for r in everything if r.get("commitment") == 1])
    try:
        if result.processed:
            _write_register(report, everything, all_sentences=all_sentences, update=update, waiting=waiting)
    finally:
        _write_errors(report)
    return report


def refuse_to_overwrite_work(output: Path) -> None:
    """Raise unless `output` is absent or a register exactly as camket wrote it (nothing typed in it)."""
    if not output.exists():
        return
    try:
        found = register.load(output)
    except CamketError as exc:
        raise CamketError(f"{output} exists and is not a register camket can read ({exc}); "
                          "use --force to overwrite it, or choose another -o") from None
    work = found.analyst_work()
    if work:
        raise CamketError(f"{output} holds analysts' work ({'; '.join(work)}); "
                          "use --update to add to it, --force to overwrite it, or choose another -o")


def beside(output: Path) -> Path:
    """A free name next to `output` for a register that cannot go into it: `register.new.xlsx`, `register.new-2.xlsx` …"""
    candidate = output.with_name(f"{output.stem}.new{output.suffix}")
    n = 2
    while candidate.exists():
        candidate = output.with_name(f"{output.stem}.new-{n}{output.suffix}")
        n += 1
    return candidate


def _write_register(report: ExtractReport, everything: list[dict], *, all_sentences: bool, update: bool,
                    waiting: Callable[[str], None] | None = None) -> None:
    output = report.output
    xlsx = output.suffix.lower() == ".xlsx"
    sentences_df = register.frame(everything)
    # In .xlsx every sentence goes to a sheet of its own; elsewhere it is the register.
    main = sentences_df if all_sentences and not xlsx else register.frame(report.commitments)
    extra = sentences_df if all_sentences and xlsx else None
    if not update:
        register.write(main, output, sentences=extra)
        return
    # Here, not at the top: merging reads the corpus module and pandera, which only --update needs.
    from pipeline.register.merge import merge_update

    # Read, merge and write under one lock: a second --update waits instead of losing this run's rows.
    with register_lock(output, waiting=waiting):
        if not output.exists():
            register.write(main, output, sentences=extra)
            return
        try:
            old = register.load(output)
            merged, added = merge_update(old.register, main)
            if extra is not None and old.sentences is not None:
                extra, _ = merge_update(old.sentences, extra)
        except (CamketError, ValueError) as exc:
            # The batch's work is not lost with the old register unreadable: it goes beside it.
            elsewhere = beside(output)
            register.write(main, elsewhere, sentences=extra)
            report.output = elsewhere
            raise CamketError(f"{exc}\n{output} was left as it was; this run's register was written to {elsewhere}. "
                              f"Repair {output.name} (or move it away) and run --update again.") from None
        register.write(merged, output, sentences=extra, keep_sheets_from=output if xlsx else None)
        report.added = added


def _write_errors(report: ExtractReport) -> None:
    path = report.errors_path
    if report.result.failures:
        rows = [(f.source, f.problem) for f in report.result.failures]
        register.write(pd.DataFrame(rows, columns=list(ERRORS_COLUMNS)), path)
    elif path.exists():
        path.unlink()  # a stale list from an earlier run would mislead
