"""Encoding detection and normalisation (first version: BOM, strict trial decoding, OpenCC t2s)."""

import unicodedata
from dataclasses import dataclass

import opencc


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding."""


@dataclass(frozen=True)
class DecodedText:
    text: str  # simplified-script, NFC text
    encoding: str  # lower-case codec name of the source
    script: str  # "simplified" or "traditional": the source's script
    repairs: tuple[str, ...] = ()


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_TRIAL_ENCODINGS = ("utf-8", "gb18030", "big5")


class Decoder:
    def __init__(self) -> None:
        self._t2s = opencc.OpenCC("t2s")

    def decode(self, raw: bytes) -> DecodedText:
        if not raw.strip():
            raise DecodeError("empty input")
        text, encoding = self._detect(raw)
        if _control_ratio(text) > 0.05:
            raise DecodeError(f"binary content: {_control_ratio(text):.0%} control characters as {encoding}")
        text = unicodedata.normalize("NFC", text)
        simplified = self._t2s.convert(text)
        script = "traditional" if _changed_ratio(text, simplified) > 0.02 else "simplified"
        repairs = ("traditional_to_simplified",) if script == "traditional" else ()
        return DecodedText(simplified, encoding, script, repairs)

    @staticmethod
    def _detect(raw: bytes) -> tuple[str, str]:
        for bom, encoding in _BOMS:
            if raw.startswith(bom):
                return raw[len(bom):].decode(encoding.replace("-sig", "")), encoding
        for encoding in _TRIAL_ENCODINGS:
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
        raise DecodeError("no supported encoding decodes the bytes")


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    return controls / max(len(text), 1)


def _changed_ratio(before: str, after: str) -> float:
    changed = sum(1 for a, b in zip(before, after) if a != b)
    cjk = sum(1 for ch in before if "\u4e00" <= ch <= "\u9fff")
    return changed / max(cjk, 1)
