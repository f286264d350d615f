"""Front matter: the metadata block a static-site generator or a scraper puts above a Markdown
article (``---`` YAML or ``+++`` TOML lines of ``key: value``). Its fields are read as a JSON
record's are (title, date, author, source by their names) and the text below it, Markdown,
is the article."""

import re

from pipeline.clean.feeds import FeedEntry
from pipeline.clean.jsonrecords import record_entry
from pipeline.clean.markdown import markdown_to_html

FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
# A scalar field (key: value, key = value); lists and nested maps are not the article's fields.
FIELD = re.compile(r"^([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*)[ \t]*[:=][ \t]*(\S.*?)[ \t]*$", re.M)
QUOTES = "\"'"


def read_front_matter(text: str) -> FeedEntry | None:
    """The article below a front matter block with its fields; None when ``text`` has none."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    record = {key: value.strip(QUOTES) for key, value in FIELD.findall(match.group(2))}
    if not record:
        return None  # two rules (---) around lines of text, not a block of fields
    record["content"] = markdown_to_html(text[match.end():])
    return record_entry(record)
