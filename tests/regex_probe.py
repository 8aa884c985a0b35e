"""Feeds every regular expression of the package adversarial text and prints how long each took.

Run by tests/test_linear_time.py in a child process (a regex that backtracks
exponentially never returns, and a test must fail rather than hang):
``python tests/regex_probe.py`` prints one line per pattern: seconds, name.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time

N = 100_000  # characters in each adversarial line
SKIP = ("pipeline.__main__", "pipeline.cli", "pipeline.plots", "pipeline.bench")


def patterns() -> dict[str, object]:
    """name -> compiled pattern (or line predicate) for every module-level pattern of the package."""
    import pipeline
    from pipeline.text import lexicon

    found: dict[str, object] = {"pipeline.text.lexicon.is_menu_line": lexicon.is_menu_line}
    for info in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        if info.name.startswith(SKIP):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, re.Pattern):
                        found[f"{info.name}.{name}[{key!r}]"] = item
    return found


def phrases(source: str, limit: int = 4) -> list[str]:
    """Literal words of a pattern ("thống\\s+kê" -> "thống kê"), a few spread over the pattern."""
    text = re.sub(r"\\s[+*]?\+?", " ", source)
    found = sorted({m.strip() for m in re.findall(r"[^\W\d_]{2,}(?: [^\W\d_]+)*", text)})
    return found[:: max(1, len(found) // limit)][:limit] or ["ab"]


def adversarial(source: str) -> list[str]:
    lines = [c * N + "\x00" for c in " .|-/,:(a0Đ"]
    long_item = "Tin tức sự kiện hôm nay của tỉnh Thanh Hóa, dài hơn ba mươi ký tự"
    for sep in (" | ", " • ", " » ", " > ", ". ", ", "):
        lines.append(("Trang chủ" + sep) * 12 + long_item)
        lines.append(("Mục" + sep) * (N // (3 + len(sep))) + long_item)
    for phrase in phrases(source):
        lines += [phrase + " " * N + "x", (phrase + " ") * (N // (len(phrase) + 1)) + "!",
                  phrase + " :" + " " * N + "x", phrase + "." * N + "x", "(" + phrase + ": " * (N // (len(phrase) + 2))]
    lines.append("TS. Nguyễn V. An " * (N // 17))
    lines.append("a.b-" * (N // 4) + "x")
    return lines


def main() -> None:
    only = sys.argv[1:]
    for name, pattern in patterns().items():
        if only and not any(o in name for o in only):
            continue
        source = getattr(pattern, "pattern", "")
        started = time.perf_counter()
        print(f"start {name}", flush=True)
        for line in adversarial(source):
            if isinstance(pattern, re.Pattern):
                pattern.match(line)
                pattern.search(line)
            else:
                pattern(line)
        print(f"{time.perf_counter() - started:.3f} {name}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
