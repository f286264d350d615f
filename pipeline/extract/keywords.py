"""Top keywords by TF-IDF over the story's tokens (jieba's IDF table, domain stop words)."""

from collections import Counter
from heapq import nlargest

from pipeline.extract.lexicon import word_set
from pipeline.extract.segmenter import Segmenter, Token

TOP_K = 10
KEYWORD_FLAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "vn", "v", "l", "j", "i", "an", "eng"}


class KeywordRanker:
    def __init__(self, segmenter: Segmenter) -> None:
        self.idf = segmenter.idf
        self.stop_words = word_set("keyword_stopwords.txt")

    def top(self, tokens: list[Token], canonical: dict[str, str], names: list[str]) -> list[str]:
        """``canonical`` maps short place names to full ones; fragments of ``names`` (the story's
        people and authors: a byline's name is no keyword) are dropped."""
        candidates = Counter([word for word, flag, _ in tokens if flag in KEYWORD_FLAGS and len(word) >= 2])
        name_parts = {name[i:j] for name in names for i in range(len(name)) for j in range(i + 1, len(name) + 1)}
        counts: dict[str, int] = {}
        for word, count in candidates.items():  # in order of first occurrence, as the ranking's ties need
            if word not in self.stop_words and not word.isascii() and word not in name_parts:
                word = canonical.get(word, word)
                counts[word] = counts.get(word, 0) + count
        total = sum(counts.values()) or 1
        idf = self.idf
        scored = {word: count / total * idf(word) for word, count in counts.items()}
        return nlargest(TOP_K, scored, key=scored.__getitem__)  # ties in order of first occurrence, as sorted()
