"""One jieba segmentation pass per story, shared by places, entities and keywords."""

from math import exp, log

import jieba
import rjieba

from pipeline.extract.lexicon import PACKAGE, jieba_idf, jieba_word_tags
from pipeline.resources import data_lines, jieba_tokenizer

# Relative frequency given to gazetteer names so that "黑龙江省" stays one token.
PLACE_WORD_FREQ = 2000
# jieba.posseg's block pattern, [\u4e00-\u9fd5a-zA-Z0-9+#&._]+, gives the runs it segments;
# other text (whitespace, punctuation) is one token per character, \r\n one token.
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
OTHER_RUN_CHARS = frozenset("+#&._")
# A dictionary entry no text reaches (the route only looks up runs of SEGMENTED_RUN_CHAR): it
# carries the part of jieba's total that no word's frequency holds (jieba's add_word adds a
# re-added word's frequency to the total again), so both route with the same total.
TOTAL_PADDING_WORD = "\x00\x00"


# (word, jieba part-of-speech tag, offset in the segmented text): a plain tuple, because a story
# has thousands of tokens and a NamedTuple costs twice as much to build; readers unpack it.
Token = tuple[str, str, int]


class WordCost(float):
    """A word's log(frequency) - log(total), as jieba's route adds it, carrying the word's tag and
    IDF: one look-up of a word gives its tag, and keywords its IDF, and no other table of
    hundreds of thousands of words is kept for them."""

    __slots__ = ("tag", "idf")

    def __new__(cls, cost: float, tag: str, idf: float) -> "WordCost":
        word_cost = super().__new__(cls, cost)
        word_cost.tag = tag
        word_cost.idf = idf
        return word_cost


def domain_tokenizer(place_words: set[str]) -> jieba.Tokenizer:
    """jieba's dictionary with the domain user dictionary and the gazetteer's names."""
    tokenizer = jieba_tokenizer(private=True)
    for line in data_lines(PACKAGE, "userdict.txt"):
        word, freq, tag = line.split()
        tokenizer.add_word(word, int(freq), tag)
    for word in place_words:
        tokenizer.add_word(word, max(PLACE_WORD_FREQ, tokenizer.FREQ.get(word, 0)), "ns")
    return tokenizer


class Segmenter:
    """A private jieba dictionary with the domain user dictionary and the gazetteer's names.

    ``segment`` gives the tokens and tags of ``jieba.posseg.POSTokenizer.cut(text, HMM=False)``
    (~30x faster than HMM posseg; unknown names are recovered by entities.py): jieba-rs (rjieba)
    computes jieba's maximum-probability route over the same dictionary and total, ~5x faster
    than the route in Python, and the tags come from posseg's table.
    ``frequency`` and ``idf`` read jieba's frequency and IDF of a word from the same table.
    """

    def __init__(self, place_words: set[str]) -> None:
        tokenizer = domain_tokenizer(place_words)
        tags = jieba_word_tags() | tokenizer.user_word_tag_tab  # as posseg's table, user words joined
        idf = jieba_idf()
        self.median_idf = sorted(idf.values())[len(idf) // 2]  # for the words idf.txt lacks
        self.log_total = log(tokenizer.total)
        self._router = rjieba.Jieba.empty()
        # Each word's WordCost; one per distinct (frequency, tag, IDF), shared by the words.
        shared: dict[tuple[int, str, float], WordCost] = {}
        self.cost: dict[str, WordCost] = {}
        for word, freq in tokenizer.FREQ.items():
            if freq:  # the others are prefixes of words, which jieba's table also holds
                self._router.add_word(word, freq, None)
                key = (freq, tags.get(word, "x"), idf.get(word, self.median_idf))
                cost = shared.get(key)
                if cost is None:
                    cost = shared[key] = WordCost(log(freq) - self.log_total, *key[1:])
                self.cost[word] = cost
        padding = tokenizer.total - sum(tokenizer.FREQ.values())
        if padding > 0:
            self._router.add_word(TOTAL_PADDING_WORD, padding, None)

    def segment(self, text: str) -> list[Token]:
        """jieba's route in each run it segments: from the end, each position takes the dictionary
        word starting there that maximises the summed log frequency (ties to the longer word);
        single ASCII letters and digits join into one ``eng`` token, as posseg tags them."""
        tokens: list[Token] = []
        append = tokens.append
        get = self.cost.get
        offset = 0
        for word in self._router.cut(text, False):
            cost = get(word)
            first = word[0]
            if "\u4e00" <= first <= "\u9fd5" or first in OTHER_RUN_CHARS:
                tag = "x" if cost is None else cost.tag
            elif first in ASCII_ALNUM:  # posseg joins single letters and digits the route leaves
                tag = "eng" if cost is None or len(word) == 1 else cost.tag
            else:
                tag = "x"  # whitespace and punctuation between runs
            append((word, tag, offset))
            offset += len(word)
        return tokens

    def frequency(self, word: str) -> int:
        """jieba's frequency of ``word`` (0 for none): exact, as the log's rounding error is far below 0.5."""
        cost = self.cost.get(word)
        return 0 if cost is None else round(exp(cost + self.log_total))

    def idf(self, word: str) -> float:
        """jieba.analyse's IDF of ``word``, the median IDF where idf.txt lacks it. A word outside
        the dictionary gets the median too; no token of two or more non-ASCII characters is one."""
        cost = self.cost.get(word)
        return self.median_idf if cost is None else cost.idf
