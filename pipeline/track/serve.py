"""`camket track serve`: the tracker in Datasette, with Vietnamese labels, facets and queries.

`metadata(db_path)` is the whole configuration (titles, column descriptions, facets on
area, actor, place, year and status, canned queries); `datasette_app` builds the app the
tests drive through Datasette's own client; `serve` runs it with uvicorn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.errors import CamketError
from pipeline.track.store import THREADS_VIEW

FACETS = ["area_name", "actor", {"array": "place_list"}, "year", "status_name"]
VIEW_FACETS = ["Lĩnh vực", "Chủ thể", {"array": "Địa danh"}, "Năm", "Trạng thái"]
COLUMNS_VI = {
    "id": "Mã", "doc_id": "Văn bản", "text": "Nội dung câu", "area_name": "Lĩnh vực ưu tiên", "actor": "Chủ thể thực hiện",
    "partners": "Đơn vị phối hợp", "action": "Nội dung hành động", "timeframe": "Thời hạn (như văn bản nêu)",
    "deadline_year": "Năm hạn chót", "places": "Địa danh", "place_list": "Địa danh (danh sách)", "year": "Năm của văn bản",
    "status": "Trạng thái (mã)", "status_name": "Trạng thái", "status_computed": "Trạng thái tính được",
    "status_reviewed": "Trạng thái do cán bộ phân tích nhập", "thread_id": "Chuỗi cam kết (mã cam kết đầu tiên)",
    "first_asked": "Nêu lần đầu", "last_asked": "Nêu gần nhất", "times_asked": "Số lần nêu", "times_repeated": "Số lần nhắc lại",
    "latest_report": "Kết quả báo cáo gần nhất", "kind": "Loại liên kết: repeats (nhắc lại), extends (mở rộng), reports_on (báo cáo kết quả)",
    "score": "Điểm tương đồng", "from_id": "Câu sau", "to_id": "Cam kết trước", "title": "Tiêu đề", "date": "Ngày",
    "speaker": "Người phát biểu", "commitment_type": "Loại cam kết", "is_report": "Câu báo cáo kết quả (1/0)",
}
QUERIES = {
    "qua_han": {
        "title": "Cam kết quá hạn",
        "description": "Cam kết có năm hạn chót sớm hơn năm của văn bản mới nhất mà chưa được báo cáo kết quả.",
        "sql": "select c.id, c.doc_id, c.deadline_year, c.actor, c.area_name, c.text from commitments c "
               "where c.status = 'overdue' order by c.deadline_year, c.doc_id",
    },
    "theo_chu_the": {
        "title": "Các cam kết của một chủ thể qua các năm",
        "description": "Nhập một phần tên chủ thể, ví dụ: Sở Y tế.",
        "sql": "select c.year, c.doc_id, c.status_name, c.area_name, c.actor, c.text from commitments c "
               "where c.actor like '%' || :chu_the || '%' order by c.year, c.doc_id, c.position",
    },
    "cam_ket_moi": {
        "title": "Cam kết mới trong văn bản gần nhất",
        "description": "Cam kết của văn bản mới nhất không nhắc lại hay mở rộng cam kết nào trước đó.",
        "sql": "select c.id, c.area_name, c.actor, c.text from commitments c "
               "join documents d on d.id = c.doc_id where d.rank = (select max(rank) from documents) "
               "and c.area != 0 and not exists (select 1 from links l where l.from_id = c.id) order by c.position",
    },
    "bao_cao_ket_qua": {
        "title": "Câu báo cáo kết quả và cam kết được báo cáo",
        "sql": "select l.from_doc, s.text as bao_cao, l.to_doc, c.text as cam_ket, l.score from links l "
               "join sentences s on s.id = l.from_id join commitments c on c.id = l.to_id "
               "where l.kind = 'reports_on' order by l.from_doc, l.score desc",
    },
}


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata: Vietnamese titles and column descriptions, facets, canned queries."""
    name = Path(db_path).stem

    def table(title: str, description: str, columns: list[str], facets: list | None = None, **extra: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"title": title, "description": description,
                               "columns": {c: COLUMNS_VI[c] for c in columns if c in COLUMNS_VI}, **extra}
        if facets:
            out["facets"] = facets
        return out

    return {
        "title": "Theo dõi cam kết qua các hội nghị",
        "description": "Các cam kết trong bài phát biểu bế mạc qua từng năm: cam kết nào mới, được nhắc lại, "
                       "được mở rộng, đã báo cáo kết quả hay đã quá hạn (camket track).",
        "databases": {name: {
            "tables": {
                THREADS_VIEW: {"title": "Chuỗi cam kết", "facets": VIEW_FACETS,
                               "description": "Mỗi dòng là một cam kết cùng các lần nhắc lại, mở rộng và báo cáo kết quả."},
                "threads": table("Chuỗi cam kết (mã cột tiếng Anh)", "Như trang Chuỗi cam kết, với tên cột gốc.",
                                 list(COLUMNS_VI), FACETS, sort_desc="year"),
                "commitments": table("Cam kết", "Mỗi cam kết của mỗi văn bản, với trạng thái và chuỗi.",
                                     list(COLUMNS_VI), FACETS, searchmode="raw"),
                "sentences": table("Các câu", "Mọi câu của các văn bản; tìm kiếm toàn văn.", list(COLUMNS_VI),
                                   ["area_name", "part", "commitment", "is_report"], searchmode="raw"),
                "links": table("Liên kết", "Câu sau nhắc lại, mở rộng hoặc báo cáo kết quả của cam kết trước.",
                               list(COLUMNS_VI), ["kind", "from_doc", "to_doc"]),
                "documents": table("Văn bản", "Các bài phát biểu đã đưa vào, theo thứ tự thời gian (rank).",
                                   list(COLUMNS_VI), sort="rank"),
                "edits": table("Chỉnh sửa của cán bộ phân tích", "Những gì cán bộ phân tích đã nhập; giữ nguyên khi thêm lại văn bản.",
                               list(COLUMNS_VI)),
            },
            "queries": QUERIES,
        }},
    }


def datasette_app(db_path: str | Path):
    """A Datasette instance on the tracker (read-only, immutable file)."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise CamketError("serving needs Datasette: pip install -e '.[track]'") from None
    db_path = Path(db_path)
    if not db_path.is_file():
        raise CamketError(f"{db_path}: no such database; create it with camket track add {db_path} INPUT...")
    from pipeline.track.store import open_db

    open_db(db_path, create=False).close()  # refuses a file that is not a tracker
    return Datasette(immutables=[str(db_path)], metadata=metadata(db_path),
                     settings={"default_facet_size": 15, "facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000})


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette until interrupted."""
    import asyncio

    import uvicorn

    app = datasette_app(db_path)
    asyncio.run(app.invoke_startup())
    uvicorn.run(app.app(), host=host, port=port, log_level="warning")
