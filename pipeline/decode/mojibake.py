"""Mojibake repair: text that was decoded with the wrong codec and saved again.

- UTF-8 read as GBK/GB18030 or Big5 (``鍒樼埍鍔�``): re-encode each suspicious run with the
  wrong codec and decode it as UTF-8; a U+FFFD inside the run stands for one lost UTF-8
  continuation byte, one the wrong reader could not pair with the byte after it, chosen by a
  beam search: the running-text model (runningtext.py) shortlists, the document's own n-grams
  and the dictionary's words decide. U+FFFD read with the wrong codec (锟斤拷) is U+FFFD again.
  A lost byte that left no U+FFFD (dropped, or written '?' when the text was saved as GBK) is
  placed where the bytes stop being UTF-8, in stretches that show mojibake.
- UTF-8 read by a Japanese or Korean reader (cp932, cp949) or a single-byte code of another
  script (Cyrillic ``дё­``, Greek, Hebrew, Arabic, Thai: Windows' and KOI8-R),
  lossy readers included: the same re-read, where the text shows that reader's tell.
- UTF-8 read as Latin-1/cp1252 (``Ã¥``): ftfy; read by Python's lossy cp1252 (``æž�``), the
  same re-read as above, each U+FFFD one of the five bytes cp1252 lacks; what ftfy cannot read
  whole may have dropped them (errors="ignore"): marked as above where most of it is UTF-8.
- UTF-8 whose lost bytes a converter wrote as '?' (read with a lossy codec, saved back in
  it): detect.py shows each broken sequence as Latin-1 with U+FFFD for the '?'; the same
  re-read under each likely reader's lost bytes (gbk, cp1252, any), every such sequence
  replaced, and the reading whose text and lost bytes are likeliest kept.
- GBK/Big5 read as Latin-1/cp1252 (``ÖÐÎÄ``): re-encode the line, decode it as GBK/Big5.
Every replacement must score clearly better with the text model.
"""

import collections
import dataclasses
import functools
import itertools
import math
import re
import unicodedata

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

from pipeline.decode import rules
from pipeline.decode.runningtext import WEIGHT_BESIDE_WORDS, LineEnds, RunningTextModel
from pipeline.decode.textmodel import CJK_RUN_RE, SCRIPT_SAMPLE_CHARS, TextModel

MIN_GAIN = 6.0  # nats a replacement must gain
MIN_GAIN_PER_CHAR = 1.0
# A run alone between ASCII characters holding a byte the text's other repairs show dropped
# is no text of its own: its repair need gain only this much. Whole unseen pages read by a GBK
# reader dropping bytes (100 of 300 characters): similarity 0.983 -> 0.994 (0 and 2 nats
# alike; 4, 0.991).
DROPPED_MIN_GAIN = 2.0
CONTEXT = 3
BEAM = 6  # prefixes kept per lost byte: 12 chose the same bytes (200 whole-seed trials), 17% slower
# A document with many lost bytes (read whole with a lossy codec) keeps fewer prefixes per
# lost byte: the search costs at most about BEAM * LOST_BYTES_AT_FULL_BEAM prefixes' worth.
LOST_BYTES_AT_FULL_BEAM = 40
MIN_BEAM = 1
MAX_LOST_SHARE = 0.4  # U+FFFD per non-ASCII character beyond which a re-read is not tried
WINDOW_BYTES = 36  # about twelve CJK characters each side of a lost byte
NEAR_BYTES = 9  # about three
RERANKED_EXTRA = 3  # shortlisted candidates beyond a few per prefix, reranked by the wider scores
# A short re-read after this many characters of its run that read as nonsense (mean log-prob
# per character below MISREAD_SCORE; Chinese text -5 to -7) ends a misaligned GB run whose
# last pair and lost byte read as UTF-8 (财还宋省⒆酆瞎裨薄八闹Ф游椤�: 椤� is 项's bytes but
# one): left to the misalignment repair. The bench corpus's 161 misaligned files: 556 -> 466
# wrong characters at -8 or -8.5 (485 at -9.5); UTF-8 read as GBK unchanged.
MISREAD_BEFORE = 6
MISREAD_SCORE = -8.5
CLEAR_LEAD = 4.0  # nats: a one-prefix search takes a shortlist leader this far ahead without reranking
PAIR_BEAMS = 4  # prefixes extended by two lost bytes at once
LIKELY_PAIR_FILLS = 300  # of a three-byte lead's 4096 characters, the likeliest tried for two lost bytes
LIKELY_BYTE_FILLS = 16  # of the 64 characters one lost byte may complete, the likeliest always tried
UNLIKELY_SHORT_READING_RE = re.compile("[\u0250-\u1fff]")  # IPA, Greek, Cyrillic, ... in a Chinese text
UTF8_LINE_SHARE = 0.7  # of a line's non-ASCII bytes in UTF-8 sequences: UTF-8 read as GB/Big5
NON_ASCII_BYTES = bytes([0, *range(0x80, 0x100)])  # \x00: a lost byte (see _wrong_bytes)
MIN_LEGACY_RUN = 4  # Latin-1 characters (two GB/Big5 characters) before a GB/Big5 reading is tried
WHITESPACE_RE = re.compile("[ \t\r\n]+")  # ASCII only: U+3000 may be a re-read character
LINE_INDENT = " \t\r\u3000"
# A line ends at a line break, or, in HTML (left intact until the clean stage), at a tag: the
# text of a paragraph (<p>) or cell ends there, and starts after one.
LINE_BREAK_AHEAD_RE = re.compile("[ \t]*(?:\r?\n|\\Z|<)")
# A line's last few characters (a UTF-8 character's bytes read as GB span two or three).
LINE_END_RE = re.compile("([^\\s<>]{1,3})[ \t]*(?:\r?\n|\\Z|<)")
LOST_PAIR = "\ufffd\ufffd"
# A U+FFFD the wrong reader read whole (锟斤拷), marked while runs are re-read: its bytes are
# EF BF BD, a character of the UTF-8 text, not a lost byte to choose back.
WHOLE_REPLACEMENT = "\ufdd2"
# Windows' reader of a code ("gb18030:windows"): shows some single bytes as characters (cp936
# 0x80 as €, which GB18030 writes A2 E3); which of the two read a document, its bytes tell.
WINDOWS_READERS = {codec: f"{codec}:windows" for codec in rules.WINDOWS_SINGLE_BYTES}
# wrong reader -> characters whose bytes under it are not what its codec encodes them to: a
# U+FFFD read whole, and the single bytes Windows' reader shows as characters.
WHOLE_REPLACEMENT_BYTES = {WHOLE_REPLACEMENT: "\ufffd".encode("utf-8")}
ANY_CONTINUATION = frozenset(range(0x80, 0xC0))
THREE_BYTE_LEADS = frozenset(range(0xE0, 0xF0))
READ_AS_BYTES = {
    WINDOWS_READERS[codec]: WHOLE_REPLACEMENT_BYTES | {ch: bytes((byte,)) for ch, byte in singles.items()}
    for codec, singles in rules.WINDOWS_SINGLE_BYTES.items()
}


@functools.cache
def shared_characters(codec: str) -> tuple[dict[str, list[bytes]], re.Pattern | None]:
    """The characters ``codec`` reads from more than one pair: their pairs, the one it
    encodes them with first; and a pattern finding them."""
    pairs = [bytes((lead, trail)) for lead in range(0x81, 0xFF) for trail in range(0x40, 0xFF)]
    readings: dict[str, list[bytes]] = {}
    # One decode for all pairs (a line break after each: no pair takes it): a fifth of the time.
    for pair, reading in zip(pairs, b"\n".join(pairs).decode(codec, errors="replace").split("\n"), strict=True):
        if reading != "\ufffd":
            readings.setdefault(reading, []).append(pair)
    shared = {
        ch: sorted(pairs, key=lambda pair: pair != ch.encode(codec))
        for ch, pairs in readings.items() if len(pairs) > 1 and len(ch) == 1
    }
    return shared, re.compile(f"[{re.escape(''.join(shared))}]") if shared else None


def _utf8_like_pairs(codec: str) -> dict[str, bytes]:
    """Characters ``codec`` reads from two pairs or more, each as the pair likeliest inside a
    CJK text's UTF-8, most bytes that are its leads or continuations (cp932 reads ≡ from 81 DF
    and 87 91, which 金, E9 87 91, holds; ∵ from 81 E6 and 87 9A alike: the codec's), where that
    is not the pair the codec encodes it to."""
    def utf8_like(pair: bytes) -> int:
        return sum(byte in ANY_CONTINUATION or byte in THREE_BYTE_LEADS for byte in pair)

    chosen = {}
    for ch, pairs in shared_characters(codec)[0].items():  # the codec's own pair first
        best = max(pairs, key=utf8_like)  # the first of the likeliest
        if best != pairs[0]:
            chosen[ch] = best
    return chosen


READ_AS_BYTES["cp932"] = WHOLE_REPLACEMENT_BYTES | _utf8_like_pairs("cp932")
LOST_BYTE_RE = re.compile("\ufffd")
UNREAD_SEQUENCE_RE = re.compile("[\u0080-\u00ff]{0,3}\ufffd[\u0080-\u00bf\ufffd]{0,3}")
LOST_LEAD_SEQUENCE_RE = re.compile("\ufffd([\u0080-\u00bf]{2})(?![\u0080-\u00bf])")
LOST_LEAD_MARGIN = 2.0  # nats by which the best lead must beat the next
LOST_RUN_RE = re.compile("\ufffd{2,}")
# A byte a wrong reader lost without a U+FFFD, marked while it is chosen back (noncharacters:
# never in text): dropped (errors="ignore"), or written '?' (the text saved back in that codec).
DROPPED_BYTE, QUESTION_MARKED_BYTE = "\ufdd0", "\ufdd1"
LOST_MARKS = frozenset(("\ufffd", DROPPED_BYTE, QUESTION_MARKED_BYTE))
MIN_SILENT_LOSS_SEQUENCES = 3  # UTF-8 characters in a text before its unmarked losses are believed
# Read by a single-byte reader, two: Latin letters amid Chinese text (ä»ç„¶ for 仍然, 8D dropped).
MIN_LATIN_SILENT_LOSS_SEQUENCES = 2
CONTINUING = ANY_CONTINUATION | {0}  # a continuation byte, or one lost (see _wrong_bytes)
CONTINUATION_BYTES = [bytes((byte,)) for byte in range(0x80, 0xC0)]
CONTINUATION_PAIRS = [first + second for first in CONTINUATION_BYTES for second in CONTINUATION_BYTES]
# Unassigned, private-use and surrogate code points: no lost byte's character.
NO_TEXT_CATEGORIES = frozenset({"Cn", "Co", "Cs"})
# (codec the UTF-8 bytes were wrongly read with, repair name)
WRONG_CJK_CODECS = (("gb18030", "utf8_decoded_as_gbk"), ("big5", "utf8_decoded_as_big5"))
# Windows', KOI8's, DOS's, ISO's and Mac's single-byte codes of other scripts (Cyrillic, Greek,
# Hebrew, Arabic, Thai), which ftfy does not read: their reader shows a CJK character's three
# UTF-8 bytes as three letters or signs, one at least of its script (中 as дё­ in cp1251),
# U+FFFD for a byte it lacks. That pattern is their tell: Big5 has Cyrillic and Greek letters,
# which GBK read as Big5 shows alone, and cp1256 shows some bytes as cp1252 does (é). Central
# European codes are left to ftfy: their letters are half Latin-1's, and cp1250's tell matched
# cp1252 and ISO-8859-2 mojibake; so is DOS's cp850, whose tell matched ftfy's cp437 and Mac
# Roman mojibake, and cp866, whose tell Russian prose shows (чем). A whole file read by either
# is read back in detect.py.
SINGLE_BYTE_FOREIGN_READERS = (
    "cp1251", "koi8_r", "cp1253", "cp1255", "cp1256", "cp874", "iso8859_5", "mac_cyrillic", "iso8859_7", "tis_620",
)
LATIN_REPERTOIRE = frozenset(map(chr, range(0x100))) | frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", "replace"))


def _cjk_character_as_read(codec: str) -> re.Pattern:
    """A CJK character's UTF-8 bytes (a lead E3-EF: CJK punctuation, ideographs, full-width
    forms; not E2, general punctuation) and two continuation bytes as ``codec`` shows them,
    one of the three at least no Latin-1 or cp1252 character."""
    leads = {bytes((byte,)).decode(codec, "replace") for byte in range(0xE3, 0xF0)}
    continuations = {bytes((byte,)).decode(codec, "replace") for byte in range(0x80, 0xC0)}

    def one_of(chars: set[str]) -> str:
        return f"[{re.escape(''.join(sorted(chars)))}]"

    lead, continuation = one_of(leads), one_of(continuations)
    own_lead, own_continuation = one_of(leads - LATIN_REPERTOIRE), one_of(continuations - LATIN_REPERTOIRE)
    return re.compile(
        f"{own_lead}{continuation}{{2}}|{lead}{own_continuation}{continuation}|{lead}{continuation}{own_continuation}"
    )


# A foreign Windows opening UTF-8: its reader shows characters Chinese text never has, cp932
# continuation bytes A1-DF as half-width katakana (荳ｭ蝗ｽ for 中国), cp949 pairs led by a
# continuation byte as Hangul syllables (訝��쎖 for 中国). Only text showing them is re-read so
# (GB and Big5 text holds pairs that read as such mojibake by chance).
FOREIGN_READER_CODECS = (
    ("cp932", "utf8_decoded_as_shift_jis", re.compile("[\uff61-\uff9f]")),
    ("cp949", "utf8_decoded_as_euc_kr", re.compile("[\uac00-\ud7a3]")),
    *((codec, f"utf8_decoded_as_{codec}", _cjk_character_as_read(codec)) for codec in SINGLE_BYTE_FOREIGN_READERS),
)
FOREIGN_TELLS = {wrong: tell for wrong, _, tell in FOREIGN_READER_CODECS}
# UTF-8 read by Python's cp1252 codec with errors="replace": 0x81, 0x8D, 0x8F, 0x90 and 0x9D
# are lost to U+FFFD, about one CJK character in six. ftfy drops such characters whole. The
# Central European, Baltic and Vietnamese codes lose others (cp1250 five, cp1257 eleven): one
# of them read a document, the one that writes the most of its letters (ĺ, ś are cp1250's).
# (Turkish cp1254 reads CJK text's UTF-8 as cp1252 does, but for two more bytes lost.)
LOSSY_LATIN_CODECS = tuple((codec, "latin1_mojibake") for codec in ("cp1252", "cp1250", "cp1257", "cp1258"))
SINGLE_BYTE_READERS = frozenset(wrong for wrong, _ in LOSSY_LATIN_CODECS)
LATIN_READERS = frozenset({"cp1252", "latin-1"})  # codecs whose runs may be Latin text read again
# UTF-8 whose lost bytes a converter wrote as '?' (read with a lossy codec, saved back in it):
# detect.py shows each broken sequence's bytes as Latin-1, U+FFFD for each '?'. The reader
# that lost them is not known: each of these, "latin-1:<reader>" (candidates the bytes that
# reader rejects), and any byte at all ("latin-1"), is tried on the whole text.
QUESTION_MARKED_CODECS = (
    ("latin-1:gbk", "utf8_lost_bytes_marked"),
    ("latin-1:cp1252", "utf8_lost_bytes_marked"),
    ("latin-1", "utf8_lost_bytes_marked"),
)
# GB18030's own reader, where the text shows characters of its user-defined areas (private use,
# from pairs led AA-AF or F8-FE: a tenth of those UTF-8 continuation bytes make), which GBK's
# readers reject: it rejects 0x80 alone before a continuation byte (一 is E4 B8 80).
GB18030_ITSELF = "gb18030:gb18030"
GB18030_USER_DEFINED_RE = re.compile("[\ue000-\ue765]")
# The strictest reader of each wrong codec's family: a byte any reader of the family rejects
# before a given next byte, it rejects too (gbk pairs are a subset of gb18030's, big5's of
# cp950's and big5hkscs's).
STRICTEST_READER = {
    "gb18030": "gbk", "gb18030:windows": "gbk", GB18030_ITSELF: "gb18030", "big5": "big5",
    **{wrong: wrong for wrong in SINGLE_BYTE_READERS},
    "latin-1:gbk": "gbk", "latin-1:cp1252": "cp1252", "latin-1": None,  # None: not known
    **{wrong: wrong for wrong, _, _ in FOREIGN_READER_CODECS},
}
UNKNOWN_NEXT = 0x100  # index of the bytes rejected before some byte, for a next byte not known
# (codec the GB/Big5 bytes were wrongly read with, codec they really are, repair name)
LEGACY_AS_LATIN = (
    ("sloppy-windows-1252", "utf-8", "latin1_mojibake"),  # short runs ftfy leaves alone
    ("latin-1", "utf-8", "latin1_mojibake"),
    # Windows' cp1252 reader shows the five bytes cp1252 leaves undefined as C1 controls, as
    # sloppy-windows-1252 does: GBK leads 0x81-0x9D (GBK/3: traditional characters) among them.
    ("sloppy-windows-1252", "gbk", "gbk_decoded_as_latin1"),
    ("latin-1", "gbk", "gbk_decoded_as_latin1"),
    ("sloppy-windows-1252", "big5", "big5_decoded_as_latin1"),
    ("latin-1", "big5", "big5_decoded_as_latin1"),
)
# ftfy without its fix for UTF-8 sequences inside otherwise clean text, which under a second
# layer (GBK read as Latin-1, saved, read so again) read GB pairs that are valid UTF-8 (CD BC of
# 图 as ͼ) and hid the GB run beneath.
FTFY_ONE_LAYER = ftfy.TextFixerConfig(decode_inconsistent_utf8=False)
FTFY_INCONSISTENT_UTF8_STEP = ("apply", "decode_inconsistent_utf8")
FTFY_LOSSY_STEP = ("transcode", "replace_lossy_sequences")  # broken sequences become U+FFFD
LOSSY_LAYER_TELL = "\ufffd".encode("utf-8").decode("cp1252")  # U+FFFD read as cp1252: ï¿½
LATIN_MOJIBAKE_RE = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
LATIN_CHARS = LATIN_MOJIBAKE_RE.pattern[1:-1]
# A Latin-1 letter's UTF-8 bytes (C2 or C3, then a continuation byte) read as a GB pair.
LATIN_AS_GB_CHARS = "".join(
    sorted({bytes((lead, trail)).decode("gb18030") for lead in (0xC2, 0xC3) for trail in range(0x80, 0xC0)})
)
LATIN_AS_GB_RE = re.compile(f"[{LATIN_AS_GB_CHARS}]{{4}}")  # two GB characters as Latin-1, at least
# Such spans; a GB trail byte 0x40-0x7E inside the Latin-1 text is an ASCII character there.
LATIN_AS_GB_RUN_RE = re.compile(f"[{LATIN_AS_GB_CHARS}]{{2,}}(?:[\\x40-\\x7e]?[{LATIN_AS_GB_CHARS}]+)*")
# Every UTF-8/GB lead byte read as Latin-1 is one of these (never NBSP alone).
LATIN1_LETTER_RE = re.compile("[\u00a1-\u00ff]")
CJK_TEXT_RE = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs, CJK and full-width punctuation
CP1252_ONLY = set("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122") | {
    chr(cp) for cp in range(0x2013, 0x203B)
}
# GB/Big5 bytes read as Latin-1: high characters, with trail bytes 0x40-0x7E shown as ASCII.
BEFORE_CJK_RE = re.compile("[\u0080-\u2fff]")  # letters and signs a single-byte reader shows
LATIN_RUN_RE = re.compile(f"[{LATIN_CHARS}]{{2,}}(?:[\\x40-\\x7e]?[{LATIN_CHARS}]{{2,}})*")
# The runs re-read: as those, but a character whose trail is ASCII may stand between two, or
# at an edge (traditional text in GBK: a fifth of its characters, 進 as ßM; Big5: almost half).
LEGACY_RUN_RE = re.compile(f"[{LATIN_CHARS}]+(?:[\\x40-\\x7e][{LATIN_CHARS}]+)*[\\x40-\\x7e]?")
# What only mojibake shows among Latin-1 characters: letters, and C1 controls (GBK's 匯 is 85 52).
LATIN1_MOJIBAKE_SIGN_RE = re.compile("[\u0080-\u009f\u00a1-\u00ff]")
# Non-ASCII runs; single spaces inside count (PDF text spaces out every character).
NON_ASCII_RUN_RE = re.compile("[^\\x00-\\x7f](?:[^\\x00-\\x7f]| (?=[^\\x00-\\x7f]))*")
# Known broken UTF-8 (see QUESTION_MARKED_CODECS): two-byte sequences too (a no-break space).
CERTAIN_UTF8_SEQUENCES_RE = re.compile(
    rb"(?:[\xc2-\xdf][\x80-\xbf\x00]|[\xe0-\xef][\x80-\xbf\x00]{2}|[\xf0-\xf4][\x80-\xbf\x00]{3})"
    rb"(?: ?(?:[\xc2-\xdf][\x80-\xbf\x00]|[\xe0-\xef][\x80-\xbf\x00]{2}|[\xf0-\xf4][\x80-\xbf\x00]{3}))*"
)
# Well-formed three/four-byte UTF-8 (CJK, emoji; two-byte sequences are Latin/Greek/...,
# and GB pairs often look like them); \x00 stands for a byte lost to U+FFFD. Four bytes
# lead F0 only: planes 1-3 (emoji, CJK extensions); F1-F4 lead unassigned and private planes,
# which clean text after a run may make (地。 in cp949, F2 A2 A1 A3, as U+A2863).
# A lost lead takes three continuations only when no fourth follows: a two-byte character read
# after it may start with a continuation byte (cp949's 、 is A1 A2).
UTF8_SEQUENCE = (
    rb"(?:[\xe0-\xef][\x80-\xbf\x00]{2}|\xf0[\x80-\xbf\x00]{3}"
    rb"|\x00(?:[\x80-\xbf]{3}(?![\x80-\xbf])|[\x80-\xbf]{0,2}))"
)
UTF8_SEQUENCES_RE = re.compile(UTF8_SEQUENCE + rb"(?: ?" + UTF8_SEQUENCE + rb")*")


class MojibakeRepairer:
    def __init__(self, model: TextModel, running: RunningTextModel) -> None:
        self._model = model
        self._running = running
        self._utf8_mark_re = _utf8_mark_re(WRONG_CJK_CODECS)
        self._lossy_latin_mark_res = {wrong: _utf8_mark_re(((wrong, kind),)) for wrong, kind in LOSSY_LATIN_CODECS}
        # A two-byte code's reader loses leads (cp949: E5 before 9E), a single-byte code's
        # (which reads a lead alone) at most the continuation bytes it lacks.
        self._foreign_mark_res = [
            (((wrong, kind),), _utf8_mark_re(((wrong, kind),), lost_leads=not decodes(b"\xe4", wrong)), tell)
            for wrong, kind, tell in FOREIGN_READER_CODECS
        ]
        self._question_marked_re = _utf8_mark_re(QUESTION_MARKED_CODECS, range(0xC2, 0xF5))  # any sequence
        # U+FFFD pairs (bytes lost before) in UTF-8 read with a wrong codec: 锟斤拷 (GB), 嚙踝蕭
        # (Big5). What they stood for is gone: they become what they were, U+FFFD.
        self._lost_pair_res = [
            (re.compile(f"(?:{re.escape(LOST_PAIR.encode('utf-8').decode(wrong))})+"), kind)
            for wrong, kind in WRONG_CJK_CODECS
        ]
        # Per three-byte lead and script (simplified or any), the continuation pairs that make
        # its likeliest characters: traditional ones are 115 of E8's likeliest 300 (讯 is 319th).
        self._likely_pair_fills = {}
        for lead in range(0xE0, 0xF0):
            fills = _valid_fills(bytes((lead,)), CONTINUATION_PAIRS, b"")
            fills.sort(key=lambda item: model.char_logp(item[1]), reverse=True)
            self._likely_pair_fills[lead, False] = fills[:LIKELY_PAIR_FILLS]
            simplified = [item for item in fills if model.is_simplified_form(item[1])]
            self._likely_pair_fills[lead, True] = simplified[:LIKELY_PAIR_FILLS]
        # (character start, bytes after the lost one) -> [(fill, character)], likeliest first
        self._fills_by_unigram: dict[tuple[bytes, bytes, frozenset, bool], list[tuple[bytes, str]]] = {}
        self._fills_by_pair: dict[tuple, list[tuple[bytes, str]]] = {}  # see _pair_fills
        self._fills_by_lead: dict[tuple, list[tuple[bytes, str]]] = {}  # see _lead_fills
        self._fills_by_split: dict[tuple, list[tuple[bytes, str]]] = {}  # see _split_fills
        # Per instance: a class-level cache would keep every repairer (and its models) alive.
        self._transition_ahead = functools.lru_cache(maxsize=1 << 16)(self._transition_ahead_uncached)
        # wrong codec -> next byte (UNKNOWN_NEXT: not known) -> the continuation bytes its
        # reader replaces before that byte. CJK decoders replace a byte they cannot pair with
        # the next one by U+FFFD alone, so a lost byte is one of these: about 8 of 64 for gbk,
        # 0x80 alone for gb18030; cp1252 loses its five undefined bytes whatever follows.
        self._rejected_before = {}
        self._rejected_leads_before = {}
        foreign = tuple((wrong, kind) for wrong, kind, _ in FOREIGN_READER_CODECS)
        readers = (*WRONG_CJK_CODECS, *foreign, *LOSSY_LATIN_CODECS, *QUESTION_MARKED_CODECS)
        for wrong in (*(wrong for wrong, _ in readers), *WINDOWS_READERS.values(), GB18030_ITSELF):
            reader = STRICTEST_READER[wrong]
            rejected = [
                frozenset(b for b in range(0x80, 0xC0) if bytes((b, following)).decode(reader, "replace")[0] == "\ufffd")
                if reader else ANY_CONTINUATION
                for following in range(0x100)
            ]
            self._rejected_before[wrong] = [*rejected, frozenset().union(*rejected)]
            # and the lead bytes it replaces (cp932 has no pair starting EB, EC or EF)
            leads = [
                frozenset(b for b in range(0xC2, 0xF5) if bytes((b, following)).decode(reader, "replace")[0] == "\ufffd")
                if reader else frozenset()
                for following in range(0x100)
            ]
            self._rejected_leads_before[wrong] = [*leads, frozenset().union(*leads)]

    def repair(self, text: str) -> tuple[str, list[str]]:
        kinds: list[str] = []
        if LATIN_AS_GB_RE.search(text):
            text = self._latin_read_as_gb(text, kinds, MIN_LEGACY_RUN)
            if kinds:  # the file has such damage: one character's is credible too (7脭脗5 for 7月5)
                text = self._latin_read_as_gb(text, kinds, 2)
        # Before the Latin-1 repairs: ftfy reads cp1251 or KOI8-R mojibake too, but drops each
        # character a lossy reader broke. The reader whose tell shows most goes first.
        shown = [(len(tell.findall(text)), reader, mark_re) for reader, mark_re, tell in self._foreign_mark_res]
        for count, reader, mark_re in sorted(shown, key=itemgetter(0), reverse=True):
            if count and not _too_lossy(text):
                text = self._utf8_as(text, kinds, reader, mark_re)
        if LATIN1_LETTER_RE.search(text):  # every run _latin_runs considers has one
            if LOSSY_LAYER_TELL in text:
                text = _peel_layers_above_lossy_ones(text, kinds)
            lossy = (_lossy_latin_reader(text),)  # _utf8_as's codecs: this one alone
            lossy_mark_re = self._lossy_latin_mark_res[lossy[0][0]]
            if "\ufffd" in text and lossy_mark_re.search(text):
                text = self._utf8_as(text, kinds, lossy, lossy_mark_re)
            # A whole text read as Latin-1 is one ftfy call, not one per run; ftfy's reading
            # is taken whole only when it leaves no Latin-1 run (GB bytes read as Latin-1 are
            # not UTF-8: ftfy's partial guesses there would hide them from the runs below).
            whole = ftfy.fix_encoding(text)
            leftover = any(LATIN1_LETTER_RE.search(run.group()) for run in LATIN_RUN_RE.finditer(whole))
            if whole != text and not leftover and clearly_better(self._model, whole, text):
                text = whole
                kinds.append("latin1_mojibake")
            elif lossy_mark_re.search(text):
                # What ftfy cannot read whole may be UTF-8 a lossy cp1252 reader dropped bytes of.
                marked = self._mark_silent_losses(text, lossy[0][0], lossy_mark_re)
                if marked != text:
                    marked = self._utf8_as(marked, kinds, lossy, lossy_mark_re)
                    text = _without_silent_marks(marked)
            text = self._latin_runs(text, kinds, MIN_LEGACY_RUN)
            if any(kind.endswith("_decoded_as_latin1") for kind in kinds):
                # The file has GB/Big5-as-Latin-1 damage: shorter runs are now credible too.
                text = self._latin_runs(text, kinds, 2)
        for lost_pairs_re, kind in self._lost_pair_res:
            text, found = lost_pairs_re.subn(lambda match: WHOLE_REPLACEMENT * 2 * (len(match.group()) // 3), text)
            if found and kind not in kinds:
                kinds.append(kind)
        if self._utf8_mark_re.search(text) and not _too_lossy(text):
            readers = tuple((_likelier_reader(text, wrong), kind) for wrong, kind in WRONG_CJK_CODECS)
            marked = self._mark_silent_losses(text, readers[0][0], self._utf8_mark_re)
            text = self._utf8_as(marked, kinds, readers, self._utf8_mark_re)
            text = _without_silent_marks(text)  # where no reading explained them
            if DROPPED_BYTE in marked and any(kind in kinds for _, kind in readers):
                # The runs repaired show bytes dropped: a character alone short of a byte is
                # credible too (个 before a line break, 月 between digits: 12涓, 6鏈1).
                again, _ = self._with_silent_losses_marked(text, readers[0][0], self._utf8_mark_re, min_sequences=1)
                text = self._utf8_as(again, kinds, readers, self._utf8_mark_re, dropped_shown=True)
                text = _without_silent_marks(text)
        return text.replace(WHOLE_REPLACEMENT, "\ufffd"), kinds

    def repair_foreign_leftovers(self, text: str) -> tuple[str, list[str]]:
        """U+FFFD left by every other repair beside what a Japanese or Korean reader makes of
        UTF-8, where no tell showed (资。 as cp932's 襍�縲�): those readers' runs re-read."""
        kinds: list[str] = []
        if "\ufffd" in text and not _too_lossy(text):
            # (U+FFFD in a row are characters lost before, as 锟斤拷 turned back: not bytes.)
            text = LOST_RUN_RE.sub(lambda run: WHOLE_REPLACEMENT * len(run.group()), text)
            for reader, mark_re, _ in self._foreign_mark_res:
                if reader[0][0] not in SINGLE_BYTE_FOREIGN_READERS:  # cp932, cp949
                    text = self._utf8_as(text, kinds, reader, mark_re)
        return text.replace(WHOLE_REPLACEMENT, "\ufffd"), kinds

    def _latin_read_as_gb(self, text: str, kinds: list[str], min_run: int) -> str:
        """Spans of Latin-1 mojibake that was saved as UTF-8 and read again as GBK (脰脨鹿煤 for
        ÖÐ¹ú, GBK's 中国; 盲赂颅 for ä¸\xad, UTF-8's 中): each Latin-1 letter's two UTF-8 bytes
        are one GB pair. Re-read as UTF-8, then repaired as Latin-1 mojibake (runs of ``min_run``
        Latin-1 characters or more), where that reads clearly better."""
        out, pos = [], 0
        for match in LATIN_AS_GB_RUN_RE.finditer(text):
            latin = match.group().encode("gb18030").decode("utf-8")
            inner: list[str] = []
            repaired = self._latin_runs(latin, inner, min_run)
            if inner and clearly_better(self._model, repaired, match.group()):
                out += [text[pos:match.start()], repaired]
                pos = match.end()
                kinds += [kind for kind in ("utf8_decoded_as_gbk", *inner) if kind not in kinds]
        return "".join(out) + text[pos:]

    def _mark_silent_losses(self, text: str, wrong: str, mark_re: re.Pattern) -> str:
        """Text with the bytes UTF-8 lost to the ``wrong`` reader (gb18030 or cp1252: a Big5
        reader loses too many to choose back) marked where nothing marks them (dropped, or
        written '?'): in stretches starting at ``mark_re`` whose bytes under that reader are
        UTF-8 but for continuation bytes missing, when they hold enough UTF-8 characters or a
        '?' stands for a byte."""
        if "\ufffd" in text or DROPPED_BYTE in text or QUESTION_MARKED_BYTE in text:
            return text  # a reader that writes U+FFFD for a lost byte marked them all
        marked, sequences = self._with_silent_losses_marked(text, wrong, mark_re)
        least = MIN_LATIN_SILENT_LOSS_SEQUENCES if wrong in SINGLE_BYTE_READERS else MIN_SILENT_LOSS_SEQUENCES
        if QUESTION_MARKED_BYTE not in marked and sequences < least:
            return text  # a few rare characters next to where a byte may be missing
        return marked

    def restore_question_marked(self, text: str) -> tuple[str, list[str]]:
        """Text that detect.py read as UTF-8 with lost bytes written '?': those bytes chosen back
        under the reader that best explains the text: the model's log-probability of the
        repaired text and of its lines' heads (line_head_lift), plus that of each lost byte among
        the bytes the reader loses there."""
        best = None
        for wrong, kind in QUESTION_MARKED_CODECS:
            kinds: list[str] = []
            repaired = self._utf8_as(text, kinds, ((wrong, kind),), self._question_marked_re, certain=True)
            score = self._model.word_logp(repaired) + self._lost_bytes_logp(text, wrong)
            score += self._running.line_starts_logp(repaired)  # 》。 never start a line; an indent is two spaces
            if best is None or score > best[0]:
                best = (score, repaired, kinds)
        # A sequence none of them reads is one character lost, not Latin text for the mojibake
        # repairs to read; a three-byte one whose lead alone was lost, the lead chosen back.
        repaired = LOST_LEAD_SEQUENCE_RE.sub(self._lead_chosen_back, best[1])
        return UNREAD_SEQUENCE_RE.sub("\ufffd", repaired), best[2]

    def _lead_chosen_back(self, sequence: re.Match) -> str:
        """The character whose lead byte a converter wrote '?' (cp932 and cp949 take a lead with
        the next byte as a pair): that of the 16 three-byte leads reading best between its
        neighbours, where it stands out (LOST_LEAD_MARGIN), else the sequence as it stands."""
        text, continuation = sequence.string, sequence.group(1).encode("latin-1")
        left = text[max(0, sequence.start() - CONTEXT):sequence.start()]
        right = text[sequence.end():sequence.end() + CONTEXT]
        choices = {bytes((lead,)) + continuation for lead in range(0xE0, 0xF0)}
        scored = sorted(
            (self._running.with_words_logp(left + ch + right), ch)
            for ch in (data.decode("utf-8", errors="replace") for data in choices) if len(ch) == 1 and ch != "\ufffd"
        )
        if len(scored) >= 2 and scored[-1][0] - scored[-2][0] >= LOST_LEAD_MARGIN:
            return scored[-1][1]
        return sequence.group()

    def _with_silent_losses_marked(
        self, text: str, wrong: str, mark_re: re.Pattern, min_sequences: int = 2
    ) -> tuple[str, int]:
        """``text`` with the continuation bytes its ``wrong`` bytes lack marked in each stretch
        that is UTF-8 but for them and shows mojibake, and the count of UTF-8 characters in
        those stretches. A stretch starts at a mark: the first character of a damaged span
        starts at a UTF-8 lead, so shows one. A stretch of fewer than ``min_sequences``
        characters is evidence only when a '?' stands for the byte."""
        rejected = self._rejected_before[wrong]
        # A one-byte reader's lost byte may have been any continuation byte of its sequence.
        likeliest = self._likeliest_completion if wrong in SINGLE_BYTE_READERS else None
        marks: dict[int, str] = {}
        found = covered = spanned = 0
        for mark in mark_re.finditer(text):
            if mark.start() < covered:
                continue
            stretch_marks, sequences, end = _silent_losses(text, mark.start(), wrong, rejected, likeliest)
            if stretch_marks and (sequences >= min_sequences or QUESTION_MARKED_BYTE in stretch_marks.values()):
                marks.update(stretch_marks)
                found += sequences
                spanned += end - mark.start()
            covered = end + 1  # past the character that failed
        if likeliest is not None and spanned < UTF8_LINE_SHARE * _latin_mojibake_size(text):
            return text, 0  # GB bytes read as Latin-1 look like broken UTF-8 here and there
        if not marks:
            return text, 0
        pieces, pos = [], 0
        for index in sorted(marks):  # a dropped byte goes before its character, a '?' is replaced
            pieces += [text[pos:index], marks[index]]
            pos = index + (marks[index] == QUESTION_MARKED_BYTE)
        return "".join(pieces) + text[pos:], found

    def _likeliest_completion(self, before: bytes, after: bytes, possible: frozenset) -> float:
        """Log-probability of the likeliest character ``before`` + one of ``possible`` + ``after`` makes."""
        fills = _valid_fills(before, [bytes((byte,)) for byte in possible], after)
        return max((self._model.char_logp(ch) for _, ch in fills), default=-math.inf)

    def _lost_bytes_logp(self, text: str, wrong: str) -> float:
        """Log-probability of the text's lost bytes (U+FFFD) under ``wrong``'s reader: each
        one of the bytes that reader rejects before the next byte, alike."""
        rejected = self._rejected_before[wrong]
        total = 0.0
        for index in (match.start() for match in LOST_BYTE_RE.finditer(text)):
            following = text[index + 1:index + 2]
            if not following or following == "\ufffd":
                byte = UNKNOWN_NEXT
            else:
                byte = (following.encode("latin-1") if ord(following) < 0x100 else following.encode("utf-8"))[0]
            total -= math.log(len(rejected[byte]) or len(ANY_CONTINUATION))
        return total

    def _latin_runs(self, text: str, kinds: list[str], min_legacy_run: int) -> str:
        """Runs of Latin-1/cp1252 characters: UTF-8 read as Latin-1 (ftfy) or GB/Big5 read as
        Latin-1; the reading the model likes best wins."""
        out, pos = [], 0
        # In text with no Chinese at all, letters inside a Latin word are the language's, not
        # GB or Big5 pairs (büyümeyi: üyüm is FC 79 FC 6D, GBK's 鼀黰).
        european = not CJK_RUN_RE.search(text)
        for match in LEGACY_RUN_RE.finditer(text):
            if len(match.group()) < 2 or not LATIN1_MOJIBAKE_SIGN_RE.search(match.group()):
                continue  # quotes and dashes alone: Chinese punctuation, not mojibake
            if set(match.group()) == {"×"}:
                continue  # masked figures (0531-8866××××), not GB pairs (鬃鬃); ¡¡ is GBK's 　 (A1 A1)
            best = None
            for start, end in _trimmed(match):
                span = text[start:end]
                ftfy_readings = _ftfy_readings(span)
                candidates = [(reading, ("latin1_mojibake",)) for reading in ftfy_readings]
                # GB/Big5 read as Latin-1 may lie under a layer of UTF-8 read so (saved, read again).
                # (a reading of quotes and dashes alone is typography, as the run's test above says)
                layers = [(span, ()), *(
                    (reading, ("latin1_mojibake",)) for reading in ftfy_readings
                    if reading != span and LATIN1_MOJIBAKE_SIGN_RE.search(reading)
                )]
                in_word = european and _between_letters(text, start, end)
                for wrong, right, kind in LEGACY_AS_LATIN:
                    if right != "utf-8" and (end - start < min_legacy_run or in_word):
                        continue
                    for layer, layer_kinds in layers if right != "utf-8" else layers[:1]:
                        try:
                            candidates.append((layer.encode(wrong).decode(right), (*layer_kinds, kind)))
                        except (UnicodeEncodeError, UnicodeDecodeError):
                            continue
                before = text[max(0, match.start() - CONTEXT):start]
                after = text[end:match.end() + CONTEXT]
                damaged = self._model.word_logp(before + span + after)
                for fixed, fixed_kinds in candidates:
                    if end - start < MIN_LEGACY_RUN and UNLIKELY_SHORT_READING_RE.search(fixed):
                        continue  # 'Ëµ' as UTF-8 is '˵': a GB pair (说) far more often
                    gain = self._model.word_logp(before + fixed + after) - damaged
                    if fixed != span and (best is None or gain > best[0]):
                        best = (gain, start, end, fixed, fixed_kinds, before, after)
            if best and best[2] >= pos:
                _, start, end, fixed, fixed_kinds, before, after = best
                if clearly_better(self._model, before + fixed + after, before + text[start:end] + after):
                    out.append(text[pos:start])
                    out.append(fixed)
                    pos = end
                    kinds += [kind for kind in fixed_kinds if kind not in kinds]
        out.append(text[pos:])
        return "".join(out)

    def _utf8_as(
        self, text: str, kinds: list[str], codecs: tuple, mark_re: re.Pattern, certain: bool = False,
        dropped_shown: bool = False,
    ) -> str:
        """Runs showing ``mark_re`` re-read as UTF-8 from their bytes under one of ``codecs``
        ((wrong codec, repair name), the first that reads a run wins), lost bytes chosen back.
        ``certain``: every such run is known damage; its best reading is taken, however short.
        ``dropped_shown``: the text's repairs show bytes silently dropped (DROPPED_BYTE); a run
        alone between ASCII characters holding one need read only better (DROPPED_MIN_GAIN)."""
        lost = sum(map(text.count, LOST_MARKS))
        width = max(MIN_BEAM, min(BEAM, BEAM * LOST_BYTES_AT_FULL_BEAM // max(lost, 1)))
        # The document's n-grams as its damaged runs read without their lost bytes: where the
        # damage is most of the text, its names and terms show only so (循环箱 repeated).
        document = self._model.document_ngrams(_utf8_reading(text, codecs[0][0], mark_re, errors="replace"))
        @functools.cache
        def line_ends(wrong: str) -> LineEnds:  # built when a lost byte ends a line, if ever
            return self._running.line_ends(_line_end_characters(text, wrong, mark_re))

        @functools.cache
        def simplified() -> bool:  # asked when a lost byte is chosen back, if ever
            return self._model.writes_simplified(_utf8_reading(text[:SCRIPT_SAMPLE_CHARS], codecs[0][0], mark_re))

        # Where marks are, found in one scan: a run holds one when a mark starts inside it
        # (marks are non-ASCII, so none straddles a run's edge).
        marks, next_mark = [match.start() for match in mark_re.finditer(text)], 0
        out, pos = [], 0
        for match in NON_ASCII_RUN_RE.finditer(text):
            while next_mark < len(marks) and marks[next_mark] < match.start():
                next_mark += 1
            if next_mark == len(marks):
                break
            if marks[next_mark] >= match.end():
                continue
            for wrong, kind in codecs:
                if len(codecs) > 1 and not _own_mark_re(wrong).search(text, match.start(), match.end()):
                    continue  # another reader's mark (妗, GBK's E6 A1): not this one's damage
                left = ("".join(out[-2:]) + text[pos:match.start()])[-CONTEXT:]
                fixes = self._utf8_spans(
                    text, match.start(), match.end(), wrong, left, document, line_ends, simplified, width, certain,
                    dropped_shown,
                )
                if not fixes:
                    continue
                for begin, end, fixed in fixes:
                    if begin >= pos:
                        out.append(text[pos:begin])
                        out.append(fixed)
                        pos = end
                if kind not in kinds:
                    kinds.append(kind)
                break
        out.append(text[pos:])
        return "".join(out)

    def _utf8_spans(
        self, text: str, run_start: int, run_end: int, wrong: str, left: str, document,
        line_ends: Callable[[str], LineEnds], simplified: Callable[[], bool], width: int, certain: bool,
        dropped_shown: bool,
    ) -> list[tuple[int, int, str]]:
        """Sub-spans of text[run_start:run_end] whose ``wrong`` bytes are UTF-8, re-read with
        ``width`` prefixes kept per lost byte; ``left`` is the (already repaired) text before the
        run; ``simplified``: whether the text, read right, is in simplified script."""
        data, offsets = _wrong_bytes(text, run_start, run_end, wrong)
        fixes = []
        tell = FOREIGN_TELLS.get(wrong)
        foreign = tell is not None and tell.search(text, run_start, run_end) is not None
        for match in (CERTAIN_UTF8_SEQUENCES_RE if certain else UTF8_SEQUENCES_RE).finditer(data):
            # One re-read character alone is weak evidence unless the run shows lost bytes, or
            # its reader's tell (荳ｪ for 个: half-width katakana), which Chinese text never has.
            if not certain and match.end() - match.start() < (3 if foreign or b"\x00" in match.group() else 6):
                continue
            short = match.end() - match.start() < 6
            starts = [o for o in range(match.start(), match.start() + 8) if o in offsets][:3]
            end = match.end()
            while end not in offsets and 0xC2 <= data[end] < 0xE0 and end + 1 < len(data) and data[end + 1] in CONTINUING:
                end += 2  # the last pair swallowed a two-byte lead (a no-break space's): take it whole
            while end not in offsets:  # the last pair swallowed the next byte: an ASCII char
                end += 1
            end_index = offsets[end]
            if end_index == run_end and end > match.end() and run_end < len(text):
                end_index += 1
            # The last sequence may have taken bytes of clean text after the damage: a lost lead's
            # continuations (重 is 8F 64 in cp932, 走 91 96, after ， read as U+FFFD ｼ U+FFFD), a
            # clean character and the silent loss marked after it (鍚好 of 持续向好: 向 lost its
            # 91 before 好). Where the run does not read so, it may end before a character of the
            # sequence's last bytes, with the bytes it then lacks lost where the text drops bytes.
            drops = DROPPED_BYTE in text[run_start:run_end]
            ends = [(end_index, 0), *(
                (offsets[cut], _bytes_missing(data[match.start():cut]) if drops else 0)
                for cut in range(match.end() - 1, max(match.start(), match.end() - (4 if drops else 3)), -1)
                if cut in offsets
            )]
            best = None
            for end_index, missing in ends:
                line_end = (lambda ch: line_ends(wrong).lift(ch)) if LINE_BREAK_AHEAD_RE.match(text, end_index) else None
                for start in starts:
                    begin = offsets[start]
                    indent = _line_indent(text, begin)
                    edges = RunEdges(
                        _first_byte(text, end_index, wrong),
                        line_end,
                        None if indent is None else functools.partial(self._running.line_head_lift, indent_before=indent),
                    )
                    before = _repaired_before(text, run_start, begin, left, fixes)
                    # Line breaks and spaces (PDF text) would hide the neighbours from the model.
                    context = (
                        WHITESPACE_RE.sub("", before)[-CONTEXT:],
                        self._reread_ahead(WHITESPACE_RE.sub("", text[end_index:end_index + 4 * CONTEXT]), wrong)[:CONTEXT],
                    )
                    before_in_run = text[max(run_start, begin - MISREAD_BEFORE):begin]
                    if short and not certain and self._misread_before(before_in_run, fixes):
                        continue  # the end of a misaligned GB run (游椤� is 游项 as UTF-8): misalignment's
                    if missing and len(_without_silent_marks(text[begin:end_index])) < MIN_SILENT_LOSS_SEQUENCES:
                        continue  # a guessed loss on a guessed one: a character or two are no evidence (全鏈 as 全會)
                    run = text[begin:end_index] + DROPPED_BYTE * missing
                    fixed = self._reread(run, wrong, context, document, simplified, width, edges)
                    if fixed is not None and short and not certain and self._model.uncommon_re.search(fixed):
                        continue  # a character or two re-read into a rare one: more likely other damage
                    # Chinese text read so holds no À or ؠ: where a run ends so, it took clean text in
                    # (持续向好 as 持续吺À). (Anywhere in it, one wrong byte left a long run unread.)
                    if fixed is not None and _codec(wrong) not in LATIN_READERS and (
                        (ending := _other_script_letters(fixed[-2:])) and not ending <= _document_letters(text)
                    ):
                        continue
                    # Nor Hangul anywhere, unless the text has it: a lost byte chosen back into a
                    # syllable (生肖邮票一小뒣 of Big5 read as GBK, its U+FFFD read as cp949's).
                    if fixed is not None and HANGUL_RE.search(fixed) and not HANGUL_RE.search(text):
                        continue
                    damaged = _without_silent_marks(text[begin:end_index])  # marks are a guess, not text
                    # Alone between ASCII characters (12涓 before a line break), not amid clean
                    # text whose rare characters look so too (纾 of 纾困).
                    alone_dropped = (
                        dropped_shown and (begin, end_index) == (run_start, run_end)
                        and DROPPED_BYTE in text[begin:end_index]
                    )
                    # Judged with the characters around: a re-read character makes a word with them (营业部), or not.
                    if fixed is not None and (
                        certain
                        or clearly_better(self._model, fixed.join(context), damaged.join(context))
                        or alone_dropped and self._model.word_logp(fixed.join(context))
                        > self._model.word_logp(damaged.join(context)) + DROPPED_MIN_GAIN
                    ):
                        gain = self._model.word_logp(fixed) - self._model.word_logp(damaged)
                        if best is None or gain > best[0]:
                            best = (gain, begin, end_index, fixed)
                        if start == starts[0]:
                            break  # the whole sequence re-read well: a later start only drops some of it
                if best:
                    break  # the longer run read well: the shorter one only drops its last character
            if best:
                fixes.append(best[1:])
        return fixes

    def _reread_ahead(self, text: str, wrong: str) -> str:
        """The text after a run, re-read as UTF-8 when its start is more of the same damage
        (a damaged span crossing a line break): the model should see the real neighbours. Clean
        text after the run stays: its GB bytes may read as UTF-8 too (织志愿 as ֯־Ը)."""
        try:
            data = _encoded(text, wrong)
        except UnicodeEncodeError:
            return text
        reread = data.decode("utf-8", errors="replace").partition("\ufffd")[0]
        if len(reread) < 2 or self._model.score(reread[:CONTEXT]) <= self._model.score(text[:CONTEXT]):
            return text
        return reread

    def _misread_before(self, before: str, fixes: list[tuple[int, int, str]]) -> bool:
        """Whether ``before``, the run's characters before a short re-read, read as nonsense
        that no earlier re-read in the run explained (fixes: (begin, end, fixed) so far)."""
        if len(before) < MISREAD_BEFORE or fixes:
            return False
        return self._model.score(before) < MISREAD_SCORE

    def _shortlist(
        self, beams: list[bytes], lost: int, rest: bytes, wrong: str, following: int | None,
        context: tuple[str, str], document, size: int, edges: "RunEdges", simplified: bool, middle: bytes = b"",
    ) -> list[tuple[float, bytes]]:
        """The ``size`` best (score, beam + fill) by the running-text model on the filled
        character and its neighbours, the document n-grams among the five characters and, for
        the character ending or starting a line, the line-edge lifts (``edges``: for the
        character ending the run when ``ends_line`` is set).
        Only bytes the ``wrong`` reader rejects before the byte that follows them
        (``following``: None when unknown) are tried; ``lost`` bytes in a row (one to three).
        A pair of lost bytes after a three-byte lead completes one character of that lead's
        4096: only the likelier ones and the dictionary followers of the left neighbour are tried.
        ``middle``: a lost lead's known continuation before a second lost byte, the character's
        last (the fill is then lead, ``middle`` and last byte).
        The models read a traditional character as its simplified form (國 as 国): in
        ``simplified`` text, only characters t2s leaves alone are tried."""
        scored = []
        for beam in beams[:PAIR_BEAMS] if lost > 1 else beams:
            lead = _last_lead(beam)  # the filled character starts at the last lead byte
            partial, needed = b"", -1
            if lead >= 0 and beam[lead] >= 0xC0:
                partial = beam[lead:]
                needed = utf8_length(partial[0]) - len(partial) - lost
            lost_lead = needed < 0 and not _bytes_missing(beam) and (middle or rest[:1] in CONTINUATION_BYTES or lost == 3)
            if lost_lead:
                # The beam ends on a whole character and continuation bytes follow: the lost
                # byte was a lead (cp932 loses EF, the lead of full-width punctuation), or the
                # two were a lead and its first continuation (cp949 loses E3 before 80, then 80).
                lead, partial = len(beam), b""
                needed = 0 if middle else next((n for n in range(4) if rest[n:n + 1] not in CONTINUATION_BYTES), 3)
            elif needed < 0:
                continue  # a continuation byte cannot start a character
            tail = rest[needed:]
            # Two characters each side; spaces and line breaks (PDF text) would hide them.
            right = WHITESPACE_RE.sub("", tail[:12].decode("utf-8", errors="ignore"))
            right = (right + context[1] if len(tail) < 12 else right)[:2]
            left = WHITESPACE_RE.sub("", beam[max(0, lead - 12):lead].decode("utf-8", errors="ignore"))
            left = (context[0] + left if lead <= 12 else left)[-2:]
            before, after = left[-1:], right[:1]
            next_byte = UNKNOWN_NEXT if following is None else following
            if middle:
                fills = self._split_fills(middle, wrong, next_byte)
            elif lost_lead:
                fills = self._lead_fills(rest[:needed], wrong, next_byte, lost)
            elif lost == 1:
                possible = self._rejected_before[wrong][next_byte]
                fills = self._byte_fills(partial, rest[:needed], before, after, possible, simplified)
            else:
                fills = self._pair_fills(partial, rest[:needed], wrong, following)
                if len(partial) == 1 and 0xE0 <= partial[0] < 0xF0 and len(fills) > LIKELY_PAIR_FILLS:
                    fills = self._likely_pairs(partial[0], before, fills, simplified)
            if simplified:
                fills = [item for item in fills if self._model.is_simplified_form(item[1])] or fills
            seen = self._model.document_bonus
            # A character the document never has adds no seen n-gram: only the neighbours' count.
            in_document = document.characters()
            neighbours_seen = self._model.pair_bonus(left, document) + self._model.pair_bonus(right, document)
            stub = _lost_byte_stub(tail) if not right else None
            chars = [ch for _, ch in fills]
            if stub is None:
                around = self._running.insertion_logps(left, chars, right)
            else:
                transition = self._running.transition_logp
                around = [transition(left, ch) + self._transition_ahead(ch, stub) for ch in chars]
            if edges.ends_line is not None and not tail.strip():
                around = [logp + edges.ends_line(ch) for logp, ch in zip(around, chars)]
            if edges.starts_line is not None:
                indent = beam[:lead].decode("utf-8", errors="ignore")
                if not indent.strip(LINE_INDENT):
                    around = [logp + edges.starts_line(ch, indent) for logp, ch in zip(around, chars)]
            scored += [
                (
                    logp + (seen(left + ch + right, document) if ch in in_document or ch.isspace() else neighbours_seen),
                    beam + fill,
                )
                for logp, (fill, ch) in zip(around, fills)
            ]
        return sorted(scored, key=itemgetter(0), reverse=True)[:size]  # a dozen items: sorting beats a heap

    def _transition_ahead_uncached(self, ch: str, stub: bytes) -> float:
        """Log-probability that ``ch`` is followed by any of the likelier characters ``stub``
        (the next character's bytes but its lost last one) may complete: every character of PDF
        text spaced out and read whole with a lossy reader has lost its last byte."""
        readings = [reading for _, reading in self._byte_fills(stub, b"", "", "", ANY_CONTINUATION)[:LIKELY_BYTE_FILLS]]
        if not readings:
            return self._running.transition_logp(ch, "")
        return _logsumexp([self._running.transition_logp(ch, reading) for reading in readings])

    def _byte_fills(
        self, partial: bytes, completion: bytes, before: str, after: str, possible: frozenset, simplified: bool = False
    ) -> list[tuple[bytes, str]]:
        """(fill, character) for one lost byte among the ``possible`` values: the
        likeliest characters, and those making a dictionary bigram with a neighbour; in
        ``simplified`` text, characters t2s leaves alone (traditional ones took the likeliest
        places of 讯: 變, 讓, 讀 share its first two bytes)."""
        key = (partial, completion, possible, simplified)
        fills = self._fills_by_unigram.get(key)
        if fills is None:
            fills = _valid_fills(partial, CONTINUATION_BYTES, completion)
            fills.sort(key=lambda item: self._model.char_logp(item[1]), reverse=True)
            # A U+FFFD from another source (bytes already lost) fits no rule: any byte then.
            fills = [item for item in fills if item[0][0] in possible] or fills
            if simplified:
                fills = [item for item in fills if self._model.is_simplified_form(item[1])] or fills
            self._fills_by_unigram[key] = fills
        followers, precursors = self._model.followers(before), self._model.precursors(after)
        return fills[:LIKELY_BYTE_FILLS] + [
            item for item in fills[LIKELY_BYTE_FILLS:] if item[1] in followers or item[1] in precursors
        ]

    def _pair_fills(
        self, partial: bytes, completion: bytes, wrong: str, following: int | None
    ) -> list[tuple[bytes, str]]:
        """(fill, character) for two lost bytes in a row: the first rejected before the second,
        the second before ``following`` (None: not known); any pair when none fits."""
        key = (partial, completion, wrong, following)
        fills = self._fills_by_pair.get(key)
        if fills is None:
            rejected = self._rejected_before[wrong]
            seconds = rejected[UNKNOWN_NEXT if following is None else following]
            pairs = [bytes((first, second)) for second in seconds for first in rejected[second]]
            fills = _valid_fills(partial, pairs, completion) or _valid_fills(partial, CONTINUATION_PAIRS, completion)
            self._fills_by_pair[key] = fills
        return fills

    def _lead_fills(self, completion: bytes, wrong: str, next_byte: int, lost: int) -> list[tuple[bytes, str]]:
        """(fill, character) for a character's first ``lost`` bytes, each rejected by the
        ``wrong`` reader before the byte after it (the last before ``next_byte``): the
        likelier characters."""
        key = (completion, wrong, next_byte, lost)
        fills = self._fills_by_lead.get(key)
        if fills is None:
            def firsts(count: int, following: int) -> list[bytes]:
                if count == 1:
                    return [bytes((lead,)) for lead in self._rejected_leads_before[wrong][following]]
                rejected = self._rejected_before[wrong][following]
                return [head + bytes((last,)) for last in rejected for head in firsts(count - 1, last)]

            fills = _valid_fills(b"", firsts(lost, next_byte), completion)
            fills.sort(key=lambda item: self._model.char_logp(item[1]), reverse=True)
            fills = self._fills_by_lead[key] = fills[:LIKELY_PAIR_FILLS]
        return fills

    def _split_fills(self, middle: bytes, wrong: str, next_byte: int) -> list[tuple[bytes, str]]:
        """(fill, character) for a character whose lead and last byte were lost around
        ``middle``: the lead rejected before it, the last byte before ``next_byte``."""
        key = (middle, wrong, next_byte)
        fills = self._fills_by_split.get(key)
        if fills is None:
            leads = self._rejected_leads_before[wrong][middle[0]]
            lasts = self._rejected_before[wrong][next_byte]
            fills = _valid_fills(b"", [bytes((lead,)) + middle + bytes((last,)) for lead in leads for last in lasts], b"")
            fills.sort(key=lambda item: self._model.char_logp(item[1]), reverse=True)
            fills = self._fills_by_split[key] = fills[:LIKELY_PAIR_FILLS]
        return fills

    def _likely_pairs(
        self, lead: int, neighbour: str, fills: list[tuple[bytes, str]], simplified: bool
    ) -> list[tuple[bytes, str]]:
        """Of ``fills`` for two lost bytes after a three-byte lead, the likelier characters (in
        ``simplified`` text, of those t2s leaves alone) and the dictionary followers of the left
        neighbour."""
        possible = dict(fills)
        followers = self._model.followers(neighbour) if neighbour else []
        return [item for item in self._likely_pair_fills[lead, simplified] if item[0] in possible] + [
            (fill, ch) for ch in followers
            if len(data := ch.encode("utf-8")) == 3 and data[0] == lead and (fill := data[1:]) in possible
        ]

    def _beam_score(self, text: str, document) -> float:
        return self._running.logp(text) + self._model.document_bonus(text, document)

    def _reread(
        self, run: str, wrong: str, context: tuple[str, str], document, simplified: Callable[[], bool],
        width: int = BEAM, edges: "RunEdges | None" = None,
    ) -> str | None:
        """The run's bytes under ``wrong`` decoded as UTF-8; U+FFFD become the best byte (in
        ``simplified`` text, a character t2s leaves alone)."""
        edges = edges or RunEdges()
        pieces = []
        table = _read_from(wrong)
        for ch in run:
            if ch in LOST_MARKS:
                pieces.append(None)
                continue
            try:
                pieces.append(table.get(ch) or _encoded(ch, wrong))  # the table: no call per character
            except UnicodeEncodeError:
                return None
        def known_from(start: int) -> tuple[int | None, list[bytes]]:
            """The byte after lost ones ending before ``start`` and the known bytes up to the
            next lost one (past it, they would join the wrong bytes)."""
            following = (pieces[start][0] if pieces[start] else None) if start < len(pieces) else edges.next_byte
            return following, list(
                itertools.takewhile(lambda p: p is not None, itertools.islice(pieces, start, start + WINDOW_BYTES))
            )

        # Beam search over the lost bytes: the character model keeps the likeliest few
        # prefixes, the word model picks among the finished ones.
        beams = [b""]
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            index += 1
            if piece is not None:
                beams = [beam + piece for beam in beams]
                continue
            # Two lost bytes in a row are chosen together: one alone leaves the character
            # incomplete, which the model cannot score. Unless one byte completes it: the
            # second then starts the next character (cp932 loses a last byte, then EF). Three
            # after a whole character are one character lost whole (cp949 loses E9 80 A0).
            lost = 1
            if index < len(pieces) and pieces[index] is None and _bytes_missing(beams[0]) != 1:
                whole = not _bytes_missing(beams[0]) and index + 1 < len(pieces) and pieces[index + 1] is None
                lost = 3 if whole else 2
            index += lost - 1
            following, known = known_from(index)
            rest, middle = b"".join(known), b""
            if (
                lost == 1 and known and not _bytes_missing(beams[0]) and index + len(known) < len(pieces)
                and all(byte in ANY_CONTINUATION for byte in rest)
                and not self._lead_fills(rest, wrong, UNKNOWN_NEXT if following is None else following, 1)
            ):
                # A lead lost, its continuation shown, its last byte lost too (cp932 rejects
                # EF before BC, then 8C before an ASCII byte: ， before a figure): one character.
                middle = rest
                index += len(known) + 1
                following, known = known_from(index)
                rest = b"".join(known)
            # The text after the run neighbours these bytes only when no lost byte parts them.
            last = index + len(known) == len(pieces)
            around = context if last else (context[0], "")
            at_edges = edges if last else dataclasses.replace(edges, ends_line=None)
            # The running-text model on the filled character and its neighbours shortlists;
            # the document-aware score on a wider window and the words around the byte rank
            # the shortlist.
            size = width * (4 if lost > 1 else 3) + RERANKED_EXTRA
            shortlist = self._shortlist(
                beams, lost, rest, wrong, following, around, document, size, at_edges, simplified(), middle
            )
            if len(beams) == 1:
                # One prefix: candidates differ only in the filled character, whose transitions
                # and document n-grams the shortlist scored; the wider window adds nothing.
                def rank(item):
                    return item[0] + self._model.word_logp(_local_window(item[1], rest, around, NEAR_BYTES))
            else:
                def rank(item):
                    window = _local_window(item[1], rest, around)
                    near = _local_window(item[1], rest, around, NEAR_BYTES)
                    edges_logp = at_edges.logp(item[1] + rest)
                    return self._beam_score(window, document) + self._model.word_logp(near) + edges_logp
            leaders = shortlist[:2]  # the shortlist is sorted
            if width == 1 and len(leaders) == 2 and leaders[0][0] - leaders[1][0] >= CLEAR_LEAD:
                beams = [leaders[0][1]]
            else:
                # The best ``width``; where they all end alike (their last WINDOW_BYTES), differing
                # only further back, also the best of as many other endings: such prefixes score
                # alike from here on, and their ties had filled the beam (six readings of a choice
                # twelve characters back left no room for 循 before a second lost byte).
                ranked = [candidate for _, candidate in sorted(shortlist, key=rank, reverse=True)]
                beams = ranked[:width]
                tails = {candidate[-WINDOW_BYTES:] for candidate in beams}
                for candidate in ranked[width:] if len(tails) == 1 else ():
                    if len(tails) == width:
                        break
                    if candidate[-WINDOW_BYTES:] not in tails:
                        tails.add(candidate[-WINDOW_BYTES:])
                        beams.append(candidate)
            if not beams:
                return None  # no byte completes a character here: not UTF-8
        data = beams[0]
        if len(beams) > 1:
            # The running text's transitions weigh too (at half: the word model scored the words
            # already), or the word model alone takes 全遠 (a word, 全远) over 全靠.
            def final_score(candidate: bytes) -> float:
                text = _in_context(candidate, context)
                score = WEIGHT_BESIDE_WORDS * self._running.logp(text) + self._model.word_logp(text, document)
                return score + edges.logp(candidate)

            data = max(beams, key=final_score)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None


def _line_end_characters(text: str, wrong: str, mark_re: re.Pattern) -> collections.Counter:
    """The last characters of the text's lines that no lost byte touched: as they stand, or,
    where the line ends in damage, the character its last bytes under ``wrong`` complete."""
    ends: collections.Counter = collections.Counter()
    for match in LINE_END_RE.finditer(text):
        tail = match.group(1)
        if not mark_re.search(tail):
            ends[tail[-1]] += 1
            continue
        if tail[-1] in LOST_MARKS:
            continue
        try:
            data = _encoded(tail, wrong)
        except UnicodeEncodeError:
            continue
        lead = _last_lead(data)
        if lead >= 0 and utf8_length(data[lead]) == len(data) - lead:
            ends[data[lead:].decode("utf-8")] += 1
    return ends


# Hangul, which no GB or Big5 pair reads as (their kana, Greek and Cyrillic rows do show in mojibake)
HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


def _other_script_letters(text: str) -> frozenset[str]:
    """The letters of ``text`` from Latin-1's to the end of the alphabetic scripts (À, ǎ, Ж, ؠ)."""
    return frozenset(ch for ch in text if "\u00c0" <= ch < "\u2000" and ch.isalpha())


@functools.lru_cache(maxsize=4)
def _document_letters(text: str) -> frozenset[str]:
    """_other_script_letters of a whole document, once per document (asked only when a reading ends in one)."""
    return _other_script_letters(text)


def _repaired_before(text: str, run_start: int, begin: int, left: str, fixes: list[tuple[int, int, str]]) -> str:
    """The text before ``begin`` in a run as repaired so far (``left``: before the run): a
    lost byte after an earlier span of the run is chosen beside that span's reading (电讯,
    not 华社�뵷 and 计), not its mojibake."""
    before, pos = left, run_start
    for fix_begin, fix_end, fixed in fixes:
        if fix_end > begin:
            break
        before, pos = before + text[pos:fix_begin] + fixed, fix_end
    return (before + text[pos:begin])[-4 * CONTEXT:]


def _first_byte(text: str, index: int, wrong: str) -> int | None:
    """The byte the ``wrong`` reader saw after a damaged run ending before text[index]; None
    when not known. In text whose lost bytes were written '?' (a "latin-1:" reader) every
    character is what the reader saw: Latin-1 its byte, beyond it UTF-8 that came through
    whole. Elsewhere only an ASCII character is sure to be what followed: other text may be
    undamaged text next to the damage."""
    if index >= len(text):
        return None
    ch = text[index]
    if ch.isascii():
        return ord(ch)
    if wrong.startswith("latin-1") and ch not in LOST_MARKS:
        return ch.encode("latin-1" if ord(ch) < 0x100 else "utf-8")[0]
    return None


@dataclass(frozen=True)
class RunEdges:
    """What the text around a re-read run tells of its edges."""

    next_byte: int | None = None  # the byte the wrong reader saw after the run (None: not known)
    ends_line: Callable[[str], float] | None = None  # line-end lift, when a line break follows the run
    # line-head lift of (character, the run's indentation before it), when the run starts its line's text
    starts_line: Callable[[str, str], float] | None = None

    def logp(self, data: bytes) -> float:
        """The line-edge lifts of the characters the run's bytes ``data`` (so far) end and start with."""
        logp = 0.0
        if self.ends_line is not None:
            last = data.rstrip(b" \t\r")[-4:].decode("utf-8", errors="ignore")[-1:]
            logp += self.ends_line(last) if last else 0.0
        if self.starts_line is not None:
            head = data[:64].decode("utf-8", errors="ignore")
            body = head.lstrip(LINE_INDENT)
            logp += self.starts_line(body[:1], head[:len(head) - len(body)])
        return logp


def _line_indent(text: str, index: int) -> str | None:
    """The indentation between the line's start (a line break or a tag) and text[index]; None
    when text stands there."""
    before = text[max(text.rfind("\n", 0, index), text.rfind(">", 0, index)) + 1:index]
    return None if before.strip(LINE_INDENT) else before


def _lost_byte_stub(tail: bytes) -> bytes | None:
    """The bytes of the character after a lost byte, when that character lost its last byte
    too (``tail`` stops at the next lost byte); None otherwise."""
    stub = tail.lstrip(b" \t\r\n")
    if not stub or len(stub) != utf8_length(stub[0]) - 1:
        return None
    return stub


def utf8_length(lead: int) -> int:
    """Bytes of the UTF-8 sequence ``lead`` starts; 0 when it starts none."""
    return 2 if 0xC2 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF5 else 0


def _codec(wrong: str) -> str:
    """The codec of a wrong-reading key ("latin-1:gbk": bytes shown as Latin-1, lost by gbk)."""
    return wrong.partition(":")[0]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(value - top) for value in values))


@functools.cache
def _own_mark_re(wrong: str) -> re.Pattern:
    """_utf8_mark_re of one reader."""
    return _utf8_mark_re(((wrong, ""),))


def _utf8_mark_re(codecs: tuple, leads: range = range(0xE2, 0xEA), lost_leads: bool = False) -> re.Pattern:
    """What a UTF-8 lead (by default one for CJK text, E2-E9: punctuation, CJK symbols,
    ideographs) and a continuation byte read as under one of ``codecs``: every re-read
    character shows one (a single-byte codec's lead before a lost byte: U+FFFD). With
    ``lost_leads`` (readers that reject many leads, as cp949 E5 before 9E): U+FFFD and what
    two continuation bytes read as, the rest of a character whose lead was lost, and three
    U+FFFD, a character lost whole."""
    marks = {"\ufffd" * 3} if lost_leads else set()
    for wrong, _ in codecs:
        if lost_leads:
            for first, second in itertools.product(range(0x80, 0xC0), repeat=2):
                if decodes(bytes((first, second)), _codec(wrong)):
                    marks.add("\ufffd" + bytes((first, second)).decode(_codec(wrong)))
        for lead in leads:
            if decodes(bytes((lead,)), _codec(wrong)):
                marks.add(bytes((lead,)).decode(_codec(wrong)) + "\ufffd")
            for trail in range(0x80, 0xC0):
                try:
                    marks.add(bytes((lead, trail)).decode(_codec(wrong)))
                except UnicodeDecodeError:
                    continue
    return re.compile("|".join(map(re.escape, sorted(marks))))


def _lossy_latin_reader(text: str) -> tuple[str, str]:
    """Of LOSSY_LATIN_CODECS, the (reader, repair) that writes every letter and sign of the text
    before the CJK blocks, or the most of them (cp1252 on a tie)."""
    letters = collections.Counter(BEFORE_CJK_RE.findall(text))

    def unwritten(codec: tuple[str, str]) -> int:
        return sum(count for ch, count in letters.items() if not _writes(codec[0], ch))

    return min(LOSSY_LATIN_CODECS, key=unwritten)


@functools.cache
def _writes(codec: str, ch: str) -> bool:
    return encodes(ch, codec)


def shows_latin1_mojibake(text: str) -> bool:
    """Whether ``text`` holds a run of Latin-1 mojibake (UTF-8, GB or Big5 bytes read as Latin-1/cp1252)."""
    return any(LATIN1_MOJIBAKE_SIGN_RE.search(run.group()) for run in LATIN_RUN_RE.finditer(text))


def _peel_layers_above_lossy_ones(text: str, kinds: list[str]) -> str:
    """``text`` with each Latin-1 run's layers of mojibake that ftfy undoes exactly peeled off,
    where a layer ftfy undoes lossily lies under them (UTF-8 read by a lossy cp1252 reader,
    saved, read so again: U+FFFD shows as LOSSY_LAYER_TELL). ftfy would drop each character
    whose bytes that layer lost; the lossy re-read chooses them back."""
    out, pos = [], 0
    for match in LATIN_RUN_RE.finditer(text):
        if LOSSY_LAYER_TELL not in match.group():
            continue
        _, steps = ftfy.fix_encoding_and_explain(match.group())
        lossy = next((i for i, step in enumerate(steps) if step == FTFY_LOSSY_STEP), None)
        if lossy is None:
            continue
        layer_start = max((i for i, (action, _) in enumerate(steps[:lossy]) if action == "encode"), default=0)
        if layer_start:
            out += [text[pos:match.start()], ftfy.apply_plan(match.group(), steps[:layer_start])]
            pos = match.end()
    if out and "latin1_mojibake" not in kinds:
        kinds.append("latin1_mojibake")
    return "".join(out) + text[pos:]


def _ftfy_readings(span: str) -> list[str]:
    """ftfy's reading of ``span``, and, where that took the fix for UTF-8 inside clean text, its
    reading without it (FTFY_ONE_LAYER): the same otherwise, so one ftfy call most often."""
    fixed, steps = ftfy.fix_encoding_and_explain(span)
    if FTFY_INCONSISTENT_UTF8_STEP not in steps:
        return [fixed]
    return list(dict.fromkeys((fixed, ftfy.fix_encoding(span, config=FTFY_ONE_LAYER))))


def clearly_better(model: TextModel, candidate: str, original: str, min_gain: float = MIN_GAIN) -> bool:
    """Whether the changed part of ``candidate`` (with a little context) reads clearly better:
    by ``min_gain`` nats, and MIN_GAIN_PER_CHAR per character."""
    head = 0
    limit = min(len(candidate), len(original))
    while head < limit and candidate[head] == original[head]:
        head += 1
    tail = 0
    while tail < limit - head and candidate[-1 - tail] == original[-1 - tail]:
        tail += 1
    head, tail = max(0, head - CONTEXT), max(0, tail - CONTEXT)
    new, old = candidate[head:len(candidate) - tail], original[head:len(original) - tail]
    gain = model.word_logp(new) - model.word_logp(old)
    return gain > min_gain and gain > MIN_GAIN_PER_CHAR * min(len(new), len(old))


def _too_lossy(text: str) -> bool:
    """Whether too many bytes were lost to choose them back: U+FFFD are 10-15% of the non-ASCII
    characters of UTF-8 read whole by the lossy gbk reader, about 70% when read as Big5."""
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text.count("\ufffd") > MAX_LOST_SHARE * non_ascii


def misread_utf8(line: str) -> bool:
    """Whether the line is UTF-8 that a GB, Big5 or (where its tell shows) foreign reader read."""
    return any(reads_as_utf8(line, wrong) for wrong, _ in WRONG_CJK_CODECS) or any(
        tell.search(line) and reads_as_utf8(line, wrong) for wrong, tell in FOREIGN_TELLS.items()
    )


def reads_as_utf8(line: str, wrong: str) -> bool:
    """Whether most of the line's non-ASCII bytes under ``wrong`` make UTF-8 CJK sequences:
    UTF-8 read with ``wrong`` (at least 0.74 on seed lines); GB or Big5 text, even read with
    the other's codec, rarely reaches 0.5."""
    data, _ = _wrong_bytes(line, 0, len(line), wrong)
    non_ascii = len(data) - len(data.translate(None, NON_ASCII_BYTES))
    covered = sum(match.end() - match.start() for match in UTF8_SEQUENCES_RE.finditer(data))
    return covered >= UTF8_LINE_SHARE * non_ascii > 0


@functools.cache
def _read_from(wrong: str) -> dict[str, bytes]:
    """Character -> the bytes the ``wrong`` reader read it from, filled as characters come (a
    few thousand): encoding run after run one character at a time was a fifth of the repair."""
    return dict(READ_AS_BYTES.get(wrong, WHOLE_REPLACEMENT_BYTES))


def _encoded(text: str, wrong: str) -> bytes:
    """The bytes the ``wrong`` reader read ``text`` from (see READ_AS_BYTES); raises
    UnicodeEncodeError for a character it cannot have read."""
    table = _read_from(wrong)
    pieces = []
    for ch in text:
        data = table.get(ch)
        if data is None:
            data = table[ch] = ch.encode(_codec(wrong))
        pieces.append(data)
    return b"".join(pieces)


def _likelier_reader(text: str, wrong: str) -> str:
    """``wrong``, or its Windows reader when the text's bytes under that are likelier UTF-8:
    fewer invalid sequences in its runs that hold a character the two read differently; or
    GB18030's own reader, when the text shows characters only it reads."""
    windows = WINDOWS_READERS.get(wrong)
    if windows is None or not any(ch in text for ch in READ_AS_BYTES[windows]):
        return GB18030_ITSELF if wrong == "gb18030" and GB18030_USER_DEFINED_RE.search(text) else wrong
    errors = dict.fromkeys((wrong, windows), 0)
    for match in NON_ASCII_RUN_RE.finditer(text):
        run = match.group()
        if any(ch in run for ch in READ_AS_BYTES[windows]):
            for reader in errors:
                try:
                    errors[reader] += _encoded(run, reader).decode("utf-8", errors="replace").count("\ufffd")
                except UnicodeEncodeError:
                    continue
    return windows if errors[windows] < errors[wrong] else wrong


def _latin_mojibake_size(text: str) -> int:
    """Characters in runs of Latin-1 mojibake: not the text's own quotes and dashes (“ ” —),
    which Chinese text has between its characters."""
    return sum(len(run.group()) for run in LATIN_RUN_RE.finditer(text) if LATIN1_LETTER_RE.search(run.group()))


def _without_silent_marks(text: str) -> str:
    """The text as it was before _mark_silent_losses: a dropped byte left nothing."""
    return text.replace(DROPPED_BYTE, "").replace(QUESTION_MARKED_BYTE, "?")


def _utf8_reading(text: str, wrong: str, mark_re: re.Pattern, errors: str = "ignore") -> str:
    """``text`` with each run showing ``mark_re`` read as UTF-8 from its bytes under ``wrong``,
    a character with a lost byte dropped (its script shows before any byte is chosen back), or
    with ``errors="replace"`` U+FFFD (it parts the n-grams about it)."""
    pieces, pos = [], 0
    for match in NON_ASCII_RUN_RE.finditer(text):
        if mark_re.search(match.group()):
            data, _ = _wrong_bytes(text, match.start(), match.end(), wrong)
            pieces += [text[pos:match.start()], data.decode("utf-8", errors=errors)]
            pos = match.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def _wrong_bytes(text: str, start: int, end: int, wrong: str) -> tuple[bytes, dict[int, int]]:
    """text[start:end] encoded with ``wrong``, a U+FFFD as \\x00 (one lost byte) and a character
    ``wrong`` cannot encode as \\x01 (no part of a UTF-8 sequence); and byte offset -> text index."""
    data = bytearray()
    offsets = {}
    table = _read_from(wrong)
    for index in range(start, end):
        offsets[len(data)] = index
        ch = text[index]
        if ch in LOST_MARKS:
            data.append(0)
            continue
        try:
            data += table.get(ch) or _encoded(ch, wrong)  # the table: no call per character
        except UnicodeEncodeError:
            data.append(1)
    offsets[len(data)] = end
    return bytes(data), offsets


def _silent_losses(
    text: str, begin: int, wrong: str, rejected: list, likeliest: Callable | None = None
) -> tuple[dict[int, str], int, int]:
    """From text[begin:], its bytes under a ``wrong`` reader as UTF-8 losing bytes where
    nothing marks them: (text index -> mark, UTF-8 characters, where the stretch ends).

    A '?' standing in for a missing continuation byte becomes QUESTION_MARKED_BYTE; where one
    or two are missing, DROPPED_BYTE goes before the character the reader went on with (a
    wrong CJK reader loses a byte only where a pair starts): of the characters starting in
    the broken sequence, the one whose first byte the reader rejects most lost bytes before;
    with ``likeliest`` (a one-byte reader, any of whose bytes may be lost) the one whose
    likeliest completed character is likeliest.
    A two-byte sequence (Latin letters, signs, a no-break space) is believed broken only
    before ASCII: in Chinese text its lead is far more often a GB character's trail byte.
    Where the bytes cannot be UTF-8 even so, the reader's character holding the first byte
    that fails was never UTF-8: the stretch ends before it, lacking what its last sequence
    still needed there. A one-byte reader's stretch that runs into an ideograph (which it
    cannot have produced) lacks the bytes it dropped from its last sequence."""
    marks: dict[int, str] = {}
    needed = sequences = 0
    lead_at = begin  # the character holding the current sequence's lead byte
    wide = False  # whether that lead starts three or four bytes
    first_bytes: dict[int, int] = {}  # character -> its first byte
    state_at: dict[int, tuple[int, int]] = {}  # character -> (bytes needed, sequences) before it
    for index in range(begin, len(text) + 1):
        state_at[index] = (needed, sequences)
        if index == len(text):
            data = b""
        elif text[index] in LOST_MARKS:
            data = b"\x00"
        else:
            try:
                data = _encoded(text[index], wrong)
            except UnicodeEncodeError:
                data = b"\x01"
        first_bytes[index] = data[0] if data else UNKNOWN_NEXT
        for byte in data or (None,):
            if byte == 1 and not (needed and likeliest is not None and CJK_TEXT_RE.match(text, index)):
                # A character this reader cannot have produced: its damage ends before.
                end = lead_at if needed else index
                return {key: mark for key, mark in marks.items() if key < end}, sequences - bool(needed), end
            if needed:
                if byte is not None and (0x80 <= byte < 0xC0 or byte == 0):
                    needed -= 1
                    continue
                if byte == ord("?"):
                    marks[index] = QUESTION_MARKED_BYTE
                    needed -= 1
                    continue
                # The characters starting after the lead byte, up to the one that breaks it.
                candidates = [
                    candidate for candidate in range(lead_at + 1, index + 1)
                    if wide or first_bytes[candidate] < 0x80 or first_bytes[candidate] == UNKNOWN_NEXT
                ]
                if not candidates:
                    return _stretch_end(marks, state_at, lead_at)
                if likeliest is not None and needed == 1:
                    sequence = _encoded(text[lead_at:index], wrong)  # one byte a character
                    best = max(candidates, key=lambda candidate: likeliest(
                        sequence[:candidate - lead_at], sequence[candidate - lead_at:], rejected[UNKNOWN_NEXT]))
                else:
                    best = max(candidates, key=lambda candidate: len(rejected[first_bytes[candidate]]))
                marks[best] = DROPPED_BYTE * needed
                needed = 0
                if byte == 1:  # a one-byte reader dropped what the sequence lacks (话 E8 AF 9D as è¯)
                    return marks, sequences, index
            if byte is None:
                break
            if byte >= 0x80:
                needed = utf8_length(byte) - 1
                if needed < 0:  # no UTF-8 character starts so
                    return _stretch_end(marks, state_at, index)
                lead_at, wide = index, byte >= 0xE0
                sequences += 1
    return marks, sequences, len(text)


def _stretch_end(marks: dict[int, str], state_at: dict[int, tuple[int, int]], end: int):
    """(marks, sequences, end) of a stretch whose character ``end`` cannot be UTF-8."""
    needed, sequences = state_at[end]
    kept = {index: mark for index, mark in marks.items() if index < end}
    if needed:
        kept[end] = DROPPED_BYTE * needed
    return kept, sequences, end


def decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _last_lead(data: bytes) -> int:
    """Where the last character of ``data`` starts (-1: at no byte of it)."""
    lead = len(data) - 1
    while lead >= max(0, len(data) - 3) and 0x80 <= data[lead] < 0xC0:
        lead -= 1
    return lead


def _bytes_missing(data: bytes) -> int:
    """Bytes the last character of ``data`` still lacks (0: it ends on a whole character)."""
    lead = _last_lead(data)
    if lead < 0 or data[lead] < 0xC0:
        return 0
    return max(0, utf8_length(data[lead]) - (len(data) - lead))


def _valid_fills(partial: bytes, fills: list[bytes], completion: bytes) -> list[tuple[bytes, str]]:
    """(fill, character) for each fill that makes ``partial + fill + completion`` one assigned
    character (UTF-8 encodes code points no text holds: U+A2863, of an unassigned plane)."""
    valid = []
    for fill in fills:
        try:
            ch = (partial + fill + completion).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and unicodedata.category(ch) not in NO_TEXT_CATEGORIES:
            valid.append((fill, ch))
    return valid


def _local_window(candidate: bytes, rest: bytes, context: tuple[str, str], width: int = WINDOW_BYTES) -> str:
    """The text around the newest lost byte: ``width`` bytes each side, starting on a character.

    Beams differ only near their newest choices, so scoring the whole run for every candidate
    (quadratic in the run's length) ranks them no better than this window does.
    """
    start = max(0, len(candidate) - width)
    while start < len(candidate) and 0x80 <= candidate[start] < 0xC0:
        start += 1
    left = context[0] if start == 0 else ""
    right = context[1] if len(rest) <= width else ""
    return _in_context(candidate[start:] + rest[:width], (left, right))


def _in_context(data: bytes, context: tuple[str, str]) -> str:
    return WHITESPACE_RE.sub("", context[0] + data.decode("utf-8", errors="replace") + context[1])


def _between_letters(text: str, start: int, end: int) -> bool:
    """Whether ASCII letters stand right before and right after text[start:end]."""
    return (
        start > 0 and end < len(text)
        and text[start - 1].isascii() and text[start - 1].isalpha() and text[end].isascii() and text[end].isalpha()
    )


def _trimmed(match: re.Match) -> list[tuple[int, int]]:
    """The run, and the run without cp1252-only marks at its edges (real quotes/dashes
    next to the damage)."""
    start, end = match.span()
    text = match.string
    spans = [(start, end)]
    inner_start, inner_end = start, end
    while inner_start < end and text[inner_start] in CP1252_ONLY:
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in CP1252_ONLY:
        inner_end -= 1
    for span in ((inner_start, end), (start, inner_end), (inner_start, inner_end)):
        if span[1] - span[0] >= 2 and span not in spans:
            spans.append(span)
    return spans
