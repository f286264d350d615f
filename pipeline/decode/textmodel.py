"""Character unigram + in-word bigram model of Chinese text, for scoring decodings.

Built from jieba's dict.txt (simplified and traditional forms) by
``data/build_textmodel.py``; characters outside the dictionary get class priors.
"""

import collections
import itertools
import math
import re
import unicodedata
from collections.abc import Collection

import numpy as np
import opencc

from pipeline.decode import rules
from pipeline.resources import cached_derived, data_lines, jieba_tokenizer, package_files

PACKAGE = "pipeline.decode"
# What the model's tables are derived from: a change to any builds the cached tables afresh.
MODEL_FILES = ("data/charfreq.tsv", "data/bigrams.tsv", "textmodel.py", "rules.py")
NO_CHARACTERS: Collection[str] = frozenset()


def _read_counts(name: str) -> dict[str, int]:
    counts = {}
    for line in data_lines(PACKAGE, name):
        key, _, count = line.partition("\t")
        counts[key] = int(count)
    return counts


WHITESPACE_RE = re.compile(r"\s+")
# Texts at least this long are scored with array lookups; shorter ones (the repairs score
# many windows of a few characters) with a plain loop, which has less overhead per call.
ARRAY_SCORING_MIN_CHARS = 200
BMP = 0x10000
PAIR_KEY_SHIFT = 21  # a pair key is (first code point << 21) | second code point
PAIR_HASH_BITS = 22  # a 4 MB bitmap for about 100,000 pair keys
RUN_CACHE_SIZE = 20_000  # ideograph runs whose segmentation score is kept (about 3 MB)
SHORT_TEXT_CHARS = 12  # logp of texts this short is remembered...
SHORT_CACHE_SIZE = 100_000  # ...for this many texts (about 12 MB)
SIMPLIFIED_CHANGE_SHARE = 0.02  # share of ideographs t2s changes above which the source is traditional
SCRIPT_SAMPLE_CHARS = 1500  # the first characters of a text, whose script writes_simplified judges
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN_RE = re.compile(f"[{CJK}]+")
# PDF text breaks lines, and spaces characters out, inside words (全\n球, 温 泉): whitespace
# between ideographs parts no words.
INNER_SPACE_RE = re.compile(f"(?<=[{CJK}])[ \t\r\n]+(?=[{CJK}])")
_MARKS = {*rules.PAIRED_MARKS, *rules.PAIRED_MARKS.values()}
# Opening and closing marks, and the ASCII forms scored as them
PAIRED_MARK_RE = re.compile(
    "[" + re.escape("".join(sorted(_MARKS | {k for k, v in rules.ASCII_AS_FULLWIDTH.items() if v in _MARKS}))) + "]"
)


def is_private_use(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


def _dictionary_tables() -> dict:
    """The model's tables, from the dictionary's character and in-word bigram counts (kept in
    the cache directory: computing them took 0.3 s of each worker's set-up)."""
    chars = _read_counts("charfreq.tsv")
    total = sum(chars.values())
    char_logp = {ch: math.log(count / total) for ch, count in chars.items()}
    for ch, p in rules.PUNCTUATION_PRIOR.items():
        char_logp[ch] = math.log(p)
    char_prob = {ch: count / total for ch, count in chars.items()}
    cond: dict[str, float] = {}
    followers: dict[str, dict[str, None]] = {}
    precursors: dict[str, dict[str, None]] = {}
    for pair, count in _read_counts("bigrams.tsv").items():
        cond[pair] = count / chars[pair[0]]
        followers.setdefault(pair[0], {})[pair[1]] = None
        precursors.setdefault(pair[1], {})[pair[0]] = None
    # Log-probability of each character as scored after ``prev`` (by the previous character's
    # punctuation mark): in-word bigrams interpolated with the unigram, and punctuation pairs,
    # which take precedence. Precomputed: the same values as computing them in the loop.
    w = rules.BIGRAM_WEIGHT
    pair_logp: dict[str, float] = {}
    for pair, p_bi in cond.items():
        p_uni = char_prob.get(pair[1])
        if p_uni is not None:
            pair_logp[pair] = math.log(w * p_bi + (1 - w) * p_uni)
    punct, as_fullwidth = rules.PUNCTUATION_PRIOR, rules.ASCII_AS_FULLWIDTH
    punct_like = [ch for ch in {*punct, *as_fullwidth} if as_fullwidth.get(ch, ch) in punct]
    for prev in punct:
        for ch in punct_like:
            mark = as_fullwidth.get(ch, ch)
            pair_logp[prev + ch] = math.log(rules.PUNCT_PAIRS.get(prev + mark, rules.PUNCT_PAIR_DEFAULT))
    return {
        "char_logp": char_logp, "char_prob": char_prob,
        "followers": followers, "precursors": precursors, "pair_logp": pair_logp,
    }


class TextModel:
    def __init__(self) -> None:
        tables = cached_derived("decode-textmodel", package_files(PACKAGE, *MODEL_FILES), _dictionary_tables)
        # Unigram log-probabilities, with class priors added as other characters are first seen.
        self._char_logp: dict[str, float] = tables["char_logp"]
        self._char_prob: dict[str, float] = tables["char_prob"]
        # Ordered sets (dict keys): iterated in the dictionary's order, tested in O(1).
        self._followers: dict[str, dict[str, None]] = tables["followers"]
        self._precursors: dict[str, dict[str, None]] = tables["precursors"]
        self._pair_logp: dict[str, float] = tables["pair_logp"]
        self._arrays = _ScoringArrays(self._pair_logp, self._char_logp)
        # Word level: jieba's own dictionary and max-probability segmentation, for choosing
        # between short candidate repairs (a character model cannot tell 指导开展 from 指导弹展).
        self._words = jieba_tokenizer()
        self._log_total = math.log(self._words.total)
        self._t2s = opencc.OpenCC("t2s")
        self._simplified_forms: dict[str, bool] = {}  # is_simplified_form, per character asked
        self._run_cache: dict[tuple[str, float], float] = {}
        self._short_cache: dict[str, float] = {}
        common = sorted(ch for ch, p in self._char_prob.items() if p >= rules.COMMON_CHAR_SHARE)
        common += list(rules.PUNCTUATION_PRIOR)
        # Non-ASCII characters that are neither common Chinese nor common punctuation.
        self.uncommon_re = re.compile("[^\\x00-\\x7f" + re.escape("".join(common)) + "]")
        # Two such characters (whitespace and Latin letters aside) at most two apart: where
        # misread bytes may be.
        uncommon = self.uncommon_re.pattern.replace("[^", "[^\\s\\u00c0-\\u024f", 1)
        self.uncommon_pair_pattern = rf"{uncommon}(?=\S{{0,2}}{uncommon})"

    def characters(self) -> set[str]:
        """The characters of jieba's dictionary (simplified and traditional forms)."""
        return set(self._char_prob)

    def simplified(self, text: str) -> str:
        """``text`` in simplified script (OpenCC t2s), as the word model reads it."""
        return self._t2s.convert(text)

    def is_simplified_form(self, ch: str) -> bool:
        """Whether t2s leaves ``ch`` as it is. The models read a traditional character as its
        simplified form (隊 as 队): in simplified text, a repair's candidates keep to these."""
        kept = self._simplified_forms.get(ch)
        if kept is None:
            kept = self._simplified_forms[ch] = self._t2s.convert(ch) == ch
        return kept

    def writes_simplified(self, text: str) -> bool:
        """Whether ``text`` (its first SCRIPT_SAMPLE_CHARS characters) is in simplified script:
        t2s changes few of its ideographs."""
        ideographs = "".join(CJK_RUN_RE.findall(text, 0, SCRIPT_SAMPLE_CHARS))
        changed = sum(a != b for a, b in zip(ideographs, self.simplified(ideographs)))
        return changed <= SIMPLIFIED_CHANGE_SHARE * len(ideographs)

    def is_word(self, text: str) -> bool:
        """Whether ``text`` (simplified) is a word of jieba's dictionary."""
        return bool(self._words.FREQ.get(text))

    def followers(self, ch: str) -> Collection[str]:
        """Characters that follow ``ch`` inside some dictionary word."""
        return self._followers.get(ch, NO_CHARACTERS)

    def precursors(self, ch: str) -> Collection[str]:
        """Characters that precede ``ch`` inside some dictionary word."""
        return self._precursors.get(ch, NO_CHARACTERS)

    def char_logp(self, ch: str) -> float:
        logp = self._char_logp.get(ch)
        if logp is None:
            logp = self._char_logp[ch] = math.log(_class_prior(ch))
        return logp

    def logp(self, text: str) -> float:
        """Total log-probability of ``text`` (bigram-interpolated for dictionary characters,
        punctuation pairs, a bonus for each closing mark that matches an open one)."""
        if len(text) > SHORT_TEXT_CHARS:
            return self._loop_logp(text) if len(text) < ARRAY_SCORING_MIN_CHARS else self._arrays.logp(text)
        # The repairs score the same few characters again and again (each candidate byte
        # in the same window): remembered.
        logp = self._short_cache.get(text)
        if logp is None:
            if len(self._short_cache) >= SHORT_CACHE_SIZE:
                self._short_cache.clear()
            logp = self._short_cache[text] = self._loop_logp(text)
        return logp

    def _loop_logp(self, text: str) -> float:
        total = 0.0
        prev = ""
        pair_logp, char_logp, as_fullwidth = self._pair_logp.get, self._char_logp.get, rules.ASCII_AS_FULLWIDTH.get
        for ch in text:
            logp = pair_logp(prev + ch)
            if logp is None:
                logp = char_logp(ch)
                if logp is None:
                    logp = self.char_logp(ch)
            total += logp
            prev = as_fullwidth(ch, ch)
        return total + rules.MATCHED_MARK_BONUS * matched_marks(text)

    @staticmethod
    def document_ngrams(text: str) -> "DocumentNgrams":
        return DocumentNgrams(text)

    def word_logp(self, text: str, document: "DocumentNgrams | None" = None, word_cost: float = 0.0) -> float:
        """Log-probability with ideograph runs scored as their best jieba segmentation
        (simplified first) and everything else by the character model; with ``document``,
        n-grams seen elsewhere in the document earn a bonus; ``word_cost`` nats are charged
        per word (see _segmentation_logp)."""
        total = self.document_bonus(text, document) if document else 0.0
        text = INNER_SPACE_RE.sub("", text)
        pieces = CJK_RUN_RE.split(text)  # what lies between ideograph runs
        for k, piece in enumerate(pieces):
            if k and piece:
                # A half-width mark after ideographs is the text's comma or colon (邮政,): as
                # likely as the full-width one, not as ASCII punctuation (”, had won over 中,).
                piece = rules.ASCII_AS_FULLWIDTH.get(piece[0], piece[0]) + piece[1:]
            total += self.logp(piece)
        for run in CJK_RUN_RE.findall(text):
            total += self._run_logp(run, word_cost)
        if len(pieces) > 1:
            # Each piece credits the marks it pairs itself; marks also pair across runs (“根”).
            total += rules.MATCHED_MARK_BONUS * (matched_marks(text) - sum(map(matched_marks, pieces)))
        return total

    def _run_logp(self, run: str, word_cost: float) -> float:
        """_segmentation_logp of the simplified run, remembered: the repairs score the same
        runs again and again (each candidate reading with the same context)."""
        key = (run, word_cost)
        logp = self._run_cache.get(key)
        if logp is None:
            if len(self._run_cache) >= RUN_CACHE_SIZE:
                self._run_cache.clear()
            logp = self._run_cache[key] = self._segmentation_logp(self._t2s.convert(run), word_cost)
        return logp

    @staticmethod
    def document_bonus(text: str, document: "DocumentNgrams") -> float:
        """Credit for the bigrams/trigrams of ``text`` seen elsewhere in the document."""
        flat = WHITESPACE_RE.sub("", text)
        bigrams = list(map(str.__add__, flat, flat[1:]))
        grams = bigrams + list(map(str.__add__, bigrams, flat[2:]))  # and trigrams
        seen = [count for count in document.counts(grams) if count]  # most grams are not
        return rules.DOCUMENT_NGRAM_WEIGHT * sum(map(math.log1p, seen)) if seen else 0.0

    @staticmethod
    def pair_bonus(pair: str, document: "DocumentNgrams") -> float:
        """document_bonus of two characters (or fewer) without whitespace, without its general
        loop: the lost-byte search asks it of every byte's neighbours."""
        count = document.get(pair) if len(pair) == 2 else 0
        return rules.DOCUMENT_NGRAM_WEIGHT * math.log1p(count) if count else 0.0

    def _segmentation_logp(self, run: str, word_cost: float = 0.0) -> float:
        """Best segmentation under jieba's unigram word model. A unigram model rates a
        frequent single-character word (是, 在, 有) above a rarer two-character word (抓手,
        深挖); when choosing between characters, a cost per word corrects that bias."""
        words = self._words
        dag = words.get_DAG(run)
        if not word_cost:
            route: dict[int, tuple[float, int]] = {}
            words.calc(run, dag, route)
            return route[0][0]
        freq, log_total = words.FREQ, self._log_total
        best = [0.0] * (len(run) + 1)
        for idx in range(len(run) - 1, -1, -1):
            best[idx] = max(
                math.log(freq.get(run[idx:end + 1]) or 1) - log_total - word_cost + best[end + 1] for end in dag[idx]
            )
        return best[0]

    def score(self, text: str) -> float:
        """Mean log-probability per character (higher reads more like Chinese text)."""
        return self.logp(text) / max(len(text), 1)


class DocumentNgrams:
    """Ideograph bigrams and trigrams of a whole document (line breaks ignored), counted on
    first use: a cache model, since documents repeat their names and terms (a lost byte in
    a name is best guessed from the same name elsewhere in the text)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: collections.Counter | None = None
        self._characters: set[str] | None = None

    def get(self, gram: str, default: int = 0) -> int:
        return self._ngrams().get(gram, default)

    def counts(self, grams: list[str]):
        """How often each gram occurs in the document."""
        return map(self._ngrams().get, grams, itertools.repeat(0))

    def characters(self) -> set[str]:
        """Characters of the document's n-grams: a gram with any other character counts 0."""
        if self._characters is None:
            self._characters = set().union(*(run for run in self._runs() if len(run) > 1))
        return self._characters

    def followers(self, ch: str) -> set[str]:
        """Characters that follow ``ch`` somewhere in the document."""
        return {gram[1] for gram in self._ngrams() if len(gram) == 2 and gram[0] == ch}

    def precursors(self, ch: str) -> set[str]:
        """Characters that precede ``ch`` somewhere in the document."""
        return {gram[0] for gram in self._ngrams() if len(gram) == 2 and gram[1] == ch}

    def _runs(self) -> list[str]:
        return CJK_RUN_RE.findall(WHITESPACE_RE.sub("", self._text))

    def _ngrams(self) -> collections.Counter:
        if self._counts is None:
            self._counts = collections.Counter()
            for run in self._runs():
                bigrams = list(map(str.__add__, run, run[1:]))
                self._counts.update(bigrams)
                self._counts.update(map(str.__add__, bigrams, run[2:]))
        return self._counts


class _ScoringArrays:
    """TextModel.logp with numpy turning the text into code points, unigram values and pair
    keys at once: a Python loop costs over half a microsecond per character, which made
    scoring candidate decodings most of the time spent decoding a clean file."""

    def __init__(self, pair_logp: dict[str, float], char_logp: dict[str, float]) -> None:
        self._pair_logp = {(ord(pair[0]) << PAIR_KEY_SHIFT) | ord(pair[1]): logp for pair, logp in pair_logp.items()}
        # Most adjacent characters are no in-word bigram; a hashed bitmap of the pair keys
        # (no false negatives, a few per cent false positives) spares their dict lookups.
        self._maybe_pair = np.zeros(1 << PAIR_HASH_BITS, dtype=bool)
        self._maybe_pair[_pair_hash(np.fromiter(self._pair_logp, dtype=np.uint64))] = True
        # Filled in as code points are first seen (class priors for all of them take a second).
        self._char_values = np.full(BMP, np.nan)
        for ch, logp in char_logp.items():
            if len(ch) == 1 and ord(ch) < BMP:
                self._char_values[ord(ch)] = logp
        self._char_logp = char_logp
        self._marks = np.arange(BMP, dtype=np.uint64)
        for ch, mark in rules.ASCII_AS_FULLWIDTH.items():
            self._marks[ord(ch)] = ord(mark)

    def logp(self, text: str) -> float:
        codes = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype="<u4").astype(np.uint64)
        if codes.max() >= BMP:  # CJK extension B and beyond, emoji: rare, looked up one by one
            astral = codes >= BMP
            bmp_codes = np.where(astral, 0, codes)
            values, marks = self._char_values[bmp_codes], self._marks[bmp_codes]
            values[astral] = [_known_or_prior(self._char_logp, chr(code)) for code in codes[astral].tolist()]
            marks[astral] = codes[astral]
        else:
            bmp_codes = codes
            values, marks = self._char_values[codes], self._marks[codes]
        unseen = np.isnan(values)
        if unseen.any():
            for code in set(bmp_codes[unseen].tolist()):
                self._char_values[code] = _known_or_prior(self._char_logp, chr(code))
            values[unseen] = self._char_values[bmp_codes[unseen]]
        keys = (marks[:-1] << np.uint64(PAIR_KEY_SHIFT)) | codes[1:]
        maybe = np.flatnonzero(self._maybe_pair[_pair_hash(keys)])
        if maybe.size:
            found = np.fromiter(
                map(self._pair_logp.get, keys[maybe].tolist(), itertools.repeat(math.nan)), np.float64, maybe.size
            )
            hit = ~np.isnan(found)
            values[maybe[hit] + 1] = found[hit]
        # Added left to right, as the loop does, so both give the same float.
        return float(np.add.accumulate(values)[-1]) + rules.MATCHED_MARK_BONUS * matched_marks(text)


def matched_marks(text: str) -> int:
    """How many closing marks (”, 》, ）...) close an opening mark before them."""
    marks = PAIRED_MARK_RE.findall(text)
    return paired_marks(marks)[0] if marks else 0  # most windows scored hold no mark


def awaited_marks(text: str) -> list[str]:
    """The closing marks that the opening marks left open in ``text`` await, the next last."""
    return paired_marks(PAIRED_MARK_RE.findall(text))[1]


def paired_marks(chars, awaited: tuple[str, ...] | list[str] = ()) -> tuple[int, list[str]]:
    """How many of ``chars`` close an opening mark before them (or one whose closing mark is
    ``awaited``), and the closing marks awaited after them."""
    matched = 0
    open_marks = list(awaited)
    for ch in chars:
        mark = rules.ASCII_AS_FULLWIDTH.get(ch, ch)
        if mark in rules.PAIRED_MARKS:
            open_marks.append(rules.PAIRED_MARKS[mark])
        elif open_marks and mark == open_marks[-1]:
            open_marks.pop()
            matched += 1
    return matched, open_marks


def _pair_hash(keys: np.ndarray) -> np.ndarray:
    """Multiplicative (Fibonacci) hash of pair keys into PAIR_HASH_BITS bits."""
    return (keys * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - PAIR_HASH_BITS)


def _known_or_prior(char_logp: dict[str, float], ch: str) -> float:
    logp = char_logp.get(ch)
    return logp if logp is not None else math.log(_class_prior(ch))


def _class_prior(ch: str) -> float:
    if ch == "\ufffd":
        return rules.REPLACEMENT_PRIOR
    if is_private_use(ch):
        return rules.PRIVATE_USE_PRIOR
    if ch.isascii():
        if ch.isalnum():
            return rules.ASCII_PRIORS["alnum"]
        if ch in " \t\r\n":
            return rules.ASCII_PRIORS["space"]
        if ch.isprintable():
            return rules.ASCII_PRIORS["punct"]
        return rules.CONTROL_PRIOR
    category = unicodedata.category(ch)
    if category.startswith("C"):
        return rules.CONTROL_PRIOR
    if unicodedata.name(ch, "").startswith("CJK"):
        return rules.UNKNOWN_CJK_PRIOR
    if category.startswith("L"):
        return rules.OTHER_LETTER_PRIOR
    if category.startswith("Z"):
        return rules.OTHER_SPACE_PRIOR
    return rules.SYMBOL_PRIOR
