"""Read one source file and decode it into the text that every offset refers to.

Plain functions, no Prefect: the ingestion flow wraps them. The rules follow
docs/annotation/GUIDELINE.md: decoding removes a byte order mark and nothing else, so line
endings, full-width characters and trailing whitespace stay exactly as in the file.

Supported inputs:

- ``.txt``: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which includes
  GBK and GB2312). Detection order: UTF-16 BOM, UTF-8 BOM, strict UTF-8, strict GB18030.
- ``.docx``: body paragraphs and table rows in document order, one per line.
- ``.pdf``: the text layer, one page after another.

``.md`` is deliberately not supported: report folders tend to hold README/notes files in
Markdown that are not reports, and Markdown markup would leak into titles and sections.

Every failure is a :class:`SourceError` naming the file and the reason, so the flow can
record a ``failed`` row in ``sources`` and carry on with the next file.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
DEFAULT_MAX_BYTES = 200 * 2**20
# Report lines (paragraphs) stay under ~10,000 characters; a line of millions is a data
# dump or a file whose line breaks were lost, and would be one giant sentence to process.
MAX_LINE_CHARS = 1_000_000

# Real text has next to no control characters; binary data that happens to be valid
# UTF-8 (or GB18030) has many. 1% tolerates a stray character in a long report.
MAX_CONTROL_SHARE = 0.01
# GB18030 maps every byte sequence it accepts somewhere, including private-use and
# unassigned code points; a few legitimate rare characters also decode to private use
# (GB18030-2005 mapping), so only a high share means "this is not GB18030 text".
MAX_UNLIKELY_SHARE = 0.05

# C0/C1 controls except the ASCII whitespace ones (\t \n \v \f \r); \f appears as a page
# break in text exported from PDF or Word.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The first bytes of an OLE2 compound file: a legacy Word .doc renamed to .docx.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SourceError(Exception):
    """A source that cannot be read; ``str(error)`` names the file and the reason.

    ``sha256`` is the hash of the raw bytes when they could be read (decoding failed),
    else None, so a failed file version can still be told apart from a changed one.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, sha256: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.sha256 = sha256
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        # Keep the error picklable (Prefect moves task exceptions between processes).
        return (type(self), (self.path, self.reason, self.sha256))


@dataclass(frozen=True, slots=True)
class SourceText:
    """The decoded text of one source file; offsets in the warehouse refer to ``text``.

    ``encoding`` is ``utf-8``, ``utf-8-sig`` (UTF-8 whose BOM was removed), ``utf-16``,
    ``gb18030``, ``docx`` or ``pdf``. For the text encodings ``raw.decode(encoding)``
    gives back exactly ``text``.
    """

    path: str
    sha256: str
    encoding: str
    text: str

    @property
    def char_count(self) -> int:
        """Length of the decoded text, as recorded in ``sources.char_count``."""
        return len(self.text)


def discover_sources(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Expand files and folders into the list of source files to ingest.

    Folders are walked recursively; inside them only files with a supported suffix
    (case-insensitive) count, hidden files and folders (name starting with ``.``) and
    Office lock files (``~$…``) are skipped, directory symlinks are not followed, and
    each folder's files come out sorted. A path named explicitly is kept whatever its
    suffix, and so is a path that does not exist: reading it then fails and the failure
    is recorded instead of the input silently vanishing. Paths keep the spelling they were
    given (relative stays relative); a file reached twice is listed once.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for given in paths:
        root = Path(given)
        candidates = _walk_folder(root) if root.is_dir() else [root]
        for candidate in candidates:
            key = os.path.abspath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk_folder(root: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if name.startswith((".", "~$")):
                continue
            if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                files.append(Path(dirpath, name))
    return sorted(files)


def read_bytes(path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """Return the raw bytes of a regular file.

    Raises SourceError when the file is missing (or vanished since discovery), is a
    directory or other non-regular file, cannot be opened, or is larger than
    ``max_bytes`` (None: no limit). The size is checked before reading, so an oversized
    file is never loaded into memory.
    """
    name = str(path)
    if max_bytes is not None and max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, got {max_bytes}")
    # O_NONBLOCK so that opening a FIFO returns at once instead of waiting for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SourceError(name, "file not found") from None
    except IsADirectoryError:
        raise SourceError(name, "is a directory, not a file") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except OSError as error:
        raise SourceError(name, f"cannot open: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(name, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(name, "not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise SourceError(name, _too_large(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # Read one byte past the limit: a file growing after fstat is caught too.
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as error:
        raise SourceError(name, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise SourceError(name, _too_large(len(data), max_bytes))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"file is {size:,} bytes ({size / 2**20:.1f} MiB), "
        f"over the limit of {max_bytes:,} bytes ({max_bytes / 2**20:.1f} MiB)"
    )


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode the bytes of a plain-text source; return ``(text, encoding)``.

    A UTF-8 BOM is removed and recorded as ``utf-8-sig``; a UTF-16 BOM (either byte
    order) as ``utf-16``; otherwise strict UTF-8, then strict GB18030 if the result looks
    like text. Nothing else is changed. Raises SourceError (naming ``path``) for an empty
    or whitespace-only file, a binary file, or bytes that are none of these encodings.
    """
    if not data:
        raise SourceError(path, "empty file (0 bytes)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_declared(data, "utf-16", "UTF-16", path), "utf-16"
    else:
        nul_at = data.find(b"\x00")
        if nul_at >= 0:
            raise SourceError(path, f"binary file (NUL byte at offset {nul_at})")
        if data.startswith(codecs.BOM_UTF8):
            text, encoding = _decode_declared(data, "utf-8-sig", "UTF-8", path), "utf-8-sig"
        else:
            text, encoding = _decode_undeclared(data, path)
    _reject_control_heavy(text, path)
    if not text.strip():
        raise SourceError(path, "empty file (only whitespace or a byte order mark)")
    return text, encoding


def _decode_declared(data: bytes, codec: str, label: str, path: str) -> str:
    """Decode bytes whose BOM names the encoding; the codec drops the BOM itself."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise SourceError(
            path, f"starts with a {label} byte order mark but is not valid {label} "
            f"({error.reason} at byte {error.start})",
        ) from None


def _decode_undeclared(data: bytes, path: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_failure = f"UTF-8 fails at byte {error.start}"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise SourceError(
            path, f"not valid UTF-8/GB18030/UTF-16 text "
            f"({utf8_failure}, GB18030 at byte {error.start})",
        ) from None
    unlikely_share = _unlikely_share(text)
    if unlikely_share > MAX_UNLIKELY_SHARE:
        raise SourceError(
            path, f"not valid UTF-8/GB18030/UTF-16 text ({utf8_failure}; as GB18030 "
            f"{unlikely_share:.0%} of characters are private-use or unassigned)",
        )
    return text, "gb18030"


def _reject_control_heavy(text: str, path: str) -> None:
    # search() first: real text has no controls, and then no counting is needed.
    if not text or _CONTROL_CHARS.search(text) is None:
        return
    share = len(_CONTROL_CHARS.findall(text)) / len(text)
    if share > MAX_CONTROL_SHARE:
        raise SourceError(path, f"binary file ({share:.0%} control characters)")


def _reject_overlong_line(text: str, path: str) -> None:
    if len(text) <= MAX_LINE_CHARS:
        return
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        if end - start > MAX_LINE_CHARS:
            number = text.count("\n", 0, start) + 1
            raise SourceError(path, f"line {number:,} is {end - start:,} characters long, over the limit of "
                                    f"{MAX_LINE_CHARS:,}: not report text (a data dump, or lost line breaks?)")
        start = end + 1


def _unlikely_share(text: str) -> float:
    """Share of private-use or unassigned code points in ``text``."""
    if not text:
        return 0.0
    # Categorise the distinct characters only (a few thousand even for a large report),
    # then count the suspicious ones in C with one regular expression.
    unlikely = sorted(c for c in set(text) if unicodedata.category(c) in ("Co", "Cn"))
    if not unlikely:
        return 0.0
    pattern = re.compile("[" + "".join(re.escape(c) for c in unlikely) + "]")
    return len(pattern.findall(text)) / len(text)


def decode_docx(data: bytes, path: str) -> str:
    """Text of a .docx: body paragraphs and table rows in document order, joined by '\\n'.

    A table row becomes one line with its cells separated by '\\t' (a merged cell once,
    paragraphs inside a cell joined by a space). Headers, footers, footnotes and text
    boxes are not included.
    """
    import docx  # imported here: only .docx sources pay for loading python-docx
    from docx.table import Table

    if data.startswith(_OLE2_MAGIC):
        raise SourceError(path, "legacy Word 97-2003 (.doc) file, not .docx; convert it first")
    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    # python-docx raises many unrelated types (zip, XML, key errors) for a damaged file;
    # any of them means the same thing here.
    except Exception as error:  # noqa: BLE001
        raise SourceError(path, f"not a readable .docx file ({type(error).__name__}: {error})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(path, "empty document (no text in the body)")
    return text


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is previous:  # a horizontally merged cell is repeated per column
                continue
            previous = cell._tc
            cells.append(" ".join(p.text for p in cell.paragraphs))
        lines.append("\t".join(cells))
    return lines


def decode_pdf(data: bytes, path: str) -> str:
    """Text layer of a PDF, pages joined by '\\n'.

    Raises SourceError for a damaged or password-protected PDF and for one without a
    text layer (a scan), which would need OCR.
    """
    import pypdf  # imported here: only .pdf sources pay for loading pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt_without_password(reader):
            raise SourceError(path, "encrypted PDF (needs a password)")
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page.extract_text() or "")
            except Exception as error:  # noqa: BLE001 - see below
                reason = f"cannot extract text of page {number} ({type(error).__name__}: {error})"
                raise SourceError(path, reason) from None
    except SourceError:
        raise
    # pypdf raises many types (its own, plus struct/zlib/key errors) for a damaged file.
    except Exception as error:  # noqa: BLE001
        raise SourceError(path, f"not a readable PDF file ({type(error).__name__}: {error})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(path, "PDF has no text layer (scanned image? needs OCR)")
    return text


def _decrypt_without_password(reader) -> bool:
    # Many PDFs are "encrypted" only with an owner password and open with an empty one.
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES without the optional crypto library
        return False


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one source file (see the module docstring for the formats).

    Raises SourceError, naming the file, for anything that keeps it from being loaded:
    unsupported suffix, missing/unreadable/oversized file, empty, binary or undecodable
    content, a line over MAX_LINE_CHARS, damaged .docx/.pdf, PDF without text layer.
    """
    source = Path(path)
    name = str(path)  # as given: a str stays exactly as typed
    suffix = source.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        if source.is_dir():
            raise SourceError(name, "is a directory, not a file")
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise SourceError(name, f"unsupported file type {suffix or '(no suffix)'!r} (supported: {supported})")
    data = read_bytes(source, max_bytes=max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:  # same message for every format, rather than "damaged .docx"
        raise SourceError(name, "empty file (0 bytes)", sha256)
    try:
        if suffix == ".docx":
            text, encoding = decode_docx(data, name), "docx"
        elif suffix == ".pdf":
            text, encoding = decode_pdf(data, name), "pdf"
        else:
            text, encoding = decode_text(data, name)
        _reject_overlong_line(text, name)
    except SourceError as error:
        raise SourceError(error.path, error.reason, sha256) from None
    return SourceText(path=name, sha256=sha256, encoding=encoding, text=text)
