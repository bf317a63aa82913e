"""The language of village and township reports, as data every stage imports.

Modelled on spaCy's `spacy/lang/zh/` (punctuation, lexical attributes, stop words): what the
report language is — punctuation, numerals, qualifier words, units and measure words, place
suffixes, nouns of people, link words, the not-a-fact lexicons — lives here once, as public
names. Rules (extractors, pipelines) decide what to do with it. Long word lists are TSV
files in `data/`, one entry a line with an example, loaded once (`wordlists.load`).
"""
