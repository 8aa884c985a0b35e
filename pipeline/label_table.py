"""Classify a CSV of sentences, keeping its other columns."""

from __future__ import annotations

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
    df["area"] = [lab.area for lab in labels]
    df["area_key"] = [area(lab.area).key for lab in labels]
    df["area_score"] = [lab.area_score for lab in labels]
    df["commitment"] = [lab.commitment for lab in labels]
    df["commitment_score"] = [lab.commitment_score for lab in labels]
    register.write(df, output)
    return len(df)
