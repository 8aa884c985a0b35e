"""Every command: help text, the happy path, and one-line errors instead of tracebacks."""

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli


@pytest.fixture()
def runner():
    return CliRunner()


def test_every_command_has_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "commitment" in result.output
    for name, command in cli.commands.items():
        assert command.help, name
        sub = runner.invoke(cli, [name, "--help"])
        assert sub.exit_code == 0, name
        assert "Usage: camket " + name in sub.output


def test_extract_reference_writes_commitments(runner, reference_path, tmp_path):
    out = tmp_path / "register.csv"
    result = runner.invoke(cli, ["extract", str(reference_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert (df["commitment"] == 1).all()
    assert set(df["area"]) == {1, 2, 3, 4, 5, 6}
    assert df["text"].str.startswith("Thứ năm").sum() == 1


def test_extract_all_writes_every_sentence(runner, reference_path, tmp_path):
    out = tmp_path / "all.csv"
    result = runner.invoke(cli, ["extract", str(reference_path), "-o", str(out), "--all"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert len(df) == 41
    assert df["part"].value_counts().to_dict() == {"speech": 37, "lead": 3, "caption": 1}
    assert df["sentence_id"].tolist() == list(range(1, 42))


def test_python_dash_m_runs():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "extract" in done.stdout


# fmt: off
@pytest.mark.parametrize("make_input,message", [
    (lambda d: d / "missing.txt", "missing.txt: no such file"),
    (lambda d: (d / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00") and d / "img.txt", "img.txt: not a text file"),
    (lambda d: (d / "empty.txt").write_bytes(b"") or d / "empty.txt", "empty.txt: the file is empty"),
])
# fmt: on
def test_bad_input_is_one_line_naming_the_file(runner, tmp_path, make_input, message):
    path = make_input(tmp_path)
    result = runner.invoke(cli, ["extract", str(path), "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 3
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_file_does_not_stop_the_others(runner, reference_path, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(cli, ["extract", str(reference_path), str(tmp_path / "bad.txt"), "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 1
    assert "bad.txt: not a text file" in result.output
    assert len(pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")) > 10


def test_output_that_is_an_input_is_refused(runner, reference_path, tmp_path):
    copy = tmp_path / "speech.txt"
    copy.write_bytes(reference_path.read_bytes())
    result = runner.invoke(cli, ["extract", str(copy), "-o", str(copy)])
    assert result.exit_code == 3
    assert "output is one of the inputs" in result.output
    assert copy.read_bytes() == reference_path.read_bytes()


def test_bad_model_folder_is_one_line(runner, reference_path, tmp_path):
    result = runner.invoke(cli, ["extract", str(reference_path), "-o", str(tmp_path / "r.csv"), "--model", str(tmp_path)])
    assert result.exit_code == 3
    assert "no model file" in result.output


def test_classify_keeps_columns_and_adds_labels(runner, tmp_path):
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": [1, 2], "câu": ["Xin trân trọng cảm ơn!", "Tăng cường phòng, chống dịch Covid-19."]}).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["classify", str(src), "--text-column", "câu", "-o", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == ["id", "câu", "area", "area_key", "area_score", "commitment", "commitment_score"]
    assert df["area"].tolist() == [0, 1]
    assert df["commitment"].tolist() == [0, 1]


def test_classify_keeps_the_labels_a_file_already_has(runner, tmp_path):
    src = tmp_path / "labelled.csv"
    pd.DataFrame({"text": ["Xin trân trọng cảm ơn!", "Tăng cường phòng, chống dịch Covid-19."],
                  "area": [4, 4], "commitment": [1, 0]}).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    result = runner.invoke(cli, ["classify", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == ["text", "area", "commitment", "area_pred", "area_key_pred", "area_score_pred",
                                "commitment_pred", "commitment_score_pred"]
    assert df["area"].tolist() == [4, 4] and df["commitment"].tolist() == [1, 0]  # the file's labels, untouched
    assert df["area_pred"].tolist() == [0, 1] and df["commitment_pred"].tolist() == [0, 1]


def test_evaluate_reads_a_dev_set_without_documents(runner, tmp_path):
    src = tmp_path / "dev.csv"
    pd.DataFrame({"id": ["a", "b"], "text": ["Xin trân trọng cảm ơn!", "Tăng cường phòng, chống dịch Covid-19."],
                  "area": [0, 1], "commitment": [0, 1]}).to_csv(src, index=False)
    result = runner.invoke(cli, ["evaluate", str(src)])
    assert result.exit_code == 0, result.output
    assert "sentences: 2" in result.output and "macro-F1" in result.output
    # the register's decision too: the classifier's, plus the reported orders the fields stage finds
    register = next(line for line in result.output.splitlines() if line.startswith("register "))
    assert register.split()[1:7] == ["precision", "1.000", "recall", "1.000", "F1", "1.000"]


def test_classify_names_a_missing_column(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Xin cảm ơn\n", encoding="utf-8")
    result = runner.invoke(cli, ["classify", str(src), "--text-column", "câu", "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 3
    assert "no column 'câu'" in result.output and "--text-column" in result.output


def _tiny_corpus(path):
    """Six two-sentence documents: a directive on epidemics and thanks."""
    rows = ["doc_id,text,area,commitment,source"]
    for i in range(6):
        rows += [f"d{i},Tăng cường phòng chống dịch bệnh lần {i}.,1,1,written", f"d{i},Xin trân trọng cảm ơn lần {i}!,0,0,written"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_train_and_evaluate_commands(runner, tmp_path):
    corpus = _tiny_corpus(tmp_path / "c.csv")
    result = runner.invoke(cli, ["train", str(corpus), "-o", str(tmp_path / "m"), "--cv", "3"])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output
    result = runner.invoke(cli, ["evaluate", str(corpus), "--model", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert "confusion matrix" in result.output
    result = runner.invoke(cli, ["evaluate", str(corpus), "--cv", "50"])
    assert result.exit_code == 3 and "--cv needs" in result.output


def test_train_scores_a_held_out_dev_set_and_refuses_a_leaking_one(runner, tmp_path):
    import json

    corpus = _tiny_corpus(tmp_path / "c.csv")
    dev = tmp_path / "dev.csv"
    dev.write_text("id,text,area,commitment\na,Đẩy mạnh tiêm vắc-xin phòng dịch.,1,1\nb,Xin cảm ơn các đồng chí!,0,0\n", encoding="utf-8")
    result = runner.invoke(cli, ["train", str(corpus), "-o", str(tmp_path / "m"), "--cv", "0", "--dev", str(dev)])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    (scores,) = meta["dev"].values()
    assert scores["n"] == 2 and "macro_f1" in scores["area"]
    assert "held out" in (tmp_path / "m" / "README.md").read_text(encoding="utf-8")
    leaking = tmp_path / "leak.csv"
    leaking.write_text("text,area,commitment\nXin trân trọng cảm ơn lần 3!,0,0\n", encoding="utf-8")
    result = runner.invoke(cli, ["train", str(corpus), "-o", str(tmp_path / "m2"), "--cv", "0", "--dev", str(leaking)])
    assert result.exit_code == 3 and "must be held out" in result.output
    assert not (tmp_path / "m2").exists()
