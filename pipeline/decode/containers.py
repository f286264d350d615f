"""Containers around the text, opened before detection: NUL padding after the text, compressed
files whose name does not say so (Beam's reader decompresses by extension only), MIME messages
(an e-mail, a page saved as MHTML) whose text part is quoted-printable or base64 with its
charset in a header, HTTP responses saved with their headers (``curl -i``, ``wget
--save-headers``), DOCX and ODT documents (their paragraphs), RTF documents (their text, with
its code page's escapes read), and ASCII
text whose every other character is an escape (percent-encoded bytes, JSON/JavaScript
``\\uXXXX``, bytes escaped ``\\xNN`` or in octal, numeric character references outside
HTML's ASCII, quoted-printable).
Formats that hold no text it reads (PDF, images, other archives) are dead letters that name them.
"""

import base64
import binascii
import email
import email.errors
import email.header
import email.policy
import html
import html.entities
import importlib
import io
import json
import quopri
import re
import urllib.parse
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from striprtf.striprtf import rtf_to_text

from pipeline.decode.detect import DecodeError, codec_name
from pipeline.decode.mojibake import decodes
from pipeline.jsontext import json_documents


def _optional(module: str):
    """bz2 and lzma are optional parts of a CPython build: without one, its files stay closed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


bz2, lzma = _optional("bz2"), _optional("lzma")

MAX_UNWRAPPED_BYTES = 64 * 1024 * 1024  # a small file that inflates beyond this is a bomb, not a page
NESTING = 3  # a gzip inside a MIME part inside a gzip is as deep as real files go
# (magic, repair name, decompressor factory, what it raises on bad data)
COMPRESSIONS = [(b"\x1f\x8b", "gzip_decompressed", lambda: zlib.decompressobj(zlib.MAX_WBITS | 16), zlib.error)]
if bz2:
    COMPRESSIONS.append((b"BZh", "bzip2_decompressed", bz2.BZ2Decompressor, (OSError, EOFError, ValueError)))
if lzma:
    COMPRESSIONS.append((b"\xfd7zXZ\x00", "xz_decompressed", lzma.LZMADecompressor, lzma.LZMAError))
# A MIME message starts with header lines and names its version or a multipart content type.
MIME_START_RE = re.compile(rb"\A(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){1,64}")
MIME_MARK_RE = re.compile(rb"^(?:MIME-Version:|Content-Type:\s*(?:multipart/|text/))", re.IGNORECASE | re.MULTILINE)
# Forwarded and answered: Fwd:, Re:, 转发：, 回复：, 答复：, one or more.
REPLY_PREFIX_RE = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|转发|回复|答复)\s*[:：])+\s*", re.IGNORECASE)
HTML_TITLE_RE = re.compile(rb"<title[\s>]", re.IGNORECASE)
TEXT_PARTS = ("text/html", "text/plain")  # preferred first: a page's HTML holds its text
# ASCII escapes of non-ASCII text (see ESCAPES). A text is unescaped when its
# escapes cover ESCAPED_SHARE of it: a URL or two in a page are not the page's encoding.
PERCENT_RE = re.compile(rb"(?:%[0-9A-Fa-f]{2})+")
# JavaScript's escape(): %u7EFF%u8272%20 (read only where a %u shows it)
JAVASCRIPT_ESCAPE_RE = re.compile(rb"(?:%u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2})+")
JAVASCRIPT_ESCAPE_PART_RE = re.compile(rb"%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")
# JSON/JavaScript string escapes: \uXXXX, and the one-letter ones between them (\n, \").
# Python's ascii() and unicode_escape write the same, with \xNN for U+0080-U+00FF (·, a
# no-break space) and \UXXXXXXXX past the BMP: in a text of \u escapes, those are characters.
UNICODE_ESCAPE_RE = re.compile(rb"(?:\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}|\\U[0-9A-Fa-f]{8}|\\[nrtbf'\"\\/])+")
SHORT_ESCAPES = {
    b"n": "\n", b"r": "\r", b"t": "\t", b"b": "\b", b"f": "\f", b'"': '"', b"'": "'", b"\\": "\\", b"/": "/"
}
ESCAPE_RE = re.compile(rb"\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|U([0-9A-Fa-f]{8})|(.))", re.S)
CHARACTER_ESCAPE_RE = re.compile(rb"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")  # without one, \xNN are bytes
# Bytes written as escapes: a scraper that saved str(bytes) (b'\xe9\x82\xae...'), C and
# JavaScript strings (\xNN), octal (\351\202\256: git's quoted paths, printf); the one-letter
# escapes between them too.
BYTE_ESCAPE_RE = re.compile(rb"(?:\\x[0-9A-Fa-f]{2}|\\[0-3][0-7]{2}|\\[nrt'\"\\])+")
BYTE_ESCAPE_PART_RE = re.compile(rb"\\(?:x([0-9A-Fa-f]{2})|([0-3][0-7]{2})|(.))", re.S)
# Inside JSON: an escaped backslash is JSON's own, a byte past ASCII the crawler's escape.
JSON_BYTE_ESCAPE_RE = re.compile(rb"\\\\|\\x([89A-Fa-f][0-9A-Fa-f])")
SHORT_BYTE_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"'": b"'", b'"': b'"', b"\\": b"\\"}
REPR_RE = {  # Python's repr of bytes, its ascii() of a string (Python 2's u'…'): the quotes are no text
    BYTE_ESCAPE_RE: re.compile(rb"\Ab(['\"])(.*)\1\s*\Z", re.S),
    UNICODE_ESCAPE_RE: re.compile(rb"\Au?(['\"])(.*)\1\s*\Z", re.S),
}
CHARACTER_REFERENCE_RE = re.compile(rb"&#(?:[0-9]{3,7}|[xX][0-9A-Fa-f]{2,6});")
# A CMS that escaped its escapes: &amp;#20013; shows as &#20013; in a browser (&amp;amp;#20013;
# twice over). Undone where a page holds several (one may be a page about HTML).
DOUBLE_REFERENCE_RE = re.compile(rb"&(?:amp;)+(#(?:[0-9]{2,7}|[xX][0-9A-Fa-f]{2,6});)")
MIN_DOUBLE_REFERENCES = 4
# A Latin-1 character's reference, named or numeric (&auml; &#228; &#xE4;): PHP's htmlentities()
# of UTF-8 as ISO-8859-1 writes every byte 0xA0-0xFF so (see _latin1_references_undone).
LATIN1_REFERENCE_RE = re.compile(rb"&([a-zA-Z][a-zA-Z0-9]{1,7}|#1[6-9][0-9]|#2[0-5][0-9]|#[xX][a-fA-F][0-9a-fA-F]);")
MIN_LATIN1_REFERENCES = 8
# UTF-16 surrogates written as UTF-8 (ED A0 80-ED BF BF): CESU-8 and Java's modified UTF-8 write
# a character past the BMP as its pair (📦 as ED A0 BD ED B3 A6); Python's surrogateescape keeps
# each byte UTF-8 rejects (GBK's) as U+DC80-U+DCFF, which surrogatepass or json.dumps (\udcd6)
# write out so: that byte.
SURROGATE_RE = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")
# Java's modified UTF-8 (DataOutput.writeUTF, JNI) writes NUL as C0 80, which UTF-8 forbids and
# GBK reads as 纮: a run of them pads a fixed-width record, a break between records.
MODIFIED_UTF8_NULS_RE = re.compile(rb"(?:\xc0\x80)+")
# A uuencoded file (uuencode, old mail and news attachments): its header, its lines, its end.
UUENCODED_RE = re.compile(rb"\A\s*begin [0-7]{3,4} [^\r\n]+\r?\n((?:[ -`]+\r?\n)+?)`?\r?\nend\s*\Z")
LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# A MIME part's base64 body saved without its headers: lines of the base64 alphabet alone, as
# MIME wraps them (76 characters), the last shorter with its padding.
BASE64_BODY_RE = re.compile(rb"\A\s*(?:[A-Za-z0-9+/]{40,76}\r?\n)+[A-Za-z0-9+/]*={0,2}\s*\Z")
# A hex dump of the text's bytes (an SMS gateway's UCS-2 log, a database's binary column
# exported): lines of hex digits alone, each a whole number of bytes, letters among the digits.
HEX_DUMP_RE = re.compile(rb"\A\s*(?:(?:[0-9A-Fa-f]{2})+\s*)+\Z")
HEX_LETTER_RE = re.compile(rb"[A-Fa-f]")
MIN_HEX_DUMP_DIGITS = 32
# Quoted-printable without its MIME headers: =XX, and '=' ending a line that was wrapped.
QUOTED_PRINTABLE_RE = re.compile(rb"(?:=[0-9A-F]{2}|=\r?\n)+")
ESCAPED_SHARE = 0.5
MIN_NUL_PADDING = 4  # UTF-32 text ends in at most three NULs
WIDEST_CODE_UNIT = 4
ZIP_MAGIC = b"PK\x03\x04"
OFFICE_PARTS = ("word/document.xml", "content.xml")  # DOCX, ODT
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE_NOT_TEXT = (_W + "delText", _W + "instrText")
OFFICE_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OFFICE_PARAGRAPHS = frozenset((
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h",
))
RTF_MAGIC = b"{\\rtf"
# Files that are no text and hold none we read: the dead letter names the format and what to
# do, not "binary content" (a PDF dropped where text extracted from PDFs lands).
BINARY_FORMATS = (
    (b"%PDF-", "a PDF document: extract its text first (pdftotext -layout)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 compound document (.doc, .xls, .ppt): save it as DOCX or text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive: unpack it into the watched folder"),
    (b"Rar!\x1a\x07", "a RAR archive: unpack it into the watched folder"),
)
ZIP_MEMBERS_NAMED = 3
RTF_CODE_PAGE_RE = re.compile(rb"\\ansicpg([0-9]{3,5})")
# A writer's line break between two byte escapes (\'b9\n\'fc): RTF ignores it, a reader must
# not part a character's bytes there.
RTF_ESCAPES_WRAPPED_RE = re.compile(rb"(\\'[0-9a-fA-F]{2})\r?\n(?=\\')")
HTTP_STATUS_RE = re.compile(rb"\AHTTP/[0-9.]+ +([0-9]{3})[^\r\n]*\r?\n")
# A terminal's control sequences (CSI: ESC [ parameters, final byte; colours are ESC[1;33m),
# saved with the text of a BBS or a program's output, even inside a two-byte character (a
# Big5 BBS colours half a character). ESC $ / ESC ( of ISO-2022 are no CSI; UTF-16/32 text
# (NUL bytes in it) may hold the bytes ESC [ inside a code unit: left alone.
TERMINAL_SEQUENCE_RE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]")
# HTML as Windows' clipboard holds it (CF_HTML), saved from a program's paste: a header of
# offsets (Version:0.9, StartHTML:0000000105, …, SourceURL:…) before the markup; the charset is UTF-8.
CLIPBOARD_HTML_RE = re.compile(rb"\AVersion:[0-9.]+\r?\n(?:(?:Start|End)(?:HTML|Fragment|Selection):-?[0-9]+\r?\n|SourceURL:[^\r\n]*\r?\n)+")
# A later response's status line (curl -iL saves a redirect's response, then the page's).
NEXT_HTTP_STATUS_RE = re.compile(rb"^HTTP/[0-9.]+ +[0-9]{3}[^\r\n]*\r?\n", re.MULTILINE)
# Byte-order marks read as Latin-1 and written out as UTF-8 (UTF-16 LE's FF FE as ÿþ)
LATIN1_READ_BOMS = tuple(bom.decode("latin-1").encode("utf-8") for bom in (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"))
HEADER_END_RE = re.compile(rb"\r?\n\r?\n")
CHUNK_SIZE_RE = re.compile(rb"([0-9A-Fa-f]+)[^\r\n]*\r?\n")


@dataclass(frozen=True)
class Unwrapped:
    raw: bytes
    declared: str | None = None  # the charset an HTTP or MIME header gives the text
    repairs: tuple[str, ...] = ()


def unwrap(raw: bytes, limit: int = MAX_UNWRAPPED_BYTES) -> Unwrapped:
    """The bytes inside any compression, HTTP and MIME layers, with what was opened."""
    declared, repairs = None, []
    unpadded = _without_nul_padding(raw)
    if unpadded is not None:
        raw = unpadded
        repairs.append("nul_padding_removed")
    for _ in range(NESTING):
        _reject_binary_format(raw)
        opened = (
            _decompressed(raw, limit)
            or _http_body(raw, limit)
            or _clipboard_html(raw)
            or _terminal_sequences_removed(raw)
            or _mime_text_part(raw)
            or _office_text(raw, limit)
            or _rtf_text(raw)
            or _unescaped(raw)
            or _hex_dump_read(raw)  # (before base64, whose alphabet holds hex digits)
            or _base64_body(raw)
            or _uudecoded(raw)
            or _modified_utf8_nuls_read(raw)
            or _surrogates_decoded(raw)
            or _double_references_undone(raw)
            or _latin1_references_undone(raw)
            or _latin1_layer_undone(raw)
        )
        if opened is None:
            break
        raw, charset, kind = opened
        declared = charset or declared  # a layer without a charset keeps the outer one's
        repairs.append(kind)
    return Unwrapped(raw, declared, tuple(repairs))


def _reject_binary_format(raw: bytes) -> None:
    for magic, what in BINARY_FORMATS:
        if raw.startswith(magic):
            raise DecodeError(f"{what}, not text")


def _without_nul_padding(raw: bytes) -> bytes | None:
    """``raw`` without the NUL bytes a file was padded with (a preallocated or crash-truncated
    file, a disk block's tail, a tool's zeroed header): four or more at its end or its start,
    more than UTF-16/32 text ends or starts with. A UTF-16/32 text (NULs throughout) keeps its
    code units whole; an archive's own trailing NULs (a zip's end record) are no padding."""
    if raw.startswith((ZIP_MAGIC, *(magic for magic, *_ in COMPRESSIONS))):
        return None
    start, end = len(raw) - len(raw.lstrip(b"\0")), len(raw.rstrip(b"\0"))
    start = start if start >= MIN_NUL_PADDING else 0
    end = end if len(raw) - end >= MIN_NUL_PADDING else len(raw)
    if start >= end or (start, end) == (0, len(raw)):
        return None
    if raw.count(0, start, end) > (end - start) // 8:
        start -= start % WIDEST_CODE_UNIT
        end = start + -(-(end - start) // WIDEST_CODE_UNIT) * WIDEST_CODE_UNIT
    return raw[start:end]


def _decompressed(raw: bytes, limit: int) -> tuple[bytes, None, str] | None:
    for magic, kind, decompressor, errors in COMPRESSIONS:
        if raw.startswith(magic):
            pieces, rest = [], raw
            while rest.startswith(magic):  # streams one after another (cat a.gz b.gz), as zcat reads them
                data, rest = _decompress(rest, decompressor(), errors, kind, limit, limit - sum(map(len, pieces)))
                pieces.append(data)
            return b"".join(pieces), None, kind
    return None


def _decompress(raw: bytes, decompressor, errors, kind: str, limit: int, budget: int) -> tuple[bytes, bytes]:
    """(one stream's data, the bytes after it); ``budget``: what ``limit`` leaves for it."""
    try:
        data = decompressor.decompress(raw, budget + 1)
    except errors as error:
        raise DecodeError(f"{kind.split('_')[0]} data that does not decompress: {error}") from None
    if len(data) > budget:
        raise DecodeError(f"{kind.split('_')[0]} data inflating beyond {limit // (1024 * 1024)} MiB")
    if not decompressor.eof:
        raise DecodeError(f"{kind.split('_')[0]} data cut short ({len(data)} bytes inflated)")
    return data, decompressor.unused_data


def _mime_text_part(raw: bytes) -> tuple[bytes, str | None, str] | None:
    """(payload, charset, repair) of the message's first HTML part, else its first plain-text
    part; None when ``raw`` is no MIME message or has no text part."""
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
    codec = codec_name(charset) if charset else None
    if part.get_content_type() == "text/plain":
        payload = _with_subject(payload, message, codec)
    elif not HTML_TITLE_RE.search(payload):
        payload = _with_subject_title(payload, message, codec)
    return payload, codec, "mime_text_part"


def _subject(message) -> str:
    """The message's Subject without Fwd:/Re:/转发：, RFC 2047's encoded words decoded each by its
    charset (email's make_header would encode them again); "" for none or one unreadable."""
    try:
        subject = "".join(
            part.decode(charset or "ascii") if isinstance(part, bytes) else part
            for part, charset in email.header.decode_header(message.get("Subject", ""))
        )
    except (LookupError, UnicodeError, email.errors.HeaderParseError):
        return ""  # a charset Python lacks, or bytes not in it
    return REPLY_PREFIX_RE.sub("", " ".join(subject.split()))


def _with_subject_title(payload: bytes, message, codec: str | None) -> bytes:
    """A message's HTML part without a <title> under its subject as the page's title, which the
    clean stage takes for the headline where the text shares its words (a mail client's HTML
    holds the body's paragraphs alone)."""
    subject = _subject(message)
    if not subject:
        return payload
    try:
        title = b"<title>" + html.escape(subject).encode(codec or "ascii", errors="xmlcharrefreplace") + b"</title>"
    except LookupError:
        return payload
    return title + payload


def _with_subject(payload: bytes, message, codec: str | None) -> bytes:
    """A plain-text message's payload under its subject, the headline a press release was sent
    with (a page's HTML has its own); not where the text repeats it in its first line."""
    subject = _subject(message)
    if not subject or codec is None and not subject.isascii():
        return payload
    try:
        encoded = subject.encode(codec or "ascii")
        first_line = payload.lstrip().split(b"\n", 1)[0]
    except (LookupError, UnicodeError):
        return payload
    if encoded in first_line:
        return payload
    return encoded + b"\n\n" + payload


def _http_body(raw: bytes, limit: int) -> tuple[bytes, str | None, str] | None:
    """(body, charset, repair) of a saved HTTP response, chunked transfer coding and deflate
    content coding undone (gzip, which its magic shows, is the next layer); None when ``raw``
    does not start with a status line."""
    status = HTTP_STATUS_RE.match(raw)
    if not status:
        return None
    end = HEADER_END_RE.search(raw, status.end())
    if not end:
        return None
    headers = email.message_from_bytes(raw[status.end():end.end()], policy=email.policy.compat32)
    body = raw[end.end():]
    if status.group(1)[:1] in (b"1", b"3") and (later := NEXT_HTTP_STATUS_RE.search(body)):
        return _http_body(body[later.start():], limit)  # a redirect or 100 Continue before the page's response
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = _dechunked(body)
    if (headers.get("Content-Encoding") or "").strip().lower() == "deflate":
        # zlib's wrapper, as the standard says; some servers send the raw stream
        zlib_header = len(body) > 1 and body[0] & 0x0F == 8 and int.from_bytes(body[:2]) % 31 == 0
        wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
        body, _ = _decompress(body, zlib.decompressobj(wbits), zlib.error, "deflate_decompressed", limit, limit)
    charset = headers.get_content_charset()
    return body, codec_name(charset) if charset else None, "http_headers_removed"


def _clipboard_html(raw: bytes) -> tuple[bytes, str, str] | None:
    header = CLIPBOARD_HTML_RE.match(raw)
    return (raw[header.end():], "utf-8", "clipboard_header_removed") if header else None


def _terminal_sequences_removed(raw: bytes) -> tuple[bytes, None, str] | None:
    if b"\x1b[" not in raw or b"\0" in raw:
        return None
    plain, found = TERMINAL_SEQUENCE_RE.subn(b"", raw)
    return (plain, None, "terminal_sequences_removed") if found else None


def _dechunked(body: bytes) -> bytes:
    """The chunked transfer coding undone; a body cut short keeps what arrived."""
    chunks, pos = [], 0
    while (size := CHUNK_SIZE_RE.match(body, pos)) and int(size.group(1), 16):
        start = size.end()
        chunks.append(body[start:start + int(size.group(1), 16)])
        pos = start + int(size.group(1), 16)
        pos += 2 if body[pos:pos + 2] == b"\r\n" else 1 if body[pos:pos + 1] == b"\n" else 0
    return b"".join(chunks) if chunks else body


def _office_text(raw: bytes, limit: int) -> tuple[bytes, str, str] | None:
    """The paragraphs of a word processor's document (DOCX, ODT: a zip of XML), one per line,
    as UTF-8. Another zip is a dead letter that lists some of its files."""
    if not raw.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            member = next((m for m in OFFICE_PARTS if m in archive.namelist()), None)
            if member is None:
                names = archive.namelist()
                listed = ", ".join(names[:ZIP_MEMBERS_NAMED]) + (", …" if len(names) > ZIP_MEMBERS_NAMED else "")
                raise DecodeError(
                    f"a zip archive of {len(names)} files ({listed}), no DOCX or ODT document: "
                    "unpack it into the watched folder"
                )
            if archive.getinfo(member).file_size > limit:
                raise DecodeError(f"{member} inflating beyond {limit // (1024 * 1024)} MiB")
            xml = archive.read(member)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise DecodeError(f"zip data that does not open: {error}") from None
    parser = etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(xml, parser)
    if root is None:
        raise DecodeError(f"{member} holds no XML")
    # Not the document's text: what tracked changes deleted, a field's code (HYPERLINK "…"), and
    # the copy of a text box Word keeps for older readers.
    for element in root.iter(*OFFICE_NOT_TEXT):
        element.text = None
    for fallback in list(root.iter(OFFICE_FALLBACK)):
        fallback.getparent().remove(fallback)  # (its tail: layout whitespace)
    paragraphs = [_own_text(p) for p in root.iter() if isinstance(p.tag, str) and p.tag in OFFICE_PARAGRAPHS]
    if not "".join(paragraphs).strip():
        raise DecodeError(f"{member} holds no paragraph text")
    return "\n".join(paragraphs).encode("utf-8"), "utf-8", "office_text_extracted"


def _own_text(element, top: bool = True) -> str:
    """A paragraph's text without that of the paragraphs inside it (a text box's, which are
    lines of their own)."""
    if not top and element.tag in OFFICE_PARAGRAPHS:
        return ""
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        parts += [_own_text(child, top=False), child.tail or ""]
    return "".join(parts)


def _rtf_text(raw: bytes) -> tuple[bytes, str, str] | None:
    """The text of an RTF document (a release saved from a word processor) as UTF-8. RTF
    writes characters beyond ASCII as escapes in the code page its header names (\\ansicpg936,
    a font's \\fcharset134) or as \\uN; raw bytes some writers leave read as Latin-1 here,
    mojibake the repairs read back."""
    if not raw.lstrip().startswith(RTF_MAGIC):
        return None
    text = rtf_to_text(RTF_ESCAPES_WRAPPED_RE.sub(rb"\1", raw).decode("latin-1"), errors="replace")
    # Handed on in the document's code page, which detection then names as its encoding;
    # as UTF-8 where its \\uN characters lie beyond that code page.
    code_page = RTF_CODE_PAGE_RE.search(raw)
    codec = code_page and codec_name(f"cp{int(code_page.group(1))}")
    if codec:
        try:
            return text.encode(codec), codec, "rtf_text_extracted"
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8"), "utf-8", "rtf_text_extracted"


def _unescaped(raw: bytes) -> tuple[bytes, None, str] | None:
    """The bytes an escaped ASCII text stands for: percent-encoded and escaped bytes as they
    are (their encoding is detected next), \\uXXXX and non-ASCII character references as UTF-8."""
    if not raw.isascii():
        return None
    for pattern, kind, unescape in ESCAPES:
        if pattern is UNICODE_ESCAPE_RE and not CHARACTER_ESCAPE_RE.search(raw):
            continue
        if pattern is JAVASCRIPT_ESCAPE_RE and b"%u" not in raw:
            continue
        covered = sum(len(match) for match in pattern.findall(raw))
        if covered and covered >= ESCAPED_SHARE * len(raw.strip()):
            if pattern is UNICODE_ESCAPE_RE:
                as_json = _json_written_out(raw.decode("ascii"))
                if as_json is not None:
                    return as_json, None, kind
            if pattern is BYTE_ESCAPE_RE and (as_json := _json_bytes_unescaped(raw)) is not None:
                return as_json, None, kind
            if pattern in REPR_RE and (written := REPR_RE[pattern].match(raw)):
                raw = written.group(2)
            return pattern.sub(unescape, raw), None, kind
    return None


def _hex_dump_read(raw: bytes) -> tuple[bytes, None, str] | None:
    """The bytes of a hex dump (see HEX_DUMP_RE), whose encoding is then detected."""
    if not HEX_DUMP_RE.match(raw):  # (first: it stops at a text's first byte that is no hex digit)
        return None
    digits = b"".join(raw.split())
    if len(digits) < MIN_HEX_DUMP_DIGITS or not HEX_LETTER_RE.search(digits):
        return None
    return bytes.fromhex(digits.decode("ascii")), None, "hex_dump_read"


def _base64_body(raw: bytes) -> tuple[bytes, None, str] | None:
    """The bytes of a base64 body (see BASE64_BODY_RE), whose encoding is then detected."""
    if not BASE64_BODY_RE.match(raw):
        return None
    try:
        return base64.b64decode(b"".join(raw.split()), validate=True), None, "base64_decoded"
    except binascii.Error:
        return None


def _uudecoded(raw: bytes) -> tuple[bytes, None, str] | None:
    """The bytes of a uuencoded file (see UUENCODED_RE), whose encoding is then detected."""
    encoded = UUENCODED_RE.match(raw)
    if encoded is None:
        return None
    try:
        return b"".join(binascii.a2b_uu(line) for line in encoded.group(1).splitlines()), None, "uudecoded"
    except binascii.Error:
        return None


def _modified_utf8_nuls_read(raw: bytes) -> tuple[bytes, None, str] | None:
    """Java's modified UTF-8 (see MODIFIED_UTF8_NULS_RE): each run of its NULs a line break,
    where the rest then reads as UTF-8 (its surrogate pairs as CESU-8's: surrogates_decoded's)."""
    if b"\xc0\x80" not in raw:
        return None
    read = MODIFIED_UTF8_NULS_RE.sub(b"\n", raw)
    try:
        read.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return None
    return read, None, "modified_utf8_nuls_read"


def _double_references_undone(raw: bytes) -> tuple[bytes, None, str] | None:
    """Numeric character references escaped again (&amp;#20013;) as references (&#20013;),
    which the HTML parser, or the unescaping of a text mostly escapes, then reads."""
    undone, count = DOUBLE_REFERENCE_RE.subn(rb"&\1", raw)
    return (undone, None, "double_escaped_references_undone") if count >= MIN_DOUBLE_REFERENCES else None


def _latin1_references_undone(raw: bytes) -> tuple[bytes, str, str] | None:
    """UTF-8 that PHP's htmlentities() escaped as ISO-8859-1 (its default before PHP 5.4): each
    byte of a character a Latin-1 letter's reference (中, E4 B8 AD, as &auml;&cedil;&shy;), the
    bytes Latin-1 names no reference for (0x80-0x9F) left as they were. Each reference below
    U+0100 back to its byte, where the bytes then read as UTF-8 (a page about Ä or é does not)."""
    references = LATIN1_REFERENCE_RE.findall(raw)
    if len(references) < MIN_LATIN1_REFERENCES:
        return None
    undone = LATIN1_REFERENCE_RE.sub(_latin1_reference_byte, raw)
    if undone == raw or not decodes(undone, "utf-8") or decodes(raw, "utf-8") and undone.isascii():
        return None
    return undone, "utf-8", "latin1_references_undone"


def _latin1_layer_undone(raw: bytes) -> tuple[bytes, None, str] | None:
    """The bytes of a file a script read as Latin-1 and wrote out as UTF-8: UTF-8 of characters
    U+0000-U+00FF alone, opening with a byte-order mark so read (ÿþ, þÿ, ï»¿: a UTF-16 file, its
    NULs and code units each a character)."""
    if not raw.startswith(LATIN1_READ_BOMS):
        return None
    try:
        return raw.decode("utf-8").encode("latin-1"), None, "latin1_layer_undone"
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None


def _latin1_reference_byte(match: re.Match) -> bytes:
    name = match.group(1)
    if name.startswith(b"#"):
        code = int(name[2:], 16) if name[1:2] in b"xX" else int(name[1:])
    else:
        code = html.entities.name2codepoint.get(name.decode("ascii"), 0)
    return bytes((code,)) if 0xA0 <= code <= 0xFF else match.group()


def _surrogates_decoded(raw: bytes) -> tuple[bytes, None, str] | None:
    """UTF-8 holding surrogates (see SURROGATE_RE): each pair as its character, each byte
    surrogateescape kept as that byte (a GBK span or file, whose encoding detection then names),
    any other lone surrogate as U+FFFD. Only where the rest is UTF-8: GBK text itself may hold
    ED A0 and a lead byte."""
    if not SURROGATE_RE.search(raw):
        return None
    try:
        text = raw.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return None
    paired = text.encode("utf-16-le", errors="surrogatepass").decode("utf-16-le", errors="surrogatepass")
    return _escaped_bytes_kept(paired).encode("utf-8", errors="surrogateescape"), None, "surrogates_decoded"


def _escaped_bytes_kept(text: str) -> str:
    """``text`` with its lone surrogates as U+FFFD but those of bytes surrogateescape kept
    (U+DC80-U+DCFF), which _surrogates_decoded reads as the bytes."""
    def kept(match: re.Match) -> str:
        return match.group() if "\udc80" <= match.group() <= "\udcff" else "\ufffd"

    return LONE_SURROGATE_RE.sub(kept, text)


def _json_written_out(text: str) -> bytes | None:
    """A JSON text (or JSON Lines) that escapes all but ASCII, as JSON in UTF-8: its strings'
    quotes and line breaks stay escaped, the clean stage reads its records. None if no JSON."""
    documents = json_documents(text)
    if not documents:
        return None
    written = "\n".join(json.dumps(document, ensure_ascii=False) for document in documents)
    return _escaped_bytes_kept(written).encode("utf-8", errors="surrogatepass")


def _json_bytes_unescaped(raw: bytes) -> bytes | None:
    """A JSON text whose strings a crawler wrote as escaped bytes (\\xNN, which JSON has no
    escape for), with those bytes in place and JSON's own escapes (\\n, \\") kept, so the
    clean stage reads its records once detection has read the bytes. None if no JSON."""
    unescaped = JSON_BYTE_ESCAPE_RE.sub(_json_byte, raw)
    return unescaped if json_documents(unescaped.decode("latin-1")) else None


def _json_byte(match: re.Match) -> bytes:
    return bytes((int(match.group(1), 16),)) if match.group(1) else match.group()


def _unicode_escapes(match: re.Match) -> bytes:
    # As UTF-16 code units: a pair of escapes (\\ud83d\\udce6) is one character, a lone half U+FFFD
    # (or the byte surrogateescape kept).
    units = b"".join(
        _utf16_units(int(b"".join(digits), 16)) if any(digits) else SHORT_ESCAPES[letter].encode("utf-16-be")
        for *digits, letter in ESCAPE_RE.findall(match.group())
    )
    return _escaped_bytes_kept(units.decode("utf-16-be", errors="surrogatepass")).encode("utf-8", errors="surrogatepass")


def _utf16_units(code: int) -> bytes:
    """The UTF-16 code units of one escape's number: a surrogate half as itself (its pair may
    follow), a number past Unicode as U+FFFD."""
    if code <= 0xFFFF:
        return code.to_bytes(2, "big")
    return chr(code if code <= 0x10FFFF else 0xFFFD).encode("utf-16-be")


def _byte_escapes(match: re.Match) -> bytes:
    return bytes(
        int(hex_digits, 16) if hex_digits else int(octal, 8) if octal else SHORT_BYTE_ESCAPES[letter][0]
        for hex_digits, octal, letter in BYTE_ESCAPE_PART_RE.findall(match.group())
    )


def _character_reference(match: re.Match) -> bytes:
    digits = match.group()[2:-1]
    code = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
    return chr(code).encode("utf-8") if 0x80 <= code <= 0x10FFFF and not 0xD800 <= code < 0xE000 else match.group()


def _javascript_escapes(match: re.Match) -> bytes:
    # escape()'s %uXXXX is a UTF-16 code unit, its %XX a character below U+0100 (not a byte).
    units = b"".join(
        int(wide or narrow, 16).to_bytes(2, "big") for wide, narrow in JAVASCRIPT_ESCAPE_PART_RE.findall(match.group())
    )
    return _escaped_bytes_kept(units.decode("utf-16-be", errors="surrogatepass")).encode("utf-8", errors="surrogatepass")


ESCAPES = (
    (JAVASCRIPT_ESCAPE_RE, "javascript_escapes_decoded", _javascript_escapes),
    (PERCENT_RE, "percent_decoded", lambda match: urllib.parse.unquote_to_bytes(match.group())),
    (UNICODE_ESCAPE_RE, "unicode_escapes_decoded", _unicode_escapes),
    (BYTE_ESCAPE_RE, "byte_escapes_decoded", _byte_escapes),
    (CHARACTER_REFERENCE_RE, "character_references_decoded", _character_reference),
    (QUOTED_PRINTABLE_RE, "quoted_printable_decoded", lambda match: quopri.decodestring(match.group())),
)
