"""One `extract --update` at a time on a register: a lock held from reading it to writing it.

Two runs that read the same register and each write it back would keep only
the rows of the one that writes last. The lock is a hidden file beside the
register (`.register.xlsx.lock`), locked by the operating system (filelock:
fcntl on Unix, msvcrt on Windows), so it is released when the process ends,
however it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import CamketError

WAIT_SECONDS = 1800.0


def lock_path(register: str | Path) -> Path:
    register = Path(register)
    return register.with_name(f".{register.name}.lock")


@contextmanager
def register_lock(register: str | Path, *, timeout: float = WAIT_SECONDS,
                  waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the register's lock; wait (saying so through `waiting`) while another run holds it."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(register)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if waiting:
            waiting(f"{register}: another camket run is updating it; waiting for it to finish")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise CamketError(f"{register}: still locked by another run after {timeout:.0f} s ({lock_path(register)})") from None
    except OSError as exc:
        raise CamketError(f"{register}: cannot lock it for the update ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()
