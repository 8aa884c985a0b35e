"""Pictures and short tables of a register and of a model, for the analyst notebooks.

Every chart function returns a matplotlib `Figure` with a title and axis
labels; every table function returns a DataFrame. Area names are the
Vietnamese ones of `pipeline.areas`, drawn in DejaVu Sans (shipped with
matplotlib; it has every Vietnamese letter), set explicitly on first use.
Importing this module does no I/O and touches no global state: the backend
and font are chosen when the first chart is drawn.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from pipeline.areas import AREAS
from pipeline.errors import CamketError

FONT = "DejaVu Sans"
AREA_LABEL_WIDTH = 34  # characters per line of a wrapped area name

# What the commitment types mean, in the register's words (README, "Commitment fields").
COMMITMENT_TYPES: dict[str, str] = {
    "directive": "directive (cần, phải …)",
    "request": "request (đề nghị, yêu cầu …)",
    "assignment": "assignment (giao … chủ trì)",
    "pledge": "pledge (phấn đấu, cam kết, sẽ …)",
}

# ------------------------------------------------------------------ setup
def repo_root() -> Path:
    """The checkout this package was installed from (editable install)."""
    return Path(__file__).resolve().parent.parent


def _pyplot():
    """pyplot with the Vietnamese-capable font; Agg when nothing can show a window.

    Inside Jupyter the kernel has already chosen its inline backend, which is kept.
    """
    import matplotlib

    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux")
    if headless and "matplotlib.pyplot" not in sys.modules and not os.environ.get("MPLBACKEND") and "ipykernel" not in sys.modules:
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = "sans-serif"
    sans = [f for f in plt.rcParams["font.sans-serif"] if f != FONT]
    plt.rcParams["font.sans-serif"] = [FONT, *sans]
    return plt


def _figure(width: float, height: float):
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def area_label(code: int, width: int = AREA_LABEL_WIDTH) -> str:
    """'5 · Quốc phòng, quân sự …' wrapped to `width` characters a line."""
    a = next(a for a in AREAS if a.code == int(code))
    return textwrap.fill(f"{a.code} · {a.name}", width=width)


def _empty_note(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")


# ---------------------------------------------------------------- registers
def load_register(
    path: str | Path | None = None,
    *,
    transcripts: str | Path | Iterable[str | Path] | None = None,
    model_dir: str | Path | None = None,
    fields: bool = True,
) -> pd.DataFrame:
    """A register with typed columns: read from `path`, or made from `transcripts`.

    With no `path` the pipeline runs on `transcripts` (default: the bundled
    `corpora/transcripts/`) and keeps every sentence, as `camket extract --all`
    would; a register file saved without `--all` holds only commitments, and
    the charts (which count commitments) work the same on both.
    """
    from pipeline import register

    if path is not None:
        df = register.read(path)
        missing = [c for c in ("doc_id", "text", "area", "commitment") if c not in df.columns]
        if missing:
            raise CamketError(f"{path}: not a camket register (missing {', '.join(missing)})")
    else:
        from pipeline.executors import run_batch

        if transcripts is None:
            transcripts = [repo_root() / "corpora" / "transcripts"]
        elif isinstance(transcripts, (str, Path)):
            transcripts = [transcripts]
        result = run_batch(list(transcripts), model_dir=model_dir, fields=fields)
        if not result.processed:
            problems = "; ".join(f"{f.source}: {f.problem}" for f in result.failures + result.skipped)
            raise CamketError(f"no transcript could be processed ({problems or 'no files found'})")
        df = register.frame([register.row(s, p.document) for p in result.processed for s in p.sentences])
    return _typed(df)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """The register's own types (`pipeline.register.conform`), with the counted flags as plain ints."""
    from pipeline import register

    df = register.conform(df)
    for column in ("area", "commitment", "needs_review"):
        if column in df.columns:
            # charts count these: a sentence without labels counts as area 0, not a commitment
            df[column] = df[column].fillna(0).astype(int)
    return df


def commitments(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a register that are commitments."""
    return df[df["commitment"] == 1] if len(df) else df


def overview(df: pd.DataFrame) -> pd.DataFrame:
    """Documents, sentences, commitments and flagged sentences, one row per document."""
    c = df.assign(
        is_commitment=df["commitment"] == 1,
        flagged=df["needs_review"] == 1 if "needs_review" in df.columns else False,
    )
    table = c.groupby("doc_id").agg(
        sentences=("text", "size"), commitments=("is_commitment", "sum"), needs_review=("flagged", "sum")
    )
    table.loc["total"] = table.sum()
    return table.astype(int)


def commitments_per_area(df: pd.DataFrame):
    """Bar chart: commitments per area, every area shown, Vietnamese names."""
    counts = commitments(df)["area"].value_counts().reindex([a.code for a in AREAS], fill_value=0)
    fig, ax = _figure(9, 5.5)
    labels = [area_label(a.code) for a in AREAS]
    y = np.arange(len(AREAS))
    bars = ax.barh(y, counts.to_numpy(), color="#2f6f9f")
    ax.bar_label(bars, padding=3)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Commitments per area ({int(counts.sum())} commitments)")
    ax.set_xlabel("Number of commitments")
    ax.set_ylabel("Area")
    ax.margins(x=0.1)
    return fig


def area_by_document(df: pd.DataFrame) -> pd.DataFrame:
    """Commitments per document (rows) and area (columns, Vietnamese names)."""
    c = commitments(df)
    docs = sorted(set(df["doc_id"])) if len(df) else []
    table = pd.crosstab(c["doc_id"], c["area"]) if len(c) else pd.DataFrame()
    table = table.reindex(index=docs, columns=[a.code for a in AREAS], fill_value=0)
    table.columns = [a.name for a in AREAS]
    table.index.name = "doc_id"
    return table.astype(int)


def area_by_document_heatmap(df: pd.DataFrame):
    """Heat map: commitments per area (rows, Vietnamese names) per document (columns), counts written in."""
    table = area_by_document(df)
    n_docs = max(len(table), 1)
    fig, ax = _figure(min(6.5 + 0.7 * n_docs, 30), 6)
    values = table.to_numpy().T if len(table) else np.zeros((len(AREAS), 1), dtype=int)
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    top = values.max() if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, str(v), ha="center", va="center", color="white" if top and v > top / 2 else "black")
    ax.set_yticks(range(len(AREAS)), [area_label(a.code) for a in AREAS])
    docs = list(table.index) if len(table) else ["(no document)"]
    ax.set_xticks(range(n_docs), docs, rotation=30 if n_docs > 1 else 0, ha="right" if n_docs > 1 else "center",
                  rotation_mode="anchor", fontsize=8)
    ax.set_title("Commitments per area and document")
    ax.set_xlabel("Document (doc_id)")
    ax.set_ylabel("Area")
    fig.colorbar(image, ax=ax, label="Commitments")
    return fig


def commitment_types(df: pd.DataFrame):
    """Bar chart: commitments by type (directive, request, assignment, pledge), split by area."""
    c = commitments(df)
    types = list(COMMITMENT_TYPES)
    known = c[c["commitment_type"].isin(types)] if "commitment_type" in c.columns else c.iloc[0:0]
    table = pd.crosstab(known["commitment_type"], known["area"]) if len(known) else pd.DataFrame()
    table = table.reindex(index=types, columns=[a.code for a in AREAS], fill_value=0)
    fig, ax = _figure(9, 4.5)
    left = np.zeros(len(types))
    colors = _pyplot().get_cmap("tab10").colors
    for code in table.columns:
        values = table[code].to_numpy()
        if values.any():
            ax.barh(types, values, left=left, color=colors[code % 10], label=area_label(code, 40))
            left += values
    for i, total in enumerate(left):
        ax.text(total, i, f" {int(total)}", va="center")
    ax.set_yticks(range(len(types)), [COMMITMENT_TYPES[t] for t in types])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Commitment types ({int(left.sum())} commitments)")
    ax.set_xlabel("Number of commitments")
    ax.set_ylabel("Commitment type")
    ax.margins(x=0.1)
    if left.any():
        ax.legend(title="Area", fontsize=7, title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    else:
        _empty_note(ax, "No commitment has a type")
    return fig


def timeframes(df: pd.DataFrame) -> pd.DataFrame:
    """Stated timeframes of the commitments, with their deadline year and count."""
    c = commitments(df)
    if "timeframe" not in c.columns:
        return pd.DataFrame(columns=["timeframe", "deadline_year", "commitments"])
    stated = c[c["timeframe"].str.strip() != ""]
    table = (
        stated.groupby(["timeframe", "deadline_year"], dropna=False).size().rename("commitments").reset_index()
        if len(stated)
        else pd.DataFrame(columns=["timeframe", "deadline_year", "commitments"])
    )
    table["deadline_year"] = pd.to_numeric(table["deadline_year"], errors="coerce").astype("Int64")
    return table.sort_values(["deadline_year", "timeframe"], na_position="last").reset_index(drop=True)


def timeline(df: pd.DataFrame):
    """Commitments by stated deadline year (top) and by stated timeframe (bottom)."""
    plt = _pyplot()
    table = timeframes(df)
    c = commitments(df)
    years = c["deadline_year"].dropna().astype(int).value_counts().sort_index() if "deadline_year" in c.columns else pd.Series(dtype=int)
    n_frames = max(len(table), 1)
    fig, (ax_year, ax_frame) = plt.subplots(
        2, 1, figsize=(9, 3.5 + 0.35 * n_frames), layout="constrained", height_ratios=[2, max(1.5, 0.35 * n_frames)]
    )
    fig.suptitle(f"Deadlines and timeframes ({len(c)} commitments, {int((c.get('timeframe', pd.Series(dtype=str)).str.strip() != '').sum())} state a timeframe)")
    if len(years):
        bars = ax_year.bar(years.index.astype(str), years.to_numpy(), color="#b5562b")
        ax_year.bar_label(bars, padding=2)
        ax_year.margins(y=0.2)
        ax_year.yaxis.get_major_locator().set_params(integer=True)
    else:
        _empty_note(ax_year, "No commitment states a deadline year")
    ax_year.set_title("Stated deadline years")
    ax_year.set_xlabel("Deadline year (last year of the timeframe, vision horizons left out)")
    ax_year.set_ylabel("Commitments")
    if len(table):
        labels = [
            textwrap.fill(f"{t}" + (f"  [{y}]" if pd.notna(y) else ""), 60)
            for t, y in zip(table["timeframe"], table["deadline_year"])
        ]
        ax_frame.barh(range(len(table)), table["commitments"].to_numpy(), color="#d9a05b")
        ax_frame.set_yticks(range(len(table)), labels, fontsize=8)
        ax_frame.invert_yaxis()
        ax_frame.xaxis.get_major_locator().set_params(integer=True)
    else:
        ax_frame.set_yticks([])
        _empty_note(ax_frame, "No commitment states a timeframe")
    ax_frame.set_title("Stated timeframes, in deadline order")
    ax_frame.set_xlabel("Commitments")
    ax_frame.set_ylabel("Timeframe [deadline year]")
    return fig


def top_actors(df: pd.DataFrame, n: int = 10):
    """Bar chart: the `n` actors named most often by commitments."""
    c = commitments(df)
    named = c["actor"].str.strip() if "actor" in c.columns else pd.Series(dtype=str)
    named = named[named != ""]
    counts = named.value_counts().head(n)
    fig, ax = _figure(9, 1.8 + 0.4 * max(len(counts), 1))
    if len(counts):
        bars = ax.barh([textwrap.fill(a, 50) for a in counts.index], counts.to_numpy(), color="#4c8c4a")
        ax.bar_label(bars, padding=3)
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.margins(x=0.1)
    else:
        ax.set_yticks([])
        _empty_note(ax, "No commitment names its actor")
    ax.set_title(f"Most frequent actors (top {n}; {len(named)} of {len(c)} commitments name one)")
    ax.set_xlabel("Commitments")
    ax.set_ylabel("Actor")
    return fig


def needs_review_table(df: pd.DataFrame) -> pd.DataFrame:
    """Sentences the model is unsure of, least sure first, with its second choice."""
    if "needs_review" not in df.columns:
        return pd.DataFrame(columns=["doc_id", "sentence_id", "text"])
    flagged = df[df["needs_review"] == 1].copy()
    names = {a.code: a.name for a in AREAS}
    if "area_alt" in flagged.columns:
        flagged["area_alt_name"] = flagged["area_alt"].map(lambda v: names.get(int(v), "") if pd.notna(v) else "")
    columns = [c for c in ("doc_id", "sentence_id", "text", "area_name", "area_score", "area_alt_name",
                           "area_alt_score", "commitment", "commitment_score", "why") if c in flagged.columns]
    sort = [c for c in ("area_score", "doc_id", "sentence_id") if c in flagged.columns]
    return flagged.sort_values(sort)[columns].reset_index(drop=True)


# ------------------------------------------------------------------ models
def _metrics(meta_or_metrics: Mapping[str, Any]) -> Mapping[str, Any]:
    """The metrics of a model's meta.json, or metrics as `pipeline.classify.evaluate` returns them."""
    metrics = meta_or_metrics.get("metrics", meta_or_metrics)
    if not metrics or "area" not in metrics:
        raise CamketError(
            "no metrics here (a model trained with cv=0 has none in meta.json); "
            "score it with pipeline.evaluate.evaluate(model, corpus) and pass that instead"
        )
    return metrics


def _how_measured(metrics: Mapping[str, Any]) -> str:
    cv = metrics.get("cv")
    if cv:
        return f"{cv['folds']}-fold cross-validation by document, {metrics['n']} sentences"
    return f"scored on {metrics['n']} sentences"


def area_metrics(meta_or_metrics: Mapping[str, Any]) -> pd.DataFrame:
    """Per-area precision, recall, F1 and support, Vietnamese names as the index."""
    per_class = _metrics(meta_or_metrics)["area"]["per_class"]
    rows = {a.name: per_class.get(str(a.code), {}) for a in AREAS}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["precision", "recall", "f1", "support"])
    table.index.name = "area"
    return table


def confusion_matrix_plot(meta_or_metrics: Mapping[str, Any]):
    """The area confusion matrix (rows: true area, columns: predicted), counts written in."""
    metrics = _metrics(meta_or_metrics)
    matrix = np.asarray(metrics["area"]["confusion"], dtype=int)
    fig, ax = _figure(10, 7)
    # Colour by row share, so the small areas read as clearly as the large ones.
    shares = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    for (i, j), v in np.ndenumerate(matrix):
        ax.text(j, i, str(v), ha="center", va="center", fontsize=9, color="white" if shares[i, j] > 0.5 else "black")
    codes = [a.code for a in AREAS]
    ax.set_xticks(range(len(codes)), [str(c) for c in codes])
    ax.set_yticks(range(len(codes)), [area_label(c, 30) for c in codes], fontsize=8)
    ax.set_title(f"Area confusion matrix ({_how_measured(metrics)})")
    ax.set_xlabel("Predicted area (code, as in the rows)")
    ax.set_ylabel("True area")
    fig.colorbar(image, ax=ax, label="Share of the true area's sentences")
    return fig


def per_area_f1(meta_or_metrics: Mapping[str, Any]):
    """Grouped bars: precision, recall and F1 per area, macro-F1 in the title."""
    metrics = _metrics(meta_or_metrics)
    table = area_metrics(metrics)
    fig, ax = _figure(9, 6)
    y = np.arange(len(AREAS))
    height = 0.27
    for k, (column, color) in enumerate((("precision", "#9ecae1"), ("recall", "#4292c6"), ("f1", "#08306b"))):
        bars = ax.barh(y + (k - 1) * height, table[column].to_numpy(dtype=float), height, label=column, color=color)
        if column == "f1":
            ax.bar_label(bars, fmt="%.3f", padding=2, fontsize=8)
    ax.set_yticks(y, [area_label(a.code) for a in AREAS])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.1)
    ax.set_title(f"Per-area precision, recall and F1 (macro-F1 {metrics['area']['macro_f1']:.3f}; {_how_measured(metrics)})")
    ax.set_xlabel("Score")
    ax.set_ylabel("Area")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


class Comparison(NamedTuple):
    table: pd.DataFrame
    figure: Any


def compare_models(
    a: Mapping[str, Any], b: Mapping[str, Any], names: Sequence[str] = ("bundled", "retrained")
) -> Comparison:
    """Area-by-area F1 of two models (meta.json dicts or evaluate() metrics), table and chart.

    The table has one row per area plus "macro-F1" and "commitment F1", with
    each model's F1 and the change (second minus first).
    """
    first, second = _metrics(a), _metrics(b)
    name_a, name_b = names
    rows = []
    for area in AREAS:
        fa = first["area"]["per_class"].get(str(area.code), {})
        fb = second["area"]["per_class"].get(str(area.code), {})
        # F1 of an area with no sentence in the scored set is undefined, not 0.
        rows.append({"area": area.name, name_a: fa.get("f1") if fa.get("support") else np.nan,
                     name_b: fb.get("f1") if fb.get("support") else np.nan,
                     f"support {name_a}": fa.get("support"), f"support {name_b}": fb.get("support")})
    rows.append({"area": "macro-F1", name_a: first["area"]["macro_f1"], name_b: second["area"]["macro_f1"]})
    rows.append({"area": "commitment F1", name_a: first["commitment"]["f1"], name_b: second["commitment"]["f1"]})
    table = pd.DataFrame(rows).set_index("area")
    table.insert(2, "change", (table[name_b].astype(float) - table[name_a].astype(float)).round(4))

    fig, ax = _figure(9, 6.5)
    labels = [area_label(area.code) for area in AREAS] + ["macro-F1", "commitment F1"]
    y = np.arange(len(labels))
    height = 0.4
    for k, (name, color) in enumerate(((name_a, "#9e9ac8"), (name_b, "#3f007d"))):
        bars = ax.barh(y + (k - 0.5) * height, table[name].to_numpy(dtype=float), height, label=name, color=color)
        ax.bar_label(bars, fmt="%.3f", padding=2, fontsize=7)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_title(f"F1 by area: {name_a} vs {name_b}")
    ax.set_xlabel("F1")
    ax.set_ylabel("Area")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    return Comparison(table, fig)


def training_sets(metas: Mapping[str, Mapping[str, Any]]) -> pd.DataFrame:
    """What each model was trained on: sentences by source, documents, date (from meta.json)."""
    columns = {}
    for name, meta in metas.items():
        corpus = meta.get("corpus", {})
        column = {f"sentences: {k}": v for k, v in corpus.get("by_source", {}).items()}
        column.update({"sentences": corpus.get("sentences"), "documents": corpus.get("documents"),
                       "created": meta.get("created", ""),
                       "cross-validated": bool(meta.get("metrics"))})
        columns[name] = column
    return pd.DataFrame(columns)


def changed_predictions(model_a, model_b, corpus: pd.DataFrame, names: Sequence[str] = ("bundled", "retrained")) -> pd.DataFrame:
    """Corpus sentences the two models label differently, with the corpus label."""
    if corpus.empty:
        return pd.DataFrame(columns=["doc_id", "text", "source", "area", "commitment"])
    texts, groups = corpus["text"].tolist(), corpus["doc_id"].tolist()
    pa, pb = model_a.predict(texts, groups=groups), model_b.predict(texts, groups=groups)
    out = corpus[["doc_id", "text", "source", "area", "commitment"]].copy()
    name_a, name_b = names
    out[f"area {name_a}"], out[f"area {name_b}"] = pa[:, 0], pb[:, 0]
    out[f"commitment {name_a}"], out[f"commitment {name_b}"] = pa[:, 1], pb[:, 1]
    changed = (pa != pb).any(axis=1)
    return out[changed].reset_index(drop=True)
