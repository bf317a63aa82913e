"""Reading and decoding one source file (pipelines/read.py), on real files in tmp_path."""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import pickle
import random
import time
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipelines.read import (
    MAX_LINE_CHARS,
    SUPPORTED_SUFFIXES,
    SourceError,
    SourceText,
    decode_text,
    discover_sources,
    read_bytes,
    read_source,
)

REPORT = "一、基本情况\r\n全村共有农户326户，人口1024人，耕地面积3500亩。\n（一）产业发展\t全年增收15.6%。\n"
# U+3400 (CJK extension A) exists in GB18030 (four-byte form) but not in GBK.
GB18030_ONLY = "㐀村集体经济收入达到12万元。"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- plain text: what decodes, and to what -------------------------------------------

DECODES = [
    pytest.param(REPORT.encode("utf-8"), REPORT, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + REPORT.encode("utf-8"), REPORT, "utf-8-sig", id="utf-8-bom"),
    pytest.param(REPORT.encode("gbk"), REPORT, "gb18030", id="gbk"),
    pytest.param(REPORT.encode("gb2312"), REPORT, "gb18030", id="gb2312"),
    pytest.param(GB18030_ONLY.encode("gb18030"), GB18030_ONLY, "gb18030", id="gb18030-four-byte"),
    pytest.param(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), REPORT, "utf-16", id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT, "utf-16", id="utf-16-be-bom"),
    # Only the first BOM is removed; a second U+FEFF is content.
    pytest.param(codecs.BOM_UTF8 * 2 + b"x", "\ufeffx", "utf-8-sig", id="double-bom"),
    # Line endings and widths are never normalised: offsets depend on it.
    pytest.param("a\r\nb\rc\n\u3000１２\n".encode(), "a\r\nb\rc\n\u3000１２\n", "utf-8", id="newlines-kept"),
    # A form feed (page break in exported text) and a rare stray control are tolerated.
    pytest.param(("第一页\f第二页" + "字" * 200 + "\x01").encode(), "第一页\f第二页" + "字" * 200 + "\x01",
                 "utf-8", id="stray-control"),
]


@pytest.mark.parametrize(("raw", "expected_text", "expected_encoding"), DECODES)
def test_read_source_decodes_text_files(tmp_path, raw, expected_text, expected_encoding):
    path = write(tmp_path, "report.txt", raw)

    source = read_source(path)

    assert source == SourceText(
        path=str(path), sha256=hashlib.sha256(raw).hexdigest(),
        encoding=expected_encoding, text=expected_text,
    )
    assert source.char_count == len(expected_text)
    # The recorded encoding reproduces the text from the raw bytes, BOM handling included.
    assert raw.decode(source.encoding) == source.text


# --- plain text: what is refused, and why ---------------------------------------------

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
RANDOM_WITH_NULS = bytes(random.Random(7).randrange(256) for _ in range(4096)) + b"\x00"

REFUSED = [
    pytest.param(b"", "empty file (0 bytes)", id="empty"),
    pytest.param(b" \r\n\t\n", "empty file (only whitespace", id="whitespace-only"),
    pytest.param("\u3000\n".encode("utf-8"), "empty file (only whitespace", id="ideographic-space-only"),
    pytest.param(codecs.BOM_UTF8, "empty file (only whitespace or a byte order mark)", id="utf-8-bom-only"),
    pytest.param(codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty file", id="utf-16-whitespace-only"),
    pytest.param(PNG_HEADER, "binary file (NUL byte at offset 8)", id="png-header"),
    pytest.param(RANDOM_WITH_NULS, "binary file (NUL byte", id="random-bytes"),
    pytest.param(bytes(range(1, 32)) * 20, "binary file (", id="control-characters"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00\x03\x00", "binary file", id="utf-16-controls"),
    # 0xFF never occurs in UTF-8 and is no GB18030 lead or trail byte.
    pytest.param("村".encode("utf-8") + b"\xff\xfe abc", "not valid UTF-8/GB18030/UTF-16 text (UTF-8 fails at byte 3, "
                 "GB18030 at byte", id="undecodable"),
    pytest.param(b"\x80abc", "not valid UTF-8/GB18030/UTF-16 text", id="lone-0x80"),
    # Valid GB18030, but all user-defined (private-use) area: not text.
    pytest.param(b"\xaa\xa1" * 50, "not valid UTF-8/GB18030/UTF-16 text (UTF-8 fails at byte 0; as GB18030 100% "
                 "of characters are private-use or unassigned)", id="gb18030-private-use"),
    pytest.param(codecs.BOM_UTF8 + b"ok \xc3", "starts with a UTF-8 byte order mark but is not valid UTF-8",
                 id="bad-utf-8-after-bom"),
    pytest.param(codecs.BOM_UTF16_LE + b"a\x00b", "starts with a UTF-16 byte order mark but is not valid UTF-16",
                 id="odd-length-utf-16"),
]


@pytest.mark.parametrize(("raw", "reason"), REFUSED)
def test_read_source_refuses_text_that_is_not_a_report(tmp_path, raw, reason):
    path = write(tmp_path, "bad.txt", raw)

    with pytest.raises(SourceError) as caught:
        read_source(path)

    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert caught.value.reason.startswith(reason)
    # The bytes were read, so the failed version is identifiable.
    assert caught.value.sha256 == hashlib.sha256(raw).hexdigest()


def test_decode_text_names_the_path_it_was_given():
    with pytest.raises(SourceError, match=r"^some/where\.txt: binary file"):
        decode_text(b"\x00", "some/where.txt")


# --- file-system failures ------------------------------------------------------------

def test_missing_file(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(SourceError, match="file not found") as caught:
        read_source(path)
    assert str(path) in str(caught.value)
    assert caught.value.sha256 is None


def test_file_vanished_after_discovery(tmp_path):
    path = write(tmp_path, "reports/a.txt", REPORT.encode())
    [discovered] = discover_sources([tmp_path / "reports"])
    path.unlink()
    with pytest.raises(SourceError, match="file not found") as caught:
        read_source(discovered)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", ["folder.txt", "folder"], ids=["with-suffix", "without-suffix"])
def test_directory_passed_as_a_file(tmp_path, name):
    path = tmp_path / name
    path.mkdir()
    with pytest.raises(SourceError, match="is a directory") as caught:
        read_source(path)
    assert str(path) in str(caught.value)
    with pytest.raises(SourceError, match="is a directory"):
        read_bytes(path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may read a chmod 000 file")
def test_unreadable_file_by_permissions(tmp_path):
    path = write(tmp_path, "secret.txt", REPORT.encode())
    path.chmod(0)
    try:
        with pytest.raises(SourceError, match="permission denied") as caught:
            read_source(path)
        assert str(path) in str(caught.value)
    finally:
        path.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, refuse_open):
    # Runs as root too: make opening this one file fail the way chmod 000 would.
    path = write(tmp_path, "secret.txt", REPORT.encode())
    refuse_open(path)
    with pytest.raises(SourceError, match="permission denied") as caught:
        read_source(path)
    assert str(path) in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(SourceError, match="not a regular file") as caught:
        read_source(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_oversized_file_names_size_and_limit(tmp_path, suffix):
    path = write(tmp_path, f"big{suffix}", b"x" * 2048)
    with pytest.raises(SourceError) as caught:
        read_source(path, max_bytes=1000)
    message = str(caught.value)
    assert str(path) in message
    assert "2,048 bytes" in message and "limit of 1,000 bytes" in message


def test_file_exactly_at_the_limit_is_read(tmp_path):
    path = write(tmp_path, "edge.txt", b"x" * 1000)
    assert read_source(path, max_bytes=1000).char_count == 1000


@pytest.mark.parametrize("name", ["notes.md", "table.csv", "README"])
def test_unsupported_suffix(tmp_path, name):
    path = write(tmp_path, name, REPORT.encode())
    with pytest.raises(SourceError, match="unsupported file type") as caught:
        read_source(path)
    assert str(path) in str(caught.value)


def test_relative_path_stays_relative(tmp_path, monkeypatch):
    write(tmp_path, "in/report.txt", REPORT.encode())
    monkeypatch.chdir(tmp_path)
    assert read_source(Path("in/report.txt")).path == "in/report.txt"
    assert read_source("in/report.txt").path == "in/report.txt"
    with pytest.raises(SourceError, match=r"^in/missing\.txt: file not found$"):
        read_source("in/missing.txt")


def test_upper_case_suffix_is_supported(tmp_path):
    path = write(tmp_path, "REPORT.TXT", REPORT.encode())
    assert read_source(path).text == REPORT


def test_source_error_survives_pickling():
    error = SourceError("a/b.txt", "binary file", "0" * 64)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, copy.sha256, str(copy)) == ("a/b.txt", "binary file", "0" * 64, str(error))


def test_hundred_megabyte_single_line_is_refused_quickly(tmp_path):
    line = ("全村共有农户326户，人口1024人。" * 3_000_000).encode()[: 100 * 2**20]
    line = line[: len(line.decode("utf-8", "ignore").encode())]  # end on a whole character
    path = write(tmp_path, "huge.txt", b"\xe6\xa0\x87\xe9\xa2\x98\n" + line + b"\n")
    started = time.perf_counter()
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert time.perf_counter() - started < 10
    chars = len(line.decode())
    assert caught.value.reason == (f"line 2 is {chars:,} characters long, over the limit of "
                                   f"{MAX_LINE_CHARS:,}: not report text (a data dump, or lost line breaks?)")
    assert caught.value.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_long_lines_up_to_the_limit_are_read(tmp_path):
    line = "全村共有农户326户。" * (MAX_LINE_CHARS // 11)
    path = write(tmp_path, "long.txt", (line + "\n" + line).encode())
    assert read_source(path).text == line + "\n" + line


# --- .docx ---------------------------------------------------------------------------

def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("一、基本情况")
    document.add_paragraph("全村共有农户326户，人口1024人。")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("项目", "数量", "单位"), ("耕地", "3500", "亩")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("二、下步打算")
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    path = make_docx(tmp_path / "report.docx")
    source = read_source(path)
    assert source.encoding == "docx"
    assert source.text == "一、基本情况\n全村共有农户326户，人口1024人。\n项目\t数量\t单位\n耕地\t3500\t亩\n二、下步打算"
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_docx_merged_cell_appears_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合计"
    table.cell(0, 2).text = "42"
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_source(path).text == "合计\t42"


def zip_without_document_part() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


BAD_DOCX = [
    pytest.param(b"PK\x03\x04 this is not really a zip", "not a readable .docx file", id="truncated-zip"),
    pytest.param(zip_without_document_part(), "not a readable .docx file", id="zip-without-word-part"),
    pytest.param(REPORT.encode(), "not a readable .docx file", id="text-renamed"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "legacy Word 97-2003", id="legacy-doc"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_DOCX)
def test_corrupt_docx(tmp_path, raw, reason):
    path = write(tmp_path, "bad.docx", raw)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.reason.startswith(reason)
    assert str(path) in str(caught.value)


def test_docx_without_text(tmp_path):
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    with pytest.raises(SourceError, match="empty document") as caught:
        read_source(path)
    assert str(path) in str(caught.value)


# --- .pdf ----------------------------------------------------------------------------

def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF whose content stream is ``content``, with a correct xref table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def pdf_from_writer(writer: pypdf.PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_text_layer(tmp_path):
    raw = minimal_pdf(b"BT /F1 24 Tf 72 720 Td (Village report 2024: 326 households) Tj ET")
    path = write(tmp_path, "report.pdf", raw)
    source = read_source(path)
    assert source.encoding == "pdf"
    assert source.text == "Village report 2024: 326 households"
    assert source.sha256 == hashlib.sha256(raw).hexdigest()


def test_pdf_pages_are_joined_with_newline(tmp_path):
    page = pypdf.PdfReader(io.BytesIO(minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Page text) Tj ET"))).pages[0]
    writer = pypdf.PdfWriter()
    writer.add_page(page)
    writer.add_page(page)
    path = write(tmp_path, "two.pdf", pdf_from_writer(writer))
    assert read_source(path).text == "Page text\nPage text"


def blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)
    return pdf_from_writer(writer)


def password_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    return pdf_from_writer(writer)


BAD_PDF = [
    pytest.param(blank_pdf(), "PDF has no text layer", id="blank-page"),
    pytest.param(password_pdf(), "encrypted PDF", id="password"),
    pytest.param(b"%PDF-1.4\n garbage", "not a readable PDF file", id="truncated"),
    pytest.param(REPORT.encode(), "not a readable PDF file", id="text-renamed"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_PDF)
def test_pdf_that_cannot_be_loaded(tmp_path, raw, reason):
    path = write(tmp_path, "bad.pdf", raw)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.reason.startswith(reason)
    assert str(path) in str(caught.value)


# --- discovery -----------------------------------------------------------------------

def test_discover_sources_walks_folders(tmp_path):
    for name in [
        "reports/b.txt", "reports/a.TXT", "reports/town/2023.docx", "reports/town/2024.pdf",
        "reports/notes.md", "reports/image.png", "reports/.hidden.txt", "reports/~$2023.docx",
        "reports/.cache/c.txt", "reports/town/.git/d.txt", "reports/z/deep/e.txt",
    ]:
        write(tmp_path, name, b"x")
    root = tmp_path / "reports"

    found = discover_sources([root])

    assert found == [root / "a.TXT", root / "b.txt", root / "town/2023.docx", root / "town/2024.pdf",
                     root / "z/deep/e.txt"]
    assert all(path.suffix.lower() in SUPPORTED_SUFFIXES for path in found)


def test_discover_sources_keeps_explicit_and_missing_paths_once(tmp_path, monkeypatch):
    write(tmp_path, "in/a.txt", b"x")
    write(tmp_path, "in/b.txt", b"x")
    write(tmp_path, "notes.md", b"x")
    monkeypatch.chdir(tmp_path)

    found = discover_sources([Path("in/b.txt"), Path("missing.txt"), "in", Path("notes.md"), Path("./in/a.txt")])

    # Given order, folder contents sorted, duplicates dropped, spelling (relative) kept;
    # the missing and the unsupported file stay so that reading them records a failure.
    assert found == [Path("in/b.txt"), Path("missing.txt"), Path("in/a.txt"), Path("notes.md")]
    assert not any(path.is_absolute() for path in found)
    with pytest.raises(SourceError, match="missing.txt: file not found"):
        read_source(found[1])


def test_discover_sources_of_nothing():
    assert discover_sources([]) == []


# --- property: every supported encoding gives the text back --------------------------

# Text a report could hold: no surrogates, no control characters but \t \n \r.
REPORT_CHARS = st.one_of(st.characters(exclude_categories=("Cs", "Cc")), st.sampled_from("\t\n\r"))
# GB18030 decoding is only trusted for assigned, non-private-use characters.
GB18030_CHARS = st.one_of(st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")), st.sampled_from("\t\n\r"))


def assume_report_like(text: str) -> None:
    assume(text.strip())
    # A leading U+FEFF is indistinguishable from a byte order mark.
    assume(not text.startswith("\ufeff"))


@settings(max_examples=200, deadline=None)
@given(text=st.text(REPORT_CHARS, min_size=1), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_encodings_round_trip(text, encoding):
    assume_report_like(text)
    decoded, _ = decode_text(text.encode(encoding), "p.txt")
    assert decoded == text


@settings(max_examples=200, deadline=None)
@given(text=st.text(REPORT_CHARS, min_size=1), big_endian=st.booleans())
def test_utf16_either_byte_order_round_trips(text, big_endian):
    assume_report_like(text)
    raw = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if big_endian else \
        codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert decode_text(raw, "p.txt") == (text, "utf-16")


@settings(max_examples=200, deadline=None)
@given(text=st.text(GB18030_CHARS, min_size=1))
def test_gb18030_round_trips(text):
    assume_report_like(text)
    raw = text.encode("gb18030")
    assume(raw.decode("gb18030") == text)  # the codec itself round-trips
    # Bytes that also happen to be valid UTF-8 are read as UTF-8, by design.
    try:
        raw.decode("utf-8")
        assume(False)
    except UnicodeDecodeError:
        pass
    assert decode_text(raw, "p.txt") == (text, "gb18030")
