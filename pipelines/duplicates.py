"""Find documents that repeat an earlier one, exactly or nearly (GUIDELINE §1 `duplicate_of`).

Texts are normalised (NFKC, case-folded, whitespace/punctuation/symbols removed). Identical
normalised texts are found by hash. Otherwise two documents are near-identical when the
Jaccard similarity of their character shingles is at least SIMILARITY; only documents whose
normalised lengths are within that ratio are compared (Jaccard >= t implies length ratio >= t).
Long documents are compared on a consistent hash sample of their shingles, so the cost stays
linear in the text size.
"""
from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Callable

SIMILARITY = 0.9
MIN_CHARS = 50          # shorter normalised texts are never marked as duplicates
SHINGLE = 4             # chars per shingle; Chinese words are 1-4 chars
SAMPLE_TARGET = 1024    # shingles kept per document (at most about twice): J error ~0.01
PREFILTER_MIN = 40      # coarse samples smaller than this are too noisy to reject on
PREFILTER_SIMILARITY = 0.6

# \W covers whitespace and punctuation; '_' and symbols (So/Sm/Sc/Sk) are removed too.
_NOT_CONTENT = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Text reduced to letters and digits: full/half width, spacing and punctuation ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_CONTENT.sub("", folded)


def _sample_bits(length: int) -> int:
    """Keep a shingle when its hash has this many low zero bits (1 in 2**bits)."""
    bits = 0
    while (length >> bits) > SAMPLE_TARGET:
        bits += 1
    return bits


def _shingles(text: str, bits: int) -> set[int]:
    # CRC-32 of each shingle's UTF-32 bytes: the same in every process (hash() is salted per
    # process, so a pair near the threshold was a duplicate in one run and not the next),
    # and faster than hashing string slices.
    mask, width = (1 << bits) - 1, 4 * SHINGLE
    data = memoryview(text.encode("utf-32-le"))
    hashes = (zlib.crc32(data[4 * i:4 * i + width]) for i in range(max(1, len(text) - SHINGLE + 1)))
    return {h for h in hashes if h & mask == 0}


def _jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b) if len(a) <= len(b) else len(b & a)
    return common / (len(a) + len(b) - common)


def find_duplicates(texts: list[str], checkpoint: Callable[[], None] = lambda: None) -> list[int | None]:
    """For each text, the index of the earliest earlier text it repeats, or None.

    A repeat is identical or near-identical after ignoring whitespace, punctuation and width
    (shingle Jaccard >= 0.9). Texts under MIN_CHARS normalised chars are never repeats.
    `checkpoint` is called before each text (a caller's chance to pause the work).
    """
    normalised = [normalise(t) for t in texts]
    first_by_digest: dict[bytes, int] = {}
    # Earlier long-enough documents sorted by length, for the near-duplicate window.
    by_length: list[tuple[int, int]] = []
    sampled: dict[tuple[int, int], set[int]] = {}   # (doc, bits) -> shingle sample

    def sample(doc: int, bits: int) -> set[int]:
        key = (doc, bits)
        if key not in sampled:
            # A sparser sample is a filter of any denser one already computed.
            denser = next((b for b in range(bits - 1, -1, -1) if (doc, b) in sampled), None)
            if denser is None:
                sampled[key] = _shingles(normalised[doc], bits)
            else:
                mask = (1 << bits) - 1
                sampled[key] = {h for h in sampled[(doc, denser)] if h & mask == 0}
        return sampled[key]

    result: list[int | None] = []
    for index, norm in enumerate(normalised):
        checkpoint()  # a compilation's documents take seconds: a load may want the cores
        if len(norm) < MIN_CHARS:
            result.append(None)
            continue
        digest = hashlib.sha256(norm.encode()).digest()
        original = first_by_digest.get(digest)
        low = bisect.bisect_left(by_length, (int(len(norm) * SIMILARITY), -1))
        high = bisect.bisect_right(by_length, (int(len(norm) / SIMILARITY) + 1, len(texts)))
        # Only documents before the exact match can be an earlier near-identical original.
        limit = len(texts) if original is None else original
        for doc in sorted(doc for _, doc in by_length[low:high] if doc < limit):
            bits = _sample_bits(max(len(norm), len(normalised[doc])))
            # A 1-in-16 subsample first: far-apart pairs are rejected on ~1/16 of the work.
            sample(index, bits), sample(doc, bits)     # compute the dense ones once
            coarse_a, coarse_b = sample(index, bits + 4), sample(doc, bits + 4)
            if (len(coarse_a) + len(coarse_b) >= PREFILTER_MIN
                    and _jaccard(coarse_a, coarse_b) < PREFILTER_SIMILARITY):
                continue
            if _jaccard(sample(index, bits), sample(doc, bits)) >= SIMILARITY:
                original = doc
                break
        result.append(original)
        first_by_digest.setdefault(digest, index)
        bisect.insort(by_length, (len(norm), index))
    return result
