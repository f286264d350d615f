"""Character unigram + in-word bigram model of Chinese text, for scoring decodings.

Built from jieba's dict.txt (simplified and traditional forms) by
``data/build_textmodel.py``; characters outside the dictionary get class priors.
"""

import collections
import math
import os
import re
import tempfile
import unicodedata

import jieba
import opencc

from pipeline.decode import rules
from pipeline.resources import data_lines

PACKAGE = "pipeline.decode"


def _read_counts(name: str) -> dict[str, int]:
    counts = {}
    for line in data_lines(PACKAGE, name):
        key, _, count = line.partition("\t")
        counts[key] = int(count)
    return counts


WHITESPACE_RE = re.compile(r"\s+")
CJK_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def is_private_use(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


class TextModel:
    def __init__(self) -> None:
        chars = _read_counts("charfreq.tsv")
        total = sum(chars.values())
        self._unigram = {ch: math.log(count / total) for ch, count in chars.items()}
        for ch, p in rules.PUNCTUATION_PRIOR.items():
            self._unigram[ch] = math.log(p)
        self._char_prob = {ch: count / total for ch, count in chars.items()}
        self._cond = {}  # P(b | a) from in-word bigrams
        self._followers: dict[str, list[str]] = {}
        self._precursors: dict[str, list[str]] = {}
        for pair, count in _read_counts("bigrams.tsv").items():
            self._cond[pair] = count / chars[pair[0]]
            self._followers.setdefault(pair[0], []).append(pair[1])
            self._precursors.setdefault(pair[1], []).append(pair[0])
        self._class_cache: dict[str, float] = {}
        # Word level: jieba's own dictionary and max-probability segmentation, for choosing
        # between short candidate repairs (a character model cannot tell 指导开展 from 指导弹展).
        self._words = jieba.Tokenizer()
        self._words.tmp_dir = os.environ.get("POSTAL_INGEST_CACHE") or tempfile.gettempdir()
        os.makedirs(self._words.tmp_dir, exist_ok=True)
        self._words.initialize()
        self._log_total = math.log(self._words.total)
        self._t2s = opencc.OpenCC("t2s")
        common = sorted(ch for ch, p in self._char_prob.items() if p >= rules.COMMON_CHAR_SHARE)
        common += list(rules.PUNCTUATION_PRIOR)
        # Non-ASCII characters that are neither common Chinese nor common punctuation.
        self.uncommon_re = re.compile("[^\\x00-\\x7f" + re.escape("".join(common)) + "]")

    def characters(self) -> set[str]:
        """The characters of jieba's dictionary (simplified and traditional forms)."""
        return set(self._char_prob)

    def is_bigram(self, pair: str) -> bool:
        return pair in self._cond

    def is_word(self, text: str) -> bool:
        """Whether ``text`` (simplified) is a word of jieba's dictionary."""
        return bool(self._words.FREQ.get(text))

    def followers(self, ch: str) -> list[str]:
        """Characters that follow ``ch`` inside some dictionary word."""
        return self._followers.get(ch, [])

    def precursors(self, ch: str) -> list[str]:
        """Characters that precede ``ch`` inside some dictionary word."""
        return self._precursors.get(ch, [])

    def char_logp(self, ch: str) -> float:
        logp = self._unigram.get(ch)
        if logp is None:
            logp = self._class_cache.get(ch)
            if logp is None:
                logp = self._class_cache[ch] = math.log(_class_prior(ch))
        return logp

    def logp(self, text: str, pair_marks: bool = True) -> float:
        """Total log-probability of ``text`` (bigram-interpolated for dictionary characters);
        ``pair_marks``: closing marks that match an opening one earn a bonus."""
        total = rules.MATCHED_MARK_BONUS * matched_marks(text) if pair_marks else 0.0
        transition = self.transition_logp
        prev = ""
        for ch in text:
            total += transition(prev, ch)
            prev = ch
        return total

    def transition_logp(self, prev: str, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev`` ("" at the start): a character's two
        transitions are all that ranks candidates for it."""
        as_fullwidth = rules.ASCII_AS_FULLWIDTH
        prev = as_fullwidth.get(prev, prev)
        punct = rules.PUNCTUATION_PRIOR
        if prev in punct and as_fullwidth.get(ch, ch) in punct:
            return math.log(rules.PUNCT_PAIRS.get(prev + as_fullwidth.get(ch, ch), rules.PUNCT_PAIR_DEFAULT))
        p_uni = self._char_prob.get(ch)
        p_bi = self._cond.get(prev + ch) if p_uni is not None and prev else None
        if p_bi is not None:
            return math.log(rules.BIGRAM_WEIGHT * p_bi + (1 - rules.BIGRAM_WEIGHT) * p_uni)
        logp = self._unigram.get(ch)
        return logp if logp is not None else self.char_logp(ch)

    @staticmethod
    def document_ngrams(text: str) -> "DocumentNgrams":
        return DocumentNgrams(text)

    def word_logp(self, text: str, document: "DocumentNgrams | None" = None, word_cost: float = 0.0) -> float:
        """Log-probability with ideograph runs scored as their best jieba segmentation
        (simplified first) and everything else by the character model; with ``document``,
        n-grams seen elsewhere in the document earn a bonus; ``word_cost`` nats are charged
        per word (see _segmentation_logp)."""
        total = self.document_bonus(text, document) if document else 0.0
        total += rules.MATCHED_MARK_BONUS * matched_marks(text)  # marks pair across ideograph runs
        pos = 0
        for match in CJK_RUN_RE.finditer(text):
            total += self.logp(text[pos:match.start()], pair_marks=False)
            total += self._segmentation_logp(self._t2s.convert(match.group()), word_cost)
            pos = match.end()
        return total + self.logp(text[pos:], pair_marks=False)

    @staticmethod
    def document_bonus(text: str, document: "DocumentNgrams") -> float:
        """Credit for the bigrams/trigrams of ``text`` seen elsewhere in the document."""
        flat = WHITESPACE_RE.sub("", text)
        counts = document.counts()
        seen = [counts.get(flat[i:i + n], 0) for n in (2, 3) for i in range(len(flat) - n + 1)]
        return rules.DOCUMENT_NGRAM_WEIGHT * sum(math.log1p(count) for count in seen if count)

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

    def get(self, gram: str, default: int = 0) -> int:
        return self.counts().get(gram, default)

    def followers(self, ch: str) -> set[str]:
        """Characters that follow ``ch`` somewhere in the document."""
        return {gram[1] for gram in self.counts() if len(gram) == 2 and gram[0] == ch}

    def precursors(self, ch: str) -> set[str]:
        """Characters that precede ``ch`` somewhere in the document."""
        return {gram[0] for gram in self.counts() if len(gram) == 2 and gram[1] == ch}

    def counts(self) -> collections.Counter:
        if self._counts is None:
            self._counts = collections.Counter()
            for run in CJK_RUN_RE.findall(WHITESPACE_RE.sub("", self._text)):
                self._counts.update(run[i:i + 2] for i in range(len(run) - 1))
                self._counts.update(run[i:i + 3] for i in range(len(run) - 2))
        return self._counts


def matched_marks(text: str) -> int:
    """How many closing marks (”, 》, ）...) close an opening mark before them."""
    matched = 0
    open_marks: list[str] = []
    for ch in text:
        mark = rules.ASCII_AS_FULLWIDTH.get(ch, ch)
        if mark in rules.PAIRED_MARKS:
            open_marks.append(rules.PAIRED_MARKS[mark])
        elif open_marks and mark == open_marks[-1]:
            open_marks.pop()
            matched += 1
    return matched


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
