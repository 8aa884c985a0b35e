"""The `camket` command line: a thin layer over the package.

Each command parses its options, calls one library function and prints. The
package imports sit inside the commands to keep start-up fast: `camket --help`
and a mistyped option never load scikit-learn, spaCy or pandas.
"""

from __future__ import annotations

import signal
import sys
import traceback
from pathlib import Path

import click

from pipeline.errors import CamketError


# Exit status, the same for every command (README, "Limits and exit codes").
EXIT_OK = 0  # everything succeeded
EXIT_SOME_FAILED = 1  # some inputs failed (named on standard error and in the errors file)
EXIT_USAGE = 2  # the command line was wrong (click's convention)
EXIT_FAILED = 3  # nothing could be processed, or an internal error
EXIT_STATUS_HELP = (
    "Exit status: 0 success; 1 some inputs failed (listed in the errors file); "
    "2 usage error; 3 nothing could be processed, or an internal error."
)


class _Terminated(SystemExit):
    """SIGTERM, raised as an exception so that temporary files are removed and workers stopped."""


def _on_sigterm(signum, frame):  # noqa: ANN001
    raise _Terminated(128 + signum)


class _Group(click.Group):
    """Every error a command raises becomes one line on standard error and an exit status."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except CamketError as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"camket: error: {exc}", err=True)
            ctx.exit(EXIT_FAILED)
        except KeyboardInterrupt:
            click.echo("camket: interrupted", err=True)
            ctx.exit(130)
        except OSError as exc:
            if debug:
                traceback.print_exc()
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"camket: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(EXIT_FAILED)
        except Exception as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"camket: internal error: {type(exc).__name__}: {exc} (run `camket --debug ...` for the traceback)", err=True)
            ctx.exit(EXIT_FAILED)


@click.group(name="camket", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_STATUS_HELP)
@click.version_option(package_name="camket")
@click.option("--debug", is_flag=True, envvar="CAMKET_DEBUG",
              help="Show tracebacks: of an error that stops the command, and in each failed file's row.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """camket: commitment registers from Vietnamese speech transcripts.

    Reads transcripts, splits them into sentences, tags each with a priority
    area (0-6) and a commitment flag, and writes a register you can open in
    Excel or LibreOffice.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


model_option = click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Model folder (default: $CAMKET_MODEL or the bundled models/default).",
)


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from pipeline.ingest.limits import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _scheduler(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A Dask scheduler address: tcp://HOST:PORT (or tls://, ws://, wss://, inproc://), or HOST:PORT."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    text = value.strip()
    url = urlsplit(text if "://" in text else f"tcp://{text}")
    try:
        port = url.port
    except ValueError:
        port = None
    if url.scheme == "inproc":  # Dask's in-process clusters: inproc://HOST/PID/N
        ok = bool(url.netloc)
    else:
        ok = url.scheme in ("tcp", "tls", "ws", "wss", "ucx") and bool(url.hostname) and port is not None \
            and url.path in ("", "/") and not url.query
    if not ok or any(c.isspace() for c in text):
        raise click.BadParameter(f"{value!r} is not a scheduler address like tcp://10.0.0.5:8786")
    return text


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Register to write; the extension picks the format: .csv, .xlsx, .parquet or .jsonl.")
@click.option("--all", "all_sentences", is_flag=True, help="Write every sentence, not only commitments (.xlsx: adds a Sentences sheet).")
@model_option
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Documents processed in parallel [default: number of cores].")
@click.option("--scheduler", metavar="ADDRESS", default=None, callback=_scheduler,
              help="Run on an existing Dask distributed cluster (needs camket[dask]; the model folder must be readable there).")
@click.option("--max-size", default="20MB", show_default=True, callback=_size,
              help="Skip files larger than this, or whose content expands beyond it (a .docx, a PDF's text); "
                   "MB = 1,000,000 bytes, MiB = 1,048,576.")
@click.option("--no-fields", is_flag=True, help="Skip the commitment fields (actor, action, timeframe...): faster; the "
              "commitment decision is then the classifier's alone, without the reported orders the fields stage finds.")
@click.option("--update", is_flag=True,
              help="Keep every row of an existing OUTPUT (and all an analyst typed in it); add only new sentences.")
@click.option("--force", is_flag=True,
              help="Overwrite an existing OUTPUT even when analysts have typed in it (without this, camket refuses).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], output: Path, all_sentences: bool, model_dir: Path | None,
            workers: int | None, scheduler: str | None, max_size: int, no_fields: bool, update: bool, force: bool,
            quiet: bool) -> None:
    """Write the commitment register of the transcripts in PATHS.

    PATHS are files, folders (searched recursively) or glob patterns; "-"
    reads standard input. Supported: .txt, .md, .docx, .pdf (text layer),
    .html/.htm. Files that fail are listed in OUTPUT's .errors.csv. Exit status:
    0 all succeeded, 1 some failed, 2 usage error, 3 none could be processed.
    An existing OUTPUT that analysts typed in is never overwritten without
    --update (add to it) or --force.
    """
    from pipeline.extract import extract_register

    show = not quiet and sys.stderr.isatty()

    def progress(outcomes, total):
        from tqdm import tqdm

        return tqdm(outcomes, total=total, unit="doc", desc="camket", file=sys.stderr, disable=not show)

    report = extract_register(paths, output, all_sentences=all_sentences, model_dir=model_dir, workers=workers,
                              scheduler=scheduler, max_size=max_size, fields=not no_fields, update=update,
                              force=force, progress=progress, debug=ctx.obj.get("debug", False),
                              waiting=lambda message: click.echo(f"camket: {message}", err=True))
    if not quiet:
        for skipped in report.result.skipped:
            click.echo(f"camket: {skipped.source}: {skipped.problem}", err=True)
    for failure in report.result.failures:
        click.echo(f"camket: {failure.source}: {failure.problem}", err=True)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.status == "failed":
        raise CamketError("no document could be processed" + (f"; see {report.errors_path}" if report.result.failures else ""))
    if report.status == "partial":
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@click.argument("input_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text-column", default="text", show_default=True, help="Column holding the sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="CSV to write.")
@model_option
def classify(input_csv: Path, text_column: str, output: Path, model_dir: Path | None) -> None:
    """Add area and commitment columns to every row of a CSV of sentences."""
    from pipeline.label_table import classify_csv

    n = classify_csv(input_csv, output, text_column=text_column, model_dir=model_dir)
    click.echo(f"{n} row(s) classified -> {output}", err=True)


@cli.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True, help="Model folder to write.")
@click.option("--cv", type=int, default=5, show_default=True, help="Folds of document-grouped cross-validation for the metrics in meta.json (0: skip).")
@click.option("--dev", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Labelled real sentences held out from training (repeatable): scored, never fitted; reported in meta.json and the model card.")
def train(corpus: tuple[Path, ...], out_dir: Path, cv: int, dev: tuple[Path, ...]) -> None:
    """Fit the area and commitment models on CORPUS files or folders (default: corpora/)."""
    from pipeline.classify.evaluate import format_report
    from pipeline.classify.train import train as train_model

    from pipeline.locations import default_corpus

    meta = train_model(corpus or (default_corpus(),), out_dir, cv=cv, dev=dev)
    if meta["metrics"]:
        click.echo(format_report(meta["metrics"], title=f"model {out_dir} (cross-validated)"))
    for name, metrics in meta["dev"].items():
        click.echo(format_report(metrics, title=f"model {out_dir} on the held-out dev set {name}"))
    click.echo(f"trained on {meta['corpus']['sentences']} sentences in {meta['fit_seconds']} s -> {out_dir}", err=True)


@cli.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=Path))
@model_option
@click.option("--cv", type=int, default=0, help="Run K-fold cross-validation grouped by doc_id instead of scoring a saved model.")
@click.option("--group-by", type=click.Choice(["doc_id", "batch"]), default="doc_id", show_default=True,
              help="With --cv: keep each document, or each batch of documents (doc_id prefix), inside one fold.")
@click.option("--source", "sources", multiple=True, type=click.Choice(["written", "reference", "reviewed"]), help="Score only sentences from this source (repeatable).")
def evaluate(corpus: tuple[Path, ...], model_dir: Path | None, cv: int, group_by: str, sources: tuple[str, ...]) -> None:
    """Per-area precision, recall, F1, macro-F1, confusion matrix and commitment F1."""
    from pipeline.classify.evaluate import evaluate_corpus, format_report

    from pipeline.locations import default_corpus

    metrics, title = evaluate_corpus(corpus or (default_corpus(),), model_dir=model_dir, cv=cv, group_by=group_by, sources=sources)
    click.echo(format_report(metrics, title=title))


@cli.command("corpus-stats")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def corpus_stats(paths: tuple[Path, ...]) -> None:
    """How labelled sentences are shaped, one column per PATH (a CSV or a folder of them).

    Length distribution, news framing, names and cited documents, openings,
    commitments among sentences with "đã", "sẽ", "cho biết", "Thủ tướng",
    exact and near duplicates. Compare the corpus with real text:
    camket corpus-stats corpora/written ../shared/realdev/sentences.csv
    """
    from pipeline.classify.stats import corpus_stats as stats

    click.echo(stats(paths))


@cli.group()
def review() -> None:
    """The analyst review loop: import corrected registers, suggest what to label next."""


@review.command("import")
@click.argument("registers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where reviewed sentences are kept (a corpus file `camket train` reads) "
                   "[default: corpora/reviewed/reviews.csv of the camket repository].")
def review_import(registers: tuple[Path, ...], store: Path | None) -> None:
    """Add every reviewed row of REGISTERS (.csv as Excel saves it, or .xlsx) to the corpus.

    A row is reviewed when area_reviewed or commitment_reviewed is filled; areas
    may be codes, keys or Vietnamese names. Re-importing changes nothing; a
    sentence reviewed again with other labels takes the later review.
    """
    from pipeline.review.imports import import_reviews

    from pipeline.locations import default_review_store

    store = store or default_review_store()
    report = import_reviews(registers, store)
    for note in report.notes:
        click.echo(f"camket: {note}", err=True)
    for problem in report.problems:
        click.echo(f"camket: {problem}", err=True)
    click.echo(report.summary() + f" -> {store}", err=True)
    if report.problems:
        sys.exit(EXIT_SOME_FAILED)


@review.command("suggest")
@click.argument("paths", nargs=-1, required=True)
@click.option("-n", "count", type=click.IntRange(min=1), default=50, show_default=True, help="How many sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Register of the suggested sentences (.csv or .xlsx), with empty review columns to fill.")
@model_option
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=None,
              help="Labeled sentences to leave out (already known) [default: corpora/ of the camket repository].")
def review_suggest(paths: tuple[str, ...], count: int, output: Path, model_dir: Path | None, corpus_dir: Path | None) -> None:
    """The sentences of PATHS whose labels would teach the model most.

    Least confident first, spread across areas and documents.
    """
    from pipeline import register
    from pipeline.review.suggest import suggestions

    from pipeline.locations import checkout_root

    if corpus_dir is None:  # outside the repository there is no labeled corpus to leave out
        root = checkout_root()
        corpus_dir = root / "corpora" if root else None
    found = suggestions(paths, count, model_dir=model_dir, corpus_dir=corpus_dir)
    for failure in found.failures:
        click.echo(f"camket: {failure.source}: {failure.problem}", err=True)
    register.write(register.frame([register.row(s, doc) for s, doc in found.chosen]), output)
    reason = found.why_none()
    click.echo(f"{len(found.chosen)} sentence(s) to review -> {output}" + (f": {reason}" if reason else ""), err=True)


@cli.command("fields-eval")
@click.argument("table", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(["both", "fields", "end-to-end"]), default="both", show_default=True,
              help="fields: the fields stage alone, every row a commitment. end-to-end: as in a register, the "
                   "classifier, then the fields stage (which also marks reported orders the classifier missed); "
                   "only rows marked as commitments get fields. both: one table each.")
@model_option
def fields_eval(table: Path | None, mode: str, model_dir: Path | None) -> None:
    """Precision and recall of each commitment field on TABLE, exact and overlap match.

    TABLE: JSON lines with the field names as keys (default: tests/data/fields_table.jsonl),
    or a CSV with a text column and one column per field, list items joined by " | ".
    """
    from pipeline.fields.evaluate import ceiling, default_table, format_both, predict, read_table, score

    table = table or default_table()
    rows = read_table(table)
    for m in ("fields", "end-to-end") if mode == "both" else (mode,):
        predicted, chosen = predict(rows, m, model_dir=model_dir)
        what = "every row a commitment" if m == "fields" else f"{sum(chosen)} of {len(rows)} rows marked commitments by the classifier and the reported-order rule"
        click.echo(format_both(score(rows, predicted, "exact"), score(rows, predicted, "overlap"),
                               title=f"{m}: {table} ({what}; list fields per item)",
                               reachable=ceiling(rows, chosen) if m == "end-to-end" else None))
        click.echo()


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--against", type=click.Choice(["word-tokenize", "workers", "track"]), default="word-tokenize", show_default=True,
              help="word-tokenize: the whole extract pipeline vs underthesea word_tokenize alone, one process. "
                   "workers: documents/s, sentences/s and peak memory for 1 and N workers over a generated folder. "
                   "track: camket track add vs camket extract on the same documents (--documents, default 500).")
@click.option("--documents", type=click.IntRange(min=1), default=500, show_default=True,
              help="With --against track: how many documents.")
@click.option("--workers", "-w", "worker_counts", type=click.IntRange(min=1), multiple=True,
              help="Worker counts to compare with --against workers [default: 1 and the number of cores].")
@click.option("--repeats", type=click.IntRange(min=1), default=None,
              help="Runs of each configuration, taken in turns; medians are reported [default: 3; 5 with --latency].")
@click.option("--latency", is_flag=True,
              help="Time one speech through `camket extract` (fresh processes): import, model load and processing, "
                   "beside the bare import of spacy, sklearn, pandas and underthesea. PATHS: one transcript "
                   "[default: the bundled sample].")
@model_option
def benchmark(paths: tuple[Path, ...], against: str, documents: int, worker_counts: tuple[int, ...], repeats: int | None,
              latency: bool,
              model_dir: Path | None) -> None:
    """Print speed figures (never a pass/fail test).

    PATHS default to corpora/transcripts and corpora/written (CSV corpora become
    one document per doc_id).
    """
    if latency:
        from pipeline.bench.latency import bench_latency, format_latency
        from pipeline.bench.pipeline import BUNDLED

        speech = paths[0] if paths else sorted(BUNDLED[0].glob("*.txt"))[0]
        click.echo(format_latency(bench_latency(speech, model_dir=model_dir, repeats=repeats or 5)))
        return
    repeats = repeats or 3
    if against == "track":
        from pipeline.bench.track import bench_track, format_track

        result = bench_track(documents=documents, workers=worker_counts[0] if worker_counts else None, repeats=repeats,
                             model_dir=str(model_dir) if model_dir else None)
        click.echo(format_track(result))
        return
    if against == "workers":
        from pipeline.bench.workers import bench_workers, format_rows
        from pipeline.executors import default_workers

        counts = worker_counts or tuple(sorted({1, default_workers()}))
        folder = str(paths[0]) if paths else None
        rows = bench_workers(counts, model_dir=str(model_dir) if model_dir else None, folder=folder, repeats=repeats)
        click.echo(format_rows(rows))
        return
    from pipeline.bench.pipeline import BUNDLED, bench_pipeline_vs_word_tokenize, format_bench

    result = bench_pipeline_vs_word_tokenize(paths or BUNDLED, model_dir=model_dir, repeats=repeats)
    click.echo(format_bench(result))


@cli.group()
def track() -> None:
    """Track commitments across conferences in one SQLite database (needs camket[track])."""


def _db_and_inputs(args: tuple[str, ...]) -> tuple[Path, tuple[str, ...]]:
    """`DB INPUT...`, where DB may be left out when it would be the default commitments.db."""
    from pipeline.track import DEFAULT_DB

    if args and Path(args[0]).suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        return Path(args[0]), args[1:]
    return Path(DEFAULT_DB), args


@track.command("add")
@click.argument("args", nargs=-1, required=True, metavar="[DB] INPUT...")
@model_option
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Documents processed in parallel [default: number of cores].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def track_add(args: tuple[str, ...], model_dir: Path | None, workers: int | None, quiet: bool) -> None:
    """Add transcripts or registers to the tracker DB (default commitments.db; created when new).

    INPUT: transcripts, folders and globs (run through the pipeline), or registers
    (.csv, .xlsx, .parquet, .jsonl) with their review columns. Adding the same document
    again changes nothing; a changed one replaces its rows and keeps analysts' edits.
    Links, statuses and threads are recomputed.
    """
    from pipeline.executors import default_workers
    from pipeline.track.add import add_to_tracker

    db, inputs = _db_and_inputs(args)
    if not inputs:
        raise click.UsageError("name at least one INPUT after the database")
    show = not quiet and sys.stderr.isatty()

    def progress(outcomes):
        from tqdm import tqdm

        return tqdm(outcomes, unit="doc", desc="camket", file=sys.stderr, disable=not show)

    report = add_to_tracker(db, inputs, model_dir=model_dir, workers=workers or default_workers(), progress=progress)
    for problem in [*(() if quiet else report.skipped), *report.failures]:
        click.echo(f"camket: {problem.source}: {problem.problem}", err=True)
    for note in report.notes:
        click.echo(f"camket: {note}", err=True)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.status == "failed":
        raise CamketError("no document could be added")
    if report.status == "partial":
        sys.exit(EXIT_SOME_FAILED)


@track.command("report")
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path), default="commitments.db")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("tracker.xlsx"),
              show_default=True, help="Workbook to write (.xlsx).")
def track_report(db: Path, output: Path) -> None:
    """Write the tracker workbook: one row per commitment thread, then each document's register."""
    from pipeline.track.report import write_report

    threads, documents = write_report(db, output)
    click.echo(f"{threads} thread(s), {documents} document(s) -> {output}", err=True)


@track.command("status")
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("commitment_id")
@click.argument("status")
@click.option("--note", default="", help="Why (kept with the status).")
def track_status(db: Path, commitment_id: str, status: str, note: str) -> None:
    """Set an analyst's STATUS for a commitment (open, repeated, reported, overdue, done, dropped,
    or the Vietnamese name; "" clears it). It overrides the computed status and survives re-adding."""
    from pipeline.track.add import set_status

    row = set_status(db, commitment_id, status, note)
    click.echo(f"{row['id']}: status {row['status']} (computed: {row['status_computed']})", err=True)


@track.command("serve")
@click.argument("db", type=click.Path(dir_okay=False, path_type=Path), default="commitments.db")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", type=int, default=8001, show_default=True, help="Port to listen on.")
def track_serve(db: Path, host: str, port: int) -> None:
    """Browse the tracker in Datasette: threads, facets, full-text search, Vietnamese labels."""
    from pipeline.track.serve import serve

    click.echo(f"camket: serving {db} at http://{host}:{port}/{db.stem}/chuoi_cam_ket (Ctrl+C stops)", err=True)
    serve(db, host=host, port=port)


@track.command("eval")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@model_option
def track_eval(folder: Path | None, model_dir: Path | None) -> None:
    """Linking precision and recall on FOLDER's transcripts and gold_links.csv (default: tests/data/track)."""
    from pipeline.track.evaluate import DEFAULT_COLLECTION, evaluate_collection, format_evaluation

    folder = folder or DEFAULT_COLLECTION
    shown = folder.resolve().relative_to(Path.cwd()) if folder.resolve().is_relative_to(Path.cwd()) else folder
    click.echo(format_evaluation(evaluate_collection(folder, model_dir=model_dir), title=f"links on {shown}"))


def main() -> None:
    # SIGTERM unwinds like Ctrl-C: temporary outputs are removed and worker processes stopped.
    signal.signal(signal.SIGTERM, _on_sigterm)
    cli(prog_name="camket")


if __name__ == "__main__":
    main()
