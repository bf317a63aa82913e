"""Facts of one document: scan, attribute (subject, place, sentence, section), validate."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from extractors.place import DocumentPlaces, ResolvedPlace, place_of, self_reference_level
from extractors.subject import PriorFigure, Sentences, subject_of
from extractors.base import Segmenter
from extractors.lang.punctuation import PARAGRAPH_FINAL
from extractors.scanner import default_scanner
from pipelines.line_wraps import Reading, as_written, read_wrapped
from schemas import Document, Fact, Section


# Report sentences stay under ~300 characters, but a line without 。 can be a "sentence" of
# a whole file: attribution (and the stored sentence) looks at most this far either side of
# a figure, so the work per fact stays bounded (else quadratic in the sentence's figures).
MAX_SENTENCE_REACH = 500
_PARAGRAPH_END = frozenset(PARAGRAPH_FINAL)


class SectionLocator:
    """Finds the innermost section containing an offset (sections of one document)."""

    def __init__(self, sections: Sequence[Section]):
        self._sections = sorted(sections, key=lambda s: (s.char_start, -s.char_end))
        self._starts = [s.char_start for s in self._sections]

    def section_at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        while index >= 0:
            section = self._sections[index]
            if section.char_start <= offset < section.char_end:
                return section.section_id
            index -= 1
        return None


def _resolution(resolved: ResolvedPlace) -> dict[str, str | None]:
    return {"place_level": resolved.level, "place_code": resolved.code, "township": resolved.township,
            "county": resolved.county, "prefecture": resolved.prefecture, "province": resolved.province}


def paragraph_start(text: str, lo: int, start: int) -> int:
    """Where the paragraph around `start` begins (not before `lo`): after the last line break
    that ends a sentence; a line ending mid-sentence (占有\n71.9%) runs on."""
    end = start
    while (newline := text.rfind("\n", lo, end)) >= 0:
        last = newline - 1
        while last >= lo and text[last] in " \t\r\u3000":
            last -= 1
        if last < lo or text[last] in _PARAGRAPH_END or text[last] == "\n":  # a sentence's end, a blank line
            return newline + 1
        end = newline
    return lo


def extract_facts(
    text: str, document: Document, sections: Sequence[Section], segment: Segmenter | None,
    reading: Reading | None = None,
) -> list[Fact]:
    """Every numeric fact of `document` (offsets into the source `text`); `sections` are
    the document's own. `reading` is the text as extraction reads it (`read_wrapped`:
    wrapped lines joined), by default computed here; spans and sentences are the text's."""
    reading = read_wrapped(text) if reading is None else reading
    read = reading.text
    lo, hi = document.char_start, document.char_end
    places = DocumentPlaces(read, lo, hi, segment)
    level = self_reference_level(read, lo, hi)
    locator = SectionLocator(sections)
    sentences = Sentences(read, lo, hi)
    facts = []
    paragraph: list[PriorFigure] = []
    for extractor, candidate in default_scanner().scan(read, lo, hi, segment):
        kind, measures = str(extractor.kind), extractor.traits.measures
        start, end = sentences.around(candidate.start, candidate.end)
        sentence = (max(start, candidate.start - MAX_SENTENCE_REACH), min(end, candidate.end + MAX_SENTENCE_REACH))
        opening = paragraph_start(read, max(lo, candidate.start - MAX_SENTENCE_REACH), candidate.start)
        paragraph = [p for p in paragraph if p.end > opening]
        prior = [p for p in paragraph if p.end > sentence[0]]
        subject = as_written(subject_of(read, kind, measures, candidate, sentence, segment, prior, paragraph, opening),
                             reading, text, *sentence)
        paragraph.append(PriorFigure(candidate.end, kind, measures, candidate.unit.canonical, subject))
        char_start, char_end = reading.span(candidate.start, candidate.end)
        place = place_of(read, candidate, measures, sentence, places, level)
        resolved = places.resolved(place, level) if place is not None else None
        facts.append(Fact(
            fact_id=f"{document.doc_id}-{char_start}-{kind}",
            doc_id=document.doc_id,
            section_id=locator.section_at(char_start),
            source_path=document.source_path,
            kind=kind,
            value=candidate.value,
            value_max=candidate.value_max,
            unit=candidate.unit.canonical,
            qualifier=candidate.qualifier,
            subject=subject,
            place=as_written(place, reading, text, lo, hi),
            **(_resolution(resolved) if resolved else {}),
            text=text[char_start:char_end],  # candidate.span_text(text) unless a wrap moved
            char_start=char_start,
            char_end=char_end,
            sentence=text[sentence[0]:sentence[1]].strip(),
            extractor=extractor.name,
        ))
    return facts
