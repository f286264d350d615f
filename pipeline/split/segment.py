"""Story boundaries of a newspaper page: line roles, then openers, closers and headline runs."""

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.split.reflow import (
    CJK_RUN,
    HEADLINE_FORBIDDEN,
    Line,
    Paragraph,
    despace,
    despace_credit,
    ends_sentence,
    is_justified,
    join_lines,
    width,
)
from pipeline.split.rules import Rules

_MAX_BYLINE_WIDTH = 40
_MAX_SECTION_HEAD_CHARS = 14  # a section head (小标题) is a short phrase: 一站式服务解民忧, 分拣机器人一小时分两万件
# A folio alone on its line (第2版); the page's name may stand on the next (综合新闻), as long
# as page_furniture.txt allows it on the folio's own line.
_BARE_FOLIO = re.compile(r"^第?(?:[A-Z]?\d{1,2}|[一二三四五六七八九十]{1,3})版$")
_MAX_PAGE_NAME_CHARS = 8
MAX_MASTHEAD_CHARS = 8  # a paper's name at a page's head (中国交通报)
_HEADER_FOLIO = re.compile(r"[A-Z]?\d{1,2}")  # a page's number alone, in its header
# a page's name and its number, in either order (2 要闻, 综合新闻 3): furniture in a page's head
PAGE_NAME_AND_FOLIO = re.compile(r"[\u4e00-\u9fff]{2,6}[A-Z]?\d{1,2}|[A-Z]?\d{1,2}[\u4e00-\u9fff]{2,6}")
_NAME_APART_FROM_FOLIO = re.compile(r"[\u4e00-\u9fff]{2,6} [A-Z]?\d{1,2}|[A-Z]?\d{1,2} [\u4e00-\u9fff]{2,6}")
_MAX_COLUMN_LABEL_CHARS = 6  # 基层工作动态, ending as a column's name does
_MAX_COLUMN_NAME_CHARS = 4  # 基层动态, as section labels are
_CREDIT_OPEN, _CREDIT_CLOSE = "（(", "）)"
_MAX_CREDIT_CHARS = 80
# a credit in brackets after the story's last sentence or on a line of its own: …。（记者 张三）
_CLOSING_CREDIT = re.compile(r"(?:^|[。！？”]\s*)([（(【][^（()）。，【】]{2,30}[）)】])$")  # (【编辑:刘欢】, a portal's)
# a photo's credit after its caption's last sentence or on a line of its own: …咖啡豆。 通讯员 李华 摄;
# names credited with text and photos: 张伟 李娜 文/图
_PHOTO_CREDIT_WORD = r"\s(?:摄影报道|摄|文\s*[/／·・]\s*图|图\s*[/／·・]\s*文)"
# a reprint's or a digest's source note closing the story: （摘自《某某报》，作者：王芳）, （据《某某报》）, （来源：某某网）
# The print edition a web copy credits at its end: 《光明日报》（2024年05月14日 10版）
_PRINT_EDITION = re.compile(r"[（(]?《[^《》]{2,16}》[（(]?\d{4}年\d{1,2}月\d{1,2}日(?:第)?[0-9A-Z]{1,3}版[）)]?[）)]?")
# A date alone in brackets: a release's under its title, a notice's under its signature
_BRACKETED_DATE = re.compile(r"[（(](?:19|20)\d\d年\d{1,2}月\d{1,2}日[）)]")
_CLOSING_SOURCE_NOTE = re.compile(r"(?:^|[。！？”]\s*)([（(](?:摘自|选自|转自|转载自|原载|据|来源\s*[:：])[^（()）]{2,40}[）)])$")
# the office issuing a notice or a release, a line of its own under the text: （某省邮政管理局办公室）
_OFFICE = r"[\u4e00-\u9fff]{2,30}(?:办公室|办公厅|委员会|领导小组|公司|集团|协会|局|厅)"
_CLOSING_ISSUER = re.compile(rf"[（(]{_OFFICE}[）)]")
# A speech's title (在…会议上的讲话) and its speaker's line under it: a unit and titles, then a name
# after a space.
SPEECH_TITLE = re.compile(r"(?:讲话|致辞|发言|讲话稿|工作报告|主旨演讲)(?:[（(].{1,12}[）)])?$")
SPEAKER_LINE = re.compile(r"[\u4e00-\u9fff、（）()]{2,40}\s+[\u4e00-\u9fff]{2,4}")
# the office signing a notice over its date, no brackets (中国邮政报社编辑部 / 2025年4月1日)
_SIGNING_OFFICE = re.compile(rf"{_OFFICE}|[\u4e00-\u9fff]{{2,30}}(?:部|报社)")  # (a department too: 编辑部; a paper: 报社)
_DATE_ALONE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
# roles credited each with its names after a slash or bar: 文/王芳 图/李明, 文·图/黄思琪
_ROLE_THEN_NAME = r"(?:文\s*[·・/]\s*图|图\s*[·・/]\s*文|撰文|文字|图片|摄影|文|图)\s*[/／｜|]\s*([\u4e00-\u9fff·]{2,8})"
_ROLE_SLASHED_CREDITS = re.compile(rf"{_ROLE_THEN_NAME}(?:\s+{_ROLE_THEN_NAME})*")
# names credited each with its role after a slash: 韩雪/文 罗平/图, 陈海生/摄; both roles, 李卫东 文/摄
_SLASHED_CREDIT = re.compile(r"([\u4e00-\u9fff·]{2,8}?)(?:文|图)?[/／](?:文|图|摄影|摄)")
_CLOSING_PHOTO_CREDIT = re.compile(rf"(?:^|[。！？”]\s*)([^，。！？、“”（）()]{{2,30}}{_PHOTO_CREDIT_WORD})$")
_PHOTO_CREDIT_WORD_RE = re.compile(rf"{_PHOTO_CREDIT_WORD}$")
_LONE_NAME_PHOTO_CREDIT = re.compile(r"\s*[\u4e00-\u9fff]{2,6}\s摄\s*")
# an editor's note introducing a story or a column: 编者按：…
_EDITOR_NOTE = re.compile(r"^(?:编者按|编者的话|编者注)")
# names alone in a credit (…。（沈佳）, a brief's): one to four, each of two to four characters
# a credit line of one role and its names: 编辑：刘洋, 校对：张明、李华
_ROLE_AND_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}[:：/／][\u4e00-\u9fff·、]{2,12}")
# a closing credit broken by the column: its bracket opened after a sentence's end, closed on
# the next line, which holds nothing else
_CREDIT_HEAD = re.compile(r"[。！？”][（(][^（()）]{1,24}$")
_CREDIT_TAIL = re.compile(r"[^（()）。，]{1,8}[）)]")
# a line naming the story's source alone, closing it: 本文来源：中国新闻网, 供稿：市场监管处
_SOURCE_LINE = re.compile(r"(?:(?:本文|文章|稿件|信息|新闻)?来源|供稿|稿源|转载自|转自)[:：][^，。；！？:：]{2,24}")
_FIELD_BAR = re.compile(r"\s*[｜|]\s*")
_LABEL_AFTER_SPACE = re.compile(r"\s+(?=[\u4e00-\u9fff]{1,4}\s*[:：])")
_LABELLED_FIELD = re.compile(r"([\u4e00-\u9fff]{1,4})\s*[:：]\s*[^:：。！？，]{1,24}")
# a bracket of two to four characters alone on a line after a sentence's end: a brief's credit,
# a pen name though it starts with no surname (（邮 文）, （晓文）)
_PEN_NAME_CREDIT = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]")
_ALSO_BULLETS = "■"  # a byline marker (■王娟) that also bullets a brief's title at a line's start
# A brief's title run in before its text, set off by a bullet and a space: ■平和蜜柚寄递量创新高 10月以来，…
_RUN_IN_TITLE = re.compile(r"^([■●◆▲★▶◎]\s?[^\s，、：:。！？；!?;]{4,30}) (?=\S{6})")
# Without a bullet, on a paragraph's first line indented as typeset (ideographic spaces), set off
# by an ideographic space: a brief column's bold lead-ins (　　青海牧区邮政服务站实现乡镇全覆盖　近),
# taken where a page has two or more. (A layout-keeping extraction's ASCII spaces say nothing.)
_INDENTED_RUN_IN_TITLE = re.compile(r"^\u3000{1,2}([^\s，、：:。！？；!?;]{8,30})\u3000{1,2}(?=\S)")
# Or set off by a space before a brief's opening date or time word (云南首笔“咖啡贷”落地普洱 3月10日，…)
_DATED_RUN_IN_TITLE = re.compile(
    r"^([^\s，、：:。！？；!?;]{6,30}) (?=(?:\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬|近日|日前|今年以来|本报讯)[，,（(\s]"
    r"|\d{1,2}(?:月\d{0,2})?$)"  # (the date the line's end cuts: 3月2 / 日，)
)
_MIN_RUN_IN_BRIEFS = 2
_MIN_CREDIT_ALONE_CHARS = 3  # 本报评论员, 特约记者 on a line of their own; 记者, 摄影 may be labels
_MAX_NAME_CHARS = 4  # 欧阳晓燕; two names unparted (王芳李明) are as long
# A story's date and then its source or credits, a line of fields under its headline.
_DATED_FIELDS_LINE = re.compile(
    r"^(?:19|20)\d\d(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s|｜]*"
    r"(?:来源\s*[:：]|作者\s*[:：]|本报记者|记者|通讯员)"
)
_LONE_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_MIN_VERTICAL_CHARS = 3
_MIN_PARAGRAPH_LINE_CHARS = 8  # a column's line of text; a label above a vertical headline is shorter
# A paragraph's indent: two ideographic spaces, or as many columns of ASCII spaces (a layout-
# keeping extraction's); a centred line stands further in.
PARAGRAPH_INDENT_COLUMNS = range(2, 9)
# A signature set against the right margin: this far in at least, short, no clause, no dash
SIGNATURE_MIN_INDENT_COLUMNS = 12
SIGNATURE_MAX_CHARS = 30
_SIGNATURE_FORBIDDEN = re.compile(r"[，。；！？、：:—\-（）()《》“”]")
# A signature at the margin, unindented: where its writer writes from, or that a reader does
# (甘肃省天水市 张立群, 湖北来凤 读者 覃永福), before the name.
_SIGNED_FROM = re.compile(r"[省市县区州旗盟镇乡村]$|^读者$")
MAX_NAME_UNDER_TITLE_CHARS = 4
MAX_TITLE_OVER_NAME_WIDTH = 16  # a title's line over its writer's name: shorter than a column's text
# a credit of the writer's unit or town and the writer: （城关支局 刘红梅）, （上饶 詹秋平）
_UNIT_AND_NAME = re.compile(r"[\u4e00-\u9fff]{2,12} ([\u4e00-\u9fff]{2,4})")
_CREDITED_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3}")
_SPACED_OUT = re.compile(r"\S(?: \S)+")  # every character a space apart
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_MAX_CREDITED_NAMES = 4


def classify_lines(text: str, rules: Rules) -> list[Line]:
    """Page lines with their role: body, opener, closer (byline), from/to markers, section label.

    A byline or "continued on" marker at the end of a text line is cut off into its own line.
    """
    lines: list[Line] = []
    raws = _credits_rejoined(_vertical_runs_joined(text.splitlines()))
    in_header = True  # every line so far page furniture: the page's header
    run_in_briefs = sum(1 for raw in raws if _run_in_title(raw)) >= _MIN_RUN_IN_BRIEFS
    # A page whose extraction spaced every character out: a short line spaced so is no label for it.
    texts = [" ".join(raw.split()) for raw in raws if raw.strip()]
    spaced_page = sum(1 for text in texts if _SPACED_OUT.fullmatch(text)) * 2 > len(texts)
    box, boxed = 0, 0  # the text box of the lines appended from boxed on
    for index, raw in enumerate(raws):
        for line in lines[boxed:]:
            line.box = box
        boxed = len(lines)
        unbulleted_run_in = _run_in_title(raw) if run_in_briefs else None
        lead = _leading_columns(raw)
        indent, signed = lead in PARAGRAPH_INDENT_COLUMNS, lead >= SIGNATURE_MIN_INDENT_COLUMNS
        raw = " ".join(raw.split())
        if not raw:
            box += 1
            continue
        compact = raw.replace(" ", "")
        after_text = bool(lines) and lines[-1].kind in ("body", "opener") and not ends_sentence(lines[-1].text)
        page_name = (
            bool(lines) and lines[-1].kind == "label" and _BARE_FOLIO.match(lines[-1].text) is not None
            and len(compact) <= _MAX_PAGE_NAME_CHARS and CJK_RUN.fullmatch(compact) is not None
        )
        # The page's header: its first lines, all furniture so far. A number alone there is the
        # folio (4 over 2024年6月12日); a short name in a paragraph of its own under furniture
        # is the page's or its column's (基层动态 under the editors' line), and one over
        # furniture the paper's or the page's (中国交通报, 邮工之声 over 2024年第7期; 经济 over the date).
        following = _next_compact(raws, index)
        name_over_furniture = (
            len(compact) <= (_MAX_COLUMN_NAME_CHARS if lines else MAX_MASTHEAD_CHARS)
            and CJK_RUN.fullmatch(compact) is not None
            # (or a line of the page's header over its folio alone: 特别报道 / 5, over the date or under it)
            and (_is_furniture(following, rules) or in_header and _HEADER_FOLIO.fullmatch(following) is not None)
        )
        header_part = in_header and (
            _HEADER_FOLIO.fullmatch(compact) is not None
            # (or under the date: 评论 3, the name and the number apart)
            or PAGE_NAME_AND_FOLIO.fullmatch(compact) is not None and (not lines or _NAME_APART_FROM_FOLIO.fullmatch(raw) is not None)
            or name_over_furniture
            or bool(lines) and len(compact) <= _MAX_COLUMN_NAME_CHARS and CJK_RUN.fullmatch(compact) is not None
            and (index + 1 == len(raws) or not raws[index + 1].strip())
        )
        # A number alone beside page furniture anywhere is the folio too (地方传真 / 3 / 责任编辑：…).
        folio = _HEADER_FOLIO.fullmatch(compact) is not None and (
            bool(lines) and lines[-1].kind == "label" or _over_furniture(raws, index, rules)
        )
        if _signed_date(compact, lines):
            lines.append(Line(raw, compact, width(raw), "closer"))  # (a date alone reads as the page's too)
            continue
        furniture = folio or _is_furniture(compact, rules)
        if furniture and after_text and _sentence_goes_on(raws, index, rules):
            continue  # a page's foot or head inside a sentence the page break cut: out of its way
        if page_name or header_part or furniture or _is_section_label(raw, compact, rules, after_text, spaced_page):
            if after_text and not furniture and CJK_RUN.fullmatch(lines[-1].text):
                lines[-1].kind = "label"  # the issuer's name over its release's header (新 闻 通 稿)
            lines.append(Line.of(raw, "label"))
            continue
        in_header = False
        marker = rules.continued_from.match(compact)
        continued = bool(marker)
        if marker:
            printed_width = width(raw)  # the marker and the text share the column's line
            lines.append(Line.of(marker.group(0), "from"))
            raw = _after_compact_prefix(raw, len(marker.group(0)))
            if not raw:
                continue
        marker = rules.continued_to.search(raw)
        tail = None
        if marker:
            raw, tail = raw[: marker.start()].rstrip(), Line.of(marker.group(0), "to")
        run_in = _RUN_IN_TITLE.match(raw)
        if run_in and not _names_credited(raw[1:], rules):  # a brief's title: a line of its own
            lines.append(Line.of(run_in.group(1)))
            printed_width, continued = width(raw), True
            raw = raw[run_in.end() :]
        elif unbulleted_run_in and not continued:
            title = unbulleted_run_in.group(1)
            lines.append(Line.of(title, "headline"))  # its shape says nothing: its line is the text's too
            printed_width, continued = width(raw), True
            raw = raw[len(title):].lstrip()
        byline = split_byline(raw, rules)
        if byline is None and _PEN_NAME_CREDIT.fullmatch(compact) and lines and lines[-1].kind == "body" \
                and ends_sentence(lines[-1].text):
            byline = "", Line(raw, compact, width(raw), "closer")  # （邮文）: a pen name closing a brief
        if byline is None and (signed or _signed_from(raw, lines)) and _is_signature(raw, rules):
            byline = "", Line(raw, despace_credit(raw), width(raw), "closer")
        if byline is None and _name_under_title(raw, compact, lines, rules):
            byline = "", Line(raw, compact, width(raw), "closer")
        if byline is None and _signing_office(compact, raws, index, lines):
            byline = "", Line(raw, compact, width(raw), "closer")
        if byline is None and lines and SPEECH_TITLE.search(lines[-1].text) and SPEAKER_LINE.fullmatch(raw.strip()):
            byline = "", Line(raw, despace_credit(raw), width(raw), "closer")  # its speaker under a speech's title
        if byline is not None:
            raw, closer = byline
            if raw:
                lines.append(_body_line(raw, rules))
                closer.attached = True
            lines.append(closer)
        elif raw:
            lines.append(_body_line(raw, rules))
            lines[-1].indented = indent and not continued
            if continued:
                lines[-1].width, lines[-1].after_marker = printed_width, True
        if tail is not None:
            lines.append(tail)
    for line in lines[boxed:]:
        line.box = box
    return lines


def _signing_office(compact: str, raws: list[str], index: int, lines: list[Line]) -> bool:
    """Whether a line under a text's last sentence is the office signing the notice, over the
    date alone (中国邮政报社编辑部 / 2025年4月1日)."""
    return (
        bool(lines) and lines[-1].kind == "body" and ends_sentence(lines[-1].text)
        and _SIGNING_OFFICE.fullmatch(compact) is not None and _DATE_ALONE.fullmatch(_next_compact(raws, index)) is not None
    )


def _signed_date(compact: str, lines: list[Line]) -> bool:
    """Whether a line is the date alone under a notice's signing office (see _signing_office)."""
    return (
        bool(lines) and lines[-1].kind == "closer" and _SIGNING_OFFICE.fullmatch(lines[-1].text) is not None
        and _DATE_ALONE.fullmatch(compact) is not None
    )


def _next_compact(raws: list[str], index: int, skip: int = 0) -> str:
    """The next line with text after raws[index] (after ``skip`` such lines), spaces removed
    ("" at the page's end)."""
    texts = ("".join(raw.split()) for raw in raws[index + 1:] if raw.strip())
    return next(itertools.islice(texts, skip, None), "")


def _sentence_goes_on(raws: list[str], index: int, rules: Rules) -> bool:
    """Whether the first line after raws[index] that is no page furniture goes on with a
    sentence: no paragraph's indent, not the page's end."""
    for raw in raws[index + 1:]:
        compact = "".join(raw.split())
        if compact and not (_HEADER_FOLIO.fullmatch(compact) or _is_furniture(compact, rules)):
            return _leading_columns(raw) not in PARAGRAPH_INDENT_COLUMNS
    return False


def _over_furniture(raws: list[str], index: int, rules: Rules) -> bool:
    """Whether page furniture follows raws[index], or a short name and then furniture (the
    page's name between its folio and the date at its foot: 2 / 要闻 / 2025年3月21日 星期五)."""
    following = _next_compact(raws, index)
    return _is_furniture(following, rules) or (
        len(following) <= _MAX_COLUMN_NAME_CHARS and CJK_RUN.fullmatch(following) is not None
        and _is_furniture(_next_compact(raws, index, skip=1), rules)
    )


def _is_furniture(compact: str, rules: Rules) -> bool:
    """Page furniture (rules.furniture), not a paragraph that ends in it: text whose sentences
    close before the editor's credit (…仅为五元。（责任编辑：王芳）) is text with a credit."""
    furniture = rules.furniture.search(compact)
    return furniture is not None and "。" not in compact[:furniture.start()]


def _leading_columns(raw: str) -> int:
    if raw[:1] not in (" ", "\u3000"):
        return 0  # (most lines: no indent at all)
    lead = raw[:len(raw) - len(raw.lstrip(" \u3000"))]
    return lead.count(" ") + 2 * lead.count("\u3000")


def _is_signature(raw: str, rules: Rules) -> bool:
    """A line set against the right margin that ends in a name after a space, no clause in it:
    a letter's or a notice's signature (浙江省绍兴市上虞区读者 俞宛如, 退休教师 覃秉章)."""
    return (
        len(raw.replace(" ", "")) <= SIGNATURE_MAX_CHARS and not _SIGNATURE_FORBIDDEN.search(raw)
        and _names_alone(raw.split()[-1], rules)
    )


def _run_in_title(raw: str) -> re.Match | None:
    """A brief's bold lead-in on its paragraph's first line, without a bullet (see
    _INDENTED_RUN_IN_TITLE, _DATED_RUN_IN_TITLE)."""
    return _INDENTED_RUN_IN_TITLE.match(raw) or _DATED_RUN_IN_TITLE.match(raw)


def _name_under_title(raw: str, compact: str, lines: list[Line], rules: Rules) -> bool:
    """Whether a line is its writer's name alone, under a title line (a poem's or an essay's:
    乡邮员 / 刘子墨): a name that no title line's end reads as (the line above is a short one
    ending no sentence, no credit and no label)."""
    return (
        len(compact) <= MAX_NAME_UNDER_TITLE_CHARS and " " not in raw and _names_alone(compact, rules)
        and bool(lines) and lines[-1].kind == "body" and not ends_sentence(lines[-1].text)
        and not lines[-1].text[-1:].isdigit()  # (超100 / 万张: a figure's unit, no name)
        and lines[-1].width <= MAX_TITLE_OVER_NAME_WIDTH and (len(lines) < 2 or lines[-2].kind != "body"
                                                               or ends_sentence(lines[-2].text))
    )


def _signed_from(raw: str, lines: list[Line]) -> bool:
    """Whether an unindented line under a paragraph's end names where its writer is before the
    name (a reader's letter signed at the margin pdfminer gives no indent)."""
    before = raw.split()[:-1]
    return (
        bool(before) and bool(lines) and lines[-1].kind == "body" and ends_sentence(lines[-1].text)
        and any(_SIGNED_FROM.search(token) for token in before)
    )


def _goes_on_from_drop_cap(text: str) -> bool:
    """Whether ``text``, after a line of one ideograph, goes on with that character: a
    paragraph's line of running text (a clause in it), its first character an ideograph."""
    return len(text) >= _MIN_PARAGRAPH_LINE_CHARS and "，" in text and _LONE_IDEOGRAPH.match(text) is not None


def _vertical_runs_joined(raws: list[str]) -> list[str]:
    """Lines with a run of three or more lines of one ideograph each made one line: a headline
    set vertically, which extraction gives a character a line (邮 / 驿 / 古 / 道 / 寻 / 踪); one
    alone over a paragraph's line is its first character, set large (a drop cap). A
    run inside a paragraph (after a line of its text, not a label, that ends no sentence) is a
    watermark printed across the text (内 / 部 / 资 / 料): dropped with the blank lines around
    it, the paragraph's lines left to join up."""
    joined: list[str] = []
    run: list[str] = []
    after_watermark = False
    for raw in [*raws, ""]:
        if _LONE_IDEOGRAPH.fullmatch(raw.strip()):
            run.append(raw.strip())
            continue
        if len(run) >= _MIN_VERTICAL_CHARS:
            above = next((line.strip() for line in reversed(joined) if line.strip()), "")
            after_watermark = len(above) >= _MIN_PARAGRAPH_LINE_CHARS and not ends_sentence(above)
            if after_watermark:
                while not joined[-1].strip():
                    joined.pop()
            else:
                joined.append("".join(run))
        elif len(run) == 1 and _goes_on_from_drop_cap(raw.strip()):
            raw = run[0] + raw.lstrip()  # a paragraph's first character set large (清 / 晨六点，…): its word
        else:
            joined += run
        run = []
        if after_watermark and not raw.strip():
            continue
        after_watermark = False
        joined.append(raw)
    return joined[:-1]


def _credits_rejoined(raws: list[str]) -> list[str]:
    """Lines with a closing credit the column broke after its bracket's first characters
    (…的配送。（何 / 嘉敏）) made whole on the first line: the credit closes its story there."""
    joined: list[str] = []
    for raw in raws:
        above = len(joined) - 1
        if above > 0 and not joined[above].strip():
            above -= 1  # a blank line between: a tool that puts one after every line
        if above >= 0 and _CREDIT_TAIL.fullmatch(raw.strip()) and _CREDIT_HEAD.search(joined[above].rstrip()):
            joined[above] = joined[above].rstrip() + raw.strip()
            del joined[above + 1:]
        else:
            joined.append(raw)
    return joined


def _after_compact_prefix(raw: str, length: int) -> str:
    """``raw`` without its first ``length`` non-space characters."""
    seen = 0
    for index, char in enumerate(raw):
        if seen == length:
            return raw[index:].strip()
        if char != " ":
            seen += 1
    return ""


def _body_line(raw: str, rules: Rules) -> Line:
    kind = "opener" if rules.opener.match(raw.replace(" ", "")) else "body"
    return Line.of(raw, kind)


def _is_section_label(raw: str, compact: str, rules: Rules, after_text: bool, spaced_page: bool = False) -> bool:
    """A column label: a known one, two to four characters spaced out (动 态) on a page whose
    lines are not all spaced so (``spaced_page``), or a short name
    ending as a column's does (要闻简报, 一线传真); not a line of a paragraph (把握竞 / 争 优 势,
    掌握市场 / 动态), which follows text that runs on."""
    if len(compact) > _MAX_COLUMN_LABEL_CHARS or not CJK_RUN.fullmatch(compact):
        return False
    spaced_out = not spaced_page and len(compact) >= 2 and raw.count(" ") == len(compact) - 1
    if after_text:
        # a known label spaced out (新 闻 通 稿 under its issuer's name) is no word a line break cut
        return spaced_out and compact in rules.section_labels
    if compact.endswith(rules.column_name_endings) and len(compact) > 2:
        return True  # (简报 alone: a known label, or a headline's word)
    if len(compact) > 4:
        return False
    # (a two-character name's photo credit is spaced out alike: 韦 宁 摄)
    return compact in rules.section_labels or spaced_out and not _PHOTO_CREDIT_WORD_RE.search(raw)


def split_byline(raw: str, rules: Rules) -> tuple[str, Line] | None:
    """(text before, closer line) when ``raw`` ends with a byline such as `□王娟`."""
    credit = _CLOSING_CREDIT.search(raw)
    if not (credit and _is_credit(credit.group(1)[1:-1], rules)):
        credit = _CLOSING_PHOTO_CREDIT.search(raw)
        # the names alone; on a line of its own, one name of any form (哈力木拉提 摄: no surname)
        names = credit and _PHOTO_CREDIT_WORD_RE.sub("", credit.group(1))
        if credit and not (_is_credit(names, rules) or _LONE_NAME_PHOTO_CREDIT.fullmatch(raw)):
            credit = None
    credit = credit or _CLOSING_SOURCE_NOTE.search(raw)
    if credit:
        byline = credit.group(1)
        return raw[: credit.start(1)].rstrip(), Line(byline, despace_credit(byline), width(byline), "closer")
    compact = raw.replace(" ", "")
    if _CLOSING_ISSUER.fullmatch(compact) or _PRINT_EDITION.fullmatch(compact) or _BRACKETED_DATE.fullmatch(compact):
        return "", Line(raw, compact, width(raw), "closer")
    role_credits = _ROLE_SLASHED_CREDITS.fullmatch(" ".join(raw.split()))
    if role_credits and all(_names_alone(name, rules) for name in role_credits.groups() if name):
        return "", Line(raw, " ".join(raw.split()), width(raw), "closer")
    slashed = _SLASHED_CREDIT.findall(compact)
    if slashed and not _SLASHED_CREDIT.sub("", compact) and all(_names_alone(name, rules) for name in slashed):
        credits = " ".join(match.group() for match in _SLASHED_CREDIT.finditer(compact))  # 韩雪/文 罗平/图
        return "", Line(raw, credits, width(raw), "closer")
    positions = [raw.rfind(marker) for marker in rules.byline_markers]
    start = max(positions, default=-1)
    if start >= 0:
        byline = raw[start:]
        if (
            width(byline) <= _MAX_BYLINE_WIDTH and not any(c in HEADLINE_FORBIDDEN + "，" for c in byline)
            and (start > 0 or byline[0] not in _ALSO_BULLETS or _names_credited(byline[1:], rules))
        ):
            return raw[:start].rstrip(), Line(byline, despace_credit(byline), width(byline), "closer")
        return None
    if ("：" in raw or ":" in raw) and (_labelled_credits(raw, rules) or _SOURCE_LINE.fullmatch(compact)):
        # (fields set apart by spaces keep them: 编辑：刘洋 审核：陈明)
        spaced = not _FIELD_BAR.search(raw) and len(_LABEL_AFTER_SPACE.split(raw.strip())) > 1
        return "", Line(raw, " ".join(raw.split()) if spaced else compact, width(raw), "closer")
    if _DATED_FIELDS_LINE.match(raw) and not any(c in HEADLINE_FORBIDDEN + "，" for c in raw):
        return "", Line(raw, despace_credit(raw), width(raw), "closer")  # 2024年9月3日 来源：陇南日报 记者 马文斌
    if compact in rules.byline_words and len(compact) >= _MIN_CREDIT_ALONE_CHARS:
        return "", Line(raw, compact, width(raw), "closer")  # 本报评论员: a credit naming no one
    if (
        width(raw) <= _MAX_BYLINE_WIDTH
        and compact.startswith(rules.byline_words)
        and (" " in raw or _role_and_names(compact, rules))  # 记者 王芳, 编辑：刘洋
        and not any(c in HEADLINE_FORBIDDEN + "，、（）()" for c in raw)
    ):
        return "", Line(raw, despace_credit(raw), width(raw), "closer")
    return None


def _labelled_credits(raw: str, rules: Rules) -> bool:
    """A line of credit fields set apart by bars or spaces: 来源：四川邮政｜文字：张可欣｜摄影：罗建国,
    本文来源：某某晚报 作者：王芳."""
    fields = [field.strip() for field in _FIELD_BAR.split(raw)]
    if len(fields) < 2:
        fields = [field.strip() for field in _LABEL_AFTER_SPACE.split(raw)]
    return len(fields) >= 2 and all(
        (label := _LABELLED_FIELD.fullmatch(field)) is not None
        and (label.group(1).removeprefix("本文") in rules.byline_words or label.group(1) + "：" in rules.byline_words)
        for field in fields
    )


def _names_credited(text: str, rules: Rules) -> bool:
    """What follows a byline marker is names, role words around them (□张敏, □本报记者 周涛
    通讯员 陈晨 摄影报道); not a brief's title, which the same square bullets (■南平邮政助力茶叶出口)."""
    rest = despace_credit(text)
    for word in rules.byline_words:
        rest = rest.replace(word, " ")
    names = rest.replace("、", " ").split()
    return bool(names) and all(len(name) <= _MAX_NAME_CHARS or "·" in name for name in names)


def _role_and_names(compact: str, rules: Rules) -> bool:
    """编辑：刘洋, 摄影：王芳、李明: a role and names; not an interview's question, which a page
    wraps into a line of the same shape (记者：今年的投递量为何增长这么快)."""
    match = _ROLE_AND_NAME.fullmatch(compact)
    if not match:
        return False
    names = re.split("[:：/／]", compact, maxsplit=1)[1].split("、")
    return all(
        "·" in name or len(name) <= _MAX_NAME_CHARS and (name[0] in rules.surnames or name[:2] in rules.surnames)
        for name in names
    )


def _is_credit(text: str, rules: Rules) -> bool:
    """Whether a credit's text (a bracket's inside) names a role, or is names alone, or a unit or
    town and a name."""
    inner = text.strip()
    if any(word in inner for word in rules.byline_words):
        return True
    unit = _UNIT_AND_NAME.fullmatch(inner)
    return _names_alone(inner, rules) or unit is not None and _names_alone(unit.group(1), rules)


def _names_alone(inner: str, rules: Rules) -> bool:
    """Names alone, a surname first (沈佳, 欧阳明辉) or a Tibetan, Mongolian or Uyghur name (泽仁多吉)."""
    # PDF text spaces a name's characters out: （张 磊） is （张磊）
    inner = inner if _CREDITED_NAMES.fullmatch(inner) else despace_credit(inner)
    names = re.split("[ 、]", inner)
    return len(names) <= _MAX_CREDITED_NAMES and all(
        _HAN_NAME.fullmatch(name) and (name[0] in rules.surnames or name[:2] in rules.surnames) and (
            # a given name has one or two characters: four are a two-character surname's (欧阳明辉)
            # or two names of two a line break glued (钱程 / 周雅), not a phrase's opening with a
            # surname's character (祖孙三代)
            len(name) < 4 or name[:2] in rules.surnames or name[2] in rules.surnames
        )
        or rules.ethnic_name.fullmatch(name)
        for name in names
    )


def split_opener(paragraph: Paragraph, rules: Rules) -> tuple[str, str]:
    """(credit byline, body text) of a paragraph opening with `本报讯 （记者 … 通讯员 …）`."""
    raws = [line.raw for line in paragraph.lines]
    joined = "\n".join(raws)
    compact_opener = rules.opener.match(joined.replace(" ", "").replace("\n", "")).group(0)
    cut = _raw_index_after(joined, len(compact_opener))
    rest = joined[cut:].lstrip(" \n")
    credit = ""
    if rest[:1] and rest[0] in _CREDIT_OPEN:
        close = min((rest.find(c) for c in _CREDIT_CLOSE if c in rest[:_MAX_CREDIT_CHARS]), default=-1)
        if close > 0:
            credit, rest = rest[: close + 1], rest[close + 1 :]
    opener_raw = joined[:cut].replace("\n", "")
    credit_text = join_lines([despace_credit(piece) for piece in credit.split("\n")], credit=True)
    byline = despace_credit(opener_raw) + (" " + credit_text if credit_text else "")
    body = join_lines([despace(piece) for piece in rest.split("\n")])
    return byline, body


def _raw_index_after(raw: str, length: int) -> int:
    seen = 0
    for index, char in enumerate(raw):
        if seen == length:
            return index
        if char not in " \n":
            seen += 1
    return len(raw)


@dataclass
class Segment:
    """A story found on the page, before its headline is attached."""

    paragraphs: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    continuation: bool = False
    first_item: int = -1
    last_item: int = -1
    open_start: bool = True  # began without an opener or continuation marker
    open_end: bool = True  # ended without a closing byline or "continued on" marker
    credited_under: int | None = None  # item of the headline line right above its leading byline
    opening_bylines: int | None = None  # bylines before its first paragraph (the rest close it)
    # A headline run kept in its text as a section head that may be its own headline, which the
    # extraction put after its first text: (its first paragraph's index, its lines); see _headline_inside
    inner_head: tuple[int, list[str]] | None = None
    # A column's label right above it, after other stories (更正, 一周要闻): its title if no
    # headline heads it (a box or a digest of items under the label alone)
    label: str | None = None


@dataclass
class PageLayout:
    segments: list[Segment]
    headline_runs: list[tuple[int, list[str]]]  # (item index, headline lines) not used as section heads


def _introduced_only(segment: Segment) -> bool:
    """Whether a story's text so far is its editor's note alone (编者按：…)."""
    return bool(segment.paragraphs) and all(_EDITOR_NOTE.match(text) for text in segment.paragraphs)


def segment_page(paragraphs: list[Paragraph], rules: Rules, cohesion_threshold: float) -> PageLayout:
    """Cut the page's paragraphs into stories.

    Hard boundaries: openers, "continued from" markers, after bylines and "continued on"
    markers. A headline run between two plain paragraphs is a boundary only if the text
    on its two sides is about different things; otherwise it is a section head of one story.
    """
    segments: list[Segment] = []
    runs: list[tuple[int, list[str]]] = []
    # (index into segments of the right side, headline run index or None, column width changed)
    tentative: list[tuple[int, int | None, bool]] = []
    column = None  # text column width of the current story
    current: Segment | None = None
    leading: list[str] = []  # bylines printed between a headline and its story's first paragraph
    leading_under: int | None = None  # the headline item right above the first of them
    notes: list[str] = []  # an editor's note (编者按) waiting for the story it introduces
    closed = True
    last_kind = None
    label = None  # the column label right above the paragraph, if any (see Segment.label)
    for index, paragraph in enumerate(paragraphs):
        kind = paragraph.kind
        if kind == "headline":
            if last_kind == "headline":
                runs[-1][1].append(paragraph.text)
            else:
                runs.append((index, [paragraph.text]))
        elif kind == "label":
            # A column label (图片新闻, 简讯) between paragraphs heads items of its own; page
            # furniture (a folio, the editors' line) ends the page's text before it.
            closed = True
            compact = paragraph.text.replace(" ", "")
            label = compact if segments and len(compact) <= _MAX_COLUMN_LABEL_CHARS and CJK_RUN.fullmatch(compact) else None
        elif kind == "closer":
            # A byline on a line of its own under a headline opens the next story.
            if current is None or (last_kind == "headline" and not paragraph.lines[0].attached):
                # A credit line (本报记者 …) right under a headline; □ closes the story above.
                if last_kind == "headline" and not leading and paragraph.text[:1] not in rules.byline_markers:
                    leading_under = index - 1
                leading.append(paragraph.lines[0].text)
            elif _introduced_only(current) and not paragraph.lines[0].attached:
                # An editor's note under the headline, then the story's credit line: the story
                # starts below it (the note closes no story).
                current.bylines.append(paragraph.lines[0].text)
                last_kind = kind
                continue
            elif _credits_embedded_photo(current, paragraph.lines[0].text, rules):
                current.bylines.append(paragraph.lines[0].text)  # the story's text goes on below
                current.last_item = index
                last_kind = kind
                continue
            else:
                current.bylines.append(paragraph.lines[0].text)
                current.open_end = False
                current.last_item = index
            closed = True
        elif kind == "to":
            if current is not None:
                current.open_end = False
            closed = True
        elif kind == "from":
            current = Segment(continuation=True, first_item=index, last_item=index, open_start=False)
            current.bylines, leading, leading_under = leading, [], None
            segments.append(current)
            closed, column = False, None
        elif kind == "body" and closed and last_kind != "headline" and _EDITOR_NOTE.match(paragraph.text):
            notes.append(paragraph.text)  # above a headline, after a story ended: for the story below
            continue
        else:
            starts = kind == "opener" or closed or current is None
            after_run = last_kind == "headline" and not starts
            own_column = paragraph_column(paragraph)
            new_column = (
                not starts and current is not None and current.paragraphs
                and column is not None and own_column is not None and _column_changed(column, own_column)
            )
            if starts or after_run or new_column:
                fresh_continuation = current is not None and current.continuation and not current.paragraphs
                if starts or not fresh_continuation:
                    current = Segment(
                        first_item=index, open_start=kind != "opener", credited_under=leading_under, label=label
                    )
                    current.bylines, leading, leading_under = leading, [], None
                    current.paragraphs, notes = notes, []
                    segments.append(current)
                if after_run or new_column:
                    tentative.append((len(segments) - 1, len(runs) - 1 if after_run else None, new_column))
                column = None
            if own_column is not None:
                column = own_column
            if kind == "opener":
                credit, body = split_opener(paragraph, rules)
                current.bylines.append(credit)
                if body:
                    current.paragraphs.append(body)
            else:
                current.paragraphs.append(paragraph.text)
            if current.opening_bylines is None:
                current.opening_bylines = len(current.bylines)
            current.last_item = index
            closed = False
        if kind != "label":
            last_kind, label = kind, None
    if notes:  # no story after it: the note stands alone
        segments.append(Segment(paragraphs=notes, first_item=len(paragraphs) - 1, last_item=len(paragraphs) - 1))
    section_runs = _merge_section_heads(segments, runs, tentative, cohesion_threshold, rules)
    kept_runs = [run for number, run in enumerate(runs) if number not in section_runs]
    return PageLayout([s for s in segments if s.paragraphs], kept_runs)


def _credits_embedded_photo(current: "Segment", credit: str, rules: Rules) -> bool:
    """A photo credit under a caption (图为…) that follows the story's own paragraphs, or its
    credit line (a feature's photo between its byline and its text): it closes the caption,
    not the story (a photo news item is captions alone, under its headline)."""
    paragraphs = current.paragraphs
    if not credit.replace(" ", "").endswith("摄") or not paragraphs or rules.photo.search(paragraphs[-1]) is None:
        return False
    if len(paragraphs) == 1:
        return bool(current.opening_bylines)  # (the credit line opened it)
    return any(not rules.photo.search(text) for text in paragraphs[:-1])


def _merge_section_heads(segments, runs, tentative, threshold, rules: Rules) -> set[int]:
    """Undo weak boundaries (a headline run or a column change alone) when both sides share
    their vocabulary, when the runs are a byline-led story's short section heads (see
    _section_head_chains), or when the run is the heading of a story's box (记者手记): the run is
    then a section head of one story. Both cues together stand, but for a box's heading."""
    if not tentative:
        return set()
    grams = [char_bigrams(" ".join(s.paragraphs)) for s in segments]
    idf = bigram_idf(grams)
    heads = _section_head_chains(segments, runs, tentative, rules.photo)
    merged_runs: set[int] = set()
    for right_index, run_index, new_column in reversed(tentative):
        left, right = segments[right_index - 1], segments[right_index]
        sidebar = run_index is not None and "".join(runs[run_index][1]).replace(" ", "") in rules.sidebar_labels
        # (a box is set narrower than its story: its label and its width together are no new story)
        if not left.open_end or not right.open_start or (run_index is not None and new_column and not sidebar):
            continue
        if right_index in heads or sidebar or cosine(grams[right_index - 1], grams[right_index], idf) >= threshold:
            grams[right_index - 1] = grams[right_index - 1] + grams.pop(right_index)
            if run_index is not None:
                if _headline_inside(segments, right_index - 1, runs, runs[run_index][1]):
                    left.inner_head = (len(left.paragraphs), runs[run_index][1])
                left.paragraphs.extend(runs[run_index][1])
                merged_runs.add(run_index)
            left.paragraphs.extend(right.paragraphs)
            left.bylines.extend(right.bylines)
            left.last_item, left.open_end = right.last_item, right.open_end
            del segments[right_index]
    return merged_runs


def _headline_inside(segments, index: int, runs, run: list[str]) -> bool:
    """Whether the headline run after segments[index]'s first text may be its own headline, which
    the extraction's order put after it (a pdfminer box under the text's first box): the story
    has no headline above it and starts where the story above closed (a credit), not at the
    page's top (the rest of a story from another page, its section heads its own); a line of the
    run is longer than a section head's. It heads the story if no headline of the page does
    (Splitter._split_page)."""
    story = segments[index]
    if not index or segments[index - 1].open_end or story.continuation or story.credited_under is not None:
        return False
    previous_end = segments[index - 1].last_item
    return not any(previous_end < start and start + len(texts) <= story.first_item for start, texts in runs) and any(
        len(line.replace(" ", "")) > _MAX_SECTION_HEAD_CHARS for line in run
    )


def _section_head_chains(segments, runs, tentative, photo: re.Pattern) -> set[int]:
    """Right-hand segment indices of boundaries that are section heads by their layout: two or
    more headline runs in a row, each one short line, cut a story whose byline stood under its
    headline into parts with no byline, opener or closing credit of their own (see
    _no_credit_of_its_own). Short sections share too few words for the cohesion test; stories
    of their own carry such marks."""
    weak = {
        right_index
        for right_index, run_index, new_column in tentative
        if run_index is not None and not new_column and len(runs[run_index][1]) == 1
        and len(runs[run_index][1][0].replace(" ", "")) <= _MAX_SECTION_HEAD_CHARS
        and segments[right_index - 1].open_end and segments[right_index].open_start
        and _no_credit_of_its_own(segments[right_index], photo)
    }
    heads: set[int] = set()
    for start in sorted(weak):
        if start - 1 in weak:
            continue  # inside a chain already walked
        chain = [start]
        while chain[-1] + 1 in weak:
            chain.append(chain[-1] + 1)
        if len(chain) >= 2 and segments[start - 1].bylines:
            heads.update(chain)
    return heads


def _no_credit_of_its_own(segment, photo: re.Pattern) -> bool:
    """Whether a segment carries no credit of its own: none, or only a photo's credit in text
    that is not all captions (a feature's section with its picture; a photo story's caption
    and credit are its own)."""
    if not segment.bylines:
        return True
    captions = sum(1 for paragraph in segment.paragraphs if photo.search(paragraph))
    return all(photo.search(byline) for byline in segment.bylines) and captions < len(segment.paragraphs)


def paragraph_column(paragraph: Paragraph) -> float | None:
    """Column width a paragraph was set in: its widest line but the last (None if too short);
    lines spread by justification (网 友 点 赞 ， 也 …) aside: they span the column, however
    many characters they hold, so their measure says nothing of its width."""
    if len(paragraph.lines) < 3:
        return None
    widths = [line.width for line in paragraph.lines[:-1] if not is_justified(line.raw)]
    return max(widths) if widths else None


def _column_changed(before: float, after: float) -> bool:
    return max(before, after) >= 1.25 * min(before, after) and abs(before - after) >= 3


def char_bigrams(text: str) -> Counter:
    return Counter([a + b for run in CJK_RUN.findall(text) for a, b in zip(run, run[1:])])


def bigram_idf(grams: list[Counter]) -> dict[str, float]:
    document_frequency: Counter = Counter()
    for counts in grams:
        document_frequency.update(counts.keys())
    count = len(grams)
    return {gram: math.log((count + 1) / df) for gram, df in document_frequency.items()}


def cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    va = {g: n * idf.get(g, 0.0) for g, n in a.items()}
    vb = {g: n * idf.get(g, 0.0) for g, n in b.items()}
    dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
    norm = math.sqrt(sum(w * w for w in va.values())) * math.sqrt(sum(w * w for w in vb.values()))
    return dot / norm if norm else 0.0
