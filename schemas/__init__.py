"""Pydantic models passed between pipeline stages and loaded into DuckDB."""
from schemas.models import (
    KIND_UNITS,
    Check,
    CheckKind,
    Document,
    Fact,
    FactKind,
    PlaceLevel,
    Qualifier,
    Section,
    Source,
    SourceStatus,
)

__all__ = [
    "KIND_UNITS",
    "Check",
    "CheckKind",
    "Document",
    "Fact",
    "FactKind",
    "PlaceLevel",
    "Qualifier",
    "Section",
    "Source",
    "SourceStatus",
]
