"""Reflow of PDF-extracted text: justification spaces, line widths, lines joined into paragraphs."""

import functools
import re
from dataclasses import dataclass, field

from pipeline.split.rules import surnames as listed_surnames

SENTENCE_END = "。！？!?…"
CLOSERS_AFTER_END = "”’」』）)》\"'"  # may follow a sentence end: 。” 。）
HEADLINE_FORBIDDEN = "。！？；!?;"  # a headline line never holds these
# A table's row as a page's text gives it: a short label and two figures or more, set apart by
# spaces (寄递业务收入 12560 8.5%). A sentence's figure is followed by its word (完成 256 亿件),
# and a line of a sentence wrapped after a figure has its punctuation or a longer start; a
# figure's digits grouped in threes (0.008 6%) are one figure.
TABLE_ROW = re.compile(r"[^，。、；：,;:\s\d]{1,12}(?: [-+]?\d[\d,]*(?:\.\d+)?[%‰]?){2,}")
DIGIT_GROUPS = re.compile(r"\.\d{3} \d{1,3}\b")
# A table's unit note (单位：万元), under the table's title: a deck, never a title.
UNIT_NOTE = re.compile(r"^(?:计量|金额|数据)?单位\s*[:：]")
# A turn of an interview, at a paragraph's start: the interviewer's or the answer's label.
INTERVIEW_TURN = re.compile(r"^(?:记者|本报记者|答|问|主持人|[QA])\s*[:：]")
# A row of a list of fields: a label and its value (面值：5.40元, 设计者：林知远)
_FIELD_ROW = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]\S")
# A section's numbered head (一、业务总量和业务收入, （二）…, 3. …)
_NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")
VERSE_MAX_COLUMN_SHARE = 0.7  # a poem's lines each at most this share of the page's widest column
MIN_VERSE_RUN = 4
VERSE_FORBIDDEN = re.compile(r"[，。、；：！？,.;:!?“”‘’\"'（）()《》…—\d]")
OPEN_CLOSE_PAIRS = ("“”", "（）", "《》", "‘’", "「」", "()")

_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NAME_ITEM = re.compile(r"[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{2,}·[\u4e00-\u9fff·]{2,}")
LINE_CACHE_SIZE = 4096  # lines: a page's several times over
FIGURE_PART = re.compile(r"[0-9.]")  # one digit or point of a figure a justified line spread
_LATIN_RUN_END = re.compile(r"[0-9A-Za-z]+$")
_LATIN_RUN_START = re.compile(r"[0-9A-Za-z]+")
_WHOLE_DATE_OR_TIME = re.compile(r"(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[:：]\d{2})$")
_FIGURE_CONTEXT = 12  # characters each side of a line break that tell Chinese text from English


def is_ascii_alnum(char: str) -> bool:
    return bool(_ASCII_WORD.fullmatch(char))


def _core_length(token: str) -> int:
    """Characters of a space-separated token that are letters, digits or CJK (not punctuation)."""
    return sum(1 for c in token if c.isalnum())


def _rejoin(tokens: list[str], glue) -> str:
    out = tokens[0]
    for before, after in zip(tokens, tokens[1:]):
        out += ("" if glue(before, after) else " ") + after
    return out


def _between_wide(before: str, after: str) -> bool:
    """True when neither side of the gap is an ASCII letter/digit (spaces there carry no meaning),
    and not both tokens are ASCII (English text spaces its punctuation: "(Xinhua) --")."""
    if before.isascii() and after.isascii():
        return False
    return not is_ascii_alnum(before[-1]) and not is_ascii_alnum(after[0])


def _justification_gap(before: str, after: str) -> bool:
    """A gap a justified line's spacing made: between Chinese characters, or inside a figure
    spread digit by digit (1 2 9 . 5 4万张). A figure's gap to its word is the paper's own."""
    single_part_next_to_part = (
        FIGURE_PART.fullmatch(before) and FIGURE_PART.match(after)
        or FIGURE_PART.match(before[-1]) and FIGURE_PART.fullmatch(after)
    )
    return _between_wide(before, after) or bool(single_part_next_to_part)


def is_justified(raw: str) -> bool:
    """A line spread by justification: most gaps separate single characters (`三 是 坚 定`)."""
    tokens = raw.split()
    if len(tokens) < 3:
        return False
    singles = sum(1 for a, b in zip(tokens, tokens[1:]) if _core_length(a) <= 1 and _core_length(b) <= 1)
    return singles >= 2 and singles * 2 >= len(tokens) - 1


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)
def despace(raw: str) -> str:
    """Remove justification spaces; keep spaces next to Latin words/digits and between words.

    In a justified line every gap between Chinese characters goes; elsewhere only gaps
    next to a single character or bare punctuation go, so `李振国 董静静` and
    `《…精神 奋力推进…》` keep theirs.
    """
    if "\t" in raw:  # a table's row, its cells apart by tabs (an HTML page's): each cell alone
        return "\t".join(despace(cell) for cell in raw.split("\t"))
    tokens = raw.split()
    if len(tokens) <= 1:
        return "".join(tokens)  # no gap: most lines of web text
    padded = _padded_name_list(tokens)
    if padded is not None:
        return padded
    if is_justified(raw):
        return _rejoin(tokens, _justification_gap)
    return despace_credit(raw)


def _padded_name_list(tokens: list[str]) -> str | None:
    """A list of names padded to one width (谭　勇　贺丽君, after a label: 一等奖：), its names
    apart: two-character names spaced out to three characters' width, beside names of three.
    A justified line's characters are all single; here names of several stand between them."""
    label, colon, first = tokens[0].rpartition("：")
    items = [first, *tokens[1:]] if colon else tokens
    if not all(_NAME_ITEM.fullmatch(item) for item in items if item) or not any(len(item) >= 3 for item in items):
        return None
    names, single = [], ""
    for item in filter(None, items):
        if len(item) > 1:
            if single:
                return None  # a lone character between names: no pair of a two-character name
            names.append(item)
        elif single:
            names.append(single + item)
            single = ""
        else:
            single = item
    surnames = listed_surnames()
    if single or len(names) < 2 or all(len(name) >= 3 for name in names) or not all(
        name[0] in surnames or name[:2] in surnames or "·" in name for name in names
    ):
        return None  # (a spaced-out headline's words: 邮 政 服务站 进 村)
    return label + colon + " ".join(names)


def despace_credit(raw: str) -> str:
    """Despace names and roles: glue single characters (`通 讯 员` -> 通讯员), keep name gaps."""
    tokens = raw.split()
    if not tokens:
        return ""

    def glue(before, after):
        if not _between_wide(before, after):
            return False
        a, b = _core_length(before), _core_length(after)
        return a == 0 or b == 0 or (a <= 1 and b <= 1)

    return _rejoin(tokens, glue)


def join_lines(texts: list[str], credit: bool = False) -> str:
    """Join broken lines: no space between Chinese characters, a space between Latin words.

    ``credit`` joins name lists (`邓纯` / `李仁翔` -> `邓纯 李仁翔`) with a space when both
    sides are whole words, as a name is rarely broken across lines.
    """
    out = ""
    for text in texts:
        if not text:
            continue
        if out:
            last_token, first_token = out.split(" ")[-1], text.split(" ")[0]
            if (
                is_ascii_alnum(out[-1]) and is_ascii_alnum(text[0])
                and not _figure_broken_in_chinese(out, text) and not _word_broken_in_chinese(out, text)
            ):
                out += " "
            elif credit and _core_length(last_token) >= 2 and _core_length(first_token) >= 2:
                out += " "
        out += text
    return out


def _word_broken_in_chinese(before: str, after: str) -> bool:
    """A Latin word or code the column broke inside Chinese text, Chinese on both sides of it
    (中国邮政速递物流旗下的E / MS品牌, 5 / G智能分拣); English text's words stay apart."""
    head = _LATIN_RUN_END.search(before)
    tail = _LATIN_RUN_START.match(after)
    return bool(
        head and tail and CJK_RUN.match(before[head.start() - 1:head.start()] or " ")
        and CJK_RUN.match(after[tail.end():tail.end() + 1] or " ")
    )


def _figure_broken_in_chinese(before: str, after: str) -> bool:
    """Digits both sides of a line break in Chinese text are one figure the column broke
    (惠及经营主体210 / 0余户), unless a whole date or time ends the line (发布时间：2019-08-23 /
    8月11日); English text's lines may end and start with figures of their own."""
    return (
        before[-1].isdigit() and after[0].isdigit() and not _WHOLE_DATE_OR_TIME.search(before)
        and bool(CJK_RUN.search(before[-_FIGURE_CONTEXT:]) or CJK_RUN.search(after[:_FIGURE_CONTEXT]))
    )


_NARROW = re.compile(r"[\x21-\u2e7f]")


@functools.lru_cache(maxsize=LINE_CACHE_SIZE)  # a page's lines are measured again and again
def width(raw: str) -> float:
    """Printed width in Chinese character cells; Latin/digits half a cell, justification spaces a little."""
    spaces = raw.count(" ")
    narrow = len(_NARROW.findall(raw))
    return (len(raw) - spaces - narrow) + 0.5 * narrow + 0.3 * spaces


# Blank lines part paragraphs where this many text lines before them, this share of them, end a sentence.
MIN_PARTING_BLANK_LINES = 2
PARTING_SHARE = 0.75


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS_AFTER_END + " ")
    if not stripped:
        return False
    if stripped[-1] in SENTENCE_END:
        return True
    return stripped[-1] == "." and not (len(stripped) > 1 and stripped[-2].isdigit())


def balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in OPEN_CLOSE_PAIRS)


@dataclass
class Line:
    raw: str
    text: str  # despaced
    width: float
    kind: str = "body"  # body | opener | closer | from | to | label | headline
    # a closer cut off the end of a text line: that text is the last of the story it closes
    attached: bool = False
    # text after a "continued from" marker on its line: a paragraph's, never a headline's
    after_marker: bool = False
    # opened by a paragraph's indent (　　, or as many columns of spaces): with a clause in it, a
    # paragraph's first line; the line above it no line of its paragraph
    indented: bool = False
    # which of the page's text boxes (lines between blank lines: a PDF extraction's blocks) holds it
    box: int = 0

    @classmethod
    def of(cls, raw: str, kind: str = "body") -> "Line":
        raw = " ".join(raw.split())
        return cls(raw, despace(raw), width(raw), kind)


@dataclass
class Paragraph:
    lines: list[Line] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.lines[0].kind

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def column_widths(lines: list[Line], radius: int = 8) -> list[tuple[float, float]]:
    """(before, after) typical full-line width around each line, from nearby body lines."""
    widths = [line.width if line.kind in ("body", "opener") else None for line in lines]
    result = []
    for i in range(len(lines)):
        before = [w for w in widths[max(0, i - radius) : i] if w is not None]
        after = [w for w in widths[i + 1 : i + 1 + radius] if w is not None]
        result.append((percentile(before, 0.7), percentile(after, 0.7)))
    return result


def _verse_lines(lines: list[Line], columns: list[tuple[float, float]]) -> list[bool]:
    """Which lines are a poem's: runs of at least MIN_VERSE_RUN body lines under a headline or a
    credit, with no mark in them, each short of the page's widest column by far, one of them by
    half (a prose line the column wrapped is as wide as its column; one ending a paragraph ends a
    sentence)."""
    page_column = max((max(column) for column in columns), default=0.0)
    short = [
        line.kind == "body" and line.width <= VERSE_MAX_COLUMN_SHARE * page_column and not VERSE_FORBIDDEN.search(line.text)
        for line in lines
    ]
    verse = [False] * len(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and short[end]:
            end += 1
        # (right under its title or its poet's name: a list's short items inside prose are no poem)
        if end - start >= MIN_VERSE_RUN and start and lines[start - 1].kind in ("headline", "closer") and any(
            lines[i].width <= page_column / 2 for i in range(start, end)
        ):
            verse[start:end] = [True] * (end - start)
        start = end + 1
    return verse


def is_table_row(text: str) -> bool:
    return TABLE_ROW.fullmatch(text) is not None and not DIGIT_GROUPS.search(text)


def _blank_lines_part_paragraphs(lines: list[Line]) -> bool:
    """Whether the text's blank lines part its paragraphs (a page a browser printed): nearly every
    text line before one ends a sentence; a PDF's blocks break as often inside one."""
    ends = [
        ends_sentence(line.text) for line, following in zip(lines, lines[1:])
        if line.kind == "body" and following.kind == "body" and following.box != line.box
    ]
    return len(ends) >= MIN_PARTING_BLANK_LINES and sum(ends) >= PARTING_SHARE * len(ends)


def build_paragraphs(lines: list[Line], columns: list[tuple[float, float]]) -> tuple[list[Paragraph], bool]:
    """Group lines into paragraphs; every non-body line stands alone. Returns (paragraphs, joined_any).

    A body line continues the previous one unless that one ended a sentence and was
    short of the column (last line of a paragraph) or this one is indented (first line) or
    opens an interview's turn (记者：…, 答：…); or that one was a short numbered head and this
    one is indented, or that one announced what follows (…如下：) or was a short row of a list of
    fields (面值：5.40元, one of two in a row at least); a table's row is a line of its own.
    """
    paragraphs: list[Paragraph] = []
    joined = False
    verse = _verse_lines(lines, columns)
    blank_lines_part = _blank_lines_part_paragraphs(lines)
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        table_row = is_table_row(line.text) or previous is not None and is_table_row(previous.text)
        if previous is not None and line.kind == "body" and previous.kind in ("body", "opener") and not table_row:
            column = max(columns[i][0], columns[i][1]) or line.width
            short = previous.width < column - 1.5
            ends_paragraph = ends_sentence(previous.text) and (
                short or line.width < column - 1.5 or INTERVIEW_TURN.match(line.text) is not None
                or blank_lines_part and line.box != previous.box  # (after a sentence's end that fills the column)
            ) or verse[i - 1] or (  # (a poem's line is one whatever follows)
                # a short numbered head over an indented line (一、业务总量 over its section's
                # first line), or a line that announces what follows (现将有关情况通报如下：)
                short and (
                    line.indented and _NUMBERED_HEAD.match(previous.text) is not None
                    or previous.text.endswith(("：", ":"))
                    # a row of a list of fields (名称：… / 志号：…), short of the column, over
                    # another or under another (the list's last)
                    or _FIELD_ROW.match(previous.text) is not None and (
                        _FIELD_ROW.match(line.text) is not None or i > 1 and _FIELD_ROW.match(lines[i - 2].text) is not None
                    )
                )
            )
            if not ends_paragraph:
                paragraphs[-1].lines.append(line)
                joined = True
                continue
        paragraphs.append(Paragraph([line]))
    return paragraphs, joined
