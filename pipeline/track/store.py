"""The tracker's SQLite database, written with sqlite-utils: schema, ids and upserts.

Tables: `documents`, `sentences` (FTS5 on `text`), `commitments`, `links`, `threads`
(recomputed after every add) and `edits` (what analysts typed, keyed by sentence id, so it
outlives the rows it belongs to when a changed document replaces them).

Ids are stable: a document is its `doc_id`; a sentence is `doc_id:` + a hash of its text
(tone style, case and spacing aside), so the same sentence keeps its id when the document
around it changes; a commitment has its sentence's id; a link is `from>to`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.classify.corpus import sentence_key
from pipeline.errors import CamketError

ANALYST_COLUMNS = ("area_reviewed", "commitment_reviewed", "review_note", "status_reviewed", "status_note")

SCHEMA: dict[str, dict[str, type]] = {
    "documents": {
        "id": str, "source": str, "title": str, "date": str, "date_iso": str, "year": int, "speaker": str,
        "added": int, "rank": int, "content_hash": str, "sentences": int, "commitments": int,
    },
    "sentences": {
        "id": str, "doc_id": str, "position": int, "paragraph": int, "part": str, "text": str, "area": int,
        "area_name": str, "area_score": float, "commitment": int, "commitment_score": float, "is_report": int,
        "area_reviewed": str, "commitment_reviewed": str, "review_note": str, "start": int, "end": int,
    },
    "commitments": {
        "id": str, "sentence_id": str, "doc_id": str, "year": int, "date_iso": str, "position": int, "text": str,
        "area": int, "area_key": str, "area_name": str, "cue": str, "commitment_type": str, "actor": str,
        "partners": str, "action": str, "actions": str, "timeframe": str, "deadline_year": int,
        "references": str, "places": str, "place_list": str, "thread_id": str, "status_computed": str,
        "status_reviewed": str, "status_note": str, "status": str, "status_name": str,
    },
    "links": {
        "id": str, "from_id": str, "to_id": str, "from_doc": str, "to_doc": str, "kind": str, "score": float,
    },
    "threads": {
        "id": str, "area_name": str, "actor": str, "text": str, "first_asked": str, "first_doc": str,
        "last_asked": str, "last_doc": str, "year": int, "times_asked": int, "times_repeated": int,
        "deadline_year": int, "latest_report": str, "latest_report_doc": str, "status": str, "status_name": str,
        "places": str, "place_list": str,
    },
    "edits": {
        "id": str, "doc_id": str, "text": str, "area_reviewed": str, "commitment_reviewed": str,
        "review_note": str, "status_reviewed": str, "status_note": str,
    },
}
FOREIGN_KEYS = {
    "sentences": [("doc_id", "documents", "id")],
    "commitments": [("sentence_id", "sentences", "id"), ("doc_id", "documents", "id")],
    "links": [("from_id", "sentences", "id"), ("to_id", "commitments", "id")],
}
INDEXES = {
    "sentences": [["doc_id"], ["commitment"], ["area"]],
    "commitments": [["doc_id"], ["thread_id"], ["area_name"], ["actor"], ["status"], ["year"]],
    "links": [["from_id"], ["to_id"], ["kind"]],
    "threads": [["area_name"], ["actor"], ["status"], ["year"]],
}
# The threads with Vietnamese column names: the page analysts browse (`camket track serve`).
THREADS_VIEW = "chuoi_cam_ket"
THREADS_VIEW_SQL = f"""CREATE VIEW IF NOT EXISTS {THREADS_VIEW} AS
SELECT id AS "Mã chuỗi", status_name AS "Trạng thái", area_name AS "Lĩnh vực", actor AS "Chủ thể",
       text AS "Cam kết (lần nêu gần nhất)", first_asked AS "Nêu lần đầu", last_asked AS "Nêu gần nhất",
       times_repeated AS "Số lần nhắc lại", deadline_year AS "Hạn (năm)",
       latest_report AS "Kết quả báo cáo gần nhất", place_list AS "Địa danh", year AS "Năm"
FROM threads ORDER BY year DESC, times_repeated DESC, id"""
_ISO = re.compile(r"^((?:19|20)\d{2})-\d{2}-\d{2}")


def open_db(path: str | Path, *, create: bool = True):
    """The database at `path`, with the schema in place (created when new)."""
    try:
        import sqlite_utils
    except ImportError:
        raise CamketError("the tracker needs sqlite-utils: pip install -e '.[track]'") from None
    path = Path(path)
    if path.is_dir():
        raise CamketError(f"{path}: is a folder; name the database file (e.g. {path / 'commitments.db'})")
    if not create and not path.exists():
        raise CamketError(f"{path}: no such database; create it with camket track add {path} INPUT...")
    if path.exists() and path.stat().st_size and path.read_bytes()[:16] != b"SQLite format 3\x00":
        raise CamketError(f"{path}: not an SQLite database")
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    ensure_schema(db)
    return db


def ensure_schema(db) -> None:
    existing = set(db.table_names())
    if existing and "documents" not in existing:
        # Never add the tracker's tables to somebody else's database.
        raise CamketError(f"{db.conn.execute('PRAGMA database_list').fetchone()[2]}: an SQLite database that is "
                          "not a camket tracker database; choose another file")
    for name, columns in SCHEMA.items():
        if name in existing:
            missing = {c: t for c, t in columns.items() if c not in db[name].columns_dict}
            if missing:
                raise CamketError(f"{db.conn.execute('PRAGMA database_list').fetchone()[2]}: table {name} lacks "
                                  f"{', '.join(missing)}; not a camket tracker database")
            continue
        db[name].create(columns, pk="id", foreign_keys=FOREIGN_KEYS.get(name), not_null={"id"})
        for cols in INDEXES.get(name, []):
            db[name].create_index(cols, if_not_exists=True)
    if "sentences_fts" not in existing:
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="unicode61")
    if "commitments_fts" not in existing:
        db["commitments"].enable_fts(["text", "actor", "action"], create_triggers=True, tokenize="unicode61")
    if THREADS_VIEW not in db.view_names():
        db.execute(THREADS_VIEW_SQL)


def sentence_ids(doc_id: str, texts: Sequence[str]) -> list[str]:
    """Stable ids from the text; a sentence said twice in one document gets -2, -3 ..."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        digest = hashlib.sha1(sentence_key(text).encode("utf-8")).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        out.append(f"{doc_id}:{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else ""))
    return out


def date_parts(date: str) -> tuple[str, int | None]:
    """"2023-08-18" → ("2023-08-18", 2023); a year alone → ("", year); else ("", None)."""
    date = (date or "").strip()
    match = _ISO.match(date)
    if match:
        return date[:10], int(match.group(1))
    year = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", date)
    return "", int(year.group(1)) if year else None


def stored_hash(db, doc_id: str) -> str | None:
    rows = list(db.query("select content_hash from documents where id = ?", [doc_id]))
    return rows[0]["content_hash"] if rows else None


def next_added(db) -> int:
    return (db.execute("select coalesce(max(added), 0) from documents").fetchone()[0] or 0) + 1


def edits_for(db, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = list(ids)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"select * from edits where id in ({marks})", chunk):
            out[row["id"]] = row
    return out


def save_edits(db, rows: Sequence[dict[str, Any]]) -> None:
    """Upsert what analysts typed; an empty cell never erases an earlier edit."""
    if not rows:
        return
    known = edits_for(db, [r["id"] for r in rows])
    merged = []
    for row in rows:
        old = known.get(row["id"], {})
        new = {**{c: "" for c in ANALYST_COLUMNS}, **old, "id": row["id"], "doc_id": row["doc_id"], "text": row["text"]}
        new.update({c: row[c] for c in ANALYST_COLUMNS if str(row.get(c, "") or "").strip()})
        if new != old:
            merged.append(new)
    if merged:
        db["edits"].upsert_all(merged, pk="id")


def replace_document(db, document: dict[str, Any], sentences: list[dict[str, Any]], commitments: list[dict[str, Any]]) -> None:
    """The document's rows, replacing whatever it had; links touching it go (they are recomputed)."""
    doc_id = document["id"]
    old_sentences = [r[0] for r in db.execute("select id from sentences where doc_id = ?", [doc_id]).fetchall()]
    if old_sentences:
        db.execute("delete from links where from_id in (select id from sentences where doc_id = ?) "
                   "or to_id in (select id from commitments where doc_id = ?)", [doc_id, doc_id])
        db.execute("delete from commitments where doc_id = ?", [doc_id])
        db.execute("delete from sentences where doc_id = ?", [doc_id])
    db["documents"].upsert(document, pk="id")
    if sentences:
        db["sentences"].insert_all(sentences, pk="id", batch_size=500)
    if commitments:
        db["commitments"].insert_all(commitments, pk="id", batch_size=500)


def set_ranks(db) -> list[str]:
    """Documents in tracker order: by date, undated ones after the dated, then by order added.

    Returns the doc ids in that order and stores each one's `rank`.
    """
    docs = list(db.query("select id, date_iso, added, rank from documents"))
    docs.sort(key=lambda d: (0 if d["date_iso"] else 1, d["date_iso"] or "", d["added"]))
    changed = [{"id": d["id"], "rank": i} for i, d in enumerate(docs, start=1) if d["rank"] != i]
    if changed:
        db["documents"].upsert_all(changed, pk="id")
    return [d["id"] for d in docs]


def sync_rows(db, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Make `columns` of `table` equal `rows`, writing only rows that differ (ids must exist)."""
    if not rows:
        return
    current = {r["id"]: r for r in db.query(f"select id, {', '.join(f'[{c}]' for c in columns)} from [{table}]")}
    changed = [r for r in rows if current.get(r["id"]) != {"id": r["id"], **{c: r.get(c) for c in columns}}]
    if changed:
        db[table].upsert_all(changed, pk="id")


def replace_set(db, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Make `table` hold exactly `rows` (by id), leaving unchanged rows untouched."""
    wanted = {r["id"]: r for r in rows}
    current = {r["id"]: r for r in db.query(f"select * from [{table}]")}
    gone = [i for i in current if i not in wanted]
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        db.execute(f"delete from [{table}] where id in ({','.join('?' * len(chunk))})", chunk)
    changed = [r for i, r in wanted.items() if current.get(i) != {c: r.get(c) for c in current.get(i, r)}]
    if changed:
        db[table].upsert_all(changed, pk="id")
