"""Line breaks inside characters: text wrapped at a fixed number of bytes (``fold -b``, a
mainframe's fixed-length records, a mailer wrapping bytes) splits a multi-byte character
across lines. Every reader then sees a broken character at the line's end and another at the
next line's start; a two-byte code misreads the whole next line, one byte off, to its first
ASCII byte. The break is removed where it splits a character:

- UTF-8: a line ending in a character's first bytes, the next starting with exactly the
  continuation bytes that complete it. The pattern is exact, and taken only where it explains
  most of the file's broken sequences (GB bytes show it by chance).
- GBK, GB18030, Big5 (pairs read from the file's start, an ASCII byte standing alone): a line
  ending in a lead byte whose trail starts the next line. A lost trail byte at a line's end
  looks the same, so the breaks are taken only as a wrapping tool makes them: two or more, each
  ending a line as long as the file's longest.
- Any code: CRs alone in a text whose lines end in CRLF, each ending a line of the same length
  (a wrapper's soft breaks, inside characters or not), all removed.
"""

import re
from bisect import bisect_right

from pipeline.decode.mojibake import decodes, utf8_length

# (a break is LF, CRLF, or a CR alone: a wrapper's or an old Mac's)
UTF8_SPLIT_RE = re.compile(
    rb"(?:[\xc2-\xdf]|[\xe0-\xef][\x80-\xbf]?|[\xf0-\xf4][\x80-\xbf]{0,2})(\r\n|\r|\n)[\x80-\xbf]{1,3}"
)
LINE_BREAK_RE = re.compile(rb"\r\n|\r|\n")
BARE_CR_RE = re.compile(rb"\r(?!\n)")
# From a character's start: ASCII bytes and pairs (a lead and any byte) up to a lead followed by
# a line break and a byte that can trail it (group 1: the break). Possessive: each byte is read once.
PAIRS_TO_SPLIT_RE = re.compile(
    rb"(?:[\x00-\x7f]|[\x80-\xff](?!(?:\r\n|\r|\n)[\x40-\x7e\x80-\xfe])[\x00-\xff]?)*+[\x80-\xff](\r\n|\r|\n)[\x40-\x7e\x80-\xfe]"
)
# Of the file's broken UTF-8 sequences, the rejoined one may keep at most a fraction (other
# damage): a GB or Big5 file read as UTF-8 is broken throughout, with or without the breaks.
UTF8_ERRORS_LEFT = 4
MIN_WRAPPED_LINES = 2
KIND = "line_breaks_inside_characters_removed"


def rejoin_split_characters(raw: bytes) -> tuple[bytes, bool]:
    """``raw`` without the line breaks that split its characters, and whether any did."""
    if b"\n" not in raw and b"\r" not in raw or raw.isascii() or raw.count(0) > len(raw) // 8 or decodes(raw, "utf-8"):  # (UTF-16/32: NULs)
        return raw, False
    breaks = _utf8_splits(raw)
    if breaks:
        joined = _without(raw, breaks)
        before, after = _utf8_errors(raw), _utf8_errors(joined)
        if after * UTF8_ERRORS_LEFT <= before:
            return joined, True
    soft = _soft_carriage_returns(raw)
    if soft:
        return _without(raw, soft), True
    if not _lines_at_width_end_high(raw):
        return raw, False  # (the common case, told without reading the file pair by pair)
    breaks = _double_byte_splits(raw)
    if len(breaks) >= MIN_WRAPPED_LINES and _wrapped_at_width(raw, breaks):
        return _without(raw, breaks), True
    return raw, False


def _soft_carriage_returns(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) of each CR alone in a text whose lines end in CRLF, when every line it ends is
    as long as the others it ends: a wrapper's breaks at its width, inside the text's lines."""
    if b"\r\n" not in raw:
        return []
    spans = [match.span() for match in BARE_CR_RE.finditer(raw)]
    if len(spans) < MIN_WRAPPED_LINES:
        return []
    line_starts = [0] + [match.end() for match in LINE_BREAK_RE.finditer(raw)]
    lengths = {start - line_starts[bisect_right(line_starts, start) - 1] for start, _ in spans}
    return spans if len(lengths) == 1 else []


def _utf8_splits(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) of each line break between a UTF-8 character's first bytes and the rest."""
    breaks = []
    for match in UTF8_SPLIT_RE.finditer(raw):
        lead_at = match.start()
        needed = utf8_length(raw[lead_at])
        first, rest = match.start(1) - lead_at, match.end() - match.end(1)
        after = raw[match.end():match.end() + 1]
        # exactly the bytes the character lacks: a continuation byte more belongs to no one
        if first + rest == needed and not (after and 0x80 <= after[0] <= 0xBF):
            breaks.append(match.span(1))
    return breaks


def _utf8_errors(raw: bytes) -> int:
    return raw.decode("utf-8", errors="replace").count("\ufffd")


def _lines_at_width_end_high(raw: bytes) -> bool:
    """Whether two or more lines as long as the file's longest end in a byte 0x80 or higher."""
    lines = LINE_BREAK_RE.split(raw)
    width = max(map(len, lines))
    return sum(1 for line in lines if len(line) == width and line[-1:] >= b"\x80") >= MIN_WRAPPED_LINES


def _double_byte_splits(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) of each line break right after a lead byte, before a byte that can trail it.
    Read pair by pair from the file's start, in the regular expression engine: a Python loop
    over the bytes took a third of decoding a GBK newspaper page."""
    breaks = []
    pos = 0
    while match := PAIRS_TO_SPLIT_RE.match(raw, pos):
        breaks.append(match.span(1))
        pos = match.end()
    return breaks


def _wrapped_at_width(raw: bytes, breaks: list[tuple[int, int]]) -> bool:
    """Whether each break ends a line as long as the file's longest (a wrapping tool's width)."""
    starts = [0] + [match.end() for match in LINE_BREAK_RE.finditer(raw)]
    ends = [match.start() for match in LINE_BREAK_RE.finditer(raw)] + [len(raw)]
    length_at = {end: end - start for start, end in zip(starts, ends)}
    width = max(length_at.values())
    return all(length_at[start] == width for start, _ in breaks)


def _without(raw: bytes, spans: list[tuple[int, int]]) -> bytes:
    out, pos = [], 0
    for start, end in spans:
        out.append(raw[pos:start])
        pos = end
    out.append(raw[pos:])
    return b"".join(out)
