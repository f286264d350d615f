"""GBK and Big5 byte-misalignment repair.

When one byte of a two-byte GBK character is lost (or turned into ``?``/U+FFFD by a
converter), every following pair is read one byte off: the text shows improbable
ideographs and private-use code points (GB18030 user-defined areas) until the stream
resynchronises at an ASCII byte, which either is swallowed as a trail byte (shown as an
ASCII letter/``@``) or makes an invalid pair (shown as ``?``, eating the ASCII byte, or as
U+FFFD followed by it). Big5 streams go the same way with other byte ranges (``LegacyCode``):
almost half its characters have a trail byte in the ASCII range, so runs are short and often
end in a lone ASCII character; pairs it leaves unassigned read as U+FFFD, not private use.

Repair: re-encode the damaged run with the code it was read in (GB18030 unless the source
was Big5), put the lost byte back (chosen by the text model among all bytes that make a
valid character), decode again, and keep the result only when the model scores it clearly
better than the damaged text. ASCII punctuation inside a run may stand for a full-width form
that a later step normalised, so both readings are tried. A '?' right after the lost-byte '?'
means the lead's trail byte made an invalid pair with an ASCII byte: both bytes of that
character are gone, and it is chosen among the characters that make a word with its
neighbours (dictionary or document); so is a Big5 character whose lead was lost and whose
trail, making no pair with the next byte, reads as a lone U+FFFD. A reader of a subset of the
code (Python's gb2312 for GBK) shows a character outside it as U+FFFD and its trail, a letter or
(0x80-0xA0) a second U+FFFD: one character among those the subset lacks, or U+FFFD.
"""

import collections
import copy
import dataclasses
import functools
import heapq
import itertools
import math
import re
from dataclasses import dataclass, field

from pipeline.decode import rules
from pipeline.decode.detect import FAMILIES
from pipeline.decode.mojibake import decodes, encodes
from pipeline.decode.normalize import SYLLABLE
from pipeline.decode.runningtext import WEIGHT_BESIDE_WORDS, LineEnds, RunningTextModel
from pipeline.decode.textmodel import TextModel, awaited_marks, is_private_use, paired_marks

MARKERS = "?\ufffd"
_LATIN_RUN_START = re.compile(r"^[A-Za-z0-9]+")
# Characters searched for the resynchronising byte: a paragraph with no ASCII byte (its digits
# and punctuation full-width) misreads to its end. At 160, a 1,086-character line that lost a
# byte 5, 100, 300 or 600 characters in was left with 1,081 to 486 characters misread; now 1-2.
MAX_RUN = 2000
MAX_BRANCHES = 64  # ASCII readings explored per run
# Characters each side of where a run may end in a second lost byte that read as misread
# and as clean text.
SECOND_LOSS_CONTEXT = 3
MAX_RESOLVED = 4  # readings, best optimistic bound first, whose lost bytes are chosen
MAX_CHOICES = 120  # candidate characters per lost byte
SHORTLIST = 12  # choices per lost byte that the (slower) word model compares
WORD_SCORED_COMBOS = 48  # joint choices for lost bytes close together that the word model compares
# Choices per byte of two lost close together that are combined: of a shortlist's up to 24+,
# its first 14 (the bench corpus's misaligned files 17% faster, caches cold; the damage table
# unchanged, 100 trials of each misalignment kind: 12 lost two trials of 1,200, 7 four).
PAIR_SHORTLIST = 14
CONTEXT_CHARS = 3  # known characters each side that judge a lost byte
JOINT_DISTANCE = 3  # lost bytes this close are chosen together
MAX_ANCHORS = 400  # bounds the work on a badly damaged file
# Readings whose lost bytes are chosen, per text: this many, and one more per so many characters.
RESOLVES_ALWAYS, CHARS_PER_RESOLVE = 40, 30
LOOKBACK = 40  # how far before an improbable character an unmarked run may start
CONTEXT = 4  # characters each side of a run scored with it
LINE_LOOKBACK = 80  # characters of a run's line before it searched for marks left open
MIN_GAIN = 8.0  # log-prob improvement (nats) a repair must bring
# A lone ASCII character read as a lost lead's trail must gain more: letters are also the
# text's own (A級, M某). Its gain counts the running-text model's at WEIGHT_BESIDE_WORDS: the
# dictionary model knows words, not where marks go (Big5's ， is A1 41: a lost lead leaves 'A').
# In probes, 44 sentences with lone letters (A組, C套餐, 京A號段) gained at most 15.7 (第Q季度,
# 18.1, became 第十季度); trails left by a lost lead mostly 17-23. Big5 lost byte (100 trials):
# 57% -> 73% (seed text), 54% -> 65% (unseen pages); at 15, two probe sentences changed.
LONE_TRAIL_MIN_GAIN = 16.0
# A lone ASCII symbol (@, \, |) between ideographs is rarely the text's own (titles' '|'
# separators gain under 4 in probes); a lost lead's trail so shown gained 4-6 (獲 as '@').
LONE_SYMBOL_MIN_GAIN = 4.0
MAX_LETTER_WORD = 4  # characters of a dictionary word holding a letter (A股, IC卡, 卡拉OK)
MARKER_COST = 4.0  # nats a '?'/U+FFFD marker counts against the damaged reading
# A character with both bytes lost ('??': it and an ASCII byte; or a lone U+FFFD: its lead
# lost, its trail making no pair) is missing from the damaged reading: its markers together
# cost what a character would.
WHOLE_CHAR_COST = 20.0
# A reading whose markers stand for more characters than they are (滴� for 业务: a lost lead
# and, in the U+FFFD, the trail of the next character) lacks the others: each costs at least
# this. The bench corpus's 161 misaligned files: 466 -> 447 wrong characters (8), 451 (12),
# 461 (20); damage trials: GBK lost byte 63% -> 64% exact.
MISSING_CHAR_COST = 8.0
# Nats by which the best guess for a character lost whole must beat the next, or it stays
# U+FFFD. Damage trials (GBK lost byte and '?', traditional '?', Big5 lost byte; seed text and
# unseen pages): of the 13 guesses 0.5 withholds, 9 were wrong (GBK lost byte exact 68% both
# ways, counting U+FFFD as unknowable 68% -> 72%); 1 withholds more right ones (68% -> 66%).
WHOLE_CHAR_MARGIN = 0.5
# log P('？' | character) above which '??' after the character is a question: question
# particles (吗 -0.2, 呢 -0.4, 吧 -2.1, 么 -3.1); other characters -6 and below.
QUESTION_AFTER_LOGP = -4.0
# The same, for a '?' before a letter leading a word (辦?K線, 誰?Z世代: 办 -4.4, 谁 -5.0) in
# text whose trail bytes may show as letters. At -7.5 (了 -7.1, 来 -6.8) the damage trials
# of traditional GBK and Big5 with '?' markers lost 8 to 11 points; at -5.5, none.
QUESTION_BEFORE_LETTER_LOGP = -5.5
BOUND_SLACK = 10.0  # character vs word model disagreement allowed in the optimistic bound
# A character rarer than this among the three before a '?' may be misread (檬 -12.1, 猿 -11.6;
# 氖 of 河氖》中? for 河南省分行; a converter's stand-ins in the seeds follow 邮 -10.1, 葫 -11.0,
# 迈 -10.6). Three, not one: lost trail with '?' 51% -> 52% (seed text), 34% (58%) -> 35% (62%)
# (unseen pages); documents with stand-ins decode 7% slower (one: 3%, and half the gain).
RARE_BEFORE_MARK_LOGP = -11.2
# '?' after ideographs a text may hold for each to be searched for a run it ends, however
# clean the characters before it read (a run of one common character: 稳步增场? for 稳步增长。).
FEW_MARKS = 3
SHORT_RUN = 2  # characters such a run may hold
# and the last two characters' transition in running text must be this unlikely (相当 -2.4, 国邮
# -7.6 of 中国邮政; a lost trail's 增场 -9.6, 服握 -11.9, 局檬 -15.2)
MISREAD_PAIR_LOGP = -8.5
MARK_AFTER_IDEOGRAPH_RE = re.compile(r"(?<=[\u4e00-\u9fff])\?")
# Symbols GB18030 reads from GB2312's rows 2 and 4-9 (⒄, kana, Greek, Cyrillic, bopomofo, box
# drawing; not its pinyin letters): a misread run ends in one as in an ideograph (需伎旆⒄?13
# for 需加快发展;13).
MISREAD_SYMBOLS = "".join(sorted(
    ch for lead in (0xA2, *range(0xA4, 0xAA)) for trail in range(0xA1, 0xFF)
    if (ch := bytes((lead, trail)).decode("gb18030")) > "\u024f" and not is_private_use(ch)
))
STAND_IN_CHOICES = 8  # characters a '?' may stand for that are scored as words
SUSPICIOUS_WINDOW_SCORE = -10.5  # mean log-prob around an unmarked anchor worth a search
WHITESPACE_RE = re.compile(r"\s+")
MARKERS_RE = re.compile(f"[{MARKERS}]")
LONE_MARK_RE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\?(?=[\u3000-\u9fff\uff00-\uffef])")
DECIMAL_FRACTION_RE = re.compile(r"\.[0-9]")
ASCII_TRAIL_RE = re.compile("[@-~]")  # the ASCII characters a trail byte can show as
LINE_END_RE = re.compile(r"(\S)[ \t]*\r?\n")  # a line's last character
LINE_BREAK_RE = re.compile(r"[ \t]*\r?\n")
IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff]")
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
ANNOTATION_RE = re.compile(rf"{SYLLABLE}\)")
PUNCTUATION_CANDIDATES = "，。、；：“”‘’（）《》！？"


@dataclass(frozen=True)
class LegacyCode:
    """A two-byte legacy code as the repair re-reads it: the pairs ``codec`` decodes from
    these byte ranges are its characters."""

    codec: str
    leads: range
    trails: tuple[int, ...]
    # Single bytes >= 0x80 that the code's readers show as a character: a trail byte can
    # resynchronise the stream as one of these.
    single_byte_trails: dict[str, int] = field(default_factory=dict)
    # Common characters have a trail byte in the ASCII range (Big5: 46% of the seeds'
    # characters; GBK: none of simplified text's, a fifth of traditional text's, whose
    # characters sit in GBK/3 and GBK/4): a misread run often ends in one, shown as a lone
    # ASCII character.
    ascii_trails_common: bool = False
    traditional: bool = False  # dictionary words are looked up in simplified form
    # A reader of a subset of the code that rejects the rest (Python's gb2312, for a page that
    # declares gb2312 and is GBK): its U+FFFD before a letter or another U+FFFD is a character
    # of the rest (STRICT_LEAD, STRICT_CHAR).
    strict: str | None = None


# GBK files' pairs, read with GB18030 (user-defined areas as private use).
GB18030 = LegacyCode(
    "gb18030", range(0x81, 0xFF), (*range(0x40, 0x7F), *range(0x80, 0xFF)), rules.WINDOWS_SINGLE_BYTES["gb18030"],
    strict="gb2312",
)
# Traditional text in GBK (spam mirrors' copies, seed 002): its trails are often ASCII bytes.
GB18030_TRADITIONAL = dataclasses.replace(GB18030, ascii_trails_common=True, traditional=True)
# Python's big5 and cp950 decode leads 0xA1-0xF9, big5hkscs 0x87-0xFE; none maps a
# user-defined area (those pairs, and trails 0x80-0xA0, read as U+FFFD).
BIG5_CODES = {
    codec: LegacyCode(
        codec, range(0x81, 0xFF), (*range(0x40, 0x7F), *range(0xA1, 0xFF)), ascii_trails_common=True, traditional=True
    )
    for codec in FAMILIES["big5"]
}

UNKNOWN_LEAD, UNKNOWN_TRAIL, EATEN_ASCII = "lead", "trail", "ascii"
WHOLE_CHAR = "char"
# Both bytes lost: '?' for the lead, '?' for trail + ASCII byte. (WHOLE_CHAR, byte): the lead
# lost, the trail shown as U+FFFD since it made no pair with ``byte``, the next one.
UNKNOWN_CHAR = (WHOLE_CHAR, None)
# What a strict reader (LegacyCode.strict) rejected, a character outside its subset: the lead,
# shown as U+FFFD before its trail shown as a letter (STRICT_LEAD, the trail), or the lead and the
# trail, which it rejects as a lead too, as two U+FFFD (STRICT_CHAR, the next byte).
STRICT_LEAD, STRICT_CHAR = "strict lead", "strict char"
LOST_WHOLE_KINDS = (WHOLE_CHAR, STRICT_CHAR)
ASCII_WORD_CHAR_RE = re.compile("[A-Za-z0-9]")
STRICT_CHAR_TRAILS = range(0x80, 0xA1)  # trails a strict GB reader rejects as leads, whatever follows
STRICT_KINDS = (STRICT_LEAD, STRICT_CHAR)
GUESSED_KINDS = (WHOLE_CHAR, *STRICT_KINDS)  # written only where the guess stands out
# How far a strict reader's rejected character must stand out: it is a rare one, among a hundred
# that the models barely know (crossread's WHOLE_MIN_MARGIN, measured there).
STRICT_MARGIN = 2.0
# A strict reader's tell: U+FFFD before a letter or another U+FFFD. The full reader rejects no
# lead before a letter (GBK's trails are 0x40-0xFE).
STRICT_TELL_RE = re.compile("\ufffd(?=[@-~\ufffd])")
UNRECOVERABLE = "\ufffd"  # stands for what the damage took beyond telling: an eaten ASCII byte, a character


class MisalignmentRepairer:
    def __init__(self, model: TextModel, running: RunningTextModel, code: LegacyCode = GB18030) -> None:
        self._model = model
        self._running = running
        self._code = code
        self._pairs: dict[tuple[int, int], str] = {}
        for lead in code.leads:
            for trail in code.trails:
                try:
                    ch = bytes((lead, trail)).decode(code.codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:  # HKSCS has a few pairs for a letter and a combining mark
                    self._pairs[lead, trail] = ch
        # Candidates per lost lead's trail and lost trail's lead, per script: shared with the
        # copies with_habits_of makes.
        self._choice_tables: dict[bool, tuple[dict[int, list[str]], ...]] = {}
        # ASCII characters that may be full-width forms normalised after the damage: their bytes.
        self._fullwidth_bytes = {
            chr(cp - 0xFEE0): pair for cp in range(0xFF01, 0xFF5F) if (pair := self._pair_of(chr(cp)))
        }
        self._fullwidth_bytes[" "] = self._pair_of("\u3000")
        del self._fullwidth_bytes["?"]  # inside a run '?' is a marker
        # Trail bytes that, their lead lost, make an invalid pair with the ASCII byte after
        # them: those >= 0x80 that are no character of their own.
        self._lead_like_trails = {*range(0x80, 0x100)} - {*code.single_byte_trails.values()}
        # Python's readers show a byte that makes no pair with the next one as U+FFFD (eating
        # only it). GB18030 assigns every pair of its ranges (to private use if nothing else):
        # there a U+FFFD comes before an ASCII byte. Big5 leaves pairs unassigned, so a lost
        # lead's trail often shows as a lone U+FFFD.
        self._unassigned_pairs = len(self._pairs) < len(code.leads) * len(code.trails)
        self._strict_tables: dict[bool, tuple[dict[int, list[str]], dict[str, int]]] = {}
        self._take_habits(code)

    def with_habits_of(self, code: LegacyCode) -> "MisalignmentRepairer":
        """A repairer for ``code``, a variant of this one's code (the same pairs, other habits:
        traditional text in GBK): the pair tables shared, not built again (0.3 s, 6 MiB)."""
        def pairs(code: LegacyCode) -> tuple:
            return code.codec, code.leads, code.trails, code.single_byte_trails

        if pairs(code) != pairs(self._code):
            raise ValueError(f"{code.codec} reads other pairs than {self._code.codec}")
        repairer = copy.copy(self)
        repairer._take_habits(code)
        return repairer

    def _take_habits(self, code: LegacyCode) -> None:
        """What the code's texts are like: their script, and whether trails are often ASCII."""
        self._code = code
        self._word_form = self._model.simplified if code.traditional else str
        tables = self._choice_tables.get(code.traditional)
        if tables is None:
            tables = self._choice_tables[code.traditional] = self._choices(code.traditional)
        self._by_trail, self._by_lead, self._all_by_trail, self._all_by_lead = tables
        self._candidate_chars = {ch for chars in self._all_by_trail.values() for ch in chars}
        # Where a damaged run may be: a '?' that is not a plain question mark in ASCII text,
        # U+FFFD, private-use characters, or two improbable characters close together. Where
        # ASCII trails are common, a run may end in one, a lone ASCII character: after an
        # improbable character, or after the '?' of a lost lead. (A lone ASCII character alone
        # is no sign: clean text has A股, e郵寶.)
        after_marker, lone_trail, after_digit = rf"[^\sA-Za-z0-9]|{SYLLABLE}\)", "", ""
        if code.ascii_trails_common:
            # A trail letter before a figure (增?L9.2% for 增長9.2%) or after one (2300?N戶 for
            # 2300餘戶); not a letter of an ASCII word or code (?OK, ?A1).
            after_marker += r"|[A-Za-z](?![A-Za-z])"
            after_digit = r"|(?<=[0-9]\?)(?=[A-Za-z][^\x00-\u024f])"
            lone_trail = r"|[@-~](?<=[^\x00-\u024f].)(?![A-Za-z0-9])"
        self._anchor_re = re.compile(
            # '?' first (then the look-behind): every branch starts with a character class,
            # so the regex engine skips ahead to candidates (twice as fast on clean text).
            # After a digit only as '??' in Chinese text: 月 lost, the next digit eaten (5??0日).
            # After an ideograph before a figure, a space or a line's end: a run that lost a trail
            # ends in the '?' its last trail and the ASCII byte made (猿?2% for 增长32%).
            rf"\?(?:(?<![A-Za-z0-9]\?)(?={after_marker})|(?<=[\u4e00-\u9fff][0-9]\?)(?=\?[0-9\u4e00-\u9fff]){after_digit}"
            rf"|(?<=[\u4e00-\u9fff{re.escape(MISREAD_SYMBOLS)}]\?)(?=[0-9\s]|$))"
            rf"|\ufffd|[\ue000-\uf8ff]|{self._model.uncommon_pair_pattern}{lone_trail}"
            # an improbable character before a Latin letter: a run's last lead and the ASCII byte
            # that resynchronises, read as one character (手机APP as 只鶤PP: 鶤 is FA 41)
            rf"|(?=[\u3400-\u9fff]){self._model.uncommon_re.pattern}(?=[A-Za-z])"
        )

    def _choices(self, traditional: bool) -> tuple[dict[int, list[str]], ...]:
        """The characters a lost byte may complete, by the byte left (the likelier ones, and
        all): per lost lead's trail, per lost trail's lead. The models read traditional
        characters as simplified ones (隊 as 队): in simplified text, characters t2s changes
        are no candidates."""
        all_by_trail: dict[int, list[str]] = {}
        all_by_lead: dict[int, list[str]] = {}
        for (lead, trail), ch in self._pairs.items():
            if not is_private_use(ch) and (traditional or self._model.is_simplified_form(ch)):
                all_by_trail.setdefault(trail, []).append(ch)
                all_by_lead.setdefault(lead, []).append(ch)
        # Only the likelier characters compete for a lost byte: rare ones never win in context.
        likelier = [
            {byte: heapq.nlargest(MAX_CHOICES, chars, key=self._model.char_logp) for byte, chars in table.items()}
            for table in (all_by_trail, all_by_lead)
        ]
        return (*likelier, all_by_trail, all_by_lead)

    def _strict_choices(self) -> tuple[dict[int, list[str]], dict[str, int]]:
        """The characters the code's strict reader rejects (built when a text first shows one):
        the likelier ones per trail, and every one's trail."""
        tables = self._strict_tables.get(self._code.traditional)
        if tables is None:
            rejected = {
                ch: trail for (lead, trail), ch in self._pairs.items()
                if ch in self._candidate_chars and not decodes(bytes((lead, trail)), self._code.strict)
            }
            by_trail: dict[int, list[str]] = {}
            for ch, trail in rejected.items():
                by_trail.setdefault(trail, []).append(ch)
            likelier = {
                byte: heapq.nlargest(MAX_CHOICES, chars, key=self._model.char_logp)
                for byte, chars in by_trail.items()
            }
            tables = self._strict_tables[self._code.traditional] = (likelier, rejected)
        return tables

    def repair(self, text: str) -> tuple[str, int]:
        """(repaired text, number of runs repaired)."""
        # U+FFFD in a row are bytes lost before (锟斤拷 turned back), not a misaligned run's; one
        # ending the text is a truncated last character, unless the bytes went on (a line break
        # after it) and what stands before it reads as misread: a run's last trail and the line
        # break made an invalid pair. (Alone, it is a character as unknown as a truncated one.)
        if not self._anchor_re.search(text):
            return text, 0
        markers = max(text.count("?"), text.count("\ufffd"), len(PRIVATE_USE_RE.findall(text)))
        if markers and markers > len(IDEOGRAPH_RE.findall(text)):
            # A lossy conversion turned the Chinese into '?'/U+FFFD, or the text is private-use
            # characters (a misaligned run reads mostly as ideographs): nothing to re-read.
            return text, 0
        last = len(text.rstrip()) - 1
        truncated_at = last if last >= 0 and text[last] == "\ufffd" else None
        if truncated_at is not None and last < len(text) - 1 and self._misread(text[max(0, last - CONTEXT):last]):
            truncated_at = None
        # A strict reader (LegacyCode.strict) shows a character it rejects as U+FFFD and its
        # trail: a letter, or U+FFFD (0x80-0xA0, rejected as a lead too). (U+FFFD in pairs
        # are lost bytes otherwise: see _in_lost_run.)
        strict = bool(self._code.strict and STRICT_TELL_RE.search(text))
        # Every character but U+FFFD of the strict reader's subset: the text may be its reading.
        strict_only = (
            bool(self._code.strict) and "\ufffd" in text and encodes(text.replace("\ufffd", ""), self._code.strict)
        )
        anchors = [
            match.start()
            for match in self._anchor_re.finditer(text)
            if (not _in_lost_run(text, match.start()) or strict and _lost_pair_starts(text, match.start()))
            and match.start() != truncated_at
        ]
        if not anchors:
            return text, 0
        eaten = _EatenByteGuesser(text, self._running)
        document = self._model.document_ngrams(text)
        # A converter's stand-ins come many to a text, a lost trail's '?' one per lost byte.
        few_marks = len(MARK_AFTER_IDEOGRAPH_RE.findall(text)) <= FEW_MARKS
        # Misaligned files need at most 3 readings resolved per kilobyte (bench corpus, seed
        # 002, damage trials); text strewn with U+FFFD or private-use characters, 180: there
        # the work stops at the budget (it took 13 s for 8 KB).
        budget = RESOLVES_ALWAYS + len(text) // CHARS_PER_RESOLVE
        fixes: list[Fix] = []
        for start in anchors[:MAX_ANCHORS]:
            if fixes and start < fixes[-1].end:
                continue
            if budget <= 0:
                break
            fix, resolved = self._best_fix(
                text, start, eaten, document, min(MAX_RESOLVED, budget), few_marks, strict, strict_only
            )
            budget -= resolved
            if fix and (not fixes or fix.begin >= fixes[-1].end):  # a run may start back inside the last one
                fixes.append(fix)
        # Readings a converter's stand-in '?' would explain as well, kept unless the text shows one.
        lost_chars = [fix for fix in fixes if fix.whole_char and "?" in text[fix.begin:fix.end]]
        like_stand_ins = [fix for fix in fixes if fix.like_stand_in]
        if (lost_chars or like_stand_ins) and _substituting_converter(text, fixes, len(lost_chars)):
            fixes = [fix for fix in fixes if fix not in lost_chars and fix not in like_stand_ins]
        out, pos = [], 0
        for fix in fixes:
            out += [text[pos:fix.begin], fix.replacement]
            pos = fix.end
        out.append(text[pos:])
        return "".join(out), len(fixes)

    def _best_fix(
        self, text: str, anchor: int, eaten: "_EatenByteGuesser", document, max_resolved: int, few_marks: bool,
        strict: bool, strict_only: bool,
    ) -> tuple["Fix | None", int]:
        """The best repair of the run around ``anchor``, and how many readings had their lost
        bytes chosen (at most ``max_resolved``, the likeliest first); ``few_marks``: whether the
        text has few '?' after ideographs, each worth a search for a run it ends; ``strict``:
        whether it shows a strict reader (LegacyCode.strict); ``strict_only``: whether all its
        characters but U+FFFD are of that reader's subset."""
        line_end = text.find("\n", anchor)
        line_end = len(text) if line_end < 0 else line_end
        window_end = min(line_end + 1, anchor + MAX_RUN)
        if _in_lost_run(text, anchor):  # only a strict reader's two U+FFFD start a run here (repair)
            readings = self._strict_readings(text, anchor)
        else:
            readings = self._readings(text, self._run_starts(text, anchor), window_end)
            if strict_only and text[anchor] == "\ufffd":
                # GB18030 rejects no lead before a trail: in a text the strict reader may have
                # read, a U+FFFD before a shifted run is a lead it rejected, whose trail then paired
                # with the next byte (喆 of 86 B4 as U+FFFD and 唇 of B4 B4): its character is one
                # outside the subset.
                readings = [_rejected_lead_first(reading, anchor) for reading in readings]
            if strict and text[anchor] == "\ufffd":
                # Where the text shows a strict reader, its U+FFFD may start what it rejected too.
                readings += self._strict_readings(text, anchor)
        likeliest = heapq.nlargest(max_resolved, readings, key=lambda reading: reading[0])
        candidates = [fix for reading in likeliest if (fix := self._scored_fix(text, reading, eaten, document))]
        if not candidates:
            # Tried when none of those repairs the run: a lone marker read as one character
            # lost whole (it re-reads nothing else, so its bound is small beside readings that
            # take in the characters before it); and a '?' read as the end of a run whose lost
            # byte left no mark (a trail lost: the run's last trail and an ASCII byte made the
            # '?'), where _run_lookback says one may end there.
            fallback = [reading for reading in readings if reading[1] == anchor and reading not in likeliest
                        and isinstance(reading[3][0], tuple) and reading[3][0][0] in LOST_WHOLE_KINDS]
            lookback = self._run_lookback(text, anchor, few_marks) if text[anchor] == "?" else 0
            if lookback:
                # (A lost lead leaves a '?' of its own where its run starts: the run this '?' ends lost a trail.)
                starts = (start for start in self._lookback_starts(text, anchor, lookback) if start[2])
                ending = self._readings(text, starts, window_end)
                fallback += heapq.nlargest(max_resolved, ending, key=lambda reading: reading[0])
            candidates = [fix for reading in fallback if (fix := self._scored_fix(text, reading, eaten, document))]
            likeliest += fallback
        best = max(candidates, key=lambda candidate: candidate[1], default=(None, None))[0]
        return best, len(likeliest)

    def _readings(self, text: str, starts, window_end: int) -> list[tuple]:
        """(optimistic bound, begin, end, tokens) of the re-readings from ``starts`` that may gain enough."""
        readings = []
        for begin, seg_start, lost_trail in starts:
            seg = text[seg_start:window_end]
            for tokens, consumed in self._walk(seg, lost_trail):
                end = seg_start + consumed
                # Optimistic bound from the characters the walk already fixed (lost bytes only
                # cost more): skip the costly choice of lost bytes for hopeless readings.
                known = "".join(t for t in tokens if isinstance(t, str) and t != EATEN_ASCII)
                bound = self._model.logp(known) - self._model.logp(text[begin:end])
                if bound >= MIN_GAIN - BOUND_SLACK:
                    readings.append((bound, begin, end, tokens))
        return readings

    def _strict_readings(self, text: str, anchor: int) -> list[tuple]:
        """_readings of a character a strict reader rejected at ``anchor``, its lead shown as
        U+FFFD and its trail as a letter, or as U+FFFD too (0x80-0xA0, no lead to it either)."""
        following = text[anchor + 1:anchor + 2]
        bound = -self._model.logp(text[anchor:anchor + 2])  # as _readings bounds it: nothing known
        if following == "\ufffd":
            return [(bound, anchor, anchor + 2, [(STRICT_CHAR, self._first_byte(text[anchor + 2:anchor + 3]))])]
        if following.isascii() and following and ord(following) in self._code.trails:
            return [(bound, anchor, anchor + 2, [(STRICT_LEAD, ord(following))])]
        return []

    def _run_lookback(self, text: str, mark: int, few_marks: bool) -> int:
        """How far before the '?' at ``mark`` a misread run ending in it may start: any length
        after characters that read as misread or hold a rare one (局檬? for 局面时,); a short run
        after an ideograph in a text with few such '?' (稳步增场? for 稳步增长。); else none.
        (Searching back from every '?' after an ideograph made clean text with '?' 17 times slower.)"""
        window = text[max(0, mark - CONTEXT):mark]
        if (
            min(map(self._model.char_logp, window or "?")) < RARE_BEFORE_MARK_LOGP
            or self._misread(window)
            or self._misread(text[max(0, mark - 2):mark])
        ):
            return LOOKBACK
        # (Not after two characters running text puts together: 相当? reads as the text's own.)
        short = (
            few_marks and mark >= 2 and IDEOGRAPH_RE.match(text, mark - 1)
            and self._running.transition_logp(text[mark - 2], text[mark - 1]) < MISREAD_PAIR_LOGP
        )
        return SHORT_RUN if short else 0

    def _misread(self, window: str) -> bool:
        """Whether ``window`` reads as improbably as misread bytes do."""
        return self._model.score(window) < SUSPICIOUS_WINDOW_SCORE

    def _scored_fix(
        self, text: str, reading: tuple, eaten: "_EatenByteGuesser", document
    ) -> tuple["Fix", float] | None:
        """The repair a reading makes, with its score, if it gains enough."""
        _, begin, end, tokens = reading
        awaited = awaited_marks(text[max(text.rfind("\n", 0, begin) + 1, begin - LINE_LOOKBACK):begin])
        resolved = self._resolve(tokens, text[max(0, begin - CONTEXT):begin], text[end:], eaten, document, awaited)
        if resolved is None or any(is_private_use(ch) for ch in resolved[0]):
            return None
        repaired, scored, guessed = resolved
        if repaired == text[begin:end]:
            return None
        if len(tokens) == 1 and tokens[0][0] in STRICT_KINDS:
            # One character a strict reader rejected, shown as U+FFFD and its trail: a lone letter
            # (U+FFFD where the guess does not stand out), or U+FFFD for 0x80-0xA0 where the guess
            # stands out (else two U+FFFD may as well be other damage's two characters, 提升).
            lone_letter = tokens[0][0] == STRICT_LEAD and not ASCII_WORD_CHAR_RE.match(text, end)
            if UNRECOVERABLE in repaired and not lone_letter:
                return None
            before, after = _context(text, begin, end)
            plain = self._model.word_logp(before + scored + after)
            gain = self._model.word_logp(before + guessed + after) - self._model.word_logp(
                before + MARKERS_RE.sub("", text[begin:end]) + after
            )
            score = self._fix_score(before + scored + after, plain, gain, document)
            return Fix(begin, end, repaired, True, False), score
        # Markers cost little: a repair must earn its gain mostly by fixing improbable
        # characters, not by removing '?' (text converted lossily is full of them).
        damaged, markers = MARKERS_RE.subn("", text[begin:end])
        min_gain, marked_trail, lone_letter = MIN_GAIN, False, False
        if self._code.ascii_trails_common:
            if not markers and _keeps_non_ascii(text[begin:end], repaired):
                # Only a lone ASCII character would change: a lost lead's trail (检d到位),
                # or the text's own letter (A股, U盤, e郵寶): in a word, or recurring.
                if self._letter_in_word(text, begin, end):
                    return None
                lone_letter = any(ch.isascii() and ch.isalnum() for ch in damaged)
                min_gain = LONE_TRAIL_MIN_GAIN if lone_letter else LONE_SYMBOL_MIN_GAIN
            if markers:  # beside a marker, an ASCII character is the trail a lost lead left
                markers += len(ASCII_TRAIL_RE.findall(damaged))
                # A marker and one such trail ('寄?f農' for 寄遞農) stand for one character
                # missing from the damaged reading, as a lone U+FFFD does: a letter between
                # ideographs scores about as well as a character (f 5.5 nats, 遞 6).
                marked_trail = len(damaged) == 1 and bool(ASCII_TRAIL_RE.match(damaged))
                if text[begin] == "?" and marked_trail and damaged.isalpha() and (
                    self._letter_in_word(text, begin, end)
                    or self._asks(text[max(0, begin - CONTEXT):begin], "?", QUESTION_BEFORE_LETTER_LOGP)
                ):
                    return None  # a question before a word led by a letter (辦?K線, 嗎?A股)
        before, after = _context(text, begin, end)
        if isinstance(tokens[-1], str) and tokens[-1].isascii() and scored.endswith(tokens[-1]):
            # The run ends in the ASCII byte its last lead was read with (只鶤PP for 手机APP): the
            # same byte in both readings, judged as neither (the models score Latin words poorly).
            scored, guessed, after = scored[:-1], guessed[:-1], _LATIN_RUN_START.sub("", after)
        plain = self._model.word_logp(before + scored + after)
        whole_char = any(isinstance(t, tuple) and t[0] in LOST_WHOLE_KINDS for t in tokens)
        if whole_char and not damaged and self._asks(before, text[begin:end]):
            return None
        # Whether the run is damage is judged by its likeliest reading, a character lost whole
        # guessed even where the guess does not stand out enough to be written (then U+FFFD).
        if isinstance(tokens[0], tuple) and tokens[0][0] == STRICT_LEAD:
            # But a strict reader's rejected character is rare by construction (喆, 堃): the run
            # is judged as written, without it where no guess stands out, its U+FFFD kept then.
            guessed = scored
            markers -= repaired[0] == UNRECOVERABLE
        marker_cost = WHOLE_CHAR_COST if whole_char or marked_trail else MARKER_COST * markers
        if len(guessed) > len(damaged):
            marker_cost = max(marker_cost, MISSING_CHAR_COST * (len(guessed) - len(damaged)))
        # A lone trail's character often recurs in the document whole (網c轉型 beside 網點): its
        # gain counts the n-grams the document shows elsewhere.
        ngrams = document if lone_letter else None
        if guessed == scored and ngrams is None:
            judged = plain
        else:
            judged = self._model.word_logp(before + guessed + after, ngrams)
        gain = judged - self._model.word_logp(before + damaged + after, ngrams) + marker_cost
        if lone_letter:  # and where marks go
            gain += WEIGHT_BESIDE_WORDS * (
                self._running.logp(before + guessed + after) - self._running.logp(before + damaged + after)
            )
        if gain <= min_gain:
            return None
        like_stand_in = False
        if text[end - 1] == "?" and text[begin] != "?" and end - begin > 1:
            # A run whose lost byte left no mark (a trail lost) ends in the '?' its last trail
            # and an ASCII byte made; such a '?' may as well stand for one character a converter
            # could not write (中国邮?来说 is 中国邮政来说, not 中国优势,来说): read better than that.
            margin = judged - self._stand_in_logp(before + text[begin:end - 1], after, ngrams)
            if margin <= 0:
                return None
            like_stand_in = margin <= min_gain
        score = self._fix_score(before + scored + after, plain, gain, document)
        return Fix(begin, end, repaired, whole_char, like_stand_in), score

    def _fix_score(self, repaired: str, plain: float, gain: float, document) -> float:
        """How a repair (``repaired``: with its context, whose word log-prob is ``plain``) ranks
        among a run's: by its gain, the words it shares with the rest of the document (prefer
        the one whose words recur there) and how running text reads it."""
        score = self._model.word_logp(repaired, document) - plain + gain
        return score + WEIGHT_BESIDE_WORDS * self._running.logp(repaired)

    def _stand_in_logp(self, left: str, right: str, ngrams) -> float:
        """Log-probability of ``left`` + one character + ``right`` for the likeliest such character."""
        choices = list(dict.fromkeys([*self._model.followers(left[-1:]), *self._model.precursors(right[:1])]))
        if not choices:
            return self._model.word_logp(left + right, ngrams)
        scores = self._running.insertion_logps(left, choices, right)
        likeliest = heapq.nlargest(STAND_IN_CHOICES, range(len(choices)), key=scores.__getitem__)
        return max(self._model.word_logp(left + choices[k] + right, ngrams) for k in likeliest)

    def _letter_in_word(self, text: str, begin: int, end: int) -> bool:
        """Whether an ASCII character of ``text[begin:end]`` makes a dictionary word with the
        characters beside it (A股, U盘), or makes the same pair with one of them elsewhere in
        the document (e郵寶 twice): the text's own, not a trail byte left alone."""
        for index in (i for i in range(begin, end) if text[i].isascii()):
            for start in range(max(0, index - MAX_LETTER_WORD + 1), index + 1):
                for stop in range(max(index + 1, start + 2), min(len(text), start + MAX_LETTER_WORD) + 1):
                    if self._model.is_word(self._word_form(text[start:stop])):
                        return True
            pairs = (text[index - 1:index + 1], text[index:index + 2])
            if any(len(pair) == 2 and text.count(pair) >= 2 for pair in pairs):
                return True
        return False

    def _asks(self, before: str, marks: str, threshold: float = QUESTION_AFTER_LOGP) -> bool:
        """Whether '??' follows a character that questions end on (吗, 呢): then it is the
        question it reads as ('真的吗??'), not a lost character and an eaten byte."""
        prev = before.rstrip(" ?!？！")[-1:]  # '吗???': the marks before are the question's too
        return "?" in marks and bool(prev) and self._running.transition_logp(prev, "?") > threshold

    def _run_starts(self, text: str, anchor: int):
        """(span start, first shifted char, whether the lost byte is a trail) to try."""
        if text[anchor] in MARKERS:
            # The marker replaced the lost byte: the shifted run follows it.
            yield anchor, anchor + 1, False
            # A pinyin annotation a spam converter attached to the lost byte's misreading.
            annotation = ANNOTATION_RE.match(text, anchor + 1)
            if annotation:
                yield anchor, annotation.end(), False
            if text[anchor] == "?":
                return  # a run it may end is searched for only when none starts at it (_best_fix)
            if self._lone_trail_marker(text[anchor + 1:anchor + 2]):
                yield anchor, anchor, False  # the U+FFFD is a lost lead's trail
            # U+FFFD may instead end a run whose lost byte left no trace: search back for its start.
        elif text[anchor].isascii():  # a lone ASCII trail: its lead lost just before it, or a run ends in it
            yield anchor, anchor, False
        else:
            # (an improbable ideograph before a letter may have read the letter's byte: 只鶤PP)
            before_letter = _ideograph_before_letter(text, anchor)
            if not (is_private_use(text[anchor]) or before_letter or self._misread(text[max(0, anchor - 3):anchor + 4])):
                return
            yield anchor, anchor, False
            yield anchor, anchor, True
        yield from self._lookback_starts(text, anchor)

    @staticmethod
    def _lookback_starts(text: str, anchor: int, lookback: int = LOOKBACK):
        """Starts of a run ending at ``anchor`` whose lost byte left no trace, nearest first."""
        start = anchor - 1
        while start >= max(0, anchor - lookback) and not text[start].isascii() and text[start] not in MARKERS:
            yield start, start, False
            yield start, start, True
            start -= 1

    def _lone_trail_marker(self, following: str) -> bool:
        """Whether a U+FFFD before ``following`` may be a lost lead's trail that made no pair
        with the next byte: in Big5 any pair may be unassigned; in GB18030, which assigns
        every pair, the next byte is one no trail pairs with (a digit, a space, a line end)."""
        if self._unassigned_pairs or not following:
            return True
        return following.isascii() and ord(following) not in self._code.trails

    def _walk(self, seg: str, lost_trail: bool):
        """Re-read ``seg`` one byte on; yields (tokens, characters consumed) per resync found.

        Tokens are characters, or (UNKNOWN_LEAD, trail) / (UNKNOWN_TRAIL, lead) for the
        lost byte, or EATEN_ASCII for an ASCII byte swallowed with an invalid pair."""
        results: list = []
        if lost_trail:
            first = self._pair_of(seg[0]) if seg else None
            if first is None:
                return results
            if first[1] < 0x80:  # its lead paired with the ASCII byte after the lost trail (机APP as 籄PP)
                return [([(UNKNOWN_TRAIL, first[0]), chr(first[1])], 1)] if _reads_latin_word(seg, 0, first[1]) else []
            self._step(seg, 1, first[1], [(UNKNOWN_TRAIL, first[0])], results)
        else:
            self._step(seg, 0, None, [], results)
        return results

    def _step(self, seg: str, i: int, pending: int | None, tokens: list, results: list) -> None:
        """Depth first over the readings of ``seg[i:]`` (a loop, not recursion: a run may be
        longer than Python's recursion limit); ``tokens`` is extended in place."""
        stack = [(i, pending, tokens)]
        while stack and len(results) < MAX_BRANCHES:
            i, pending, tokens = stack.pop()
            while i < len(seg) and len(results) < MAX_BRANCHES and not (pending is None and tokens):
                ch = seg[i]
                if i == 0 and ch == "?" and not tokens:
                    # '??': the lost lead's trail made an invalid pair with an ASCII byte: the
                    # character is unknown, the ASCII byte eaten.
                    results.append(([UNKNOWN_CHAR, EATEN_ASCII], 1))
                    break
                if i == 0 and ch == "\ufffd" and not tokens and self._lone_trail_marker(seg[1:2]):
                    # A lone U+FFFD: the trail of a lost lead, which made no pair with the next byte.
                    results.append(([(WHOLE_CHAR, self._first_byte(seg[1:2]))], 1))
                    break
                if ch in MARKERS and pending is not None:
                    lost = [(UNKNOWN_TRAIL, pending)]
                    results.append((tokens + lost + ([EATEN_ASCII] if ch == "?" else []), i + 1))
                    break
                readings = []
                if ch.isascii():
                    if ord(ch) in self._code.trails:  # the resynchronising trail byte, shown as ASCII
                        emitted = self._emit(pending, ord(ch))
                        if emitted is not None:
                            results.append((tokens + [emitted], i + 1))
                    # (Not two marks or letters in a row: a misread pair shows a full-width form
                    # only after a character whose trail is that form's lead, as 。's A3 makes
                    # ！ of ”'s A1; few characters have such a trail, and two in a row hardly any:
                    # '?><feed' of an XML declaration is no run of them.)
                    if ch in self._fullwidth_bytes and (ch == " " or not i or not _fullwidth_read(seg[i - 1])):
                        readings.append(self._fullwidth_bytes[ch])
                elif ch in self._code.single_byte_trails:
                    emitted = self._emit(pending, self._code.single_byte_trails[ch])
                    if emitted is not None:
                        results.append((tokens + [emitted], i + 1))
                else:
                    if pending is not None and i >= SECOND_LOSS_CONTEXT and self._resynced_at(seg, i):
                        # A second byte lost: its character's lead (the pending byte its trail),
                        # and the bytes after it back in step, read right as they stand.
                        results.append((tokens + [(UNKNOWN_LEAD, pending)], i))
                    pair = self._pair_of(ch)
                    if pair:
                        readings.append(pair)
                going_on = []
                for trail, lead in readings:
                    emitted = self._emit(pending, trail)
                    if emitted is None:
                        continue
                    if lead < 0x80:
                        # the reader paired the last lead with the ASCII byte that resynchronises
                        # (手机APP as 只鶤PP: 鶤 is FA 41): that byte is the text's, the first of a
                        # Latin word whose rest follows
                        if _reads_latin_word(seg, i, lead):
                            results.append((tokens + [emitted, chr(lead)], i + 1))
                    else:
                        going_on.append((lead, emitted))
                if not going_on:
                    break
                for lead, emitted in reversed(going_on[1:]):  # explored after this one, in order
                    stack.append((i + 1, lead, tokens + [emitted]))
                pending = going_on[0][0]
                tokens.append(going_on[0][1])
                i += 1

    def _resynced_at(self, seg: str, i: int) -> bool:
        """Whether ``seg`` reads as misread bytes before ``i`` and as clean text from it (its
        first two characters no ASCII: a letter or digit scores as well as an ideograph): a
        private-use character or a rare ideograph among the last, not only rare forms clean
        text has (２０２０年ＥＭＳ)."""
        after = seg[i:i + SECOND_LOSS_CONTEXT + 1]
        return (  # the cheap tests first: this is asked at every character of a walk
            len(after) > SECOND_LOSS_CONTEXT and not any(ch.isascii() for ch in after[:2])
            and any(
                is_private_use(ch) or IDEOGRAPH_RE.match(ch) and self._model.uncommon_re.match(ch)
                for ch in seg[max(0, i - 2 * SECOND_LOSS_CONTEXT):i]
            )
            and self._misread(seg[i - SECOND_LOSS_CONTEXT:i]) and not self._misread(after)
        )

    def _emit(self, pending: int | None, trail: int):
        if pending is None:
            return (UNKNOWN_LEAD, trail)
        return self._pairs.get((pending, trail))

    def _resolve(
        self, tokens: list, before: str, after: str, eaten: "_EatenByteGuesser", document, awaited: list[str]
    ) -> tuple[str, str, str] | None:
        """Fill the lost byte(s) with the characters the model likes best in context;
        lost bytes close together are chosen jointly (``awaited``: the closing marks the
        run's line awaits). Returns the repaired run; the run to score it by: without the
        guesses for eaten ASCII bytes, which the damaged text lacks too (neither credit nor
        blame the repair for them), and without characters lost whole that no guess stands
        out for (left U+FFFD); and that run with those characters guessed all the same."""
        after_text = ANNOTATION_RE.sub("", after[:16], count=1)
        chars: list[str | None] = [
            "" if t == EATEN_ASCII else t if isinstance(t, str) else None for t in tokens
        ]
        unknown = [i for i, t in enumerate(tokens) if isinstance(t, tuple)]
        run_ends_line = bool(LINE_BREAK_RE.match(after_text))
        shortlists = {}
        for i in unknown:
            kind, byte = tokens[i]
            if kind in (WHOLE_CHAR, STRICT_CHAR):
                choices = self._neighbour_words(
                    *self._known_context(chars, i, before, after_text), byte, document, kind == STRICT_CHAR
                )
            elif kind == STRICT_LEAD:
                choices = self._strict_choices()[0].get(byte)
            else:
                choices = self._by_trail.get(byte) if kind == UNKNOWN_LEAD else self._by_lead.get(byte)
            if not choices and kind in STRICT_KINDS:
                choices = [UNRECOVERABLE]  # a rare character no model knows: one character lost all the same
            if not choices:
                return None
            left, right = self._known_context(chars, i, before, after_text)
            scores = self._running.insertion_logps(left, choices, right)
            ranked = [choices[k] for k in sorted(range(len(choices)), key=scores.__getitem__, reverse=True)]
            # Also every choice that makes a known bigram with a neighbour, in the dictionary
            # or elsewhere in this document.
            pairs = [c for c in ranked[SHORTLIST:] if self._makes_word(left, c, right, document)]
            shortlists[i] = ranked[:SHORTLIST] + pairs[:SHORTLIST]
            if i + 1 < len(tokens) and tokens[i + 1] == EATEN_ASCII or i == len(tokens) - 1 and run_ends_line:
                # And what ends sentences: before a line break, or an eaten byte that may have been one.
                shortlists[i] += [c for c in ranked[SHORTLIST:] if c in rules.SENTENCE_END_MARKS]
            if awaited and awaited[-1] in ranked[SHORTLIST:]:  # and the closing mark the line awaits
                shortlists[i].append(awaited[-1])
        guesses: dict[int, str] = {}  # the likeliest character for each lost byte, written or not
        groups: list[list[int]] = []
        for i in unknown:
            if groups and i - groups[-1][-1] <= JOINT_DISTANCE:
                groups[-1].append(i)
            else:
                groups.append([i])
        for group in groups:
            left, _ = self._known_context(chars, group[0], before, after_text)
            _, right = self._known_context(chars, group[-1], before, after_text)
            width = None if len(group) == 1 else PAIR_SHORTLIST if len(group) == 2 else 3
            # Ordered (not a set): a tie between scores goes to the same combination in every
            # process, whatever its hash seed.
            combos = dict.fromkeys(itertools.product(*(shortlists[i][:width] for i in group)))
            if len(group) == 2 and group[1] == group[0] + 1:
                combos.update(dict.fromkeys(self._word_pairs(tokens[group[0]], tokens[group[1]])))

            def filled(combo: tuple) -> str:
                trial = chars[group[0]:group[-1] + 1]
                for i, ch in zip(group, combo, strict=True):
                    trial[i - group[0]] = ch
                return left + "".join(c or "" for c in trial) + right

            if len(combos) > WORD_SCORED_COMBOS:  # the word model is dear: the character model shortlists
                by_characters = ((self._model.logp(t) + self._model.document_bonus(t, document), c)
                                 for c in combos for t in (filled(c),))
                combos = [c for _, c in heapq.nlargest(WORD_SCORED_COMBOS, by_characters, key=lambda item: item[0])]
            # A character whose next byte was eaten may end a line there (。 or ” before a
            # paragraph's first character): as likely as the document's habits and line ends
            # say; one before a line break ends that line.
            before_eaten = [k for k, i in enumerate(group) if i + 1 < len(tokens) and tokens[i + 1] == EATEN_ASCII]

            ends_line = group[-1] == len(tokens) - 1 and run_ends_line
            awaited_here = paired_marks([ch for ch in chars[:group[0]] if ch], awaited)[1]

            def layout_logp(combo: tuple) -> float:
                logp = sum(eaten.line_break_logp(combo[k], after_text[:1]) for k in before_eaten)
                if ends_line:
                    logp += eaten.line_end_lift(combo[-1])
                closed = paired_marks(combo, awaited_here)[0]
                unmatched = sum(ch in CLOSING_MARKS for ch in combo) - closed
                return logp + rules.PAIRED_MARK_WEIGHT * (closed - unmatched)

            best, *runner_up = heapq.nlargest(
                2,
                ((self._model.word_logp(text, document, rules.CHOICE_WORD_COST)
                 + WEIGHT_BESIDE_WORDS * self._running.logp(text) + layout_logp(combo), combo)
                 for combo in combos for text in (filled(combo),)),
                key=lambda item: item[0],
            )
            # A character lost whole is anything: guessed only when the guess stands out.
            margin = STRICT_MARGIN if any(tokens[i][0] in STRICT_KINDS for i in group) else WHOLE_CHAR_MARGIN
            undecided = bool(runner_up) and best[0] - runner_up[0][0] < margin
            for i, ch in zip(group, best[1], strict=True):
                chars[i] = UNRECOVERABLE if undecided and tokens[i][0] in GUESSED_KINDS else ch
                guesses[i] = ch
        out: list[str] = []
        scored: list[str] = []
        guessed: list[str] = []
        for i, (ch, token) in enumerate(zip(chars, tokens, strict=True)):
            if token != EATEN_ASCII:
                out.append(ch)
                if ch != UNRECOVERABLE:  # neither credit nor blame for a character left unknown
                    scored.append(ch)
                guessed.append(guesses.get(i, ch))
            elif not after:  # the stream ended: a text of lines ends with a line break, its last byte
                out.append(eaten.at_end())
            elif ANNOTATION_RE.match(after):
                out.append("(")
            else:
                out.append(eaten.guess((before + "".join(out))[-2:], after[:2]))
        return "".join(out), "".join(scored), "".join(guessed)

    def _neighbour_words(
        self, left: str, right: str, next_byte: int | None, document, strict: bool = False
    ) -> list[str]:
        """Candidates for a character whose bytes are both unknown: those making a bigram
        with a neighbour in a dictionary word, elsewhere in the document or often in running
        text, and punctuation;
        only two-byte characters whose trail byte could not pair with an ASCII byte (or with
        ``next_byte``, when known); ``strict``: those the code's strict reader rejects, lead and
        trail (as a lead: 0x80-0xA0)."""
        model = self._model
        candidates = {
            *model.followers(left[-1:]), *model.precursors(right[:1]), *PUNCTUATION_CANDIDATES,
            *document.followers(left[-1:]), *document.precursors(right[:1]),
            *self._running.likely_neighbours(left[-1:], right[:1]),
        }
        if strict:
            rejected = self._strict_choices()[1]
            return [ch for ch in sorted(candidates) if rejected.get(ch, -1) in STRICT_CHAR_TRAILS]
        return [
            ch for ch in sorted(candidates)
            if ch in self._candidate_chars and (pair := self._pair_of(ch)) and pair[1] in self._lead_like_trails
            and (next_byte is None or (pair[1], next_byte) not in self._pairs)
        ]

    def _makes_word(self, left: str, ch: str, right: str, document) -> bool:
        """Whether ``ch`` makes a known bigram or a dictionary word with its neighbours,
        in the dictionary or elsewhere in this document."""
        model, form = self._model, self._word_form
        before, after = left[-1:], right[:1]
        if ch in model.followers(before) or ch in model.precursors(after):  # an in-word bigram
            return True
        if document.get(before + ch) or document.get(ch + after):
            return True
        return any(model.is_word(form(span)) for span in (left[-2:] + ch, ch + right[:2], before + ch, ch + after))

    def _word_pairs(self, first: tuple, second: tuple) -> list[tuple[str, str]]:
        """Pairs for two adjacent lost bytes that the dictionary knows as a bigram."""
        firsts = self._all_by_trail if first[0] == UNKNOWN_LEAD else self._all_by_lead
        seconds = self._all_by_trail if second[0] == UNKNOWN_LEAD else self._all_by_lead
        second_set = set(seconds.get(second[1], ()))
        return [
            (a, b)
            for a in firsts.get(first[1], ())
            for b in self._model.followers(a)
            if b in second_set
        ]

    def _pair_of(self, ch: str) -> tuple[int, int] | None:
        try:
            encoded = ch.encode(self._code.codec)
        except UnicodeEncodeError:
            return None
        return (encoded[0], encoded[1]) if len(encoded) == 2 else None

    def _first_byte(self, ch: str) -> int | None:
        if ch.isascii():
            return ord(ch) if ch else None
        pair = self._pair_of(ch)
        return pair[0] if pair else None

    @staticmethod
    def _known_context(chars: list, index: int, before: str, after: str) -> tuple[str, str]:
        """Two known characters on each side of ``chars[index]`` (stopping at unknowns;
        an eaten ASCII byte, "", is transparent)."""
        left = WHITESPACE_RE.sub("", before)  # PDF text breaks lines inside words
        for ch in chars[:index]:
            left = "" if ch is None else left + ch
        right = ""
        for ch in chars[index + 1:]:
            if ch is None:
                return left[-CONTEXT_CHARS:], right[:CONTEXT_CHARS]
            right += ch
        return left[-CONTEXT_CHARS:], (right + WHITESPACE_RE.sub("", after))[:CONTEXT_CHARS]


def _rejected_lead_first(reading: tuple, anchor: int) -> tuple:
    """``reading`` with its first lost lead, if the run starts at ``anchor``, a strict reader's rejected one."""
    bound, begin, end, tokens = reading
    if begin == anchor and isinstance(tokens[0], tuple) and tokens[0][0] == UNKNOWN_LEAD:
        return bound, begin, end, [(STRICT_LEAD, tokens[0][1]), *tokens[1:]]
    return reading


def _keeps_non_ascii(run: str, repaired: str) -> bool:
    """Whether ``repaired`` (as long as ``run``: a run without markers) changes only its ASCII characters."""
    return all(old == new for old, new in zip(run, repaired) if not old.isascii())


@dataclass(frozen=True)
class Fix:
    begin: int
    end: int
    replacement: str
    whole_char: bool  # a '??' or Big5's lone U+FFFD read as a character both of whose bytes were lost
    # a run ending in a '?' (its trail lost) that reads only a little better than that '?' as a
    # converter's stand-in for a character
    like_stand_in: bool = False


def _substituting_converter(text: str, fixes: list[Fix], lost_chars: int) -> bool:
    """Whether the text's '?' are a converter's stand-ins for characters it could not write
    rather than bytes lost: then '??' is two such characters, not a lost one (``lost_chars``
    of the ``fixes`` read it so). A lost byte leaves a misread run after its '?' (repaired)
    or, before an ASCII byte, a '??'; a lone '?' between Chinese characters that no repair
    explains, or several '??' and fewer runs, is a converter's."""
    unexplained = sum(
        not any(fix.begin <= match.start() < fix.end for fix in fixes) for match in LONE_MARK_RE.finditer(text)
    )
    return unexplained > 0 or lost_chars > max(1, len(fixes) - lost_chars)


def _in_lost_run(text: str, index: int) -> bool:
    return text[index] == "\ufffd" and "\ufffd" in text[max(0, index - 1):index] + text[index + 1:index + 2]


def _lost_pair_starts(text: str, index: int) -> bool:
    """Whether exactly two U+FFFD start at ``index``."""
    return text[index:index + 2] == "\ufffd\ufffd" and "\ufffd" not in text[index - 1:index] + text[index + 2:index + 3]


def _context(text: str, begin: int, end: int) -> tuple[str, str]:
    """CONTEXT characters each side of a run, line breaks and spaces dropped (PDF text
    breaks lines and spaces out characters inside words)."""
    before = WHITESPACE_RE.sub("", text[max(0, begin - 3 * CONTEXT):begin])[-CONTEXT:]
    after = WHITESPACE_RE.sub("", text[end:end + 3 * CONTEXT])[:CONTEXT]
    return before, after


# What may come before an eaten byte: an ideograph or a full-width mark.
BEFORE_SEPARATOR = "[\u4e00-\u9fff”’）》」』。！？，、；：]"
HABIT_RE = re.compile(f"(.{BEFORE_SEPARATOR})([ ,.:;\r\n])(.)", re.S)
# The same characters with nothing between them before a digit or letter: the eaten byte
# there may as well have been the first of the number or word (120万), not a separator.
ADJACENT_ALNUM_RE = re.compile(f"(.{BEFORE_SEPARATOR})()([0-9A-Za-z])", re.S)
MIN_HABIT_SHARE = 0.5  # a guess only when the document is this consistent
MIN_HABIT_COUNT = 3  # and has shown it (or, where it backs off to a pool, anything) this often
HABIT_LEFT_CLASSES = ("cjk", "closing", "sentence_end", "other")  # not after a digit: one more may have been eaten
HABIT_RIGHT_CLASSES = ("cjk", "closing", "newline", "other", "alnum")
ANY_SEPARATED = "separated"  # the pool of every class after but digits and letters
CLOSING_MARKS = "”’）》」』"
SENTENCE_ENDS = "。！？!?…"


def _char_class(ch: str) -> str:
    """Classes of the characters around an eaten byte; sentence-final marks have no habit
    (what follows them is as likely a digit as a separator)."""
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    if ch and ch in CLOSING_MARKS:
        return "closing"
    if ch in ("\r", "\n"):
        return "newline"
    if ch.isascii() and ch.isalnum():
        return "alnum"
    return "other"


def _left_class(two: str) -> str:
    """Class of the character before an eaten byte; a closing mark after a sentence end
    (。” ！”) has no separator habit: a new sentence starts there."""
    if two[-1:] in SENTENCE_ENDS or two[-1:] in CLOSING_MARKS and two[:1] in SENTENCE_ENDS:
        return "sentence_end"
    return _char_class(two[-1:])


DIGIT_LED_MARGIN = 2.0  # nats


class _EatenByteGuesser:
    """The ASCII byte a '??' swallowed: the separator the document puts between such
    characters; not known (U+FFFD) before a character running text has after a digit
    (月 of '1月6日', 万, 个) or a decimal fraction ('.6天'): the eaten byte was a digit."""

    def __init__(self, text: str, running: RunningTextModel) -> None:
        self._text = text
        self._running = running
        self._habits: dict[tuple[str, str], str] | None = None  # only a repair needs them
        self._counts: dict[tuple[str, str], dict[str, int]] | None = None
        self._line_ends: LineEnds | None = None

    def _separators(self) -> dict[tuple[str, str], dict[str, int]]:
        """_separator_counts of the text, counted once for the habits and the line breaks."""
        if self._counts is None:
            self._counts = _separator_counts(self._text)
        return self._counts

    def line_break_logp(self, ch: str, right: str) -> float:
        """Log of how much likelier ``ch`` is before an eaten byte and ``right`` than anywhere:
        the eaten byte was a line break as often as the document puts one between such
        characters (add-one smoothed), and then ``ch`` ends a line (the document's line ends)."""
        if "\n" not in self._text:
            return 0.0
        seen = self._separators().get((_left_class(ch), _char_class(right)), {})
        share = (seen.get("\n", 0) + 1) / (sum(seen.values()) + 2)
        return math.log(share * math.exp(self.line_end_lift(ch)) + 1 - share)

    def line_end_lift(self, ch: str) -> float:
        """Log of how much likelier ``ch`` is at the end of one of the document's lines than anywhere."""
        if self._line_ends is None:
            self._line_ends = self._running.line_ends(
                collections.Counter(match.group(1) for match in LINE_END_RE.finditer(self._text))
            )
        return self._line_ends.lift(ch)

    def at_end(self) -> str:
        """The byte eaten last in the text: a line break in a text of lines (a file's last byte)."""
        return "\n" if "\n" in self._text else ""

    def guess(self, left: str, after: str) -> str:
        """The byte between ``left`` and ``after`` (two characters each side): where the
        document has a habit there, of the separators it puts between such characters the
        likeliest by their shares and by how running text reads each there (a comma between
        clauses: 发展空间,把握 was guessed a line break, the habit; a line break it does not read)."""
        right = after[:1]
        if DECIMAL_FRACTION_RE.match(after):
            return UNRECOVERABLE
        if right and not (right.isascii() and right.isalnum()) and self._digit_led(right):
            return UNRECOVERABLE
        if self._habits is None:
            self._habits = _ascii_habits(self._separators(), "\n" in self._text)
        key = (_left_class(left), _char_class(right))
        habit = self._habits.get(key)
        if habit is None:
            return UNRECOVERABLE
        seen = {habit: 0, **self._separators().get(key, {})}  # the habit first: it wins a tie
        if len(seen) == 1:
            return habit
        total = sum(seen.values())
        without = self._running.logp(left + after[:2])

        def logp(byte: str) -> float:
            fit = self._running.logp(left + byte + after[:2]) - without if byte.strip() else 0.0
            return math.log((seen[byte] + 1) / (total + len(seen))) + fit

        return max(seen, key=logp) or UNRECOVERABLE  # none between them: the eaten byte was a digit or a letter

    def _digit_led(self, ch: str) -> bool:
        """Whether running text has ``ch`` after a digit clearly more than at a sentence's or a
        clause's start (月 by 7 nats, 万 3, 个 2.7; 年 1.9, 分 0.1 are not counted)."""
        transition = self._running.transition_logp
        return transition("1", ch) > max(transition("。", ch), transition("，", ch)) + DIGIT_LED_MARGIN


def _separator_counts(text: str) -> dict[tuple[str, str], dict[str, int]]:
    """For (class before, class after), how often the text puts each separator ASCII byte (or
    none) between an ideograph or full-width mark and what follows."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for match in itertools.chain(HABIT_RE.finditer(text), ADJACENT_ALNUM_RE.finditer(text)):
        seen = counts.setdefault((_left_class(match.group(1)), _char_class(match.group(3))), {})
        seen[match.group(2)] = seen.get(match.group(2), 0) + 1
    return counts


def _ascii_habits(
    counts: dict[tuple[str, str], dict[str, int]], has_lines: bool
) -> dict[tuple[str, str], str]:
    """For (class before, class after), the separator ASCII byte a text uses between an
    ideograph or full-width mark and what follows (``counts``: its _separator_counts), when
    consistent enough to guess an eaten one; ``has_lines``: whether the text breaks lines.
    A pair of classes the text shows too rarely takes the habit before its class after, or
    else before anything but a digit or letter: a short page may put a line break after
    ” once, and between ideographs ten times. "" (no habit) where the text is inconsistent."""
    # A new paragraph is what most often follows a sentence's end in a text of lines.
    # (Before an ideograph, an opening mark or an indent; not before a digit, a letter or a line break.)
    defaults = {("sentence_end", "cjk"): "\n", ("sentence_end", "other"): "\n"} if has_lines else {}
    pooled: dict[str, dict[str, int]] = {}
    for (_, right), seen in counts.items():
        for key in (right,) if right == "alnum" else (right, ANY_SEPARATED):
            pool = pooled.setdefault(key, {})
            for byte, count in seen.items():
                if byte != "\r" or key == "newline":  # a CR comes before a line feed only
                    pool[byte] = pool.get(byte, 0) + count
    def consistent(seen: dict[str, int], min_count: int = 0) -> str | None:
        """The byte ``seen`` most, if the text puts it there consistently enough (and at least
        ``min_count`` times)."""
        byte, count = max(seen.items(), key=lambda item: item[1], default=("", 0))
        return byte if count >= min_count and count >= MIN_HABIT_SHARE * sum(seen.values()) else None

    habits = {}
    for key in itertools.product(HABIT_LEFT_CLASSES, HABIT_RIGHT_CLASSES):
        seen = counts.get(key, {})
        if key in defaults:  # the prior, unless the text shows other habits there
            byte = consistent(seen, MIN_HABIT_COUNT)
            if byte is not None:
                habits[key] = byte
            elif not seen or defaults[key] in seen:
                habits[key] = defaults[key]
            continue
        levels = (seen, pooled.get(key[1], {}), pooled.get(ANY_SEPARATED, {}))
        for seen in levels[:2] if key[1] == "alnum" else levels:  # before a digit or letter only its own
            if sum(seen.values()) >= MIN_HABIT_COUNT:
                habits[key] = consistent(seen) or ""
                break
    return {key: byte for key, byte in habits.items() if byte}  # "": the eaten byte is not known


def _fullwidth_read(ch: str) -> bool:
    """Whether ``ch``, passed over inside a run, was read as a full-width form (a mark or letter)."""
    return ch.isascii() and ch != " "


def _reads_latin_word(seg: str, index: int, byte: int) -> bool:
    """Whether the ideograph at ``index`` may hold, as its second byte, the first letter of the
    Latin word whose other letters follow it (鶤 of 只鶤PP: FA 41; not a symbol's, – is A8 43)."""
    return chr(byte).isalpha() and _ideograph_before_letter(seg, index)


def _ideograph_before_letter(text: str, index: int) -> bool:
    """Whether ``text[index]`` is an ideograph right before a Latin letter."""
    following = text[index + 1:index + 2]
    return bool(IDEOGRAPH_RE.match(text, index)) and following.isascii() and following.isalpha()
