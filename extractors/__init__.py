"""Numeric fact extractors: the number grammar, one module per kind, one registry."""
