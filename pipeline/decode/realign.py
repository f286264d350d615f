"""UTF-16 that lost a byte (or gained one): every code unit after it is read one byte off,
two bytes of different characters paired (中国 in UTF-16-LE, 2D 4E FD 56, less its first
byte: 中 then a unit of 56 and the next character's low byte), and the rest of the file is
rare ideographs, Hangul and symbols. No codec resynchronises: the stream has no marks.

The reading is chosen over byte offsets: each step reads a code unit (two bytes, four for a
surrogate pair), scored by the character model, or skips one byte at a fixed cost; the best
path through the whole file (dynamic programming, linear in its length) reads the intact
stretches as they were and skips one byte where the alignment changes. The skip is then
placed among the two code units either side (a misread unit may be a common character) and
the character that lost a byte chosen back by the running-text and word models and the
words the file repeats (邮储银行 three times beside 邮�银行), or dropped
(a byte gained), when clearly likeliest; else it is written U+FFFD.
"""

import array
import collections
import functools
import itertools
import math
import re
import sys

from pipeline.decode import rules
from pipeline.decode.runningtext import WEIGHT_BESIDE_WORDS, RunningTextModel
from pipeline.decode.textmodel import DocumentNgrams, TextModel

UNIT_BYTE_ORDER = {"utf-16-le": "little", "utf-16-be": "big"}
# A skipped byte costs as much as two improbable characters: a misaligned stretch of four
# or more characters reads worse than that, a clean text never gains by one.
SKIP_COST = 30.0
LONE_SURROGATE_LOGP = -40.0  # a unit no UTF-16 writer makes: worse than a skip
# A file without BOM is tried realigned when most of its first units, at either alignment,
# are common characters (the 5,000 or so commonest ideographs, ASCII, punctuation).
EVIDENCE_BYTES = 2048
COMMON_UNIT_LOGP = -10.0
COMMON_UNIT_SHARE = 0.5
LOST = rules.LOST_CHARACTER
CONTEXT = 3  # characters each side a lost character is chosen by
# Nats by which the likeliest reading must beat the next. Lost UTF-16 bytes (100 trials of
# seed text, 200 of pages of none of the seeds): 2.0 chose 82% and 67% right, 2% and 4.5%
# wrong; 1.0 85% and 71%, 7% and 7.5%; 0.5 85% and 75%, 8% and 13%.
FILL_MARGIN = 1.0
FILL_MIN_LOGP = -14.0  # rarer characters are never a lost byte's likeliest
# A byte gained (nothing to fill) against one lost: unseen pages (60 trials each), 12 nats
# chose 39 lost characters right and dropped 24 gained bytes; 16, 42 and 15; losses are likelier.
GAINED_BYTE_COST = 16.0
PLACEMENT_RADIUS = 2  # code units either side of a skipped byte where the skip may belong
SPACES = " \n"  # the whitespace a lost character may be (the models score none of it)
# Positions between characters of two kinds start from the file's overall spacing, as this
# many of them (a page header's run of spaces is one pair of kinds, spaces either side).
SPACING_PRIOR_WEIGHT = 2.0


class Realigner:
    def __init__(self, model: TextModel, running: RunningTextModel) -> None:
        # Every BMP code unit's log-prob, once: the walk below indexes it per byte.
        self._unit_logp = [
            LONE_SURROGATE_LOGP if 0xD800 <= unit < 0xE000 else model.char_logp(chr(unit)) for unit in range(0x10000)
        ]
        common = [chr(unit) for unit, logp in enumerate(self._unit_logp) if logp > COMMON_UNIT_LOGP]
        self._common_re = re.compile(f"[{re.escape(''.join(common))}]")
        self._model = model
        self._running = running

    def reads_as_units(self, raw: bytes, encoding: str) -> bool:
        """Whether most of the file's first code units, at either alignment, are characters
        text is made of: UTF-16 (its intact stretch at one alignment, a misaligned one at the
        other). GB, Big5 or UTF-8 bytes paired so make rare characters (about one in twenty is common)."""
        sample = raw[:EVIDENCE_BYTES]
        units = len(sample) // 2
        common = sum(
            len(self._common_re.findall(sample[shift:shift + 2 * units - 2 * shift].decode(encoding, errors="replace")))
            for shift in (0, 1)
        )
        return common >= COMMON_UNIT_SHARE * units > 0

    def realigned(self, raw: bytes, encoding: str) -> tuple[str, int] | None:
        """``raw`` (UTF-16 without its BOM) read with the bytes skipped that realign it, and
        how many were skipped; None when none is (an intact file)."""
        size = len(raw)
        if size < 4:
            return None
        even, odd = _units(raw, UNIT_BYTE_ORDER[encoding])
        unit_logp = self._unit_logp
        # The best score to each of the last four offsets (a rolling window: the walk looks
        # back at most four bytes), and the bytes taken by the last step to every offset: 1 (a
        # skip), 2 (a unit) or 4 (a surrogate pair).
        back1, back2, back3, back4 = -SKIP_COST, 0.0, -math.inf, -math.inf
        step = bytearray(size + 1)
        step[1] = 1
        for end in range(2, size + 1):
            units = odd if end & 1 else even
            unit = units[(end - 2) >> 1]
            score, taken = back1 - SKIP_COST, 1
            read = back2 + unit_logp[unit]
            if read > score:
                score, taken = read, 2
            if 0xDC00 <= unit < 0xE000 and end >= 4 and 0xD800 <= units[(end - 4) >> 1] < 0xDC00:
                pair = back4 + self._model.char_logp(raw[end - 4:end].decode(encoding))
                if pair > score:
                    score, taken = pair, 4
            back4, back3, back2, back1 = back3, back2, back1, score
            step[end] = taken
        skips, end = [], size  # offsets of the skipped bytes, last to first
        while end > 0:
            if step[end] == 1:
                skips.append(end - 1)
            end -= step[end]
        skips.reverse()
        # A skip of the very last byte is a truncated last character, not a misalignment.
        truncated = bool(skips) and skips[-1] == size - 1
        if len(skips) == truncated:
            return None
        bounds = [-1, *skips, size]
        stretches = [raw[bounds[i] + 1:bounds[i + 1]].decode(encoding, errors="replace") for i in range(len(bounds) - 1)]
        simplified = self._model.writes_simplified(stretches[0])
        document = self._model.document_ngrams("".join(stretches))
        spacing = Spacing("".join(stretches))
        middles = []
        for number, offset in enumerate(skips[:len(skips) - truncated]):
            before, after = stretches[number], stretches[number + 1]
            radius = PLACEMENT_RADIUS
            while radius and not _whole_units_around(raw, offset, radius, encoding, before, after):
                radius -= 1
            region = raw[offset - 2 * radius:offset + 2 * radius + 1]
            left, right = before[len(before) - radius - CONTEXT:len(before) - radius], after[radius:radius + CONTEXT]
            middles.append(self._lost_character(left, region, right, encoding, simplified, document, spacing))
            stretches[number], stretches[number + 1] = before[:len(before) - radius], after[radius:]
        if truncated:
            middles.append(LOST)
        return "".join(itertools.chain.from_iterable(zip(stretches, [*middles, ""]))), len(skips) - truncated

    def _lost_character(
        self, left: str, region: bytes, right: str, encoding: str, simplified: bool, document: DocumentNgrams,
        spacing: "Spacing",
    ) -> str:
        """``region`` (a skipped byte in its middle, code units either side of it) between
        ``left`` and ``right``, read with the skip where it reads best (the walk places it by
        single characters: a misread unit may be a common one) and the skipped byte's character
        chosen back (the other byte lost) or dropped (a byte gained) when clearly likeliest,
        else U+FFFD. In simplified text, characters t2s changes are not candidates (the
        models read 務 as 务). The models score no whitespace: a space or a line break there is
        as likely as the file puts one between such neighbours (``spacing``), and a character
        as likely as the models say and the file puts none; beside a digit, neither whitespace
        (a digit is as likely)."""
        placements = []  # (the characters before the lost one, after it, the byte left of it)
        for skip in range(0, len(region), 2):
            head = region[:skip].decode(encoding, errors="replace")
            tail = region[skip + 1:].decode(encoding, errors="replace")
            if "\ufffd" not in head + tail:
                placements.append((head, tail, region[skip]))
        scored = []
        for head, tail, byte in placements:
            fills = [ch for ch in _completions(byte) if self._unit_logp[ord(ch)] > FILL_MIN_LOGP]
            if simplified:
                fills = [ch for ch in fills if self._model.is_simplified_form(ch)]
            neighbours = (left + head)[-1:], (tail + right)[:1]
            beside_digit = any(ch.isascii() and ch.isdigit() for ch in neighbours)
            for fill in ("", *fills):
                spaced = bool(fill) and fill in SPACES
                if spaced and beside_digit:
                    continue  # as likely any digit, which the models read alike: left to them
                text = left + head + ("" if spaced else fill) + tail + right
                logp = (self._model.word_logp(text, document, rules.CHOICE_WORD_COST)
                        + WEIGHT_BESIDE_WORDS * self._running.logp(text))
                logp += spacing.logp(fill, *neighbours) if fill else -GAINED_BYTE_COST
                scored.append((logp, head + fill + tail, head + LOST + tail))
        if not scored:
            return region.decode(encoding, errors="replace").replace("\ufffd", LOST)
        scored.sort(key=lambda item: item[0], reverse=True)
        best_logp, best, best_unfilled = scored[0]
        runner_up = next((logp for logp, middle, _ in scored[1:] if middle != best), -math.inf)
        return best if best_logp - runner_up >= FILL_MARGIN else best_unfilled


class Spacing:
    """How often a text puts a space, a line break or a character between two kinds of
    characters (ideographs, other marks, ASCII letters and digits, ASCII signs, spaces, line
    breaks): lost UTF-16 units of spaced-out page headers and of paragraph ends were spaces
    and line breaks."""

    def __init__(self, text: str) -> None:
        kinds = [_kind(ch) for ch in text]
        middles = (ch if ch in SPACES else "" for ch in text[1:])
        self._counts = collections.Counter(zip(kinds, middles, kinds[2:]))
        total = sum(self._counts.values()) or 1
        self._overall = {
            middle: (sum(count for key, count in self._counts.items() if key[1] == middle) + 1) / (total + 3)
            for middle in (*SPACES, "")
        }

    def logp(self, ch: str, left: str, right: str) -> float:
        """Log-prob of a space, a line break or (any other ``ch``) a character between ``left`` and ``right``."""
        middle = ch if ch in SPACES else ""
        kinds = _kind(left), _kind(right)
        seen = sum(self._counts[kinds[0], other, kinds[1]] for other in (*SPACES, ""))
        count = self._counts[kinds[0], middle, kinds[1]]
        return math.log((count + SPACING_PRIOR_WEIGHT * self._overall[middle]) / (seen + SPACING_PRIOR_WEIGHT))


def _kind(ch: str) -> str:
    if ch in SPACES or not ch:
        return ch or "\n"  # the text's edge as a line's
    if ch.isascii():
        return "ascii_word" if ch.isalnum() else "ascii_mark"
    return "ideograph" if "\u4e00" <= ch <= "\u9fff" else "other"


@functools.cache
def _completions(byte: int) -> tuple[str, ...]:
    """The characters of a code unit holding ``byte`` as either of its two bytes (either byte order)."""
    units = {byte | other << 8 for other in range(0x100)} | {other | byte << 8 for other in range(0x100)}
    chars = (chr(unit) for unit in sorted(units) if not 0xD800 <= unit < 0xE000)
    return tuple(ch for ch in chars if ch in "\n " or ch.isprintable())


def _whole_units_around(raw: bytes, offset: int, radius: int, encoding: str, before: str, after: str) -> bool:
    """Whether the ``radius`` code units either side of the skipped byte at ``offset`` are
    characters of their own (no surrogate) that end ``before`` and start ``after`` as read."""
    if offset < 2 * radius:
        return False
    head = raw[offset - 2 * radius:offset].decode(encoding, errors="replace")
    tail = raw[offset + 1:offset + 1 + 2 * radius].decode(encoding, errors="replace")
    return (
        len(head) == len(tail) == radius and "\ufffd" not in head + tail
        and before.endswith(head) and after.startswith(tail)
    )


def _units(raw: bytes, order: str) -> tuple[array.array, array.array]:
    """The code units starting at the even byte offsets, and those at the odd ones."""
    halves = []
    for shift in (0, 1):
        units = array.array("H", raw[shift:shift + (len(raw) - shift) // 2 * 2])
        if order != sys.byteorder:
            units.byteswap()
        halves.append(units)
    return halves[0], halves[1]
