"""One jieba segmentation pass per story, shared by places, entities and keywords."""

from functools import partial
from itertools import accumulate

import jieba
import rjieba

from pipeline.extract.lexicon import PACKAGE, jieba_idf, jieba_word_tags
from pipeline.resources import Memo, cached_derived, data_lines, jieba_tokenizer, package_files

# Relative frequency given to gazetteer names so that "黑龙江省" stays one token.
PLACE_WORD_FREQ = 2000
# jieba.posseg's block pattern, [\u4e00-\u9fd5a-zA-Z0-9+#&._]+, gives the runs it segments;
# other text (whitespace, punctuation) is one token per character, \r\n one token.
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
OTHER_RUN_CHARS = frozenset("+#&._")
# A dictionary entry no text reaches (the route only looks up runs of the block pattern): it
# carries the part of jieba's total that no word's frequency holds (jieba's add_word adds a
# re-added word's frequency to the total again), so both route with the same total.
TOTAL_PADDING_WORD = "\x00\x00"
MAX_REMEMBERED_TAGS = 200_000  # token texts whose tag is remembered


# (word, jieba part-of-speech tag, offset in the segmented text): a plain tuple, because a story
# has thousands of tokens and a NamedTuple costs twice as much to build; readers unpack it.
Token = tuple[str, str, int]


class Word:
    """A dictionary word's jieba frequency, posseg tag and IDF: one look-up gives all three,
    and no other table of hundreds of thousands of words is kept for them."""

    __slots__ = ("freq", "tag", "idf")

    def __init__(self, freq: int, tag: str, idf: float) -> None:
        self.freq = freq
        self.tag = tag
        self.idf = idf


def domain_words() -> list[tuple[str, int, str]]:
    """The domain user dictionary: (word, frequency, tag)."""
    return [(word, int(freq), tag) for word, freq, tag in map(str.split, data_lines(PACKAGE, "userdict.txt"))]


def domain_tokenizer(place_words: set[str]) -> jieba.Tokenizer:
    """jieba's dictionary with the domain user dictionary and the gazetteer's names."""
    tokenizer = jieba_tokenizer(private=True)
    for word, freq, tag in domain_words():
        tokenizer.add_word(word, freq, tag)
    for word in place_words:
        tokenizer.add_word(word, max(PLACE_WORD_FREQ, tokenizer.FREQ.get(word, 0)), "ns")
    return tokenizer


def segmenter_table(place_words: set[str]) -> dict:
    """The segmenter's table, kept in the cache directory: building it from jieba's files, the
    domain dictionary and the gazetteer took a worker's set-up 2 s, reading it back 0.2 s."""
    inputs = package_files(PACKAGE, "segmenter.py", "lexicon.py", "data/userdict.txt")
    inputs.append("\n".join(sorted(place_words)).encode())
    return cached_derived("segmenter", inputs, lambda: _build_table(place_words))


def _build_table(place_words: set[str]) -> dict:
    """Each word's index into ``entries``, one (frequency, tag, IDF) per distinct triple: the words
    share them; ``padding``: the part of jieba's total no word's frequency holds."""
    tokenizer = domain_tokenizer(place_words)
    tags = jieba_word_tags() | tokenizer.user_word_tag_tab  # as posseg's table, user words joined
    idf = jieba_idf()
    median_idf = sorted(idf.values())[len(idf) // 2]
    index_of: dict[tuple[int, str, float], int] = {}
    words: dict[str, int] = {}
    for word, freq in tokenizer.FREQ.items():
        if freq:  # the others are prefixes of words, which jieba's table also holds
            words[word] = index_of.setdefault((freq, tags.get(word, "x"), idf.get(word, median_idf)), len(index_of))
    padding = tokenizer.total - sum(tokenizer.FREQ.values())
    return {"words": words, "entries": list(index_of), "padding": padding, "median_idf": median_idf}


def _posseg_tag(words: dict[str, Word], word: str) -> str:
    """The tag posseg gives a token of the route."""
    entry = words.get(word)
    first = word[0]
    if "\u4e00" <= first <= "\u9fd5" or first in OTHER_RUN_CHARS:
        return "x" if entry is None else entry.tag
    if first in ASCII_ALNUM:  # posseg joins single letters and digits the route leaves
        return "eng" if entry is None or len(word) == 1 else entry.tag
    return "x"  # whitespace and punctuation between runs


class Segmenter:
    """A private jieba dictionary with the domain user dictionary and the gazetteer's names.

    ``segment`` gives the tokens and tags of ``jieba.posseg.POSTokenizer.cut(text, HMM=False)``
    (~30x faster than HMM posseg; unknown names are recovered by entities.py): jieba-rs (rjieba)
    computes jieba's maximum-probability route over the same dictionary and total, ~5x faster
    than the route in Python, and the tags come from posseg's table.
    ``frequency`` and ``idf`` read jieba's frequency and IDF of a word from the same table.
    """

    def __init__(self, place_words: set[str]) -> None:
        table = segmenter_table(place_words)
        entries = [Word(*entry) for entry in table["entries"]]
        self.words: dict[str, Word] = {word: entries[index] for word, index in table["words"].items()}
        self.median_idf = table["median_idf"]  # for the words idf.txt lacks
        self._router = rjieba.Jieba.empty()
        for word, entry in self.words.items():
            self._router.add_word(word, entry.freq, None)
        if table["padding"] > 0:
            self._router.add_word(TOTAL_PADDING_WORD, table["padding"], None)
        self._tag = Memo(partial(_posseg_tag, self.words), MAX_REMEMBERED_TAGS)  # per token text

    def segment(self, text: str) -> list[Token]:
        """jieba's route in each run it segments: from the end, each position takes the dictionary
        word starting there that maximises the summed log frequency (ties to the longer word);
        single ASCII letters and digits join into one ``eng`` token, as posseg tags them."""
        words = self._router.cut(text, False)
        # zip, map and accumulate run in C: a Python loop over the tokens took half of segment's time.
        return list(zip(words, map(self._tag.__getitem__, words), accumulate(map(len, words), initial=0)))

    def frequency(self, word: str) -> int:
        """jieba's frequency of ``word`` (0 for none)."""
        entry = self.words.get(word)
        return 0 if entry is None else entry.freq

    def idf(self, word: str) -> float:
        """jieba.analyse's IDF of ``word``, the median IDF where idf.txt lacks it. A word outside
        the dictionary gets the median too; no token of two or more non-ASCII characters is one."""
        entry = self.words.get(word)
        return self.median_idf if entry is None else entry.idf
