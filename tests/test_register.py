import io

import pandas as pd
import pytest

from pipeline import register
from pipeline.records import Labels, Sentence


def sentence(text: str, area: int = 2, commitment: int = 1, **kw) -> Sentence:
    labels = Labels(area=area, area_score=0.9, commitment=commitment, commitment_score=0.8, area_alt=0, area_alt_score=0.05)
    return Sentence(doc_id="d", sentence_id=kw.get("sid", 1), paragraph=1, part="speech", start=0, end=len(text), text=text, labels=labels)


def test_columns_start_in_the_documented_order():
    assert register.COLUMNS[:11] == (
        "doc_id", "sentence_id", "paragraph", "part", "text", "area", "area_key",
        "area_name", "area_score", "commitment", "commitment_score",
    )


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+84 912", "-Tăng cường", "@chí", "\tTab"])
def test_formula_cells_are_defused_but_readable(text):
    data = register.to_csv_bytes(register.frame([register.row(sentence(text))]))
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back.loc[0, "text"] == "'" + text


def test_vietnamese_round_trips_through_csv(tmp_path):
    text = "Đẩy mạnh liên kết phát triển kinh tế biển; thu hút đầu tư vào Khu kinh tế Nghi Sơn, Vũng Áng."
    path = register.write(register.frame([register.row(sentence(text))]), tmp_path / "r.csv")
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back.loc[0, "text"] == text
    assert back.loc[0, "area_name"] == "Hợp tác, liên kết phát triển kinh tế"
    assert back.loc[0, "area_key"] == "economy"


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "r.csv"
    target.write_text("old", encoding="utf-8")

    class Boom(Exception):
        pass

    from pipeline.atomic import atomic_write

    def fail(handle):
        handle.write(b"partial")
        raise Boom

    with pytest.raises(Boom):
        atomic_write(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_unknown_output_format_lists_the_valid_ones(tmp_path):
    from pipeline.errors import CamketError

    with pytest.raises(CamketError, match=r"unknown output format .doc.*\.csv"):
        register.write(register.frame([]), tmp_path / "r.doc")


def test_needs_review_when_unsure():
    sure = sentence("x")
    unsure = Sentence(**{**sure.__dict__, "labels": Labels(area=2, area_score=0.45, commitment=1, commitment_score=0.9, area_alt=3, area_alt_score=0.4)})
    assert not register.needs_review(sure)
    assert register.needs_review(unsure)
