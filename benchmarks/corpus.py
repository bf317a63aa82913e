"""A synthetic corpus for benchmarks: the bundled sample replicated with variations.

Each file is a shuffle of the sample's reports with their Arabic numbers changed (seeded,
`vary_numbers`, which the other benchmarks' corpora use too), so neither caches nor the
skip-unchanged logic can cheat; every fifth file is GB18030.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample" / "village_reports_compilation.txt"
_DIGITS = re.compile(r"[0-9]+")
# A numbered heading's digits: 1、 2. (3) at the start of a line.
_MARKER_DIGITS = re.compile(r"(?m)^[ \t\u3000]*[(（]?[0-9]+(?=[、.．)）])")


def reports(text: str) -> list[str]:
    from pipelines.split_documents import split_documents

    return [text[span.start:span.end] for span in split_documents(text)]


def vary_numbers(text: str, rng: random.Random) -> str:
    """Every run of Arabic digits redrawn at the same length (a leading 0 stays 0), except
    heading markers and a lone 0, so documents and sections split as in the sample."""
    markers = {m.end() for m in _MARKER_DIGITS.finditer(text)}

    def number(match: re.Match[str]) -> str:
        run = match.group()
        if match.end() in markers or run == "0":
            return run
        first = str(rng.randint(1, 9)) if run[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in run[1:])

    return _DIGITS.sub(number, text)


def build_corpus(folder: Path, total_mb: float, file_mb: float = 2.0, seed: int = 7) -> list[Path]:
    """Write about `total_mb` MB of report files of about `file_mb` MB each into `folder`."""
    rng = random.Random(seed)
    texts = reports(SAMPLE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    paths, written, index = [], 0, 0
    while written < total_mb * 2**20:
        parts, size = [], 0
        while size < file_mb * 2**20:
            report = vary_numbers(rng.choice(texts), rng)
            parts.append(report if report.endswith("\n") else report + "\n")
            size += len(report.encode("utf-8"))
        encoding = "gb18030" if index % 5 == 4 else "utf-8"
        path = folder / f"reports_{index:04d}.txt"
        data = "".join(parts).encode(encoding)
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
        index += 1
    return paths
