"""Text normalisation after decoding: pinyin annotations, NFC, full-width Latin/digits,
traditional to simplified. Chinese (full-width) punctuation is kept."""

import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import opencc

from pipeline.decode.textmodel import SIMPLIFIED_CHANGE_SHARE
from pipeline.resources import data_lines

# Characters the 2013 table of standard characters (通用规范汉字表) keeps in simplified writing,
# for names and set words, that OpenCC's t2s changes (昇 -> 升, 陞 -> 升, 乾 -> 干): in a simplified
# text they are the writer's (毕昇, 林昇, 乾坤).
STANDARD_SIMPLIFIED_VARIANTS = frozenset("昇陞乾")

CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
CJK = "".join(f"{chr(first)}-{chr(last)}" for first, last in CJK_RANGES)
TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# One pinyin syllable: optional initial, a final; lower-case, tone marks optional.
SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv{TONE_VOWELS}][a-zü{TONE_VOWELS}]{{0,4}}"
# Syllables (a character's, or a word's separated by spaces), tones marked or numbered (wang3),
# in ASCII or full-width parentheses right after an ideograph. "(" may be missing when the
# annotation's first byte was eaten by a damaged multi-byte run (see misalignment.py).
# A spam mirror's decoy tags may stand between the character and its annotation (會<acronym
# id="x"></acronym>(huì)): they stay, for the clean stage.
DECOY_TAGS = r"(?P<tags>(?:<[^<>\n]{0,100}>)*)"
ANNOTATION_RE = re.compile(rf"(?<=[{CJK}]){DECOY_TAGS}(?P<annotation>[(（]?(?P<syllables>{SYLLABLE}[1-5]?(?: {SYLLABLE}[1-5]?)*)[)）])")
TONED_RE = re.compile(f"[{TONE_VOWELS}]")
TONE_NUMBER_RE = re.compile(r"[a-zü][1-5](?=[ )）])")
MIN_NUMBERED_ANNOTATIONS = 2  # (co2) once is a formula; a pinyin-inserting copy numbers many
# Annotations without tones are pinyin where they spell a reading of each character they follow,
# twice at least: 网(wang)点(dian), or 網(wng) and 網(w?ng) where a code without ǎ (Big5) lost
# the toned vowel; 他说(wo) or 了(le) once is the writer's.
MIN_READ_ANNOTATIONS = 2
LOOSE_SYLLABLE = r"(?=[a-zü?]*[a-zü])[a-zü?]{1,6}"
LOOSE_ANNOTATION_RE = re.compile(
    rf"(?<=[{CJK}]){DECOY_TAGS}(?P<annotation>[(（](?P<syllables>{LOOSE_SYLLABLE}(?: {LOOSE_SYLLABLE})*)[)）])"
)
LOOSE_HINT_RE = re.compile(rf"[(（]{LOOSE_SYLLABLE}(?: {LOOSE_SYLLABLE})*[)）]")  # cheap scan before the look-behind's
TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))  # grave, acute, macron, caron (NFD)
FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp - 0xFEE0).isalnum()}
FULLWIDTH_ALNUM_RE = re.compile("[０-９Ａ-Ｚａ-ｚ]+")
RADICAL_RE = re.compile("[\u2e81-\u2ef3\u2f00-\u2fd5]")
# Forms some readers' tables give the interpunct and the dash: Python's gb2312 reads A1 A4 as the
# katakana middle dot ・ and A1 AA as the horizontal bar ―, where GBK reads · and —; cp950 reads
# Big5's A1 45 as the hyphenation point ‧. Chinese text means · (买买提·艾力) and —.
PUNCTUATION_VARIANTS = str.maketrans({"\u30fb": "\u00b7", "\uff65": "\u00b7", "\u2027": "\u00b7", "\u2015": "\u2014"})
PUNCTUATION_VARIANT_RE = re.compile("[\u30fb\uff65\u2027\u2015]")
# Share of a sample's ideographs traditional on their own above which a text is traditional
# before its repairs: 35-38% of the seeds' in Taiwan forms, 34% of seed 002's; none of 200
# excerpts of simplified text with a misaligned run.
MOSTLY_TRADITIONAL_SHARE = 0.1
TRADITIONAL_SAMPLE_CHARS = 1000  # from the first ideograph (an HTML page's head has none)
IDEOGRAPH_RE = re.compile(f"[{CJK}]")
# Traditional characters that stand for two simplified ones, which t2s leaves as they are.
AMBIGUOUS_T2S = {"著": "着"}
AMBIGUOUS_T2S_RE = re.compile(f"[{''.join(AMBIGUOUS_T2S)}]")
AMBIGUOUS_T2S_MARGIN = 2.0  # nats; 随著 +9, 著陆 +6, 一著棋 +3; 显著 -9, 名著 -3.5, 土著 -2.5


KANGXI_RADICALS = range(0x2F00, 0x2FD6)


def radical_ideographs() -> dict[int, str]:
    """Radical code points -> the ideograph each looks like: Kangxi radicals by NFKC, the CJK
    Radicals Supplement by Unicode's Equivalent_Unified_Ideograph (data/radical_ideographs.txt)."""
    table = {code: unicodedata.normalize("NFKC", chr(code)) for code in KANGXI_RADICALS}
    for line in data_lines("pipeline.decode", "radical_ideographs.txt"):
        codes, ideograph = (field.strip() for field in line.split("#")[0].split(";"))
        first, _, last = codes.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            table[code] = chr(int(ideograph, 16))
    return table


class Normalizer:
    def __init__(self) -> None:
        self._t2s = opencc.OpenCC("t2s")
        # A traditional source's Hong Kong and Taiwan variant forms (枱, 衞, 穿著), which t2s
        # keeps, first read as the standard ones: s2hk's and s2tw's output then comes back whole.
        self._regional_to_simplified = (opencc.OpenCC("hk2t"), opencc.OpenCC("tw2s"))
        self._traditional: dict[str, bool] = {}
        self._radical_ideographs = radical_ideographs()
        # Whether t2s changes each ideograph on its own, known ahead (one call), and those it
        # changes as a character class, to count them at the regex engine's pace.
        ideographs = [chr(code) for first, last in CJK_RANGES for code in range(first, last + 1)]
        simplified = self._t2s.convert("\n".join(ideographs)).split("\n")
        self._traditional.update((t, t != s) for t, s in zip(ideographs, simplified, strict=True))
        self._traditional_re = re.compile(f"[{''.join(ch for ch, changed in self._traditional.items() if changed)}]")
        self._readings = pinyin_readings()

    def _is_traditional(self, ch: str) -> bool:
        """Whether t2s changes ``ch`` on its own (沈 alone stays, 沈思 becomes 沉思)."""
        known = self._traditional.get(ch)
        if known is None:
            known = self._traditional[ch] = self._t2s.convert(ch) != ch
        return known

    def mostly_traditional(self, text: str) -> bool:
        """Whether ``text``, damage and all, is written in traditional characters."""
        first = IDEOGRAPH_RE.search(text)
        if first is None:
            return False
        sample = text[first.start():first.start() + TRADITIONAL_SAMPLE_CHARS]
        traditional = len(self._traditional_re.findall(sample))
        return traditional > MOSTLY_TRADITIONAL_SHARE * len(IDEOGRAPH_RE.findall(sample))

    def remove_pinyin(self, text: str) -> tuple[str, bool]:
        """Drop ``(pīn)`` annotations (``（pīn）``, ``(pin1)``, ``(pīn yīn)``). Toneless syllables
        count in texts that also carry toned ones, or where two annotations or more spell readings
        of the characters they follow (``(pin)``), so ``(APP)`` or ``(le)`` in a clean text stay;
        tone numbers only where two annotations or more carry them."""
        if not TONED_RE.search(text) and not TONE_NUMBER_RE.search(text) and not LOOSE_HINT_RE.search(text):
            return text, False  # the scans below are slow: each position tries the look-behind
        matches = list(ANNOTATION_RE.finditer(text))
        marked = sum(bool(TONED_RE.search(m.group("syllables"))) for m in matches)
        numbered = sum(bool(TONE_NUMBER_RE.search(m.group("annotation"))) for m in matches)
        if not marked and numbered < MIN_NUMBERED_ANNOTATIONS:
            matches = [match for match in LOOSE_ANNOTATION_RE.finditer(text) if self._spells_readings(text, match)]
            if len(matches) < MIN_READ_ANNOTATIONS:
                return text, False
        out, pos = [], 0
        for match in matches:
            annotation = match.group("annotation")
            if not annotation.startswith(("(", "（")) and not _toned(annotation):
                continue
            out.append(text[pos:match.start("annotation")])
            pos = match.end()
        out.append(text[pos:])
        return "".join(out), True

    def _spells_readings(self, text: str, annotation: re.Match) -> bool:
        """Whether each syllable of ``annotation`` is a reading of its character before it."""
        syllables = annotation.group("syllables").split(" ")
        characters = text[max(0, annotation.start() - len(syllables)):annotation.start()]
        return len(characters) == len(syllables) and all(
            self._reads_as(character, syllable) for character, syllable in zip(characters, syllables)
        )

    def _reads_as(self, character: str, syllable: str) -> bool:
        """Whether ``syllable`` spells a reading of ``character`` as an annotation may (see
        _annotated_forms)."""
        spelled = _toneless(syllable)
        return any(spelled in _annotated_forms(reading) for reading in self._readings.get(character, "").split(","))

    def to_simplified(self, text: str) -> tuple[str, bool]:
        """(simplified text, whether the source was traditional). In simplified text only the
        characters traditional on their own change (a repair may have guessed one): t2s's
        phrases rewrite some simplified writing too (沈思远, a name, to 沉思远)."""
        simplified = self._t2s.convert(text)
        if simplified == text:
            return text, False
        before, after = _code_points(text), _code_points(simplified)
        if len(before) != len(after):
            return self._from_traditional(text), True  # only phrase rules of traditional text change the length
        changed = np.flatnonzero(before != after)
        phrase_only = [  # (and the characters the standard keeps that t2s changes: 毕昇, 乾坤)
            index for index in changed
            if not self._is_traditional(chr(before[index])) or chr(before[index]) in STANDARD_SIMPLIFIED_VARIANTS
        ]
        ideographs = sum(np.count_nonzero((before >= first) & (before <= last)) for first, last in CJK_RANGES)
        if len(changed) - len(phrase_only) > SIMPLIFIED_CHANGE_SHARE * max(ideographs, 1):
            return self._from_traditional(text), True
        if phrase_only:
            after = after.copy()
            after[phrase_only] = before[phrase_only]
            simplified = after.tobytes().decode("utf-32-le", errors="surrogatepass")
        return simplified, False

    def _from_traditional(self, text: str) -> str:
        regional_to_standard, to_simplified = self._regional_to_simplified
        return to_simplified.convert(regional_to_standard.convert(text))

    def radicals_to_ideographs(self, text: str) -> tuple[str, bool]:
        """Radicals (⼀, ⾏, ⻓) written for the ideographs they look like (一, 行, 长), as text
        extracted from a PDF has them where a font maps its glyphs to radical code points."""
        if not RADICAL_RE.search(text):
            return text, False
        return text.translate(self._radical_ideographs), True

    @staticmethod
    def punctuation_variants_unified(text: str) -> tuple[str, bool]:
        if not PUNCTUATION_VARIANT_RE.search(text) or not IDEOGRAPH_RE.search(text):
            return text, False
        return text.translate(PUNCTUATION_VARIANTS), True

    @staticmethod
    def fullwidth_to_halfwidth(text: str) -> tuple[str, bool]:
        if not FULLWIDTH_ALNUM_RE.search(text):
            return text, False
        return FULLWIDTH_ALNUM_RE.sub(lambda m: m.group().translate(FULLWIDTH_ALNUM), text), True

    @staticmethod
    def nfc(text: str) -> str:
        return unicodedata.normalize("NFC", text)


def pinyin_readings() -> dict[str, str]:
    """pypinyin's table of each character's readings (网: "wǎng", 了: "le,liǎo,liào"), read from
    its JSON file: importing pypinyin loads its phrase table too (56 MiB of a worker's memory)."""
    spec = importlib.util.find_spec("pypinyin")
    table = json.loads((Path(spec.origin).parent / "pinyin_dict.json").read_text(encoding="utf-8"))
    return {chr(int(code)): readings for code, readings in table.items()}


def _annotated_forms(reading: str) -> set[str]:
    """How an annotation may spell a toned ``reading`` (wǎng): without its tone (wang), or
    without its toned vowel (wng) or with '?' for it (w?ng), as a code lacking ǎ saves it."""
    forms = {_toneless(reading)}
    if toned := TONED_RE.search(reading):
        forms.update(_toneless(reading[:toned.start()] + lost + reading[toned.end():]) for lost in ("", "?"))
    return forms


def _toneless(syllable: str) -> str:
    """A syllable without its tone mark or number, ü written v (as keyboards type it)."""
    bare = unicodedata.normalize("NFD", syllable.rstrip("12345")).translate(TONE_MARKS)
    return unicodedata.normalize("NFC", bare).replace("ü", "v")


def _toned(annotation: str) -> bool:
    return bool(TONED_RE.search(annotation) or TONE_NUMBER_RE.search(annotation))


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype="<u4")


def resolve_ambiguous_simplified(text: str, running) -> str:
    """``text`` (t2s's output for a traditional source) with each character t2s cannot decide
    on written as running text writes it there: traditional 著 is simplified 着 as a particle
    or verb (随着, 着力, 着陆), 著 in 著名, 显著, 名著. t2s keeps 著 unless a phrase table
    names the word; the corpus's character bigrams around it choose."""
    if not AMBIGUOUS_T2S_RE.search(text):
        return text
    chars = list(text)
    for match in AMBIGUOUS_T2S_RE.finditer(text):
        index, kept = match.start(), match.group()
        before, after = text[index - 1:index], text[index + 1:index + 2]

        def score(ch: str) -> float:
            return running.transition_logp(before, ch) + (running.transition_logp(ch, after) if after else 0.0)

        other = AMBIGUOUS_T2S[kept]
        if score(other) - score(kept) > AMBIGUOUS_T2S_MARGIN:
            chars[index] = other
    return "".join(chars)
