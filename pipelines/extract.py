"""Facts of one document: scan, attribute (subject, place, sentence, section), validate."""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from extractors.place import DocumentPlaces, place_of, self_reference_level
from extractors.subject import PriorFigure, Sentences, subject_of
from extractors.base import Segmenter
from extractors.scanner import default_scanner
from schemas import Document, Fact, Section


# Report sentences stay under ~300 characters, but a line without 。 can be a "sentence" of
# a whole file: attribution (and the stored sentence) looks at most this far either side of
# a figure, so the work per fact stays bounded (else quadratic in the sentence's figures).
MAX_SENTENCE_REACH = 500


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
    """Every numeric fact of `document` (offsets into the source `text`); `sections` are
    the document's own."""
    lo, hi = document.char_start, document.char_end
    places = DocumentPlaces(text, lo, hi, segment)
    level = self_reference_level(text, lo, hi)
    locator = SectionLocator(sections)
    sentences = Sentences(text, lo, hi)
    facts = []
    prior: list[PriorFigure] = []
    for extractor, candidate in default_scanner().scan(text, lo, hi, segment):
        kind = str(extractor.kind)
        start, end = sentences.around(candidate.start, candidate.end)
        sentence = (max(start, candidate.start - MAX_SENTENCE_REACH), min(end, candidate.end + MAX_SENTENCE_REACH))
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
            place=place_of(text, candidate, kind, sentence, places, level),
            text=candidate.span_text(text),
            char_start=candidate.start,
            char_end=candidate.end,
            sentence=text[sentence[0]:sentence[1]].strip(),
            extractor=extractor.name,
        ))
    return facts
