"""Facts of one document: scan, attribute (subject, place, sentence, section), validate."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from extractors.place import document_place, find_places, place_of, self_reference_level
from extractors.subject import PriorFigure, sentence_bounds, subject_of
from extractors.base import Segmenter
from extractors.scanner import default_scanner
from schemas import Document, Fact, Section


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


def extract_facts(
    text: str, document: Document, sections: Sequence[Section], segment: Segmenter | None
) -> list[Fact]:
    """Every numeric fact of `document` (offsets into the source `text`)."""
    lo, hi = document.char_start, document.char_end
    places = find_places(text, lo, hi, segment)
    default_place = document_place(places, self_reference_level(text, lo, hi))
    locator = SectionLocator([s for s in sections if s.doc_id == document.doc_id])
    facts = []
    prior: list[PriorFigure] = []
    for extractor, candidate in default_scanner().scan(text, lo, hi, segment):
        kind = str(extractor.kind)
        sentence = sentence_bounds(text, candidate.start, candidate.end, lo, hi)
        prior = [p for p in prior if p.end > sentence[0]]
        subject = subject_of(text, kind, candidate, sentence, segment, prior)
        prior.append(PriorFigure(candidate.end, kind, candidate.unit.canonical, subject))
        facts.append(Fact(
            fact_id=f"{document.doc_id}-{candidate.start}-{kind}",
            doc_id=document.doc_id,
            section_id=locator.section_at(candidate.start),
            source_path=document.source_path,
            kind=kind,
            value=candidate.value,
            value_max=candidate.value_max,
            unit=candidate.unit.canonical,
            qualifier=candidate.qualifier,
            subject=subject,
            place=place_of(text, candidate, kind, sentence, places, default_place),
            text=candidate.span_text(text),
            char_start=candidate.start,
            char_end=candidate.end,
            sentence=text[sentence[0]:sentence[1]].strip(),
            extractor=extractor.name,
        ))
    return facts
