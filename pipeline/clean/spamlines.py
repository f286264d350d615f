"""Junk lines in text: stray markup, markup list artefacts, keyword stuffing and site chrome.

Keyword stuffing is recognised by a score, not a list of known lines: weighted spam vocabulary
(package data) combined with the shape of a stuffed line (many short comma-separated phrases,
no sentence), so unseen spam lines built from the same vocabulary are caught too.
"""

import html
import re
from dataclasses import dataclass

from pipeline.clean import rules
from pipeline.resources import data_lines


@dataclass(frozen=True)
class WeightedLexicon:
    """Weighted terms matched longest-first, case-insensitively."""

    pattern: re.Pattern
    weights: dict[str, float]

    @classmethod
    def load(cls, name: str) -> "WeightedLexicon":
        weights = {}
        for line in data_lines("pipeline.clean", name):
            term, weight = line.rsplit("\t", 1)
            weights[term.strip().lower()] = float(weight)
        alternation = "|".join(re.escape(term) for term in sorted(weights, key=len, reverse=True))
        return cls(re.compile(alternation, re.I), weights)

    def matches(self, text: str) -> list[tuple[int, int, float]]:
        return [(m.start(), m.end(), self.weights[m.group().lower()]) for m in self.pattern.finditer(text)]

    def coverage(self, text: str) -> float:
        """Weighted share of ``text``'s non-separator characters covered by terms."""
        core = rules.COVERAGE_IGNORED.sub("", text)
        if not core:
            return 0.0
        covered = sum((end - start) * weight for start, end, weight in self.matches(core))
        return min(1.0, covered / len(core))


class JunkLineJudge:
    """Scores one line (or one HTML block's text) as keyword spam or site chrome."""

    def __init__(self) -> None:
        self.spam = WeightedLexicon.load("spam_terms.tsv")
        self.chrome = WeightedLexicon.load("chrome_terms.tsv")

    def spam_score(self, line: str) -> float:
        segments = [s for s in rules.KEYWORD_SEPARATORS.split(line) if s]
        core_chars = sum(map(len, segments))
        if core_chars < rules.SPAM_MIN_CHARS:
            return 0.0
        segment_evidence = [min(1.0, sum(w for _, _, w in self.spam.matches(s))) for s in segments]
        if not any(segment_evidence):
            return 0.0
        w = rules.SPAM_WEIGHTS
        sentence_marks = len(rules.SENTENCE_END.findall(line)) + len(rules.QUOTE.findall(line))
        coverage = self.spam.coverage(line)
        variety = 0
        if coverage >= rules.VARIETY_MIN_COVERAGE:
            distinct = {m.group().lower() for m in self.spam.pattern.finditer(line)}
            variety = min(rules.VARIETY_MAX_TERMS, max(0, len(distinct) - rules.VARIETY_FREE))
        return (
            w["coverage"] * coverage
            + w["variety"] * variety
            + w["segment_hits"] * sum(segment_evidence) / len(segments)
            + w["many_segments"] * (len(segments) >= rules.MANY_SEGMENTS)
            + w["short_segments"] * (core_chars / len(segments) <= rules.SHORT_SEGMENT_CHARS)
            + w["sentence"] * min(2, sentence_marks)
        )

    def is_spam(self, line: str) -> bool:
        return self.spam_score(line) >= rules.SPAM_THRESHOLD

    def is_chrome(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped or len(stripped) > rules.CHROME_MAX_CHARS:
            return False
        if (
            self.chrome.coverage(stripped) >= rules.CHROME_MIN_COVERAGE
            and len(self.chrome.matches(stripped)) >= rules.CHROME_MIN_TERMS
        ):
            return True
        # One unmistakable furniture term ("版权所有", "上一篇") in a short line that is no sentence.
        return (
            len(stripped) <= rules.CHROME_STRONG_MAX_CHARS
            and not rules.SENTENCE_END.search(stripped)
            and any(weight >= 1.0 for _, _, weight in self.chrome.matches(stripped))
        )

    def is_junk(self, line: str) -> bool:
        return self.is_spam(line) or self.is_chrome(line)


@dataclass(frozen=True)
class LineCleanup:
    text: str
    markup_removed: bool
    junk_lines_removed: int


def strip_stray_markup(line: str) -> str | None:
    """``line`` without tags and entities; None if nothing but markup (and its list numbering) was on it."""
    had_tags = bool(rules.MARKUP.search(line))
    if had_tags:
        line = rules.MARKUP.sub("", rules.NUMBERING_BEFORE_TAG.sub(r"\1", line))
    if rules.ENTITY.search(line):
        line = html.unescape(line)
    return None if had_tags and not line.strip() else line


def clean_lines(text: str, judge: JunkLineJudge) -> LineCleanup:
    """Drop markup-only and junk lines, strip stray tags; other lines pass through untouched.

    Entities are decoded only in text that carries stray markup: elsewhere "&amp;" may be prose.
    """
    has_markup = bool(rules.MARKUP.search(text))
    kept = []
    markup_removed = False
    junk = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        without_markup = strip_stray_markup(body) if has_markup else body
        if without_markup != body:
            markup_removed = True
        if without_markup is None:
            continue
        if without_markup.strip() and judge.is_junk(without_markup):
            junk += 1
            continue
        kept.append(without_markup + line[len(body):])
    return LineCleanup(_collapse_blank_runs("".join(kept)) if markup_removed or junk else text, markup_removed, junk)


def _collapse_blank_runs(text: str) -> str:
    """Removing lines leaves blank runs behind; keep at most one blank line, none at the ends."""
    return re.sub(r"\n(?:[ \t\u3000]*\n){2,}", "\n\n", text).strip("\n") + ("\n" if text.endswith("\n") else "")
