"""The `camket` command line: a thin layer over the package.

Each command parses its options, calls one library function and prints. The
package imports sit inside the commands to keep start-up fast: `camket --help`
and a mistyped option never load scikit-learn, spaCy or pandas.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.errors import CamketError


class _Group(click.Group):
    """Turns CamketError into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except CamketError as exc:
            click.echo(f"camket: error: {exc}", err=True)
            ctx.exit(1)


@click.group(name="camket", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="camket")
def cli() -> None:
    """camket: commitment registers from Vietnamese speech transcripts.

    Reads transcripts, splits them into sentences, tags each with a priority
    area (0-6) and a commitment flag, and writes a register you can open in
    Excel or LibreOffice.
    """


model_option = click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Model folder (default: $CAMKET_MODEL or the bundled models/default).",
)


def _size(value: str) -> int:
    units = {"k": 1e3, "m": 1e6, "g": 1e9}
    text = value.strip().lower().removesuffix("b")
    try:
        if text and text[-1] in units:
            return int(float(text[:-1]) * units[text[-1]])
        return int(float(text))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size like 20MB, 500k or 1000000") from None


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Register to write; the extension picks the format: .csv, .xlsx, .parquet or .jsonl.")
@click.option("--all", "all_sentences", is_flag=True, help="Write every sentence, not only commitments (.xlsx: adds a Sentences sheet).")
@model_option
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Documents processed in parallel [default: number of cores].")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run on an existing Dask distributed cluster (needs camket[dask]; the model folder must be readable there).")
@click.option("--max-size", default="20MB", show_default=True, help="Skip files larger than this.")
@click.option("--no-fields", is_flag=True, help="Skip the commitment fields (actor, action, timeframe...): faster.")
@click.option("--update", is_flag=True,
              help="Keep every row of an existing OUTPUT (and all an analyst typed in it); add only new sentences.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(paths: tuple[str, ...], output: Path, all_sentences: bool, model_dir: Path | None, workers: int | None,
            scheduler: str | None, max_size: str, no_fields: bool, update: bool, quiet: bool) -> None:
    """Write the commitment register of the transcripts in PATHS.

    PATHS are files, folders (searched recursively) or glob patterns; "-"
    reads standard input. Supported: .txt, .md, .docx, .pdf (text layer),
    .html/.htm. Files that fail are listed in OUTPUT's .errors.csv; exit status
    is 0 when all succeeded, 2 when some failed, 1 when none could be processed.
    """
    from pipeline.extract import extract_register

    show = not quiet and sys.stderr.isatty()

    def progress(outcomes, total):
        from tqdm import tqdm

        return tqdm(outcomes, total=total, unit="doc", desc="camket", file=sys.stderr, disable=not show)

    report = extract_register(paths, output, all_sentences=all_sentences, model_dir=model_dir, workers=workers,
                              scheduler=scheduler, max_size=_size(max_size), fields=not no_fields, update=update,
                              progress=progress)
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
        sys.exit(2)


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
def train(corpus: tuple[Path, ...], out_dir: Path, cv: int) -> None:
    """Fit the area and commitment models on CORPUS files or folders (default: corpora/)."""
    from pipeline.classify.evaluate import format_report
    from pipeline.classify.train import train as train_model

    meta = train_model(corpus or (Path("corpora"),), out_dir, cv=cv)
    if meta["metrics"]:
        click.echo(format_report(meta["metrics"], title=f"model {out_dir} (cross-validated)"))
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

    metrics, title = evaluate_corpus(corpus or (Path("corpora"),), model_dir=model_dir, cv=cv, group_by=group_by, sources=sources)
    click.echo(format_report(metrics, title=title))


@cli.group()
def review() -> None:
    """The analyst review loop: import corrected registers, suggest what to label next."""


@review.command("import")
@click.argument("registers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(dir_okay=False, path_type=Path), default=Path("corpora/reviewed/reviews.csv"),
              show_default=True, help="Where reviewed sentences are kept (a corpus file `camket train` reads).")
def review_import(registers: tuple[Path, ...], store: Path) -> None:
    """Add every reviewed row of REGISTERS (.csv as Excel saves it, or .xlsx) to the corpus.

    A row is reviewed when area_reviewed or commitment_reviewed is filled; areas
    may be codes, keys or Vietnamese names. Re-importing changes nothing; a
    sentence reviewed again with other labels takes the later review.
    """
    from pipeline.review.imports import import_reviews

    report = import_reviews(registers, store)
    for note in report.notes:
        click.echo(f"camket: {note}", err=True)
    for problem in report.problems:
        click.echo(f"camket: {problem}", err=True)
    click.echo(report.summary() + f" -> {store}", err=True)
    if report.problems:
        sys.exit(2)


@review.command("suggest")
@click.argument("paths", nargs=-1, required=True)
@click.option("-n", "count", type=click.IntRange(min=1), default=50, show_default=True, help="How many sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Register of the suggested sentences (.csv or .xlsx), with empty review columns to fill.")
@model_option
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=Path("corpora"), show_default=True,
              help="Labeled sentences to leave out (already known).")
def review_suggest(paths: tuple[str, ...], count: int, output: Path, model_dir: Path | None, corpus_dir: Path) -> None:
    """The sentences of PATHS whose labels would teach the model most.

    Least confident first, spread across areas and documents.
    """
    from pipeline import register
    from pipeline.review.suggest import suggest_from_transcripts

    chosen, failures = suggest_from_transcripts(paths, count, model_dir=model_dir, corpus_dir=corpus_dir)
    for failure in failures:
        click.echo(f"camket: {failure.source}: {failure.problem}", err=True)
    register.write(register.frame([register.row(s, doc) for s, doc in chosen]), output)
    click.echo(f"{len(chosen)} sentence(s) to review -> {output}", err=True)


@cli.command("fields-eval")
@click.argument("table", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(["both", "fields", "end-to-end"]), default="both", show_default=True,
              help="fields: the fields stage alone, every row a commitment. end-to-end: the classifier first, "
                   "only rows it marks as commitments get fields. both: one table each.")
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
        what = "every row a commitment" if m == "fields" else f"{sum(chosen)} of {len(rows)} rows marked commitments by the classifier"
        click.echo(format_both(score(rows, predicted, "exact"), score(rows, predicted, "overlap"),
                               title=f"{m}: {table} ({what}; list fields per item)",
                               reachable=ceiling(rows, chosen) if m == "end-to-end" else None))
        click.echo()


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--against", type=click.Choice(["word-tokenize", "workers"]), default="word-tokenize", show_default=True,
              help="word-tokenize: the whole extract pipeline vs underthesea word_tokenize alone, one process. "
                   "workers: documents/s, sentences/s and peak memory for 1 and N workers over a generated folder.")
@click.option("--workers", "-w", "worker_counts", type=click.IntRange(min=1), multiple=True,
              help="Worker counts to compare with --against workers [default: 1 and the number of cores].")
@click.option("--repeats", type=click.IntRange(min=1), default=3, show_default=True,
              help="Runs of each configuration, taken in turns; medians are reported.")
@model_option
def benchmark(paths: tuple[Path, ...], against: str, worker_counts: tuple[int, ...], repeats: int, model_dir: Path | None) -> None:
    """Print speed figures (never a pass/fail test).

    PATHS default to corpora/transcripts and corpora/written (CSV corpora become
    one document per doc_id).
    """
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


def main() -> None:
    cli(prog_name="camket")


if __name__ == "__main__":
    main()
