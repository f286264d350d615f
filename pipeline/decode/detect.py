"""Encoding detection: gather candidate encodings, decode with each, keep the one whose
text the model scores best.

Naming convention for ``encoding`` (lower-case Python codec names):
- ``utf-8``, ``utf-8-sig`` (BOM), ``utf-16-le``/``utf-16-be``, ``utf-32-le``/``utf-32-be``;
- ``ascii`` when every byte is 7-bit (``hz``, ``utf-7``, ``iso2022_cn`` or ``iso2022_jp_2``
  when its escapes decode to Chinese text that scores better);
- the GB family is reported as ``gbk`` when the bytes are valid GBK (GB2312 is a subset, so
  GB2312 files are reported ``gbk``) and ``gb18030`` only when GB18030-only sequences occur;
- the Big5 family as ``big5``, then ``cp950`` or ``big5hkscs`` only when their extensions occur;
- anything else under the name chardet proposes (``shift_jis``, ``euc-kr``, ``cp1252``...).
"""

import codecs
import collections
import dataclasses
import functools
import heapq
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import chardet
import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

from pipeline.decode import iso2022cn  # noqa: F401  (registers iso2022_cn)
from pipeline.decode.mojibake import decodes, utf8_length
from pipeline.decode.realign import UNIT_BYTE_ORDER, Realigner
from pipeline.decode.rules import LOST_CHARACTER
from pipeline.decode.runningtext import RunningTextModel
from pipeline.decode.textmodel import CJK, CJK_RUN_RE, TextModel, is_private_use

BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
WIDE_UNICODE = frozenset({"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"})
# Tried in order; the first that decodes strictly names the family.
FAMILIES = {
    "gbk": ("gbk", "gb18030"),
    "big5": ("big5", "cp950", "big5hkscs"),
}
SPAN_CODECS = {"gbk": "gb18030", "big5": "big5hkscs"}  # the widest of each family, for spans
FAMILY_OF = {"gb2312": "gbk", "gbk": "gbk", "gb18030": "gbk", "big5": "big5", "cp950": "big5", "big5hkscs": "big5"}
# Where a file names its own charset: an HTML meta tag, or an XML declaration (XHTML, feeds).
DECLARATION_RES = (
    re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I),
    re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']\s*([A-Za-z0-9_.:-]{2,40})""", re.I),
)
# 7-bit encodings of Chinese and the byte string every such text shows: HZ-GB-2312 (GB2312 in
# escapes), UTF-7 (UTF-16 in base64, as some mail systems sent it), ISO-2022-CN (GB2312 after
# shift-outs, RFC 1922's mail code), ISO-2022-JP-2 (its ESC $ A designates GB2312 too); how
# each is read (ISO-2022-CN's CNS 11643 characters, which no codec here reads, as U+FFFD); and
# the fewest Chinese characters it must decode to. English has many a '+' (UTF-7 reads
# 'a+tag@' as a Hangul syllable, '+AGE-' as 'a'), hardly ever '~{' or an escape: a short
# title in HZ (~{R*NE~}, 要闻) is one.
SEVEN_BIT_CODECS = (
    ("hz", b"~{", "strict", 1),
    ("utf-7", b"+", "strict", 4),
    ("iso2022_cn", b"\x1b$)", "replace", 1),
    ("iso2022_jp_2", b"\x1b$", "strict", 1),
)
NON_ASCII_RE = re.compile("[^\x00-\x7f]")
ASCII_ALNUM_RE = re.compile("[0-9A-Za-z]")
FOREIGN_SCRIPT_RE = re.compile("[\u3040-\u30ff\u0400-\u04ff]")  # kana, Cyrillic
CHINESE_CHAR_RE = re.compile(  # with the Latin-1, general and shape punctuation Chinese text uses (·, —, □)
    "[\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2160-\u217f\u2460-\u24ff\u25a0-\u25ff"
    "\u3000-\u303f\u30fb\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]"  # (・: GB2312's · as Python's gb2312 reads it)
)
HALF_BOMS = ((b"\xff", "utf-16-be"), (b"\xfe", "utf-16-le"))  # what a BOM leaves that lost its first byte
MAX_CUT_CHARACTER_BYTES = 4  # a character cut short at a file's end: half a UTF-16 surrogate pair at most
CUT_CHARACTER_MARGIN = 2.0  # nats by which the likeliest completion of a UTF-8 character the end cut must lead
SAMPLE_CHARS = 1500  # enough text to tell encodings apart; keeps scoring cheap on big files
DECLARED_BONUS = 0.3  # per-character log-prob credit for an encoding the file declares
MIN_SCORE = -11.0  # below this mean log-prob per character the text is not language
# A text's ideographs, after the repairs, read as Chinese: in 553 files (the bench corpus's,
# the test pages, the seeds and the rounds' inputs) their mean log-prob never fell below -6.8.
# A code the pipeline lacks read as GB or Big5 gives valid but random ideographs: EUC-TW read
# as GB18030 scored -10.1 to -11.2 (35 pages); a list of rare names -9.3.
MIN_IDEOGRAPH_SCORE = -9.5
MIN_IDEOGRAPHS_JUDGED = 50  # fewer are too few to judge by
# Printable runs a 7-bit gateway left of GB2312 text; '?' parts them (a converter's stand-ins for
# characters it could not write are '?', among figures: 7?22?, read as pairs they read too well).
STRIPPED_PAIRS_RE = re.compile(r"[\x21-\x3e\x40-\x7e]{6,}")
MAX_REPLACED_SHARE = 0.08
MAX_CONTROL_SHARE = 0.02
MIN_BINARY_CONTROLS = 3  # a stray control character or two is no binary, in a short text either
CHARDET_BELOW = -8.0  # ask chardet only when no Chinese candidate reads well
# A UTF-8 character that lost a byte (a damaged file) is chosen back between this many
# characters each side; the choice must beat the span's GB/Big5 reading by this many nats: a
# one-character GB span in UTF-8 has some completion that reads about as well (gbk_decoded_as_utf8
# and big5_decoded_as_utf8, 100 trials each: up to 1.5 nats better; lost bytes: 0.4 to 13).
LOST_BYTE_CONTEXT = 3
LOST_BYTE_MARGIN = 2.0
MAX_LOST_BYTE_SPAN = 9  # a character and what follows it up to where UTF-8 resumes
ONE_BYTE_COMPLETIONS_KEPT = 4096
MAX_MIXED_SPANS = 200  # bounds the span-by-span work on a badly broken file
MAX_FOREIGN_SHARE = 0.4  # more undecodable characters than this: not UTF-8 at all
# What a text or its mojibake is made of: ASCII and whitespace, Latin-1 and cp1252's letters
# and marks (C1 controls too: UTF-8's continuation bytes as Latin-1 reads them), the GB and
# Big5 repertoires (Greek, Cyrillic, symbols, box drawing, kana, bopomofo, enclosed forms,
# ideographs, user-defined areas as private use, full-width forms) and U+FFFD (bytes a lossy
# reader lost).
TEXT_CHARACTER_RE = re.compile(
    "[\t\n\r\x20-\x7e\x80-\x9f\u00a0-\u017f\u0192\u02c6\u02c7\u02c9-\u02cb\u02d9\u02dc\u0370-\u04ff"
    "\u2000-\u27bf\u3000-\u33ff\u4e00-\u9fff\ue000-\uf8ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ufffd]"
)
MIN_TEXT_CHARACTERS_SHARE = 0.95
MIN_FOREIGN_BYTES = 4  # two GB characters at the very end, where truncation is likelier
# A file whose characters are this share UTF-8 (the rest GB/Big5) is read as mixed; pure GB or
# Big5 bytes form runs of three-byte UTF-8 for under 0.2% of their characters (seeds measured).
MIN_UTF8_RUN_SHARE = 0.1
MIXED_PENALTY = 0.05  # a single-encoding reading wins a tie with UTF-8 + GB spans
MIN_SINGLE_BYTE_LETTERS = 20  # letters of a single-byte code in a text before it may be a legacy file read so
# Below this share of a text's first characters, such letters are a Latin text's (English with
# mojibake quotes, â€™): a CJK text read by a single-byte code is letters nearly throughout.
MIN_LETTER_SHARE = 0.3
# Single-byte codes a legacy file may have been read with and saved again, Latin-1's first:
# Windows' (through ftfy's sloppy codecs, which keep the bytes a code leaves undefined as C1
# controls, as Windows does), DOS's, ISO's and Mac's, for Western, Central European, Baltic,
# Vietnamese, Turkish, Cyrillic, Greek, Hebrew, Arabic and Thai text.
SINGLE_BYTE_CODES = {
    "latin-1": "latin1", "sloppy-windows-1252": "latin1", "sloppy-windows-1250": "cp1250",
    "sloppy-windows-1257": "cp1257", "sloppy-windows-1258": "cp1258", "sloppy-windows-1254": "cp1254",
    "iso8859_2": "iso8859_2", "iso8859_15": "iso8859_15", "cp437": "cp437", "cp850": "cp850", "mac_roman": "mac_roman",
    "sloppy-windows-1251": "cp1251", "koi8_r": "koi8_r", "cp866": "cp866", "iso8859_5": "iso8859_5",
    "mac_cyrillic": "mac_cyrillic", "sloppy-windows-1253": "cp1253", "iso8859_7": "iso8859_7",
    "sloppy-windows-1255": "cp1255", "sloppy-windows-1256": "cp1256", "sloppy-cp874": "cp874", "tis_620": "tis_620",
}
LATIN1_CODES = {name: reader for name, reader in SINGLE_BYTE_CODES.items() if reader == "latin1"}
UTF8_BROKEN_PER_BYTE = 6  # bytes per broken sequence below which bytes are mostly UTF-8
# What such a reader shows for bytes 0x80-0xFF: letters and signs of those scripts, box drawing.
SINGLE_BYTE_LETTER_RE = re.compile("[\u00a1-\u0e7f\u2500-\u25ff]")
REREAD_GAIN = 2.0  # per-character log-prob the re-read text must gain
CHARDET_WARM_UP = "Déjà vu, café crème".encode("latin-1")


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding."""


@dataclass(frozen=True)
class Detection:
    text: str
    encoding: str
    replaced: int = 0  # undecodable byte sequences turned into U+FFFD
    # What byte runs found inside a UTF-8 stream were: "gbk" or "big5" (one family per file),
    # and "cp1252" for lone bytes between UTF-8 characters (Word's “quotes” pasted in).
    foreign: tuple[str, ...] = ()
    declared: str | None = None  # the charset an HTTP or MIME header or the HTML meta declares, if any
    question_marked: int = 0  # UTF-8 bytes lost to '?', shown as in _question_marks_for_lost_bytes
    realigned: int = 0  # bytes skipped to realign UTF-16 that lost or gained some (see realign.py)
    lost_bytes_restored: int = 0  # UTF-8 characters that had lost a byte or had one changed, completed (see _completed)
    utf8_spans: int = 0  # UTF-8 punctuation read as such inside GB bytes (see _gb_with_utf8_punctuation)
    cut_pair_completed: bool = False  # a GB or Big5 character the file's end cut short, completed

    @property
    def declaration_overruled(self) -> bool:
        """The file declares a charset of another family than the one its bytes are in."""
        if not self.declared or self.encoding == "ascii":
            return False
        return _family_of(self.declared) != _family_of(self.encoding)


# Labels browsers accept (the WHATWG Encoding Standard) that Python's codecs do not know.
WEB_LABELS = {
    **dict.fromkeys(("x-gbk", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "x-euc-cn", "windows-936"), "gbk"),
    **dict.fromkeys(("x-x-big5", "cn-big5", "csbig5"), "big5"),
    **dict.fromkeys(("unicode", "unicodefeff", "csunicode", "ucs-2", "iso-10646-ucs-2"), "utf-16-le"),
    "unicodefffe": "utf-16-be",
}


def codec_name(label: str) -> str | None:
    """Lower-case canonical codec name for an encoding label, or None if unknown."""
    label = label.strip().lower()
    label = WEB_LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return {"gb2312": "gbk", "cp936": "gbk", "utf_8": "utf-8", "latin_1": "latin-1", "iso8859-1": "latin-1"}.get(
        name, name.replace("_", "-")
    )


def declared_charset(raw: bytes) -> str | None:
    head = raw[:4096]
    for declaration_re in DECLARATION_RES:
        match = declaration_re.search(head)
        if match:
            return codec_name(match.group(1).decode("ascii"))
    return None


BLANK_TEXT_RE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060\x00\x1a]*")


def raise_if_blank(text: str) -> None:
    if BLANK_TEXT_RE.fullmatch(text):
        raise DecodeError("no text: only whitespace and invisible characters")


# A text whose letters no language writes together: most of its letters outside Han, spread
# over this many scripts (a GBK file read as UTF-8 with its invalid bytes dropped keeps the pairs
# UTF-8 allows: Cyrillic, Armenian, Arabic, Greek, Hebrew letters mixed).
MIN_SOUP_SCRIPTS = 4
MIN_SOUP_LETTERS = 20
SOUP_SAMPLE_CHARS = 2000
NOT_CJK_RE = re.compile(f"[^{CJK}]+")


def raise_if_letter_soup(text: str) -> None:
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii < MIN_SOUP_LETTERS or len(NOT_CJK_RE.sub("", text)) * 2 >= non_ascii:
        return  # (the common case, decided by two passes in C)
    scripts = collections.Counter(  # (of the text's start: a long one's scripts show there)
        unicodedata.name(char, "").split(" ", 1)[0] for char in text[:SOUP_SAMPLE_CHARS] if char > "\x7f" and char.isalpha()
    )
    han = scripts.pop("CJK", 0)
    if len(scripts) >= MIN_SOUP_SCRIPTS and sum(scripts.values()) >= MIN_SOUP_LETTERS and han * 2 < sum(scripts.values()):
        raise DecodeError(
            f"no readable text: letters of {len(scripts)} scripts mixed ({', '.join(sorted(scripts))}),"
            " as a legacy code read as UTF-8 with its invalid bytes dropped leaves them"
        )


class Detector:
    def __init__(self, model: TextModel, running: RunningTextModel) -> None:
        self._model = model
        self._running = running
        self._realigner = Realigner(model, running)
        # What ends a paragraph, by the corpus's paragraph ends: a cut file's last paragraph ends
        # where it was cut.
        self._paragraph_end_lift = running.line_ends(collections.Counter()).lift
        # chardet loads its models on its first call (0.15 s): once per worker, here.
        chardet.detect(CHARDET_WARM_UP)

    def detect(self, raw: bytes, declared: str | None = None) -> Detection:
        """``declared``: a charset the container gives (an HTTP or MIME header); else the HTML's own."""
        if not raw.strip(b" \t\r\n\x00"):
            raise DecodeError("empty input")
        declared = declared or declared_charset(raw)
        for bom, encoding in BOMS:
            if raw.startswith(bom):
                if encoding == "utf-8-sig" and not _nul_heavy(raw):
                    # Valid UTF-8 needs no scoring, as in the UTF-8 fast path below (which an
                    # implausible text with this BOM would reach anyway, keeping the BOM).
                    try:
                        return Detection(raw[len(bom):].decode("utf-8"), encoding, declared=declared)
                    except UnicodeDecodeError:
                        mixed = self._utf8_mixed(raw[len(bom):])
                        if mixed and (mixed.foreign or mixed.lost_bytes_restored) and self._plausible(mixed.text):
                            return dataclasses.replace(mixed, encoding=encoding, declared=declared)
                if encoding in UNIT_BYTE_ORDER:
                    realigned = self._realigned(raw[len(bom):], encoding)
                    if realigned and self._plausible(realigned.text):
                        return dataclasses.replace(realigned, declared=declared)
                text = raw[len(bom):].decode(encoding.replace("-sig", ""), errors="replace")
                raise_if_blank(text)  # else scored: "not text"
                # Mojibake saved as UTF-16 (鍒樼埍, ÖÐÎÄ) scores as no language, but its
                # characters are those of text, which bytes of another code read as UTF-16
                # (Hangul, Yi, rare ideographs and symbols mixed) are not: the repairs read it.
                if self._plausible(text) or _text_characters_share(text) >= MIN_TEXT_CHARACTERS_SHARE:
                    completed = self._cut_unit_completed(raw[len(bom):], encoding, text)
                    if completed is not None:
                        return Detection(completed, encoding, completed.count("\ufffd"), declared=declared, cut_pair_completed=True)
                    return Detection(text, encoding, text.count("\ufffd"), declared=declared)
                # A BOM an editor put before legacy bytes: not content (read as GBK, a UTF-8
                # BOM's odd byte count would misalign the first line).
                raw = raw[len(bom):]
                break
        for half, encoding in HALF_BOMS:
            # A UTF-16 file that lost its first byte (FE FF less FE): the BOM's other half, then its text.
            if raw.startswith(half) and len(raw) % 2 and decodes(raw[1:], encoding):
                text = raw[1:].decode(encoding)
                if self._plausible(text):
                    return Detection(text, encoding, realigned=1, declared=declared)
        if raw.isascii() and not _nul_heavy(raw):
            text, encoding = raw.decode("ascii"), "ascii"
            # Readings of the same bytes compared whole, not per character: an escaped
            # character is two to eight ASCII characters, each likelier than an ideograph.
            best = None
            for seven_bit, marker, errors, fewest in SEVEN_BIT_CODECS:
                if marker in raw:
                    try:
                        candidate = raw.decode(seven_bit, errors)
                    except UnicodeDecodeError:
                        continue
                    if not _all_chinese(candidate, fewest):
                        continue  # 'a+tag@example.com' is UTF-7 for a Hangul syllable
                    if best is None:
                        best = self._model.logp(text)
                    score = self._model.logp(candidate)
                    if score > best:
                        text, encoding, best = candidate, seven_bit, score
            self._check(text, encoding)
            if encoding == "ascii" and self._stripped_of_eighth_bit(text):
                raise DecodeError(
                    "GB2312 text that lost every byte's eighth bit (a 7-bit mail gateway): its pairs read as"
                    " Chinese with the bit set again, but its figures and Latin letters cannot be told from them"
                )
            return Detection(text, encoding, text.count("\ufffd"), declared=declared)
        if not _nul_heavy(raw):
            try:
                text = raw.decode("utf-8")  # fast path: valid UTF-8 needs no scoring, only this check
                # UTF-16 once read as UTF-8: NULs among U+FFFD (C1 controls here are Latin-1 mojibake)
                _check_controls(text, "utf-8", C0_CONTROL_RE)
                return Detection(text, "utf-8", declared=declared)
            except UnicodeDecodeError:
                pass
            marked = _question_marked_utf8(raw)
            if marked:
                return Detection(marked, "utf-8", question_marked=marked.count("\ufffd"), declared=declared)
        best, score = self._best_candidate(raw, declared)
        if not (best.encoding in WIDE_UNICODE and _text_characters_share(best.text) >= MIN_TEXT_CHARACTERS_SHARE):
            self._check(best.text, best.encoding, score)  # (mojibake saved as UTF-16: see the BOMs)
        if FAMILY_OF.get(best.encoding) in ("gbk", "big5"):
            best = self._cut_pair_completed(raw, best)
        return dataclasses.replace(best, declared=declared)

    def reread_single_byte(self, text: str) -> tuple[Detection, str] | None:
        """A text with no ideograph but many letters of a single-byte code, as a legacy file
        read with one (SINGLE_BYTE_CODES) and saved again: the original bytes detected again,
        when that reads clearly better, under the reader that reads it best (ISO-8859-2 text
        encodes in cp1250 too, with other bytes for some letters); and the reader's name. Runs
        of such damage inside Chinese text are mojibake.py's."""
        sample = text[:SAMPLE_CHARS]
        letters = len(SINGLE_BYTE_LETTER_RE.findall(sample))
        if CJK_RUN_RE.search(text) or letters < MIN_SINGLE_BYTE_LETTERS:
            return None
        readers = SINGLE_BYTE_CODES if letters >= MIN_LETTER_SHARE * len(sample) else LATIN1_CODES
        before = self._model.score(sample)
        # A byte a lossy reader lacked (U+FFFD) goes back as '?', as a converter writes it:
        # the misalignment repair reads GB and Big5 text so. (UTF-8's, mojibake.py chooses back.)
        marked = text.replace("\ufffd", "?")
        best, tried = None, set()
        for single_byte, reader in readers.items():
            try:
                data = marked.encode(single_byte)
                # Bytes another code gave already, or Latin text's own UTF-8 (café read as cafÃ©),
                # need no detection (chardet's, for text that reads as no Chinese, is dear).
                if data in tried or marked != text and _mostly_utf8(data) or _utf8_without_cjk(data):
                    continue
                tried.add(data)
                again = self.detect(data)
            except (UnicodeEncodeError, DecodeError):
                continue
            if again.encoding == "utf-8" and (again.replaced or again.foreign):
                if reader == "latin1":
                    return None  # UTF-8 a lossy reader broke: mojibake.py chooses its lost bytes back
                continue
            score = self._model.score(sample_of(again.text))
            if CJK_RUN_RE.search(again.text) and score > before + REREAD_GAIN and (best is None or score > best[0]):
                best = (score, again, reader)
        return best and best[1:]

    def _best_candidate(self, raw: bytes, declared: str | None) -> tuple[Detection, float]:
        """The best-scoring decoding and its model score (without declaration credit)."""
        candidates = []
        if _nul_heavy(raw):
            candidates += [_plain(raw, e) for e in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")]
            candidates += [self._realigned(raw, e) for e in UNIT_BYTE_ORDER]
        else:
            # U+FFFD as GB18030 writes it: a GB18030 file whose damage (a span of UTF-8 a lossy
            # GBK reader broke) reads as UTF-8 in places, not UTF-8 with GB spans.
            if not (GB18030_REPLACEMENT in raw and decodes(raw, "gb18030")):
                candidates.append(self._utf8_mixed(raw))
            candidates += [_family(raw, family) for family in FAMILIES]
            # UTF-16 without BOM has no NUL when it is all ideographs: a candidate when it
            # decodes (GB and Big5 bytes rarely do: their lead bytes make lone surrogates).
            candidates += [_strict_units(raw, e) for e in ("utf-16-le", "utf-16-be")]
            candidates += [self._realigned(raw, e) for e in UNIT_BYTE_ORDER if self._realigner.reads_as_units(raw, e)]
        candidates = [c for c in candidates if c]
        if declared and FAMILY_OF.get(declared, declared) not in {c.encoding for c in candidates} | set(FAMILIES):
            candidates.append(_plain(raw, declared))
        scored = [self._resynchronised(raw, (*self._score(c, declared), c), declared) for c in candidates]
        if max(s[0] for s in scored) < CHARDET_BELOW:
            guess = chardet.detect(raw[:65536]).get("encoding")
            # A list, not a set: on a tie (latin-1 and cp1252 read most files alike) the
            # first wins, chardet's guess, whatever the process's string hash seed.
            extra = [codec_name(guess)] if guess else []
            if "cp1252" not in extra and "cp1252" not in {c.encoding for c in candidates}:
                extra.append("cp1252")
            scored += [(*self._score(c, declared), c) for c in (_plain(raw, e) for e in extra if e) if c]
        top = max(s[0] for s in scored)
        tied = [s for s in scored if s[0] == top]
        # Ties (single-byte codes the model reads alike): the reading whose words keep to one script.
        _, score, best = min(tied, key=lambda s: _script_breaks(sample_of(s[2].text))) if len(tied) > 1 else tied[0]
        return best, score

    def _resynchronised(
        self, raw: bytes, scored: tuple[float, float, Detection], declared: str | None
    ) -> tuple[float, float, Detection]:
        """A damaged GB text as GBK reads it where GB18030's reading is no language (``scored``:
        the choice's score, the plain one, the candidate): a lost byte early in a long line
        leaves GB18030 misaligned to the line's end (its private-use pairs accept every
        misaligned pair), where GBK rejects a pair, drops a byte and falls back in step, leaving
        misalignment.py a short run to re-read. (Where GB18030's reads as language, its run
        shown whole is misalignment.py's better evidence: see _family.)"""
        _, plain, candidate = scored
        if not candidate.replaced or candidate.encoding not in FAMILIES["gbk"] or plain >= MIN_SCORE:
            return scored
        text = raw.decode("gbk", errors="replace")
        resynchronised = Detection(text, "gbk", text.count("\ufffd"))
        rescored = (*self._score(resynchronised, declared), resynchronised)
        return rescored if rescored[1] > plain else scored

    def _score(self, candidate: Detection, declared: str | None) -> tuple[float, float]:
        """(score for the choice, plain model score)."""
        plain = score = self._model.score(sample_of(candidate.text))
        if candidate.foreign:
            score -= MIXED_PENALTY  # and a declared utf-8 does not vouch for the GB spans
        elif declared and FAMILY_OF.get(declared, declared) == FAMILY_OF.get(candidate.encoding, candidate.encoding):
            score += DECLARED_BONUS
        return score, plain

    def _utf8_mixed(self, raw: bytes) -> Detection | None:
        """UTF-8 where invalid stretches are decoded as GB18030 or Big5 when that reads better."""
        as_utf8 = raw.decode("utf-8", errors="replace")
        non_ascii = len(as_utf8) - len(as_utf8.encode("ascii", errors="ignore"))
        lost = as_utf8.count("\ufffd")
        if lost > MAX_FOREIGN_SHARE * non_ascii and _utf8_run_share(as_utf8, lost) < MIN_UTF8_RUN_SHARE:
            return None  # not UTF-8 with some foreign spans
        pieces, spans, pos = [], 0, 0  # pieces: decoded UTF-8 text, or (start, end) of an invalid stretch
        while True:
            if spans == MAX_MIXED_SPANS:
                pieces.append(raw[pos:].decode("utf-8", errors="replace"))
                break
            try:
                pieces.append(raw[pos:].decode("utf-8"))
                break
            except UnicodeDecodeError as error:
                start = pos + error.start
                # GB pairs like D6A7 are also well-formed two-byte UTF-8 (U+0080-U+07FF, not
                # Chinese): the UTF-8 decoder accepted them before it failed.
                while start - 2 >= pos and 0xC2 <= raw[start - 2] <= 0xDF and 0x80 <= raw[start - 1] <= 0xBF:
                    start -= 2
                end = _double_byte_run_end(raw, start)
                pieces += [raw[pos:start].decode("utf-8", errors="replace"), (start, end)]
                spans += 1
                pos = end
        # One legacy family per file: a lone pair reads as a word in either, the file's spans together do not.
        logp = self._model.word_logp
        readings = {}  # family -> [(reading, its log-prob)] per span
        spans_found = [p for p in pieces if isinstance(p, tuple) and not _lone_byte(raw, p)]
        for family in FAMILIES:
            texts = [raw[start:end].decode(SPAN_CODECS[family], errors="replace") for start, end in spans_found]
            readings[family] = [(text, logp(text)) for text in texts]
        family = max(FAMILIES, key=lambda f: sum(score for _, score in readings[f]))
        spans_read = iter(readings[family])
        # Asked only of a file with a span one byte may complete (most spans are GB text).
        simplified = functools.cache(
            lambda: self._model.writes_simplified("".join(p for p in pieces if isinstance(p, str)))
        )
        out, foreign, restored = [], [], 0
        for index, piece in enumerate(pieces):
            if isinstance(piece, str):
                out.append(piece)
                continue
            start, end = piece
            if _lone_byte(raw, piece):
                single = raw[start:end].decode("cp1252", errors="replace")
                out.append(single)
                if single != "\ufffd" and "cp1252" not in foreign:
                    foreign.append("cp1252")
                continue
            (as_cjk, cjk_logp), as_utf8 = next(spans_read), raw[start:end].decode("utf-8", errors="replace")
            # A truncated UTF-8 character at the end looks like one GB pair: not evidence.
            truncated = end == len(raw) and end - start < MIN_FOREIGN_BYTES
            following = pieces[index + 1] if index + 1 < len(pieces) else ""
            # A '?' beside the span is the lost byte as a lossy converter wrote it: that damage
            # is mojibake.py's (UTF-8 read as GBK and saved back), which takes the '?' for it.
            marked = b"?" in raw[max(0, start - 1):start] + raw[end:end + 1]
            left = "".join(out[-LOST_BYTE_CONTEXT:])[-LOST_BYTE_CONTEXT:]
            if truncated:
                completion = self._completed_at_end(raw[start:end], left)
            else:
                completion = None if marked else self._completed(
                    raw[start:end], left, following[:LOST_BYTE_CONTEXT] if isinstance(following, str) else "",
                    as_cjk, simplified,
                )
            if completion:
                out.append(completion)
                restored += 1
            elif not truncated and cjk_logp > logp(as_utf8):
                out.append(as_cjk)
                if family not in foreign:
                    foreign.insert(0, family)
            else:
                out.append(as_utf8)
        text = "".join(out)
        if family in foreign:
            text = self._two_byte_pairs(text, SPAN_CODECS[family])
        return Detection(text, "utf-8", text.count("\ufffd"), foreign=tuple(foreign), lost_bytes_restored=restored)

    def _completed(
        self, span: bytes, left: str, right: str, as_legacy: str, simplified: Callable[[], bool]
    ) -> str | None:
        """``span`` as UTF-8 that lost one byte or had one changed (a file damaged in transfer),
        its likeliest completion between ``left`` and ``right``, when that reads better than the span as
        GB/Big5. The models read traditional characters as simplified ones (喫 as 吃): in
        simplified text, completions t2s would change are not candidates."""
        completions = _one_byte_completions(span)
        if completions and simplified():
            completions = [c for c in completions if self._model.is_simplified_form(c)]
        if not completions:
            return None
        logp = self._running.with_words_logp
        best_logp, best = max(((logp(left + c + right), c) for c in completions), key=lambda item: item[0])
        return best if best_logp > logp(left + as_legacy + right) + LOST_BYTE_MARGIN else None

    def _completed_at_end(self, span: bytes, left: str) -> str | None:
        """A UTF-8 character the file's end cut one byte short (。 as E3 80), completed where one
        of the 64 characters it may be reads clearly likeliest after ``left`` and ending its
        paragraph (a text ends in a sentence's end); None (U+FFFD) otherwise."""
        if not span or utf8_length(span[0]) != len(span) + 1:
            return None
        completions = []
        for byte in range(0x80, 0xC0):
            completed = span + bytes((byte,))
            if decodes(completed, "utf-8") and not is_private_use(ch := completed.decode("utf-8")):
                completions.append(ch)
        return self._likeliest_ending(left, completions)

    def _likeliest_ending(self, left: str, completions: list[str]) -> str | None:
        """The one of ``completions`` that reads clearly likeliest after ``left`` and ending its
        paragraph; None where none does."""
        if len(completions) < 2:
            return completions[0] if completions else None
        logp = self._running.with_words_logp
        lift = self._paragraph_end_lift
        (best_logp, best), (runner_up, _) = heapq.nlargest(2, ((logp(left + c) + lift(c), c) for c in completions))
        return best if best_logp - runner_up >= CUT_CHARACTER_MARGIN else None

    def _closing_mark(self, left: str, completions: list[str]) -> str | None:
        """The likeliest of a cut character's ``completions`` after ``left`` where it is a mark
        ending the text; None otherwise (an ideograph is too many guesses)."""
        ending = self._likeliest_ending(left, completions)
        return ending if ending and unicodedata.category(ending).startswith("P") else None

    def _cut_pair_completed(self, raw: bytes, detection: Detection) -> Detection:
        """A GB or Big5 file cut one byte short, its last character's lead alone at its end: that
        character completed as a cut UTF-8 one is, where it is a mark ending the text (。 of A1 A3
        cut to A1). A lead starts some 190 characters, not UTF-8's 64: an ideograph is left
        U+FFFD (防控 cut to 防 and BF read back as 防空, the likelier word)."""
        encoding = detection.encoding
        if detection.replaced != 1 or not detection.text.endswith("\ufffd") or raw[-1] < 0x81:
            return detection
        try:
            head = raw[:-1].decode(encoding)
        except UnicodeDecodeError:
            return detection
        completions = []
        for trail in range(0x40, 0xFF):
            try:
                ch = bytes((raw[-1], trail)).decode(encoding)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and not is_private_use(ch):
                completions.append(ch)
        ending = self._closing_mark(head[-LOST_BYTE_CONTEXT:], completions)
        if ending is None:
            return detection
        return dataclasses.replace(detection, text=head + ending, replaced=0, cut_pair_completed=True)

    def _cut_unit_completed(self, data: bytes, encoding: str, text: str) -> str | None:
        """UTF-16 text whose file lost its last byte, half its last code unit: that character
        completed where a mark ends the text so (。 U+3002 cut to 02 in UTF-16LE), as a GB
        file's cut pair is (see _cut_pair_completed); None otherwise."""
        if not encoding.startswith("utf-16") or len(data) % 2 == 0 or not text.endswith("\ufffd"):
            return None
        kept = data[-1]
        little = encoding == "utf-16-le"
        completions = [
            ch for other in range(0x100)
            if not unicodedata.category(ch := chr(other << 8 | kept if little else kept << 8 | other)).startswith("C")
        ]
        ending = self._closing_mark(text[-LOST_BYTE_CONTEXT - 1:-1], completions)
        return None if ending is None else text[:-1] + ending

    def _realigned(self, raw: bytes, encoding: str) -> Detection | None:
        """UTF-16 that lost or gained a byte (an odd length, or code units no UTF-16 writer
        makes: lone surrogates), read realigned (see realign.py)."""
        unwritten = raw.replace(b"\r\n", b"\n")
        if unwritten != raw and len(unwritten) % 2 == 0 and decodes(unwritten, encoding):
            # Written through a text-mode stream: a CR byte before every LF byte, the newline's
            # and a character's (上 is 0A 4E), each shifting the units after it by one.
            text = unwritten.decode(encoding)
            as_is = raw[:len(raw) & ~1].decode(encoding, errors="replace")
            if self._model.score(sample_of(text)) > self._model.score(sample_of(as_is)):
                return Detection(text, encoding, realigned=len(raw) - len(unwritten))
        if len(raw) % 2 == 0 and decodes(raw, encoding):
            return None
        found = self._realigner.realigned(raw, encoding)
        if found is None:
            return None
        text, skipped = found
        return Detection(text, encoding, text.count("\ufffd") + text.count(LOST_CHARACTER), realigned=skipped)

    def _two_byte_pairs(self, text: str, codec: str) -> str:
        """In a UTF-8 file known to carry GB/Big5 spans, pairs that happen to be well-formed
        two-byte UTF-8 decode as Greek/Cyrillic/...; read them with ``codec`` where that reads better."""
        out, pos = [], 0
        for match in TWO_BYTE_UTF8_RUN_RE.finditer(text):
            try:
                candidate = match.group().encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            before = text[max(0, match.start() - 2):match.start()]
            after = text[match.end():match.end() + 2]
            if self._model.word_logp(before + candidate + after) > self._model.word_logp(before + match.group() + after):
                out += [text[pos:match.start()], candidate]
                pos = match.end()
        out.append(text[pos:])
        return "".join(out)

    def _plausible(self, text: str) -> bool:
        try:
            self._check(text, "")
        except DecodeError:
            return False
        return True

    def _check(self, text: str, encoding: str, score: float | None = None) -> None:
        _check_controls(text, encoding)
        sample = sample_of(text)
        n = max(len(sample), 1)
        if sample.count("\ufffd") / n > MAX_REPLACED_SHARE:
            raise DecodeError(f"invalid bytes: {sample.count(chr(0xfffd)) / n:.0%} undecodable as {encoding}")
        if score is None:
            score = self._model.score(sample)
        if score < MIN_SCORE:
            # Digits and Latin letters are any text's and score as rare characters: a short text
            # of figures (10月1, 494) or abbreviations (EMS速递, APP上线) reads as no language with them.
            without_ascii = ASCII_ALNUM_RE.sub("", sample)
            if without_ascii.strip() and self._model.score(without_ascii) < MIN_SCORE:
                raise DecodeError(f"not text: mean log-prob {score:.1f} as {encoding}")

    def _stripped_of_eighth_bit(self, text: str) -> bool:
        """Whether ASCII ``text`` is GB2312 whose bytes lost their eighth bit: its runs of
        printable characters, read as GB2312 pairs with the bit set again, read as Chinese (as
        HZ's text between its ~{ and ~} marks would). English or code read so is random
        characters (-12.4 per ideograph, against -6.2 for a stripped mail)."""
        runs = STRIPPED_PAIRS_RE.findall(sample_of(text))
        read = "".join(bytes(byte | 0x80 for byte in run.encode()).decode("gb2312", errors="replace") for run in runs)
        ideographs = CJK_RUN_RE.findall(read)
        return (
            sum(map(len, ideographs)) >= MIN_IDEOGRAPHS_JUDGED
            and self._model.score(" ".join(ideographs)) >= MIN_IDEOGRAPH_SCORE
        )

    def check_chinese(self, text: str, encoding: str) -> None:
        """DecodeError when a text of many ideographs does not read as Chinese: bytes of a code
        we lack (EUC-TW) that GB or Big5 reads as random characters."""
        runs = CJK_RUN_RE.findall(sample_of(text))
        if sum(map(len, runs)) < MIN_IDEOGRAPHS_JUDGED:
            return
        score = self._model.score(" ".join(runs))
        if score < MIN_IDEOGRAPH_SCORE:
            raise DecodeError(
                f"not Chinese: its ideographs read as {encoding} score {score:.1f} per character"
                " (text in an encoding this pipeline does not read, or damaged beyond repair)"
            )


def sample_of(text: str) -> str:
    """The SAMPLE_CHARS characters encodings are told apart by: the text's first, or where its
    first non-ASCII character stands when they hold none (a page's head of script and style,
    alike in every ASCII-based code, would leave a charset the page declares falsely to win).
    End-of-file marks after the text are none of it (an XMODEM transfer pads its last block of
    128 bytes with them: a short text's sample would be a fifth marks)."""
    text = text.rstrip(EOF_MARK)
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii() or len(text) <= SAMPLE_CHARS:
        return sample
    first = NON_ASCII_RE.search(text, SAMPLE_CHARS)
    return sample if first is None else text[first.start():first.start() + SAMPLE_CHARS]


def _check_controls(text: str, encoding: str, controls_re: re.Pattern | None = None) -> None:
    """Binary content: control characters (``controls_re``, CONTROL_RE by default) over 2%
    and three at least, an end-of-file mark after the text not counted."""
    sample = text.rstrip(EOF_MARK)[:SAMPLE_CHARS]
    controls = len((controls_re or CONTROL_RE).findall(sample))
    if controls >= MIN_BINARY_CONTROLS and controls > MAX_CONTROL_SHARE * max(len(sample), 1):
        raise DecodeError(f"binary content: {controls / max(len(sample), 1):.0%} control characters as {encoding}")


# DOS and old Windows tools wrote Ctrl-Z after a text's last line: no character of the text.
EOF_MARK = "\x1a"
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # C0 but tab, LF, FF, CR; DEL; C1
C0_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Two or more three/four-byte characters in a row: rare by accident in GB/Big5 bytes.
WIDE_UTF8_CHARACTER = "[\u0800-\ufffc\U00010000-\U0010ffff]"  # three or four UTF-8 bytes
WIDE_UTF8_CHARACTER_RE = re.compile(WIDE_UTF8_CHARACTER)
WIDE_UTF8_RUN_RE = re.compile(WIDE_UTF8_CHARACTER + "{2,}")
TWO_BYTE_UTF8_RUN_RE = re.compile("[\u0100-\u07ff]+")  # Latin-1 (NBSP, ·, é) stays as it is


def _utf8_run_share(as_utf8: str, lost: int) -> float:
    """Share of the characters that are UTF-8 runs of CJK-range characters; each GB/Big5
    character costs about two U+FFFD in ``as_utf8``."""
    in_runs = sum(map(len, WIDE_UTF8_RUN_RE.findall(as_utf8)))
    return in_runs / max(in_runs + lost / 2, 1)


class _NotQuestionMarked(Exception):
    pass


GB18030_REPLACEMENT = "\ufffd".encode("gb18030")  # 84 31 A4 37


# Stands for the '?' the UTF-8 decoder passed before a sequence whose lead it was (the handler
# below cannot take back what the decoder wrote): a noncharacter, which no text holds.
LOST_LEAD_MARK = "\ufdd0"
MIN_WIDE_PER_LOST_LEAD = 1


def _question_marks_for_lost_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """UTF-8 decode error handler: a sequence whose lost bytes a converter wrote as '?' (UTF-8
    read as GBK or cp1252 and saved back: continuation bytes; by cp932 or cp949, which take a
    lead with the next byte as a pair, leads too) becomes its bytes as Latin-1 with U+FFFD for
    each '?'; mojibake.py re-reads it and chooses those bytes. Any other error raises
    _NotQuestionMarked."""
    data, start = error.object, error.start
    length = utf8_length(data[start])
    if not length:
        if start == 0 or data[start - 1] != 0x3F:
            raise _NotQuestionMarked
        end = start
        while end < min(start + 3, len(data)) and 0x80 <= data[end] < 0xC0:
            end += 1
        if end == start:
            raise _NotQuestionMarked  # a byte no UTF-8 holds (FF) after the '?': no lost lead's continuation
        return LOST_LEAD_MARK + data[start:end].decode("latin-1"), end
    end, marks = start + 1, 0
    while end < min(start + length, len(data)) and (data[end] == 0x3F or 0x80 <= data[end] < 0xC0):
        marks += data[end] == 0x3F
        end += 1
    if not marks or end < start + length:
        raise _NotQuestionMarked
    return "".join("\ufffd" if byte == 0x3F else chr(byte) for byte in data[start:end]), end


codecs.register_error("postal-ingest-question-marked", _question_marks_for_lost_bytes)


def _question_marked_utf8(raw: bytes) -> str | None:
    """The UTF-8 text with each broken sequence as _question_marks_for_lost_bytes renders it,
    when every invalid spot is such a sequence; else None. A lost byte saved back as GB18030
    (not GBK) is U+FFFD's four bytes, not '?': they count as its '?'."""
    raw = raw.replace(GB18030_REPLACEMENT, b"?")
    if b"?" not in raw:
        return None
    try:
        text = raw.decode("utf-8", errors="postal-ingest-question-marked")
    except _NotQuestionMarked:
        return None
    # A '?' before continuation bytes is a lost lead only in text that is UTF-8 elsewhere: a few
    # bytes of UTF-16 or GBK may read so by chance (阿里 in UTF-16-LE is 3F 96 CC 91).
    lost_leads = text.count(LOST_LEAD_MARK)
    # (the marks are wide characters themselves)
    if lost_leads and len(WIDE_UTF8_CHARACTER_RE.findall(text)) - lost_leads < MIN_WIDE_PER_LOST_LEAD * lost_leads:
        return None
    return text.replace("?" + LOST_LEAD_MARK, "\ufffd")


def _all_chinese(text: str, fewest: int) -> bool:
    """Whether the text's non-ASCII characters are ``fewest`` or more, all ideographs and Chinese
    punctuation (what a 7-bit encoding of Chinese text decodes to, and chance escapes do not);
    U+FFFD, a character no codec here reads, aside."""
    non_ascii = [ch for ch in NON_ASCII_RE.findall(text) if ch != "\ufffd"]
    return len(non_ascii) >= fewest and all(CHINESE_CHAR_RE.match(ch) for ch in non_ascii)


def _family_of(encoding: str) -> str:
    return FAMILY_OF.get(encoding, encoding.replace("-sig", "").split("-")[0])


def _utf8_without_cjk(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 holding no CJK run."""
    try:
        return not CJK_RUN_RE.search(data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


def _mostly_utf8(data: bytes) -> bool:
    """Whether most of ``data``'s non-ASCII bytes make UTF-8 characters: a lossy reader breaks
    one CJK character in six or fewer; GB or Big5 bytes read as UTF-8 break at nearly every pair."""
    broken = data.decode("utf-8", errors="replace").count("\ufffd")
    return broken * UTF8_BROKEN_PER_BYTE < sum(byte >= 0x80 for byte in data)


def _nul_heavy(raw: bytes) -> bool:
    sample = raw[:4096]
    return sample.count(0) > len(sample) // 8


def _plain(raw: bytes, encoding: str) -> Detection | None:
    try:
        return Detection(raw.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = raw.decode(encoding, errors="replace")
        return Detection(text, encoding, text.count("\ufffd"))
    except LookupError:
        return None


def _strict(raw: bytes, encoding: str) -> Detection | None:
    """``raw`` read whole by ``encoding``, but for a last character cut short (UTF-16 text that
    ends in half a surrogate pair: a file truncated), which becomes U+FFFD."""
    try:
        return Detection(raw.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        if error.end < len(raw) or error.start < len(raw) - MAX_CUT_CHARACTER_BYTES:
            return None
        try:
            return Detection(raw[:error.start].decode(encoding) + "\ufffd", encoding, replaced=1)
        except UnicodeDecodeError:
            return None


def _strict_units(raw: bytes, encoding: str) -> Detection | None:
    """``raw`` read whole as UTF-16; an odd last byte (a file cut inside a code unit) as U+FFFD."""
    if len(raw) % 2 == 0:
        return _strict(raw, encoding)
    detection = _strict(raw[:-1], encoding)
    if detection is None or detection.text.endswith("\ufffd"):
        return detection
    return dataclasses.replace(detection, text=detection.text + "\ufffd", replaced=detection.replaced + 1)


def _family(raw: bytes, family: str) -> Detection:
    """The first member that reads ``raw`` whole, unless a later one reads it without the
    kana or Cyrillic the first shows: Big5's C6A1-C7FC are kana and Cyrillic to big5 and
    cp950, circled numbers, 〇 and radicals to big5hkscs (Windows Big5 puts ① there too).
    GB or Big5 bytes with UTF-8 punctuation among them are read piece by piece."""
    mixed = _with_utf8_punctuation(raw, family)
    if mixed:
        return mixed
    members = FAMILIES[family]
    readings = []
    for encoding in members:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((len(FOREIGN_SCRIPT_RE.findall(text)), Detection(text, encoding)))
        if not readings[0][0]:
            break
    if readings:
        return min(readings, key=lambda reading: reading[0])[1]
    if family == "gbk" and (euro := _with_windows_euro(raw)) is not None:
        return euro
    decodings = [(raw.decode(e, errors="replace"), e) for e in members]
    text, encoding = min(decodings, key=lambda d: d[0].count("\ufffd"))
    # Named by the first member that loses no more, read by GB18030: where GBK rejects a pair
    # (its user-defined rows), it drops one byte and may fall back in step by chance, hiding a
    # misaligned run behind one U+FFFD (元�支持 for 元，支持) that GB18030 shows whole (its
    # private-use characters), as misalignment.py reads it. (Big5's variants do not nest:
    # HKSCS reads C6A1-C7FC otherwise.)
    widest = decodings[-1][0]
    if family == "gbk" and widest.count("\ufffd") <= text.count("\ufffd"):
        text = widest
    return Detection(text, encoding, text.count("\ufffd"))


def _euro_for_lone_0x80(error: UnicodeDecodeError) -> tuple[str, int]:
    """GB decode error handler: byte 0x80 where a character starts is Windows' € (cp936
    alone maps it; no GB code does, nor starts a pair with it); any other error raises."""
    if error.object[error.start:error.end] != b"\x80":
        raise error
    return "\u20ac", error.end


codecs.register_error("postal-ingest-windows-euro", _euro_for_lone_0x80)


def _with_windows_euro(raw: bytes) -> Detection | None:
    """GBK text no GB member reads whole, written by Windows' cp936: its every broken byte a
    lone 0x80 (€: 9.5€), read with those as €; None when it has other broken bytes (damage,
    read as such)."""
    if b"\x80" not in raw:
        return None
    try:
        return Detection(raw.decode("gb18030", errors="postal-ingest-windows-euro"), "gbk")
    except UnicodeDecodeError:
        return None


def _with_utf8_punctuation(raw: bytes, family: str) -> Detection | None:
    """GB or Big5 bytes among which UTF-8 punctuation stands at character boundaries (a CMS's
    or an editor's curly quotes, dashes and ellipses pasted in), each part read in its own
    code; None when there is none. Read as GB, each shows as 鈥, 銆, 锛 or 锝 and misaligns
    the pairs after it up to the next ASCII byte (鈥滄); real GB text has none of these; Big5
    cannot read them at all."""
    if not UTF8_PUNCTUATION_RE.search(raw):
        return None  # most files: no byte-by-byte walk
    pieces, start, spans, i = [], 0, 0, 0
    while (i := LEGACY_CHARACTERS_RE.match(raw, i).end()) < len(raw):
        match = UTF8_PUNCTUATION_RE.match(raw, i)  # the only byte sequence the walk stops at
        # Its last byte may instead start a GB18030 four-byte character (銆 and the U+FFFD a
        # lossy GBK reader left, saved as GB18030: E3 80 | 84 31 A4 37), which no UTF-8 does.
        if not _in_utf8_stretch(raw, i, match.end()) and not FOUR_BYTE_GB_RE.match(raw, match.end() - 1):
            pieces += [raw[start:i], match.group()]
            spans += 1
            i = start = match.end()
        else:
            i = LEGACY_CHARACTER_RE.match(raw, i).end()
    if not spans:
        return None
    pieces.append(raw[start:])
    legacy = b"".join(pieces[0::2])
    members = FAMILIES[family]
    reader = next((member for member in members if decodes(legacy, member)), None)
    # Bytes lost among them: read by the widest member, named by the first losing the fewest,
    # as _family reads and names them.
    encoding = reader or min(members, key=lambda member: legacy.decode(member, errors="replace").count("\ufffd"))
    reader = reader or members[-1]
    text = "".join(
        piece.decode("utf-8") if index % 2 else piece.decode(reader, errors="replace")
        for index, piece in enumerate(pieces)
    )
    return Detection(text, encoding, text.count("\ufffd"), utf8_spans=spans)


def _in_utf8_stretch(raw: bytes, start: int, end: int) -> bool:
    """Whether raw[start:end] has UTF-8 characters on both sides, or two on one side: it is
    part of a UTF-8 stretch (mojibake saved as GB, which mojibake.py re-reads whole), not
    punctuation pasted among GB pairs (which make one such character by chance)."""
    after = 0
    while after < 2 and UTF8_CHARACTER_RE.match(raw, end + 3 * after):
        after += 1
    before = 0
    while before < 2 and start - 3 * (before + 1) >= 0 and UTF8_CHARACTER_RE.fullmatch(
        raw, start - 3 * (before + 1), start - 3 * before
    ):
        before += 1
    return before + after >= 2


def _double_byte_run_end(raw: bytes, start: int) -> int:
    """End of the run of GB18030-shaped multi-byte sequences beginning at ``start``."""
    i, n = start, len(raw)
    lone = LONE_BYTE_RE.match(raw, start)
    if lone:
        return lone.end()  # see _lone_byte
    while i < n and raw[i] >= 0x80:
        if i > start and _utf8_resumes(raw, i):
            break
        if 0x81 <= raw[i] <= 0xFE and i + 3 < n and 0x30 <= raw[i + 1] <= 0x39:
            i += 4
        elif 0x81 <= raw[i] <= 0xFE and i + 1 < n and raw[i + 1] >= 0x40:
            i += 2
        else:
            i += 1
    return i


def _script_breaks(text: str) -> int:
    """Letters next to a letter of another script, or a symbol between two letters: a single-byte
    text read in the wrong code (cp1252 Größe read as cp1251 is GrцЯe, ISO-8859-2 došlo as Latin-1 do¹lo)."""
    breaks = 0
    for previous, current, following in zip(text, text[1:], text[2:]):
        if current.isalpha() and previous.isalpha() and _script(previous) != _script(current):
            breaks += 1
        elif previous.isalpha() and following.isalpha() and not current.isalpha() and _symbol_like(current):
            breaks += 1
    return breaks


def _script(letter: str) -> str:
    """Coarse script of a letter: Latin, Greek, Cyrillic or other (ideographs, kana...)."""
    code = ord(letter)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    return "other"


def _symbol_like(ch: str) -> bool:
    """A symbol or number sign (¹ ³ ¤ ¦ ¬): no character a word holds; apostrophes and hyphens do."""
    return unicodedata.category(ch) in {"So", "Sc", "Sm", "Sk", "No"}


def _text_characters_share(text: str) -> float:
    """Share of the sample's characters that Chinese text or its mojibake is made of."""
    sample = text[:SAMPLE_CHARS]
    return len(TEXT_CHARACTER_RE.findall(sample)) / max(len(sample), 1)


@functools.lru_cache(maxsize=ONE_BYTE_COMPLETIONS_KEPT)  # bounded: a stream brings spans without end
def _one_byte_completions(span: bytes) -> tuple[str, ...]:
    """What ``span`` reads as in UTF-8 with one byte put back anywhere in it, or one of its
    bytes changed (damaged, not lost: 工作 as E5 C8 A5 E4 BD 9C): ideographs and other
    characters of three or four bytes (a lost byte of a two-byte one leaves a lone byte)."""
    if len(span) > MAX_LOST_BYTE_SPAN:
        return ()
    put_back = [(position, position) for position in range(len(span) + 1)]
    changed = [(position, position + 1) for position in range(len(span))]
    found = set()
    for start, end in put_back + changed:
        for byte in range(0x80, 0xF5):
            try:
                text = (span[:start] + bytes((byte,)) + span[end:]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if all(ord(ch) >= 0x800 and not is_private_use(ch) for ch in text):
                found.add(text)
    return tuple(sorted(found))


def _lone_byte(raw: bytes, span: tuple[int, int]) -> bool:
    """A single byte 0x80-0xBF standing alone among UTF-8 characters (LONE_BYTE_RE): a
    cp1252 character (“quotes”, dashes, …, no-break space, ·), not half a GB pair; or a doubled
    ellipsis or dash (85 85 ……, 97 97 ——), not a character that lost its lead (充, 旗). Lead
    bytes (0xC0 and up) alone are UTF-8 characters cut short."""
    start, end = span
    lone = LONE_BYTE_RE.match(raw, start)
    return lone is not None and lone.end() == end


def _utf8_resumes(raw: bytes, i: int) -> bool:
    """Whether UTF-8 text resumes at ``i``: two well-formed three-byte characters (CJK range),
    or one before the end or an ASCII byte no GB or Big5 pair ends in (below 0x40)."""
    match = UTF8_RESUME_RE.match(raw, i)
    return match is not None


UTF8_RESUME_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}(?:[\xe0-\xef][\x80-\xbf]{2}|[\x00-\x3f]|$)")
# A byte 0x80-0xBF (or a doubled ellipsis or dash, 85 85, 97 97) followed by the end, ASCII no
# GB or Big5 pair ends in (below 0x40), or a UTF-8 character of Chinese text (punctuation,
# ideographs: leads E2-E9; full-width punctuation: EF BC, EF BD) that ASCII, the end or another
# such character follows: read as a GB lead, it would take the next character's first byte.
# UTF-8 punctuation: general (“” ‘’ — …: E2 80 xx), CJK (、。《》「」【】: E3 80 xx) and
# full-width forms (，：！？（）: EF BC xx, EF BD xx).
UTF8_PUNCTUATION_RE = re.compile(rb"(?:\xe2\x80|\xe3\x80|\xef\xbc|\xef\xbd)[\x80-\xbf]")
# One GB character as a byte walk takes it (a four-byte GB18030 sequence, or a pair, whatever
# its second byte), and a run of them up to the next UTF-8 punctuation at a character boundary:
# the walk in C, not byte by byte in Python (GB files show such bytes across pairs by chance).
_LEGACY_CHARACTER = rb"[\x00-\x7f]|[\x81-\xfe][\x30-\x39][\x00-\xff]{2}|[\x80-\xff][\x00-\xff]?"
LEGACY_CHARACTER_RE = re.compile(_LEGACY_CHARACTER)
FOUR_BYTE_GB_RE = re.compile(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]")
GB18030_REPLACEMENT = "\ufffd".encode("gb18030")
LEGACY_CHARACTERS_RE = re.compile(rb"(?:(?!" + UTF8_PUNCTUATION_RE.pattern + rb")(?:" + _LEGACY_CHARACTER + rb"))*")
# A three-byte UTF-8 character, or one whose lost bytes a GB writer saved as '?'.
UTF8_CHARACTER_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf?]{2}")
_CHINESE_UTF8_CHARACTER = rb"(?:[\xe2-\xe9][\x80-\xbf]{2}|\xef[\xbc\xbd][\x80-\xbf])"  # and ，：（）
LONE_BYTE_RE = re.compile(
    rb"(?:([\x85\x96\x97])\1|[\x80-\xbf])"
    rb"(?=[\x00-\x3f]|$|" + _CHINESE_UTF8_CHARACTER + rb"(?:[\x00-\x7f]|$|" + _CHINESE_UTF8_CHARACTER + rb"))"
    # a degree sign after a figure, before C or F (28°C, not GBK's 蚓 of B0 43)
    rb"|(?<=[0-9 ])\xb0(?=[CF](?![A-Za-z]))"
)
