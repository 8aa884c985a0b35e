"""pipeline.plots: every chart has a title and axis labels, Vietnamese area names drawn
in a font that has their letters; tables hold what the notebooks show."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from pipeline import plots, register
from pipeline.areas import AREAS
from pipeline.errors import CamketError
from pipeline.classify.evaluate import score

NAMES = [a.name for a in AREAS]


@pytest.fixture(scope="session")
def sample_register():
    """The bundled transcript through the whole pipeline, every sentence kept."""
    return plots.load_register()


@pytest.fixture(scope="session")
def meta():
    """A meta.json as `camket train --cv 5` writes it, with known scores (the bundled
    model may be retrained without cross-validation at any time)."""
    rng = np.random.default_rng(0)
    true = np.repeat(np.arange(7), 40)
    pred = np.where(rng.random(true.size) < 0.85, true, rng.integers(0, 7, true.size))
    commit = rng.integers(0, 2, true.size)
    metrics = score(true, pred, commit, np.where(rng.random(true.size) < 0.9, commit, 1 - commit))
    metrics["cv"] = {"folds": 5, "grouped_by": "doc_id", "documents": 30, "seed": 0}
    return {"name": "default", "created": "2026-01-01T00:00:00+00:00", "metrics": metrics,
            "corpus": {"sentences": 280, "documents": 30, "by_source": {"reviewed": 5, "written": 275}}}


# fmt: off
SYNTHETIC = [
    # doc_id, sentence_id, area, commitment, type, actor, timeframe, deadline_year, needs_review, area_score, area_alt
    ("a", 1, 5, 1, "assignment", "Bộ Quốc phòng", "đến năm 2030", 2030, 0, 0.91, 6),
    ("a", 2, 5, 1, "directive", "", "", None, 1, 0.41, 1),
    ("a", 3, 1, 1, "pledge", "Bộ Quốc phòng", "giai đoạn 2021 - 2025", 2025, 1, 0.55, 4),
    ("a", 4, 0, 0, "", "", "", None, 0, 0.97, 2),
    ("b", 1, 6, 1, "request", "Ban Tổ chức Trung ương", "hằng năm", None, 0, 0.88, 0),
    ("b", 2, 2, 0, "", "", "", None, 1, 0.52, 3),
]
# fmt: on


@pytest.fixture(scope="session")
def synthetic_path(tmp_path_factory):
    rows = [
        {
            "doc_id": d, "sentence_id": s, "paragraph": 1, "part": "speech", "text": f"Câu {d}{s} về quốc phòng.",
            "area": a, "area_key": AREAS[a].key, "area_name": AREAS[a].name, "area_score": score,
            "commitment": c, "commitment_score": 0.9 if c else 0.1, "commitment_type": t, "actor": actor,
            "timeframe": tf, "deadline_year": "" if y is None else y, "needs_review": nr,
            "area_alt": alt, "area_alt_score": 0.3, "why": "quốc phòng",
        }
        for d, s, a, c, t, actor, tf, y, nr, score, alt in SYNTHETIC
    ]
    path = tmp_path_factory.mktemp("register") / "register.csv"
    register.write(register.frame(rows), path)
    return path


@pytest.fixture(scope="session")
def synthetic(synthetic_path):
    return plots.load_register(synthetic_path)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def chart_axes(fig):
    """The axes that draw data (colour bars left out)."""
    return [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]


def tick_text(ax, which="y") -> str:
    labels = ax.get_yticklabels() if which == "y" else ax.get_xticklabels()
    return " ".join(t.get_text().replace("\n", " ") for t in labels)


def glyph_warnings(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]


CHARTS = {
    "commitments_per_area": lambda df, meta: plots.commitments_per_area(df),
    "area_by_document_heatmap": lambda df, meta: plots.area_by_document_heatmap(df),
    "commitment_types": lambda df, meta: plots.commitment_types(df),
    "timeline": lambda df, meta: plots.timeline(df),
    "top_actors": lambda df, meta: plots.top_actors(df, 5),
    "confusion_matrix_plot": lambda df, meta: plots.confusion_matrix_plot(meta),
    "per_area_f1": lambda df, meta: plots.per_area_f1(meta),
    "compare_models": lambda df, meta: plots.compare_models(meta, meta["metrics"]).figure,
}


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("data", ["sample", "synthetic", "no commitments"])
def test_every_chart_has_title_and_axis_labels(name, data, sample_register, synthetic, meta):
    df = {"sample": sample_register, "synthetic": synthetic, "no commitments": synthetic[synthetic["commitment"] == 0]}[data]
    fig = CHARTS[name](df, meta)
    axes = chart_axes(fig)
    assert axes
    for ax in axes:
        assert ax.get_title().strip(), f"{name}: an axes without a title"
        assert ax.get_xlabel().strip(), f"{name}: no x label"
        assert ax.get_ylabel().strip(), f"{name}: no y label"
    assert glyph_warnings(fig) == []


@pytest.mark.parametrize(
    "name, which",
    [("commitments_per_area", "y"), ("area_by_document_heatmap", "y"), ("confusion_matrix_plot", "y"),
     ("per_area_f1", "y"), ("compare_models", "y")],
)
def test_vietnamese_area_names_in_tick_labels(name, which, sample_register, meta):
    fig = CHARTS[name](sample_register, meta)
    fig.canvas.draw()
    text = tick_text(chart_axes(fig)[0], which)
    # Wrapped names lose the space at the line break, which is put back above.
    for area_name in NAMES:
        assert area_name in text, f"{name}: {area_name!r} not in the {which} tick labels"


def test_commitments_per_area_counts_commitments(synthetic):
    ax = chart_axes(plots.commitments_per_area(synthetic))[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [0, 1, 0, 0, 0, 2, 1]
    assert "4 commitments" in ax.get_title()


def test_font_is_dejavu_sans_and_resolves(sample_register):
    from matplotlib import font_manager

    fig = plots.commitments_per_area(sample_register)
    path = font_manager.findfont(font_manager.FontProperties(family=plots.FONT), fallback_to_default=False)
    assert path.endswith("DejaVuSans.ttf")
    fig.canvas.draw()
    for text in [*chart_axes(fig)[0].get_yticklabels(), chart_axes(fig)[0].title]:
        assert font_manager.findfont(text.get_fontproperties()).endswith("DejaVuSans.ttf")


def test_vietnamese_renders_without_missing_glyphs():
    plt = plots._pyplot()
    fig, ax = plt.subplots()
    ax.set_title("Quốc phòng, quân sự địa phương, an ninh, trật tự")
    ax.set_xlabel("Xây dựng, chỉnh đốn Đảng — Văn hóa, giáo dục - đào tạo, y tế")
    ax.set_ylabel("Phòng, chống dịch bệnh; Cải cách hành chính, chuyển đổi số")
    assert glyph_warnings(fig) == []


def test_missing_glyph_check_does_detect_a_missing_glyph():
    """The check above is not vacuous: a letter DejaVu Sans lacks is reported."""
    plt = plots._pyplot()
    fig, ax = plt.subplots()
    ax.set_title("承诺")
    assert glyph_warnings(fig)


def test_import_does_no_io_and_draws_headless_with_agg(tmp_path):
    code = (
        "import sys, matplotlib\n"
        "before = list(matplotlib.rcParams['font.sans-serif']), matplotlib.rcParams['font.family']\n"
        "import pipeline.plots as p\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "assert (list(matplotlib.rcParams['font.sans-serif']), matplotlib.rcParams['font.family']) == before\n"
        "fig = p.per_area_f1({'n': 1, 'area': {'per_class': {}, 'macro_f1': 0.0}, 'commitment': {}})\n"
        "print(matplotlib.get_backend())\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MPLBACKEND")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().lower() == "agg"


def test_load_register_reads_a_file_back_typed(sample_register, tmp_path):
    path = tmp_path / "register.csv"
    register.write(sample_register, path)
    back = plots.load_register(path)
    assert back["area"].dtype == np.int64 and back["commitment"].dtype == np.int64
    assert str(back["deadline_year"].dtype) == "Int64"
    pd.testing.assert_series_equal(back["area"], sample_register["area"].astype(np.int64))
    assert back["deadline_year"].tolist() == sample_register["deadline_year"].tolist()
    assert back["text"].tolist() == sample_register["text"].tolist()


def test_load_register_runs_the_bundled_transcripts(sample_register):
    assert len(sample_register) > 20
    assert set(sample_register["commitment"]) == {0, 1}  # every sentence, as with --all
    assert sample_register["doc_id"].nunique() == 1


def test_load_register_refuses_what_is_not_a_register(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CamketError, match="not a camket register"):
        plots.load_register(path)
    with pytest.raises(CamketError, match="no transcript"):
        plots.load_register(transcripts=tmp_path / "missing")


def test_overview_and_area_by_document(synthetic):
    table = plots.overview(synthetic)
    assert table.loc["a"].tolist() == [4, 3, 2]
    assert table.loc["total"].tolist() == [6, 4, 3]
    by_doc = plots.area_by_document(synthetic)
    assert list(by_doc.columns) == NAMES
    assert by_doc.loc["a", AREAS[5].name] == 2 and by_doc.loc["b", AREAS[6].name] == 1
    assert int(by_doc.to_numpy().sum()) == 4


def test_timeframes_in_deadline_order(synthetic):
    table = plots.timeframes(synthetic)
    assert table["timeframe"].tolist() == ["giai đoạn 2021 - 2025", "đến năm 2030", "hằng năm"]
    assert table["deadline_year"].tolist()[:2] == [2025, 2030] and pd.isna(table["deadline_year"].iloc[2])


def test_needs_review_table_least_sure_first(synthetic):
    table = plots.needs_review_table(synthetic)
    assert table["area_score"].tolist() == [0.41, 0.52, 0.55]
    assert table.loc[0, "area_alt_name"] == AREAS[1].name
    assert "text" in table.columns and "why" in table.columns


def test_compare_models_table(meta):
    worse = json.loads(json.dumps(meta["metrics"]))
    worse["area"]["per_class"]["5"]["f1"] = 0.5
    worse["area"]["per_class"]["3"]["support"] = 0  # an area not in the scored set
    result = plots.compare_models(meta, worse, names=("old", "new"))
    table = result.table
    assert list(table.index) == [*NAMES, "macro-F1", "commitment F1"]
    assert table.loc[AREAS[5].name, "change"] == pytest.approx(0.5 - meta["metrics"]["area"]["per_class"]["5"]["f1"], abs=1e-4)
    assert pd.isna(table.loc[AREAS[3].name, "new"])
    assert table.loc["macro-F1", "old"] == meta["metrics"]["area"]["macro_f1"]
    assert result.figure.axes[0].get_legend() is not None


def test_metrics_missing_is_explained():
    with pytest.raises(CamketError, match="cv=0"):
        plots.per_area_f1({"name": "x", "metrics": {}})


def test_training_sets(meta):
    table = plots.training_sets({"bundled": meta})
    assert table.loc["sentences", "bundled"] == meta["corpus"]["sentences"]
    assert table.loc["cross-validated", "bundled"]
