"""One jieba segmentation pass per story, shared by places, entities and keywords."""

import re
from itertools import count, repeat
from math import exp, log

import jieba

from pipeline.extract.lexicon import PACKAGE, jieba_idf, jieba_word_tags
from pipeline.resources import data_lines, jieba_tokenizer

# Relative frequency given to gazetteer names so that "黑龙江省" stays one token.
PLACE_WORD_FREQ = 2000
# jieba.posseg's block patterns: runs it segments, and whitespace between them.
SEGMENTED_RUN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
WHITESPACE = re.compile(r"(\r\n|\s)")
PREFIX_MISSING = object()  # cost of a string that starts no dictionary word
ASCII_ALNUM_CHAR = re.compile("[a-zA-Z0-9]")
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


# (word, jieba part-of-speech tag, offset in the segmented text): a plain tuple, because a story
# has thousands of tokens and a NamedTuple costs twice as much to build; readers unpack it.
Token = tuple[str, str, int]


class WordCost(float):
    """A word's log(frequency) - log(total), as jieba's route adds it, carrying the word's tag and
    IDF: the route's one look-up of a word then also gives the winner's tag, keywords read the IDF
    of words the route has just looked up (still in the CPU cache), and no other table of hundreds
    of thousands of words is kept for them."""

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
    """A private jieba tokenizer with the domain user dictionary and the gazetteer's names.

    ``segment`` gives the tokens and tags of ``jieba.posseg.POSTokenizer.cut(text, HMM=False)``
    (~30x faster than HMM posseg; unknown names are recovered by entities.py), computed by the
    same maximum-probability route over jieba's dictionary in one tight loop: posseg's generators,
    per-position DAG lists and ``max`` over tuples cost more than the search itself.
    ``frequency`` and ``idf`` read jieba's frequency and IDF of a word from the same table.
    """

    def __init__(self, place_words: set[str]) -> None:
        tokenizer = domain_tokenizer(place_words)
        tags = jieba_word_tags() | tokenizer.user_word_tag_tab  # as posseg's table, user words joined
        idf = jieba_idf()
        self.median_idf = sorted(idf.values())[len(idf) // 2]  # for the words idf.txt lacks
        self.log_total = log(tokenizer.total)
        # jieba's dictionary: each word's WordCost, and None for a prefix that is not a word (every
        # tagged word has a frequency); it stands in for the frequency, tag and IDF tables, which
        # are not kept. One WordCost per distinct (frequency, tag, IDF), shared by the words.
        shared: dict[tuple[int, str, float], WordCost] = {}
        self.cost: dict[str, WordCost | None] = {}
        for word, freq in tokenizer.FREQ.items():
            if freq:
                key = (freq, tags.get(word, "x"), idf.get(word, self.median_idf))
                cost = shared.get(key)
                if cost is None:
                    cost = shared[key] = WordCost(log(freq) - self.log_total, *key[1:])
                self.cost[word] = cost
            else:
                self.cost[word] = None

    def segment(self, text: str) -> list[Token]:
        """jieba's route in each run it segments: from the end, each position takes the dictionary
        word starting there that maximises the summed log frequency (ties to the longer word);
        single ASCII letters and digits then join into one ``eng`` token. One flat loop, as a
        story has tens of thousands of positions and thousands of runs."""
        tokens: list[Token] = []
        append = tokens.append
        get = self.cost.get
        unknown = -self.log_total  # a character outside the dictionary counts as frequency 1
        offset = 0
        # split() alternates: text between runs (even indices), runs jieba segments (odd indices)
        for index, block in enumerate(SEGMENTED_RUN.split(text)):
            n = len(block)
            if not index % 2:  # whitespace and punctuation: one token per character, \r\n is one
                if n == 1:
                    append((block, "x", offset))
                elif "\r\n" in block:
                    start = offset
                    for piece in WHITESPACE.split(block):
                        if WHITESPACE.match(piece):
                            append((piece, "x", start))
                            start += len(piece)
                        else:
                            for char in piece:
                                append((char, "x", start))
                                start += 1
                else:
                    tokens += zip(block, repeat("x"), count(offset))
                offset += n
                continue
            run = block
            if n == 1:
                cost = get(run)
                append((run, "eng" if run in ASCII_ALNUM else cost.tag if cost else "x", offset))
                offset += 1
                continue
            score = [0.0] * (n + 1)
            end = list(range(1, n + 2))
            chosen = [None] * n  # the WordCost of run[i:end[i]]; None where no word starts (x, as posseg)
            for i in range(n - 1, -1, -1):
                best = None
                j = i + 1
                cost = get(run[i], PREFIX_MISSING)
                while cost is not PREFIX_MISSING:  # the dictionary holds every prefix of its words
                    if cost is not None:
                        candidate = cost + score[j]
                        if best is None or candidate >= best:
                            best = candidate
                            end[i] = j
                            chosen[i] = cost
                    if j == n:
                        break
                    j += 1
                    cost = get(run[i:j], PREFIX_MISSING)
                score[i] = unknown + score[i + 1] if best is None else best
            i = 0
            if not ASCII_ALNUM_CHAR.search(run):
                while i < n:
                    j = end[i]
                    cost = chosen[i]
                    append((run[i:j], cost.tag if cost else "x", offset + i))
                    i = j
            else:
                eng_start = -1
                while i < n:
                    j = end[i]
                    if j == i + 1 and run[i] in ASCII_ALNUM:
                        if eng_start < 0:
                            eng_start = i
                    else:
                        if eng_start >= 0:
                            append((run[eng_start:i], "eng", offset + eng_start))
                            eng_start = -1
                        cost = chosen[i]
                        append((run[i:j], cost.tag if cost else "x", offset + i))
                    i = j
                if eng_start >= 0:
                    append((run[eng_start:], "eng", offset + eng_start))
            offset += n
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
