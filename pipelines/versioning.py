"""The pipeline version: a digest of everything that shapes what an ingest writes.

A source whose sha256 and pipeline version are unchanged is skipped, so the version must
change whenever a rule, a word list or a stage changes — computed from their bytes, never
bumped by hand. Covered: every module and data file of `extractors` (rules and language
data) and `schemas`, the stage modules of `pipelines` named in OUTPUT_MODULES, and each
registered extractor (its declaration, and the source of a plugin's class or module), and
the official division list places are resolved against.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from functools import cache
from pathlib import Path

from extractors.divisions import list_version
from extractors.registry import all_extractors

ROOT = Path(__file__).resolve().parent.parent
# The pipelines modules whose code decides the documents, sections, facts and checks.
OUTPUT_MODULES = ("read", "split_documents", "document_lines", "document_cues", "split_sections", "structure",
                  "duplicates", "line_wraps", "extract", "check", "check_rules", "check_figures", "check_shares",
                  "process")
# …and those that only run, load or report them (a test checks that these two lists name
# every module of the package, so that a new stage cannot be left out of the digest).
ORCHESTRATION_MODULES = ("flow", "runners", "work_gate", "artifacts", "versioning", "warehouse")
_PACKAGES = ("extractors", "schemas")
_DATA_SUFFIXES = (".py", ".tsv")


def source_files(root: Path = ROOT) -> list[Path]:
    """The files under `root` (a checkout) that shape the output, in a stable order."""
    files = [path for package in _PACKAGES for path in sorted((root / package).rglob("*"))
             if path.suffix in _DATA_SUFFIXES and "__pycache__" not in path.parts]
    return files + [root / "pipelines" / f"{name}.py" for name in OUTPUT_MODULES]


@cache
def files_digest(root: Path = ROOT) -> str:
    """sha256 over the paths and bytes of `source_files(root)`."""
    digest = hashlib.sha256()
    for path in source_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _extractor_part(extractor) -> bytes:
    part = repr(extractor).encode()
    module = sys.modules.get(type(extractor).__module__)
    for owner in (type(extractor), module):
        try:
            source = Path(inspect.getsourcefile(owner) or "")
        except TypeError:
            continue
        if source.is_file() and ROOT not in source.resolve().parents:
            part += source.read_bytes()  # a plugin's rules live outside this repository
    return part


def pipeline_version() -> str:
    """Changes whenever a rule source, the language data or a registered extractor changes."""
    digest = hashlib.sha256(files_digest().encode() + list_version().encode())
    for extractor in all_extractors():
        digest.update(_extractor_part(extractor))
    return digest.hexdigest()[:16]
