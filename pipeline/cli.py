"""The `camket` command line: a thin layer over the package."""

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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Register file to write (.csv).")
@click.option("--all", "all_sentences", is_flag=True, help="Write every sentence, not only commitments.")
@model_option
def extract(paths: tuple[Path, ...], output: Path, all_sentences: bool, model_dir: Path | None) -> None:
    """Write the commitment register of the transcripts in PATHS (files or folders)."""
    from pipeline import register
    from pipeline.persist import load_model
    from pipeline.run import expand_paths, run_batch

    inputs = {p.resolve() for p in expand_paths(paths)}
    if output.resolve() in inputs:
        raise CamketError(f"{output}: the output is one of the inputs; choose another name")
    classifier = load_model(model_dir)
    result = run_batch(paths, classifier)
    rows = [
        register.row(s, p.document)
        for p in result.processed
        for s in p.sentences
        if all_sentences or (s.labels is not None and s.labels.commitment == 1)
    ]
    register.write(register.frame(rows), output)
    for failure in result.failures:
        click.echo(f"camket: {failure.source}: {failure.problem}", err=True)
    n_sent = sum(len(p.sentences) for p in result.processed)
    n_commit = sum(1 for p in result.processed for s in p.sentences if s.labels and s.labels.commitment)
    click.echo(
        f"{len(result.processed)} document(s), {n_sent} sentence(s), {n_commit} commitment(s) -> {output}"
        + (f"; {len(result.failures)} failed" if result.failures else ""),
        err=True,
    )
    if result.failures:
        sys.exit(2 if result.processed else 1)


@cli.command()
@click.argument("input_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text-column", default="text", show_default=True, help="Column holding the sentences.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="CSV to write.")
@model_option
def classify(input_csv: Path, text_column: str, output: Path, model_dir: Path | None) -> None:
    """Add area and commitment columns to every row of a CSV of sentences."""
    from pipeline.classify_csv import classify_csv

    n = classify_csv(input_csv, output, text_column=text_column, model_dir=model_dir)
    click.echo(f"{n} row(s) classified -> {output}", err=True)


@cli.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True, help="Model folder to write.")
@click.option("--cv", type=int, default=5, show_default=True, help="Folds of document-grouped cross-validation for the metrics in meta.json (0: skip).")
def train(corpus: tuple[Path, ...], out_dir: Path, cv: int) -> None:
    """Fit the area and commitment models on CORPUS files or folders (default: corpora/)."""
    from pipeline.evaluate import format_report
    from pipeline.train import train as train_model

    meta = train_model(corpus or (Path("corpora"),), out_dir, cv=cv)
    if meta["metrics"]:
        click.echo(format_report(meta["metrics"], title=f"model {out_dir} (cross-validated)"))
    click.echo(f"trained on {meta['corpus']['sentences']} sentences in {meta['fit_seconds']} s -> {out_dir}", err=True)


@cli.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True, path_type=Path))
@model_option
@click.option("--cv", type=int, default=0, help="Run K-fold cross-validation grouped by doc_id instead of scoring a saved model.")
@click.option("--source", "sources", multiple=True, type=click.Choice(["written", "reference", "reviewed"]), help="Score only sentences from this source (repeatable).")
def evaluate(corpus: tuple[Path, ...], model_dir: Path | None, cv: int, sources: tuple[str, ...]) -> None:
    """Per-area precision, recall, F1, macro-F1, confusion matrix and commitment F1."""
    from pipeline.corpus import read_corpus
    from pipeline.evaluate import cross_validate, evaluate as score_model, format_report
    from pipeline.persist import load_model, load_meta, default_model_dir

    data = read_corpus(corpus or (Path("corpora"),))
    if sources:
        data = data[data["source"].isin(sources)].reset_index(drop=True)
        if data.empty:
            raise CamketError(f"no sentences with source {', '.join(sources)}")
    if cv:
        params = load_meta(model_dir or default_model_dir()).get("params", {}) if (model_dir or default_model_dir()).exists() else {}
        params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
        try:
            metrics = cross_validate(data, k=cv, params=params)
        except ValueError as exc:
            raise CamketError(str(exc)) from None
        click.echo(format_report(metrics, title=f"{cv}-fold cross-validation grouped by document"))
    else:
        metrics = score_model(load_model(model_dir), data)
        click.echo(format_report(metrics, title=f"model {model_dir or default_model_dir()}"))


@cli.command("fields-eval")
@click.argument("table", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def fields_eval(table: Path | None) -> None:
    """Precision and recall of each commitment field on TABLE (JSON lines; default: tests/data/fields_table.jsonl)."""
    from pipeline.fields_eval import evaluate_table, format_report

    if table is None:
        table = Path("tests/data/fields_table.jsonl")
        if not table.exists():
            table = Path(__file__).resolve().parent.parent / "tests" / "data" / "fields_table.jsonl"
        if not table.exists():
            raise CamketError("no field table found; pass one: camket fields-eval TABLE.jsonl")
    click.echo(format_report(evaluate_table(table), title=f"commitment fields on {table} (exact match; list fields per item)"))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--against", type=click.Choice(["word-tokenize"]), default="word-tokenize", show_default=True,
              help="What to compare: word-tokenize = the whole extract pipeline vs underthesea word_tokenize alone.")
@model_option
def benchmark(paths: tuple[Path, ...], against: str, model_dir: Path | None) -> None:
    """Print speed figures on PATHS (default: corpora/transcripts and corpora/written, CSVs grouped by doc_id)."""
    from pipeline.benchmark import BUNDLED, bench_pipeline_vs_word_tokenize, format_bench

    result = bench_pipeline_vs_word_tokenize(paths or BUNDLED, model_dir=model_dir)
    click.echo(format_bench(result))


def main() -> None:
    cli(prog_name="camket")


if __name__ == "__main__":
    main()
