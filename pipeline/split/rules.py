"""Rule data of the split stage (openers, byline markers, cues), loaded once from data/ files."""

import functools
import re
from dataclasses import dataclass

from pipeline.resources import data_lines

_PACKAGE = "pipeline.split"


@dataclass(frozen=True)
class Rules:
    opener: re.Pattern  # a story's dateline word at the start of a paragraph
    sentence_opener: re.Pattern  # a sentence's opening phrase and comma (近年来，) at a line's start
    byline_markers: str  # characters opening a closing byline (□)
    byline_words: tuple[str, ...]  # role words (记者, 通讯员, 摄影报道 ...)
    photo: re.Pattern  # a photo's caption or credit
    photo_report: re.Pattern  # 摄影报道, 图片新闻
    continued_from: re.Pattern  # （上接第1版）
    continued_to: re.Pattern  # （下转第2版）
    section_labels: frozenset[str]
    column_name_endings: tuple[str, ...]  # 简报, 传真: a short line ending so is a column's name
    sidebar_labels: frozenset[str]  # 记者手记, 相关链接: a story's box, not a story
    furniture: re.Pattern  # folios, page headers, editors' credits
    kicker_suffixes: tuple[str, ...]
    generic_bigrams: frozenset[str]
    surnames: frozenset[str]  # first characters of a bracketed name credit: …。（沈佳）
    ethnic_name: re.Pattern  # a name without a Han surname, credited alike: 泽仁多吉 摄

    @classmethod
    def load(cls) -> "Rules":
        def lines(name):
            return data_lines(_PACKAGE, name)

        cues = [line.split("\t", 1) for line in lines("continuation_cues.txt")]
        return cls(
            opener=re.compile("^(?:" + "|".join(lines("openers.txt")) + ")"),
            sentence_opener=re.compile("^(?:" + "|".join(lines("sentence_openers.txt")) + ")"),
            byline_markers="".join(lines("byline_markers.txt")),
            byline_words=tuple(sorted(lines("byline_words.txt"), key=len, reverse=True)),
            photo=re.compile("|".join(lines("photo_cues.txt"))),
            photo_report=re.compile("|".join(lines("photo_report_cues.txt"))),
            continued_from=re.compile("|".join(p for kind, p in cues if kind == "from")),
            continued_to=re.compile("|".join(p for kind, p in cues if kind == "to")),
            section_labels=frozenset(lines("section_labels.txt")),
            column_name_endings=tuple(lines("column_name_endings.txt")),
            sidebar_labels=frozenset(lines("sidebar_labels.txt")),
            furniture=_furniture_pattern([*lines("page_furniture.txt"), _paper_header_line()]),
            kicker_suffixes=tuple(lines("kicker_suffixes.txt")),
            generic_bigrams=frozenset(lines("generic_bigrams.txt")),
            surnames=surnames(),
            ethnic_name=re.compile(f"{ethnic_name_element()}{{2,3}}"),
        )


@functools.cache
def ethnic_name_element() -> str:
    """An alternation of the given-name elements of Tibetan, Mongolian and Uyghur names (the
    extract stage's list, the longest first): two or three in a row are one name (德吉卓嘎)."""
    parts = {word for line in data_lines("pipeline.extract", "ethnic_name_parts.txt") for word in line.split()}
    return f"(?:{'|'.join(sorted(parts, key=len, reverse=True))})"


@functools.cache
def surnames() -> frozenset[str]:
    """The extract stage's list: one list of surnames for the whole pipeline, read once."""
    return frozenset(word for line in data_lines("pipeline.extract", "surnames.txt") for word in line.split())


def _furniture_pattern(patterns: list[str]) -> re.Pattern:
    """One pattern of them all, those anchored at the line's start under one ``^``: searched
    over every line of every page, the alternatives were each tried at each position."""
    anchored = [pattern[1:] for pattern in patterns if pattern.startswith("^")]
    anywhere = [pattern for pattern in patterns if not pattern.startswith("^")]
    return re.compile("|".join([f"^(?:{'|'.join(f'(?:{p})' for p in anchored)})", *anywhere]))


_NUMERAL_DATE = "[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"  # 二〇二四年三月五日


def _paper_header_line() -> str:
    """A paper's name on a line of its own in the page header (中国邮政报, 人民日报), with its
    name in Latin letters (中国邮政报 CHINA POST NEWS) or the issue's date after it (中国邮政报
    2024年11月5日 星期二, 二〇二四年三月五日), or its folio and the page's name in either order (中国邮政报 3 综合新闻,
    河南日报 乡村振兴 07, 中国邮政报 第2版 要闻); matched with
    spaces removed."""
    suffixes = "|".join(data_lines("pipeline.extract", "newspaper_suffixes.txt"))
    return (
        rf"^[\u4e00-\u9fff]{{2,6}}({suffixes})"
        rf"([A-Za-z]{{0,40}}((\d{{4}}年\d{{1,2}}月\d{{1,2}}日|{_NUMERAL_DATE})([（(]?星期.[）)]?)?)?"
        rf"|第?[A-Z]?\d{{1,2}}版?[\u4e00-\u9fff]{{2,6}}|[\u4e00-\u9fff]{{2,6}}第?[A-Z]?\d{{1,2}}版?)$"
    )

