"""64-bit SimHash of a story body, and LSH bands for finding near-duplicates at scale.

Features are character 3-grams of the body with everything but letters and digits
removed, so punctuation changes, spacing and line breaks do not move the hash.
"""

import re
from collections import Counter
from hashlib import blake2b

import numpy as np

BITS = 64
SHINGLE = 3
# Two bodies whose hashes differ in at most this many bits are near-duplicates. Measured on the
# seeds: a traditional spam-mirror copy (t2s, spam lines, punctuation) is 1 bit away, a copy
# with three paragraphs cut short 0-4, different stories 23-42.
NEAR_DUPLICATE_MAX_DISTANCE = 6
# Pigeonhole: with MAX_DISTANCE + 1 disjoint bands, hashes within MAX_DISTANCE agree on one band.
BANDS = NEAR_DUPLICATE_MAX_DISTANCE + 1
NOT_WORD = re.compile(r"[\W_]+")


def _feature_hashes(text: str) -> tuple[np.ndarray, np.ndarray]:
    compact = NOT_WORD.sub("", text.lower())
    # a text shorter than a shingle is its one feature
    grams = Counter([compact[i : i + SHINGLE] for i in range(max(len(compact) - SHINGLE + 1, 1 if compact else 0))])
    digests = b"".join([blake2b(gram.encode(), digest_size=8).digest() for gram in grams])
    return np.frombuffer(digests, dtype=">u8"), np.fromiter(grams.values(), dtype=np.float64, count=len(grams))


def simhash64(text: str) -> int:
    """Unsigned 64-bit SimHash (0 for a text without letters or digits)."""
    hashes, weights = _feature_hashes(text)
    if not len(hashes):
        return 0
    bits = np.unpackbits(hashes.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)  # MSB first
    score = weights @ (bits.astype(np.float64) * 2 - 1)
    return int.from_bytes(np.packbits(score > 0).tobytes(), "big")  # bit 63 from the first score


MASK = (1 << BITS) - 1


def hamming_distance(a: int, b: int) -> int:
    """Bits that differ; accepts unsigned hashes or the signed form stored in Avro."""
    return ((a ^ b) & MASK).bit_count()


def band_keys(h: int) -> list[str]:
    """One key per band ("band index:band bits"); near-duplicates share at least one.
    Accepts unsigned hashes or the signed form stored in Avro (same keys)."""
    h &= MASK
    keys = []
    for band in range(BANDS):
        lo = band * BITS // BANDS
        hi = (band + 1) * BITS // BANDS
        value = (h >> lo) & ((1 << (hi - lo)) - 1)
        keys.append(f"{band}:{value:x}")
    return keys
