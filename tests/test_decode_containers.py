"""Compressed files without their extension and MIME messages (e-mail, MHTML pages) are
opened before detection; what was opened is named in ``repairs``."""

import base64
import binascii
import bz2
import codecs
import gzip
import html
import html.entities
import io
import json
import lzma
import quopri
import urllib.parse
import zipfile
import zlib

import opencc
import pytest

from conftest import seed_bytes
from pipeline.decode import DecodeError, Decoder
from pipeline.decode.containers import Unwrapped, unwrap

SEED = seed_bytes("000").decode("utf-8")
TITLE = "刘爱力调研黑龙江邮政时强调积极探索行业最佳实践"


@pytest.fixture(scope="module")
def decoder():
    return Decoder()


@pytest.mark.parametrize(
    "compress, kind",
    [(gzip.compress, "gzip_decompressed"), (bz2.compress, "bzip2_decompressed"), (lzma.compress, "xz_decompressed")],
)
def test_compressed_file_without_its_extension(decoder, compress, kind):
    decoded = decoder.decode(compress(SEED.encode("gbk", errors="ignore")))
    assert decoded.encoding == "gbk"
    assert decoded.repairs[0] == kind
    assert TITLE in decoded.text


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_a_compressed_file_of_several_streams_is_read_whole(decoder, compress):
    # cat a.gz b.gz: zcat reads both streams; all after the first was dropped without a word.
    first, second = SEED[:300], SEED[300:600]
    decoded = decoder.decode(compress(first.encode("utf-8")) + compress(second.encode("utf-8")))
    assert decoded.text == decoder.decode((first + second).encode("utf-8")).text


def test_mhtml_page_quoted_printable_with_the_charset_in_its_header(decoder):
    # A page saved as MHTML: the HTML part is GBK, quoted-printable, its charset in the
    # part's header while the page's own meta claims UTF-8 (the header wins, as in browsers).
    page = f'<html><head><meta charset="utf-8"></head><body><p>{SEED}</p></body></html>'
    raw = (
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/css\r\n\r\np { color: red }\r\n"
        b'------B\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        + quopri.encodestring(page.encode("gbk", errors="ignore"))
        + b"\r\n------B--\r\n"
    )
    assert TITLE.encode("gbk") not in raw
    decoded = decoder.decode(raw)
    assert (decoded.encoding, decoded.repairs[:1]) == ("gbk", ("mime_text_part",))
    assert "declared_charset_overruled" not in decoded.repairs
    assert TITLE in decoded.text and "color: red" not in decoded.text


def test_email_with_a_base64_plain_text_body(decoder):
    raw = b"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
    decoded = decoder.decode(gzip.compress(raw + base64.encodebytes(SEED.encode("utf-8"))))
    assert decoded.repairs[:2] == ("gzip_decompressed", "mime_text_part")
    assert decoded.text == decoder.decode(SEED.encode("utf-8")).text


BODY = "1月19日，安徽省邮政管理局发布消息，2023年全省共打造“快递进厂”项目126个。\n"


@pytest.mark.parametrize(
    "subject_header, subject",
    [
        ("=?gb2312?B?" + base64.b64encode("安徽“快递进厂”项目带动制造业出货".encode("gb2312")).decode() + "?=",
         "安徽“快递进厂”项目带动制造业出货"),
        ("Fwd: =?utf-8?Q?" + quopri.encodestring("转发：江西脐橙寄递量增长".encode()).decode().replace("=\n", "") + "?=",
         "江西脐橙寄递量增长"),
    ],
)
def test_plain_text_email_keeps_its_subject_as_the_first_line(decoder, subject_header, subject):
    # A press release sent by mail has its headline in the Subject header only.
    raw = (
        f"From: press@example.com\nSubject: {subject_header}\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n"
    ).encode("ascii") + base64.encodebytes(BODY.encode("gb2312"))
    decoded = decoder.decode(raw)
    assert decoded.text == subject + "\n\n" + BODY


def test_an_iso_2022_cn_mail_keeps_its_subject(decoder):
    # ISO-2022-CN, the 7-bit code of old Chinese mail: Python has no codec for it (ours decoded
    # only), and email's header decoding encodes the subject again: it was dropped.
    subject = "潍坊寿光蔬菜搭上快递“快车”"
    encoded, _ = codecs.lookup("iso2022_cn").encode(subject)
    body, _ = codecs.lookup("iso2022_cn").encode(BODY)
    raw = (
        b"Subject: =?ISO-2022-CN?B?" + base64.b64encode(encoded) + b"?=\nMIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=ISO-2022-CN\n\n" + body
    )
    assert decoder.decode(raw).text == f"{subject}\n\n{BODY}"


def test_an_html_mail_without_a_title_takes_its_subject_as_the_page_s_title(decoder):
    # multipart/alternative: the HTML part (preferred) held the paragraphs alone, no headline.
    subject = "贵阳综合保税区开通国际快件监管中心"
    html_part = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    raw = (
        "Subject: =?utf-8?B?" + base64.b64encode(subject.encode()).decode() + "?=\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        f"{BODY}\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body>{html_part}</body></html>\n--b--\n"
    ).encode("utf-8")
    assert f"<title>{subject}</title>" in decoder.decode(raw).text


def test_email_subject_the_text_repeats_is_not_added(decoder):
    subject = "安徽“快递进厂”项目带动制造业出货"
    header = "=?utf-8?B?" + base64.b64encode(subject.encode()).decode() + "?="
    raw = (
        f"Subject: {header}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{subject}\n\n{BODY}"
    ).encode("utf-8")
    assert decoder.decode(raw).text == f"{subject}\n\n{BODY}"


def test_text_starting_with_a_header_like_line_is_not_mime(decoder):
    raw = ("Subject: 邮政简讯\n\n" + SEED).encode("utf-8")
    decoded = decoder.decode(raw)
    assert decoded.text.startswith("Subject: 邮政简讯")
    assert "mime_text_part" not in decoded.repairs


def test_truncated_compressed_file_is_rejected(decoder):
    with pytest.raises(DecodeError, match="gzip data cut short"):
        decoder.decode(gzip.compress(SEED.encode("utf-8"))[:300])


@pytest.mark.parametrize("magic", [b"\x1f\x8b", b"BZh9", b"\xfd7zXZ\x00"])
def test_corrupt_compressed_data_is_a_decode_error(decoder, magic):
    with pytest.raises(DecodeError, match="does not decompress"):
        decoder.decode(magic + SEED.encode("utf-8"))


def test_decompression_bomb_is_rejected():
    with pytest.raises(DecodeError, match="inflating beyond"):
        unwrap(gzip.compress(b"\0" * 10_000), limit=1000)


def _chunked(body: bytes, size: int = 100) -> bytes:
    chunks = [body[i:i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks) + b"0\r\n\r\n"


def test_http_response_saved_with_its_headers(decoder):
    # curl -i of a GBK page sent gzipped and chunked, its charset in the header only.
    page = f"<html><body><p>{SEED}</p></body></html>".encode("gbk", errors="ignore")
    raw = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nContent-Encoding: gzip\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(gzip.compress(page))
    )
    decoded = decoder.decode(raw)
    assert decoded.repairs[:2] == ("http_headers_removed", "gzip_decompressed")
    assert decoded.encoding == "gbk"
    assert TITLE in decoded.text and "HTTP/1.1" not in decoded.text


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw-deflate"])
def test_http_response_with_deflate_content_coding(decoder, wbits):
    # Content-Encoding: deflate means zlib's wrapper; some servers send the raw stream.
    page = f"<html><body><p>{SEED}</p></body></html>".encode("gbk", errors="ignore")
    compressor = zlib.compressobj(wbits=wbits)
    raw = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nContent-Encoding: deflate\r\n\r\n"
        + compressor.compress(page) + compressor.flush()
    )
    decoded = decoder.decode(raw)
    assert decoded.encoding == "gbk"
    assert TITLE in decoded.text and "HTTP/1.1" not in decoded.text


def test_http_responses_of_a_redirect_saved_with_curl_L_give_the_last_one(decoder):
    # curl -iL: the redirect's response (with a body of its own), then the page's.
    moved = b"<html><head><title>301 Moved Permanently</title></head><body><h1>301 Moved Permanently</h1></body></html>\r\n"
    page = f"<html><body><p>{SEED}</p></body></html>".encode("gbk", errors="ignore")
    raw = (
        b"HTTP/1.1 301 Moved Permanently\r\nContent-Type: text/html\r\nContent-Length: %d\r\nLocation: https://x.cn/a\r\n\r\n"
        % len(moved) + moved + b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n" + page
    )
    decoded = decoder.decode(raw)
    assert decoded.encoding == "gbk"
    assert TITLE in decoded.text and "Moved Permanently" not in decoded.text and "HTTP/1.1" not in decoded.text


def test_json_with_unicode_escapes(decoder):
    raw = json.dumps({"title": TITLE, "content": SEED[:300]}).encode("ascii")
    decoded = decoder.decode(raw)
    assert decoded.repairs[:1] == ("unicode_escapes_decoded",)
    assert TITLE in decoded.text and "\\u" not in decoded.text


@pytest.mark.parametrize("escape", [ascii, lambda text: text.encode("unicode_escape").decode("ascii")])
def test_text_escaped_by_python_keeps_its_latin1_and_astral_characters(decoder, escape):
    # ascii() and unicode_escape write \u90ae, but \xb7 for the · of 3·15, \xa0 for a
    # no-break space and \U0001f4e6 for 📦: characters, not bytes, beside \u escapes.
    text = f"开展“3·15”消费者权益日活动，\xa0共寄出包裹📦。\n{SEED[:200]}"
    decoded = decoder.decode(escape(text).encode("ascii"))
    assert decoded.repairs[:1] == ("unicode_escapes_decoded",)
    assert decoded.text == decoder.decode(text.encode()).text


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
@pytest.mark.parametrize("written", ["surrogatepass", "json"])
def test_bytes_kept_by_surrogateescape_are_read_as_those_bytes(decoder, encoding, written):
    # A scraper read GBK bytes as UTF-8 with errors="surrogateescape" (中 is \udcd6\udcd0) and
    # wrote the text out with surrogatepass, or as JSON: not text before (the surrogates' UTF-8,
    # ED B3 96, is none; json's lone \udcd6 was U+FFFD).
    text = SEED[:300].replace("\n", "")  # JSON escapes line breaks: the text compared is one line
    source = (opencc.OpenCC("s2tw").convert(text) if encoding == "big5" else text).encode(encoding, errors="ignore")
    kept = source.decode("utf-8", errors="surrogateescape")
    raw = kept.encode("utf-8", errors="surrogatepass") if written == "surrogatepass" else json.dumps({"content": kept}).encode()
    decoded = decoder.decode(raw)
    assert "surrogates_decoded" in decoded.repairs and decoded.encoding == encoding
    assert decoder.decode(source).text in decoded.text


def test_cesu8_pairs_are_read_as_their_characters(decoder):
    # CESU-8 and Java's modified UTF-8 write 📦 as its surrogate pair, ED A0 BD ED B3 A6.
    text = "邮政快递包裹📦寄递服务，点赞👍！" + SEED[:200]
    units = text.encode("utf-16-be")
    cesu = "".join(chr(int.from_bytes(units[i:i + 2], "big")) for i in range(0, len(units), 2))
    decoded = decoder.decode(cesu.encode("utf-8", errors="surrogatepass"))
    assert decoded.repairs[:1] == ("surrogates_decoded",)
    assert decoded.text == decoder.decode(text.encode()).text


@pytest.mark.parametrize("escaped", ["&amp;", "&amp;amp;"])
@pytest.mark.parametrize("markup", ["<html><body><h1>{}</h1><p>{}</p></body></html>", "{}\n{}"])
def test_character_references_escaped_again_are_read(decoder, escaped, markup):
    # A CMS escaped its references' ampersands: &amp;#37038; shows as &#37038; on the page.
    lines = [TITLE, SEED.split("\n")[2] or SEED[100:200]]
    references = ["".join(f"{escaped}#{ord(ch)};" if ord(ch) > 0x7F else ch for ch in line) for line in lines]
    decoded = decoder.decode(markup.format(*references).encode("ascii"))
    assert decoded.repairs[:1] == ("double_escaped_references_undone",)
    assert TITLE in decoded.text or TITLE in html.unescape(decoded.text)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_base64_body_saved_without_its_headers(decoder, encoding):
    # An e-mail's text part saved alone: its base64 lines were read as ASCII text.
    source = SEED[:600].encode(encoding, errors="ignore")
    decoded = decoder.decode(base64.encodebytes(source))
    assert (decoded.encoding, decoded.repairs[:1]) == (encoding, ("base64_decoded",))
    assert decoded.text == decoder.decode(source).text


@pytest.mark.parametrize(("encoding", "width"), [("utf-16-be", 140), ("gbk", 64), ("utf-8", 76)])
def test_a_hex_dump_of_the_text_s_bytes_is_read(decoder, encoding, width):
    # An SMS gateway's log of UCS-2 segments, a database's binary column: lines of hex digits
    # came out as a story of hex (and a dump wrapped as base64 wraps read as base64).
    source = SEED[:300].encode(encoding, errors="ignore")
    digits = source.hex().upper()
    decoded = decoder.decode("\n".join(digits[i:i + width] for i in range(0, len(digits), width)).encode("ascii"))
    assert decoded.repairs[:1] == ("hex_dump_read",)
    assert decoded.text == decoder.decode(source).text


def test_a_column_of_numbers_is_no_hex_dump(decoder):
    raw = "\n".join(f"{2020 + i} {10 * i + 12}" for i in range(20)).encode("ascii")
    assert "hex_dump_read" not in decoder.decode(raw).repairs


def test_percent_encoded_gbk(decoder):
    decoded = decoder.decode(urllib.parse.quote(SEED[:300], encoding="gbk", errors="ignore").encode("ascii"))
    assert (decoded.encoding, decoded.repairs[:1]) == ("gbk", ("percent_decoded",))
    assert TITLE in decoded.text


def test_text_javascript_escape_wrote(decoder):
    # escape(): %uXXXX for each character past U+00FF, %XX for the rest but ASCII letters.
    source = SEED[:300]
    escaped = "".join(
        c if c.isascii() and (c.isalnum() or c in "@*_+-./") else f"%{ord(c):02X}" if ord(c) < 0x100 else f"%u{ord(c):04X}"
        for c in source
    )
    decoded = decoder.decode(escaped.encode("ascii"))
    assert decoded.repairs[:1] == ("javascript_escapes_decoded",)
    assert decoded.text == decoder.decode(source.encode("utf-8")).text


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_bytes_saved_as_their_python_repr(decoder, encoding):
    # A scraper wrote str(response.content): b'...' with \xNN for every byte past ASCII, and
    # the line breaks as \n.
    source = SEED[:300].encode(encoding, errors="ignore")
    decoded = decoder.decode(repr(source).encode("ascii"))
    assert (decoded.encoding, decoded.repairs[:1]) == (encoding, ("byte_escapes_decoded",))
    assert decoded.text == decoder.decode(source).text


def test_bytes_escaped_in_octal(decoder):
    # As git quotes a path and printf writes a string: \351\202\256 for 邮.
    raw = "".join(ch if ch.isascii() else "".join(f"\\{byte:03o}" for byte in ch.encode()) for ch in SEED[:300])
    decoded = decoder.decode(raw.encode("ascii"))
    assert decoded.repairs[:1] == ("byte_escapes_decoded",)
    assert decoded.text == decoder.decode(SEED[:300].encode()).text


def test_text_with_a_few_backslashes_is_no_escaped_text(decoder):
    raw = "Files are under C:\\new\\x41 and D:\\temp on the server; see the notes.\n".encode("ascii")
    decoded = decoder.decode(raw)
    assert decoded.repairs == () and decoded.text == raw.decode("ascii")


def test_character_references_in_plain_text(decoder):
    raw = "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in SEED[:300]).encode("ascii")
    decoded = decoder.decode(raw)
    assert decoded.repairs[:1] == ("character_references_decoded",)
    assert TITLE in decoded.text


def test_quoted_printable_without_mime_headers(decoder):
    decoded = decoder.decode(quopri.encodestring(SEED.encode("gbk", errors="ignore")))
    assert (decoded.encoding, decoded.repairs[:1]) == ("gbk", ("quoted_printable_decoded",))
    assert TITLE in decoded.text


def test_a_few_escapes_in_text_are_left_alone(decoder):
    # ASCII text with a URL and a Windows path: their escapes are not the text's encoding.
    text = (
        "The parcel lockers opened on Monday in the main hall of the central post office.\n"
        "Search the tracking page at https://example.com/track?q=%E9%82%AE%E6%94%BF for details.\n"
        "Staff keep the forms in C:\\new\\forms on the counter computers.\n"
    )
    decoded = decoder.decode(text.encode("ascii"))
    assert (decoded.encoding, decoded.repairs) == ("ascii", ())
    assert "%E9%82%AE" in decoded.text and "C:\\new" in decoded.text


@pytest.mark.parametrize("raw", [b"", b"  \n", b"plain ASCII text without any escape\n"])
def test_nothing_to_open(raw):
    assert unwrap(raw) == Unwrapped(raw)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize("padding", [4, 7, 4096])
def test_nul_padding_after_the_text_is_removed(decoder, encoding, padding):
    # A file preallocated or cut by a crash ends in NUL bytes: they are no content.
    text = SEED[:600].replace("\u2022", "").replace("\xa0", " ")
    raw = text.encode(encoding, errors="ignore")
    decoded = decoder.decode(raw + b"\0" * padding)
    assert decoded.repairs[0] == "nul_padding_removed"
    assert decoded.text == decoder.decode(raw).text
    assert "\0" not in decoded.text


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize("padding", [4, 512])
def test_nul_padding_before_the_text_is_removed(decoder, encoding, padding):
    # A tool's zeroed header, or a block the file was written after: no content either.
    text = SEED[:600].replace("\u2022", "").replace("\xa0", " ")
    raw = text.encode(encoding, errors="ignore")
    decoded = decoder.decode(b"\0" * padding + raw)
    assert decoded.repairs[0] == "nul_padding_removed"
    assert decoded.text == decoder.decode(raw).text


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8"])
def test_nul_bytes_inside_a_byte_code_s_text_are_no_character(decoder, encoding):
    # A writer's or a device's NULs every few hundred bytes, some between a character's bytes:
    # read with them, the character split there read as damage and was "repaired" wrongly.
    raw = SEED[:600].replace("\u2022", "").replace("\xa0", " ").encode(encoding, errors="ignore")
    blocks = [raw[i:i + 97] for i in range(0, len(raw), 97)]
    assert any(block[-1] >= 0x80 for block in blocks[:-1])  # (a NUL falls inside a character)
    decoded = decoder.decode(b"\0".join(blocks))
    assert "nul_bytes_removed" in decoded.repairs
    assert decoded.text == decoder.decode(raw).text


@pytest.mark.parametrize("encoding", ["gb2312", "big5", "utf-8"])
def test_dos_end_of_file_mark_is_no_character(decoder, encoding):
    # DOS and old Windows tools wrote Ctrl-Z after a text: in a short text, one control
    # character in thirty read as binary content. (UTF-16-BE 业 ends in the byte 0x1A too:
    # the mark is known once the text is decoded.)
    text = "中国邮政集团有限公司今天发布消息，全国快递业务量同比增长。\n"
    if encoding == "big5":
        text = "中國郵政集團有限公司今天發佈消息，全國快遞業務量同比增長。\n"
    decoded = decoder.decode(text.encode(encoding) + b"\x1a")
    assert decoded.repairs[:1] == ("eof_marker_removed",)
    assert decoded.text == decoder.decode(text.encode(encoding)).text


@pytest.mark.parametrize("encoding", ["gb2312", "big5"])
def test_xmodem_padding_of_end_of_file_marks_is_no_character(decoder, encoding):
    # XMODEM pads a file's last block of 128 bytes with Ctrl-Z: a short text's marks were a
    # fifth of what its encoding was judged by, and it read as no language.
    text = "邮政支局今年为辖区学校订阅报刊两千余份，并送报上门。\n"
    if encoding == "big5":
        text = "郵政支局今年為轄區學校訂閱報刊兩千餘份，並送報上門。\n"
    raw = text.encode(encoding)
    decoded = decoder.decode(raw + b"\x1a" * (128 - len(raw) % 128))
    assert decoded.repairs[:1] == ("eof_marker_removed",)
    assert decoded.text == decoder.decode(raw).text


def test_utf16_text_ending_in_byte_0x1a_keeps_its_last_character(decoder):
    text = "对中国邮政来说，主业要强，必须主抓主业"  # 业: U+4E1A
    decoded = decoder.decode(b"\xfe\xff" + text.encode("utf-16-be"))
    assert decoded.text == text and "eof_marker_removed" not in decoded.repairs


def test_utf32_text_keeps_its_own_trailing_nuls(decoder):
    raw = SEED[:600].encode("utf-32-le")  # ends in '\n' 00 00 00: three NULs are the text's
    decoded = decoder.decode(raw)
    assert "nul_padding_removed" not in decoded.repairs
    assert TITLE in decoded.text


def _rtf(body: str, header: str = r"\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}") -> bytes:
    return ("{\\rtf1" + header + "\\f0\\fs24 " + body + "\\par}").encode("ascii")


def test_rtf_document_in_its_code_page_is_read_as_its_text(decoder):
    # Word processors write GBK text as \'xx escapes of the code page the header names.
    paragraphs = SEED.split("\n")[:6]
    escaped = "\\par ".join("".join(f"\\'{byte:02x}" for byte in p.encode("gbk", errors="ignore")) for p in paragraphs)
    decoded = decoder.decode(_rtf(escaped))
    assert decoded.repairs[0] == "rtf_text_extracted"
    assert decoded.encoding == "gbk"
    assert TITLE in decoded.text
    assert "\\" not in decoded.text and "rtf" not in decoded.text


def test_rtf_document_wrapped_between_a_character_s_escapes_keeps_the_character(decoder):
    # A writer wraps its lines every so many characters, between two escapes of one character.
    text = "茶叶包裹每天发出五千多件，销往全国各地。"
    escapes = "".join(f"\\'{byte:02x}" for byte in text.encode("gbk"))
    cut = escapes.index("\\'", len(escapes) // 2 + 1)
    if escapes[:cut].count("\\'") % 2 == 0:
        cut = escapes.index("\\'", cut + 1)  # inside a character: after its first byte
    decoded = decoder.decode(_rtf(escapes[:cut] + "\n" + escapes[cut:]))
    assert decoded.text.strip() == text
    assert decoded.repairs == ("rtf_text_extracted",)


def test_rtf_document_of_unicode_escapes_is_read_as_its_text(decoder):
    body = "".join(f"\\u{ord(ch)}?" if ord(ch) > 0x7F else ch for ch in TITLE)
    decoded = decoder.decode(_rtf(body, r"\ansi\ansicpg1252\uc1{\fonttbl{\f0 Times New Roman;}}"))
    assert decoded.text.strip() == TITLE
    assert decoded.repairs[0] == "rtf_text_extracted"


def _zip(members: dict[str, str]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return data.getvalue()


PARAGRAPHS = [TITLE, "来源：中国邮政网  作者：仲驿", "8月11日至14日，集团公司一行到黑龙江邮政调研，走访慰问一线员工。"]


def test_docx_document_is_read_as_its_paragraphs(decoder):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    # A paragraph's runs (bold, plain) make one line.
    body = "".join(f"<w:p><w:r><w:t>{p[:4]}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{p[4:]}</w:t></w:r></w:p>" for p in PARAGRAPHS)
    raw = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'})
    decoded = decoder.decode(raw)
    assert decoded.repairs[0] == "office_text_extracted"
    assert decoded.text.splitlines() == PARAGRAPHS


def test_docx_text_is_what_word_shows_without_deletions_field_codes_or_a_text_box_twice(decoder):
    # Tracked changes keep deleted text, a link keeps its field code, and Word 2010 saves a text
    # box twice (for older readers): all were read as text.
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    def run(text):
        return f"<w:r><w:t>{text}</w:t></w:r>"

    caption = f"<w:txbxContent><w:p>{run('图为投递员在山村收寄包裹。')}</w:p></w:txbxContent>"
    first = (
        run("3月11日，随着") + "<w:del><w:r><w:delText>（暂定）</w:delText></w:r></w:del>" + run("无人机起飞，邮路开通。")
        + f"<w:r><mc:AlternateContent><mc:Choice>{caption}</mc:Choice><mc:Fallback>{caption}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    second = (
        run("主") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x.cn/a" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("要运送报刊") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run("。")
    )
    document = f'<w:document xmlns:w="{w}" xmlns:mc="{mc}"><w:body><w:p>{first}</w:p><w:p>{second}</w:p></w:body></w:document>'
    decoded = decoder.decode(_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": document}))
    assert decoded.text.splitlines() == ["3月11日，随着无人机起飞，邮路开通。", "图为投递员在山村收寄包裹。", "主要运送报刊。"]


def test_odt_document_is_read_as_its_paragraphs(decoder):
    t = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = f"<text:h>{PARAGRAPHS[0]}</text:h>" + "".join(f"<text:p>{p}</text:p>" for p in PARAGRAPHS[1:])
    raw = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": f'<office:document-content xmlns:office="urn:x" xmlns:text="{t}"><office:body><office:text>{body}</office:text></office:body></office:document-content>'})
    assert decoder.decode(raw).text.splitlines() == PARAGRAPHS


def test_a_zip_of_other_files_is_a_dead_letter_listing_them(decoder):
    raw = _zip({f"article{i}.txt": SEED for i in range(5)})
    with pytest.raises(DecodeError, match=r"a zip archive of 5 files \(article0.txt, article1.txt, article2.txt, …\)"):
        decoder.decode(raw)


@pytest.mark.parametrize(
    "raw, named",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 8, "a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "an OLE2 compound document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "a JPEG image"),
    ],
)
def test_files_of_a_binary_format_are_dead_letters_naming_it(decoder, raw, named):
    # "binary content: 12% control characters" told the reader nothing about what arrived.
    with pytest.raises(DecodeError, match=f"^{named}"):
        decoder.decode(raw)


def test_a_compressed_pdf_is_named_too(decoder):
    with pytest.raises(DecodeError, match="^a PDF document"):
        decoder.decode(gzip.compress(b"%PDF-1.4\n" + bytes(range(256)) * 4))


def test_a_document_without_paragraph_text_is_a_dead_letter_saying_so(decoder):
    with pytest.raises(DecodeError, match="word/document.xml holds no paragraph text"):
        decoder.decode(_zip({"word/document.xml": "<document><body>邮政</body></document>"}))


def _folded(raw: bytes, width: int) -> bytes:
    """``raw`` as ``fold -b -w width`` writes it: each line cut every ``width`` bytes."""
    return b"\n".join(
        b"\n".join(line[i:i + width] for i in range(0, max(1, len(line)), width)) for line in raw.split(b"\n")
    )


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "big5"])
@pytest.mark.parametrize("width", [60, 76, 79])
def test_line_breaks_a_wrapping_tool_put_inside_characters_are_removed(decoder, encoding, width):
    # A tool wrapping at a number of bytes cuts characters in two: each reader then sees two
    # broken characters, and a GBK or Big5 reader misreads the next line to its first ASCII byte.
    text = SEED[:1200].replace("\u2022", "").replace("\xa0", " ")
    if encoding == "big5":
        text = opencc.OpenCC("s2t").convert(text)
    raw = text.encode(encoding, errors="ignore")
    folded = _folded(raw, width)
    decoded = decoder.decode(folded)
    assert "line_breaks_inside_characters_removed" in decoded.repairs
    assert "\ufffd" not in decoded.text
    unfolded = decoder.decode(folded.replace(b"\n", b"")).text
    assert decoded.text.replace("\n", "") == unfolded


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_a_wrapper_s_carriage_returns_in_a_text_of_crlf_lines_are_removed(decoder, encoding):
    # A CR alone every 61 bytes inside paragraphs whose lines end in CRLF: some split a
    # character (read as lost bytes and "repaired" to other words), and all broke the paragraphs.
    paragraphs = [line for line in SEED[:1500].replace("\u2022", "").replace("\xa0", " ").split("\n") if line.strip()]
    if encoding == "big5":
        paragraphs = [opencc.OpenCC("s2t").convert(line) for line in paragraphs]
    encoded = [line.encode(encoding, errors="ignore") for line in paragraphs]
    wrapped = b"\r\n".join(b"\r".join(line[i:i + 61] for i in range(0, len(line), 61)) for line in encoded)
    decoded = decoder.decode(wrapped)
    assert "line_breaks_inside_characters_removed" in decoded.repairs
    assert decoded.text == decoder.decode(b"\r\n".join(encoded)).text


def test_line_break_after_a_lost_trail_byte_is_kept(decoder):
    # A GBK line that lost its last character's trail byte ends in a lead byte too: alone, and
    # on a line shorter than the others, it is damage, not wrapping; the line break stays.
    lines = [line.encode("gbk") for line in ("中国邮政今天发布消息。", "全国快递业务量同比增长。", "农村寄递网络覆盖所有建制村。")]
    raw = b"\n".join([lines[0][:-1], *lines[1:]])
    decoded = decoder.decode(raw)
    assert "line_breaks_inside_characters_removed" not in decoded.repairs
    assert "全国快递业务量同比增长。" in decoded.text


def test_utf8_that_php_escaped_as_latin1_references_is_read_back(decoder):
    # htmlentities() with ISO-8859-1 (PHP's default before 5.4): each byte 0xA0-0xFF of the
    # UTF-8 a Latin-1 letter's reference (中 is &auml;&cedil;&shy;), 0x80-0x9F left as bytes.
    text = "呼和浩特邮政开通草原牧区流动邮局，一辆改装过的邮车每周两次开进牧区。"
    escaped = html.escape(text.encode("utf-8").decode("latin-1"), quote=False)
    escaped = "".join(f"&{html.entities.codepoint2name[ord(ch)]};" if 0xA0 <= ord(ch) <= 0xFF else ch for ch in escaped)
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{escaped}</p></body></html>'
    decoded = decoder.decode(page.encode("latin-1"))
    assert text in decoded.text and "latin1_references_undone" in decoded.repairs
    # A page about Latin letters keeps its references.
    latin = "<p>Caf&eacute; cr&egrave;me br&ucirc;l&eacute;e &agrave; la carte, na&iuml;ve &Auml;rger &uuml;ber &ouml;l</p>"
    assert decoder.decode(latin.encode()).text == latin


def test_html_pasted_from_the_windows_clipboard_loses_its_header(decoder):
    # CF_HTML: a header of byte offsets before the markup; a program's paste saved as a file.
    markup = f"<html><body><!--StartFragment--><p>{SEED}</p><!--EndFragment--></body></html>".encode("utf-8")
    header = (
        b"Version:0.9\r\nStartHTML:0000000171\r\nEndHTML:%010d\r\nStartFragment:0000000207\r\n"
        b"EndFragment:%010d\r\nSourceURL:https://news.example.cn/a/1.html\r\n" % (171 + len(markup), 171 + len(markup) - 30)
    )
    decoded = decoder.decode(header + markup)
    assert decoded.repairs[0] == "clipboard_header_removed"
    assert decoded.text.startswith("<html>") and TITLE in decoded.text


@pytest.mark.parametrize("codec", ["big5", "gbk", "utf-8"])
def test_terminal_colour_sequences_go_even_inside_a_character(decoder, codec):
    # A BBS's article saved with its colours: ESC[1;33m before the title, ESC[m after it, and
    # one between a character's two bytes (a line coloured from half a character on).
    text = "快遞業者推出夜間寄件服務\n業者表示，自下月起全市三十多處門市延長營業至晚間十時，方便上班族下班後寄件。\n"
    raw = text.encode(codec)
    cut = len("快遞業者推出夜間寄件服務\n業者表示，".encode(codec)) + 1  # inside 自
    raw = b"\x1b[1;33m" + raw[:cut] + b"\x1b[1;31m" + raw[cut:].replace(b"\n", b"\x1b[m\n", 1)
    decoded = decoder.decode(raw)
    assert "terminal_sequences_removed" in decoded.repairs
    assert decoded.text == opencc.OpenCC("t2s").convert(text)


def test_java_modified_utf8_s_nul_padding_is_a_break_between_records(decoder):
    # Fixed-width records padded with NUL, which modified UTF-8 writes C0 80 (GBK reads 纮), an
    # ext-B name character as its CESU-8 surrogate pair.
    records = ["县邮政分公司开通冷链专线", "投递员张𬞟每天往返乡镇两次。", "果蔬损耗率明显下降。"]
    raw = b"".join(
        record.encode("utf-8") + b"\xc0\x80" * (48 - len(record.encode("utf-8")) // 2) for record in records
    )
    raw = raw.replace("𬞟".encode("utf-8"), "\ud871\udf9f".encode("utf-8", "surrogatepass"))
    decoded = decoder.decode(raw)
    assert decoded.text.split() == records
    assert decoded.repairs[:2] == ("modified_utf8_nuls_read", "surrogates_decoded")


def test_a_uuencoded_file_is_decoded(decoder):
    text = "县邮政分公司开通冷链专线，为果蔬种植户提供冷藏运输服务。专线每天往返县城与乡镇两次。\r\n"
    data = text.encode("gbk")
    lines = b"".join(binascii.b2a_uu(data[i:i + 45]) for i in range(0, len(data), 45))
    decoded = decoder.decode(b"begin 644 notice.txt\n" + lines + b"`\nend\n")
    assert decoded.text.strip() == text.strip() and decoded.repairs[0] == "uudecoded"
