"""Stage 1 orchestration: detect the encoding, repair cross-reads, mojibake and byte misalignment,
normalise (pinyin annotations, NFC, traditional to simplified, full-width alphanumerics)."""

import dataclasses
import re
from dataclasses import dataclass

from pipeline.decode.containers import unwrap
from pipeline.decode.crossread import CrossReadRepairer
from pipeline.decode.detect import (
    EOF_MARK, FAMILY_OF, WIDE_UNICODE, DecodeError, Detector, raise_if_blank, raise_if_letter_soup,
)
from pipeline.decode.linewrap import KIND as REJOINED, rejoin_split_characters
from pipeline.decode.misalignment import BIG5_CODES, GB18030_TRADITIONAL, MisalignmentRepairer
from pipeline.decode.mojibake import MojibakeRepairer
from pipeline.decode.normalize import Normalizer, resolve_ambiguous_simplified
from pipeline.decode.rules import LOST_CHARACTER
from pipeline.decode.runningtext import RunningTextModel
from pipeline.decode.strippedslashes import StrippedBackslashRepairer
from pipeline.decode.textmodel import TextModel
from pipeline.decode.windowsmarks import KIND as WINDOWS_MARKS, WindowsMarksRepairer

__all__ = ["DecodedText", "DecodeError", "Decoder"]

STRAY_LAST_LINE_RE = re.compile(r"\n[\ufffd\s]*\ufffd[\ufffd\s]*\Z")
STRAY_LINE_CHARS = 16  # the end looked at for it
MEMORY_FILL_RE = re.compile(r"烫{4,}|屯{4,}")

# Share of a text's non-whitespace characters still U+FFFD after every repair beyond which
# it is dead-lettered: GBK read whole as UTF-8, or UTF-8 as Big5, by a lossy reader leaves
# 54-79% (seeds); a repairable lossy reading, 10-14% before repair and none after.
MAX_LOST_SHARE = 0.4
# A glyph a PDF's font maps to no character, as pdfminer and pdfplumber write it: a character
# lost before the text arrived, written U+FFFD after the repairs (which would take it for bytes).
UNMAPPED_GLYPH_RE = re.compile(r"\(cid:\d+\)")
MAX_STRAY_NUL_SHARE = 16  # NULs in a byte code's text, one byte in 16 at most (UTF-16's ASCII is half NULs)
# '?' that a converter wrote for characters its code lacks (text saved as Latin-1, UTF-8 read
# as Big5 and saved as Big5): two or more in a row, or one between non-ASCII characters. A
# question mark ends a sentence (a space, quote or line break follows) or a URL's path.
STAND_IN_RE = re.compile(r"\?{2,}|(?<=[^\x00-\x7f])\?(?=[^\x00-\x7f\s])")
MAX_MOJIBAKE_LAYERS = 3
# A whole text re-read from a single-byte code: the repair named by what its bytes really were.
REREAD_SOURCE = {"gbk": "gbk", "big5": "big5", "utf-8": "utf8"}  # by family


@dataclass(frozen=True)
class DecodedText:
    text: str  # simplified-script, NFC text
    encoding: str  # lower-case codec name of the source (see detect.py for the convention)
    script: str  # "simplified" or "traditional": the source's script
    repairs: tuple[str, ...] = ()


def _backslashes_unescaped(text: str, encoding: str) -> tuple[str, bool]:
    """A GBK or Big5 text a PHP script escaped (addslashes) before saving: every character whose
    second byte is 0x5C, the backslash (許 B3 5C, 功 A5 5C), has a backslash after it. Undone
    where every such character has one."""
    if "\\" not in text:
        return text, False
    ending_in_backslash = [
        c for c in set(text) if not c.isascii() and c.encode(encoding, errors="ignore").endswith(b"\\")
    ]
    escaped = sum(text.count(c + "\\") for c in ending_in_backslash)
    if not escaped or escaped < sum(map(text.count, ending_in_backslash)):
        return text, False
    for character in ending_in_backslash:
        text = text.replace(character + "\\", character)
    return text, True


class Decoder:
    def __init__(self) -> None:
        model = TextModel()
        running = self._running = RunningTextModel(model)
        self._detector = Detector(model, running)
        self._crossread = CrossReadRepairer(model, running)
        self._mojibake = MojibakeRepairer(model, running)
        self._misalignment = MisalignmentRepairer(model, running)  # GB18030 pairs
        self._traditional_misalignment = self._misalignment.with_habits_of(GB18030_TRADITIONAL)
        # A Big5 source's pairs are another code: re-read in the codec that read them.
        self._big5_misalignment = {
            codec: MisalignmentRepairer(model, running, code) for codec, code in BIG5_CODES.items()
        }
        self._windows_marks = WindowsMarksRepairer(model)
        self._stripped_slashes = {codec: StrippedBackslashRepairer(model, codec) for codec in BIG5_CODES}
        self._normalizer = Normalizer()

    def decode(self, raw: bytes) -> DecodedText:
        unwrapped = unwrap(raw)
        repairs = list(unwrapped.repairs)
        raw, rejoined = rejoin_split_characters(unwrapped.raw)
        if rejoined:
            repairs.append(REJOINED)
        stray_nuls = 0 < raw.count(0) <= len(raw) // MAX_STRAY_NUL_SHARE
        try:
            detection = self._detector.detect(raw, unwrapped.declared)
        except DecodeError:
            if not stray_nuls:
                raise
            detection = None  # (read as binary for its NULs: tried without them below)
        if stray_nuls and (detection is None or detection.encoding not in WIDE_UNICODE):
            # NUL bytes inside a byte code's text (a block device's or a buggy writer's, one
            # between a GBK character's two bytes): no character's, read without them
            raw = raw.replace(b"\0", b"")
            detection = self._detector.detect(raw, unwrapped.declared)
            repairs.append("nul_bytes_removed")
        # Legacy codes' spaces (GBK A1A1) are no ASCII whitespace, which detect checks first.
        raise_if_blank(detection.text)
        if detection.text.endswith(EOF_MARK):
            detection = dataclasses.replace(detection, text=detection.text.rstrip(EOF_MARK))
            repairs.append("eof_marker_removed")
        if "\ufffd" in detection.text[-STRAY_LINE_CHARS:] and (stray := STRAY_LAST_LINE_RE.search(detection.text)):
            # a line of bytes no reading holds at the end (a BOM's first bytes): no character cut there
            detection = dataclasses.replace(detection, text=detection.text[: stray.start() + 1])
            repairs.append("stray_end_bytes_dropped")
        if MEMORY_FILL_RE.search(detection.text):
            # a C program's buffer fill written out with the text (0xCC read by GBK as 烫, 0xCD as 屯)
            detection = dataclasses.replace(detection, text=MEMORY_FILL_RE.sub("", detection.text))
            repairs.append("memory_fill_removed")
        reread = self._detector.reread_single_byte(detection.text)
        source = detection.encoding  # of the bytes the text was read from: a Big5 one's misalignment is Big5's
        if reread:
            again, reader = reread
            repairs.append(_reread_kind(FAMILY_OF.get(again.encoding, again.encoding), reader))
            detection = dataclasses.replace(detection, text=again.text)
            source = again.encoding
        if detection.declaration_overruled:
            repairs.append("declared_charset_overruled")
        repairs += [f"{code}_decoded_as_utf8" for code in detection.foreign]
        if detection.realigned:
            repairs.append("utf16_misalignment")
        if detection.lost_bytes_restored:
            repairs.append("utf8_lost_bytes")
        if detection.cut_pair_completed:
            repairs.append("truncated_character_completed")
        if detection.utf8_spans:  # UTF-8 punctuation inside a GB or Big5 file
            repairs.append(f"utf8_decoded_as_{FAMILY_OF[detection.encoding]}")
        text = detection.text
        if FAMILY_OF.get(source) == "gbk" and not reread and not self._normalizer.mostly_traditional(text):
            marked = self._windows_marks.reread(raw, detection.encoding, text)
            if marked is not None:
                text = marked
                repairs.append(WINDOWS_MARKS)
        if detection.encoding in FAMILY_OF:
            text, unescaped = _backslashes_unescaped(text, detection.encoding)
            if unescaped:
                repairs.append("escaped_backslashes_removed")
        if detection.encoding in self._stripped_slashes:
            text, restored = self._stripped_slashes[detection.encoding].repair(text)
            if restored:
                repairs.append("stripped_backslashes_restored")
        if detection.question_marked:
            text, kinds = self._mojibake.restore_question_marked(text)
            repairs += kinds
        # Whole lines re-read in another legacy code first: the span repairs below would
        # take such a line's characters for damage of their own.
        text, kinds = self._crossread.repair(text)
        repairs += kinds
        text, kinds = self._mojibake.repair(text)
        repairs += kinds
        for _ in range(MAX_MOJIBAKE_LAYERS - 1):
            if not kinds:
                break
            # Mojibake of mojibake (read wrongly, saved, read wrongly again): what one re-read
            # gives may be mojibake still.
            repaired, kinds = self._mojibake.repair(text)
            if repaired == text:
                break
            text = repaired
            repairs += kinds
        big5 = source in self._big5_misalignment
        if big5:
            misalignment = self._big5_misalignment[source]
        elif self._normalizer.mostly_traditional(text):
            misalignment = self._traditional_misalignment
        else:
            misalignment = self._misalignment
        text, runs = misalignment.repair(text)
        if runs:
            repairs.append("big5_misalignment" if big5 else "gbk_misalignment")
        text, kinds = self._mojibake.repair_foreign_leftovers(text)
        repairs += kinds
        text = text.replace(LOST_CHARACTER, "\ufffd")
        replaced = "\ufffd" in text
        text, unmapped = UNMAPPED_GLYPH_RE.subn("\ufffd", text)
        _raise_if_lost(text, unmapped)
        self._detector.check_chinese(text, source)
        if replaced or unmapped:
            repairs += ["invalid_bytes_replaced"] * replaced + ["pdf_unmapped_glyphs"] * bool(unmapped)
        text, removed = self._normalizer.remove_pinyin(text)
        if removed:
            repairs.append("pinyin_annotations")
        text = self._normalizer.nfc(text)
        text, radicals = self._normalizer.radicals_to_ideographs(text)
        if radicals:
            repairs.append("radicals_to_ideographs")
        text, traditional = self._normalizer.to_simplified(text)
        if traditional:
            repairs.append("traditional_to_simplified")
            text = resolve_ambiguous_simplified(text, self._running)
        text, unified = self._normalizer.punctuation_variants_unified(text)
        if unified:
            repairs.append("punctuation_variants_unified")
        text, widened = self._normalizer.fullwidth_to_halfwidth(text)
        if widened:
            repairs.append("fullwidth_to_halfwidth")
        raise_if_letter_soup(text)
        script = "traditional" if traditional else "simplified"
        return DecodedText(text, detection.encoding, script, tuple(dict.fromkeys(repairs)))  # each kind once


def _reread_kind(source: str, reader: str) -> str:
    """The repair's name: GBK or Big5 read so, or UTF-8 read by another script's code, by
    source and reader (gbk_decoded_as_latin1, utf8_decoded_as_cp1251); else latin1_mojibake,
    ftfy's family."""
    if source in REREAD_SOURCE and (reader != "latin1" or source != "utf-8"):
        return f"{REREAD_SOURCE[source]}_decoded_as_{reader}"
    return "latin1_mojibake"


def _raise_if_lost(text: str, unmapped: int) -> None:
    """DecodeError when over MAX_LOST_SHARE of the text's characters were lost before it
    arrived: U+FFFD left after the repairs (``unmapped`` of them PDF glyphs) and '?' stand-ins."""
    replaced = text.count("\ufffd")
    stand_ins = sum(len(match.group()) for match in STAND_IN_RE.finditer(text)) if "?" in text else 0
    if not replaced and not stand_ins:
        return
    lost = (replaced + stand_ins) / max(1, len(text) - sum(map(str.isspace, text)))
    if lost <= MAX_LOST_SHARE:
        return
    if stand_ins > replaced:
        raise DecodeError(
            f"text lost before it arrived: {lost:.0%} of its characters are '?' or U+FFFD"
            " (a converter wrote '?' for characters its code lacks)"
        )
    cause = f" ({unmapped} PDF glyphs mapped to no character)" if unmapped else ""
    raise DecodeError(f"text lost before it arrived: {lost:.0%} of its characters are U+FFFD{cause}")
