import pytest

from pipeline.classify.corpus import COLUMNS, CorpusError, read_corpus

HEADER = ",".join(COLUMNS) + "\n"


def write(tmp_path, name, body, header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_bundled_corpus_is_valid_and_large_enough(root):
    df = read_corpus([root / "corpora"])
    counts = df["area"].value_counts()
    assert len(df) >= 3000
    assert df["doc_id"].nunique() >= 200
    assert counts[0] >= 600
    for code in range(1, 7):
        assert counts[code] >= 300, code
        share_negative = (df[df["area"] == code]["commitment"] == 0).mean()
        assert share_negative >= 1 / 3, (code, share_negative)
    assert set(df["source"]) <= {"written", "reference", "reviewed"}


def test_good_file_reads(tmp_path):
    path = write(tmp_path, "ok.csv", "d1,Tăng cường phòng chống dịch.,1,1,written\nd1,Xin cảm ơn!,0,0,written\n")
    df = read_corpus([path])
    assert df["area"].tolist() == [1, 0]


# fmt: off
@pytest.mark.parametrize("body,header,expected", [
    ("d1,Xin cảm ơn!,0,written\n", "doc_id,text,area,source\n", "missing column(s) commitment"),
    ("d1,Xin cảm ơn!,9,0,written\n", HEADER, "bad.csv:2: area"),
    ("d1,Xin cảm ơn!,0,0,written\nd1,  ,0,0,written\n", HEADER, "bad.csv:3: text"),
    ("d1,Xin cảm ơn!,0,2,written\n", HEADER, "bad.csv:2: commitment"),
    ("d1,Xin cảm ơn!,0,0,copied\n", HEADER, "bad.csv:2: source"),
    (",Xin cảm ơn!,0,0,written\n", HEADER, "bad.csv:2: doc_id"),
    ("d1,Xin cảm ơn!,0,0,written\nd2,Xin cảm ơn!,0,1,written\n", HEADER, "same sentence, different labels"),
])
# fmt: on
def test_problems_name_file_and_line(tmp_path, body, header, expected):
    path = write(tmp_path, "bad.csv", body, header)
    with pytest.raises(CorpusError) as info:
        read_corpus([path])
    assert expected in str(info.value)


def test_conflict_across_tone_styles_is_caught(tmp_path):
    a = write(tmp_path, "a.csv", "d1,Phát triển văn hóa Thanh Hóa.,4,0,written\n")
    b = write(tmp_path, "b.csv", "d2,Phát triển văn hoá Thanh Hoá.,2,0,written\n")
    with pytest.raises(CorpusError, match=r"a.csv:2.*b.csv:2"):
        read_corpus([a, b])


def test_reviewed_label_overrides_written(tmp_path):
    a = write(tmp_path, "a.csv", "d1,Phát triển văn hóa.,2,0,written\n")
    b = write(tmp_path, "b.csv", "d1,Phát triển văn hóa.,4,1,reviewed\n")
    df = read_corpus([a, b])
    assert df[["area", "commitment", "source"]].values.tolist() == [[4, 1, "reviewed"]]


def test_training_stops_on_invalid_corpus(tmp_path):
    from pipeline.classify.train import train

    path = write(tmp_path, "bad.csv", "d1,Xin cảm ơn!,x,0,written\n")
    with pytest.raises(CorpusError, match="bad.csv:2"):
        train([path], tmp_path / "model", cv=0)
    assert not (tmp_path / "model").exists()
