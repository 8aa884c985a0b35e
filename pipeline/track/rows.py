"""Register rows of one document → rows of the tracker's tables, analysts' edits applied."""

from __future__ import annotations

import json
from typing import Any

from pipeline.areas import area as area_of, parse_area
from pipeline.register import LIST_SEPARATOR
from pipeline.review.imports import parse_commitment
from pipeline.track.inputs import DocumentRows
from pipeline.track.link import is_report
from pipeline.track.status import parse_status
from pipeline.track.store import ANALYST_COLUMNS, date_parts, sentence_ids


def _int(value: Any) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _float(value: Any) -> float | None:
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def _list(value: Any) -> list[str]:
    return [p.strip() for p in str(value or "").split(LIST_SEPARATOR.strip()) if p.strip()]


def analyst_rows(doc: DocumentRows) -> list[dict[str, Any]]:
    """The rows of `doc` in which an analyst typed something, as `edits` rows."""
    ids = sentence_ids(doc.doc_id, [r["text"] for r in doc.rows])
    out = []
    for sid, row in zip(ids, doc.rows):
        if any(str(row.get(c, "")).strip() for c in ANALYST_COLUMNS):
            out.append({"id": sid, "doc_id": doc.doc_id, "text": row["text"], **{c: str(row.get(c, "")).strip() for c in ANALYST_COLUMNS}})
    return out


def table_rows(doc: DocumentRows, *, added: int, edits: dict[str, dict[str, Any]],
               notes: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """(document, sentences, commitments) of `doc`; a reviewed area, commitment or status wins.

    An unreadable analyst value is named in `notes` and the model's value kept.
    """
    first = doc.rows[0]
    date_iso, year = date_parts(first.get("date", ""))
    ids = sentence_ids(doc.doc_id, [r["text"] for r in doc.rows])
    sentences, commitments = [], []
    for n, (sid, row) in enumerate(zip(ids, doc.rows), start=1):
        edit = edits.get(sid, {})
        reviewed = {c: str(edit.get(c) or row.get(c, "") or "").strip() for c in ANALYST_COLUMNS}
        code = _int(row.get("area")) or 0
        commitment = _int(row.get("commitment")) or 0
        try:
            code = parse_area(reviewed["area_reviewed"]) if reviewed["area_reviewed"] else area_of(code).code
        except (ValueError, KeyError) as exc:
            notes.append(f"{doc.origin}: {doc.doc_id} sentence {n}: area_reviewed: {exc}")
        try:
            commitment = parse_commitment(reviewed["commitment_reviewed"]) if reviewed["commitment_reviewed"] else commitment
        except ValueError as exc:
            notes.append(f"{doc.origin}: {doc.doc_id} sentence {n}: commitment_reviewed: {exc}")
        part = str(row.get("part", "") or "speech")
        text = str(row["text"])
        sentences.append({
            "id": sid, "doc_id": doc.doc_id, "position": _int(row.get("sentence_id")) or n,
            "paragraph": _int(row.get("paragraph")), "part": part, "text": text, "area": code,
            "area_name": area_of(code).name, "area_score": _float(row.get("area_score")), "commitment": commitment,
            "commitment_score": _float(row.get("commitment_score")),
            "is_report": int(not commitment and code != 0 and part == "speech" and is_report(text)),
            "area_reviewed": reviewed["area_reviewed"], "commitment_reviewed": reviewed["commitment_reviewed"],
            "review_note": reviewed["review_note"], "start": _int(row.get("start")), "end": _int(row.get("end")),
        })
        if not commitment:
            continue
        status_reviewed = ""
        if reviewed["status_reviewed"]:
            try:
                status_reviewed = parse_status(reviewed["status_reviewed"])
            except ValueError as exc:
                notes.append(f"{doc.origin}: {doc.doc_id} sentence {n}: status_reviewed: {exc}")
        places = _list(row.get("places"))
        commitments.append({
            "id": sid, "sentence_id": sid, "doc_id": doc.doc_id, "year": year, "date_iso": date_iso,
            "position": sentences[-1]["position"], "text": text, "area": code, "area_key": area_of(code).key,
            "area_name": area_of(code).name,
            **{c: str(row.get(c, "") or "") for c in ("cue", "commitment_type", "actor", "partners", "action",
                                                        "actions", "timeframe", "references", "places")},
            "deadline_year": _int(row.get("deadline_year")), "place_list": json.dumps(places, ensure_ascii=False),
            "thread_id": sid, "status_computed": "open", "status_reviewed": status_reviewed,
            "status_note": reviewed["status_note"], "status": status_reviewed or "open", "status_name": "",
        })
    document = {
        "id": doc.doc_id, "source": str(first.get("source", "") or doc.origin), "title": str(first.get("title", "") or ""),
        "date": str(first.get("date", "") or ""), "date_iso": date_iso, "year": year,
        "speaker": str(first.get("speaker", "") or ""), "added": added, "rank": 0, "content_hash": doc.content_hash,
        "sentences": len(sentences), "commitments": len(commitments),
    }
    return document, sentences, commitments
