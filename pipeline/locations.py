"""Where the defaults live: the camket checkout this package runs from, never the current folder.

An installed wheel has no checkout: defaults that only exist there (the corpus,
the review store, the field table) then ask to be named.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import CamketError


def checkout_root() -> Path | None:
    """The repository this package is imported from (editable install or clone), else None."""
    root = Path(__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").is_file() and (root / "corpora").is_dir() else None


def in_checkout(relative: str, what: str, option: str) -> Path:
    """`relative` inside the checkout, or a CamketError saying which option to give."""
    root = checkout_root()
    if root is None:
        raise CamketError(f"no default {what} outside the camket repository; give one with {option}")
    return root / relative


def default_corpus() -> Path:
    return in_checkout("corpora", "corpus", "CORPUS (a folder or CSV files)")


def default_review_store() -> Path:
    return in_checkout("corpora/reviewed/reviews.csv", "review store", "--store FILE")
