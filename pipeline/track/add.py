"""`camket track add`: documents into the tracker database, then links, statuses and threads
recomputed.

The database is changed on a copy that replaces it at the end, so an interrupted run leaves
the old database whole; when no document is new or changed the file is not touched at all.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import CamketError
from pipeline.records import Failure
from pipeline.track import inputs as track_inputs
from pipeline.track import link as linking
from pipeline.track import rows as track_rows
from pipeline.track import status as statuses
from pipeline.track import store


@dataclass
class AddReport:
    db: Path
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.failures and not (self.added or self.replaced or self.unchanged):
            return "failed"
        return "partial" if self.failures else "ok"

    def summary(self) -> str:
        t = self.totals
        return (f"added {len(self.added)}, replaced {len(self.replaced)}, unchanged {len(self.unchanged)}, "
                f"failed {len(self.failures)} -> {self.db}: {t.get('documents', 0)} documents, "
                f"{t.get('commitments', 0)} commitments, {t.get('links', 0)} links, {t.get('threads', 0)} threads")


@contextmanager
def _working_copy(path: Path):
    """A copy of the database to change; it replaces the original only if the block succeeds."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CamketError(f"{path}: cannot write beside the database ({exc.strerror})") from None
    os.close(fd)
    try:
        if path.exists():
            shutil.copyfile(path, tmp)
        yield Path(tmp)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _replace(tmp: Path, path: Path) -> None:
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the database the usual mode
    os.replace(tmp, path)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def add_to_tracker(
    db_path: str | Path,
    paths: Sequence[str | Path],
    *,
    model_dir: str | Path | None = None,
    workers: int = 1,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> AddReport:
    """Add transcripts and registers at `paths` to the tracker at `db_path` (created when new)."""
    db_path = Path(db_path)
    if db_path.resolve() in {Path(str(p)).resolve() for p in paths}:
        raise CamketError(f"{db_path}: the database is one of the inputs")
    if db_path.exists():
        store.open_db(db_path).close()  # a file that is not a tracker is one clear error before any work
    loaded = track_inputs.load(paths, model_dir=model_dir, workers=workers, progress=progress)
    report = AddReport(db_path, failures=loaded.failures, skipped=loaded.skipped, notes=list(loaded.notes))
    if db_path.exists():
        db = store.open_db(db_path)
        todo = [d for d in loaded.documents if store.stored_hash(db, d.doc_id) != d.content_hash]
        changed = {d.doc_id for d in todo}
        report.unchanged = [d.doc_id for d in loaded.documents if d.doc_id not in changed]
        if not todo:
            report.totals = totals(db)
            db.close()
            return report
        db.close()
    else:
        todo = loaded.documents
        if not todo:
            return report  # nothing to add: no empty database left behind
    with _working_copy(db_path) as tmp:
        db = store.open_db(tmp)
        # The copy only becomes the database by the rename at the end (after an fsync), so
        # SQLite need not sync every commit.
        db.execute("PRAGMA synchronous = OFF")
        for doc in todo:
            known = list(db.query("select added from documents where id = ?", [doc.doc_id]))
            (report.replaced if known else report.added).append(doc.doc_id)
            store.save_edits(db, track_rows.analyst_rows(doc))
            edits = store.edits_for(db, store.sentence_ids(doc.doc_id, [r["text"] for r in doc.rows]))
            document, sentences, commitments = track_rows.table_rows(
                doc, added=known[0]["added"] if known else store.next_added(db), edits=edits, notes=report.notes)
            store.replace_document(db, document, sentences, commitments)
        refresh(db)
        report.totals = totals(db)
        db.close()
        _replace(tmp, db_path)
    return report


def totals(db) -> dict[str, int]:
    return {t: db[t].count for t in ("documents", "sentences", "commitments", "links", "threads")}


def _items(db, ranks: dict[str, int]) -> list[linking.Item]:
    items = []
    # Area 0 is framing and ceremony ("tôi đề nghị các đồng chí thống nhất …"): said every year, tracked never.
    for c in db.query("select id, doc_id, text, area, action, actor, place_list, deadline_year from commitments where area != 0"):
        items.append(linking.Item(c["id"], c["doc_id"], ranks[c["doc_id"]], c["text"], c["area"], True, c["action"] or "",
                                  c["actor"] or "", tuple(json.loads(c["place_list"] or "[]")), c["deadline_year"]))
    for s in db.query("select id, doc_id, text, area from sentences where is_report = 1"):
        items.append(linking.Item(s["id"], s["doc_id"], ranks[s["doc_id"]], s["text"], s["area"], False))
    return items


def refresh(db) -> None:
    """Recompute document order, links, statuses and threads from the stored rows.

    Deterministic: the same rows give the same results, so re-adding changes nothing.
    """
    order = store.set_ranks(db)
    ranks = {doc_id: n for n, doc_id in enumerate(order, start=1)}
    found = linking.link(_items(db, ranks))
    docs = {c["id"]: c["doc_id"] for c in db.query("select id, doc_id from sentences")}
    link_rows = [{"id": f"{l.from_id}>{l.to_id}", "from_id": l.from_id, "to_id": l.to_id, "from_doc": docs[l.from_id],
                  "to_doc": docs[l.to_id], "kind": l.kind, "score": l.score} for l in found]
    store.replace_set(db, "links", link_rows)
    update_statuses(db, ranks, link_rows)


def update_statuses(db, ranks: dict[str, int], link_rows: Sequence[dict[str, Any]]) -> None:
    commitments = sorted(db.query("select c.*, d.title as doc_title from commitments c join documents d on d.id = c.doc_id"),
                         key=lambda c: (ranks[c["doc_id"]], c["position"] or 0, c["id"]))
    years = [r[0] for r in db.execute("select year from documents where year is not null order by rank desc limit 1")]
    newest = years[0] if years else None
    reported = {l["to_id"] for l in link_rows if l["kind"] == "reports_on"}
    repeated = {l["to_id"] for l in link_rows if l["kind"] in ("repeats", "extends")}
    threads = statuses.thread_ids(commitments, link_rows)
    updates = []
    for c in commitments:
        computed = statuses.computed_status(c, reported=c["id"] in reported, repeated=c["id"] in repeated, newest_year=newest)
        final = c["status_reviewed"] or computed
        updates.append({"id": c["id"], "thread_id": threads[c["id"]], "status_computed": computed, "status": final,
                        "status_name": statuses.STATUS_NAMES[final]})
    store.sync_rows(db, "commitments", updates, ["thread_id", "status_computed", "status", "status_name"])
    by_id = {c["id"]: {**c, **u} for c, u in zip(commitments, updates)}
    reports = {s["id"]: s for s in db.query("select id, doc_id, text from sentences where is_report = 1")}
    dates = {d["id"]: d for d in db.query("select id, date_iso, year, title from documents")}
    tracked = {i: c for i, c in by_id.items() if c["area"] != 0}  # framing is not a commitment to follow
    store.replace_set(db, "threads", statuses.thread_rows(tracked, ranks, link_rows, reports, dates))


def set_status(db_path: str | Path, commitment_id: str, status: str, note: str = "") -> dict[str, Any]:
    """An analyst's status for one commitment (`""` clears it); kept in `edits`, so it outlives re-adding."""
    db_path = Path(db_path)
    try:
        value = statuses.parse_status(status) if status.strip() else ""
    except ValueError as exc:
        raise CamketError(str(exc)) from None
    db = store.open_db(db_path, create=False)
    rows = list(db.query("select id, doc_id, text from commitments where id = ?", [commitment_id]))
    db.close()
    if not rows:
        raise CamketError(f"{db_path}: no commitment {commitment_id!r} (ids are in the commitments table)")
    with _working_copy(db_path) as tmp:
        db = store.open_db(tmp)
        row = rows[0]
        old = store.edits_for(db, [row["id"]]).get(row["id"], {c: "" for c in store.ANALYST_COLUMNS})
        edit = {**{c: "" for c in store.ANALYST_COLUMNS}, **old, "id": row["id"], "doc_id": row["doc_id"],
                "text": row["text"], "status_reviewed": value}
        if note:
            edit["status_note"] = note
        db["edits"].upsert(edit, pk="id")
        db["commitments"].update(row["id"], {"status_reviewed": value, "status_note": edit["status_note"]})
        ranks = {d["id"]: d["rank"] for d in db.query("select id, rank from documents")}
        update_statuses(db, ranks, list(db.query("select * from links")))
        result = next(iter(db.query("select id, status, status_computed, status_reviewed from commitments where id = ?", [row["id"]])))
        db.close()
        _replace(tmp, db_path)
    return result
