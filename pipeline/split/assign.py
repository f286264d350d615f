"""Attach headline blocks to stories by shared content, solved globally (Hungarian algorithm)."""

import math
import re
from collections import Counter
from collections.abc import Iterable

from pipeline.split.reflow import CJK_RUN

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NOT_WORD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z.]")

GENERIC_WEIGHT = 0.2  # generic postal bigrams (邮政, 分公司) tell little
NUMBER_WEIGHT = 2.0  # a shared figure (147.65, 28.6) is strong evidence
SUBSTRING_WEIGHT = 0.5  # longest shared substring, relative to the headline
ADJACENCY_BONUS = 0.05  # layout: headline right before / after the story breaks ties only
CREDITED_UNDER_BONUS = 1.0  # layout: headline right above the byline a story starts with, as much as full content
MIN_SCORE = 0.2
CONFIDENT_SCORE, CONFIDENT_MARGIN = 0.7, 0.05  # a headline line that clearly names one story
LEANING_SCORE = 0.3  # a line leaning to one story: this score on it, none on any other
NO_STORIES: frozenset[int] = frozenset()


def _grams(text: str) -> set[str]:
    """Character bigrams and trigrams of the text's Chinese runs."""
    return {run[i : i + n] for run in CJK_RUN.findall(text) for n in (2, 3) for i in range(len(run) - n + 1)}


def _numbers(text: str) -> set[str]:
    """Figures worth matching: two digits or more, or a decimal (`28.6`, `147.65`)."""
    return {n for n in _NUMBER.findall(text) if len(n) >= 2}


def _compact(text: str) -> str:
    return _NOT_WORD.sub("", text)


def runs_across(first: str, second: str, texts: Iterable[str]) -> bool:
    """Whether one of ``texts`` runs on over the break between two headline lines, their last
    and first two characters in a row (营业 / 时间 as 营业时间; 算好 / “长远账” as 算好“长远账”): a
    title the column wrapped, its words the story's. A kicker and its title do not run on so."""
    straddle = _straddle(first, second)
    return straddle is not None and any(straddle in _compact(text) for text in texts)


def _straddle(first: str, second: str) -> str | None:
    """The last two characters of ``first`` and the first two of ``second``, compacted."""
    tail, head = _compact(first)[-2:], _compact(second)[:2]
    return tail + head if len(tail) == len(head) == 2 else None


class HeadlineScorer:
    """Scores how well a headline's content matches each story of one page."""

    def __init__(self, story_texts: list[str], generic_bigrams: frozenset[str]):
        self.stories = [_compact(text) for text in story_texts]
        self.story_grams = [_grams(text) for text in self.stories]
        self.story_numbers = [_numbers(text) for text in self.stories]
        self.frequency: Counter = Counter()  # stories holding each n-gram
        for grams in self.story_grams:
            self.frequency.update(grams)
        # The stories holding each n-gram a headline asks about: a headline is scored against the
        # stories its n-grams reach, not each story in turn (a whole issue in one file has
        # hundreds: quadratic). Built on demand: indexing every n-gram of a page cost more than
        # its headlines ask.
        self._holding: dict[str, frozenset[int]] = {}
        self.generic = generic_bigrams
        self.max_idf = math.log(len(self.stories) + 1)
        self._holders: dict[str, int] = {}  # substring -> stories holding it (pages of many stories repeat them)
        self._scores: dict[str, tuple[float, ...]] = {}  # grouping a run asks of each line several times

    def _weight(self, gram: str) -> float:
        """IDF over the page's stories, longer n-grams weigh more, generic bigrams little."""
        weight = (self.max_idf - math.log(self.frequency[gram])) * (1 + 0.5 * (len(gram) - 2))
        return weight * GENERIC_WEIGHT if gram in self.generic else weight

    def scores(self, headline: str) -> tuple[float, ...]:
        """How well ``headline`` matches each story, 0 (nothing shared) upwards."""
        scores = self._scores.get(headline)
        if scores is None:
            scores = self._scores[headline] = tuple(self._scored(headline))
        return scores

    def _scored(self, headline: str) -> list[float]:
        compact = _compact(headline)
        all_grams = _grams(compact)
        # Summed in one order whatever the process's string hash seed: float sums in set order
        # differ in their last bits, and a tie between two stories went either way.
        grams = sorted(g for g in all_grams if g in self.frequency)
        numbers = _numbers(compact)
        # words of the headline found in no story still count against every story
        unmatched = sum(1 for g in all_grams if len(g) == 2 and g not in self.frequency and g not in self.generic)
        total = sum(self._weight(g) for g in grams) + NUMBER_WEIGHT * len(numbers) + unmatched * self.max_idf
        if not total:
            return [0.0] * len(self.stories)
        shared = [0.0] * len(self.stories)
        for gram in grams:
            weight = self._weight(gram)
            for index in self._stories_holding(gram):
                shared[index] += weight
        for index, story_numbers in enumerate(self.story_numbers):
            shared[index] += NUMBER_WEIGHT * len(numbers & story_numbers)
        # A story sharing no word or figure shares no substring worth the search.
        longest = self._longest_shared([index for index, weight in enumerate(shared) if weight], compact)
        return [
            weight / total + SUBSTRING_WEIGHT * self._substring_evidence(longest[index], compact) if weight else 0.0
            for index, weight in enumerate(shared)
        ]

    def _stories_holding(self, gram: str) -> frozenset[int]:
        holding = self._holding.get(gram)
        if holding is None:
            holding = NO_STORIES
            if gram in self.frequency:
                holding = frozenset(i for i, grams in enumerate(self.story_grams) if gram in grams)
            self._holding[gram] = holding
        return holding

    def _substring_evidence(self, shared: str, headline: str) -> float:
        """The longest headline substring in a story, relative to the headline, discounted when
        other stories hold it too (`市分公司` is everywhere, `退役军人优待证` is not)."""
        holders = self._holders.get(shared)
        if holders is None:
            holders = self._holders[shared] = sum(1 for story in self.stories if shared in story)
        return len(shared) / len(headline) / holders

    def _longest_shared(self, indices: list[int], headline: str) -> dict[int, str]:
        """For each of ``indices`` (stories sharing an n-gram or a figure with ``headline``, so
        two characters at least), the longest substring of ``headline`` in it, the leftmost of
        that length. Each start grows its substring while some story still holds it: ideograph
        n-grams narrow the stories through the index, and only the rest is searched."""
        best_start = dict.fromkeys(indices, 0)
        best_length = dict.fromkeys(indices, 0)
        for start in range(len(headline) - 1):
            holders = set(indices)
            for end in range(start + 2, len(headline) + 1):
                part = headline[start:end]
                gram = part[-3:]
                if CJK_RUN.fullmatch(gram):
                    holders &= self._stories_holding(gram)  # holding its last n-gram
                    if len(part) > 3 or not CJK_RUN.fullmatch(part):  # is it there whole?
                        holders = {index for index in holders if part in self.stories[index]}
                else:
                    holders = {index for index in holders if part in self.stories[index]}
                if not holders:
                    break
                for index in holders:
                    if end - start > best_length[index]:
                        best_start[index], best_length[index] = start, end - start
        return {index: headline[best_start[index]:best_start[index] + best_length[index]] for index in indices}

    def leaning_story(self, headline: str) -> int | None:
        """The only story sharing words with a headline line, weak as the evidence may be."""
        scores = self.scores(headline)
        sharing = [index for index, score in enumerate(scores) if score]
        return sharing[0] if len(sharing) == 1 and scores[sharing[0]] >= LEANING_SCORE else None

    def runs_across(self, first: str, second: str) -> bool:
        straddle = _straddle(first, second)
        return straddle is not None and any(straddle in story for story in self.stories)  # (compacted already)

    def same_story(self, a: str, b: str) -> bool:
        """Whether two headline lines may head one story: they do not clearly name two."""
        story_a, story_b = self.confident_story(a), self.confident_story(b)
        return story_a is None or story_b is None or story_a == story_b

    def sides_with_next(self, previous: str, text: str, following: str) -> bool:
        """Whether a headline line between two that clearly name different stories shares more
        words with the story of the line after it."""
        story_before, story_after = self.confident_story(previous), self.confident_story(following)
        if story_before is None or story_after is None or story_after == story_before:
            return False
        scores = self.scores(text)
        return scores[story_after] > scores[story_before]

    def confident_story(self, headline: str) -> int | None:
        """The story a headline line clearly points to, or None when the evidence is weak."""
        scores = self.scores(headline)
        if not scores:
            return None
        ranked = sorted(scores, reverse=True)
        runner_up = ranked[1] if len(ranked) > 1 else 0.0
        if ranked[0] < CONFIDENT_SCORE or ranked[0] - runner_up < CONFIDENT_MARGIN:
            return None
        return scores.index(ranked[0])


def hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for an n x m matrix with n <= m: column chosen for each row.

    Classic O(n^2 m) shortest augmenting path with potentials.
    """
    n, m = len(cost), len(cost[0]) if cost else 0
    if n > m:
        raise ValueError("more rows than columns")
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row (1-based) holding column j; column 0 is the free root
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        column = 0
        slack = [inf] * (m + 1)
        used = [False] * (m + 1)
        while owner[column]:
            used[column] = True
            current_row, delta, next_column = owner[column], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = cost[current_row - 1][j - 1] - u[current_row] - v[j]
                if reduced < slack[j]:
                    slack[j], way[j] = reduced, column
                if slack[j] < delta:
                    delta, next_column = slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = next_column
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def assign(score_matrix: list[list[float]], min_score: float = MIN_SCORE) -> dict[int, int]:
    """{headline index: story index} maximising the total score; weak pairs stay unassigned."""
    if not score_matrix or not score_matrix[0]:
        return {}
    rows, columns = len(score_matrix), len(score_matrix[0])
    transposed = rows > columns
    matrix = [list(col) for col in zip(*score_matrix)] if transposed else score_matrix
    chosen = hungarian([[-s for s in row] for row in matrix])
    pairs = {}
    for row, column in enumerate(chosen):
        headline, story = (column, row) if transposed else (row, column)
        if score_matrix[headline][story] >= min_score:
            pairs[headline] = story
    return pairs
