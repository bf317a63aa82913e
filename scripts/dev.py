"""Set up a fresh checkout and run the product or its tests.

    python3 scripts/dev.py ingest   # venv + deps + pkuseg model, then ingest data/sample
    python3 scripts/dev.py test     # venv + deps + pkuseg model, then the whole test suite
    python3 scripts/dev.py setup    # only the set-up

Needs nothing but python3 (3.11) and access to the package registry.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
PY = BIN / "python"
STAMP = VENV / ".huibao-installed"
# Needed only to produce the metadata of the pkuseg sdist that carries the model.
SDIST_BUILD_DEPS = ["numpy", "cython", "setuptools", "wheel"]


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def install_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def setup() -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"huibao needs Python 3.11, this is {sys.version.split()[0]}")
    if not PY.exists():
        run([sys.executable, "-m", "venv", VENV])
    if not STAMP.exists() or STAMP.read_text() != install_stamp():
        run([PY, "-m", "pip", "install", "-q", "--upgrade", "pip"])
        run([PY, "-m", "pip", "install", "-q", *SDIST_BUILD_DEPS])
        run([PY, "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"])
        STAMP.write_text(install_stamp())
    run([BIN / "huibao", "fetch-model"])


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "ingest"
    setup()
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    if command == "setup":
        return 0
    if command == "ingest":
        paths = argv[1:] or [str(ROOT / "data" / "sample")]
        return subprocess.run([BIN / "huibao", "ingest", *paths], env=env, cwd=ROOT).returncode
    if command == "test":
        code = subprocess.run([PY, "-m", "pytest", *argv[1:]], env=env, cwd=ROOT).returncode
        # pytest exits 5 when it collected nothing: that is a failure for us, not a pass.
        return code
    sys.exit(f"unknown command {command!r}; use ingest, test or setup")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
