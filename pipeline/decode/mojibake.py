"""Mojibake repair: text that was decoded with the wrong codec and saved again.

- UTF-8 read as GBK/GB18030 or Big5 (``鍒樼埍鍔�``): re-encode each suspicious run with the
  wrong codec and decode it as UTF-8; a U+FFFD inside the run stands for one lost UTF-8
  continuation byte, which is chosen by the text model.
- UTF-8 read as Latin-1/cp1252 (``Ã¥``): ftfy.
- GBK/Big5 read as Latin-1/cp1252 (``ÖÐÎÄ``): re-encode the line, decode it as GBK/Big5.
Every replacement must score clearly better with the text model.
"""

import re

import ftfy

from pipeline.decode.textmodel import TextModel

MIN_GAIN = 6.0  # nats a replacement must gain
MIN_GAIN_PER_CHAR = 1.0
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# (codec the UTF-8 bytes were wrongly read with, repair name)
WRONG_CJK_CODECS = (("gb18030", "utf8_decoded_as_gbk"), ("big5", "utf8_decoded_as_big5"))
# (codec the GB/Big5 bytes were wrongly read with, codec they really are, repair name)
LEGACY_AS_LATIN = (
    ("cp1252", "gbk", "gbk_decoded_as_latin1"),
    ("latin-1", "gbk", "gbk_decoded_as_latin1"),
    ("cp1252", "big5", "big5_decoded_as_latin1"),
    ("latin-1", "big5", "big5_decoded_as_latin1"),
)
LATIN_MOJIBAKE_RE = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
NON_ASCII_RUN_RE = re.compile("[^\\x00-\\x7f]+")


class MojibakeRepairer:
    def __init__(self, model: TextModel) -> None:
        self._model = model

    def repair(self, text: str) -> tuple[str, list[str]]:
        kinds: list[str] = []
        if LATIN_MOJIBAKE_RE.search(text):
            fixed = ftfy.fix_encoding(text)
            if fixed != text and self._better(fixed, text):
                text = fixed
                kinds.append("latin1_mojibake")
            text = self._legacy_as_latin(text, kinds)
        if self._model.uncommon_re.search(text):
            text = self._utf8_as_cjk(text, kinds)
        return text, kinds

    def _better(self, candidate: str, original: str) -> bool:
        gain = self._model.logp(candidate) - self._model.logp(original)
        return gain > MIN_GAIN and gain > MIN_GAIN_PER_CHAR * min(len(candidate), len(original))

    def _legacy_as_latin(self, text: str, kinds: list[str]) -> str:
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if len(LATIN_MOJIBAKE_RE.findall(line)) < 2:
                continue
            for wrong, right, kind in LEGACY_AS_LATIN:
                try:
                    candidate = line.encode(wrong).decode(right)
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
                if self._better(candidate, line):
                    lines[index] = candidate
                    if kind not in kinds:
                        kinds.append(kind)
                    break
        return "\n".join(lines)

    def _utf8_as_cjk(self, text: str, kinds: list[str]) -> str:
        out, pos = [], 0
        for match in NON_ASCII_RUN_RE.finditer(text):
            run = match.group()
            if len(self._model.uncommon_re.findall(run)) < max(1, len(run) // 4):
                continue
            end = match.end()
            # An odd UTF-8 byte count pairs the last byte with the next ASCII byte.
            if end < len(text) and 0x40 <= ord(text[end]) <= 0x7E:
                run_with_next = run + text[end]
            else:
                run_with_next = None
            for wrong, kind in WRONG_CJK_CODECS:
                fixed = self._reread(run, wrong)
                if fixed is None and run_with_next:
                    fixed = self._reread(run_with_next, wrong)
                    if fixed is not None:
                        end += 1
                if fixed is not None and self._better(fixed, text[match.start():end]):
                    out.append(text[pos:match.start()])
                    out.append(fixed)
                    pos = end
                    if kind not in kinds:
                        kinds.append(kind)
                    break
                end = match.end()
        out.append(text[pos:])
        return "".join(out)

    def _reread(self, run: str, wrong: str) -> str | None:
        """The run's bytes under ``wrong`` decoded as UTF-8; U+FFFD/'?' become the best byte."""
        pieces = []
        for ch in run:
            if ch in "\ufffd?":
                pieces.append(None)
                continue
            try:
                pieces.append(ch.encode(wrong))
            except UnicodeEncodeError:
                return None
        data = b""
        for index, piece in enumerate(pieces):
            if piece is not None:
                data += piece
                continue
            rest = b"".join(p for p in pieces[index + 1:] if p is not None)
            best = None
            for byte in CONTINUATION_BYTES:
                candidate = data + bytes((byte,))
                decoded = (candidate + rest).decode("utf-8", errors="replace")
                score = self._model.logp(decoded)
                if best is None or score > best[0]:
                    best = (score, candidate)
            data = best[1]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None
