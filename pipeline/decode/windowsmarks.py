"""Windows quotes and dashes inside GBK text: a text put together from GBK Chinese and English
typed on a Western Windows (cp1252) has its “ ” ‘ ’ – — … as single bytes 0x91-0x97 and 0x85,
which GBK reads as lead bytes. Each such mark takes the next byte as its pair's second:
before a letter it reads as a rare character (“Hunan’s as 揌unan抯); before Chinese, every
following pair is read one byte off to the next ASCII byte (“绿色通道” as 撀躺ǖ罃), whose
last lead the reader turns into U+FFFD where no pair is left for it.

So the bytes are read again, not the text: from each such byte where a character starts to
the next byte no GBK pair ends in (below 0x40), every reading of the mark bytes met (a mark,
or a pair's first byte) is scored, and the likeliest kept when it reads clearly better.
"""

import collections
import re

from pipeline.decode.mojibake import UTF8_SEQUENCES_RE, decodes, misread_utf8
from pipeline.decode.textmodel import TextModel

CP1252_MARKS = {0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—"}
MARK_BYTES_RE = re.compile(b"[\x85\x91-\x94\x96\x97]")
MAX_READINGS = 32  # readings compared per run (each mark byte met may branch)
CONTEXT = 4  # characters each side scored with a reading
MIN_GAIN = 6.0  # nats the reading must gain over the plain one
# Latin letters are scored out: every reading holds the same ones but those a pair eats, and
# the model, made for Chinese, would take a rare ideograph (揌, -15.8 nats) for likelier than
# a quote and a capital letter (“H, -21.2).
LATIN_LETTERS_RE = re.compile("[A-Za-z]+")
_GB18030_REPLACEMENT = "\ufffd".encode("gb18030")  # U+FFFD saved as GB18030: 84 31 A4 37
UTF8_CONTEXT_BYTES = 6  # bytes before a run looked at with it for UTF-8 sequences
UTF8_SHARE = 0.6
KIND = "cp1252_decoded_as_gbk"


class WindowsMarksRepairer:
    def __init__(self, model: TextModel) -> None:
        self._model = model
        # What a mark byte leading a pair reads as (GBK's rare characters of 0x85 and 0x91-0x97, or
        # U+FFFD before a byte no pair ends in): a text with none has no mark to read (most GBK
        # texts hold these bytes as second bytes of pairs).
        marked = {bytes((lead, trail)).decode("gb18030", "replace") for lead in CP1252_MARKS for trail in range(0x40, 0xFF)}
        self._marked_re = re.compile(f"[{re.escape(''.join(sorted(marked)))}]")

    def reread(self, raw: bytes, codec: str, text: str) -> str | None:
        """``raw``, which ``codec`` read as ``text``, read with its cp1252 marks; None if no
        reading is clearly better (or ``text`` is not the plain reading: other repairs made it)."""
        if not self._marked_re.search(text) or not MARK_BYTES_RE.search(raw) or raw.decode(codec, "replace") != text:
            return None
        if _GB18030_REPLACEMENT in raw or any(misread_utf8(line) for line in text.splitlines() if not line.isascii()):
            return None  # UTF-8 read as GBK (and saved, its lost bytes as U+FFFD): the mojibake repair's
        pieces: list[str] = []
        recent: collections.deque[int] = collections.deque(maxlen=CONTEXT)  # where the last characters start
        done, i, size = 0, 0, len(raw)
        while i < size:
            byte = raw[i]
            four_byte = i + 3 < size and 0x30 <= raw[i + 1] <= 0x39  # GB18030's (📦 is 94 39 E0 34)
            if byte in CP1252_MARKS and not four_byte:
                end = i + 1
                while end < size and raw[end] >= 0x40:
                    end += 1
                if recent:
                    left = raw[recent[0]:i].decode(codec, "replace")
                else:  # right after a run read again
                    left = pieces[-1][-CONTEXT:] if pieces else ""
                best = self._best_reading(raw, i, end, codec, left)
                if best is not None:
                    pieces += [raw[done:i].decode(codec, "replace"), best]
                    done = end
                    recent.clear()
                i = end
                continue
            recent.append(i)
            i += 1 if byte < 0x80 else 4 if four_byte else 2
        if not pieces:
            return None
        return "".join(pieces) + raw[done:].decode(codec, "replace")

    def _best_reading(self, raw: bytes, start: int, end: int, codec: str, left: str) -> str | None:
        if _inside_utf8_character(raw, start) or _utf8_like(raw[max(0, start - UTF8_CONTEXT_BYTES):end]):
            return None  # UTF-8 read as GBK: its continuation bytes 0x91-0x97 lead pairs, no marks
        plain = raw[start:end].decode(codec, "replace")
        readings = [reading for reading in _readings(raw[start:end], codec) if reading != plain]
        if not readings:
            return None
        right = raw[end:end + 3 * CONTEXT].decode(codec, "replace")[:CONTEXT]

        def score(reading: str) -> float:
            return self._model.word_logp(LATIN_LETTERS_RE.sub("", left + reading + right))

        best = max(readings, key=score)
        return best if score(best) - score(plain) > MIN_GAIN else None


def _inside_utf8_character(raw: bytes, index: int) -> bool:
    """Whether the byte at ``index`` continues a three-byte UTF-8 character (a CJK one: lead E4-E9)."""
    return any(
        0xE4 <= raw[index - back] <= 0xE9 and decodes(raw[index - back:index - back + 3], "utf-8")
        for back in (1, 2) if index >= back
    )


def _utf8_like(data: bytes) -> bool:
    """Whether most of ``data``'s bytes 0x80 and up make UTF-8 sequences (GBK text's rarely do)."""
    high = sum(byte >= 0x80 for byte in data)
    covered = sum(match.end() - match.start() for match in UTF8_SEQUENCES_RE.finditer(data))
    return high > 0 and covered >= UTF8_SHARE * high


def _readings(data: bytes, codec: str) -> list[str]:
    """The ways ``data`` reads as GBK pairs, ASCII bytes and cp1252 marks (at most MAX_READINGS)."""
    readings: list[str] = []
    stack = [(0, "")]
    while stack and len(readings) < MAX_READINGS:
        i, read = stack.pop()
        while i < len(data):
            byte = data[i]
            if byte < 0x80:
                read, i = read + chr(byte), i + 1
                continue
            pair = _pair(data[i:i + 2], codec)
            if byte in CP1252_MARKS:
                if pair:
                    stack.append((i + 2, read + pair))
                read, i = read + CP1252_MARKS[byte], i + 1
            elif pair:
                read, i = read + pair, i + 2
            else:
                break
        else:
            readings.append(read)
    return readings


def _pair(two: bytes, codec: str) -> str | None:
    if len(two) < 2:
        return None
    try:
        ch = two.decode(codec)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None
