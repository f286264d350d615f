"""Character trigram model of running news text, for choosing the character a lost byte
stood for.

The dictionary model (textmodel.py) knows which characters make words, not which
character follows which across words, digits and punctuation (8月 or 8有, 支局 or 支山,
要加快 or 要求快). Counts over running text (data/running_text.tsv.gz, built by
data/build_running_text_model.py) tell them apart. Interpolated absolute discounting:
trigrams back off to bigrams, bigrams to characters, and characters the corpus lacks to the
dictionary model's character probabilities.
"""

import collections
import gzip
import math
import re

import opencc

from pipeline.decode import rules
from pipeline.decode.textmodel import MODEL_FILES, TextModel
from pipeline.resources import Memo, cached_derived, data_path, package_files

PACKAGE = "pipeline.decode"
DISCOUNT = 0.75
CORPUS_UNIGRAM_WEIGHT = 0.7  # the rest is the dictionary's character distribution
# A document's line ends: its own intact ones count against this many of the prior's, and the
# prior is the corpus's paragraph ends (web text breaks after sentences) mixed half and half
# with the plain character distribution (PDF text breaks lines anywhere).
LINE_END_PRIOR_WEIGHT = 5.0
PARAGRAPH_END_SHARE = 0.5
LINE_START_RE = re.compile("(?:^|\n)([ \t\r\u3000]*)([^\\s])")  # (indentation, first character)
# The corpus writes full-width punctuation; some inputs use the ASCII forms. Whitespace is
# not scored: PDF text breaks lines and spaces out characters inside words.
SCORED_AS = rules.ASCII_AS_FULLWIDTH | {c: "" for c in " \t\r\n\u3000"}
INDENT_PAIR = "\u3000\u3000"  # a paragraph's indent, by convention
# Digits are one class: which digit comes is no business of the characters around it, and a
# January corpus has 于1月 far more often than 于7月.
DIGITS = "0123456789"
DIGIT_CLASS = "0"
DIGIT_FOLD = str.maketrans(DIGITS, DIGIT_CLASS * len(DIGITS))
LIKELY_NEIGHBOURS = 12  # a character's likeliest followers (and precursors) kept
NEXT_MEMO_SIZE = 1 << 18  # remembered transitions (about 30 MiB when full)
# Weight of this model beside the word model in a final choice among repairs (the word model
# scored the words already). Exact rates summed over the eight UTF-8-as-GBK/cp932/cp1252 kinds
# (200 trials each), on seed text and on pages of none of the seeds: 0 (word model alone) 5.94
# and 5.64, 0.5 5.95 and 5.93, 1.0 5.85 and 5.96. GBK and Big5 misalignment (100 trials each,
# four kinds): 0 2.48, 0.5 2.56, 1.0 2.53.
WEIGHT_BESIDE_WORDS = 0.5


def _running_tables(dictionary_model: TextModel) -> dict:
    """The model's log-probabilities from the corpus counts, backed off to ``dictionary_model``
    (kept in the cache directory: computing them took 0.4 s of each worker's set-up)."""
    unigrams: dict[str, tuple[int, int]] = {}
    bigrams: dict[str, tuple[int, int]] = {}  # (count, distinct followers)
    trigrams: dict[str, int] = {}
    edges: dict[str, dict[str, int]] = {"E": {}, "S": {}}  # paragraphs' last and first characters
    with gzip.open(data_path(PACKAGE, "running_text.tsv.gz").open("rb"), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            kind, key, count, *rest = line.rstrip("\n").split("\t")
            key = key.translate(DIGIT_FOLD)
            if kind in ("U", "B"):
                # Folded digits: the counts add up; distinct followers overlap (1月, 2月), the most stands.
                table = unigrams if kind == "U" else bigrams
                count_before, followers = table.get(key, (0, 0))
                table[key] = (count_before + int(count), max(followers, int(rest[0])))
            elif kind in edges:
                edges[kind][key] = edges[kind].get(key, 0) + int(count)
            else:
                trigrams[key] = trigrams.get(key, 0) + int(count)
    total = sum(count for count, _ in unigrams.values())
    base: dict[str, float] = {}
    for ch in set(unigrams) | dictionary_model.characters():
        corpus = unigrams.get(ch, (0, 0))[0] / total
        dictionary = math.exp(dictionary_model.char_logp(ch))
        base[ch] = math.log(CORPUS_UNIGRAM_WEIGHT * corpus + (1 - CORPUS_UNIGRAM_WEIGHT) * dictionary)
    backoff = {
        ch: math.log(min(1.0, DISCOUNT * max(followers, 1) / count)) for ch, (count, followers) in unigrams.items()
    }
    pair: dict[str, float] = {}
    for key, (count, _) in bigrams.items():
        first_count = unigrams[key[0]][0]
        pair[key] = math.log((count - DISCOUNT) / first_count + math.exp(backoff[key[0]] + base[key[1]]))
    # A pair's count stands for its count as a history (a paragraph's last pair is one too few).
    pair_backoff = {
        key: math.log(min(1.0, DISCOUNT * max(followers, 1) / count)) for key, (count, followers) in bigrams.items()
    }
    triple: dict[str, float] = {}
    for key, count in trigrams.items():
        history = key[:2]
        lower = pair.get(key[1:])
        if lower is None:
            lower = backoff[key[1]] + base[key[2]]
        triple[key] = math.log((count - DISCOUNT) / bigrams[history][0] + math.exp(pair_backoff[history] + lower))
    scored_as = dict(SCORED_AS) | {digit: DIGIT_CLASS for digit in DIGITS[1:]}
    traditional = sorted(dictionary_model.characters())
    simplified = opencc.OpenCC("t2s").convert("\n".join(traditional)).split("\n")
    for t, s in zip(traditional, simplified, strict=True):
        if len(s) == 1 and s != t:
            scored_as.setdefault(t, s)
    likeliest = sorted(bigrams, key=lambda key: bigrams[key][0], reverse=True)
    followers: dict[str, list[str]] = {}
    precursors: dict[str, list[str]] = {}
    for key in likeliest:
        for table, ch, other in ((followers, key[0], key[1]), (precursors, key[1], key[0])):
            neighbours = table.setdefault(ch, [])
            if len(neighbours) < LIKELY_NEIGHBOURS:
                neighbours.append(other)
    return {
        "base": base, "backoff": backoff, "pair": pair, "pair_backoff": pair_backoff, "triple": triple,
        "followers": followers, "precursors": precursors, "scored_as": scored_as, "edges": edges,
    }


class RunningTextModel:
    def __init__(self, dictionary_model: TextModel) -> None:
        # Derived from the counts, the dictionary model (its data and code) and OpenCC's tables.
        inputs = package_files(PACKAGE, "data/running_text.tsv.gz", "runningtext.py", *MODEL_FILES)
        inputs.append(opencc.__version__.encode())
        tables = cached_derived("decode-running-text", inputs, lambda: _running_tables(dictionary_model))
        self._dictionary = dictionary_model
        self._base: dict[str, float] = tables["base"]  # log P(char): corpus and dictionary mixed
        # log of the mass a character leaves to followers it was not seen with
        self._backoff: dict[str, float] = tables["backoff"]
        self._pair: dict[str, float] = tables["pair"]
        self._pair_backoff: dict[str, float] = tables["pair_backoff"]  # the same, for a pair
        self._triple: dict[str, float] = tables["triple"]
        self._followers: dict[str, list[str]] = tables["followers"]
        self._precursors: dict[str, list[str]] = tables["precursors"]
        # Traditional text is scored in simplified form, character by character.
        self._scored_as: dict[str, str] = tables["scored_as"]
        # _next_logp of history + character, remembered: a lost byte's hundred candidates are
        # scored after the same history, and the same candidates after each history.
        self._next_memo = Memo(lambda key: self._next_logp_of(key[:-1], key[-1]), NEXT_MEMO_SIZE)
        # Per mark_kind: its share of the characters, and of the paragraphs' last characters.
        self.kind_shares = collections.Counter()
        for ch, logp in self._base.items():
            self.kind_shares[mark_kind(ch)] += math.exp(logp)
        ends, starts = tables["edges"]["E"], tables["edges"]["S"]
        kinds_ending = collections.Counter()
        for ch, count in ends.items():
            kinds_ending[mark_kind(ch)] += count
        self.paragraph_end_shares = {  # add-one smoothed: no paragraph of the corpus ends in “
            kind: (kinds_ending[kind] + 1) / (sum(ends.values()) + len(self.kind_shares)) for kind in self.kind_shares
        }
        # Within a kind of mark, which ends paragraphs (：, not ，): the corpus's share among
        # the kind's paragraph ends, half and half with the plain share (PDF lines break anywhere).
        self._end_mark_lifts = {}
        for ch in rules.SENTENCE_END_MARKS | rules.CLAUSE_END_MARKS:
            kind, scored = mark_kind(ch), self._scored_as.get(ch, ch)
            plain = math.exp(self._base.get(scored, -math.inf)) / self.kind_shares[kind]
            ending = ends.get(scored, 0) / kinds_ending[kind]
            if plain > 0:
                mixed = PARAGRAPH_END_SHARE * ending + (1 - PARAGRAPH_END_SHARE) * plain
                self._end_mark_lifts[ch] = math.log(mixed / plain)
        self._indent_pair_lift = math.log(rules.INDENT_PAIR_SHARE) - dictionary_model.char_logp(INDENT_PAIR[0])
        # A sentence's or clause's end, or a closing mark, never starts a paragraph of the
        # corpus, nor, by the typesetting rule, a line of print.
        paragraphs = sum(starts.values())
        kinds_starting = collections.Counter()
        for ch, count in starts.items():
            kinds_starting[mark_kind(ch)] += count
        self._start_lifts = {
            kind: math.log((kinds_starting[kind] + 1) / (paragraphs + len(self.kind_shares)) / share)
            for kind, share in self.kind_shares.items()
        }

    def end_mark_lift(self, ch: str) -> float:
        """How much likelier a mark is than the others of its kind at a line's end (log ratio)."""
        return self._end_mark_lifts.get(ch, 0.0)

    def line_head_lift(self, ch: str, indent: str, indent_before: str = "") -> float:
        """How much likelier a line's head is than its characters anywhere (log ratio): its
        first character ``ch`` ("" when none yet; whitespace adds to the indentation) after
        its indentation (``indent_before`` + ``indent``), two ideographic spaces by
        convention (首行缩进两字符)."""
        indent = indent_before + indent
        if ch and not self._scored_as.get(ch, ch):
            indent, ch = indent + ch, ""
        lift = self._indent_pair_lift if indent == INDENT_PAIR else 0.0
        return lift + (self.line_start_lift(ch) if ch else 0.0)

    def line_start_lift(self, ch: str) -> float:
        """How much likelier ``ch`` is as a line's first character than anywhere (log ratio);
        0 for whitespace, which does not start the line's text."""
        if not self._scored_as.get(ch, ch):
            return 0.0
        return self._start_lifts[mark_kind(ch)]

    def line_starts_logp(self, text: str) -> float:
        """line_head_lift summed over the heads of the text's lines."""
        return sum(self.line_head_lift(match.group(2), match.group(1)) for match in LINE_START_RE.finditer(text))

    def line_ends(self, intact: collections.Counter) -> "LineEnds":
        """The line-end model of a document whose undamaged lines end in ``intact``'s characters."""
        return LineEnds(self, intact)

    def likely_neighbours(self, before: str, after: str) -> list[str]:
        """The characters running text most often has after ``before`` and before ``after``
        (words or not: 缩短了, 了18%)."""
        scored_as = self._scored_as
        return [
            *self._followers.get(scored_as.get(before, before), ()),
            *self._precursors.get(scored_as.get(after, after), ()),
        ]

    def transition_logp(self, prev: str, ch: str) -> float:
        """Log-probability of ``ch`` after ``prev`` (its last two characters count; "" at the start)."""
        scored_as = self._scored_as
        scored = scored_as.get(ch, ch)
        if not scored:  # whitespace: as likely after anything
            return self._dictionary.char_logp(ch)
        return self._next_logp(self._history(prev), scored)

    def _history(self, text: str) -> str:
        """The last two characters of ``text`` as scored (whitespace skipped)."""
        scored_as, history = self._scored_as, ""
        for ch in reversed(text):
            scored = scored_as.get(ch, ch)
            if scored:
                history = scored + history
                if len(history) >= 2:
                    return history[-2:]
        return history

    def _next_logp(self, history: str, ch: str) -> float:
        """Log-probability of scored ``ch`` after the scored ``history`` (at most two characters)."""
        return self._next_memo[history + ch]

    def _next_logp_of(self, history: str, ch: str) -> float:
        backoff = 0.0
        if len(history) == 2:
            logp = self._triple.get(history + ch)
            if logp is not None:
                return logp
            backoff = self._pair_backoff.get(history, 0.0)
            history = history[1]
        logp = self._pair.get(history + ch) if history else None
        if logp is not None:
            return backoff + logp
        base = self._base.get(ch)
        if base is None:
            base = self._dictionary.char_logp(ch)
        return backoff + base + self._backoff.get(history, 0.0)

    def insertion_logps(self, left: str, chars: list[str], right: str) -> list[float]:
        """logp(left + ch + right) for each of ``chars`` as far as the first character of
        ``right`` (whitespace aside), less the part all of them share: the transitions into
        ``ch`` and out of it (a lost byte's choices are ranked so, a hundred per byte; the
        transition after those, which a trigram ties to ``ch`` too, added nothing in the damage
        trials and cost a fifth of a lossy file's repair)."""
        scored_as, next_logp, char_logp = self._scored_as, self._next_logp, self._dictionary.char_logp
        history = self._history(left)
        first = next((scored for ch in right if (scored := scored_as.get(ch, ch))), "")
        logps = []
        for ch in chars:
            scored = scored_as.get(ch, ch)
            if not scored:  # whitespace: it parts nothing
                logps.append(char_logp(ch) + (next_logp(history, first) if first else 0.0))
            elif first:
                logps.append(next_logp(history, scored) + next_logp(history[-1:] + scored, first))
            else:
                logps.append(next_logp(history, scored))
        return logps

    def with_words_logp(self, text: str) -> float:
        """This model's log-probability of ``text`` plus the dictionary model's word one: running
        text knows 22日 from 22并, the words 邮政 from 邮攻."""
        return self.logp(text) + self._dictionary.word_logp(text)

    def logp(self, text: str) -> float:
        """Log-probability of ``text``; whitespace costs its prior but does not part the
        characters around it."""
        total, history = 0.0, ""
        scored_as, next_logp, char_logp = self._scored_as, self._next_logp, self._dictionary.char_logp
        for ch in text:
            scored = scored_as.get(ch, ch)
            if scored:
                total += next_logp(history, scored)
                history = history[-1:] + scored
            else:
                total += char_logp(ch)
        return total


class LineEnds:
    """How much likelier a character is at the end of a line of one document than anywhere
    in it (log ratio), by its kind (mark_kind) and, among marks of a kind, by the corpus's
    paragraph ends. For a lost byte just before a line break: 。 or 、, ？ or ，, ” or “. The
    document's undamaged line ends weigh against a prior of the corpus's paragraph ends and
    the kinds' plain shares."""

    def __init__(self, running: RunningTextModel, intact: collections.Counter) -> None:
        seen = collections.Counter()
        for ch, count in intact.items():
            seen[mark_kind(ch)] += count
        total = sum(seen.values()) + LINE_END_PRIOR_WEIGHT
        self._running = running
        self._lifts = {}
        for kind, plain in running.kind_shares.items():
            prior = PARAGRAPH_END_SHARE * running.paragraph_end_shares[kind] + (1 - PARAGRAPH_END_SHARE) * plain
            if kind == "opening":  # by the typesetting rule, not even a line of print ends in one
                prior = running.paragraph_end_shares[kind]
            self._lifts[kind] = math.log((seen[kind] + LINE_END_PRIOR_WEIGHT * prior) / total / plain)

    def lift(self, ch: str) -> float:
        return self._lifts[mark_kind(ch)] + self._running.end_mark_lift(ch)


def mark_kind(ch: str) -> str:
    """"sentence" (a sentence's end, closing marks), "clause" (a clause's end), "opening" (an
    opening mark) or "other"."""
    if ch in rules.SENTENCE_END_MARKS:
        return "sentence"
    if ch in rules.CLAUSE_END_MARKS:
        return "clause"
    return "opening" if ch in rules.OPENING_MARKS else "other"
