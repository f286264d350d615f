"""Damage generators for each mojibake kind, applied to seed text at random places.

The issue asks repaired == original in >= 95% of cases per kind. The tests below run a
fixed sample per kind against floors; run this file as a script for the figures of the
closing note:  python tests/test_decode_damage.py 200 100000   (200 trials, whole seeds)

Measured 2026-11-22 (200 trials each, whole clean seeds, seed 11; before -> after the
second pass on lost bytes: word cost in the choice, whitespace-free context, '??', joint
choice of two lost UTF-8 bytes):
  utf8_decoded_as_gbk, GB18030/cp936 reader   85.0% -> 85.5%  (lossy Python gbk reader: 73.0% -> 76.0%)
  latin1_mojibake                             100.0%
  gbk_decoded_as_latin1                        95.0%
  gbk_decoded_as_utf8 (GB spans in UTF-8)      98.0%
  gbk_misalignment, '?' marker (as seed 002)   55.0% -> 56.5%  (60.0% -> 61.5% counting an eaten ASCII byte as unknowable)
  gbk_misalignment, byte lost, U+FFFD reader   62.0% -> 61.5%  (71.5% -> 71.0%)
Since lost UTF-8 bytes are ranked on a window around each byte (linear instead of quadratic,
a whole-file lossy reading decodes in seconds, not minutes): utf8_decoded_as_gbk 84.0%
(lossy reader 74.0%); the other kinds unchanged.
Measured 2026-11-22, second session (same command), after the running-text model, the
neutral scoring of eaten ASCII bytes and sentence-end separator habits:
  utf8_decoded_as_gbk 86.0% (lossy gbk reader 78.0%); latin1_mojibake 100.0%;
  gbk_decoded_as_latin1 95.0%; gbk_decoded_as_utf8 98.0%; gbk_misalignment '?' marker 65.5%
  (66.5%); byte lost 63.5% (73.0%). A whole file read with the lossy gbk reader: about one
  lost byte in six is chosen wrong (test_whole_file_read_with_a_lossy_gbk_reader).
Measured 2026-12-03 (same command) with the cross-read repair: the kinds above unchanged
(utf8_decoded_as_gbk 86.5%, lossy 78.5%; the others as above); gbk_decoded_as_big5 (Big5 or
HKSCS reader, lossy: a character whose two bytes were both rejected stays U+FFFD) mean
similarity 0.992, never exact on a whole seed; big5_decoded_as_gbk (GB18030 reader) similarity
0.999, never exact on a whole seed only because s2tw writes 着 as 著, which t2s keeps.
Then (same day, same command), with mixed files read span by span in one legacy family and
whole texts re-read from Latin-1, the kinds above unchanged; big5_decoded_as_utf8 94.5%
(misses: 着/著); gbk_decoded_as_latin1 (whole file) 100.0%; big5_decoded_as_latin1 (whole
file) similarity 0.999 (着/著 again).
Then (2026-12-03, later), a lost UTF-8 byte chosen only among the bytes the wrong reader
cannot pair with the next byte: utf8_decoded_as_gbk, lossy gbk reader 78.5% -> 84.5%; GB18030
reader 86.5% unchanged (it rejects 0x80 alone before a non-ASCII byte; its misses are bytes
lost before a space or line break, which every byte is).
Almost every miss is one lost byte whose character only a sentence-level language model
could choose (主线/主席, 四大/四川, 导向/思想, 百姓/百度): jieba's unigram word model rates
frequent one-character words and common words above the right, rarer word. The repaired
run is otherwise right.
Measured 2026-12-03 (same command) with the Big5 misalignment repair, the kinds above
unchanged; big5_misalignment, '?' marker (saved as Big5) 0.0% -> 79.0%; lost byte (Big5
bytes as they are) 0.0% -> 38.5% (6.5% -> 39.5% counting an eaten ASCII byte as unknowable).
Most Big5 lost-byte misses are a lost lead whose trail (0x40-0x7E, 46% of the characters)
shows as a lone ASCII character: left as it is, since clean text has A股 and e郵寶.
Measured 2026-12-03, third session (same command): latin1_mojibake (lossy cp1252, new kind)
19.5% -> 98.0%; every kind above unchanged (utf8_decoded_as_gbk 86.5%, lossy 84.5%, gbk
misalignment 65.5% / 63.5%, big5 misalignment 79.0% / 38.5%).
Measured 2026-12-04 (100 trials, 600-character excerpts, seed 11): a lone ASCII character
is read as a lost lead's trail when that gains over 14 nats and it makes no dictionary word
(A股, U盘) nor a pair recurring in the document: big5_misalignment lost byte 44% -> 50%,
every other kind unchanged; none of 33 sentences with lone letters (A級, M某, Z世代) changed.
Then traditional 著 written 着 where the news corpus's bigrams say so (s2tw writes 着 as 著):
big5_decoded_as_gbk 70% -> 100%, big5_decoded_as_latin1 (whole file) 70% -> 100%.
Then a GB/Big5 span's end before one UTF-8 character and a line break: big5_decoded_as_utf8
89% -> 99%, gbk_decoded_as_utf8 98% -> 99%.
Measured 2026-12-04, evening (same command): the choice among a lost-byte search's finished
prefixes weighs the running-text model too: utf8_decoded_as_gbk GB18030 reader 84% -> 85%,
lossy 81% -> 80%, bytes dropped 70% -> 69%, saved as GBK 79% -> 78%, saved as GB18030
83% -> 84%; shift_jis 73% -> 76%; lossy cp1252 94% -> 95%; the others unchanged. On pages of
none of the seeds (200 trials, 300 characters, seed 7) the lossy gbk reader 69.5% -> 79.5%,
saved as GBK 65.5% -> 76.0%, lossy cp1252 89.5% -> 93.5%.
Measured 2026-12-05 (100 trials, 600-character excerpts, seed 11), the running-text model
trigram (was bigram), weighed beside the word model in the misalignment repair's choice and
offering running text's likeliest neighbours for a character whose bytes were both lost:
gbk misalignment '?' 57% -> 59%, lost byte 59% -> 63%; big5 misalignment 82% -> 85%, 50% ->
51%; utf8_decoded_as_gbk lossy 79% -> 80%, saved as GBK 77% -> 78%; shift_jis 75% -> 76%;
gbk_decoded_as_big5 1% -> 2%; the others unchanged. On pages of none of the seeds (200 trials,
300 characters, seed 7) no kind fell; the UTF-8-as-GBK kinds gained 0.5 to 2 points each.
Then a character both of whose bytes a Big5 reader rejected, chosen back when clearly the
likeliest: gbk_decoded_as_big5 541 -> 451 wrong or lost characters in the 100 trials (168 lost
whole: 90 chosen right, 4 wrong, 74 left U+FFFD); exact 2%: most trials still have a wrong
choice for a single lost byte (等/的, 泉/应); the other kinds unchanged. Then a misaligned
reading a character short costs that character, and a character before an eaten byte may end
a line: gbk misalignment lost byte 63% -> 64%, '?' 62% -> 63% counting an eaten digit as
unknowable. Then the text's own “ ” no longer counted as Latin-1 mojibake that a UTF-8
stretch must cover: latin1_mojibake (cp1252, bytes dropped) 49% -> 62% (pages of none of the
seeds, 200 trials: 66.5% -> 68.5%); then with the bytes dropped from a stretch's last
character before an ideograph chosen back: 62% -> 76% (68.5% -> 79.5%). Then a lost byte's
U+FFFD saved as its four GB18030 bytes (84 31 A4 37) no longer lends its first byte to UTF-8
punctuation before it, and a file holding it that reads as GB18030 is not read as UTF-8 with GB
spans: utf8_decoded_as_gbk (saved as GB18030) unchanged here, 70.0% -> 83.5% on pages of none
of the seeds (as the lossless GB18030 kind there). Then a short UTF-8 re-read judged with the
characters around it: utf8_decoded_as_gbk bytes dropped 68% -> 72% (pages of none of the seeds
68.0% -> 69.5%), saved as GBK 78% -> 79% (80.5% -> 81.5%); the other kinds unchanged. Then
one character re-read beside half-width katakana: utf8_decoded_as_shift_jis 76% -> 80%
(67.5% -> 76.5%).
Measured 2026-12-05, third session (same command; in brackets counting U+FFFD as unknowable):
a lone U+FFFD in GB18030 text (a lost lead's trail before an ASCII byte) read as a character
lost whole, guessed only where the guess beats the next by 0.5 nats; a lost character before
a line break weighed by the document's line ends; a closing mark weighed by whether its line
opened one; a '?' marker and a lone ASCII trail after it counted as one missing character:
gbk misalignment lost byte 64% (72%) -> 68% (72%), '?' 59% (64%) -> 60% (65%); traditional
69% (75%) -> 74% (78%), '?' 76% (79%) -> 78% (81%); big5 misalignment lost byte 54% -> 56%,
'?' 85% -> 88%; the other kinds unchanged. On pages of none of the seeds (200 trials, 300
characters, seed 7): gbk lost byte 59.5% (68.0%) -> 67.5% (70.0%), traditional 57.0% -> 61.5%,
'?' 25.0% (64.5%) -> 24.0% (66.0%), traditional '?' 68.5% -> 68.0%, big5 lost byte 51.5% ->
52.5%, '?' 76.0% -> 78.0%; the other kinds unchanged.
Measured 2026-12-05, fourth session (same command): utf8_lost_byte (new kind: a UTF-8 file that
lost one byte of a non-ASCII character) 0% -> 90% (91% counting U+FFFD as unknowable; the code
before read the two bytes left as a GB pair); pages of none of the seeds (200 trials, 300
characters, seed 7) 0% -> 87%; every other kind unchanged. Then utf16_lost_byte (new kind: a
UTF-16 file that lost one byte, every code unit after it misread; the code before left it so
or dead-lettered it) 0% -> 78% (93% counting the lost character left U+FFFD as unknowable);
unseen pages 0% -> 63.5% (82.5%).
Measured 2026-12-06 (100 trials, 600-character excerpts, seed 11, seed text and unseen pages):
latin1_mojibake (lossy cp1252, read again) (new kind) 19% -> 88% and 30% -> 94%; gbk
misalignment '?' marker on unseen pages 29% (61%) -> 37% (69%), lost byte 68% -> 70% (a run
ending the text's last line); big5_decoded_as_latin1 on unseen pages 97% -> 100%; with the
Big5 kinds compared with the text as Big5 holds it, big5_decoded_as_gbk and
big5_decoded_as_latin1 (whole file) on unseen pages 72% and 70% -> 100%; then a lone trail's
gain counting the document's n-grams: traditional lost byte on unseen pages 58% -> 59%, big5
lost byte 56% -> 57% and 53% -> 54%; the other kinds unchanged.
Measured 2026-12-06, third session (100 trials, 600 characters, seed 11; seed text / unseen
pages): big5_misalignment lost byte 57% -> 73% / 54% -> 65%, traditional GBK lost byte 74% ->
76% (a lone trail letter's gain counts running text's); utf16_lost_byte 85% -> 91% / 63% -> 71% (lost spaces and line breaks);
utf8_decoded_as_gbk bytes dropped 73% -> 77% / 77% -> 79%; gbk misalignment '?' 63% -> 66%,
lost trail '?' 50% -> 55% / 34% -> 35% (eaten separators weighed by running text; runs ending
after symbols or rare characters); gbk_decoded_as_big5 10% -> 12% (wrong or lost characters
195 -> 178 / 107 -> 70: one Big5 reader per document); euc_kr 72% -> 74% / 71% -> 73%; the
other kinds unchanged or within a point.
"""

import codecs
import difflib
import random
import re
import sys
from pathlib import Path

import pytest

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import opencc

from conftest import seed_bytes
from pipeline.decode import DecodeError

CLEAN_SEEDS = ("000", "001", "003", "004")
UNSEEN_PAGES = ("provincial_report.txt", "newspaper_page.txt", "wechat_copy.txt")
EXCERPT = 160  # characters of seed text around each damage: keeps trials fast
CJK_RE = re.compile("[\u4e00-\u9fff]")
S2TW = opencc.OpenCC("s2tw")  # Taiwan forms: Big5 has 為 and 裡, not 爲 and 裏
T2S = opencc.OpenCC("t2s")


def unseen_texts() -> list[str]:
    """Text from none of the seeds (pages written for the tests), one paragraph per line."""
    pages = Path(__file__).parent / "data" / "pages"
    texts = [(pages / name).read_text(encoding="utf-8") for name in UNSEEN_PAGES]
    return [re.sub(r"\n\s*\n+", "\n", text).strip() + "\n" for text in texts]


def excerpts(rng: random.Random, size: int = EXCERPT, texts: list[str] | None = None):
    """Endless random excerpts of the clean seeds (or of ``texts``) that start and end on whole lines."""
    texts = texts or [seed_bytes(p).decode("utf-8") for p in CLEAN_SEEDS]
    while True:
        text = rng.choice(texts)
        start = text.rfind("\n", 0, rng.randrange(max(1, len(text) - size))) + 1
        end = text.find("\n", start + size)
        excerpt = text[start:end if end > 0 else len(text)]
        yield excerpt.encode("gbk", errors="ignore").decode("gbk")  # every kind can damage it


def _span(text: str, rng: random.Random, min_len=2, max_len=24) -> tuple[int, int]:
    """A random span starting on an ideograph."""
    starts = [m.start() for m in CJK_RE.finditer(text)]
    start = rng.choice(starts)
    return start, min(len(text), start + rng.randint(min_len, max_len))


def utf8_as_gb18030(text, rng):
    """Lossless: GB18030/cp936 readers show user-defined pairs as private-use characters."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("gb18030", errors="replace") + text[b:]).encode("utf-8")


def utf8_as_strict_gbk(text, rng):
    """Lossy: Python's gbk turns each byte it cannot pair into U+FFFD."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("gbk", errors="replace") + text[b:]).encode("utf-8")


def utf8_as_gbk_dropping(text, rng):
    """Lossy, no trace: errors="ignore" drops each byte gbk cannot pair."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("gbk", errors="ignore") + text[b:]).encode("utf-8")


def utf8_as_gbk_saved_as_gbk(text, rng):
    """Lossy, the file saved back in GBK: each U+FFFD written '?'."""
    a, b = _span(text, rng)
    damaged = text[:a] + text[a:b].encode("utf-8").decode("gbk", errors="replace") + text[b:]
    return damaged.encode("gbk", errors="replace")


def utf8_as_gb18030_saved_as_gb18030(text, rng):
    """Lossy, the file saved back in GB18030: each U+FFFD written as its four GB18030 bytes."""
    a, b = _span(text, rng)
    damaged = text[:a] + text[a:b].encode("utf-8").decode("gb18030", errors="replace") + text[b:]
    return damaged.encode("gb18030")


def utf8_as_shift_jis(text, rng):
    """Lossy: a Japanese Windows reader (cp932) replaces the pairs it cannot read."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("cp932", errors="replace") + text[b:]).encode("utf-8")


def utf8_as_euc_kr(text, rng):
    """Lossy: a Korean Windows reader (cp949) replaces the pairs it cannot read, about a third
    of the characters' lead bytes."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("cp949", errors="replace") + text[b:]).encode("utf-8")


def utf8_as_latin1(text, rng):
    a, b = _span(text, rng)
    codec = rng.choice(["latin-1", "sloppy-windows-1252"])
    return (text[:a] + text[a:b].encode("utf-8").decode(codec) + text[b:]).encode("utf-8")


def utf8_as_lossy_cp1252(text, rng):
    """Lossy: Python's cp1252 turns 0x81, 0x8D, 0x8F, 0x90 and 0x9D into U+FFFD."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("cp1252", errors="replace") + text[b:]).encode("utf-8")


def utf8_as_lossy_cp1252_read_again(text, rng):
    """A lossy cp1252 reading saved as UTF-8 and read as cp1252 again (Windows' reader): two layers."""
    a, b = _span(text, rng)
    once = text[a:b].encode("utf-8").decode("cp1252", errors="replace")
    return (text[:a] + once.encode("utf-8").decode("sloppy-windows-1252") + text[b:]).encode("utf-8")


def utf8_as_cp1252_dropping(text, rng):
    """Lossy, no trace: errors="ignore" drops 0x81, 0x8D, 0x8F, 0x90 and 0x9D."""
    a, b = _span(text, rng)
    return (text[:a] + text[a:b].encode("utf-8").decode("cp1252", errors="ignore") + text[b:]).encode("utf-8")


def gbk_as_latin1(text, rng):
    a, b = _span(text, rng, 4, 40)
    codec = rng.choice(["latin-1", "sloppy-windows-1252"])
    return (text[:a] + text[a:b].encode("gbk").decode(codec) + text[b:]).encode("utf-8")


def traditional_gbk_as_latin1(text, rng):
    """Traditional text in GBK: a fifth of its characters show their ASCII trail byte (進 as ßM)."""
    return gbk_as_latin1(traditional_gbk_text(text), rng)


def big5_as_latin1(text, rng):
    text = big5_text(text)
    a, b = _span(text, rng, 4, 40)
    codec = rng.choice(["latin-1", "sloppy-windows-1252"])
    return (text[:a] + text[a:b].encode("big5").decode(codec) + text[b:]).encode("utf-8")


def gbk_in_utf8(text, rng):
    a, b = _span(text, rng)
    return text[:a].encode("utf-8") + text[a:b].encode("gbk") + text[b:].encode("utf-8")


def big5_in_utf8(text, rng):
    """A traditional span in Big5 inside a UTF-8 file."""
    a, b = _span(text, rng)
    return text[:a].encode("utf-8") + S2TW.convert(text[a:b]).encode("big5", errors="ignore") + text[b:].encode("utf-8")


def legacy_file_as_latin1(legacy: str):
    """A whole GBK or Big5 file read as Latin-1/cp1252 and saved as UTF-8: ASCII trail bytes
    split the damage into one-character runs."""

    def damage(text, rng):
        original = (S2TW.convert(text) if legacy == "big5" else text).encode(legacy, errors="ignore")
        return original.decode(rng.choice(["latin-1", "sloppy-windows-1252"])).encode("utf-8")

    return damage


big5_file_as_latin1 = legacy_file_as_latin1("big5")


def gbk_as_big5(text, rng):
    """The whole file read as Big5 (or HKSCS) and saved as UTF-8: lossy, Python's readers
    replace each byte they reject."""
    return text.encode("gbk").decode(rng.choice(["big5", "big5hkscs"]), errors="replace").encode("utf-8")


def big5_as_gb18030(text, rng):
    """A traditional (Big5) file read as GB18030, which reads every Big5 pair, and saved as UTF-8."""
    return S2TW.convert(text).encode("big5", errors="ignore").decode("gb18030").encode("utf-8")


def _lost_lead(data: bytes, rng: random.Random) -> int:
    """Index of a random lead byte of two-byte legacy text (GBK or Big5)."""
    leads, i = [], 0
    while i < len(data):
        if data[i] >= 0x80:
            leads.append(i)
            i += 2
        else:
            i += 1
    return rng.choice(leads)


def _marked_reading(tail: bytes, codec: str) -> str:
    """How a converter reading ``codec`` shows the bytes after a lost byte, as in seed 002:
    '?' for the lost byte, and one '?' for each invalid pair (eating both bytes)."""
    out, i = ["?"], 0
    while i < len(tail):
        if tail[i] < 0x80:
            out.append(chr(tail[i]))
            i += 1
            continue
        try:
            out.append(tail[i:i + 2].decode(codec))
        except UnicodeDecodeError:
            out.append("?")
        i += 2
    return "".join(out)


def _misaligned(text: str, rng: random.Random, marker: bool) -> bytes:
    """GBK bytes with one lead byte lost, decoded again and saved as UTF-8.

    marker=True: the '?' converter of _marked_reading; marker=False: the byte is simply gone
    and Python's decoder replaces an invalid lead with U+FFFD (eating only it)."""
    data = text.encode("gbk")
    cut = _lost_lead(data, rng)
    head = data[:cut].decode("gbk")
    tail = data[cut + 1:]
    if not marker:
        return (head + tail.decode("gb18030", errors="replace")).encode("utf-8")
    return (head + _marked_reading(tail, "gb18030")).encode("utf-8")


def misaligned_marked(text, rng):
    return _misaligned(text, rng, marker=True)


def misaligned_file(text, rng):
    """A GBK file that lost one lead byte, read by the decoder itself (not decoded and saved first)."""
    data = text.encode("gbk")
    cut = _lost_lead(data, rng)
    return data[:cut] + data[cut + 1:]


def misaligned_lost(text, rng):
    return _misaligned(text, rng, marker=False)


def _misaligned_trail(text: str, rng: random.Random, marker: bool) -> bytes:
    """GBK bytes with one trail byte lost, decoded again and saved as UTF-8: the lead pairs with
    the next byte. Nothing marks the lost byte itself: the '?' converter of _marked_reading (less
    its mark for a lost lead) or Python's decoder see a valid lead."""
    data = text.encode("gbk")
    cut = _lost_lead(data, rng) + 1
    head = data[:cut - 1].decode("gbk")
    tail = data[cut - 1:cut] + data[cut + 1:]
    return (head + (_marked_reading(tail, "gb18030")[1:] if marker else tail.decode("gb18030", errors="replace"))).encode()


def misaligned_trail_marked(text, rng):
    return _misaligned_trail(text, rng, marker=True)


def misaligned_trail_lost(text, rng):
    return _misaligned_trail(text, rng, marker=False)


def big5_text(text: str) -> str:
    """``text`` in Taiwan forms, less what Big5 cannot encode."""
    return S2TW.convert(text).encode("big5", errors="ignore").decode("big5")


def traditional_gbk_text(text: str) -> str:
    """``text`` in Taiwan forms, less what GBK cannot encode (seed 002: a mirror's copy)."""
    return S2TW.convert(text).encode("gbk", errors="ignore").decode("gbk")


def traditional_misaligned_marked(text, rng):
    return _misaligned(traditional_gbk_text(text), rng, marker=True)


def traditional_misaligned_lost(text, rng):
    return _misaligned(traditional_gbk_text(text), rng, marker=False)


def traditional_misaligned_trail_marked(text, rng):
    return _misaligned_trail(traditional_gbk_text(text), rng, marker=True)


def traditional_misaligned_trail_lost(text, rng):
    return _misaligned_trail(traditional_gbk_text(text), rng, marker=False)


def _big5_misaligned(text: str, rng: random.Random, marker: bool) -> bytes:
    """Big5 bytes with one lead byte lost: as they are (a file that lost a byte, read by the
    decoder itself) or, marker=True, through the '?' converter and saved as Big5 again (saved
    as UTF-8, the decoder would not know the source was Big5)."""
    data = big5_text(text).encode("big5")
    cut = _lost_lead(data, rng)
    tail = data[cut + 1:]
    return data[:cut] + (_marked_reading(tail, "big5").encode("big5") if marker else tail)


def big5_misaligned_marked(text, rng):
    return _big5_misaligned(text, rng, marker=True)


def big5_misaligned_lost(text, rng):
    return _big5_misaligned(text, rng, marker=False)


def utf8_byte_lost(text, rng):
    """A UTF-8 file that lost one byte of a non-ASCII character (in transfer, or cut by a tool):
    the character is two bytes of three, or the tail of one without its lead."""
    data = text.encode("utf-8")
    cut = rng.choice([i for i, byte in enumerate(data) if byte >= 0x80])
    return data[:cut] + data[cut + 1:]


def utf8_byte_changed(text, rng):
    """A UTF-8 file with one byte of a non-ASCII character changed (damaged in transfer or
    storage) to one that cannot stand there: the character no longer decodes. (A byte changed
    into another valid one is another character, told from the text's own only by the models.)"""
    data = bytearray(text.encode("utf-8"))
    cut = rng.choice([i for i, byte in enumerate(data) if byte >= 0x80])
    valid = 0x80 <= data[cut] <= 0xBF  # a continuation byte becomes no continuation; a lead, one
    data[cut] = rng.choice([byte for byte in range(0x80, 0x100) if (0x80 <= byte <= 0xBF) != valid])
    return bytes(data)


def utf16_byte_lost(text, rng):
    """A UTF-16 file (BOM, either byte order) that lost one byte before its last character:
    every code unit after it is read one byte off."""
    encoding = rng.choice(["utf-16-le", "utf-16-be"])
    data = text.encode(encoding)
    cut = rng.randrange(len(data) - 2)
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    return bom + data[:cut] + data[cut + 1:]


KINDS = {
    "utf8_decoded_as_gbk (gb18030)": utf8_as_gb18030,
    "utf8_decoded_as_gbk (lossy gbk)": utf8_as_strict_gbk,
    "utf8_decoded_as_gbk (bytes dropped)": utf8_as_gbk_dropping,
    "utf8_decoded_as_gbk (saved as GBK, '?')": utf8_as_gbk_saved_as_gbk,
    "utf8_decoded_as_gbk (saved as GB18030)": utf8_as_gb18030_saved_as_gb18030,
    "utf8_decoded_as_shift_jis": utf8_as_shift_jis,
    "utf8_decoded_as_euc_kr": utf8_as_euc_kr,
    "latin1_mojibake": utf8_as_latin1,
    "latin1_mojibake (lossy cp1252)": utf8_as_lossy_cp1252,
    "latin1_mojibake (cp1252, bytes dropped)": utf8_as_cp1252_dropping,
    "latin1_mojibake (lossy cp1252, read again)": utf8_as_lossy_cp1252_read_again,
    "gbk_decoded_as_latin1": gbk_as_latin1,
    "gbk_decoded_as_latin1 (traditional)": traditional_gbk_as_latin1,
    "big5_decoded_as_latin1": big5_as_latin1,
    "gbk_decoded_as_utf8": gbk_in_utf8,
    "big5_decoded_as_utf8": big5_in_utf8,
    "gbk_decoded_as_latin1 (whole file)": legacy_file_as_latin1("gbk"),
    "big5_decoded_as_latin1 (whole file)": big5_file_as_latin1,
    "gbk_misalignment (? marker)": misaligned_marked,
    "gbk_misalignment (lost byte)": misaligned_lost,
    "gbk_misalignment (lost byte, file as is)": misaligned_file,
    "gbk_misalignment (traditional, ? marker)": traditional_misaligned_marked,
    "gbk_misalignment (traditional, lost byte)": traditional_misaligned_lost,
    "gbk_misalignment (lost trail, ? marker)": misaligned_trail_marked,
    "gbk_misalignment (lost trail)": misaligned_trail_lost,
    "gbk_misalignment (traditional, lost trail, ? marker)": traditional_misaligned_trail_marked,
    "gbk_misalignment (traditional, lost trail)": traditional_misaligned_trail_lost,
    "gbk_decoded_as_big5": gbk_as_big5,
    "big5_decoded_as_gbk (gb18030)": big5_as_gb18030,
    "big5_misalignment (? marker)": big5_misaligned_marked,
    "big5_misalignment (lost byte)": big5_misaligned_lost,
    "utf8_lost_byte": utf8_byte_lost,
    "utf8_changed_byte": utf8_byte_changed,
    "utf16_lost_byte": utf16_byte_lost,
}
# The text a kind damages, when not the excerpt itself: a repair must read as that text does
# (s2tw writes 着 as 著, which t2s keeps: the simplified excerpt would count it a miss).
SOURCE_FORMS = {
    big5_misaligned_marked: big5_text,
    big5_misaligned_lost: big5_text,
    traditional_misaligned_marked: traditional_gbk_text,
    traditional_misaligned_lost: traditional_gbk_text,
    traditional_misaligned_trail_marked: traditional_gbk_text,
    traditional_misaligned_trail_lost: traditional_gbk_text,
    traditional_gbk_as_latin1: traditional_gbk_text,
    big5_as_latin1: big5_text,
    # (s2tw writes some phrases in forms t2s keeps: 澄江 as 澂江, a county's traditional name)
    big5_as_gb18030: big5_text,
    big5_file_as_latin1: big5_text,
}


def repaired_rate(
    decoder, damage, trials: int, seed: int = 7, size: int = EXCERPT, texts: list[str] | None = None
) -> tuple[float, float, float]:
    """(exact repair rate, rate counting an unrecoverable eaten ASCII byte as repaired, mean
    similarity of the repaired text to the original); excerpts of the seeds or of ``texts``."""
    rng = random.Random(seed)
    source = excerpts(rng, size, texts)
    exact = lenient = similarity = 0
    for _ in range(trials):
        text = next(source)
        expected = decoder.decode(SOURCE_FORMS.get(damage, str)(text).encode("utf-8")).text
        try:
            got = decoder.decode(damage(text, rng)).text
        except DecodeError:
            continue
        exact += got == expected
        pattern = "".join("." if ch == "\ufffd" else re.escape(ch) for ch in got)
        lenient += got == expected or re.fullmatch(pattern, expected, re.S) is not None
        similarity += difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio()
    return exact / trials, lenient / trials, similarity / trials


def _losing(text: str, index: int, encoding: str) -> random.Random:
    """A generator whose lost lead byte is that of ``text``'s character ``index``."""
    rng = random.Random(0)
    rng.choice = lambda leads: len(text[:index].encode(encoding))
    return rng


def _marked_loss_at(text: str, index: int) -> bytes:
    """``text`` with the lead byte of its character ``index`` lost, as the '?' converter shows it."""
    return _misaligned(text, _losing(text, index, "gbk"), marker=True)


@pytest.fixture(scope="module")
def decoder():
    from pipeline.decode import Decoder

    return Decoder()


# The target is 95% for every kind. Kinds that lose information (a lost byte whose
# value only a language model can guess) do not reach it yet; these floors sit just below
# what the stage achieves on this sample (40 trials, 600-character excerpts, seed 7:
# 77.5 77.5 100 95 95 55 67.5 %) so that regressions fail (whole-seed figures: module docstring).
FLOORS = {
    "utf8_decoded_as_gbk (gb18030)": 0.75,
    "utf8_decoded_as_gbk (lossy gbk)": 0.75,
    # Measured 57.5% and 77.5% (the code before: 10% and 10% on 100 trials, seed 11): where
    # nothing marks a lost byte, its place is found from the UTF-8 structure.
    "utf8_decoded_as_gbk (bytes dropped)": 0.5,
    "utf8_decoded_as_gbk (saved as GBK, '?')": 0.7,
    # Measured 83% (100 trials, seed 11); GB18030 loses few bytes of a short span, and the code
    # before lost as few runs; a whole file (test_lost_bytes_written_as_question_marks) tells.
    "utf8_decoded_as_gbk (saved as GB18030)": 0.7,
    # Measured 60% (100 trials, seed 11: 73%; the code before: 0%, the text left as mojibake).
    "utf8_decoded_as_shift_jis": 0.5,
    # Measured 75% (100 trials, seed 11: 70%; the code before: 0%, the text left as mojibake).
    "utf8_decoded_as_euc_kr": 0.65,
    "latin1_mojibake": 0.95,
    # Measured 90% (the code before the lossy cp1252 re-read: 15%, ftfy drops each character
    # that lost a byte); the misses are one byte's character the model misjudges (小/对).
    "latin1_mojibake (lossy cp1252)": 0.85,
    # Measured 72.5% (100 trials, seed 11: 62%; before the text's own “ ” stopped counting as
    # mojibake: 50% and 49%; the code before the dropped-byte repair: 19%); then 76% (seed 11)
    # and 82.5% here with a stretch's last character's dropped bytes chosen back before an ideograph.
    "latin1_mojibake (cp1252, bytes dropped)": 0.7,
    # Measured 88% (100 trials, seed 11; 19% before the layer above the lossy one was peeled
    # first: ftfy undid both and dropped each character that had lost a byte).
    "latin1_mojibake (lossy cp1252, read again)": 0.8,
    "gbk_decoded_as_latin1": 0.9,
    # Measured 95% and 97.5% (100 trials, seed 11: 94% and 97%; before runs could hold a
    # character shown with its ASCII trail and Windows' reading of 0x81-0x9D was tried: 25%, 5%).
    "gbk_decoded_as_latin1 (traditional)": 0.9,
    "big5_decoded_as_latin1": 0.9,
    "gbk_decoded_as_utf8": 0.9,
    "big5_decoded_as_utf8": 0.9,  # measured 99% (100 trials, seed 11)
    "gbk_decoded_as_latin1 (whole file)": 0.95,  # measured 100%
    "gbk_misalignment (? marker)": 0.5,
    "gbk_misalignment (lost byte)": 0.6,
    # Measured 65% (exact 62.5%; 100 trials, seed 11: exact 69% seed text, 70% unseen pages).
    # While GBK's own reading, which drops a byte of a pair it rejects, was taken over
    # GB18030's: 77.5% (exact 60%; 48% and 49%): the lost character was left U+FFFD more often.
    "gbk_misalignment (lost byte, file as is)": 0.6,
    # Seed 002's damage. Measured 72.5% and 77.5% (100 trials, seed 11: 79% and 75%; the
    # code before traditional text's ASCII trails were read as Big5's: 65% and 42.5%).
    "gbk_misalignment (traditional, ? marker)": 0.65,
    "gbk_misalignment (traditional, lost byte)": 0.65,
    # A trail lost: nothing marks the byte; a '?' converter's run ends in the '?' its last trail
    # and an ASCII byte made. Measured 40%, 60%, 52.5%, 65% (27.5% and 45% for the '?' kinds
    # before runs ending in a '?' before a figure or line end were searched for and judged against
    # that '?' as a converter's stand-in; 100 trials, seed 11: 50%, 68%, 69%, 80%).
    "gbk_misalignment (lost trail, ? marker)": 0.3,
    "gbk_misalignment (lost trail)": 0.5,
    "gbk_misalignment (traditional, lost trail, ? marker)": 0.4,
    "gbk_misalignment (traditional, lost trail)": 0.55,
    # Measured 97.5% (57.5% before 着 was written where running text writes it: s2tw writes 著).
    "big5_decoded_as_gbk (gb18030)": 0.9,
    # Measured 75% and 25% (the code before the Big5 repair: 0% and 5%). Most misses of a
    # lost byte are a lone ASCII character (the lost lead's trail), which clean text has too (A股);
    # 50% since running text's gain counts for one (47.5% before).
    "big5_misalignment (? marker)": 0.7,
    "big5_misalignment (lost byte)": 0.4,
    # Measured 95% (100 trials, seed 11: 91%; the code before: 0%, the two bytes left read as a
    # GB pair). Misses: a character the models choose wrong among the byte's 64 to 128 (电分/电商).
    "utf8_lost_byte": 0.85,
    # Measured 87.5% (100 trials, seed 11: 93%; the code before: 0%, the rest of the file
    # misread or dead-lettered). Exact 70%: the lost character stays U+FFFD when unclear.
    # Now 92.5% (a character realign cannot tell no longer filled by the GBK misalignment repair).
    "utf16_lost_byte": 0.85,
    # Measured 97.5% (100 trials, seed 11: 95% seed text, 86% unseen pages; 7.5%, 5% and 1%
    # while only a byte put back completed a broken character, not one changed). Misses: the
    # models' choice among the byte's values (邮爱 read 问爱).
    "utf8_changed_byte": 0.9,
}
# Kinds that are rarely exact: floors on the mean similarity (measured 0.993: lossy, a character
# Big5 rejects whole stays U+FFFD unless clearly chosen; 0.999 before 着 was written where
# running text writes it).
# gbk_decoded_as_big5 measured 0.997 (0.993 before lines were re-read with the lines around them).
SIMILARITY_FLOORS = {"gbk_decoded_as_big5": 0.995, "big5_decoded_as_latin1 (whole file)": 0.99}


def test_both_bytes_of_a_character_lost(decoder):
    # 势 loses its lead; its trail byte pairs with the ASCII comma into one '?': '优??主动'.
    text = "邮政发挥网点覆盖城乡的优势,主动融入乡村振兴。"
    damaged = _marked_loss_at(text, text.index("势"))
    assert "优??主动".encode() in damaged
    assert "优势" in decoder.decode(damaged).text


def test_lost_lead_in_simplified_text_is_no_traditional_character(decoder):
    # 达 (B4 EF) loses its lead; its trail EF also leads 風 (EF 4C), traditional for 风, which the
    # models read as 风: 通风率 read as well as 通达率.
    text = next(line for line in unseen_texts() if "服务通达率达到100%" in line)
    damaged = _misaligned(text, _losing(text, text.index("达率"), "gbk"), marker=False)
    assert decoder.decode(damaged).text == text


def test_misaligned_run_ending_in_what_reads_as_utf8_is_repaired_as_misalignment(decoder):
    # 富 loses its lead; the run ends in 椤 and the U+FFFD of its lost trail byte: E9 A1 and a
    # byte lost, as 项 (E9 A1 B9) read as GBK shows. Read so, the run before it stayed nonsense.
    text = "金融要重点抓好理财经理、项目经理、财富顾问、综合柜员“四支队伍”,配齐人员。"
    damaged = _misaligned(text, _losing(text, text.index("富"), "gbk"), marker=False)
    assert "游椤\ufffd,".encode() in damaged
    decoded = decoder.decode(damaged)
    assert decoded.repairs == ("gbk_misalignment",)
    assert "顾问、综合柜员“四支队伍”,配齐人员。" in decoded.text


@pytest.mark.parametrize(
    ("text", "lost", "shown"),
    [
        # The lead lost, one or two pairs misread, then U+FFFD for a byte that made no pair
        # with the ASCII comma: the trail of the run's last character. The damaged reading is
        # a character short; scored as it was, the repair did not gain enough to be kept.
        ("“只要有了人,什么人间奇迹都可以创造出来。”", "有", "辛巳\ufffd,"),
        ("完成阶段性任务目标,把握节奏。", "目", "勘\ufffd,"),
        # The lead lost, the trail made no pair with the digit after it: a lone U+FFFD, the
        # whole character unknown but for its trail being no ASCII byte. GB18030 assigns every
        # pair, so this was taken for no misreading at all and the U+FFFD left.
        ("今年建成农产品寄递项目56个，带动农户增收。", "目", "项\ufffd56"),
        ("2024年5月20日 星期一，晴。", "月", "5\ufffd20"),
    ],
)
def test_lost_lead_before_a_u_fffd_trail_is_chosen_back(decoder, text, lost, shown):
    damaged = _misaligned(text, _losing(text, text.index(lost), "gbk"), marker=False)
    assert shown.encode() in damaged
    assert decoder.decode(damaged).text == text


@pytest.mark.parametrize(
    "text", ["省分公司启动“寄递进村”\n行动，全年新增服务站300个。", "各地邮政围绕“黔货出山”\n工程，聚焦特色农产品。"]
)
def test_lost_mark_ending_a_line_closes_the_mark_the_line_opened(decoder, text):
    # ” loses its lead: a lone U+FFFD before the line break. The models see three characters
    # each side (进村 / 行动), where 。 or 里 fit as well; the line's open “ says which.
    damaged = _misaligned(text, _losing(text, text.index("”"), "gbk"), marker=False)
    assert "\ufffd\n".encode() in damaged
    assert decoder.decode(damaged).text == text


def test_lost_character_before_a_comma_is_no_closing_mark_that_closes_nothing(decoder):
    # 中 loses its lead: a lone U+FFFD before a half-width comma. ” and a comma go together
    # (”,), and a comma after ideographs had been scored as ASCII punctuation: ” was chosen,
    # closing no quotation mark.
    text = "在改革创新过程中,探索出一条新路子。"
    damaged = _misaligned(text, _losing(text, text.index("中"), "gbk"), marker=False)
    assert "过程\ufffd,".encode() in damaged
    assert decoder.decode(damaged).text == text


@pytest.mark.parametrize(
    ("text", "lost", "run"),
    [("邮政快递助力乡村振兴加速度\n全省新增服务站300个。", "村", "乡村振兴加速度"),
     ("各地邮政持续推进农村寄递物流体系建设\n本报讯", "农", "推进农村寄递物流体系建设")],
)
def test_run_ending_in_a_question_mark_after_a_lost_trail_is_repaired(decoder, text, lost, run):
    # A trail byte lost, no mark written for it: the lead pairs with the next lead, and the
    # run's last trail and the line break make an invalid pair, written '?'. The '?' is where
    # the run ends, not where it starts (as when a lost lead is written '?').
    data = text.encode("gbk")
    cut = len(text[:text.index(lost)].encode("gbk")) + 1
    damaged = (data[:cut - 1].decode("gbk") + _marked_reading(data[cut - 1:cut] + data[cut + 1:], "gb18030")[1:])
    assert run not in damaged and "?" in damaged
    assert run in decoder.decode(damaged.encode()).text


@pytest.mark.parametrize("marker", [True, False])
def test_misaligned_run_through_a_long_line_without_ascii_is_repaired(decoder, marker):
    # A paragraph whose digits and punctuation are all full-width has no ASCII byte to
    # resynchronise on before its end: a byte lost near its start misreads hundreds of
    # characters (a search stopping at 160 left them so).
    text = re.sub(r"[\x00-\x7f]", "", "".join(unseen_texts()))
    line = text[:text.rindex("。", 0, 600) + 1]
    lost = 10
    damaged = _misaligned(line, _losing(line, lost, "gbk"), marker)
    repaired = decoder.decode(damaged).text
    assert len(line) > 500
    assert repaired[:lost] == line[:lost]
    # All but the lost character and the last, whose second byte the shift leaves alone at the end.
    assert repaired[lost + 1:-1] == line[lost + 1:-1]


@pytest.mark.parametrize("gap", [3, 8, 15, 30])
def test_two_bytes_lost_in_one_line_are_both_repaired(decoder, gap):
    # The first lost lead shifts the bytes after it, the second shifts them back: the run
    # between reads as nonsense and ends in no ASCII byte, but where the text reads right again.
    text = ("今年以来，在集团公司党组的坚强领导下，湖南省邮政分公司全面贯彻落实年度工作会议精神，"
            "坚持稳中求进工作总基调，各项工作取得积极成效。\n一、主要指标完成情况\n")
    data = text.encode("gbk")
    first = len(text[:text.index("集")].encode("gbk"))
    second = len(text[:text.index("集") + gap].encode("gbk"))
    damaged = data[:first] + data[first + 1:second] + data[second + 1:]
    assert decoder.decode(damaged).text == text


@pytest.mark.parametrize("marker", [True, False])
def test_character_lost_whole_with_no_standout_guess_stays_lost(decoder, marker):
    # 伟 of a name loses its lead: no character after 黄 stands out, so none is written in;
    # the '??' a converter left is one character lost (and the line break its trail ate).
    text = "责任编辑：王静  审核：黄伟\n"
    damaged = _misaligned(text, _losing(text, text.index("伟"), "gbk"), marker)
    assert ("黄??" if marker else "黄\ufffd").encode() in damaged
    assert decoder.decode(damaged).text.rstrip("\n") == "责任编辑：王静  审核：黄\ufffd"


def test_traditional_gbk_span_read_by_windows_cp1252(decoder):
    # 強 is 8F 8A in GBK: Windows' cp1252 reader shows 0x8F, which cp1252 leaves undefined, as
    # a C1 control, which cp1252 itself cannot encode back: the span was left as it was.
    text = traditional_gbk_text("定落实落地。要强化教育引导，")
    damaged = text[:7] + text[7:13].encode("gbk").decode("sloppy-windows-1252") + text[13:]
    assert "要\x8f" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == "定落实落地。要强化教育引导，"


def test_big5_span_read_as_latin1_with_ascii_trails(decoder):
    # Almost half of Big5's characters have an ASCII trail byte (發 is B5 6F: 'µo'): a run of
    # such a span's Latin-1 characters has single ones between ASCII letters.
    text = big5_text("要发扬敢打必胜的精神,坚持行之有效的做法")
    damaged = text[:1] + text[1:7].encode("big5").decode("latin-1") + text[7:]
    assert "要µo" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == "要发扬敢打必胜的精神,坚持行之有效的做法"


@pytest.mark.parametrize("marker", [True, False])
def test_traditional_text_in_gbk_ending_a_misread_run_in_an_ascii_trail(decoder, marker):
    # Seed 002's kind of copy: traditional characters in GBK, a fifth of whose trail bytes are
    # ASCII (發 is B0 6C). 發 loses its lead: its trail shows alone, 'l', and ends the run.
    text = traditional_gbk_text("落实“三差三力”,突出发展特快业务")
    assert "突出發展" in text
    damaged = _misaligned(text, _losing(text, text.index("發"), "gbk"), marker)
    assert "出?l展".encode() in damaged if marker else "出l展".encode() in damaged
    assert decoder.decode(damaged).text == "落实“三差三力”,突出发展特快业务"


def test_lost_lead_marked_before_its_ascii_trail_is_chosen_back(decoder):
    # 遞 (B1 66 in GBK) loses its lead, written '?': its trail shows as 'f'. A letter between
    # ideographs scores about as well as the character, so the pair must count as the
    # character missing from the damaged reading for the repair to gain enough.
    text = traditional_gbk_text("今年1至4月累计寄递农产品包裹12万件。")
    damaged = _misaligned(text, _losing(text, text.index("遞"), "gbk"), marker=True)
    assert "寄?f農".encode() in damaged
    assert decoder.decode(damaged).text == "今年1至4月累计寄递农产品包裹12万件。"


@pytest.mark.parametrize(
    ("line", "lost", "shown"),
    [
        ("全省邮政业务收入同比增长9.2%，完成年度预算。", "長", "增?L9.2%"),  # 長 is E9 4C: a letter before a figure
        ("该行已走访茶企和茶农2300余户，发放贷款。", "餘", "2300?N戶"),  # 餘 is F0 4E: after a figure
    ],
)
def test_lost_lead_marked_before_an_ascii_trail_beside_a_figure_is_chosen_back(decoder, line, lost, shown):
    text = traditional_gbk_text(line)
    damaged = _misaligned(text, _losing(text, text.index(lost), "gbk"), marker=True)
    assert shown.encode() in damaged
    assert decoder.decode(damaged).text == line


@pytest.mark.parametrize(
    ("text", "lost", "shown", "repaired"),
    [
        # 增 (D4 F6) loses its trail: its lead pairs with 长's lead (猿), whose trail and the
        # digit 3 make the '?': the run ends in a '?' before a figure (the digit is past telling).
        ("寄递量同比增长32%，带动农民增收。\n", "增", "同比猿?2%", "寄递量同比增长\ufffd2%，带动农民增收。\n"),
        ("全省建成村级寄递物流综合服务站1.6万个。\n", "务站", "服握?.6万", "全省建成村级寄递物流综合服务站\ufffd.6万个。\n"),
        # before an ideograph, after a run of two characters that read as words do not
        ("全省干部员工对此有期待、领导有责任,两年来上下一心。\n", "有责", "领导釉鹑?两年", "领导有责任"),
        # before a line break (a blank line's first break eaten), and ending the text
        ("今年全省邮政全面完成年度任务。\n\n下一步将继续推进农村寄递物流体系建设。\n", "务。", "任巍?\n下", "完成年度任务。"),
        ("全省邮政业务收入稳步增长。", "长。", "稳步增场?", "全省邮政业务收入稳步增长。"),
        # before a space (traditional text, as a mirror copies it)
        ("本期責任編輯：周敏  美編：李丹  校對：王芳\n", "編輯", "責任据嫞褐苊? 美編", "本期责任编辑："),
        # after a rare character two before it (氖), the run's last two common ones
        ("销售农产品28万余斤。\n\n河南省分行\n\n吹响金融知识“进万家”号角。\n", "南", "河氖》中?\n吹", "河南省分行"),
        # after a symbol the misread pairs make (⒄, A2 B4: 展's trail and ;'s lead)
        ("6个地市与当地经济发展水平不匹配,需加快发展;13个地市在总收入上存在差距。\n", "加快", "需伎旆⒄?13", "需加快发展"),
    ],
)
def test_run_of_a_lost_trail_ending_in_a_question_mark_is_repaired(decoder, text, lost, shown, repaired):
    damaged = _misaligned_trail(text, _losing(text, text.index(lost), "gbk"), marker=True)
    assert shown.encode() in damaged
    decoded = decoder.decode(damaged).text
    assert repaired in decoded
    assert "?" not in decoded


def test_lone_symbol_left_by_a_lost_lead_is_read_back(decoder):
    # 獲 (AB 40 in GBK) loses its lead: its trail shows as '@' between ideographs, which a text's
    # own letters may be (A股) but its symbols are not: a smaller gain suffices.
    text = traditional_gbk_text("保障市场主体获得合理融资")
    damaged = _misaligned(text, _losing(text, text.index("獲"), "gbk"), marker=False)
    assert "體@得".encode() in damaged
    assert decoder.decode(damaged).text == "保障市场主体获得合理融资"


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_symbols_separating_traditional_words_are_kept(decoder, encoding):
    line = "中國郵政集團|新聞中心|郵政要聞 關注@中國郵政 產品\\服務"
    raw = (line + "\n" + S2TW.convert(seed_bytes("001").decode("utf-8")[:300])).encode(encoding, errors="ignore")
    decoded = decoder.decode(raw)
    assert decoded.text.split("\n")[0] == "中国邮政集团|新闻中心|邮政要闻 关注@中国邮政 产品\\服务"


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
@pytest.mark.parametrize("line", ["怎么办?K线图显示", "真的吗?A股今天大涨", "为什么?e邮宝这么快", "是谁?Z世代的选择"])
def test_question_mark_before_a_word_led_by_a_letter_is_kept(decoder, encoding, line):
    # Where trails show as letters, '?' and a letter may be a lost lead and its trail; here
    # the '?' ends a question (办, 吗, 么, 谁 end questions) or the letter leads a word (K线).
    raw = (S2TW.convert(line) + "\n" + S2TW.convert(seed_bytes("001").decode("utf-8")[:300])).encode(encoding)
    assert decoder.decode(raw).text.split("\n")[0] == line


# Text from none of the seeds (a provincial report written for these tests), one line per
# paragraph as web pages are saved.
REPORT = (
    "今年以来，全省邮政业务收入完成86.5亿元，同比增长9.2%。\n"
    "负责人说：“我们会把服务做得更好。”\n"
    "全省新建县级共配中心12个，村级综合服务站新增2100个。\n"
    "邮件全程时限缩短了0.6天，用户申诉率下降了18%。\n"
    "截至 11 月 8 日，全省 3 个地市和 5 个县完成改造。\n"  # figures spaced out, as PDF text has them
)


# PDF-style lines broken between ideographs, and paragraphs parted by blank lines.
BROKEN_LINES = ("本报讯 今年以来，省邮政分公司围绕“农品出山”\n工程，聚焦茶叶、辣椒等特色农\n"
                "产品，建设产地仓十二个，帮助农\n户把产品卖到全国各地。\n")
BLANK_LINES = ("全省新建村级综合服务站，\n\n退役军人在当地服务站自主创业。\n\n邮政企业加快发展农村电商，\n\n"
               "深入推进寄递物流体系建设。\n\n")


@pytest.mark.parametrize(
    ("text", "lost", "shown"),
    [
        # ” loses its lead; its trail pairs with the line break into one '?'. Two lines show no
        # habit of their own: a sentence's end is most often followed by a new line.
        ("".join(REPORT.splitlines(keepends=True)[1:3]), "”\n全", "更好。??全省"),
        # 。 loses its lead: a character before an eaten byte may end a line; here, where lines
        # end in sentence ends and a sentence's end is followed by a new line, 。 and the break
        # (before: '，�').
        (REPORT, "。\n负", "9.2%??负责人"),
        # The page breaks a line after ” nowhere else, but between ideographs three times:
        # the habit of the page (before: '”�工程').
        (BROKEN_LINES, "”\n工", "出山??工程"),
        # A Windows text: the trail eats the CR of a CRLF, the LF stays (before: a space).
        (REPORT.replace("\n", "\r\n"), "”\r\n全", "更好。??\n全省"),
        # The trail eats the first of two line breaks (after ， too, as PDF text breaks).
        (BLANK_LINES, "，\n", "服务站??\n退役"),
    ],
    ids=["after a sentence end", "with the sentence end", "after a closing mark", "a CR", "before a blank line"],
)
def test_line_break_eaten_with_a_lost_lead_is_restored(decoder, text, lost, shown):
    damaged = _marked_loss_at(text, text.index(lost))
    assert shown.encode() in damaged
    assert decoder.decode(damaged).text == decoder.decode(text.encode()).text


def test_comma_eaten_with_a_lost_lead_is_read_where_running_text_puts_one(decoder):
    # This part of seed 001 puts a line break between ideographs 22 times, an ASCII comma 16
    # (the habit: a line break); 发展空间,把握竞争优势 reads as two clauses: the comma 间's trail ate.
    text = seed_bytes("001").decode("utf-8")[1495:2193]
    damaged = _misaligned(text, _losing(text, text.index("看到发展空间"), "gbk"), marker=True)
    assert "箍占?把握".encode() in damaged
    assert "发展空间,把握" in decoder.decode(damaged).text


def test_digit_eaten_with_a_lost_lead_is_not_guessed(decoder):
    # 了 loses its lead and its trail eats the 0 of '0.6天': which digit is not known (before:
    # the separator the text puts before figures three times, ' ', in front of '.6天').
    repaired = decoder.decode(_marked_loss_at(REPORT, REPORT.index("了0.6天"))).text
    assert "\ufffd.6天" in repaired


def test_lost_character_after_a_digit_is_chosen_back(decoder):
    # 月 loses its lead and its trail eats the 2 of 20日: '5??0日'. A '?' after a digit was no
    # sign of damage ('Q1??' in ASCII text); '??' between a figure and Chinese text is.
    text = "2024年5月20日 星期一\n要闻\n"
    damaged = _marked_loss_at(text, text.index("月"))
    assert "5??0日".encode() in damaged
    assert decoder.decode(damaged).text == text.replace("月2", "月\ufffd")


def test_lost_utf8_bytes_judged_across_a_line_break(decoder):
    # UTF-8 read as GBK by a lossy reader, the damage crossing a PDF line break inside a word.
    text = "公司建成县乡村三级物流体\n\n系，为城区居民服务。"
    start, end = text.index("乡"), text.index("为")
    damaged = text[:start] + text[start:end].encode("utf-8").decode("gbk", errors="replace") + text[end:]
    assert "\ufffd" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def _read_whole_with(decoder, seed: str, codec: str, errors: str = "replace"):
    """(repaired result, characters wrong, bytes lost): the seed's UTF-8 read whole with the
    lossy ``codec`` reader (``errors``: "replace" writes U+FFFD for a lost byte, "ignore"
    nothing) and saved as UTF-8, then decoded."""
    text = seed_bytes(seed).decode("utf-8")
    damaged = text.encode("utf-8").decode(codec, errors=errors)
    repaired = decoder.decode(damaged.encode("utf-8"))
    expected = decoder.decode(text.encode("utf-8")).text
    matcher = difflib.SequenceMatcher(None, expected, repaired.text, autojunk=False)
    wrong = sum(max(a2 - a1, b2 - b1) for op, a1, a2, b1, b2 in matcher.get_opcodes() if op != "equal")
    lost = len(text.encode("utf-8")) - len(damaged.replace("\ufffd", "").encode(codec))
    return repaired, wrong, lost


@pytest.mark.parametrize(
    ("head", "span", "tail"),
    [("湖南省", "邮政分公", "司全面贯彻落实年度工作会议精神。\n"), ("全省各地", "邮政企业共组", "织志愿者600余人。\n")],
)
def test_lost_last_byte_of_a_span_is_chosen_with_the_clean_text_after_it(decoder, head, span, tail):
    # The span's last character loses its last byte (公 E5 85 AC reads 鍏 and U+FFFD): the clean
    # text after it is its right neighbour (分公司), not that text's GB bytes read as UTF-8
    # (司全 reads ˾ȫ, 织志愿 ֯־Ը), which chose 光 and 给.
    damaged = head + span.encode("utf-8").decode("gbk", errors="replace") + tail
    assert damaged.endswith("\ufffd" + tail)
    assert decoder.decode(damaged.encode("utf-8")).text == head + span + tail


@pytest.mark.parametrize("errors", ["replace", "ignore"])
@pytest.mark.parametrize(
    ("seed", "clause"),
    [("000", "刘爱力对其转型的“七字干法”(干、访、抢、抓、挖、维、绑)"), ("001", "3.深耕“三个项目”")],
)
def test_utf8_read_as_lossy_gbk_restores_no_traditional_character_in_simplified_text(decoder, errors, seed, clause):
    # 访 (E8 AE BF) and 耕 (E8 80 95) lose a byte to the GBK reader; the bytes left complete
    # 調 (E8 AA BF) and 衕 (E8 A1 95) too, traditional characters the models read as 调 and 同.
    # In simplified text, a lost byte's candidates keep to characters t2s leaves alone.
    assert clause in seed_bytes(seed).decode("utf-8")
    text = clause + "\n"
    damaged = text.encode("utf-8").decode("gbk", errors=errors)
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_whole_file_read_with_a_lossy_gbk_reader(decoder):
    # Every UTF-8 byte pair read as GBK, about one byte in seven lost to U+FFFD: each lost
    # byte is chosen among the characters whose byte GBK cannot pair with the next (about 8
    # of 64). Measured: 21 of 361 characters wrong (6%; 56 when all 64 were candidates).
    repaired, wrong, lost = _read_whole_with(decoder, "001", "gbk")
    assert lost > 300
    assert repaired.repairs == ("utf8_decoded_as_gbk",)
    assert wrong <= 0.1 * lost, (wrong, lost)


def test_whole_file_read_with_a_japanese_reader(decoder):
    # cp932 shows continuation bytes A1-DF as half-width katakana and loses the bytes it cannot
    # pair, full-width punctuation's lead EF among them: each is chosen back, a lost lead among
    # the leads cp932 rejects before the next byte. Measured: 32 of 2382 characters wrong
    # (5650 before: the text was left as 荳ｭ蝗ｽ-style mojibake); seed 003, PDF text whose
    # spaces and line breaks follow lost bytes: 886 of 9173 (16780 before).
    repaired, wrong, lost = _read_whole_with(decoder, "001", "cp932")
    assert lost > 200
    assert repaired.repairs == ("utf8_decoded_as_shift_jis",)
    assert wrong <= 0.2 * lost, (wrong, lost)


@pytest.mark.parametrize("span", ["个，", "项目56个，"])
def test_japanese_reading_that_lost_a_lead_and_a_last_byte_around_a_shown_one_is_repaired(decoder, span):
    # ， (EF BC 8C) before a figure: cp932 rejects EF before BC, shows BC alone (ｼ), and rejects
    # 8C before the 1. The character's first and last bytes are chosen together.
    text = "据介绍，该公司打造农产品寄递项目56个，1至4\n月累计寄递农产品包裹1860万件。\n"
    damaged = _span_read_with(text, span, "cp932", "replace")
    assert "\ufffdｼ\ufffd1至4" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_japanese_reading_of_a_sign_cp932_has_twice_is_re_read_from_the_utf8_like_pair(decoder):
    # cp932 reads ≡ from 81 DF and from 87 91 (NEC's copy); encoding it back gave 81 DF, which
    # broke the UTF-8 of ，金 (EF BC 8C E9 87 91) read as '�ｼ碁≡'.
    text = "今年以来，收入增长15.6%，金融业务收入增长7.8%，寄递业务收入增长9.2%。\n"
    span = "%，金融"
    damaged = text.replace(span, span.encode("utf-8").decode("cp932", errors="replace"), 1)
    assert "碁≡" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # ， (EF BC 8C) ends the span, read as U+FFFD ｼ U+FFFD; the clean 重 after it is 8F 64 in
        # cp932 (走 91 96), which continue the last lost byte's sequence: the run re-read to the
        # end of the match took 重 in and read as nothing; it may also end before 重.
        ("下半年，全省邮政将紧紧围绕年度目标任务，重点抓好以下工作。\n", "紧紧围绕年度目标任务，"),
        ("共组织志愿者600余人\n次，走访农村学校85所。\n", "次，"),
        # 资。 reads 襍�縲�, 指标 謖�譬�: no half-width katakana, cp932's tell, shows; the U+FFFD
        # no other repair explains are then tried as its reading.
        ("送去书包、图书等爱心物资。活动期间，全省各地邮政企业共组织志愿者600余人。\n", "资。"),
        ("做到事事有人管、项项指标有人抓。\n", "指标"),
    ],
)
def test_span_read_by_a_japanese_reader_amid_clean_text_is_repaired(decoder, text, span):
    damaged = _span_read_with(text, span, "cp932", "replace")
    assert "\ufffd" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize(("seed", "most_lost", "most_wrong"), [("001", 1000, 0.1), ("003", 4000, 0.08)])
def test_whole_file_read_with_a_korean_reader(decoder, seed, most_lost, most_wrong):
    # cp949 rejects most leads of UTF-8 characters before their first continuation byte, and
    # that byte too where it cannot lead a pair: a third of the characters lose bytes, some all
    # three. Each is chosen back among the characters whose bytes cp949 rejects so, in a row.
    # Measured: 49 of 2382 characters wrong (4273 before: the text was left as mojibake); now
    # 39 wrong of the 1165 that lost bytes. Seed 003, PDF text spaced out: 313 of 4125 (339 while a reading holding a
    # letter of another script anywhere was refused, not only at its end, where a run takes clean
    # text in: one wrong byte then left a long run unread).
    repaired, wrong, lost = _read_whole_with(decoder, seed, "cp949")
    assert lost > most_lost
    assert repaired.repairs == ("utf8_decoded_as_euc_kr",)
    assert wrong <= most_wrong * lost, (wrong, lost)


def test_clean_text_after_a_korean_reading_is_no_four_byte_character(decoder):
    # 各 (E5 90 84) ends the span read by cp949; the clean 地。 after it are F2 A2 A1 A3 in cp949,
    # which UTF-8 reads as U+A2863 (an unassigned plane): the re-read took it for 各's neighbour.
    text = "开通冷链运输专线8条，帮助农户把产品卖到全国各地。\n邮储银行四川省分行发放首笔“蜀茶贷”。\n"
    span = "帮助农户把产品卖到全国各"
    damaged = _span_read_with(text, span, "cp949", "replace")
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize("span", ["责任感。要认真学习习近平总书记“七一”重要讲话", "要认真学习习近平总书记“七一”"])
def test_byte_lost_to_the_gb18030_reader_itself_is_its_one_rejected_byte(decoder, span):
    # 一 is E4 B8 80: GB18030 reads E4 B8, rejects 80 alone and goes on. GBK's readers reject
    # about 8 of the 64 continuation bytes there, and 个 (E4 B8 AA) read best of those; the
    # private-use characters of GB18030's user-defined areas (瑕佽\ue17b) show its own reader,
    # which rejects 80 alone before a continuation byte.
    text = "增强赶超跨越的紧迫感、责任感。要认真学习习近平总书记“七一”重要讲话,汲取奋进之力,勇担发展之责;\n"
    damaged = _span_read_with(text, span, "gb18030", "replace")
    assert "涓\ufffd" in damaged and re.search("[\ue000-\ue765]", damaged)
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_korean_reading_chooses_a_lost_byte_beside_the_run_s_earlier_span_as_repaired(decoder):
    # 电讯 reads 뵷溫 with a U+FFFD each side: 电's lead and 讯's last byte lost. Two spans of
    # the one run are re-read; 讯's byte was chosen beside the mojibake before it (华社 and
    # U+FFFD 뵷), where 计 read best, not beside 电.
    text = "据新华社电讯，今年以来，贵州省邮政围绕“黔货出山”工程打造农产品寄递项目。\n"
    damaged = _span_read_with(text, "电讯", "cp949", "replace")
    assert damaged.count("\ufffd") == 2
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize(
    ("reader", "span", "shown"),
    [
        # 讯 (E8 AE AF) lost its last byte to cp949. Of the 64 characters E8 AE may start, the
        # 16 likeliest are tried (and dictionary neighbours): 變, 讓 and 讀 held three of those
        # places in simplified text, and 讯, 17th, was not tried (本报记 read best of those that were).
        ("cp949", "本报讯", "溫\ufffd（"),
        # 讯 read by GBK: AE and AF are both rejected (user-defined rows), and its last two bytes
        # are chosen among E8's likeliest 300 characters, of which traditional ones were 115 in
        # simplified text: 讯 was 319th (本报说 read best of those tried).
        ("gbk", "报讯", "ヨ\ufffd\ufffd（"),
    ],
)
def test_lost_bytes_in_simplified_text_are_chosen_among_the_likeliest_simplified_characters(decoder, reader, span, shown):
    text = "寄递量同比增长32%。本报讯（记者 杨帆 通讯员 吴俊）今年以来，贵州省邮政打造寄递项目56个。\n"
    damaged = _span_read_with(text, span, reader, "replace")
    assert shown in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_korean_reading_that_lost_a_lead_before_a_pair_of_continuation_bytes_is_repaired(decoder):
    # 叶 (E5 8F B6) loses its lead to cp949 and 、 after it reads A1 A2, two more bytes a
    # continuation may be: the lost lead's character took three and the re-read failed.
    text = "邮政公司围绕特色产业，\n聚焦茶叶、辣椒、猕猴桃等特色农产品。\n"
    span = text[text.index("聚"):text.index("、")]
    damaged = _span_read_with(text, span, "cp949", "replace")
    assert damaged.endswith("\ufffd뤆、辣椒、猕猴桃等特色农产品。\n")
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize(
    "codec, kind, share",
    [
        # decode(..., errors="ignore"), a scraper's habit: no U+FFFD shows where a byte went;
        # each place is found where the bytes stop being UTF-8. Measured: 26 of 361 characters
        # wrong (gbk; 1283 before: only runs that had lost nothing were re-read), 36 of 501
        # (cp1252, which drops its five undefined bytes wherever they sit in a character: the
        # place whose likeliest completed character is likeliest; 580 before).
        ("gbk", "utf8_decoded_as_gbk", 0.1),
        ("cp1252", "latin1_mojibake", 0.1),
    ],
)
def test_whole_file_read_with_a_reader_dropping_what_it_cannot_read(decoder, codec, kind, share):
    repaired, wrong, lost = _read_whole_with(decoder, "001", codec, errors="ignore")
    assert lost > 300
    assert repaired.repairs == (kind,)
    assert wrong <= share * lost, (wrong, lost)


def test_character_alone_between_ascii_whose_byte_was_dropped_is_read_back(decoder):
    # A whole page read by a GBK reader dropping what it cannot read: 个 (E4 B8 AA) before a
    # line break shows as 涓 (E4 B8), its AA dropped; 月 between digits as 鏈. A character
    # alone is weak evidence, but the page's other runs show the bytes dropped: then it need
    # only read better than the mojibake (12个 over 12涓), not clearly (6 nats).
    text = next(t for t in unseen_texts() if "#乡村振兴 12个\n图片\n6月1日" in t)
    start = text.index("村振兴 12个")
    excerpt = text[max(0, start - 150):start + 60]
    damaged = excerpt.encode("utf-8").decode("gbk", errors="ignore")
    assert "12涓\n" in damaged and "6鏈1" in damaged
    repaired = decoder.decode(damaged.encode("utf-8"))
    assert repaired.text == excerpt
    assert repaired.repairs == ("utf8_decoded_as_gbk",)


def test_rare_character_of_clean_text_stays_beside_runs_whose_bytes_were_dropped(decoder):
    # 纾 (GBK E6 AD) looks like a UTF-8 character short of a byte too; amid clean text it is
    # the text's own (纾困, read 磨困 when any reading better than it was taken).
    text = next(t for t in unseen_texts() if "#乡村振兴 12个\n图片\n6月1日" in t)
    start = text.index("村振兴 12个")
    damaged = text[max(0, start - 150):start + 60].encode("utf-8").decode("gbk", errors="ignore")
    clean = "各级单位要全力做好纾困解难和惠企工作。\n"
    repaired = decoder.decode((clean + damaged).encode("utf-8"))
    assert repaired.text.startswith(clean)


def test_dropped_byte_found_where_clean_text_follows_the_damage(decoder):
    # 作's last byte was dropped; the first byte of 劲 (GBK BE A2) would complete it as UTF-8,
    # but its second byte cannot follow: the damage ends before 劲, a byte short.
    damaged = "增强力争上游" + "的工作".encode("utf-8").decode("gbk", errors="ignore") + "劲头。她说"
    assert decoder.decode(damaged.encode("gbk")).text == "增强力争上游的工作劲头。她说"


def test_rare_characters_of_clean_text_are_left_beside_dropped_bytes(decoder):
    # 猕 is GBK E2 A8, which starts a UTF-8 character: with damage elsewhere in the file, its
    # bytes were taken for UTF-8 missing two bytes and read '⨺ﬡ'.
    clean = "聚焦茶叶、辣椒、猕猴桃等特色农产品。"
    damaged = clean + "打造农产品寄递项目".encode("utf-8").decode("gbk", errors="ignore") + "。"
    assert decoder.decode(damaged.encode("gbk")).text.startswith(clean)


def test_whole_spaced_page_read_with_a_lossy_gbk_reader(decoder):
    # PDF text spaces out characters: read as GBK, every spaced character loses its last byte
    # (rejected before the space) and its neighbours lost theirs too. Each is judged by its
    # transition into the readings its right neighbour may have. Measured: 280 of 1669 wrong
    # (363 when the right neighbour was skipped and the character after it taken instead).
    repaired, wrong, lost = _read_whole_with(decoder, "003", "gbk")
    assert lost > 1500
    assert wrong <= 0.19 * lost, (wrong, lost)


def test_no_break_space_after_a_run_read_with_a_lossy_gbk_reader(decoder):
    # The UTF-8 no-break space's lead byte pairs with the full stop's last byte: the line was
    # left unrepaired when the re-read stopped inside that pair.
    text = "深入基层联系点，走访慰问一线员工。\xa0\xa0\n\n提升服务水平，推动高质量发展。\n"
    damaged = text.encode("utf-8").decode("gbk", errors="replace")
    assert "\ufffd" in damaged
    assert "走访慰问一线员工。" in decoder.decode(damaged.encode("utf-8")).text


@pytest.mark.parametrize("codec, share, seed", [("gbk", 0.1, "001"), ("cp1252", 0.06, "001"), ("gb18030", 0.1, "000")])
def test_lost_bytes_written_as_question_marks(decoder, codec, share, seed):
    # UTF-8 read with a lossy reader and saved back in its codec: the file is the UTF-8 again,
    # each lost byte written '?' (GB18030 writes U+FFFD's four bytes). The reader is not known:
    # the one whose lost bytes best explain the text is chosen. Measured: 20 of 365 wrong (gbk),
    # 16 of 505 (cp1252), 21 of 308 (gb18030); 36 and 106 with any byte a candidate; the code
    # before left the broken characters, some read as GBK spans (gb18030: 1371 wrong).
    text = seed_bytes(seed).decode("utf-8")
    raw = text.encode("utf-8").decode(codec, errors="replace").encode(codec, errors="replace")
    lost = raw.count("\ufffd".encode(codec, errors="replace")) - text.count("?")
    repaired = decoder.decode(raw)
    expected = decoder.decode(text.encode("utf-8")).text
    matcher = difflib.SequenceMatcher(None, expected, repaired.text, autojunk=False)
    wrong = sum(max(a2 - a1, b2 - b1) for op, a1, a2, b1, b2 in matcher.get_opcodes() if op != "equal")
    assert lost > 300
    assert repaired.repairs == ("utf8_lost_bytes_marked",)
    assert wrong <= share * lost, (wrong, lost)


@pytest.mark.parametrize(("codec", "lead_lost"), [("cp932", b"?\xbc\x8c"), ("shift_jis", b"?\xbc\x8c"), ("cp949", b"?\x9b\x86")])
def test_lost_leads_written_as_question_marks(decoder, codec, lead_lost):
    # A Japanese or Korean reader takes a lead with the next byte as a pair and writes '?' for
    # a pair it rejects: the '?' stands for a lead too (，is EF BC 8C: '?' BC 8C). The file read
    # as GB spans in UTF-8 before (湖南𫓺?邮政𫔄?公司), or where a lead alone was lost, kept
    # its continuation bytes for the Latin-1 repairs to misread (，as �¼Œ).
    text = "今年以来，在集团公司党组的坚强领导下，湖南省邮政分公司全面贯彻落实年度工作会议精神。"
    raw = text.encode("utf-8").decode(codec, errors="replace").encode(codec, errors="replace")
    assert lead_lost in raw  # ，(EF BC 8C) or 集 (E9 9B 86) without its lead
    decoded = decoder.decode(raw).text
    if codec == "cp949":  # it loses far more (22 bytes here): the models choose some wrong
        assert difflib.SequenceMatcher(None, text, decoded, autojunk=False).ratio() >= 0.8
        assert not re.search("[\u0080-\u00ff]", decoded)
    else:
        assert decoded == text


def test_a_question_mark_before_continuation_bytes_is_no_lost_lead_in_text_that_is_no_utf8(decoder):
    # 阿里等地 in UTF-16-LE without BOM is 3F 96 CC 91 49 7B 30 57: '?' and a continuation byte,
    # then a two-byte UTF-8 character; it was read as UTF-8 that lost a lead (�̑I{0W).
    assert decoder.decode("阿里等地".encode("utf-16-le")).text == "阿里等地"


def test_korean_reader_s_lost_bytes_written_as_question_marks_over_a_whole_seed(decoder):
    # cp949 loses 1,984 bytes of seed 000: 719 characters come out wrong (3,334 when the '?' of
    # a lost lead was not read as one).
    text = seed_bytes("000").decode("utf-8")
    raw = text.encode("utf-8").decode("cp949", errors="replace").encode("cp949", errors="replace")
    lost = raw.count(b"?") - text.count("?")
    expected = decoder.decode(text.encode("utf-8")).text
    matcher = difflib.SequenceMatcher(None, expected, decoder.decode(raw).text, autojunk=False)
    wrong = sum(max(a2 - a1, b2 - b1) for op, a1, a2, b1, b2 in matcher.get_opcodes() if op != "equal")
    assert wrong <= 0.4 * lost, (wrong, lost)


def _span_read_with(text: str, span: str, codec: str, errors: str) -> str:
    """``text`` with its ``span`` as UTF-8 read by ``codec`` (``errors``: how it loses bytes)."""
    start = text.index(span)
    return text[:start] + span.encode("utf-8").decode(codec, errors=errors) + text[start + len(span):]


@pytest.mark.parametrize("span", ["两年来,全省邮政总收入持续向", "全省邮政总收入持续向"])
def test_run_of_dropped_bytes_ends_before_the_clean_character_it_took_in(decoder, span):
    # 向 (E5 90 91) lost its 91 to GBK (errors="ignore"): 鍚 before the clean 好, whose bytes
    # (BA C3) the run took in, its silent loss marked after them; read so, 好 and a lost byte
    # made 吺À (C3 80). Chinese text read so holds no À: the run ends before 好, lacking a byte.
    text = "她指出,加快发展,员工有期待、领导有责任!两年来,全省邮政总收入持续向好、后进赶先进,代理金融走出困境。\n"
    damaged = _span_read_with(text, span, "gbk", "ignore")
    assert "缁鍚好、" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_span_whose_bytes_cp1252_dropped_is_repaired_amid_chinese_quotes(decoder):
    # 落 (E8 90 BD) lost 0x90 to errors="ignore"; the text's own “ ” (cp1252 has them too)
    # had been counted as Latin-1 mojibake that the UTF-8 stretch did not cover.
    quoted = "推动“能上能下”“能进能出”“能增能减”，做到“干部干得好就上、干不好就下”，" * 2
    text = quoted + "规定落实落地。要强化教育引导。"
    damaged = _span_read_with(text, "落实落地。", "cp1252", "ignore")
    assert "è½å®žè½åœ°ã€‚" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_bytes_cp1252_dropped_at_a_span_end_before_an_ideograph_are_chosen_back(decoder):
    # 话 (E8 AF 9D) lost 0x9D, its last byte, and the clean 术 follows: the stretch of UTF-8
    # had ended before 话, left as è¯.
    text = "进一步规范精细化、转型话术使用标准化。"
    damaged = _span_read_with(text, "转型话", "cp1252", "ignore")
    assert "è½¬åž‹è¯术" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


@pytest.mark.parametrize(
    ("text", "span", "shown"),
    [("新兴业务收入占比仍然偏低。\n", "仍然", "ä»ç„¶"), ("活动期间共寄递包裹一批。□杨成陈\n", "成陈", "æˆé™ˆ")],
)
def test_two_characters_whose_bytes_cp1252_dropped_are_repaired(decoder, text, span, shown):
    # 仍 (E4 BB 8D) and 成 (E6 88 90) lose a byte to errors="ignore": two UTF-8 characters in
    # Latin letters amid Chinese text are damage enough (three are asked of GB readings).
    damaged = _span_read_with(text, span, "cp1252", "ignore")
    assert shown in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def test_one_character_read_as_gbk_and_saved_with_a_question_mark_is_repaired(decoder):
    # 业 (E4 B8 9A) read as GBK is 涓 and a lost byte, '?' once saved as GBK. Alone, 业 reads no
    # better than 涓 (a character of jieba's words too); with its neighbours, 营业部 does.
    text = "清晨，一辆三轮车驶出营业部，车上装满了包裹。\n"
    raw = _span_read_with(text, "业", "gbk", "replace").encode("gbk", errors="replace")
    assert "营涓?部".encode("gbk") in raw
    assert decoder.decode(raw).text == text


def test_one_character_read_by_a_japanese_reader_is_repaired(decoder):
    # 个 (E4 B8 AA) read by cp932 is 荳 and the half-width katakana ｪ: one character re-read is
    # weak evidence in GB mojibake, not beside katakana, which Chinese text never has.
    text = "全省新建县级共配中心12个，村级综合服务站新增2100个。\n"
    damaged = _span_read_with(text, "个", "cp932", "replace")
    assert "12荳ｪ，" in damaged
    assert decoder.decode(damaged.encode("utf-8")).text == text


def _gbk_mojibake_saved_as_gb18030(text: str, span: str) -> bytes:
    """``text`` in GB18030 with ``span`` as UTF-8 read by a lossy GBK reader: each lost byte's
    U+FFFD written as its four GB18030 bytes, 84 31 A4 37."""
    return _span_read_with(text, span, "gbk", "replace").encode("gb18030")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # 。 read 銆 and U+FFFD: E3 80 84 looked like UTF-8 punctuation pasted into GB text.
        (REPORT, "同比增长9.2%。"),
        # 一 read 涓 and U+FFFD inside a span that is UTF-8 again (E4 B8 84 looked like 丄): the
        # file was read as UTF-8 with GB spans; GB18030's U+FFFD says who wrote it.
        ("赣州邮政开通脐橙寄递专线。“以前寄一箱脐橙到广州要四五天。”\n", "以前寄一箱"),
        ("赣州邮政开通脐橙寄递专线。现在两天就到了。”寻乌县果农说。\n", "到了。”寻乌"),
    ],
)
def test_lost_byte_saved_as_a_gb18030_four_byte_character_is_not_read_as_utf8(decoder, text, span):
    damaged = _gbk_mojibake_saved_as_gb18030(text, span)
    assert b"\x84\x31\xa4\x37" in damaged
    assert decoder.decode(damaged).text == decoder.decode(text.encode()).text


def test_whole_file_read_with_a_lossy_cp1252_reader(decoder):
    # Python's cp1252 has no 0x81, 0x8D, 0x8F, 0x90, 0x9D: about one CJK character in six
    # loses a byte, which ftfy drops with the character. Each lost byte is chosen among
    # those five. Measured: 18 characters wrong of 501 lost bytes (the code before: 501).
    repaired, wrong, lost = _read_whole_with(decoder, "001", "cp1252")
    assert lost > 450
    assert repaired.repairs == ("latin1_mojibake",)
    assert wrong <= 0.06 * lost, (wrong, lost)


@pytest.mark.parametrize("wrong, right", [("big5", "utf-8"), ("utf-8", "gbk")])
def test_text_too_lossy_to_choose_bytes_back_is_dead_lettered(decoder, wrong, right):
    # UTF-8 read whole as Big5 loses about 70% of its characters to U+FFFD, GBK read as UTF-8
    # more: a re-read would only guess (and took seconds per file), and what is left is not
    # the text. The raw bytes go to the dead letters.
    damaged = seed_bytes("000").decode("utf-8").encode(right, errors="ignore").decode(wrong, errors="replace")
    with pytest.raises(DecodeError, match=r"text lost before it arrived: \d+% of its characters are U\+FFFD"):
        decoder.decode(damaged.encode("utf-8"))


# Seed 001 in Taiwan forms, a character's lead byte lost; what the decoder reads, then: a
# misread run ending in the trail byte that resynchronised (Big5 trails 0x40-0x7E show as
# ASCII), a lone U+FFFD (the lost lead's trail made no pair with the next byte), the '?'
# converter's marker, and the trail alone as an ASCII letter (感 as P; 。 as C and 真 as u, which
# the dictionary model alone, knowing words and not where marks go, did not read back).
BIG5_SEED_TEXT = "增强赶超跨越的紧迫感、责任感。要认真学习习近平总书记“七一”重要讲话,汲取奋进之力,勇担发展之责;"
BIG5_LOSSES = [
    ("任", False, "責艩P。"), ("取", False, "汲\ufffd奮"), ("責", True, "、?d任"), ("感", False, "緊迫P、"),
    ("。", False, "責任感C要"), ("真", False, "認u學"),
]


@pytest.mark.parametrize(("lost", "marker", "shown"), BIG5_LOSSES)
def test_big5_lost_byte_is_repaired(decoder, lost, marker, shown):
    text = big5_text(BIG5_SEED_TEXT)
    damaged = _big5_misaligned(BIG5_SEED_TEXT, _losing(text, text.index(lost), "big5"), marker)
    assert shown in damaged.decode("big5", errors="replace")
    decoded = decoder.decode(damaged)
    assert "big5_misalignment" in decoded.repairs
    assert decoded.text == T2S.convert(text)


# Clean traditional text the Big5 repair must leave alone: names with rare characters (燊 and
# 琍 have ASCII trail bytes, 琍玥 and 驫燚 are improbable pairs), the lone ASCII letters a
# lost lead could also leave (A股, e郵寶), whole seeds.
BIG5_CLEAN = [
    "郵政分公司總經理陳翀、副總經理王燊與營業員林琍玥一同走訪網點。",
    "今年A股回暖，郵儲銀行推出e郵寶、B超體檢套餐與T恤禮品。",
    "記者見到了X先生，員工李某和M某參加培訓，項目分為A類和B類，Z世代成為主力。",
    "龘、驫、燚都是罕見字，齉鼻子的齉也是。",
    *(big5_text(seed_bytes(prefix).decode("utf-8")) for prefix in CLEAN_SEEDS),
]


@pytest.mark.parametrize("text", BIG5_CLEAN, ids=range(len(BIG5_CLEAN)))
def test_clean_big5_text_is_not_altered(decoder, text):
    decoded = decoder.decode(text.encode("big5"))
    assert decoded.encoding == "big5"
    assert "big5_misalignment" not in decoded.repairs
    # t2s keeps 著, which the decoder writes 着 where running text does (着力, not 著名)
    assert decoded.text.replace("着", "著") == T2S.convert(text).replace("着", "著")


@pytest.mark.parametrize("text", ["真的吗??我不信。\n", "你在哪呢??\n", "难道不是吗???\n", "“这是真的吗??”他问。\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "big5"])
def test_question_marks_after_a_question_particle_are_kept(decoder, text, encoding):
    # '??' is also what a lost lead leaves beside an ASCII byte; after 吗 or 呢 it is the
    # question it reads as (before: '真的吗，�我不信', a comma guessed and a byte marked lost).
    source = big5_text(text) if encoding == "big5" else text
    assert decoder.decode(source.encode(encoding)).text == T2S.convert(source)


@pytest.mark.parametrize("kind", list(KINDS))
def test_damage_repair_rate(decoder, kind):
    exact, lenient, similarity = repaired_rate(decoder, KINDS[kind], trials=40, size=600)
    if kind in SIMILARITY_FLOORS:
        assert similarity >= SIMILARITY_FLOORS[kind], (kind, similarity)
    else:
        assert lenient >= FLOORS[kind], (kind, exact, lenient)


# The same damage on text from none of the seeds (tests/data/pages, 300-character excerpts, 40
# trials, seed 7) measured 80 67.5 100 85 100 97.5 82.5 100 57.5 30 60 35 57.5 80 32.5 % exact,
# every kind at least 0.995 similar: the repairs generalise to text the models were not tuned
# on, as the seeds' figures above (the misalignment guesses a little less: 30% and 60%). Floors
# sit below those figures.
UNSEEN_FLOORS = {
    "utf8_decoded_as_gbk (gb18030)": 0.7,
    "utf8_decoded_as_gbk (lossy gbk)": 0.55,
    # Measured 50%; 67.5% since a character alone between ASCII whose byte was dropped is read back.
    "utf8_decoded_as_gbk (bytes dropped)": 0.55,
    "utf8_decoded_as_gbk (saved as GBK, '?')": 0.5,  # measured 60%
    "utf8_decoded_as_gbk (saved as GB18030)": 0.55,  # measured 66%
    # Measured 55%, then 75%; 85% since a character losing its lead and last byte around a shown one
    # (， before a figure) is chosen whole and ≡ is read from the pair UTF-8 holds.
    "utf8_decoded_as_shift_jis": 0.7,
    "utf8_decoded_as_euc_kr": 0.6,  # measured 65%, then 67.5%; 70% since a lost lead leaves cp949's 、 whole
    "latin1_mojibake": 0.95,
    "latin1_mojibake (lossy cp1252)": 0.75,
    "latin1_mojibake (cp1252, bytes dropped)": 0.45,  # measured 57.5%
    "latin1_mojibake (lossy cp1252, read again)": 0.8,  # measured 94% (100 trials, seed 11; 30% before)
    "gbk_decoded_as_latin1": 0.9,
    "gbk_decoded_as_latin1 (traditional)": 0.9,  # measured 100% (40% before)
    "big5_decoded_as_latin1": 0.9,  # measured 100% (5% before)
    "gbk_decoded_as_utf8": 0.9,
    "big5_decoded_as_utf8": 0.7,
    "gbk_decoded_as_latin1 (whole file)": 0.95,
    # Measured 40%, from 32.5% before an eaten byte took the page's habit where its classes are
    # rare (”\n工程); most misses are an eaten digit, past telling.
    "gbk_misalignment (? marker)": 0.3,
    "gbk_misalignment (lost byte)": 0.5,
    "gbk_misalignment (lost byte, file as is)": 0.7,  # measured 77.5% (57.5% read by GBK, see FLOORS)
    "gbk_misalignment (traditional, ? marker)": 0.55,  # measured 65% (57.5% before)
    "gbk_misalignment (traditional, lost byte)": 0.55,  # measured 65% (37.5% before)
    "gbk_misalignment (lost trail, ? marker)": 0.2,  # measured 32.5% (25% before)
    "gbk_misalignment (lost trail)": 0.6,  # measured 70%
    "gbk_misalignment (traditional, lost trail, ? marker)": 0.45,  # measured 57.5% (52.5% before)
    "gbk_misalignment (traditional, lost trail)": 0.6,  # measured 70%
    "big5_misalignment (? marker)": 0.7,
    "gbk_decoded_as_big5": 0.6,  # measured 70% (before lines were re-read with the lines around them: 50%)
    "utf8_lost_byte": 0.7,  # measured 82.5%
    "utf8_changed_byte": 0.85,  # measured 92.5% (2.5% before a changed byte was chosen back)
    "utf16_lost_byte": 0.7,  # measured 70%, then 75%; 80% since the file's own words choose the lost character
}
UNSEEN_SIMILARITY_FLOOR = 0.994


@pytest.fixture(scope="module")
def unseen():
    return unseen_texts()


@pytest.mark.parametrize("kind", list(KINDS))
def test_damage_repair_rate_on_text_from_none_of_the_seeds(decoder, unseen, kind):
    exact, _, similarity = repaired_rate(decoder, KINDS[kind], trials=40, size=300, texts=unseen)
    assert similarity >= UNSEEN_SIMILARITY_FLOOR, (kind, similarity)
    assert exact >= UNSEEN_FLOORS.get(kind, 0.0), (kind, exact)


if __name__ == "__main__":
    from pipeline.decode import Decoder

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    size = int(sys.argv[2]) if len(sys.argv) > 2 else EXCERPT  # 100000: whole seed documents
    dec = Decoder()
    for name, damage in KINDS.items():
        exact, lenient, similarity = repaired_rate(dec, damage, n, seed=11, size=size)
        print(
            f"{name:32s} exact {exact:6.1%}   eaten-ASCII-as-unknown {lenient:6.1%}   similarity {similarity:.3f}"
            f"   (n={n}, excerpt {size})"
        )


def test_work_on_text_strewn_with_lost_bytes_is_bounded(decoder, monkeypatch):
    # U+FFFD after every fifth character: each is an anchor whose lost bytes the repair may
    # choose. Misaligned files need at most 3 such choices per kilobyte; this one asked for
    # 1452 (13 s for 8 KB) before the budget.
    from pipeline.decode import misalignment

    text = "".join(ch + ("\ufffd" if i % 5 == 0 else "") for i, ch in enumerate(seed_bytes("001").decode()))
    calls = []
    resolve = misalignment.MisalignmentRepairer._resolve
    monkeypatch.setattr(misalignment.MisalignmentRepairer, "_resolve", lambda self, *a: calls.append(1) or resolve(self, *a))
    decoder.decode(text.encode())
    budget = misalignment.RESOLVES_ALWAYS + len(text) // misalignment.CHARS_PER_RESOLVE
    assert 0 < len(calls) <= budget


@pytest.mark.parametrize("legacy", ["gbk", "big5"])
def test_a_legacy_span_ending_before_one_utf8_character_and_a_line_break(decoder, legacy):
    # The span's last pair and the UTF-8 全 after it were read as one run (全 lost to three
    # U+FFFD): one UTF-8 character before a byte no GB or Big5 pair ends in resumes UTF-8.
    head, span, tail = "邮政", "从多个方面对", "全\n面建设社会主义现代化国家作出部署。"
    source = S2TW.convert(span) if legacy == "big5" else span
    decoded = decoder.decode(head.encode() + source.encode(legacy) + tail.encode())
    assert decoded.text == head + span + tail


def test_a_line_break_eaten_at_the_end_of_a_text_of_lines_is_restored(decoder):
    # The '?' converter ate the last character's trail and the final line break together: a
    # text of lines ends with one (the file's last byte); the text lost it.
    text = "一是加强组织领导，明确责任分工。\n二是强化督导检查，确保取得实效。\n"
    damaged = _marked_loss_at(text, text.index("实效"))
    assert damaged.endswith(b"?")
    assert decoder.decode(damaged).text == decoder.decode(text.encode("utf-8")).text


@pytest.mark.parametrize("lost", ["险", "风", "强"])
def test_a_misaligned_run_ending_the_last_line_is_repaired(decoder, lost):
    # The run's last trail and the final line break made an invalid pair: U+FFFD, then the line
    # break. That U+FFFD was taken for a truncated file's last character and anchored nothing.
    text = "一是加强组织领导，明确责任分工。\n二是推进网点转型；三是加强风险防控。\n"
    damaged = _misaligned(text, _losing(text, text.rindex(lost), "gbk"), marker=False)
    assert damaged.endswith("\ufffd\n".encode("utf-8"))
    assert decoder.decode(damaged).text == decoder.decode(text.encode("utf-8")).text


def test_a_truncated_last_character_stays_lost(decoder):
    # The file ends inside its last character: nothing follows the U+FFFD, no run was misread.
    text = "一是加强组织领导，明确责任分工。\n二是推进网点转型；三是加强风险防控"
    decoded = decoder.decode(text.encode("gbk")[:-1])
    assert decoded.text == text[:-1] + "\ufffd"


def test_big5_lines_read_as_latin1_are_not_cross_read_as_korean(decoder):
    # 閱 is BE 5C: its trail is a backslash, which cp949 (a Korean reader) took into a reading
    # of its own for the Latin-1 line: 取\Å见〝ì5å for 阅读原文.
    text = "据了解，江西邮政已在全省建成县级寄递物流共配中心98个。\n来源：江西省邮政分公司\n"
    span = "编辑：陈静  审核：黄伟\n阅读原文\n阅读 2356\n分享 收藏 点赞"
    damaged = text + S2TW.convert(span).encode("big5").decode("latin-1") + " 在看\n"
    assert decoder.decode(damaged.encode("utf-8")).text == decoder.decode((text + span + " 在看\n").encode("utf-8")).text


def test_a_lone_trail_whose_character_the_document_shows_elsewhere_is_read_back(decoder):
    # 點 (FC 63) lost its lead: its trail shows as a lone 'c' (網c轉型), which scores about as
    # well as a character between ideographs; 網點 elsewhere in the text tells what it was.
    text = traditional_gbk_text("今年以来，全省邮政网点转型稳步推进。一是加快网点建设；二是深化网点转型；三是加强风险防控。\n")
    lost = text.index("點", text.index("深化"))
    damaged = _misaligned(text, _losing(text, lost, "gbk"), marker=False)
    assert "網c轉".encode("utf-8") in damaged
    assert decoder.decode(damaged).text == decoder.decode(text.encode("utf-8")).text
