"""Hostile text costs time linear in its length: every regular expression of the package,
the menu check and sentence segmentation (issue 13: a one-line menu never finished,
650 KB of initials took 171 s).

Budgets are generous (minutes of slack on a slow machine); they catch exponential or
quadratic blow-up, not speed. Speed is measured with `camket benchmark`.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.text import lexicon
from pipeline.text.segment import split_span

PROBE = Path(__file__).with_name("regex_probe.py")


def test_every_pattern_runs_in_linear_time_on_adversarial_lines():
    """Each pattern gets long menus, repeated separators and 100,000-character lines."""
    try:
        done = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, timeout=240, cwd=PROBE.parent.parent)
    except subprocess.TimeoutExpired as exc:
        started = [line for line in (exc.stdout or b"").decode().splitlines() if line.startswith("start ")]
        pytest.fail(f"a pattern did not finish: {started[-1] if started else '?'}")
    assert done.returncode == 0, done.stderr
    timings = {line.split()[1]: float(line.split()[0]) for line in done.stdout.splitlines() if not line.startswith("start ")}
    assert len(timings) >= 40  # every module-level pattern was found
    assert "pipeline.text.lexicon.CHROME_LINE" in timings and "pipeline.fields.lexicon.ACTION_END" in timings
    slow = {name: t for name, t in timings.items() if t > 20}
    assert not slow, slow


def test_the_menu_that_never_finished():
    menu = " | ".join(["Trang chủ", "Thời sự", "Kinh tế", "Văn hóa", "Xã hội", "Thể thao", "Pháp luật", "Quốc tế",
                       "Giáo dục", "Y tế", "Du lịch"] + ["Tin tức sự kiện hôm nay của tỉnh Thanh Hóa và các địa phương"])
    started = time.perf_counter()
    assert not lexicon.is_menu_line(menu)  # its last item is longer than a menu item
    assert lexicon.is_menu_line(menu.rsplit(" | ", 1)[0])
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Trang chủ | Giới thiệu | Tin tức", True),
        ("Trang chủ » Tin tức » Thời sự", True),
        ("a | | b", True),  # an empty-looking middle item of spaces still counts
        ("a || b", False),  # an empty middle item does not
        ("Trang chủ | Tin tức", False),  # two items are not a menu
        ("Một câu dài có dấu | ở giữa nhưng không phải là một danh mục trang web | vì các mục quá dài", False),
        ("x" * 30 + " | b | " + "y" * 30, True),
        ("x" * 31 + " | b | c", False),
        ("a | b |   " + "y" * 30, True),  # spaces after a separator are not counted
    ],
)
def test_menu_lines(line, menu):
    assert lexicon.is_menu_line(line) is menu


def _old_regex_menu(line: str) -> bool:
    """The regex is_menu_line replaced, for lines short enough to check it on."""
    return bool(re.match(r"^(?:[^|•»>]{1,30}\s*[|•»>]\s*){2,}[^|•»>]{0,30}$", line))


def test_menu_check_agrees_with_the_old_regex_on_random_short_lines():
    rng = random.Random(13)
    alphabet = ["a", "b", " ", " ", "|", "•", "»", ">", "Trang", "chủ"]
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))).strip()
        line = re.sub("a", lambda m: "a" * rng.randint(1, 20), line)
        assert lexicon.is_menu_line(line) == _old_regex_menu(line), line


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_span(text, 0, len(text))]


def test_segmentation_is_linear_in_the_paragraph():
    """650 KB of initials and abbreviations in one paragraph (171 s before)."""
    text = "TS. Nguyễn V. An, PGS.TS. Trần B. Cường và ThS. Lê Đ. Minh phát biểu. " * 9000
    started = time.perf_counter()
    sentences = _split(text)
    assert time.perf_counter() - started < 30
    assert len(sentences) == 9000
    assert sentences[0] == "TS. Nguyễn V. An, PGS.TS. Trần B. Cường và ThS. Lê Đ. Minh phát biểu."


@pytest.mark.parametrize("unit", ["." * 50 + " ", "A. " * 3, "1. ", "v.v. ", "Điều 5. ", "… ", ". . . ", "!!! "])
def test_repeated_marks_segment_in_linear_time(unit):
    text = "Mở đầu " + unit * (200_000 // len(unit)) + "Kết thúc."
    started = time.perf_counter()
    _split(text)
    assert time.perf_counter() - started < 30


def _old_split(text: str) -> list[str]:
    """The quadratic segmenter this replaced (re-split the sentence so far at every dot)."""
    from pipeline.text.segment import _SPACE, _starts_sentence

    end_re = re.compile(r"(?:[.!?…]+)[" + re.escape(lexicon.CLOSERS) + r"]*(?=\s)")

    def is_abbreviation(before: str, so_far: str) -> bool:
        word = before.split()[-1] if before.split() else ""
        word = word.lstrip(lexicon.OPENERS)
        if word in lexicon.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            return True
        if re.fullmatch(r"(?:[A-ZĐ][a-zđ]{0,2}\.)+[A-ZĐ][A-Za-zđ]{0,2}", word):
            return True
        return bool(lexicon.LIST_MARKER.match(so_far.strip()))

    out, start, end = [], 0, len(text)
    for match in end_re.finditer(text, 0, end):
        stop = match.end()
        nxt = _SPACE.match(text, stop, end)
        if nxt is None or nxt.end() >= end:
            continue
        if not _starts_sentence(text[nxt.end()]) or lexicon.CREDIT_AFTER.match(text, nxt.end()):
            continue
        punct = match.group(0)
        if punct.startswith(".") and len(punct.rstrip(lexicon.CLOSERS)) == 1:
            if is_abbreviation(text[start : match.start()], text[start : match.start()]):
                continue
        out.append(text[start:stop])
        start = nxt.end()
    if start < end:
        out.append(text[start:end])
    return out


def test_linear_segmenter_splits_exactly_as_the_old_one():
    rng = random.Random(7)
    pieces = ["TS.", "Nguyễn", "V.", "An", "đã", "nói", ".", "!", "...", "…", "”", "“Chúng", "1.", "a.", "Điều", "5.",
              "TP.", "Hà", "Nội", "v.v.", "PGS.TS.", "(Ảnh:", "X)", "2022.", "Anh.", "  ", "-", "Tỉnh", "Th.S"]
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        assert _split(text) == _old_split(text), text
