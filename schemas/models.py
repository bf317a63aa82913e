"""The shapes of the warehouse tables (see docs/CONTRACT.md) as validated models.

Vocabularies (kinds, units, qualifiers) follow docs/annotation/GUIDELINE.md.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class FactKind(StrEnum):
    VILLAGE_COUNT = "village_count"
    POPULATION = "population"
    HOUSEHOLD_COUNT = "household_count"
    MONEY = "money"
    RATIO = "ratio"
    AREA = "area"
    LENGTH = "length"
    AGE = "age"
    COUNT = "count"


class Qualifier(StrEnum):
    EXACT = "exact"
    OVER = "over"
    UNDER = "under"
    ABOUT = "about"
    NEARLY = "nearly"
    RANGE = "range"
    MASKED = "masked"


class PlaceLevel(StrEnum):
    """The levels of the official division list, and the village below them."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    TOWNSHIP = "township"
    VILLAGE = "village"


class SourceStatus(StrEnum):
    LOADED = "loaded"
    FAILED = "failed"


class CheckKind(StrEnum):
    RATIO_OK = "ratio_ok"
    RATIO_MISMATCH = "ratio_mismatch"
    SUM_OK = "sum_ok"
    SUM_MISMATCH = "sum_mismatch"


# kind → the canonical units its facts may carry, declared by the kind's extractors as they
# register (extractors.registry); a kind no extractor declares is not checked.
KIND_UNITS: dict[str, frozenset[str]] = {}


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=True)


class _Span(_Row):
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if self.char_end < self.char_start:
            raise ValueError(f"char_end {self.char_end} < char_start {self.char_start}")
        return self


class Source(_Row):
    """One input file version."""

    source_path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$|^$")
    encoding: str | None = None
    char_count: int = Field(default=0, ge=0)
    status: SourceStatus
    error: str | None = None
    loaded_at: datetime

    @model_validator(mode="after")
    def _error_iff_failed(self):
        if (self.status == SourceStatus.FAILED) != (self.error is not None):
            raise ValueError("a failed source needs an error, a loaded one has none")
        return self


class Document(_Span):
    """One report inside a source; offsets are into the source text."""

    doc_id: str
    source_path: str
    ordinal: int = Field(ge=0)
    title: str
    duplicate_of: str | None = None
    text: str

    @model_validator(mode="after")
    def _text_matches_span(self):
        if len(self.text) != self.char_end - self.char_start:
            raise ValueError("document text length differs from its span")
        return self


class Section(_Span):
    """One heading; the span runs from the heading line's start to the section's end."""

    section_id: str
    doc_id: str
    parent_id: str | None = None
    level: int = Field(ge=1)
    marker: str | None = None
    title: str


class Fact(_Span):
    """One numeric fact, grounded by its span in the source text."""

    fact_id: str
    doc_id: str
    section_id: str | None = None
    source_path: str
    # A FactKind, or the kind of a third-party extractor (CONTRACT: more kinds allowed).
    kind: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: float | None
    value_max: float | None = None
    unit: str = Field(min_length=1)
    qualifier: Qualifier
    subject: str | None = None
    place: str | None = None
    place_level: PlaceLevel | None = None
    # A division code: 6 digits down to the county, 9 for a township.
    place_code: str | None = Field(default=None, pattern=r"^(\d{6}|\d{9})$")
    township: str | None = None
    county: str | None = None
    prefecture: str | None = None
    province: str | None = None
    text: str = Field(min_length=1)
    sentence: str
    extractor: str

    @model_validator(mode="after")
    def _consistent(self):
        if len(self.text) != self.char_end - self.char_start:
            raise ValueError(f"fact text {self.text!r} does not fit its span")
        if (self.qualifier == Qualifier.MASKED) != (self.value is None):
            raise ValueError("value is null exactly when the qualifier is masked")
        if (self.qualifier == Qualifier.RANGE) != (self.value_max is not None):
            raise ValueError("value_max is set exactly when the qualifier is range")
        if self.place is None and (self.place_level or self.place_code):
            raise ValueError("only a place has a level or a code")
        allowed = KIND_UNITS.get(self.kind)
        if allowed is not None and self.unit not in allowed:
            raise ValueError(f"unit {self.unit!r} is not canonical for kind {self.kind}")
        return self


class Check(_Span):
    """A consistency finding between figures stated in one document."""

    check_id: str
    doc_id: str
    kind: CheckKind
    stated: float
    computed: float
    text: str
    message: str
    rule: str  # the rule that read the relation (pipelines/check.py)
    stated_fact_id: str  # the fact stating `stated`: the share, or the total
    whole_fact_ids: str  # the whole's fact ids, comma-separated
    part_fact_ids: str  # the parts' fact ids, comma-separated
