"""64-bit SimHash of a story body, and LSH bands for finding near-duplicates at scale.

Features are character 3-grams of the body with everything but letters and digits
removed, so punctuation changes, spacing and line breaks do not move the hash. A 3-gram's
64-bit hash is the splitmix64 finaliser of its three code points packed 21 bits each (packing
without collisions, finaliser with well-mixed bits), computed for all 3-grams at once in numpy:
a cryptographic hash per 3-gram cost a fifth of the whole extract stage. A 3-gram weighs its
count: each occurrence is hashed and counted, which equals hashing each distinct 3-gram once and
weighting it by its count, without sorting the 3-grams to find the distinct ones.
"""

import numpy as np

BITS = 64
SHINGLE = 3
# Two bodies whose hashes differ in at most this many bits are near-duplicates. Measured on the
# seed stories: a traditional spam-mirror copy (t2s, spam lines, punctuation) is 1-5 bits away,
# a copy with its three longest paragraphs halved 4-7, different stories 21-44.
NEAR_DUPLICATE_MAX_DISTANCE = 6
# Pigeonhole: with MAX_DISTANCE + 1 disjoint bands, hashes within MAX_DISTANCE agree on one band.
BANDS = NEAR_DUPLICATE_MAX_DISTANCE + 1
CODE_POINT_BITS = np.uint64(21)  # every code point is below 2**21
# Letters and digits (str.isalnum: what the regex class [^\W_] matches) of the Basic Multilingual
# Plane, by code point: a table look-up in numpy, where a regex removing the rest took about as
# long as all the hashing. The rare code points above it are asked one by one.
BMP_ALNUM = np.array([chr(code).isalnum() for code in range(0x10000)])
# For counting the hashes' set bits byte by byte: the bits of each byte value, least significant first.
BYTE_BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little").astype(np.intp)
BYTE_COLUMNS = np.arange(8, dtype=np.intp) * 256  # byte i of a hash counts in bins 256 i to 256 i + 255


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser (Steele, Lea, Flood 2014): a bijection on 64-bit integers."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _letters_and_digits(text: str) -> np.ndarray:
    """Code points of the letters and digits of ``text`` lower-cased (lone surrogates are neither)."""
    codes = np.frombuffer(text.lower().encode("utf-32-le", "surrogatepass"), dtype="<u4")
    keep = BMP_ALNUM[np.minimum(codes, 0xFFFF)]  # U+FFFF is no letter; those above it are looked up below
    for index in np.flatnonzero(codes > 0xFFFF):
        keep[index] = chr(codes[index]).isalnum()
    return codes[keep].astype(np.uint64)


def _feature_hashes(text: str) -> np.ndarray:
    """The hash of every 3-gram occurrence."""
    codes = _letters_and_digits(text)
    # A text shorter than a shingle is its one feature (missing places 0, which is no letter or digit).
    codes = np.pad(codes, (0, SHINGLE - len(codes))) if 0 < len(codes) < SHINGLE else codes
    grams = np.zeros(max(len(codes) - SHINGLE + 1, 0), dtype=np.uint64)
    for offset in range(SHINGLE):
        grams = (grams << CODE_POINT_BITS) | codes[offset : offset + len(grams)]
    return _mix64(grams)


def simhash64(text: str) -> int:
    """Unsigned 64-bit SimHash (0 for a text without letters or digits)."""
    hashes = _feature_hashes(text)
    if not len(hashes):
        return 0
    # Per bit, the features that set it: how often each value occurs as each byte (little-endian, so
    # byte i holds bits 8 i to 8 i + 7), times the bits of each value.
    byte_values = hashes.astype("<u8", copy=False).view(np.uint8).reshape(-1, 8)
    value_counts = np.bincount((byte_values + BYTE_COLUMNS).ravel(), minlength=8 * 256).reshape(8, 256)
    ones = (value_counts @ BYTE_BITS).ravel()  # ones[i]: features with bit i set
    majority = 2 * ones > len(hashes)  # more features with the bit set than without
    return int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")


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
