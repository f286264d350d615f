"""An article whose line breaks were lost (a page's text taken with every tag dropped, a paste
into one field): its headline and metadata fields run into the body on one line.

The head is found by its fields (来源：, 发布时间：, 作者：): a headline-like stretch before
the first label, then labels and their values one after another, then the body. The line
is cut into headline, metadata and body lines; the paragraphs stay as one.
"""

import re

from pipeline.split.reflow import HEADLINE_FORBIDDEN

MAX_HEADLINE_CHARS = 60
MIN_HEADLINE_CHARS = 6
MAX_VALUE_CHARS = 30  # a field's value (a source, names) ends within this many characters
FIELD_LABEL = re.compile(
    r"(?:作者|来源|稿源|出处|发布时间|发布日期|更新时间|时间|日期|记者|通讯员|编辑|责任编辑|责编|浏览次数|点击数|阅读)\s*[:：]\s*"
)
DATE_TIME_VALUE = re.compile(
    r"(?:19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
VALUE_END = re.compile(r"[\s|｜]")
SENTENCE_MARK = re.compile("[，。；！？,;]")
# Labels whose value may be several names set apart by spaces (作者：刘建华 钟雨晴)
NAMES_LABEL = re.compile(r"(?:作者|记者|通讯员|编辑|责任编辑|责编)\s*[:：]")
NEXT_NAME = re.compile(r"\s([\u4e00-\u9fff]{2,4})(?=\s)")
# The page's tools, in brackets, among the fields or after the text: 【字体：大 中 小】, 【打印本页】【关闭窗口】
TOOLS = re.compile(
    r"\s*【\s*(?:字\s*[体号][:：][^】]{0,12}|打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|收藏|分享)\s*】"
)
TRAILING_TOOLS = re.compile(f"(?:{TOOLS.pattern})+\\s*$")


def unfold_run_on_head(text: str) -> str | None:
    """``text`` with its run-on first line cut into headline, metadata and body lines, or
    None when the first line is no such run-on head."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = lines[first].strip()
    if len(line) <= MAX_HEADLINE_CHARS:  # may be a headline line of its own
        return None
    label = FIELD_LABEL.search(line, 0, MAX_HEADLINE_CHARS + 1)
    if not label or label.start() < MIN_HEADLINE_CHARS:
        return None
    headline = line[:label.start()].strip()
    if any(mark in HEADLINE_FORBIDDEN for mark in headline):
        return None  # a sentence: the text starts with its body
    fields_end = _fields_end(line, label.start())
    body = TRAILING_TOOLS.sub("", line[fields_end:]).strip()
    if not SENTENCE_MARK.search(body):
        return None  # no running text after the fields: a page's folio line, a head on its own
    head = [headline, line[label.start():fields_end].strip(), body]
    # Blank lines between the parts, as a page's head is laid out: a headline line is not
    # joined with the line under it.
    return "\n".join([*lines[:first], "\n\n".join(part for part in head if part), *lines[first + 1:]])


def _fields_end(line: str, pos: int) -> int:
    """Where the run of fields starting at ``pos`` ends: after the last value that ends
    clearly (a date, whitespace, the next label); the body follows."""
    end = pos
    while label := FIELD_LABEL.match(line, pos):
        pos = label.end()
        date = DATE_TIME_VALUE.match(line, pos)
        if date:
            pos = date.end()
        else:
            ends = [m.start() for m in (FIELD_LABEL.search(line, pos), VALUE_END.search(line, pos)) if m]
            if not ends or min(ends) - pos > MAX_VALUE_CHARS:
                return end  # the value runs into the body: it stays with it
            pos = min(ends)
            if NAMES_LABEL.match(label.group()):
                while name := NEXT_NAME.match(line, pos):
                    pos = name.end()
        end = pos
        while tools := TOOLS.match(line, pos):
            end = pos = tools.end()
        while pos < len(line) and VALUE_END.match(line, pos):
            pos += 1
    return end
