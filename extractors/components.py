"""huibao's spaCy components, registered as factories by name.

`huibao_numeric_facts` puts every numeric fact span of a Doc in `doc.spans["huibao_facts"]`,
labelled with its kind; span values are on `span._.huibao_value` / `span._.huibao_unit`.
pkuseg tokens need not align with fact spans (it writes 村,27 as one token), so each span
is expanded to whole tokens and the exact fact text and offsets are on
`span._.huibao_text` / `span._.huibao_char_span`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.scanner import default_scanner

SPAN_KEY = "huibao_facts"
for _name in ("huibao_value", "huibao_value_max", "huibao_unit", "huibao_qualifier",
              "huibao_text", "huibao_char_span"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class NumericFactsComponent:
    def __init__(self, nlp: Language, name: str):
        self.tokenizer = nlp.tokenizer

    def _segment(self, text: str) -> list[str]:
        return [t.text for t in self.tokenizer(text)]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for extractor, candidate in default_scanner().scan(doc.text, segment=self._segment):
            span = doc.char_span(candidate.start, candidate.end, label=str(extractor.kind),
                                 alignment_mode="expand")
            if span is None:
                continue
            span._.huibao_value = candidate.value
            span._.huibao_value_max = candidate.value_max
            span._.huibao_unit = candidate.unit.canonical
            span._.huibao_qualifier = str(candidate.qualifier)
            span._.huibao_text = candidate.span_text(doc.text)
            span._.huibao_char_span = (candidate.start, candidate.end)
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("huibao_numeric_facts")
def make_numeric_facts(nlp: Language, name: str) -> NumericFactsComponent:
    return NumericFactsComponent(nlp, name)
