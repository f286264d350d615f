"""Character bigram model of running news text, for choosing the character a lost byte
stood for.

The dictionary model (textmodel.py) knows which characters make words, not which
character follows which across words, digits and punctuation (8月 or 8有, 支局 or 支山).
Counts over running text (data/running_text.tsv.gz, built by
data/build_running_text_model.py) tell them apart. Absolute discounting; characters the
corpus lacks back off to the dictionary model's character probabilities.
"""

import gzip
import math

import opencc

from pipeline.decode import rules
from pipeline.decode.textmodel import TextModel
from pipeline.resources import data_path

PACKAGE = "pipeline.decode"
DISCOUNT = 0.75
CORPUS_UNIGRAM_WEIGHT = 0.7  # the rest is the dictionary's character distribution
# The corpus writes full-width punctuation; some inputs use the ASCII forms. Whitespace is
# not scored: PDF text breaks lines and spaces out characters inside words.
SCORED_AS = rules.ASCII_AS_FULLWIDTH | {c: "" for c in " \t\r\n\u3000"}


class RunningTextModel:
    def __init__(self, dictionary_model: TextModel) -> None:
        unigrams: dict[str, tuple[int, int]] = {}
        bigrams: dict[str, int] = {}
        with gzip.open(data_path(PACKAGE, "running_text.tsv.gz").open("rb"), "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("#"):
                    continue
                kind, key, count, *rest = line.rstrip("\n").split("\t")
                if kind == "U":
                    unigrams[key] = (int(count), int(rest[0]))
                else:
                    bigrams[key] = int(count)
        total = sum(count for count, _ in unigrams.values())
        self._dictionary = dictionary_model
        self._base: dict[str, float] = {}  # log P(char): corpus and dictionary mixed
        for ch in set(unigrams) | dictionary_model.characters():
            corpus = unigrams.get(ch, (0, 0))[0] / total
            dictionary = math.exp(dictionary_model.char_logp(ch))
            self._base[ch] = math.log(CORPUS_UNIGRAM_WEIGHT * corpus + (1 - CORPUS_UNIGRAM_WEIGHT) * dictionary)
        # log of the mass a character leaves to followers it was not seen with
        self._backoff = {
            ch: math.log(min(1.0, DISCOUNT * max(followers, 1) / count)) for ch, (count, followers) in unigrams.items()
        }
        self._pair: dict[str, float] = {}
        for pair, count in bigrams.items():
            first_count = unigrams[pair[0]][0]
            p = (count - DISCOUNT) / first_count + math.exp(self._backoff[pair[0]] + self._base[pair[1]])
            self._pair[pair] = math.log(p)
        # Traditional text is scored in simplified form, character by character.
        self._scored_as = dict(SCORED_AS)
        traditional = sorted(dictionary_model.characters())
        simplified = opencc.OpenCC("t2s").convert("\n".join(traditional)).split("\n")
        for t, s in zip(traditional, simplified, strict=True):
            if len(s) == 1 and s != t:
                self._scored_as.setdefault(t, s)

    def transition_logp(self, prev: str, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev`` ("" at the start)."""
        scored_as = self._scored_as
        scored = scored_as.get(ch, ch)
        if not scored:  # whitespace: as likely after anything
            return self._dictionary.char_logp(ch)
        ch, prev = scored, scored_as.get(prev, prev) or ""
        logp = self._pair.get(prev + ch) if prev else None
        if logp is not None:
            return logp
        base = self._base.get(ch)
        if base is None:
            base = self._dictionary.char_logp(ch)
        return base + self._backoff.get(prev, 0.0)

    def logp(self, text: str) -> float:
        """Log-probability of ``text``; whitespace costs its prior but does not part the
        characters around it."""
        total, prev = 0.0, ""
        for ch in text:
            total += self.transition_logp(prev, ch)
            if self._scored_as.get(ch, ch):
                prev = ch
        return total
