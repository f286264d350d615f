"""64-bit SimHash and the banding that lets near-duplicates meet under one key."""

import hashlib

NEAR_DUPLICATE_MAX_DISTANCE = 3
_BANDS = NEAR_DUPLICATE_MAX_DISTANCE + 1  # pigeonhole: <= 3 differing bits leave one band equal
_BAND_BITS = 64 // _BANDS


def simhash64(text: str) -> int:
    """Unsigned 64-bit SimHash over character bigrams."""
    weights = [0] * 64
    for i in range(len(text) - 1):
        h = int.from_bytes(hashlib.blake2b(text[i : i + 2].encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def hamming_distance(a: int, b: int) -> int:
    return ((a ^ b) & (1 << 64) - 1).bit_count()


def band_keys(h: int) -> list[str]:
    """One key per band; hashes within NEAR_DUPLICATE_MAX_DISTANCE share at least one."""
    h &= (1 << 64) - 1
    mask = (1 << _BAND_BITS) - 1
    return [f"{band}:{h >> (band * _BAND_BITS) & mask:x}" for band in range(_BANDS)]
