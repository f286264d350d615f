"""Headline lines: detection on the page, grouping into blocks, kicker / title / subtitle."""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from pipeline.split.reflow import (
    CJK_RUN, HEADLINE_FORBIDDEN, UNIT_NOTE, Line, balanced, ends_sentence, is_justified, is_table_row,
)

_FRAGMENT_START = "，。、；：,.;:）)」』”’%％"
_FRAGMENT_END = "，、：,:（(「『“‘《—"
SUBTITLE_DASHES = re.compile(r"^[—\-─–]{1,3}\s*")
# A bullet, or a list item's number and space (a scraper's "1. " before the title), before a title.
BULLET = re.compile(r"^(?:[•·●◆◇■□▪○▲★▶◎\-\*]\s*|\d{1,2}\.\s+(?=\S))")
_MAX_HEADLINE_WIDTH = 60
_PARAGRAPH_LOOKAHEAD = 40
_MAX_STACK = 4  # headline lines stacked before a story start or the page end
_MAX_GROUPED_STACK = 12  # as many when no two in a row are as wide as the column
_ONLY_WIDE = re.compile(r"[^\x00-\x7f]+")
_BOUNDARY_KINDS = ("closer", "from", "to", "label", "headline")
_MAX_KICKER_CHARS = 8
_MAX_SHORT_KICKER_CHARS = 6  # a column's name over a title much longer (县域物流观察)
_BRACKET_OPENERS = "（(【[〔"  # a line opening so is a note or a label, no title's end: （2025年8月5日，楚南）
_MAX_NARROW_COLUMN_CHARS = 6  # a title's lines in a column this narrow (雪线之上 / 祖孙三代 / 守邮路)
_MAX_UNIT_KICKER_CHARS = 12  # a province's and a city's name with the unit: 江苏省南京市邮政分公司
_SLOGAN_PHRASE = re.compile(r"[\u4e00-\u9fff]{2,7}")
_KICKER_PHRASE = re.compile(r"[\u4e00-\u9fff“”]{2,10}")  # (同比增长约两成 各快递企业全员上岗)
_SERIES_NUMBER = re.compile(r"[\u2460-\u2473\u2776-\u277f]$|[（(][一二三四五六七八九十]{1,3}[）)]$|之[一二三四五六七八九十]{1,3}$")
_MIN_WRAPPED_DECK_CHARS = 10  # a deck as wide as a column, whose rest the next line holds
_DECK_MARKS = re.compile(r"[，,、\d]")  # a deck lists or gives figures
_MIN_DECK_CHARS, _MIN_DECKED_TITLE_CHARS = 12, 12
_MIN_DECK_CLAUSE_CHARS = 8
# What a headline line ends in when the column broke a phrase (首个县级 / 跨境寄递服务中心, 让 / 寄递服务).
_DANGLING_ENDS = ("的", "之", "级", "首个", "首家", "首条", "首批", "把", "将", "让", "对", "向", "为", "与", "和", "及", "从", "于", "在")
DOCUMENT_TYPES = "公告|通知|通告|公示|通报|启事|声明|决定"  # what a notice's title ends with, or its label says
_NOTICE_TITLE = re.compile(rf"[\u4e00-\u9fff0-9“”（）()]{{4,30}}(?:{DOCUMENT_TYPES})")
# A headline line's start that leans on the line above (关于举办…竞赛 / 的通知)
_DANGLING_STARTS = ("的", "之")
ENUMERATED = re.compile(r"[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]")
_WHOLLY_QUOTED = re.compile(r"“[^“”]+”|「[^「」]+」")
_HEADLINE_FORBIDDEN_SET = frozenset(HEADLINE_FORBIDDEN)
_INNER_COLON = re.compile("[：:]")
_BRACKETED_COLUMN = re.compile(r"[【\[［]([^【】\[\]［］]{2,8})[】\]］]\s*(.+)")
QUESTION_MARKS = ("？", "?")
_TEXT_PUNCTUATION = re.compile("[，。、；：！？,;!?]")
# A kicker naming its unit or place before a full-width colon, on a line of its own (贵州邮政：,
# 黔东南州雷山县西江村：); a word or two before one (要求：) ends a wrapped sentence's line.
_PHOTO_CREDIT_END = re.compile(r"(?:摄|供图)[）)]?$")
# A word or two before a colon over the rest of the title (赵春梅： / 大山里的“流动网点”): the
# title's own head, where a unit's or a place's longer name is a kicker (贵州邮政：)
_NAME_COLON_LINE = re.compile(r"[\u4e00-\u9fff]{2,3}[：:]")
# A place named down two levels or more, over the title (甘肃省定西市安定区, 某某县某某镇): a kicker
_PLACE_CHAIN = re.compile(r"(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|地区|自治州|州|盟|市|区|县|旗|镇|乡|村)){2,4}")
_COLON_KICKER = re.compile(rf"[\u4e00-\u9fff]{{4,{_MAX_UNIT_KICKER_CHARS}}}：")
# A letter's salutation (编辑同志：, 各位读者朋友们：): its first line, not a kicker naming a unit
_SALUTATION = re.compile(r"(?:亲爱的|尊敬的)?[\u4e00-\u9fff]{0,8}(?:同志|朋友|读者|先生|女士|老师|同学|师傅|乡亲|家人)们?：")
# An English title (a bilingual page's under the Chinese one, a release's): Latin letters, no Chinese
ENGLISH_TITLE = re.compile(r"[A-Z][A-Za-z0-9 ,.:;'’‘“”&%()!?–—-]{10,200}")
# A kicker's opening verb: it points at the topic the title under it tells of
_KICKER_OPENERS = ("聚焦", "关注", "直击", "走进", "探访")
# nor a line announcing the lines under it (邮票相关信息如下：, 具体安排如下：)
_ANNOUNCING = re.compile(r".*(?:如下|以下|下列|分别是|分别为)：")
# nor a letter page's label over the paper's answer (编辑部回复：, 记者追访：): more of the letter's story
_REPLY_LABEL = re.compile(r"(?:编辑部?|编者|本报记者|记者)[\u4e00-\u9fff]{0,4}：")
# nor a letter's signature: where its reader writes from, 读者 and the name (长沙市读者 周文华)
_READER_SIGNATURE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:读者|市民|村民|网友) ?[\u4e00-\u9fff·]{2,6}")


def _quotations_whole(lines: list[str]) -> list[str]:
    """Headline lines with a line that leaves a quotation open joined to the next: one line of
    the headline, not a kicker and a title (邮储银行推出“快递小 / 哥专属信用贷”)."""
    whole: list[str] = []
    for line in lines:
        if whole and not balanced(whole[-1]):
            whole[-1] += line
        else:
            whole.append(line)
    return whole


def column_kicker(title: str) -> tuple[str | None, str]:
    """(kicker, title) of a title led by its column's name in brackets (【邮政动态】江苏邮政上线…;
    a forum thread's type alike: [新闻转载] …), the column the kicker; (None, title) otherwise."""
    column = _BRACKETED_COLUMN.fullmatch(title)
    return (column.group(1), column.group(2)) if column else (None, title)


def _has_clause_comma(text: str) -> bool:
    """A comma, but in a headline that is one quotation (“乡亲们的包裹，一件都不能少”)."""
    if _WHOLLY_QUOTED.fullmatch(text):
        return False
    return any(c in text for c in "，、,")


def _text_ok(line: Line) -> bool:
    """Whether a line's text may be a headline's, its marks' balance aside."""
    text = line.text
    return (
        line.kind == "body"
        and not line.after_marker
        and not (line.indented and _TEXT_PUNCTUATION.search(text))  # a paragraph's first line, its clauses begun
        and 0 < line.width <= _MAX_HEADLINE_WIDTH
        and _HEADLINE_FORBIDDEN_SET.isdisjoint(text)
        and text[0] not in _FRAGMENT_START
        and (text[-1] not in _FRAGMENT_END or _COLON_KICKER.fullmatch(text) is not None and not (
            _SALUTATION.fullmatch(text) or _ANNOUNCING.fullmatch(text) or _REPLY_LABEL.fullmatch(text)
        ))
        and not ends_sentence(text)  # an English sentence's full stop is no forbidden mark
        and not is_table_row(text)  # 寄递业务收入 12560 8.5%: a table's row, never a headline
        and not _READER_SIGNATURE.fullmatch(text)
    )


def mark_headlines(
    lines: list[Line], columns: list[tuple[float, float]], sentence_opener: re.Pattern, caption: re.Pattern
) -> None:
    """Set kind "headline" on stand-alone lines without sentence punctuation.

    A headline line follows a paragraph end (or a headline, byline, marker, page start)
    and either has a shape no body line of the column has (much shorter, or wider), or
    stands before a story start / another headline line / an indented paragraph start,
    or is one of a few lines stacked up to a story start or the page end. A line shaped
    like a paragraph's first line (a full-width line continues it to a sentence end) is
    body text, unless it stands under a headline over a line opening a sentence
    (``sentence_opener``: 近年来，…), into which no paragraph line runs on unpunctuated; a
    line with commas is only a deck directly under a headline. A line of a photo's caption or
    credit (``caption``: 图为…, … 摄) is none.
    """
    n = len(lines)
    candidates = [_text_ok(line) and not caption.search(line.text) for line in lines]
    # Marks balanced on each line, or across two that each leave one open (邮储银行推出“快递小 /
    # 哥专属信用贷”: a headline the column broke inside its quotation).
    is_balanced = [candidate and balanced(line.text) for candidate, line in zip(candidates, lines)]
    for i in range(n - 1):
        if (
            candidates[i] and candidates[i + 1] and not (is_balanced[i] or is_balanced[i + 1])
            and balanced(lines[i].text + lines[i + 1].text)
            # (a paragraph's 《title》 broken across its lines runs on into clauses)
            and not _TEXT_PUNCTUATION.search(lines[i].text + lines[i + 1].text)
        ):
            is_balanced[i] = is_balanced[i + 1] = True
    candidates = [candidate and is_balanced[i] for i, candidate in enumerate(candidates)]

    def after_break(i):
        if i == 0:
            return True
        previous = lines[i - 1]
        # (…信息如下： announces the lines under it: its list's rows, no headline)
        if caption.search(previous.text) and _PHOTO_CREDIT_END.search(previous.text):
            return True  # a photo's credit (… 摄) ends its caption
        return previous.kind in _BOUNDARY_KINDS or ends_sentence(previous.text) and not (
            previous.kind == "body" and previous.text.endswith(("：", ":"))
        )

    def odd_shape(i):
        before, after = columns[i]
        widest, narrowest = max(before, after), min(before or after, after or before)
        if not widest:
            return True
        line = lines[i]
        # lines of Chinese characters only have an exact width: wider than the column means no body line
        too_wide = _ONLY_WIDE.fullmatch(line.raw) is not None and line.width > widest + 0.75
        return line.width < 0.72 * widest or line.width > 1.3 * max(narrowest, 8) or too_wide

    def column_wide(k):
        return abs(lines[k].width - max(columns[k])) <= 1.0

    def few_or_ragged(i, end):
        """Lines i to end (excluded) are few, or no two in a row are as wide as the column: a
        paragraph's lines are, a stack of headlines (all a page's, grouped) is not."""
        return end - i <= _MAX_STACK or not any(column_wide(k) and column_wide(k + 1) for k in range(i, end - 1))

    def unfinished_stack(i):
        """Lines from i up to a story start or the page end, few or ragged, none ending a
        sentence. A byline on a line of its own starts a story too (a headline and deck over
        □本报记者 …)."""
        for j in range(i, min(n, i + _MAX_GROUPED_STACK)):
            if lines[j].kind != "body":
                starts = lines[j].kind in ("opener", "from", "label", "headline") or (
                    lines[j].kind == "closer" and not lines[j].attached and j > i
                )
                return starts and few_or_ragged(i, j)
            if not candidates[j]:
                return False
        return i + _MAX_GROUPED_STACK >= n and all(candidates[i:n]) and few_or_ragged(i, n)

    def over_deck_and_sentence(i):
        """Lines from i to a ——deck, a few, over a line opening a sentence (4月12日，…): headline
        lines stacked over a story that no credit opens (a photo's caption), which a paragraph's
        lines are not: no paragraph line starts with a dash over a sentence's opening words."""
        for j in range(i + 1, min(n - 1, i + _MAX_STACK)):
            if not candidates[j]:
                return False
            if SUBTITLE_DASHES.match(lines[j].text):
                return lines[j + 1].kind == "body" and sentence_opener.match(lines[j + 1].text.replace(" ", "")) is not None
        return False

    def next_is_start(i):
        return i + 1 >= n or lines[i + 1].kind in ("opener", "from", "label", "headline")

    def first_line_of_paragraph(i, strict=False):
        """About as wide as the full-width line that continues it (``strict``: indented by ~2 cells)."""
        if i + 2 >= n or lines[i].kind != "body" or lines[i + 1].kind != "body":
            return False
        if lines[i + 2].kind not in ("body", "closer"):
            return False
        column = columns[i][1]
        highest = column - 1.0 if strict else column + 0.5
        shaped = abs(lines[i + 1].width - column) <= 1.0 and column - 3.5 <= lines[i].width <= highest
        return shaped and reaches_sentence_end(i + 1)

    def reaches_sentence_end(i):
        """Body text from line i runs on to a sentence end (a stack of headlines does not)."""
        for j in range(i, min(n, i + _PARAGRAPH_LOOKAHEAD)):
            if lines[j].kind != "body":
                return False
            if ends_sentence(lines[j].text):
                return True
        return False

    def deck(i):
        """A comma-bearing line is a deck under a headline, never a paragraph's first line."""
        if i == 0 or lines[i - 1].kind != "headline" or is_justified(lines[i].raw):
            return False  # (a line spread to the column's width is running text)
        if i + 1 >= n or lines[i + 1].kind != "body":
            return True
        return abs(lines[i].width - lines[i + 1].width) > 2.5

    def over_sentence_start(i):
        """Under a headline, or a story's end (a credit, a "continued on" marker), or a column's
        label (简讯), over a line that opens a sentence: a headline's line."""
        if not 0 < i < n - 1 or lines[i - 1].kind not in ("headline", "closer", "to", "label") or lines[i + 1].kind != "body":
            return False
        below = lines[i + 1].text.replace(" ", "")
        # (or a quoted speech whole on its line: “外面冷，进来喝杯热水吧。”, a feature's first words)
        return sentence_opener.match(below) is not None or below[:1] == "“" and ends_sentence(below)

    def before_last_line(i):
        """As wide as the column above it, over a shorter line that ends a sentence: a paragraph's
        line before its last (纪检监察机关要积极履行 / 协助职责。), however wide the next story's column."""
        if i + 1 >= n or lines[i + 1].kind != "body" or not ends_sentence(lines[i + 1].text):
            return False
        before = columns[i][0]
        return bool(before) and abs(lines[i].width - before) <= 1.0 and lines[i + 1].width < lines[i].width

    # Blank lines part the page's text boxes (where they are no blank line after every line):
    # an unpunctuated line ending a box of headline lines is the headline's last line, however
    # wide (快递观察 / 别让快递柜“超时费”寒了用户心, then the text's box).
    box_sizes = Counter(line.box for line in lines)
    boxes_are_blocks = sum(box_sizes[line.box] > 1 for line in lines) * 2 > n

    def ends_headline_box(i):
        box = lines[i].box
        return (
            boxes_are_blocks and lines[i - 1].kind == "headline" and lines[i - 1].box == box
            and (i + 1 == n or lines[i + 1].box != box)
        )

    def under_leading_byline(i):
        """Right under a byline of its own line that a headline heads, over punctuated text
        (山里通了邮路 / 本报记者 梁明远 / 在青溪县东部的柏树 / 湾，每周…): the story's first
        line, however short. (A poem's lines under its title and credit are unpunctuated.)"""
        return (
            i >= 2 and lines[i - 1].kind == "closer" and not lines[i - 1].attached and lines[i - 2].kind == "headline"
            and i + 1 < n and lines[i + 1].kind == "body" and _TEXT_PUNCTUATION.search(lines[i + 1].text) is not None
        )

    # A person's name and a colon on a line of its own, over a headline's line over a byline: a
    # profile's headline in two lines (赵春梅： / 大山里的“流动网点” / 本报记者 …).
    for i in range(n - 2):
        if (
            lines[i].kind == "body" and _NAME_COLON_LINE.fullmatch(lines[i].text) and after_break(i)
            and candidates[i + 1] and not _has_clause_comma(lines[i + 1].text) and lines[i + 2].kind in ("closer", "opener")
        ):
            lines[i].kind = lines[i + 1].kind = "headline"

    # A question over a paragraph's indented first line or a letter's salutation (编辑同志：),
    # after a story's end, is a headline (乡村快递点能否延长营业时间？): elsewhere a question
    # ends a sentence of the text.
    for i in range(n - 1):
        line = lines[i]
        if (
            line.kind == "body" and line.text.endswith(QUESTION_MARKS) and not line.indented
            and 0 < line.width <= _MAX_HEADLINE_WIDTH and after_break(i)
            and (lines[i + 1].indented or _SALUTATION.fullmatch(lines[i + 1].text) is not None)
            and _HEADLINE_FORBIDDEN_SET.isdisjoint(line.text[:-1]) and balanced(line.text)
        ):
            line.kind = "headline"

    changed = True
    while changed:
        changed = False
        for i in range(n):
            if lines[i].kind != "body" or not candidates[i] or not after_break(i) or under_leading_byline(i):
                continue
            if (_has_clause_comma(lines[i].text) and not deck(i)) or before_last_line(i) and not over_sentence_start(i):
                continue
            dashed_deck = lines[i - 1].kind == "headline" and SUBTITLE_DASHES.match(lines[i].text) is not None
            # over a paragraph's indented first line, a line of its own (not a paragraph's first)
            over_indent = i + 1 < n and lines[i + 1].indented and not lines[i].indented
            deck_below = over_deck_and_sentence(i)
            boxed_line = ends_headline_box(i)
            # a notice's title after a story's end (…招聘启事, 关于…的通知), however wide
            notice_title = lines[i - 1].kind == "closer" and _NOTICE_TITLE.fullmatch(lines[i].text) is not None
            if first_line_of_paragraph(i) and not (
                over_sentence_start(i) or dashed_deck or over_indent or deck_below or boxed_line or notice_title
            ):
                continue  # (a ——deck under a headline is one, however wide: no paragraph opens so)
            if (
                over_sentence_start(i)
                or deck_below
                or i + 1 < n and _SALUTATION.fullmatch(lines[i + 1].text) is not None  # a letter's title
                or over_indent
                or odd_shape(i)
                or dashed_deck
                or boxed_line
                or notice_title
                or next_is_start(i)
                or (i + 1 < n and candidates[i + 1] and odd_shape(i + 1))
                or first_line_of_paragraph(i + 1, strict=True)  # the next line opens a paragraph
                or unfinished_stack(i)
            ):
                lines[i].kind = "headline"
                changed = True


@dataclass(frozen=True)
class HeadlineBlock:
    lines: tuple[str, ...]
    position: tuple[int, int]  # first and last page item of the run it came from (layout prior)
    kicker: str | None
    title: str
    subtitle: str | None

    @property
    def text(self) -> str:
        return "".join(self.lines)


def _is_subtitle_line(text: str, previous: str | None) -> bool:
    if SUBTITLE_DASHES.match(text):
        return True
    if previous is None:
        return False
    deck_like = "，" in text or "," in text or bool(re.search(r"\d", text))
    return deck_like and len(text) >= 1.3 * len(previous)


def _is_long_deck(text: str, title: str) -> bool:
    """A headline's second line that is a deck though no longer than a third more: both lines so
    long that together they would be thirty characters (…有了统一规范 / 相关行业标准将于7月1日起实施),
    the deck listing or giving figures; or two clauses side by side (可循环…超九成 电商快件…达八成)
    under a shorter title. Not a numbered section's heads (3.深耕“三个项目” / 4.抓好“四类产品”)."""
    if ENUMERATED.match(text) or ENUMERATED.match(title):
        return False
    clauses = text.split()
    if len(text) >= 1.3 * len(title) and len(clauses) >= 2 and min(map(len, clauses)) >= _MIN_DECK_CLAUSE_CHARS:
        return True
    return bool(_DECK_MARKS.search(text)) and len(text) >= _MIN_DECK_CHARS and len(title) >= _MIN_DECKED_TITLE_CHARS


def _wrapped_in_narrow_column(texts: list[str]) -> bool:
    """Whether headline lines are one title set in a narrow column: lines of a few characters
    filling the same width, the last no longer, none a deck or ending a phrase with a mark."""
    widths = [len(text) for text in texts]
    return (
        widths[0] == widths[1] >= widths[-1] and widths[0] <= _MAX_NARROW_COLUMN_CHARS
        and all(CJK_RUN.fullmatch(text) for text in texts)
    )


def _runs_on(first: str) -> bool:
    """Whether headline line ``first`` breaks off inside a phrase the next line goes on with: it
    ends in a modifier or a preposition (广西首个县级 / 跨境…, 让 / …), as no kicker does."""
    return first.endswith(_DANGLING_ENDS)


def _continues_deck(deck: str, text: str) -> bool:
    """``text`` is the rest of a ``——`` deck the column wrapped: shorter, no dash, no kicker's colon."""
    return (
        SUBTITLE_DASHES.match(deck) is not None and len(deck) >= _MIN_WRAPPED_DECK_CHARS
        and SUBTITLE_DASHES.match(text) is None and len(text) < len(deck) and not text.endswith(("：", ":"))
    )


def _is_parallel_slogan(text: str) -> bool:
    """Phrases of one length side by side (聚焦主业 提质增效, 守初心 担使命): a kicker's form."""
    phrases = text.split()
    return len(phrases) >= 2 and len({len(p) for p in phrases}) == 1 and all(
        _SLOGAN_PHRASE.fullmatch(p) for p in phrases
    )


def _is_two_phrase_line(text: str) -> bool:
    """Two phrases of Chinese set apart by a space, a kicker's form however long each is."""
    phrases = text.split()
    return len(phrases) == 2 and all(_KICKER_PHRASE.fullmatch(p) for p in phrases)


class StoryEvidence(Protocol):
    """What the words of a page's stories say about its headline lines (assign.HeadlineScorer)."""

    def same_story(self, a: str, b: str) -> bool: ...

    def leaning_story(self, text: str) -> int | None: ...

    def sides_with_next(self, previous: str, text: str, following: str) -> bool: ...

    def runs_across(self, first: str, second: str) -> bool: ...


class HeadlineParser:
    def __init__(self, kicker_suffixes: tuple[str, ...]):
        self.kicker_suffixes = kicker_suffixes

    def is_kicker_line(self, text: str) -> bool:
        """A short line ending in a colon, or naming a unit (邮储银行湖南省分行) or a place over its title."""
        bare = text.rstrip("：:")
        if _NAME_COLON_LINE.fullmatch(text):
            return False
        if text.endswith(("：", ":")):
            return len(bare) <= (_MAX_UNIT_KICKER_CHARS if _COLON_KICKER.fullmatch(text) else _MAX_KICKER_CHARS)
        # (陕西汉中：邮政网点 over 变身“便民驿站”: a title's first line, its place before a colon)
        return (
            len(bare) <= _MAX_UNIT_KICKER_CHARS and bare.endswith(self.kicker_suffixes) and not _INNER_COLON.search(bare)
            or _PLACE_CHAIN.fullmatch(text) is not None
        )

    def roles(
        self, texts: list[str], runs_across: Callable[[str, str], bool] = lambda first, second: False
    ) -> tuple[str | None, str, str | None]:
        """(kicker, title, subtitle) of a block of 1-3 lines; ``runs_across``: whether the story
        text goes on over the break between two lines (see assign.runs_across)."""
        kicker, title, subtitle = self._roles(_quotations_whole([BULLET.sub("", text) for text in texts]), runs_across)
        return (*column_kicker(title), subtitle) if kicker is None else (kicker, title, subtitle)

    def _roles(self, texts: list[str], runs_across: Callable[[str, str], bool]) -> tuple[str | None, str, str | None]:
        if len(texts) >= 2 and ENGLISH_TITLE.fullmatch(texts[-1]) and not ENGLISH_TITLE.fullmatch(texts[-2]):
            kicker, title, _ = self._roles(texts[:-1], runs_across)  # the English title under the Chinese: a deck
            return kicker, title, texts[-1]
        if len(texts) == 3 and _wrapped_in_narrow_column(texts) and not self.is_kicker_line(texts[0]):
            return None, " ".join(texts), None  # 雪线之上 / 祖孙三代 / 守邮路: one title, three lines of a column
        if len(texts) >= 3:
            kicker, title, last = texts[0].rstrip("：:"), texts[1:-1], texts[-1]
            if _runs_on(texts[0]):  # a title the column wrapped, under no kicker (广西首个县级 / …)
                kicker, title = None, texts[:2]
            if not SUBTITLE_DASHES.match(last) and not _is_subtitle_line(last, title[-1]) and len(last) < len(title[-1]):
                return kicker, " ".join([*title, last]), None  # the title's end the column wrapped (突破 / 千亿元)
            return kicker, " ".join(title), SUBTITLE_DASHES.sub("", last)
        if len(texts) == 2:
            first, second = texts
            if _NAME_COLON_LINE.fullmatch(first):
                return None, first + second, None
            column, rest = column_kicker(first)
            if column and len(second) < len(rest) and second[:1] not in _BRACKET_OPENERS and not SUBTITLE_DASHES.match(second) \
                    and not _is_subtitle_line(second, rest):
                return column, f"{rest} {second}", None  # 【浙江】湖州邮政“共富班车” / 开进竹乡: the column's name leads it
            if (_runs_on(first) or second.startswith(_DANGLING_STARTS)) and not _is_subtitle_line(second, first):
                return None, f"{first} {second}", None  # 广西首个县级 / 跨境寄递服务中心启用
            if self.is_kicker_line(first) or _SERIES_NUMBER.search(first):  # (聚焦新就业群体①: a series' name)
                return first.rstrip("：:"), second, None
            if first.startswith(_KICKER_OPENERS) and not second.startswith(_KICKER_OPENERS):
                return first, second, None  # 聚焦秋季农产品寄递旺季 over 邮政“秋收”寄递保障全面启动
            if _is_two_phrase_line(first) and len(second.split()) == 1:
                return first, second, None  # 产地直发 次日达周边省会 over 寻乌脐橙搭上“快递专列”
            if _is_subtitle_line(second, first) or _is_long_deck(second, first) or UNIT_NOTE.match(second):
                # (单位：万元 under a table's title too)
                return None, first, SUBTITLE_DASHES.sub("", second)
            if _is_parallel_slogan(first) and not _is_parallel_slogan(second) and len(second) > len(first):
                return first, second, None  # 聚焦主业 提质增效 over the title it introduces
            if len(first) >= 1.5 * len(second) and (ENUMERATED.match(second) or not runs_across(first, second)):
                return first, second, None  # a long over-line above a short catchy title
            if 2 <= len(first) <= _MAX_SHORT_KICKER_CHARS and len(second) >= 1.6 * len(first):
                # a column's or series' name over its title (最美邮路人 / 三十年守护一条高山邮路): a
                # title the column wrapped fills its first line
                return first, second, None
            return None, f"{first} {second}", None
        return None, texts[0], None

    def split_run(self, texts: list[str], position: tuple[int, int], evidence: StoryEvidence) -> list[HeadlineBlock]:
        """Cut a run of consecutive headline lines into blocks of 1-3 lines.

        A kicker opens a block and takes the next line as its title; a deck (subtitle) joins
        the block above it; two plain title lines stay together only if their content does
        not point to different stories, and unless the second sides with the line after it
        against the first; a third joins them when its words lean to the story theirs do.
        """
        groups: list[list[str]] = []
        for index, text in enumerate(texts):
            current = groups[-1] if groups else None
            following = texts[index + 1] if index + 1 < len(texts) else None
            if current is not None and _continues_deck(current[-1], text) and evidence.same_story(current[-1], text):
                current[-1] += text  # a deck wrapped over two lines (——记…邮政 / 投递员…), a block's third too
            elif current is not None and ENGLISH_TITLE.fullmatch(text):
                # a bilingual page's English title under the Chinese one (wrapped over lines too): its deck
                if ENGLISH_TITLE.fullmatch(current[-1]):
                    current[-1] += " " + text
                else:
                    current.append(text)
            elif current is not None and len(current) == 2 and not self.is_kicker_line(text) and self._ends_block(
                current, text, following, evidence
            ):
                current.append(text)
            elif current is None or len(current) >= 3 or self.is_kicker_line(text):
                groups.append([text])
            elif len(current) == 1 and self.is_kicker_line(current[0]):
                current.append(text)
            elif _is_subtitle_line(text, current[-1]):
                current.append(text)
            elif len(current) >= 2 or not evidence.same_story(current[-1], text) or (
                following is not None and evidence.sides_with_next(current[-1], text, following)
            ):
                groups.append([text])
            else:
                current.append(text)
        return [self.block(group, position, evidence.runs_across) for group in groups]

    @staticmethod
    def _ends_block(current: list[str], text: str, following: str | None, evidence: StoryEvidence) -> bool:
        """Whether ``text`` is the third line of the block of two lines ``current``: its words
        lean to the story theirs do; or it ends the run, shorter than the line above, leaning to
        no other story (the title's end the column wrapped, or its deck: 聚焦春耕备耕 / 遵义邮政
        “农资直通车” / 开进田间地头)."""
        story, group_story = evidence.leaning_story(text), evidence.leaning_story("".join(current))
        if story is not None and story == group_story:
            return True
        return (
            following is None and len(text) < len(current[-1]) and (story is None or group_story is None)
            and SUBTITLE_DASHES.match(current[-1]) is None  # (a ——deck's rest joins the deck: _continues_deck)
        )

    def block(
        self, texts: list[str] | tuple[str, ...], position: tuple[int, int], runs_across: Callable[[str, str], bool]
    ) -> HeadlineBlock:
        """A block of 1-3 headline lines with its kicker, title and subtitle."""
        return HeadlineBlock(tuple(texts), position, *self.roles(list(texts), runs_across))

