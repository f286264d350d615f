"""Front matter: the metadata block a static-site generator or a scraper puts above a Markdown
article (``---`` YAML or ``+++`` TOML lines of ``key: value``), or a press release's header of
labelled lines (标题：… 作者：… 日期：…) above its text. Its fields are read as a JSON record's
are (title, date, author, source by their names) and the text below it is the article."""

import re

from pipeline.clean.feeds import FeedEntry
from pipeline.clean.jsonrecords import DATE_KEY, TITLE_KEY, record_entry
from pipeline.clean.markdown import markdown_to_html

FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
# A scalar field (key: value, key = value); lists and nested maps are not the article's fields.
FIELD = re.compile(r"^([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*)[ \t]*[:=][ \t]*(\S.*?)[ \t]*$", re.M)
QUOTES = "\"'"
# A press release's header: a line of its kind in brackets (【新闻通稿】) at most, then labelled
# fields, one a title, ended by a rule or a blank line.
# (A wire service's or a newsroom system's slug keys its fields in English: TITLE:, BYLINE:;
# a field may stand empty, SUBTITLE:.)
HEADER_FIELD = re.compile(
    r"[ \t\u3000]*([\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z_]{1,15})[ \t\u3000]*[:：][ \t\u3000]*(\S.*?)?[ \t\u3000]*"
)
KIND_LINE = re.compile(r"[ \t\u3000]*(?:[【\[［][^【】\[\]［］]{2,10}[】\]］]|#[A-Z]{2,10}\b.{0,40})[ \t\u3000]*")
# a rule, a cut mark in it too (----8<----), Markdown's three marks (---)
RULE_LINE = re.compile(r"[ \t\u3000]*(?:[=\-—_*#~]{2,}(?:8<|✂)?[=\-—_*#~]{2,}|-{3}|\*{3}|_{3})[ \t\u3000]*")
# A Markdown table of two columns, a label and its value (an online document's sheet of fields)
MARKDOWN_FIELD_ROW = re.compile(r"\|[ \t]*([\u4e00-\u9fff]{2,6}|[A-Za-z_]{2,16})[ \t]*\|[ \t]*([^|]*?)[ \t]*\|[ \t]*")
MARKDOWN_TABLE_RULE = re.compile(r"\|(?:[ \t]*:?-{3,}:?[ \t]*\|){2}[ \t]*")
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
MIN_HEADER_FIELDS = 2
# Under the text's closing rule, a few short lines are the release's contact and reprint notes.
MAX_CLOSING_NOTE_LINES, MAX_CLOSING_NOTE_CHARS = 4, 80
MAX_COVER_LINES = 3  # an e-mail's subject, greeting and note over the release's header
MAIL_SUBJECT_KEY = "主题"  # a mail header's subject (Outlook's export of a message as text): no article's title
SIGNATURE_SEPARATOR = re.compile(r"-- ?")  # a mail's signature block under it (RFC 3676)


def read_front_matter(text: str) -> FeedEntry | None:
    """The article below a front matter block with its fields; None when ``text`` has none."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    record = {key: value.strip().strip(QUOTES) for key, value in FIELD.findall(match.group(2))}  # (CRLF lines: \r)
    if not record:
        return None  # two rules (---) around lines of text, not a block of fields
    record["content"] = markdown_to_html(text[match.end():])
    return record_entry(record)


def read_labelled_header(text: str) -> FeedEntry | None:
    """The text below a press release's header of labelled fields, with them; None when
    ``text`` opens with none. A cover note of a few lines above it (an e-mail's subject and
    greeting: 各位媒体朋友：/ 您好！现将新闻通稿发送给您) goes, when a rule closes the header."""
    lines = text.lstrip("\ufeff").splitlines()
    if "|" in text:  # (a Markdown sheet of fields: most texts have none)
        lines = [field for line in lines if (field := _table_row_as_field(line)) is not None]
    starts = [i for i, line in enumerate(lines) if line.strip()][:MAX_COVER_LINES + 1]
    for number, start in enumerate(starts):
        entry = _labelled_header_at(lines, start, rule_needed=number > 0)
        if entry is not None:
            return entry
    return None


def _labelled_header_at(lines: list[str], index: int, rule_needed: bool) -> FeedEntry | None:
    if index < len(lines) and KIND_LINE.fullmatch(lines[index]):
        index += 1
    record = {}
    while index < len(lines) and (field := HEADER_FIELD.fullmatch(lines[index])):
        if field.group(2):
            record.setdefault(*field.groups())
        index += 1
    rule = index
    while rule < len(lines) and not lines[rule].strip():
        rule += 1
    ruled = rule < len(lines) and RULE_LINE.fullmatch(lines[rule]) is not None
    titled = any(TITLE_KEY.search(key) or key == MAIL_SUBJECT_KEY for key in record)
    # (a document's sheet of fields, no title among them, over a rule and the text's own headline)
    if len(record) < MIN_HEADER_FIELDS or not (titled or ruled and any(DATE_KEY.search(key) for key in record)):
        return None
    if not ruled and index < len(lines) and (rule_needed or lines[index].strip()):
        return None  # labelled lines running into the text: a text that lists fields
    body = _without_cover_note(_without_signature(lines[rule + 1:] if ruled else lines[index + 1:]))
    rule_lines = [i for i, line in enumerate(body) if RULE_LINE.fullmatch(line)]
    if rule_lines:
        notes = [line for line in body[rule_lines[-1] + 1:] if line.strip()]
        if len(notes) <= MAX_CLOSING_NOTE_LINES and all(len(line.strip()) <= MAX_CLOSING_NOTE_CHARS for line in notes):
            body = body[:rule_lines[-1]]
    content = "\n".join(body)
    # (a Markdown document's text under its sheet of fields: its headline a heading)
    record["content"] = markdown_to_html(content) if MARKDOWN_HEADING.search(content) else content
    return record_entry(record)


def _table_row_as_field(line: str) -> str | None:
    """A Markdown table's row of a label and its value as a labelled line (| 供稿单位 | 某某 | as
    供稿单位：某某); its rule row as nothing; any other line as it is."""
    if MARKDOWN_TABLE_RULE.fullmatch(line):
        return None
    row = MARKDOWN_FIELD_ROW.fullmatch(line)
    return f"{row.group(1)}：{row.group(2)}" if row else line


def _without_signature(body: list[str]) -> list[str]:
    """A mail's text above its signature block (the sender's name, office and phones, a
    confidentiality notice)."""
    signature = next((i for i, line in enumerate(body) if SIGNATURE_SEPARATOR.fullmatch(line.rstrip("\r"))), None)
    return body if signature is None else body[:signature]


def _without_cover_note(body: list[str]) -> list[str]:
    """The text below a rule under a note of a few lines to the recipients (各位媒体朋友：/ 您好！
    现将新闻通稿发给您), the text longer than the note."""
    rule = next((i for i, line in enumerate(body) if RULE_LINE.fullmatch(line)), None)
    if rule is None:
        return body
    note, text = "".join(body[:rule]), "".join(body[rule + 1:])
    if sum(1 for line in body[:rule] if line.strip()) > MAX_COVER_LINES or len(text) <= 2 * len(note):
        return body
    return body[rule + 1:]

