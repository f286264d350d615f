"""Publication date: explicit dates only; a month-day needs a year the document states."""

import re
from dataclasses import dataclass
from datetime import date
from itertools import islice

_SEP = r"\s*"
FULL_DATE = re.compile(
    rf"(?<!\d)((?:19|20)\d\d){_SEP}(?:年{_SEP}(\d{{1,2}}){_SEP}月{_SEP}(\d{{1,2}}){_SEP}日"
    rf"|[-./](\d{{1,2}})[-./](\d{{1,2}})(?!\d)"
    # the year apart from the month and day, a time after them (Xinhua's header: 2025 05/21 10:32:15)
    rf"|\s+(\d{{1,2}})/(\d{{1,2}})(?=\s+\d{{1,2}}:\d\d))"
)
# Eight figures as a date field holds them (发布时间：20241202, a CMS export's publish_date):
# labelled, as a figure of eight digits in text need be no date.
LABELLED_COMPACT_DATE = re.compile(
    r"(?:时间|日期|发布|date|pubdate)\s*[:：]\s*((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)", re.IGNORECASE
)
# Day, month and year, as Hong Kong, Macao and Singapore write them (發佈時間：08/03/2025 15:42):
# labelled, the day first unless only the month-first reading is a date (a US page's 03/18/2025).
NOT_PUBLISHED_LABEL = re.compile(r"(?:创建|剪藏|收藏|保存|修改|访问|抓取|采集)(?:时间|日期|于)|^(?:created|modified|clipped)\b", re.I)
LABELLED_DAY_FIRST_DATE = re.compile(
    r"(?:时间|時間|日期|发布|發佈|发表|更新|date)\s*[:：]?\s*(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# A date in Chinese numerals, as releases and notices sign off: 二〇二四年三月十五日 (○ for 〇 too).
CHINESE_FULL_DATE = re.compile(
    rf"([〇○零一二三四五六七八九]{{4}}){_SEP}年{_SEP}([一二三四五六七八九十]{{1,3}}){_SEP}月"
    rf"{_SEP}([一二三四五六七八九十]{{1,3}}){_SEP}[日号]"
)
CHINESE_DIGITS = {
    ch: value for value, chars in enumerate(("〇○零", "一", "二", "三", "四", "五", "六", "七", "八", "九")) for ch in chars
}
# English releases: March 15, 2024 / Mar. 15 2024 / 15 March 2024.
MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
ENGLISH_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)|(\d{{1,2}})\s+{_MONTH},?\s+((?:19|20)\d\d))\b", re.I
)
# An English date ends in its year: it is looked for only before one (the longest, "September
# 30, 2024", is 18 characters before its year).
ASCII_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
ENGLISH_DATE_BEFORE_YEAR = 24
MONTH_DAY = re.compile(rf"(?<![\d年.\-/])(\d{{1,2}}){_SEP}月{_SEP}(\d{{1,2}}){_SEP}[日号]")
YEAR = re.compile(rf"(?<!\d)((?:19|20)\d\d){_SEP}年")
SENTENCE = re.compile(r"[^。！？!?\n]+")
# The title line and the body's first sentences: where a dateline stands.
DATELINE_SENTENCES = 3
# The issue date of a page sits on a short line of its own near the top (报头: 2022年11月25日
# 星期五 / 第3版) or in a footer at the bottom; a date inside a sentence there is an event of
# the first story, not the issue.
HEADER_LINES = 6
FOOTER_LINES = 2
HEADER_LINE_CHARS = 60
SENTENCE_PUNCTUATION = re.compile(r"[。，,；;！？]")
WHITESPACE_RUN = re.compile(r"\s+")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _chinese_number(numerals: str) -> int:
    """十五 -> 15, 二十 -> 20, 三十一 -> 31, 七 -> 7; 0 for what is no number (十十)."""
    tens, ten, units = numerals.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return 0
    if not ten:
        return CHINESE_DIGITS[numerals]
    return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(units, 0)


def full_dates(text: str) -> list[str]:
    """The valid dates stating a year, month and day, in the order they stand."""
    found = []
    for match in FULL_DATE.finditer(text):
        year = int(match.group(1))
        month, day = next(match.group(i, i + 1) for i in (2, 4, 6) if match.group(i))
        found.append((match.start(), _valid(year, int(month), int(day))))
    for match in LABELLED_COMPACT_DATE.finditer(text):
        found.append((match.start(1), _valid(*map(int, match.group(1, 2, 3)))))
    for match in LABELLED_DAY_FIRST_DATE.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        found.append((match.start(1), _valid(year, month, day) or _valid(year, day, month)))
    for match in CHINESE_FULL_DATE.finditer(text):
        year = int("".join(str(CHINESE_DIGITS[ch]) for ch in match.group(1)))
        if 1900 <= year < 2100:  # as FULL_DATE's 19xx and 20xx
            found.append((match.start(), _valid(year, _chinese_number(match.group(2)), _chinese_number(match.group(3)))))
    english = {}
    for year in ASCII_YEAR.finditer(text):  # scanning the whole text for month names took 2/3 of the time
        start = max(0, year.start() - ENGLISH_DATE_BEFORE_YEAR)
        # (searched from ``start`` in the whole text, not a slice: a slice's first character has no
        # word before it, and 5 of "15 March 2024" would start a date)
        for match in ENGLISH_FULL_DATE.finditer(text, start, year.end() + 1):
            month, day, year_digits = match.group(1, 2, 3) if match.group(1) else match.group(5, 4, 6)
            english[match.start()] = _valid(int(year_digits), MONTHS[month.lower()], int(day))
    found += english.items()
    return [iso for _, iso in sorted(found) if iso]


def _month_day_in_sentences(text: str, page_year: int | None) -> str | None:
    """The dateline: a date in the opening sentences, with a year from the same sentence or the page.
    Dates further down are events the story recalls (2013年11月…), not its date."""
    for sentence in islice(SENTENCE.finditer(text), DATELINE_SENTENCES):
        sentence_text = sentence.group(0)
        full = full_dates(sentence_text)
        if full:
            return full[0]
        match = MONTH_DAY.search(sentence_text)
        if not match:
            continue
        years = {int(y) for y in YEAR.findall(sentence_text)}
        year = years.pop() if len(years) == 1 else page_year
        if year is not None:
            return _valid(year, int(match.group(1)), int(match.group(2)))
    return None


def _header_date(page_text: str) -> str | None:
    # A page header spreads its fields across the page's width: runs of spaces count as one.
    lines = [WHITESPACE_RUN.sub(" ", line.strip()) for line in page_text.splitlines() if line.strip()]
    for line in lines[:HEADER_LINES] + lines[-FOOTER_LINES:]:  # a footer states it as well
        if len(line) <= HEADER_LINE_CHARS and not SENTENCE_PUNCTUATION.search(line):
            found = full_dates(line)
            if found:
                return found[0]
    return None


@dataclass(frozen=True)
class PageDates:
    header: str | None  # the issue date in the page header
    year: int | None  # the one year of all full dates on the page


def page_dates(page_text: str) -> PageDates:
    page_years = {iso[:4] for iso in full_dates(page_text)}
    return PageDates(_header_date(page_text), int(page_years.pop()) if len(page_years) == 1 else None)


def published_date(
    bylines: tuple[str, ...], title: str | None, body: str, page_text: str, page: PageDates | None = None
) -> str | None:
    """The story's date: byline date, else the page header's, else a dated sentence of the story.
    ``page``: ``page_dates(page_text)`` when the caller keeps it for the page's other stories."""
    # A note-taking app's clip or a file's record of when it was saved (创建时间: …) dates no
    # publication: a date labelled otherwise comes first.
    for line in sorted(bylines, key=lambda line: NOT_PUBLISHED_LABEL.search(line) is not None):
        found = full_dates(line)
        if found:
            return found[0]
    page = page or page_dates(page_text)
    return page.header or _month_day_in_sentences(f"{title or ''}\n{body}", page.year)
