"""ISO-2022-CN (RFC 1922), the 7-bit code of Chinese mail and news: GB2312 bytes less 0x80
after a shift-out (SO) once ``ESC $ ) A`` designates GB2312, ASCII after a shift-in (SI); a
designation lasts to the end of its line. Python ships no codec for it; this one decodes, and
encodes GB2312's characters (a mail's subject set over its body); registered as ``iso2022_cn``.
CNS 11643 planes (``ESC $ ) G``, ``ESC $ * H`` and the single shifts of ISO-2022-CN-EXT) have no
Python codec either: their characters are errors (U+FFFD each with errors="replace").
"""

import codecs
import re

NAME = "iso2022_cn"
# Designations (SO set: ESC $ ) F; SS2 set: ESC $ * F; SS3 set: ESC $ + F), single shifts
# (ESC N, ESC O: the next two bytes alone), shifts (SO, SI) and line ends.
TOKEN_RE = re.compile(rb"\x1b\$\)(.)|\x1b\$[*+].|\x1b[NO](..)|\x0e|\x0f|\r?\n", re.S)
CONTROLS_RE = re.compile(rb"([\x00-\x20]+)")  # spaces and controls inside a shift-out are themselves
GB2312 = b"A"
DESIGNATE_GB2312, SHIFT_OUT, SHIFT_IN = b"\x1b$)A", b"\x0e", b"\x0f"


def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    data = bytes(data)  # the codec machinery passes a memoryview
    out, pos = [], 0
    designated, shifted = None, False
    for token in TOKEN_RE.finditer(data):
        out.append(_text(data[pos:token.start()], shifted, designated, errors))
        pos = token.end()
        marker = token.group()
        if token.group(1) is not None:
            designated = token.group(1)
        elif token.group(2) is not None:
            out.append(_undecodable(data, token.start(), token.end(), errors))  # one character
        elif marker == b"\x0e":
            shifted = True
        elif marker == b"\x0f":
            shifted = False
        elif marker.endswith(b"\n"):
            designated, shifted = None, False
            out.append(marker.decode("ascii"))
        # else an SS2/SS3 designation: its characters come after single shifts
    out.append(_text(data[pos:], shifted, designated, errors))
    return "".join(out), len(data)


def _text(chunk: bytes, shifted: bool, designated: bytes | None, errors: str) -> str:
    if not shifted:
        if errors == "strict" and (b"\x1b" in chunk or not chunk.isascii()):
            raise UnicodeDecodeError(NAME, chunk, 0, len(chunk), "an escape this code has not, or not ASCII")
        return chunk.decode("ascii", errors).replace("\x1b", "\ufffd")
    out = []
    for index, piece in enumerate(CONTROLS_RE.split(chunk)):
        if index % 2:
            out.append(piece.decode("ascii"))
        elif designated != GB2312:
            out.append(_undecodable(piece, 0, len(piece), errors, max(1, len(piece) // 2)))
        else:
            out.append(bytes(byte | 0x80 for byte in piece).decode("gb2312", errors))
    return "".join(out)


def _undecodable(data: bytes, start: int, end: int, errors: str, characters: int = 1) -> str:
    """A CNS 11643 character (or ``characters`` of them): U+FFFD each."""
    if errors == "strict":
        raise UnicodeDecodeError(NAME, data, start, end, "a CNS 11643 character or no designation")
    return "\ufffd" * characters


def _search(name: str) -> codecs.CodecInfo | None:
    # (asked as iso2022_cn, or as iso_2022_cn: Python's spelling of a MIME header's ISO-2022-CN)
    if name.replace("-", "").replace("_", "") != NAME.replace("_", ""):
        return None
    return codecs.CodecInfo(name=NAME, encode=encode, decode=decode)


def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    """``text`` in ISO-2022-CN, GB2312 designated once a line that needs it."""
    out, shifted, designated = bytearray(), False, False
    for ch in text:
        if ch.isascii():
            if shifted:
                out += SHIFT_IN
                shifted = False
            designated = designated and ch != "\n"
            out += ch.encode("ascii")
            continue
        if not designated:
            out += DESIGNATE_GB2312
            designated = True
        if not shifted:
            out += SHIFT_OUT
            shifted = True
        out += bytes(byte & 0x7F for byte in ch.encode("gb2312", errors))
    if shifted:
        out += SHIFT_IN
    return bytes(out), len(text)


codecs.register(_search)
