"""Stage 1, decode: raw bytes to the Unicode text the author wrote.

Public interface (used by ``pipeline.process`` and the benchmarks):
``Decoder().decode(raw) -> DecodedText``; raises ``DecodeError`` for input that
is not text (binary, random or invalid bytes, empty input, compressed data that does not
inflate, text mostly lost to U+FFFD).

Modules: ``containers`` (gzip/bzip2/xz, HTTP, MIME and escape layers opened first), ``detect`` (candidate encodings from BOM, meta charset, GB/Big5 families,
UTF-16/32 and chardet, chosen by the text model), ``textmodel`` (character and in-word
bigram model built from jieba's dictionary, ``data/build_textmodel.py``, plus jieba's
segmentation and a per-document n-gram cache for choosing repairs), ``iso2022cn`` (a decoder
for ISO-2022-CN, which Python lacks), ``realign`` (UTF-16 that lost a byte), ``crossread``, ``mojibake``, ``misalignment``, ``normalize``.

``DecodedText.encoding``: lower-case codec of the source (see ``detect`` for the naming
convention: ``gbk`` unless GB18030-only sequences occur, ``big5`` unless HKSCS/cp950
extensions occur). ``script``: the source's script; ``text`` is always simplified, NFC,
pinyin annotations removed, full-width letters/digits narrowed, Chinese punctuation kept,
HTML left intact. ``repairs`` (in order of application): nul_padding_removed, gzip_decompressed, bzip2_decompressed,
xz_decompressed, http_headers_removed, mime_text_part, office_text_extracted, rtf_text_extracted, percent_decoded, javascript_escapes_decoded (escape()'s %u7EFF), unicode_escapes_decoded, byte_escapes_decoded,
character_references_decoded, latin1_references_undone (UTF-8 whose bytes PHP's htmlentities() wrote as Latin-1
references: &auml;&cedil;&shy; for 中), quoted_printable_decoded, hex_dump_read, base64_decoded, surrogates_decoded, double_escaped_references_undone (containers and escapes opened), nul_bytes_removed (NULs inside a byte code's text, one between a GBK character's bytes), eof_marker_removed (a DOS Ctrl-Z after the text), escaped_backslashes_removed (a GBK or Big5 text PHP's addslashes escaped: 許\\), stripped_backslashes_restored (a Big5 text whose 0x5C bytes stripslashes removed: 許成功 as 釵言), declared_charset_overruled,
utf16_misalignment (UTF-16 that lost or gained a byte, realigned), utf8_lost_bytes (UTF-8
characters that lost a byte in transfer or had one changed, completed), utf8_lost_bytes_marked (UTF-8 whose lost
bytes a converter wrote as '?', chosen back),
gbk_decoded_as_utf8 and big5_decoded_as_utf8 (GB/Big5 byte spans inside UTF-8),
cp1252_decoded_as_utf8 (single cp1252 bytes inside UTF-8: “quotes”, dashes), gbk_decoded_as_big5,
big5_decoded_as_gbk (lines re-read in the other legacy code), gbk_decoded_as_euc_kr, big5_decoded_as_euc_kr,
gbk_decoded_as_shift_jis, big5_decoded_as_shift_jis, gbk_decoded_as_euc_jp, big5_decoded_as_euc_jp (read by a Korean or Japanese reader), latin1_mojibake, gbk_decoded_as_latin1,
big5_decoded_as_latin1 (and <gbk|big5|utf8>_decoded_as_<code>: a whole file read by a single-byte code, as gbk_decoded_as_cp1251), utf8_decoded_as_gbk, utf8_decoded_as_big5, utf8_decoded_as_shift_jis, utf8_decoded_as_euc_kr,
utf8_decoded_as_cp1251, utf8_decoded_as_koi8_r, utf8_decoded_as_cp1253,
utf8_decoded_as_cp1255, utf8_decoded_as_cp1256, utf8_decoded_as_cp874, utf8_decoded_as_cp866,
utf8_decoded_as_iso8859_5, utf8_decoded_as_mac_cyrillic, utf8_decoded_as_iso8859_7, utf8_decoded_as_tis_620 (UTF-8 read in a single-byte
code of another script),
gbk_misalignment, big5_misalignment,
invalid_bytes_replaced (U+FFFD left in the text), pdf_unmapped_glyphs (pdfminer's (cid:N), U+FFFD),
pinyin_annotations,
radicals_to_ideographs (⼀, ⻓ from PDF text to 一, 长), traditional_to_simplified, punctuation_variants_unified (・, ‧ to ·, ― to —:
how gb2312 and cp950 read GBK's and Big5's interpunct and dash), fullwidth_to_halfwidth.
"""

from pipeline.decode.decoder import DecodedText, DecodeError, Decoder

__all__ = ["DecodedText", "DecodeError", "Decoder"]
