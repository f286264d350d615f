"""Containers around the text, opened before detection: compressed files whose name does not
say so (Beam's reader decompresses by extension only), and MIME messages (an e-mail, a page
saved as MHTML) whose text part is quoted-printable or base64 with its charset in a header.
"""

import bz2
import email
import email.policy
import lzma
import re
import zlib
from dataclasses import dataclass

from pipeline.decode.detect import DecodeError, codec_name

MAX_UNWRAPPED_BYTES = 64 * 1024 * 1024  # a small file that inflates beyond this is a bomb, not a page
NESTING = 3  # a gzip inside a MIME part inside a gzip is as deep as real files go
# (magic, repair name, streaming decompressor factory)
COMPRESSIONS = (
    (b"\x1f\x8b", "gzip_decompressed", lambda: zlib.decompressobj(zlib.MAX_WBITS | 16)),
    (b"BZh", "bzip2_decompressed", bz2.BZ2Decompressor),
    (b"\xfd7zXZ\x00", "xz_decompressed", lzma.LZMADecompressor),
)
# A MIME message starts with header lines and names its version or a multipart content type.
MIME_START_RE = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){1,64}")
MIME_MARK_RE = re.compile(rb"^(?:MIME-Version:|Content-Type:\s*(?:multipart/|text/))", re.IGNORECASE | re.MULTILINE)
TEXT_PARTS = ("text/html", "text/plain")  # preferred first: a page's HTML holds its text


@dataclass(frozen=True)
class Unwrapped:
    raw: bytes
    declared: str | None = None  # the charset a MIME header gives the part
    repairs: tuple[str, ...] = ()


def unwrap(raw: bytes, limit: int = MAX_UNWRAPPED_BYTES) -> Unwrapped:
    """The bytes inside any compression and MIME layers, with what was opened."""
    declared, repairs = None, []
    for _ in range(NESTING):
        for magic, kind, decompressor in COMPRESSIONS:
            if raw.startswith(magic):
                raw = _decompress(raw, decompressor(), kind, limit)
                repairs.append(kind)
                break
        else:
            part = _mime_text_part(raw)
            if part is None:
                break
            raw, declared = part
            repairs.append("mime_text_part")
    return Unwrapped(raw, declared, tuple(repairs))


def _decompress(raw: bytes, decompressor, kind: str, limit: int) -> bytes:
    try:
        data = decompressor.decompress(raw, limit + 1)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError) as error:
        raise DecodeError(f"{kind.split('_')[0]} data that does not decompress: {error}") from None
    if len(data) > limit:
        raise DecodeError(f"{kind.split('_')[0]} data inflating beyond {limit // (1024 * 1024)} MiB")
    if not decompressor.eof:
        raise DecodeError(f"{kind.split('_')[0]} data cut short ({len(data)} bytes inflated)")
    return data


def _mime_text_part(raw: bytes) -> tuple[bytes, str | None] | None:
    """(payload, charset) of the message's first HTML part, else its first plain-text part;
    None when ``raw`` is no MIME message or has no text part."""
    head = MIME_START_RE.match(raw)
    if not head or not MIME_MARK_RE.search(head.group()):
        return None
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts = [part for part in message.walk() if part.get_content_type() in TEXT_PARTS]
    if not parts:
        return None
    part = min(parts, key=lambda p: TEXT_PARTS.index(p.get_content_type()))
    payload = part.get_payload(decode=True)  # quoted-printable and base64 undone
    if not payload:
        return None
    charset = part.get_content_charset()
    return payload, codec_name(charset) if charset else None
