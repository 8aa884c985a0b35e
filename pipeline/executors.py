"""Running a batch: documents in chunks, in this process, a pool of worker processes
or a Dask cluster. Results come back in input order whatever runs them, so the
register is the same byte for byte.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CamketError
from pipeline.ingest.inputs import Inputs, assign_doc_ids, expand_paths
from pipeline.ingest.read import DEFAULT_MAX_SIZE
from pipeline.records import Failure
from pipeline.run import CHUNK, Job, Processed, Settings, cached_classifier, process_jobs


@dataclass
class BatchResult:
    processed: list[Processed] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)


def _chunks(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _map(jobs: Sequence[Job], settings: Settings, workers: int, scheduler: str | None) -> Iterator[Processed | Failure]:
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            raise CamketError("--scheduler needs Dask: pip install 'camket[dask]'") from None
        try:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        except OSError as exc:
            raise CamketError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        with client:
            futures = client.map(process_jobs, _chunks(jobs, CHUNK), settings=settings, pure=False)
            for future in futures:  # in input order
                yield from future.result()
        return
    chunks = _chunks(jobs, CHUNK)
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from process_jobs(chunk, settings)
        return
    # Smaller chunks keep every worker busy to the end of the batch.
    chunks = _chunks(jobs, max(1, min(CHUNK, len(jobs) // (workers * 4))))
    # fork shares the loaded model with the workers; elsewhere they load their own.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context, initializer=_worker_init)
    try:
        for outcomes in pool.map(process_jobs, chunks, [settings] * len(chunks)):
            yield from outcomes
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or failed: stop the workers now rather than
        # let them finish the queue, and never leave one behind.
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _worker_init() -> None:
    """In each worker: die with the main process, and leave Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:  # PR_SET_PDEATHSIG: the kernel sends SIGTERM when the parent dies, even by SIGKILL
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


def run_batch(
    paths: Iterable[str | Path] | Inputs,
    *,
    model_dir: str | Path | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
    fields: bool = True,
    progress: Callable[[Iterable], Iterable] | None = None,
    debug: bool = False,
) -> BatchResult:
    inputs = paths if isinstance(paths, Inputs) else expand_paths(paths)
    found = inputs.found
    result = BatchResult(skipped=inputs.skipped)
    if not found:
        return result
    settings = Settings(model_dir=str(model_dir) if model_dir else None, max_size=max_size, fields=fields, debug=debug)
    ids = assign_doc_ids([name for _, name in found])
    jobs = [Job(str(f), i) for (f, _), i in zip(found, ids)]
    if not scheduler:
        # Load once here: worker processes fork from this one and inherit it.
        cached_classifier(settings.model_dir)
        if fields:
            from pipeline.fields.extract import default_nlp  # here: spaCy only when fields are asked for

            default_nlp()("Khởi động.")  # also loads underthesea's model
    outcomes = _map(jobs, settings, workers, scheduler)
    if progress is not None:
        outcomes = progress(outcomes)
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            result.failures.append(outcome)
        else:
            result.processed.append(outcome)
    return result


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
