"""The spaCy `zh` pipeline with the pkuseg segmenter, loaded offline.

spacy-pkuseg fetches its models from GitHub at run time; we take the mixed-domain
`default` model from the pkuseg==0.0.25 sdist on PyPI once at set-up instead
(`huibao fetch-model`), turn its feature table into compact arrays
(extractors.compact_pkuseg: ~110 MB resident instead of ~870 MB), and load those ever after.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from functools import lru_cache
from pathlib import Path

from extractors import compact_pkuseg

PKUSEG_SDIST = "pkuseg==0.0.25"
_MEMBER_PREFIX = "pkuseg-0.0.25/pkuseg/models/default/"
MODEL_FILES = ("features.pkl", "weights.npz")
# spacy-pkuseg reads features.msgpack fastest (and warns without it); written at fetch time.
_FEATURES_MSGPACK = "features.msgpack"
SETUP_COMMAND = "python3 scripts/dev.py setup  (or: huibao fetch-model)"


class ModelMissingError(RuntimeError):
    """The pkuseg model is not on disk; the message names the set-up command."""


def model_dir() -> Path:
    """Where the pkuseg model lives: $HUIBAO_MODEL_DIR, else data/models/pkuseg-default."""
    configured = os.environ.get("HUIBAO_MODEL_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "data" / "models" / "pkuseg-default"


def model_present(directory: Path | None = None) -> bool:
    directory = directory or model_dir()
    return all((directory / name).is_file() for name in MODEL_FILES)


def fetch_model(directory: Path | None = None) -> Path:
    """Download the pkuseg sdist with pip and unpack only its default model folder."""
    directory = directory or model_dir()
    if model_present(directory):
        _ensure_compact(directory)
        return directory
    with tempfile.TemporaryDirectory() as tmp:
        # The sdist's setup.py imports numpy and Cython to produce metadata, hence
        # --no-build-isolation (scripts/dev.py installs both into the venv first).
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--no-build-isolation", "-q", PKUSEG_SDIST, "-d", tmp],
            check=True,
        )
        sdist = next(Path(tmp).glob("pkuseg-*.tar.gz"))
        staging = Path(tmp) / "model"
        staging.mkdir()
        with tarfile.open(sdist) as archive:
            for member in archive.getmembers():
                name = member.name[len(_MEMBER_PREFIX):]
                if member.name.startswith(_MEMBER_PREFIX) and name in MODEL_FILES:
                    member.name = name
                    archive.extract(member, staging, filter="data")
        if not model_present(staging):
            raise ModelMissingError(f"{sdist.name} did not contain {_MEMBER_PREFIX}{MODEL_FILES}")
        _write_msgpack_features(staging)
        compact_pkuseg.build(staging)
        directory.parent.mkdir(parents=True, exist_ok=True)
        if directory.exists():
            shutil.rmtree(directory)
        shutil.move(str(staging), directory)
    return directory


def _write_msgpack_features(directory: Path) -> None:
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    from spacy_pkuseg.feature_extractor import FeatureExtractor

    with redirect_stdout(StringIO()), redirect_stderr(StringIO()):  # the pickle fallback warns
        FeatureExtractor.load(str(directory)).save(str(directory))


def _ensure_compact(directory: Path) -> None:
    """Build the compact arrays for a model fetched by an older set-up."""
    if not compact_pkuseg.is_built(directory):
        if not (directory / _FEATURES_MSGPACK).is_file():
            _write_msgpack_features(directory)
        compact_pkuseg.build(directory)


@lru_cache(maxsize=1)
def load_nlp():
    """The shared `zh` pipeline with the pkuseg segmenter and huibao's components."""
    import spacy

    from extractors import components  # noqa: F401  (registers the factories)

    directory = model_dir()
    if not model_present(directory):
        raise ModelMissingError(
            f"pkuseg model not found in {directory}; run the set-up first: {SETUP_COMMAND}"
        )
    _ensure_compact(directory)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    # In place of tokenizer.initialize(pkuseg_model=...), which loads pkuseg's own tables.
    nlp.tokenizer.pkuseg_seg = compact_pkuseg.CompactPkuseg(directory)
    nlp.add_pipe("huibao_numeric_facts")
    return nlp
