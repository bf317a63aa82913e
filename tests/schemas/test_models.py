"""schemas.models: a fact's place columns hold together."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import Fact

_FACT = dict(fact_id="d-0-population", doc_id="d", source_path="x.txt", kind="population", value=32.0,
             unit="person", qualifier="exact", text="32人", char_start=0, char_end=3, sentence="32人",
             extractor="population")


@pytest.mark.parametrize("place", [
    dict(place="甘泉镇", place_level="township", place_code="620503108", township="甘泉镇", county="麦积区"),
    dict(place="杨树沟村", place_level="village", township="甘泉镇"),
    dict(place="乌拉特前旗", place_level="county", place_code="150823"),
    dict(place="甘泉镇"),  # a place as a gold file has it, unresolved
    dict(),
])
def test_a_place_with_its_level_and_code(place):
    assert Fact(**_FACT, **place).place == place.get("place")


@pytest.mark.parametrize("place", [
    dict(place_level="township"),  # a level without a place
    dict(place_code="620503108", place_level="township"),
    dict(place="甘泉镇", place_level="town"),  # not a level
    dict(place="甘泉镇", place_level="township", place_code="6205031"),  # 6 or 9 digits
])
def test_a_place_that_does_not_hold_together_is_refused(place):
    with pytest.raises(ValidationError):
        Fact(**_FACT, **place)
