"""Statuses and threads, computed from the links (never typed; an analyst's status overrides).

A commitment is
- `reported` when a later sentence reports results of it,
- `repeated` when a later commitment repeats or extends it (asked again: often not done),
- `overdue` when its deadline year is earlier than the year of the newest document,
- `open` otherwise;
the first that applies, in that order. A thread is a commitment and everything that repeats
or extends it, directly or through others; its status is that of its latest commitment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

STATUSES = ("open", "repeated", "reported", "overdue")
# What an analyst may type besides the computed ones.
ANALYST_STATUSES = STATUSES + ("done", "dropped")
STATUS_NAMES = {
    "open": "Đang theo dõi",
    "repeated": "Được nhắc lại",
    "reported": "Đã báo cáo kết quả",
    "overdue": "Quá hạn",
    "done": "Đã hoàn thành",
    "dropped": "Không tiếp tục theo dõi",
}
_ALIASES = {**{s: s for s in ANALYST_STATUSES}, **{name.casefold(): key for key, name in STATUS_NAMES.items()}}


def parse_status(value: str) -> str:
    """An analyst's status: a key (`done`) or its Vietnamese name (`Đã hoàn thành`), any case."""
    text = " ".join(str(value).split()).casefold()
    if text in _ALIASES:
        return _ALIASES[text]
    raise ValueError(f"unknown status {value!r}; use one of: {', '.join(ANALYST_STATUSES)}")


def computed_status(commitment: dict[str, Any], *, reported: bool, repeated: bool, newest_year: int | None) -> str:
    if reported:
        return "reported"
    if repeated:
        return "repeated"
    deadline = commitment.get("deadline_year")
    if deadline is not None and newest_year is not None and deadline < newest_year:
        return "overdue"
    return "open"


def thread_ids(commitments: Sequence[dict[str, Any]], links: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each commitment's thread: the id of the earliest commitment it is chained to.

    `commitments` must be in tracker order (earliest first).
    """
    parent = {c["id"]: c["id"] for c in commitments}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = {c["id"]: n for n, c in enumerate(commitments)}
    for link in links:
        if link["kind"] in ("repeats", "extends") and link["from_id"] in parent and link["to_id"] in parent:
            a, b = root(link["from_id"]), root(link["to_id"])
            if a != b:
                first, second = (a, b) if order[a] < order[b] else (b, a)
                parent[second] = first
    return {i: root(i) for i in parent}


def thread_rows(
    commitments: dict[str, dict[str, Any]],
    ranks: dict[str, int],
    links: Sequence[dict[str, Any]],
    reports: dict[str, dict[str, Any]],
    documents: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """One row per thread. `commitments` (id → row with `thread_id` and `status`) in tracker order."""
    import json

    members: dict[str, list[dict[str, Any]]] = {}
    for c in commitments.values():
        members.setdefault(c["thread_id"], []).append(c)
    latest_report: dict[str, tuple[int, str, dict[str, Any]]] = {}
    for link in links:
        if link["kind"] != "reports_on" or link["to_id"] not in commitments or link["from_id"] not in reports:
            continue
        sentence = reports[link["from_id"]]
        key = (ranks[sentence["doc_id"]], sentence["id"])
        thread = commitments[link["to_id"]]["thread_id"]
        if thread not in latest_report or key > latest_report[thread][:2]:
            latest_report[thread] = (*key, sentence)

    def when(doc_id: str) -> str:
        d = documents[doc_id]
        return d["date_iso"] or (str(d["year"]) if d["year"] else d["title"] or doc_id)

    rows = []
    for thread, chain in members.items():
        first, last = chain[0], chain[-1]
        places: list[str] = []
        for c in chain:
            places.extend(p for p in json.loads(c["place_list"] or "[]") if p not in places)
        deadlines = [c["deadline_year"] for c in chain if c["deadline_year"] is not None]
        report = latest_report.get(thread)
        rows.append({
            "id": thread, "area_name": last["area_name"],
            "actor": next((c["actor"] for c in reversed(chain) if c["actor"]), ""), "text": last["text"],
            "first_asked": when(first["doc_id"]), "first_doc": first["doc_id"],
            "last_asked": when(last["doc_id"]), "last_doc": last["doc_id"], "year": documents[last["doc_id"]]["year"],
            "times_asked": len(chain), "times_repeated": len(chain) - 1,
            "deadline_year": deadlines[-1] if deadlines else None,
            "latest_report": report[2]["text"] if report else "", "latest_report_doc": report[2]["doc_id"] if report else "",
            "status": last["status"], "status_name": STATUS_NAMES[last["status"]],
            "places": " | ".join(places), "place_list": json.dumps(places, ensure_ascii=False),
        })
    return rows
