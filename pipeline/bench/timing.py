"""Wall time of a command run as a fresh process, as a user runs it."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence


def wall_seconds(command: Sequence[str], *, allowed: Sequence[int] = (0,)) -> float:
    """Seconds `command` took; an exit status outside `allowed` raises with the end of its stderr."""
    started = time.perf_counter()
    done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in allowed:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return seconds
