"""What a batch reads: the files named, matched by globs or found below folders, with stable ids."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.formats import supported
from pipeline.ingest.read import STDIN, slug
from pipeline.records import Failure


@dataclass(frozen=True)
class Inputs:
    """What a batch will read: (file, name relative to the folder holding them all), and what it skips."""

    found: list[tuple[Path, str]]
    skipped: list[Failure]

    @property
    def files(self) -> list[Path]:
        return [f for f, _ in self.found]


def expand_paths(paths: Iterable[str | Path]) -> Inputs:
    """Files named, matched by globs, or found below folders (recursively), in a stable order.

    Each file's name is its path relative to the deepest folder that holds every
    file of the batch, so the same files get the same names (and doc ids)
    however they were named: a folder, a glob or a list of files.
    """
    found: list[tuple[Path, str]] = []
    skipped: list[Failure] = []
    for raw in map(str, paths):
        if raw == STDIN:
            found.append((Path(STDIN), "stdin"))
            continue
        p = Path(raw)
        if p.is_dir():
            try:
                candidates = [
                    (f, f.relative_to(p).as_posix())
                    for f in sorted(p.rglob("*"))
                    if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
                ]
            except OSError as exc:  # a folder without read or execute permission
                skipped.append(Failure(raw, f"cannot list this folder ({exc.strerror or exc})"))
                continue
        elif not p.exists() and glob.has_magic(raw):
            candidates = [(Path(m), Path(m).name) for m in sorted(glob.glob(raw, recursive=True)) if Path(m).is_file()]
            if not candidates:
                skipped.append(Failure(raw, "no file matches this pattern"))
        else:
            found.append((p, p.name))  # missing or unsupported files named outright are reported by the reader
            continue
        for f, name in candidates:
            if supported(f):
                found.append((f, name))
            else:
                skipped.append(Failure(str(f), f"skipped: unsupported file type {f.suffix or '(none)'}"))
    seen: set[str] = set()
    unique = []
    for f, name in found:
        key = str(f.resolve()) if str(f) != STDIN else STDIN
        if key not in seen:
            seen.add(key)
            unique.append((f, name))
    return Inputs(_relative_to_common_folder(unique), skipped)


def _relative_to_common_folder(found: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    files = [os.path.abspath(f) for f, _ in found if str(f) != STDIN]
    if not files:
        return found
    root = os.path.commonpath([os.path.dirname(f) for f in files])
    return [(f, name if str(f) == STDIN else Path(os.path.abspath(f)).relative_to(root).as_posix()) for f, name in found]


def assign_doc_ids(names: Sequence[str]) -> list[str]:
    """Ids from the file paths as named (relative to the folder given), stable across runs.

    "2022/08/closing.txt" under the folder given becomes "2022-08-closing"; two
    files differing only in type get their suffix ("closing-docx"); any clash
    left gets a counter.
    """
    stems = [slug(str(Path(n).with_suffix(""))) if Path(n).suffix else slug(n) for n in names]
    counts = {i: stems.count(i) for i in stems}
    ids = [f"{i}-{slug(Path(n).suffix)}" if counts[i] > 1 and Path(n).suffix else i for n, i in zip(names, stems)]
    seen: dict[str, int] = {}
    unique = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        unique.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return unique
