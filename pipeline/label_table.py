"""Classify a CSV of sentences, keeping its other columns."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.areas import area
from pipeline.errors import CamketError
from pipeline.classify.persist import load_model
from pipeline import register


def classify_csv(input_csv: Path, output: Path, *, text_column: str = "text", model_dir: Path | None = None) -> int:
    if Path(output).resolve() == Path(input_csv).resolve():
        raise CamketError(f"{output}: the output is the input; choose another name")
    try:
        df = pd.read_csv(input_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CamketError(f"{input_csv}: not UTF-8; save it as 'CSV UTF-8'") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CamketError(f"{input_csv}: not a readable CSV ({exc})") from None
    if text_column not in df.columns:
        raise CamketError(f"{input_csv}: no column {text_column!r} (columns: {', '.join(df.columns)}); use --text-column")
    labels = load_model(model_dir).label(df[text_column].tolist(), explain=0)
    predicted = {
        "area": [lab.area for lab in labels],
        "area_key": [area(lab.area).key for lab in labels],
        "area_score": [lab.area_score for lab in labels],
        "commitment": [lab.commitment for lab in labels],
        "commitment_score": [lab.commitment_score for lab in labels],
    }
    names = output_columns(df.columns)
    for name, values in predicted.items():
        df[names[name]] = values
    register.write(df, output)
    return len(df)


PREDICTED = ("area", "area_key", "area_score", "commitment", "commitment_score")


def output_columns(existing: Iterable[str]) -> dict[str, str]:
    """Each predicted column's name: as is, or all with `_pred` when the input has any of them.

    A labelled file (a dev set with `area` and `commitment`) keeps its labels,
    and the predictions move together so they are easy to find.
    """
    clash = bool(set(PREDICTED) & set(existing))
    return {name: f"{name}_pred" if clash else name for name in PREDICTED}
