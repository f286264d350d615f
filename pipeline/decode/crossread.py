"""Cross-read repair: GB bytes decoded as Big5, or Big5 bytes decoded as GBK/GB18030, or
either by a Korean (cp949) or Japanese (cp932, EUC-JP) reader, and saved again (as UTF-8): the text
decodes cleanly but is nonsense (邮政网点 reads 蚘淉厙萸 as Big5, 錟漣貢듐 as cp949).

A line is re-read (encoded with the wrong codec, decoded with the right one) only when it
has two uncommon characters close together, so clean text costs one regex scan; the reading
is kept only when it reads like clean text and the text model scores it clearly better. Once
a document shows the damage, its other lines are tried too, and need only score clearly
better: a short line (a title, names) may have no uncommon pair or read poorly even when right.
A U+FFFD is a byte the wrong reader rejected: when the other byte of its pair survives, the
character is chosen back among those the pair may make; when both were rejected (the lead,
then the trail as a lead before the next byte), among the characters whose bytes the wrong
reader rejects so, the likeliest in running text first.
"""

import codecs
import collections
import functools
import heapq
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.decode import rules
from pipeline.decode.detect import ASCII_ALNUM_RE, FAMILIES
from pipeline.decode.mojibake import (
    CONTEXT, MIN_GAIN, clearly_better, decodes, misread_utf8, shared_characters, shows_latin1_mojibake,
)
from pipeline.decode.runningtext import LineEnds, RunningTextModel
from pipeline.decode.textmodel import PAIRED_MARK_RE, TextModel, awaited_marks, is_private_use, paired_marks

# (codecs the bytes were wrongly read with, codec they really are, repair name); the right
# codec is the family's superset, which reads the plain codec's bytes alike.
CROSS_READS = (
    (FAMILIES["big5"], "gb18030", "gbk_decoded_as_big5"),
    (FAMILIES["gbk"], "big5hkscs", "big5_decoded_as_gbk"),
    # A Korean or Japanese Windows opening Chinese text: its two-byte code reads most pairs;
    # so does EUC-JP (Unix), which rejects every trail byte below A1 (Big5 loses four leads in ten).
    (("cp949",), "gb18030", "gbk_decoded_as_euc_kr"),
    (("cp949",), "big5hkscs", "big5_decoded_as_euc_kr"),
    (("cp932",), "gb18030", "gbk_decoded_as_shift_jis"),
    (("cp932",), "big5hkscs", "big5_decoded_as_shift_jis"),
    (("euc_jp",), "gb18030", "gbk_decoded_as_euc_jp"),
    (("euc_jp",), "big5hkscs", "big5_decoded_as_euc_jp"),
)
# A rule of box-drawing characters (a PDF page's ────, ━━━), which no mojibake repeats so: re-read,
# its pairs made words (式式式).
RULE_RE = re.compile("([\u2500-\u257f])\\1{2,}")
ALPHABET_WORD_RE = re.compile("[\u00c0-\u024f\u0370-\u0e7f]+")  # not ASCII: English words amid Chinese
MIN_WORD_LETTERS = 3
ONE_SCRIPT_SHARE = 0.9
# Ideographs, kana, Hangul, CJK symbols, full-width forms, private use: what cross-readings show.
CJK_BLOCK_RE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
# Mean word log-prob per character a re-read line must reach: clean seed lines score -4 to -7,
# a reading that is still mojibake -10 to -15.
PLAUSIBLE_SCORE = -9.0
FILL_BEAM = 8  # partial choices kept per lost character
LINE_HEAD_LOOKBACK = 8  # characters searched back for the line break before a lost one at a line's head
# Candidates for a character whose two bytes were lost that the beam compares: the likeliest
# by the running-text model among the commonest characters the bytes may make (thousands may).
WHOLE_SHORTLIST = 16
WHOLE_COMMONEST = 400
# Nats by which a character lost whole must beat the next candidate, or it stays U+FFFD. GBK read
# as Big5 (100 trials of 600 characters, 168 characters lost whole): a margin of 0 chose 110
# right and 58 wrong; 2, 90 right and 4 wrong (74 left lost); 5, 129 left lost.
WHOLE_MIN_MARGIN = 2.0
# Characters a wrong reader reads from two pairs whose pair is chosen, per line: each costs two
# readings of the line (cp932 reads 396 characters so; a 1,500-character line of them took
# 4.5 s, now 0.4 s). GBK read as cp932: a paragraph has one every 37 characters.
MAX_SHARED_TRIED = 64
# (index in the reading, lead, trail, next byte): None is a lost byte; the next byte counts
# (and may be None, not known) only when both were lost.
Lost = tuple[int, int | None, int | None, int | None]


class CrossReadRepairer:
    def __init__(self, model: TextModel, running: RunningTextModel) -> None:
        self._model = model
        self._running = running
        self._suspect_re = re.compile(model.uncommon_pair_pattern)
        self._commonest: dict[tuple[str, ...], list[str]] = {}  # per _candidates' answer
        self._members: dict[tuple[str, ...], frozenset[str]] = {}  # the same, as a set
        self._candidate_sets: dict[tuple, tuple[str, ...]] = {}  # _completions in the text's script
        for wrongs, _, _ in CROSS_READS:  # built once per worker, not in the first files' time
            for wrong in wrongs:
                shared_characters(wrong)

    def repair(self, text: str) -> tuple[str, list[str]]:
        if not self._suspect_re.search(text):
            return text, []
        lines = text.split("\n")
        # Where a lost character ends a line: the line ends of the document's clean lines.
        line_ends = functools.cache(lambda: self._running.line_ends(collections.Counter(
            stripped[-1] for line in lines if (stripped := line.rstrip()) and not self._suspect_re.search(line)
        )))
        kinds: list[str] = []
        readers = _Readers()
        originals = list(lines)
        for index, line in enumerate(lines):
            # A line of UTF-8 read as GB/Big5 (or cp949, cp932) is the mojibake repair's: trying
            # every cross-read on it first was a sixth of the decode time of such files. So is
            # one of GB/Big5 read as Latin-1 (cp949 reads some of its letters back into pairs).
            if (
                self._suspect_re.search(line) and not _alphabetic(line) and _written(line)
                and not misread_utf8(line) and not shows_latin1_mojibake(line)
            ):
                lines[index] = self._reread_line(lines, index, CROSS_READS, kinds, line_ends, readers)
        found = readers.narrowed([cross_read for cross_read in CROSS_READS if cross_read[2] in kinds])
        if found:
            # Lines one of the kind's other readers read best are read again as the document was.
            for index in readers.misread_lines():
                repaired, lines[index] = lines[index], originals[index]
                reading = self._reread_line(lines, index, readers.narrowed(CROSS_READS), kinds, line_ends)
                lines[index] = reading if reading != originals[index] else repaired
            for index, line in enumerate(lines):
                if (
                    index not in readers.chosen and not line.isascii() and _written(line)
                    and not _alphabetic(line) and not shows_latin1_mojibake(line)
                ):
                    lines[index] = self._reread_line(lines, index, found, kinds, line_ends, established=True)
        return "\n".join(lines), kinds

    def _reread_line(
        self, lines: list[str], index: int, cross_reads, kinds: list[str], line_ends: Callable[[], LineEnds],
        readers: "_Readers | None" = None, established: bool = False,
    ) -> str:
        """Line ``index``'s best reading under ``cross_reads`` if clearly better, else the line;
        a repair and how each reader of its kind read the line go to ``readers``."""
        line, best = lines[index], None
        if not any(ch.isalpha() or is_private_use(ch) for ch in line):
            return line  # a rule or a row of figures: no letter, no evidence of a code read wrongly
        logps: dict[str, float] = {}  # per reading
        by_reader: dict[tuple[str, str], float] = {}
        for wrongs, right, kind in cross_reads:
            for wrong in wrongs:
                reading, lost = self._best_reread(line, wrong, right)
                known = reading in logps
                if not known:
                    logps[reading] = self._model.word_logp(reading)
                logp = by_reader[kind, wrong] = logps[reading]
                if known or reading == line or _marks_only_differ(line, reading):
                    continue
                if best is None or logp > best[0]:
                    best = (logp, reading, lost, wrong, right, kind)
        if best is None:
            return line
        _, reading, lost, wrong, right, kind = best
        # Until the document shows the damage, the reading must look like clean text: UTF-8
        # read as Big5 reads better as UTF-8 read as GBK, still nonsense. Then a short line
        # of names need not. Judged before the lost bytes are chosen (the dear part) too: a
        # line of other mojibake has many.
        if not established and not self._plausible(reading.replace("\ufffd", "")):
            return line
        # Judged first by the characters read from bytes that survived: a clean line with a
        # few characters lost (another damage's U+FFFD) reads worse so, though guesses for
        # its U+FFFD would score better than the U+FFFD themselves.
        survived = reading.replace("\ufffd", "")
        if "\ufffd" in line and not clearly_better(self._model, survived, line.replace("\ufffd", "")):
            return line
        if lost:
            preceding, following = self._line_context(lines, index, wrong, right)
            simplified = self._model.writes_simplified(reading)
            filled = self._fill_lost(
                preceding + reading + following, lost, len(preceding), wrong, right, simplified, line_ends
            )
            reading = filled[len(preceding):len(preceding) + len(reading)]
        if not established and not self._plausible(reading):
            return line
        # In a document that shows the damage, a short line (□耿梁, a byline) need not gain MIN_GAIN
        # nats, only as many per character: a clean line's cross-reading reads far worse.
        if not clearly_better(self._model, reading, line, 0.0 if established else MIN_GAIN):
            return line
        if kind not in kinds:
            kinds.append(kind)
        if readers is not None:
            readers.record(index, kind, wrong, {w: logp for (k, w), logp in by_reader.items() if k == kind})
        return reading

    def _line_context(self, lines: list[str], index: int, wrong: str, right: str) -> tuple[str, str]:
        """The CONTEXT characters before and after line ``index`` that a lost character at its
        edge reads with (PDF text breaks lines inside words: 全 ends a line, 球 starts the next):
        the lines before as they now are; the next line with text as ``right`` read wrongly by
        ``wrong``, if it reads better so."""
        preceding, before = "", index
        while before > 0 and len(preceding) < CONTEXT:
            before -= 1
            preceding = lines[before] + "\n" + preceding
        after = index + 1
        while after < len(lines) and not lines[after].strip() and after - index <= CONTEXT:
            after += 1
        following = ""
        if after < len(lines):
            following = lines[after]
            reading = _reread(following, wrong, right)[0]
            if self._model.word_logp(reading) > self._model.word_logp(following):
                following = reading
        return preceding[-CONTEXT:], ("\n" * (after - index) + following)[:CONTEXT]

    def _best_reread(self, line: str, wrong: str, right: str) -> tuple[str, list[Lost]]:
        """_reread of the line; where ``wrong`` reads two pairs as one character (Big5's 十 is
        A451 and A2CC, which a byte out of step after a lost lead makes of 、提), each such
        character's pair chosen in turn, by how the reading scores."""
        pairs, shared_re = shared_characters(wrong)
        reading, lost = _reread(line, wrong, right)
        matches = list(itertools.islice(shared_re.finditer(line), MAX_SHARED_TRIED)) if shared_re else []
        if not matches:
            return reading, lost
        best, chosen = (self._model.word_logp(reading), reading, lost), {}
        for match in matches:
            for pair in pairs[match.group()][1:]:
                trial = _reread(line, wrong, right, chosen | {match.start(): pair})
                logp = self._model.word_logp(trial[0])
                if logp > best[0]:
                    best = (logp, *trial)
                    chosen[match.start()] = pair
        return best[1], best[2]

    def _plausible(self, reading: str) -> bool:
        """Reads like clean text, judged on its Chinese: Latin letters and figures, which both
        readings keep, score as rare characters (中国邮政EMS read no better than 笢弊蚘淉EMS)."""
        chinese = ASCII_ALNUM_RE.sub("", reading)
        return bool(chinese) and self._model.word_logp(chinese) >= PLAUSIBLE_SCORE * len(chinese)

    def _fill_lost(
        self, text: str, lost: list[Lost], offset: int, wrong: str, right: str, simplified: bool,
        line_ends: Callable[[], LineEnds],
    ) -> str:
        """Each character with one byte lost (at its index in the reading plus ``offset`` in
        ``text``: the reading with its context), chosen among those the byte may complete by how
        it reads with its neighbours. Lost characters a few apart are chosen together (a beam
        search): they often come in a row (工作 in Big5 are both lost to a GBK reader). The
        models read traditional characters as simplified ones (隊 as 队): in a ``simplified``
        reading, characters t2s changes are not candidates. One that ends a line is as likely as
        ``line_ends`` says."""
        chars = list(text)
        groups: list[list[Lost]] = []
        for index, *bytes_known in lost:
            item = (index + offset, *bytes_known)
            if groups and item[0] - groups[-1][-1][0] <= CONTEXT:
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            first = group[0][0]
            before = "".join(chars[max(0, first - CONTEXT):first])
            beams, done = [""], first  # beams: the text from ``first`` up to ``done``
            indents = {"": 0.0}  # per beam, the line-head lift of the indentation it chose
            whole: dict[int, list[str]] = {}  # characters lost whole: their candidates
            # The closing marks the line awaits before the group (the models see CONTEXT characters back).
            line_awaited = awaited_marks("".join(chars[text.rfind("\n", 0, first) + 1:first]))
            for index, lead, trail, following in group:
                known = "".join(chars[done:index])
                after = "".join(chars[index + 1:index + 1 + CONTEXT])
                heads = {beam: _line_head(chars, first, beam + known) for beam in beams}
                at_head = any(head is not None for head in heads.values())
                candidates = self._candidates(wrong, right, lead, trail, following, simplified, at_head)
                if len(candidates) > WHOLE_SHORTLIST:  # (the indent's space kept: the running-text model scores no space)
                    spaces = [ch for ch in candidates if ch.isspace()]
                    candidates = self._likeliest(before + beams[0] + known, candidates, after) + spaces
                if lead is None and trail is None:
                    whole[index] = candidates
                lift = _line_end_lift(chars, index, line_ends)
                head_lift = self._running.line_head_lift
                closing = {  # per beam, the closing mark awaited next, which earns PAIRED_MARK_WEIGHT
                    beam: (paired_marks(PAIRED_MARK_RE.findall(beam + known), line_awaited)[1] or [None])[-1]
                    for beam in beams
                }
                scored = [
                    (
                        beam + known + ch,
                        self._running.with_words_logp(before + beam + known + ch + after) + lift(ch)
                        + (indent := indents[beam] + (0.0 if heads[beam] is None else head_lift(ch, heads[beam])))
                        + (rules.PAIRED_MARK_WEIGHT if ch == closing[beam] else 0.0),
                        indent,
                    )
                    for beam in beams for ch in candidates
                ]
                best = heapq.nlargest(FILL_BEAM, scored, key=lambda item: item[1])
                beams, indents = [text for text, _, _ in best], {text: indent for text, _, indent in best}
                done = index + 1
            chars[first:done] = beams[0]
            for index, candidates in whole.items():
                # Nothing of it is left: a guess must be clear, or it stays lost.
                around = "".join(chars[max(0, index - CONTEXT):index]), "".join(chars[index + 1:index + CONTEXT + 1])
                lift = _line_end_lift(chars, index, line_ends)
                logps = sorted(
                    (self._running.with_words_logp(ch.join(around)) + lift(ch) for ch in candidates), reverse=True
                )
                if len(logps) > 1 and logps[0] - logps[1] < WHOLE_MIN_MARGIN:
                    chars[index] = "\ufffd"
        return "".join(chars)

    def _candidates(
        self, wrong: str, right: str, lead: int | None, trail: int | None, following: int | None, simplified: bool,
        at_line_head: bool = False,
    ) -> tuple[str, ...]:
        key = (wrong, right, lead, trail, following, simplified, at_line_head)
        candidates = self._candidate_sets.get(key)
        if candidates is None:
            candidates = _completions(wrong, right, lead, trail, following, spaces=at_line_head)
            if simplified:
                candidates = tuple(ch for ch in candidates if self._model.is_simplified_form(ch))
            candidates = self._candidate_sets[key] = candidates or ("\ufffd",)
        return candidates

    def _likeliest(self, left: str, candidates: tuple[str, ...], right: str) -> list[str]:
        """Of many ``candidates`` between ``left`` and ``right``, the WHOLE_SHORTLIST likeliest
        by the running-text model among the WHOLE_COMMONEST commonest, and as many of those
        making a dictionary word with a neighbour (猴 of 猕猴桃: the running-text model ranked
        核 above it)."""
        common = self._commonest.get(candidates)
        if common is None:
            common = heapq.nlargest(WHOLE_COMMONEST, candidates, key=self._model.char_logp)
            self._commonest[candidates], self._members[candidates] = common, frozenset(candidates)
        logps = self._running.insertion_logps(left, common, right)
        shortlist = [common[i] for i in heapq.nlargest(WHOLE_SHORTLIST, range(len(common)), key=logps.__getitem__)]
        members, before, after = self._members[candidates], left.rstrip()[-1:], right.lstrip()[:1]
        makers = [
            ch for ch in dict.fromkeys((*self._model.followers(before), *self._model.precursors(after)))
            if ch in members and ch not in shortlist
        ]
        if len(makers) > WHOLE_SHORTLIST:
            logps = self._running.insertion_logps(left, makers, right)
            makers = [makers[i] for i in heapq.nlargest(WHOLE_SHORTLIST, range(len(makers)), key=logps.__getitem__)]
        return shortlist + makers


@dataclass
class _Readers:
    """Which of a kind's wrong readers (big5, cp950, big5hkscs) read the document: one reader
    read the whole file, but a line alone may read better under another (き is C6B1, 票, to
    big5 and C6F3, 企, to big5hkscs): their log-probs on the lines the kind repaired decide."""

    totals: dict[str, collections.Counter] = field(default_factory=dict)  # kind: reader: summed log-prob
    chosen: dict[int, tuple[str, str]] = field(default_factory=dict)  # repaired line: (kind, reader)

    def record(self, index: int, kind: str, wrong: str, logps: dict[str, float]) -> None:
        self.chosen[index] = kind, wrong
        self.totals.setdefault(kind, collections.Counter()).update(logps)

    def narrowed(self, cross_reads) -> list:
        """``cross_reads`` with each repaired kind's wrong readers narrowed to the document's."""
        return [
            ((self._reader(kind, wrongs),) if kind in self.totals else wrongs, right, kind)
            for wrongs, right, kind in cross_reads
        ]

    def misread_lines(self) -> list[int]:
        """Lines repaired under a reader other than the document's."""
        readers = {kind: self._reader(kind, wrongs) for wrongs, _, kind in CROSS_READS if kind in self.totals}
        return [index for index, (kind, wrong) in self.chosen.items() if wrong != readers[kind]]

    def _reader(self, kind: str, wrongs: tuple[str, ...]) -> str:
        totals = self.totals[kind]
        # In the family's order on a tie; a reader missing from a line's totals read it as another did.
        return max((wrong for wrong in wrongs if wrong in totals), key=totals.__getitem__)


def _marks_only_differ(line: str, reading: str) -> bool:
    """Whether ``reading`` differs from ``line`` in marks alone (a rule of ― that cp949 and
    GB read as — and ―): two codes sharing a mark's bytes show no cross-reading."""
    return len(line) == len(reading) and not any(
        a.isalpha() or b.isalpha() or is_private_use(a) for a, b in zip(line, reading) if a != b
    )


def _alphabetic(line: str) -> bool:
    """Whether the line is prose in an alphabet: more non-ASCII letters (Latin, Greek, Cyrillic,
    Hebrew, Arabic, Thai) than CJK characters (ideographs, kana, Hangul, full-width forms,
    private use), in words of three letters or more on average, nine in ten of one script. Big5
    read as GBK shows Greek and Cyrillic letters (its common characters' leads A6 and A7 are
    those rows of GBK), one or two at a time, both scripts, among kana and ideographs."""
    words = ALPHABET_WORD_RE.findall(line)
    letters = sum(map(len, words))
    if not words or letters <= len(CJK_BLOCK_RE.findall(line)) or letters < MIN_WORD_LETTERS * len(words):
        return False
    scripts = collections.Counter(map(_script, "".join(words)))
    return scripts.most_common(1)[0][1] >= ONE_SCRIPT_SHARE * letters


def _script(letter: str) -> int:
    """The script of a letter ALPHABET_WORD_RE finds: Latin below U+0370, else its 256-code-point
    block (Greek and Coptic, Cyrillic, Armenian and Hebrew, Arabic, ..., Thai)."""
    return 0 if letter < "\u0370" else ord(letter) >> 8


def _written(line: str) -> bool:
    """Whether a line is text a cross-reading may have made: no rule across the page."""
    return RULE_RE.search(line) is None


def _line_head(chars: list[str], first: int, filled: str) -> str | None:
    """The indentation before a lost character at its line's head (the text before ``first``,
    then ``filled``); None where text stands before it. A Big5 paragraph's indent (A1 40) read as
    GBK keeps its trail only ('@'): the space is a candidate there, where the line-head model
    weighs it (一, A4 40, had read likelier)."""
    before = "".join(chars[max(0, first - LINE_HEAD_LOOKBACK):first])
    head = before[before.rfind("\n") + 1:] + filled  # (the whole lookback when no line break is in it)
    if head.strip(" \t\u3000") or "\n" not in before and first > LINE_HEAD_LOOKBACK:
        return None
    return head


def _line_end_lift(chars: list[str], index: int, line_ends: Callable[[], LineEnds]) -> Callable[[str], float]:
    """How much likelier a character is at ``index`` than anywhere: where it ends a line, as
    the document's lines end (a line break parts no characters for the models: 全覆盖” and
    全覆盖。 before 来源 on the next line read alike), else no lift."""
    end = index + 1
    while end < len(chars) and chars[end] in " \t\r":
        end += 1
    if end < len(chars) and chars[end] != "\n":
        return lambda _: 0.0
    return line_ends().lift


@functools.cache
def _completions(
    wrong: str, right: str, lead: int | None, trail: int | None, following: int | None = None, spaces: bool = False
) -> tuple[str, ...]:
    """The characters ``right`` reads from a pair with bytes lost: a lost lead is one that
    ``wrong`` rejects before ``trail``; a lost trail is 0x80 or above (the wrong reader takes
    a lower byte for ASCII); both lost, a pair whose lead ``wrong`` rejects and whose trail it
    rejects as a lead too, before ``following`` (None: any byte)."""
    if lead is None and trail is None:
        pairs = [
            pair for first in range(0x81, 0xFF) for second in range(0x80, 0xFF)
            if not decodes(pair := bytes((first, second)), wrong)
            and (following is None or not decodes(bytes((second, following)), wrong))
        ]
    elif lead is None:
        pairs = [bytes((byte, trail)) for byte in range(0x81, 0xFF) if not decodes(bytes((byte, trail)), wrong)]
    else:
        pairs = [bytes((lead, byte)) for byte in range(0x80, 0xFF)]
    chars = [pair.decode(right) for pair in pairs if decodes(pair, right)]
    # Not the ideographic space: whitespace parts no characters for the models, so before a
    # line break it reads as well as anything (全覆盖　 for 全覆盖。); unless ``spaces`` (a
    # line's indentation, which the line-head model scores).
    return tuple(ch for ch in chars if len(ch) == 1 and not is_private_use(ch) and (spaces or not ch.isspace()))


def _encoded(text: str, offset: int, codec: str, pairs: dict[int, bytes]) -> bytes:
    """``text`` (``offset`` into the line) in ``codec``, with the line's characters at the
    keys of ``pairs`` as those bytes; a UnicodeEncodeError as ``text.encode(codec)`` raises it."""
    pieces, start = [], 0
    for index in sorted(pairs):
        if offset <= index < offset + len(text):
            try:
                pieces.append(text[start:index - offset].encode(codec))
            except UnicodeEncodeError as error:
                raise UnicodeEncodeError(codec, text, start + error.start, start + error.end, error.reason) from None
            pieces.append(pairs[index])
            start = index - offset + 1
    try:
        pieces.append(text[start:].encode(codec))
    except UnicodeEncodeError as error:
        raise UnicodeEncodeError(codec, text, start + error.start, start + error.end, error.reason) from None
    return b"".join(pieces)


def _reread(text: str, wrong: str, right: str, pairs: dict[int, bytes] | None = None) -> tuple[str, list[Lost]]:
    """``text`` encoded with ``wrong`` (the characters at the keys of ``pairs`` as those bytes)
    and decoded with ``right``, and each character with
    bytes lost. Other characters ``wrong`` cannot encode stay; U+FFFD is the one byte the wrong
    reader rejected (Python's CJK decoders replace a bad lead byte alone): a lost lead byte
    takes its trail byte with it, so the reading stays aligned on the pairs; two U+FFFD in a
    row are a lead rejected and its trail rejected as a lead, before the next byte."""
    decoder = codecs.getincrementaldecoder(right)(errors="replace")
    encoded = (lambda piece, at: _encoded(piece, at, wrong, pairs)) if pairs else (lambda piece, _: piece.encode(wrong))
    out, size, lost, pos = [], 0, [], 0
    trail_lost = False  # the next byte is the trail of a lost lead
    lead_lost_at = None  # where the U+FFFD of the last lost lead is
    whole_lost_at = None  # a character both of whose bytes were lost, waiting for the next byte
    while pos < len(text):
        try:
            data, kept, end = encoded(text[pos:], pos), "", len(text)
        except UnicodeEncodeError as error:  # its positions are relative to text[pos:]
            data, kept = encoded(text[pos:pos + error.start], pos), text[pos + error.start:pos + error.end]
            end = pos + error.end
        pos = end
        if whole_lost_at is not None and data:
            lost.append((whole_lost_at, None, None, data[0]))
            whole_lost_at = None
        if trail_lost and data:
            lost.append((size - 1, None, data[0], None))
            data, trail_lost = data[1:], False
        pieces = [decoder.decode(data)]
        for ch in kept:
            if whole_lost_at is not None:  # the next byte is not known
                lost.append((whole_lost_at, None, None, None))
                whole_lost_at = None
            if ch != "\ufffd":
                pieces += [decoder.decode(b"", final=True), ch]
                decoder.reset()
                trail_lost = False
            elif trail_lost:
                trail_lost = False  # the lost lead's trail was lost too: one character
                whole_lost_at = lead_lost_at
            else:
                # After a pending lead the lost byte is its trail; else it is a lead.
                pending = decoder.getstate()[0]
                trail_lost = not pending
                decoder.reset()
                pieces.append("\ufffd")
                if pending:
                    lost.append((size + sum(map(len, pieces)) - 1, pending[0], None, None))
                else:
                    lead_lost_at = size + sum(map(len, pieces)) - 1
        out += pieces
        size += sum(map(len, pieces))
    if whole_lost_at is not None:
        lost.append((whole_lost_at, None, None, None))
    out.append(decoder.decode(b"", final=True))
    return "".join(out), lost
