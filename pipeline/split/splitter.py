"""Stage 3: a page of text into stories, each with its own headline and bylines.

Columns printed side by side are first read one after another (columns.py). Two layouts:
an article (one paragraph per line: title, meta lines, body) stays one story; a newspaper
page extracted from PDF (short broken lines) is reflowed, cut into stories and its headline
blocks are attached to stories by content.
"""

import re
from dataclasses import dataclass

from pipeline.split.assign import (
    ADJACENCY_BONUS, CONFIDENT_SCORE, CREDITED_UNDER_BONUS, MIN_SCORE, HeadlineScorer, assign, runs_across,
)
from pipeline.split.columns import unfold_columns
from pipeline.split.headlines import (
    BULLET, DOCUMENT_TYPES, ENGLISH_TITLE, ENUMERATED, SUBTITLE_DASHES, HeadlineBlock, HeadlineParser, column_kicker,
    mark_headlines,
)
from pipeline.split.reflow import (
    CJK_RUN,
    HEADLINE_FORBIDDEN,
    build_paragraphs,
    column_widths,
    despace,
    ends_sentence,
    join_lines,
    width,
)
from pipeline.split.rules import Rules
from pipeline.split.runon import unfold_run_on_head
from pipeline.split.segment import (
    MAX_MASTHEAD_CHARS, PAGE_NAME_AND_FOLIO, SPEAKER_LINE, SPEECH_TITLE, Segment, bigram_idf, char_bigrams,
    classify_lines, cosine, segment_page, split_byline,
)

HEADING_WIDTH_SHARE = 0.6  # an article's headings and labels against its paragraphs, median widths
ARTICLE_LINE_WIDTH = 48  # PDF columns are 10-35 cells wide; article paragraphs are far longer
WRAPPED_LINE_SHARE = 0.8  # a line a fixed width wrapped is nearly as wide as the widest wrapped line
_CLAUSE_MARK = re.compile("[，、；：,;]")  # a paragraph's line has a clause in it, a headline's none
COHESION_THRESHOLD = 0.05  # text on both sides of a headline run this similar: a section head
# (or a forum's repost marked so before it: 【转】…, [转载]…)
_ORIGINAL_TITLE = re.compile(r"^(?:原标题|原题)\s*[:：]|^[【\[](?:转|转载|转帖|转发)[】\]]")
_META = re.compile(
    # (记者从…获悉, 记者近日走访: a lead's reporter, no credit)
    r"(作者|来源|发布时间|发布日期|更新时间|记者(?!从|在|近日|日前|了解|获悉|走访|采访|来到|看到|注意到|发现|调查|随|跟随)|通讯员|编辑|日期)\s*[:：]?|(?:发布|发稿)(?:单位|机构)\s*[:：]|(?:时间|转自|转载自)\s*[:：]|\d{4}-\d{1,2}-\d{1,2}"
    r"|(?:^|\s)(?:文|图|撰文|撰稿|文字|图片|摄影|文\s*[·・/／]\s*图|图\s*文)\s*[/／｜|:：]"  # 文/王芳 图｜李明
    r"|^\s*□\s*[\u4e00-\u9fff]"  # □王娟 under a headline
    r"|(?:^|\s)[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}\s*[/／]\s*(?:文|图|摄影|摄)(?:\s|$)"  # 王芳/文 李明/图
)
_MAX_TITLE_WIDTH = 60
_MAX_HEADLINE_LINES = 3  # kicker, title, deck
MIN_CUT_HEADLINE_CHARS = 6  # each part of a block cut in two (see _split_merged_blocks)
MIN_VERSE_LINES = 2  # headline-like lines heading no story, in a row: text (a poem's), kept
SHARED_CUT_CROSS_SHARE = 0.5  # a segment cut in two: each headline's score on the other part, at most
_MAX_META_WIDTH = 120
_PARAGRAPH_INDENT = "\u3000\u3000"
_DATE_LINE = re.compile(
    r"(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)"
    r"\s*(?:[（(]?星期.[）)]?)?"  # 2024年3月15日（星期五）
)
_DATED_FIELDS = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[^\s，。；！？,;!?]{2,12}){0,2}"
    # the account's name before it, then the time too (a WeChat article's: 杭州生活圈 2025年5月20日 18:30 浙江)
    r"|[^\s，。；！？,;!?\d]{2,12}\s+\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?:\s+[^\s，。；！？,;!?]{2,12})?"
    # or the paper and the date alone (甘肃经济日报　2024年3月28日)
    r"|[^\s，。；！？,;!?\d]{2,12}\s+\d{4}年\d{1,2}月\d{1,2}日"
)
# A web headline may exclaim or ask (毕业季寄行李不用愁！杭州高校…): over a meta line, a short
# line with no other sentence mark is the title.
_EXCLAIMED_TITLE = re.compile(r"[^。；;]{4,40}")
# a site's closing block: 记者, 通讯员, 摄影, 编辑, then 二审 and 三审 (its three reviews), a line each
_MAX_CLOSING_BYLINES = 8
_PUBLISHED_LINE = re.compile(r"(?:发布|更新)(?:日期|时间)[:：][^，。；！？]{2,24}")
_MAX_SIGNATURE_LINES = 4  # an issuer, 完, the date, the time of issue
# metadata lines under a title: the date and source, then the writer, photographer, editor, reviewer
_MAX_META_LINES = 5
_NOTICE_TITLES = ("更正", "启事", "声明", "致歉")  # a notice's whole title (a correction at a page's foot)
_CLAUSE_PUNCTUATION = re.compile("[，。；！？,;!?]")
_EDITORS_NOTE = re.compile(r"[【\[［]?\s*编者(?:按|的话)\s*[】\]］]?\s*[:：]?")
_ATTACHMENT_LABEL = re.compile(r"附\s*件\s*(?:[（(][^（）()]{1,12}[）)])?\s*[:：]")  # (附件（见压缩包）：)
_NUMBERED_ATTACHMENT = re.compile(r"附\s*件\s*\d{1,2}\s*[:：]")  # 附件1：…, an item, the list's first too
_ATTACHMENT_ITEM = re.compile(r"(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]).{2,80}$|.{2,80}\.(?:docx?|xlsx?|pdf|wps|zip|rar|pptx?)$", re.I)
_SENTENCE_MARK = re.compile("[。！？]")
_MAX_ATTACHMENT_LINES = 12
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|[①-⑳]")  # a note's marker leading its line
_MAX_FOOTNOTES = 9
_DATELINE_PLACE = re.compile(r"[，,]\s*[\u4e00-\u9fff]{2,6}$")
_DOCUMENT_TYPE = re.compile(DOCUMENT_TYPES)
_NOTES_LABEL = re.compile(r"[【\[［]?(?:注释|注|参考文献|尾注|脚注)[】\]］]?\s*[:：]?")
_ISSUE_LINE = re.compile(r"(?:\d{4}年)?第\d{1,6}期(?:[（(]总第\d{1,6}期[）)])?")
_RULE_LINE = re.compile(r"^[ \t\u3000]*[=＝_＿~～*＊\-—－─━═·•]{3,}[ \t\u3000]*$", re.MULTILINE)
# A mark no paragraph opens with (a pause comma, a column rule read as a bar) set apart before
# a line's characters where the line above ended a sentence: an OCR'd page's speck (、 沧州邮政…,
# | 秦皇岛邮政…). (Inside a paragraph a line may open with 、 where the extractor wraps without
# the rule that keeps it off a line's start; a table's row opens with its bar.)
_STRAY_LINE_MARK = re.compile(r"[ \t]*[、|｜][ \t]+(?=[\u4e00-\u9fff])")
_SENTENCE_ENDED = re.compile(r"[。！？!?][”’」』）)]?[ \t]*$")
# A line whose every character is printed twice (建建德德市市支支行行): a PDF's fake bold,
# each glyph drawn twice over itself; six pairs at least (高高兴兴快快乐乐 is text's own).
_DOUBLED_LINE = re.compile(r"^(?:([^\s])\1){6,}$", re.M)
_CAPTION_CREDIT_END = re.compile(r"[。！？”]\s*(?:[\u4e00-\u9fff]{0,4}记者\s*)?[\u4e00-\u9fff]{2,4}\s*摄$")


@dataclass(frozen=True)
class StoryParts:
    body: str  # paragraphs separated by "\n"
    title: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    bylines: tuple[str, ...] = ()  # byline / source / date lines, as found
    is_continuation: bool = False
    is_photo: bool = False


@dataclass(frozen=True)
class SplitPage:
    stories: tuple[StoryParts, ...]
    repairs: tuple[str, ...] = ()


def _without_stray_marks(text: str) -> str:
    """``text`` without the specks _STRAY_LINE_MARK describes."""
    if "、" not in text and "|" not in text and "｜" not in text:
        return text
    lines = text.split("\n")
    previous = ""
    for index, line in enumerate(lines):
        speck = _STRAY_LINE_MARK.match(line)
        rest = line[speck.end():] if speck else ""
        if speck and _SENTENCE_ENDED.search(previous) and "|" not in rest and "｜" not in rest:
            lines[index] = rest
        if line.strip():
            previous = line
    return "\n".join(lines)


class Splitter:
    def __init__(self) -> None:
        self.rules = Rules.load()
        self.headline_parser = HeadlineParser(self.rules.kicker_suffixes)

    def split(self, text: str, paragraph_lines: bool = False) -> SplitPage:
        """The stories of ``text``, as its layout says; ``paragraph_lines``: each line is a
        paragraph or a heading (an HTML page's blocks), short lines too (a table's rows, a list's
        items), never a column's printed line."""
        text = _without_stray_marks(text)
        single, doubled = _DOUBLED_LINE.subn(lambda line: line.group()[::2], text)
        if doubled:  # a headline in fake bold, each glyph printed twice: each character once
            page = self.split(single, paragraph_lines)
            return SplitPage(page.stories, ("doubled_characters_undoubled", *page.repairs))
        run_on = unfold_run_on_head(text)
        if run_on is not None:  # a web article's text that lost its line breaks
            page = self.split_article(run_on)
            return SplitPage(page.stories, ("run_on_head_unfolded", *page.repairs))
        unfolded = None if paragraph_lines else unfold_columns(text)  # (a table's cells apart by tabs are no columns)
        if unfolded is None:
            return self._split_layout(text, paragraph_lines)
        page = self._split_layout(unfolded)
        return SplitPage(page.stories, ("columns_unfolded", *page.repairs))

    def _split_layout(self, text: str, paragraph_lines: bool = False) -> SplitPage:
        raw_lines = _nonblank_lines(text)
        if not raw_lines:
            return SplitPage(())
        if paragraph_lines or _is_article(raw_lines) or _is_indented(text):
            text = _RULE_LINE.sub("", text)  # a rule under a title or between items: no text, a gap
            lines, after_blank = _nonblank_lines(text), _after_blank_lines(text)
            if not paragraph_lines:
                lines, after_blank = _wrapped_lines_joined(lines, after_blank)
            return self._split_articles(lines, after_blank)
        return self._split_page(text)

    def split_article(self, text: str) -> SplitPage:
        """A text known to be one article (a feed's entry), whatever its line widths."""
        lines = [despace(line) for line in _nonblank_lines(text)]
        return self._split_article(lines) if lines else SplitPage(())

    # -- articles -------------------------------------------------------------------------

    def _split_articles(self, raw_lines: list[str], after_blank: list[bool]) -> SplitPage:
        """Text of one paragraph per line: one article, or several one after another (a paper's
        stories as its e-paper site gives their text, a digest of releases). ``after_blank``:
        which lines follow a blank line."""
        lines, after_blank = self._page_breaks_closed([despace(line) for line in raw_lines], after_blank)
        # Blank lines between some paragraphs only (half at most) may separate articles.
        separated = after_blank if sum(after_blank) <= (len(lines) - 1) / 2 else [False] * len(lines)
        # (footnotes closing the text are no article's start: the last article keeps them)
        noted = len(lines) - _footnotes_length(lines)
        starts, weak = self._article_starts(lines[:noted], separated)
        # Blank lines alone never show that a text holds several articles: another cue must.
        starts = [0] if weak >= set(starts[1:]) else _without_section_heads(lines, starts, weak)
        # A head with no text under it (a signature: the issuer, the date, a contact line) starts none.
        ends = [*starts[1:], noted]
        starts = [
            begin for index, (begin, end) in enumerate(zip(starts, ends)) if not index or self._holds_text(lines[begin + 1:end])
        ]
        if len(starts) == 1:
            return self._split_article(lines)
        stories = []
        for begin, end in zip(starts, [*starts[1:], len(lines)]):
            stories += self._split_article(lines[begin:end], headline_block=True).stories
        return SplitPage(tuple(stories))

    def _holds_text(self, lines: list[str]) -> bool:
        """Whether ``lines`` hold a line besides fields and page furniture: one with a sentence in
        it (a photo's caption closed by its credit is text), or no field line."""
        return any(
            _SENTENCE_MARK.search(line)
            or not self._is_meta_line(line) and not self.rules.furniture.search(line.replace(" ", ""))
            for line in lines
        )

    def _page_breaks_closed(self, lines: list[str], after_blank: list[bool]) -> tuple[list[str], list[bool]]:
        """``lines`` (and ``after_blank``) without the page's running head or foot where it
        stands inside a paragraph a page break cut (a PDF saved as text: 中国邮政报 / 综合新闻 3
        between 车间 and 实行“三班倒”), the paragraph's two parts joined."""
        out: list[str] = []
        out_blank: list[bool] = []
        index = 0
        while index < len(lines):
            end = index
            while end < len(lines) and self._page_head_line(lines[end], after_head=end > index):
                end += 1
            if (
                index < end < len(lines) and out and not ends_sentence(out[-1])
                and not any(self._is_title_line(line) for line in (out[-1], lines[end]))
                and not self._is_meta_line(out[-1])  # (a signature's date over a contact line: no paragraph cut)
            ):
                out[-1] = join_lines([out[-1], lines[end]])
                index = end + 1
                continue
            out.append(lines[index])
            out_blank.append(after_blank[index])
            index += 1
        return out, out_blank

    def _page_head_line(self, line: str, after_head: bool) -> bool:
        """Page furniture, or a page's name and folio under a line of it (综合新闻 3)."""
        compact = line.replace(" ", "")
        return self._page_foot(line) or _DATE_LINE.fullmatch(line.strip()) is not None or (
            after_head and PAGE_NAME_AND_FOLIO.fullmatch(compact) is not None
        )

    def _article_starts(self, lines: list[str], separated: list[bool]) -> tuple[list[int], set[int]]:
        """Where each article of the text starts, and which of those starts rest on a blank line
        alone. A later article starts with a dateline opener (本报讯, 新华社…电, （上接第1版）) or
        with headline lines over a meta line (来源：…, 记者 …), each after a paragraph that ends
        a sentence or a credit; or with headline lines after a closing credit (□王娟, （记者 张三）,
        （下转第2版）) or ``separated`` (by a blank line) from a paragraph ending a sentence.
        Short lines between paragraphs alone are section heads."""
        starts, weak = [0], set()
        has_body = False  # the current article has a paragraph of text
        for index, line in enumerate(lines):
            found = self._article_start(lines, index, starts[-1], separated[index]) if has_body else None
            if found is not None:
                starts.append(found[0])
                if found[1]:
                    weak.add(found[0])
                has_body = False
            has_body = has_body or (index > starts[-1] and _is_paragraph(line))
        return starts, weak

    def _article_start(self, lines: list[str], index: int, current: int, separated: bool) -> tuple[int, bool] | None:
        """(start, whether a blank line alone marks it) of an article whose first line or
        headline is at ``index``; None if none starts there."""
        line = lines[index]
        opens = self._opens_article(line)
        if opens or self._is_meta_line(line):
            # Over a meta line, the weaker cue, a headline line has no comma (a list's items,
            # short clauses, read as title lines too, have them).
            headline = self._is_headline_line if opens else self._is_uncut_headline_line
            start = index
            while start - 1 > current and index - start < _MAX_HEADLINE_LINES and headline(lines[start - 1]):
                start -= 1
            if start == index and not opens:
                return None  # a meta line without a headline above it: the article's own
            below = lines[index + 1 : index + 1 + _MAX_HEADLINE_LINES]
            if not opens and not any(_is_paragraph(under) for under in below):
                return None  # no text under it: a signature (the issuer over the date), not a head
            ends = ends_sentence(lines[start - 1]) or self._closes_article(lines[start - 1])
            return (start, False) if ends else None
        if self._is_title_line(line) and any(
            _is_paragraph(below) for below in lines[index + 1 : index + 1 + _MAX_HEADLINE_LINES]
        ):
            if self._closes_article(lines[index - 1]):
                return index, False
            if separated and ends_sentence(lines[index - 1]):
                # An opener or meta line under the headline is the stronger cue.
                below = lines[index + 1 : index + 1 + _MAX_HEADLINE_LINES]
                return index, not any(self._opens_article(line) or self._is_meta_line(line) for line in below)
            if (
                ends_sentence(lines[index - 1]) and index + 2 < len(lines) and self._is_title_line(lines[index + 1])
                and _is_paragraph(lines[index + 2])
                and not any(
                    ENUMERATED.match(head) or _CLAUSE_MARK.search(head) or self._closes_article(head)
                    for head in lines[index:index + 2]
                )
            ):
                # A kicker over a title (服务乡村振兴 / 邮储银行推出…), no section's head of one
                # line: as weak a cue as a blank line, kept where the text on both sides differs.
                return index, True
            if ends_sentence(lines[index - 1]) and "".join(line.split()) in (*self.rules.section_labels, *_NOTICE_TITLES):
                return index, True  # a column's label or a notice's title (更正) over its text: as weak
        return None

    def _is_uncut_headline_line(self, line: str) -> bool:
        return self._is_headline_line(line) and not any(comma in line for comma in "，,")

    def _opens_article(self, line: str) -> bool:
        """A dateline opener (本报讯) or a "continued from" marker (（上接第1版）) leads the line."""
        compact = line.replace(" ", "")
        return bool(self.rules.opener.match(compact) or self.rules.continued_from.match(compact))

    def _page_foot(self, line: str) -> bool:
        """Page furniture, not a credit or date the article closes with (编辑：…, a signature's date)."""
        return (
            self.rules.furniture.search(line.replace(" ", "")) is not None
            and not _DATE_LINE.search(line) and split_byline(line, self.rules) is None
        )

    def _closes_article(self, line: str) -> bool:
        """A credit line of its own (□李明), or a "continued on" marker or end mark ending the line,
        or a photo's credit ending its caption (…进行分拣。 晚报记者 王睿 摄)."""
        closing = split_byline(line, self.rules)  # (alone, or closing a paragraph: …消费需求。□郑航)
        return closing is not None and (not closing[0] or ends_sentence(closing[0])) or bool(
            self.rules.continued_to.search(line)
        ) or (
            _CAPTION_CREDIT_END.search(line) is not None
        )

    def _split_article(self, lines: list[str], headline_block: bool = False) -> SplitPage:
        """One article of despaced ``lines``; ``headline_block``: its headline may be a block of
        up to three lines (kicker, title, deck), as the stories of a page have."""
        lines = list(lines)  # popped below; the caller's list stays whole
        while len(lines) > 1 and len(lines[0]) <= 4 and not CJK_RUN.search(lines[0]):
            lines.pop(0)  # leftover list numbering or symbols above the title (`1.`)
        title = subtitle = kicker = None
        bylines: list[str] = []
        if len(lines) > 2 and _ORIGINAL_TITLE.match(lines[0]):
            lines.pop(0)  # 原标题：…, the title a reposted article first had, over its own: no field holds it
        # The page's or the article's date line (2024年6月12日 星期三) above the headline, or a
        # page header's (中国邮政报 2024年6月14日 第2版); in a page's headline block, also one with
        # more words (a folio line).
        while len(lines) > 1 and (
            self.rules.furniture.search(lines[0].replace(" ", ""))  # (the paper's name alone over the date too)
            or _DATE_LINE.search(lines[0])
            and (self._is_meta_line(lines[0]) or headline_block and self._is_headline_line(lines[0]))
            # a bulletin's name over its issue's number (邮政行业简讯 / 2024年第23期（总第418期）)
            or len(lines) > 2 and _ISSUE_LINE.fullmatch(lines[1].replace(" ", "")) and self._is_title_line(lines[0])
            # a paper's name the suffix list lacks over its masthead's other furniture (顺捷物流报 /
            # SHUNJIE LOGISTICS): a date alone under a short name is an article's title's
            or len(lines) > 2 and len(lines[0]) <= MAX_MASTHEAD_CHARS and CJK_RUN.fullmatch(lines[0]) is not None
            and self.rules.furniture.search(lines[1].replace(" ", "")) is not None and not _DATE_LINE.fullmatch(lines[1])
            # the page's name and folio under its other furniture (中国邮政报 / 综合新闻 3)
            or bylines and len(lines) > 2 and PAGE_NAME_AND_FOLIO.fullmatch(lines[0].replace(" ", "")) is not None
            # a section's or a document type's label over the title (要闻, a press office's 新 闻 稿;
            # a work app's 公告 over 关于…的通知)
            or len(lines) > 2 and (
                "".join(lines[0].split()) in self.rules.section_labels
                or _DOCUMENT_TYPE.fullmatch(lines[0].strip()) is not None and lines[1].startswith("关于")
            ) and self._is_title_line(lines[1])
            # and the issuer's name over that label (中国邮政集团有限公司某省分公司 / 新 闻 通 稿)
            or len(lines) > 3 and CJK_RUN.fullmatch(lines[0]) is not None
            and "".join(lines[1].split()) in self.rules.section_labels and self._is_title_line(lines[2])
        ):
            bylines.append(lines.pop(0))
        # An editor's note over the headline (【编者按】…, a series' introduction): the story's
        # first paragraph, under its headline and fields.
        note = lines.pop(0) if (
            len(lines) > 3 and _EDITORS_NOTE.match(lines[0]) and self._is_title_line(lines[1])
            and (self._is_meta_line(lines[2]) or SUBTITLE_DASHES.match(lines[2]))
        ) else None
        first = BULLET.sub("", lines[0])
        if headline_block:
            count = 0
            while count < min(_MAX_HEADLINE_LINES, len(lines) - 1) and self._is_headline_line(lines[count]) and not (
                count and _DATE_LINE.search(lines[count]) and self._is_meta_line(lines[count])  # a dated field line
            ):
                count += 1
            if count:
                text = lines[count:]
                kicker, title, subtitle = self.headline_parser.roles(
                    lines[:count], lambda first, second: runs_across(first, second, text)
                )
                lines = text
        elif len(lines) > 1 and (
            self._is_title_line(first)
            or len(lines) > 2 and _EXCLAIMED_TITLE.fullmatch(first) is not None and (
                self._is_meta_line(lines[1])
                # (or its deck between: 山里的快递怎么走通？ / ——…调查 / 来源：…)
                or len(lines) > 3 and SUBTITLE_DASHES.match(lines[1]) is not None and self._is_meta_line(lines[2])
            )
        ):
            if self._stacked_headline_lines(lines):  # 从“马背邮路”到“无人机投递” / 帕米尔高原上的邮路之变 / ——…
                text = lines[_MAX_HEADLINE_LINES:]
                kicker, title, subtitle = self.headline_parser.roles(
                    lines[:_MAX_HEADLINE_LINES], lambda first, second: runs_across(first, second, text)
                )
                lines = text
            else:
                kicker, title = column_kicker(first)
                lines = lines[1:]
            if subtitle is None and len(lines) > 1 and SUBTITLE_DASHES.match(lines[0]):
                subtitle, lines = SUBTITLE_DASHES.sub("", lines[0]), lines[1:]
            elif subtitle is None and len(lines) > 2 and ENGLISH_TITLE.fullmatch(lines[0]) and self._is_meta_line(lines[1]):
                subtitle, lines = lines[0], lines[1:]  # a bilingual page's title in English, over the fields
        if title is not None and len(lines) > 1 and "".join(lines[0].split()) == "".join(title.split()):
            lines.pop(0)  # the headline again (an e-mail's subject over its text's own headline)
        meta_lines = 0
        # (a speech's speaker among them: 某省邮政管理局党组书记、局长　段志刚)
        speech = title is not None and SPEECH_TITLE.search(title) is not None
        while len(lines) > 1 and meta_lines < _MAX_META_LINES and (
            self._is_meta_line(lines[0]) or _ORIGINAL_TITLE.match(lines[0]) or speech and SPEAKER_LINE.fullmatch(lines[0])
            or meta_lines and self.rules.furniture.search(lines[0].replace(" ", ""))  # (发送范围：… among them)
            # the publisher's or account's name on a line of its own over the date (河南商报 / 2024-03-08 10:12)
            or len(lines) > 2 and len(lines[0]) <= MAX_MASTHEAD_CHARS and CJK_RUN.fullmatch(lines[0]) is not None
            and _DATE_LINE.search(lines[1]) is not None and self._is_meta_line(lines[1])
        ):
            line = lines.pop(0)  # (原标题：… among the meta lines, as above the title: no field holds it)
            meta_lines += 1
            if not _ORIGINAL_TITLE.match(line):
                bylines.append(line)
        if note:
            lines.insert(0, note)
        continued = self.rules.continued_from.match(lines[0])  # （上接第1版）: the rest of a story
        if continued and len(lines[0]) > continued.end():
            lines[0] = lines[0][continued.end() :].lstrip()
        elif continued and len(lines) > 1:
            lines.pop(0)
        closing_bylines = []  # credit lines closing the article (文/… 图/…, then 编辑：… 审核：…)
        while len(lines) > 1 and self._page_foot(lines[-1]):
            lines.pop()  # the page's foot under its last story (订报热线：…)
        while lines:
            # （完）, （下转第2版）: no text of the story; credit lines may stand on either side
            end_mark = self.rules.continued_to.search(lines[-1])
            if end_mark and (end_mark.start() > 0 or len(lines) > 1):
                rest = lines[-1][: end_mark.start()].rstrip()
                lines[-1:] = [rest] if rest else []
                continue
            if len(closing_bylines) == _MAX_CLOSING_BYLINES:
                break
            alone = len(lines) == 1  # the text's one paragraph: only a credit at its end comes off (a brief's)
            if not alone and (_PUBLISHED_LINE.fullmatch(lines[-1].replace(" ", "")) or (  # 发布日期：… under a web article
                _DATE_LINE.fullmatch(lines[-1]) and _is_credit_line(split_byline(lines[-2], self.rules))
            )):  # (or the date alone under credits: 来源：某日报 / 2023年11月13日; a notice's issuer is no credit)
                closing_bylines.insert(0, lines.pop())
                continue
            closing = split_byline(lines[-1], self.rules)
            if closing is None or alone and not closing[0]:
                break
            rest, byline = closing
            lines[-1:] = [rest] if rest else []
            closing_bylines.insert(0, byline.text)
        bylines += closing_bylines
        noted = len(lines) - _footnotes_length(lines)  # notes the text refers to ([1] 数据来源：…), under its signature
        footnotes = lines[noted:]
        del lines[noted:]
        if not closing_bylines and len(lines) > 2 and (signature := _signature_length(lines)):
            bylines += lines[-signature:]
            del lines[-signature:]
        if attachments := _attachment_list_length(lines):  # a notice's 附件：1.….docx: the files it names
            bylines += lines[-attachments:]
            del lines[-attachments:]
        bylines += footnotes
        story = StoryParts(
            body="\n".join(lines),
            title=title,
            subtitle=subtitle,
            kicker=kicker,
            bylines=tuple(bylines),
            is_continuation=continued is not None,
            is_photo=self._is_photo(lines, bylines),
        )
        return SplitPage((story,))

    def _stacked_headline_lines(self, lines: list[str]) -> bool:
        """Whether an article's first three lines are headline lines (kicker, title, deck) over
        its fields (a meta line). (Two such lines may be a title and a line of the page's.)"""
        return (
            len(lines) > _MAX_HEADLINE_LINES + 1 and all(map(self._is_headline_line, lines[:_MAX_HEADLINE_LINES]))
            and self._is_meta_line(lines[_MAX_HEADLINE_LINES]) and not SPEECH_TITLE.search(lines[0])
        )  # (a speech's speaker under its title: a field)

    def _is_title_line(self, line: str) -> bool:
        return (
            width(line) <= _MAX_TITLE_WIDTH
            and not ends_sentence(line)
            and not any(c in HEADLINE_FORBIDDEN for c in line)
            and not self._is_meta_line(line)
        )

    def _is_headline_line(self, line: str) -> bool:
        # an end mark on a line of its own (（完）) over a credit line is no headline over a meta line,
        # nor the original title a reposted article names (原标题：…)
        return (
            self._is_title_line(line) and not self._opens_article(line) and not self.rules.continued_to.search(line)
            and not _ORIGINAL_TITLE.match(line)
        )

    def _is_meta_line(self, line: str) -> bool:
        """A line of metadata fields, or a date on a line of its own (2024/05/16, 2024年5月16日 星期四),
        or with a time and the paper after it, no clause (2024年07月08日 06:52 经济日报), or the
        paper before it (凉山日报 2024年03月02日（星期六）)."""
        stripped = line.strip()
        if _DATE_LINE.fullmatch(stripped) or _DATED_FIELDS.fullmatch(stripped):
            return True
        if _DATE_LINE.search(stripped) and self.rules.furniture.search(stripped.replace(" ", "")):
            return True
        if stripped[:1] in "（(" and stripped[-1:] in "）)" and _DATE_LINE.fullmatch(_DATELINE_PLACE.sub("", stripped[1:-1]).strip()):
            return True  # a speech's or a notice's date in brackets: （2024年1月25日）, a release's with its place: （…，北京）
        return width(line) <= _MAX_META_WIDTH and not ends_sentence(line) and bool(_META.search(line))

    # -- newspaper pages ----------------------------------------------------------------------

    def _split_page(self, text: str) -> SplitPage:
        lines = classify_lines(text, self.rules)
        columns = column_widths(lines)
        mark_headlines(lines, columns, self.rules.sentence_opener, self.rules.photo)
        paragraphs, joined = build_paragraphs(lines, columns)
        layout = segment_page(paragraphs, self.rules, COHESION_THRESHOLD)
        segments = layout.segments
        scorer = HeadlineScorer(["\n".join(s.paragraphs) for s in segments], self.rules.generic_bigrams)
        blocks: list[HeadlineBlock] = []
        for start, run in layout.headline_runs:
            blocks.extend(self.headline_parser.split_run(run, (start, start + len(run) - 1), scorer))
        matrix = [
            [score + _adjacency(block, segment)
             for score, segment in zip(scorer.scores(block.text), segments)]
            for block in blocks
        ]
        pairs = assign(matrix) if segments else {}
        _attach_by_position(blocks, segments, pairs)
        self._split_merged_blocks(blocks, segments, pairs, scorer)
        scorer = _split_shared_segments(blocks, segments, pairs, scorer, self.rules.generic_bigrams)
        self._join_leftover_lines(blocks, pairs, scorer)
        if _verse_from_leftovers(blocks, segments, pairs):
            _attach_by_position(blocks, segments, pairs)  # a poem's own title, above it
        self._head_untitled(blocks, segments, pairs, scorer)
        headline_of = {story: block for block, story in pairs.items()}
        stories = tuple(self._story(segment, blocks[headline_of[i]] if i in headline_of else None)
                        for i, segment in enumerate(segments))
        repairs = []
        if joined:
            repairs.append("reflow")
        if any(line.text.count(" ") < line.raw.count(" ") for line in lines):
            repairs.append("justification_spaces")
        return SplitPage(stories, tuple(repairs))

    def _head_untitled(
        self, blocks: list[HeadlineBlock], segments: list[Segment], pairs: dict[int, int], scorer: HeadlineScorer
    ) -> None:
        """A story no headline of the page heads takes the headline run inside its text, which the
        extraction put after its first box (Segment.inner_head), or its column's label above it
        (Segment.label), where the label heads it alone, not a column of untitled briefs."""
        headed = set(pairs.values())
        for index, segment in enumerate(segments):
            if index in headed:
                continue
            if segment.inner_head is not None:
                start, head = segment.inner_head
                del segment.paragraphs[start:start + len(head)]
            elif segment.label is not None and (
                index + 1 == len(segments) or index + 1 in headed or segments[index + 1].label is not None
            ):
                head = [segment.label]
            else:
                continue
            blocks.append(self.headline_parser.block(head, (segment.first_item,) * 2, scorer.runs_across))
            pairs[len(blocks) - 1] = index

    def _split_merged_blocks(
        self, blocks: list[HeadlineBlock], segments: list[Segment], pairs: dict[int, int], scorer: HeadlineScorer
    ) -> None:
        """Two headlines printed one under the other read as one block of two lines: when a story
        is left untitled and the lines of a block on one side match that story better (and the
        others still match the block's story), the block is cut there."""
        titled = set(pairs.values())
        for number in list(pairs):
            untitled = [i for i in range(len(segments)) if i not in titled and not segments[i].continuation]
            cut = _best_cut(blocks[number].lines, pairs[number], untitled, scorer) if untitled else None
            if cut:
                kept, moved, story = cut
                blocks[number] = self.headline_parser.block(kept, blocks[number].position, scorer.runs_across)
                blocks.append(self.headline_parser.block(moved, blocks[number].position, scorer.runs_across))
                pairs[len(blocks) - 1] = story
                titled.add(story)

    def _join_leftover_lines(self, blocks: list[HeadlineBlock], pairs: dict[int, int], scorer: HeadlineScorer) -> None:
        """A leftover block is more of a headline next to it in its run (a title wrapped over
        lines, a deck), joined to it, not dropped: to the one whose story its words lean to; a
        line whose words name no story (高原牧区开通 / “马背邮路”升级版: words the body never
        uses), or a story another headline heads, to the one above it, as a wrapped line reads."""
        headed = set(pairs.values())
        for number in sorted(set(range(len(blocks))) - set(pairs), reverse=True):
            story = scorer.leaning_story(blocks[number].text)
            scores = scorer.scores(blocks[number].text)
            best = max(range(len(scores)), key=scores.__getitem__, default=None)
            if story is None or story in headed:
                # (or leaning to a story another headline heads: 云南普洱：咖啡鲜果 / 搭上“邮政快车”,
                # words the story above them uses)
                unnamed = len(blocks[number].lines) == 1 and (not any(scores) or best in headed)
                story = None
                neighbours = (number - 1,) if unnamed else ()
            else:
                neighbours = (number - 1, number + 1)
            for neighbour in neighbours:
                if (
                    neighbour in pairs and story in (None, pairs[neighbour])
                    and blocks[neighbour].position == blocks[number].position
                ):
                    first, second = sorted((number, neighbour))
                    blocks[neighbour] = self.headline_parser.block(
                        blocks[first].lines + blocks[second].lines, blocks[number].position, scorer.runs_across
                    )
                    break

    def _story(self, segment: Segment, block: HeadlineBlock | None) -> StoryParts:
        paragraphs, bylines = segment.paragraphs, segment.bylines
        if attachments := _attachment_list_length(paragraphs):  # a notice's 附件：1.….docx: the files it names
            paragraphs, bylines = paragraphs[:-attachments], [*bylines, *paragraphs[-attachments:]]
        return StoryParts(
            body="\n".join(paragraphs),
            title=block.title if block else None,
            subtitle=block.subtitle if block else None,
            kicker=block.kicker if block else None,
            bylines=tuple(bylines),
            is_continuation=segment.continuation,
            is_photo=self._is_photo(paragraphs, bylines),
        )

    def _is_photo(self, paragraphs: list[str], bylines: list[str]) -> bool:
        """A photo report: said so, or made of captions and credits at least half."""
        texts = [*paragraphs, *bylines]
        if any(self.rules.photo_report.search(text) for text in texts):
            return True
        captions = sum(1 for text in texts if self.rules.photo.search(text))
        return captions > 0 and 2 * captions >= len(paragraphs)


def _is_indented(text: str) -> bool:
    """Paragraphs indented by ideographic spaces, as a word processor writes them: at least
    two, and a third of the lines (PDF text is not indented so)."""
    lines = [line for line in text.splitlines() if line.strip()]
    indented = sum(1 for line in lines if line.startswith(_PARAGRAPH_INDENT))
    return indented >= max(2, len(lines) / 3)


def _footnotes_length(lines: list[str]) -> int:
    """Lines of notes closing a text, each led by a marker the text before them carries
    ([1] 数据来源：…, ① …), and their label over them (注释：), 0 if none."""
    count = 0
    while count < min(_MAX_FOOTNOTES, len(lines) - 1) and (note := _FOOTNOTE.match(lines[-count - 1])):
        if note.group() not in "".join(lines[:-count - 1]):
            break
        count += 1
    if count and count + 1 < len(lines) and _NOTES_LABEL.fullmatch(lines[-count - 1].strip()):
        count += 1
    return count


def _attachment_list_length(lines: list[str]) -> int:
    """Lines of a notice's list of attachments at the end (附件：1.….docx / 2.….xlsx), 0 if none."""
    numbered = 0  # lines from the end up to the highest 附件N： line
    for back in range(1, min(_MAX_ATTACHMENT_LINES, len(lines) - 1) + 1):
        line = lines[-back].strip()
        if _ATTACHMENT_LABEL.match(line):
            return back
        if _NUMBERED_ATTACHMENT.match(line):
            numbered = back
        elif not _ATTACHMENT_ITEM.match(line):
            break
    return numbered


def _is_credit_line(closing: tuple | None) -> bool:
    """Whether split_byline's answer is a line of credits alone."""
    return closing is not None and not closing[0]


def _signature_length(lines: list[str]) -> int:
    """Lines of a notice's or a release's signature at the end: the date on a line of its own,
    the issuer's name (or 完) above it, a short line or two (the time of issue) below it."""
    for back in range(1, min(_MAX_SIGNATURE_LINES, len(lines) - 1) + 1):
        line = lines[-back]
        if not _is_signature_line(line):
            return 0
        if _DATE_LINE.fullmatch(line):
            return back + (back + 1 < len(lines) and _is_signature_line(lines[-back - 1]))
    return 0


def _is_signature_line(line: str) -> bool:
    """An issuer's name above a date: short, no clause punctuation."""
    return width(line) <= _MAX_TITLE_WIDTH and not _CLAUSE_PUNCTUATION.search(line)


def _nonblank_lines(text: str) -> list[str]:
    """The lines with text, each run of spaces one (a table row's tabs between its cells kept)."""
    lines = ("\t".join(" ".join(cell.split()) for cell in line.split("\t")).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _without_section_heads(lines: list[str], starts: list[int], weak: set[int]) -> list[int]:
    """``starts`` less the ``weak`` ones whose text on both sides shares its vocabulary: a
    section head after a blank line, as the page layout judges a headline run alone."""
    grams = [char_bigrams(" ".join(lines[begin:end])) for begin, end in zip(starts, [*starts[1:], len(lines)])]
    idf = bigram_idf(grams)
    kept = list(starts)
    for index in range(len(kept) - 1, 0, -1):
        if kept[index] in weak and cosine(grams[index - 1], grams[index], idf) >= COHESION_THRESHOLD:
            grams[index - 1] = grams[index - 1] + grams.pop(index)
            del kept[index]
    return kept


def _is_paragraph(line: str) -> bool:
    """A line of running text, not a headline or a label: it ends a sentence or is too wide for a title."""
    return ends_sentence(line) or width(line) > _MAX_TITLE_WIDTH


def _wrapped_lines_joined(lines: list[str], after_blank: list[bool]) -> tuple[list[str], list[bool]]:
    """``lines`` (and ``after_blank``) with the lines a fixed width wrapped joined, in a text whose
    paragraphs blank lines part (a third of its lines follow one at least): inside a block, a
    line that ends no sentence and is nearly as wide as the widest line a block goes on after
    runs on into the next (fold -b's 64 bytes: 商品 / 从免税店出库后…)."""
    if not lines or sum(after_blank) * 3 < len(lines):
        return lines, after_blank
    widest = max((width(line) for line, below in zip(lines, after_blank[1:]) if not below), default=0)
    joined: list[str] = []
    flags: list[bool] = []
    for line, blank in zip(lines, after_blank):
        previous = joined[-1] if len(joined) > 1 and not blank else ""  # (the text's first line: its title)
        if previous and not ends_sentence(previous) and width(previous) >= WRAPPED_LINE_SHARE * widest \
                and _CLAUSE_MARK.search(previous) and not any(
                    pattern.search(text) for pattern in (_META, _DATE_LINE) for text in (previous, line)
                ):
            # (a deck under the title has no clause; a line of fields is no paragraph's)
            joined[-1] = join_lines([joined[-1].rstrip(), line.strip()])
            continue
        joined.append(line)
        flags.append(blank)
    return joined, flags


def _after_blank_lines(text: str) -> list[bool]:
    """For each of _nonblank_lines(text), whether a blank line comes before it (the first: no)."""
    flags, blank = [], False
    for line in text.splitlines():
        if not line.strip():
            blank = bool(flags)
        else:
            flags.append(blank)
            blank = False
    return flags


def _is_article(lines: list[str]) -> bool:
    """One paragraph per line: some lines are whole paragraphs wider than any PDF column, or
    half the lines end a sentence (short paragraphs; a PDF page's column lines end one in 6-25%),
    or a third do and the others are headings far shorter than them (a speech's 一、… and
    （一）… over short paragraphs; a PDF column's lines that end no sentence are its full lines)."""
    paragraphs = sum(1 for line in lines if width(line) > ARTICLE_LINE_WIDTH and ends_sentence(line))
    ending = sorted(width(line) for line in lines if ends_sentence(line))
    running = sorted(width(line) for line in lines if not ends_sentence(line))
    if paragraphs >= max(1, len(lines) / 10) or len(ending) >= max(2, len(lines) / 2):
        return True
    return (
        len(ending) >= max(3, len(lines) / 3) and bool(running)
        and running[len(running) // 2] <= HEADING_WIDTH_SHARE * ending[len(ending) // 2]
    )


def _split_shared_segments(
    blocks: list[HeadlineBlock], segments: list[Segment], pairs: dict[int, int], scorer: HeadlineScorer,
    generic: frozenset[str],
) -> HeadlineScorer:
    """Two stories run together (no opener, credit or headline between them) make one segment,
    and one of their headlines is left over. When a leftover block matches that segment best of
    the page, and its words are in the segment's later paragraphs and its headline's in the
    earlier ones (or the other way round), the segment is cut there, each part with its
    headline. Modifies ``segments`` and ``pairs``; returns the scorer of the stories as cut."""
    def owners() -> dict[int, int]:
        return {index: titled for titled, index in pairs.items()}

    owner_of = owners()
    for number, block in enumerate(blocks):
        if number in pairs:
            continue
        story = scorer.confident_story(block.text)
        if story not in owner_of:
            continue
        owner = owner_of[story]
        cut = _shared_cut(blocks[owner].text, block.text, segments[story].paragraphs, generic)
        if cut is None:
            continue
        at, leftover_first = cut
        segment = segments[story]
        opening = segment.opening_bylines or 0
        # Page items place headlines; the assignment that needed them is done.
        later = Segment(
            paragraphs=segment.paragraphs[at:], bylines=segment.bylines[opening:],
            first_item=segment.last_item, last_item=segment.last_item, open_end=segment.open_end,
        )
        del segment.paragraphs[at:], segment.bylines[opening:]
        segment.open_end = True
        segments.insert(story + 1, later)
        scorer = HeadlineScorer(["\n".join(s.paragraphs) for s in segments], generic)
        for other, index in pairs.items():
            if index > story:
                pairs[other] = index + 1
        pairs[owner], pairs[number] = (story + 1, story) if leftover_first else (story, story + 1)
        owner_of = owners()
    return scorer


def _shared_cut(titled: str, leftover: str, paragraphs: list[str], generic: frozenset[str]) -> tuple[int, bool] | None:
    """(paragraph to cut before, whether ``leftover`` heads the first part) for a cut of
    ``paragraphs`` whose two parts each match one headline confidently and the other less;
    among such cuts, the one before the paragraph that sides most with the second part's
    headline: a story's first paragraph has its headline's words (its later ones, a few)."""
    by_paragraph = HeadlineScorer(paragraphs, generic)
    leaning = [b - a for a, b in zip(by_paragraph.scores(titled), by_paragraph.scores(leftover))]
    best = None
    for at in range(1, len(paragraphs)):
        if not ends_sentence(paragraphs[at - 1]):
            continue
        parts = HeadlineScorer(["\n".join(paragraphs[:at]), "\n".join(paragraphs[at:])], generic)
        titled_scores, leftover_scores = parts.scores(titled), parts.scores(leftover)
        for leftover_first in (False, True):
            first, second = (leftover_scores, titled_scores) if leftover_first else (titled_scores, leftover_scores)
            if min(first[0], second[1]) < CONFIDENT_SCORE:
                continue
            if first[1] > SHARED_CUT_CROSS_SHARE * first[0] or second[0] > SHARED_CUT_CROSS_SHARE * second[1]:
                continue  # a headline whose words run through both parts: one story
            fit = -leaning[at] if leftover_first else leaning[at]
            if best is None or fit > best[0]:
                best = (fit, at, leftover_first)
    return best[1:] if best else None


def _best_cut(
    lines: tuple[str, ...], owner: int, untitled: list[int], scorer: HeadlineScorer
) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """(lines kept by ``owner``, lines moved, the untitled story they go to) for the cut whose
    moved lines match an untitled story confidently and best beyond ``owner``; None if none."""
    best = None
    for at in range(1, len(lines)):
        for kept, moved in ((lines[:at], lines[at:]), (lines[at:], lines[:at])):
            if min(len("".join(kept)), len("".join(moved))) < MIN_CUT_HEADLINE_CHARS:
                continue  # '目前': a fragment, no headline
            if scorer.scores("".join(kept))[owner] < MIN_SCORE:
                continue
            moved_scores = scorer.scores("".join(moved))
            for story in untitled:
                gain = moved_scores[story] - moved_scores[owner]
                if moved_scores[story] >= CONFIDENT_SCORE and gain > 0 and (best is None or gain > best[0]):
                    best = (gain, kept, moved, story)
    return best[1:] if best else None


def _attach_by_position(blocks: list[HeadlineBlock], segments: list[Segment], pairs: dict[int, int]) -> None:
    """A headline sharing no content with any story goes to the one untitled story it touches
    (to a continuation only standing right above its （上接…） marker: a jump head repeats its
    front-page title, whose words the rest of the story may not use); between two untitled
    stories, to the one it stands above, unless the page's other headlines stand under their
    stories."""
    titled = set(pairs.values())
    above = sum(_stands_above(blocks[number], segments[story]) for number, story in pairs.items())
    under = sum(_stands_under(blocks[number], segments[story]) for number, story in pairs.items())
    for number, block in enumerate(blocks):
        if number in pairs:
            continue
        touching = [
            i for i, segment in enumerate(segments)
            if i not in titled and (_stands_above(block, segment) if segment.continuation else _adjacency(block, segment))
        ]
        if len(touching) == 2:  # headlines stand above their stories unless the page's stand under
            stands = _stands_under if under > above else _stands_above
            touching = [i for i in touching if stands(block, segments[i])]
        if len(touching) == 1:
            pairs[number] = touching[0]
            titled.add(touching[0])


def _verse_from_leftovers(blocks: list[HeadlineBlock], segments: list[Segment], pairs: dict[int, int]) -> bool:
    """Lines of a headline run that head no story, MIN_VERSE_LINES or more in a row, are text (a
    poem's lines, an article's run of section heads, are as short and unpunctuated as headlines):
    the end of the text above them when no credit closed it, else a story of their own in page
    order; their blocks are headlines no more. Whether one was made; modifies ``blocks``,
    ``segments`` and ``pairs``."""
    consumed: set[int] = set()
    number = 0
    while number < len(blocks):
        end = number
        while end < len(blocks) and end not in pairs and blocks[end].position == blocks[number].position:
            end += 1
        lines = [line for block in blocks[number:end] for line in block.lines]
        if len(lines) >= MIN_VERSE_LINES:
            start, last = blocks[number].position
            at = next((i for i, segment in enumerate(segments) if segment.first_item > start), len(segments))
            if at and segments[at - 1].open_end:
                segments[at - 1].paragraphs.extend(lines)  # no credit closed the text above: its own
            else:
                segments.insert(at, Segment(paragraphs=lines, first_item=start, last_item=last))
                for other, index in pairs.items():
                    if index >= at:
                        pairs[other] = index + 1
            consumed.update(range(number, end))
        number = max(end, number + 1)
    if consumed:
        kept = [index for index in range(len(blocks)) if index not in consumed]
        renumbered = {old: new for new, old in enumerate(kept)}
        blocks[:] = [blocks[index] for index in kept]
        assigned = {renumbered[block]: story for block, story in pairs.items()}
        pairs.clear()
        pairs.update(assigned)
    return bool(consumed)


def _stands_above(block: HeadlineBlock, segment: Segment) -> bool:
    return segment.first_item - block.position[1] in (1, 2)


def _stands_under(block: HeadlineBlock, segment: Segment) -> bool:
    return block.position[0] - segment.last_item in (1, 2)


def _adjacency(block: HeadlineBlock, segment: Segment) -> float:
    """Layout prior: a headline run directly before a story's start or after its end; a run
    right above the byline a story starts with is that story's headline, whatever its words."""
    if segment.credited_under == block.position[1]:
        return CREDITED_UNDER_BONUS
    return ADJACENCY_BONUS if _stands_above(block, segment) or _stands_under(block, segment) else 0.0
