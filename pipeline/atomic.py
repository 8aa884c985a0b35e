"""Atomic file writing: a temporary file in the target folder, then a rename.

A crash or a full disk leaves the old output in place, never half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from pipeline.errors import CamketError


class OutputError(CamketError):
    """An output that cannot be written: names the path and the reason."""


def _output_error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = "a file is in the way of its folder"
    return OutputError(f"{path}: cannot write the output ({reason})")


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder (made if missing), or one OutputError saying why not."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _output_error(path, exc) from None


def check_writable(path: str | Path) -> None:
    """Fail now, before any work, when `path` cannot be written (its folder missing and
    not creatable, read-only, under a file, not a file system that takes files)."""
    fd, tmp = _temporary_beside(Path(path))
    os.close(fd)
    os.unlink(tmp)


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write through `write(handle)` into a temporary file beside `path`, then rename it.

    Any failure (full disk, read-only folder, an interrupt or SIGTERM turned into
    an exception) removes the temporary file; OS errors become one OutputError.
    """
    path = Path(path)
    fd, tmp = _temporary_beside(path)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _output_error(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    return atomic_write(path, lambda handle: handle.write(data))


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    return atomic_write_bytes(path, text.encode(encoding))
