"""Articles exported as a table (CSV or tab-separated, as crawlers and spreadsheets write them):
a header row naming the columns, one article per row. Each row is read as a JSON record is:
its title, date, author and source columns by their names, its content column the article."""

import csv
import io
import re

from pipeline.clean.feeds import FeedEntry
from pipeline.clean.jsonrecords import CONTENT_KEY, TITLE_KEY, record_entry

DELIMITERS = (",", "\t")
MAX_HEADER_CHARS = 30  # a column name; a longer first field is text, not a header
MAX_HEADER_LINE = 64 * (MAX_HEADER_CHARS + 3)  # 64 quoted names: a longer first line is text
FIELD_LIMIT = 16 * 1024 * 1024  # an article's text in one cell may exceed csv's default 128 KB
NEWLINE_RE = re.compile(r"\r\n?|\n")


def read_csv(text: str) -> list[FeedEntry] | None:
    """The articles of a table whose header names a content or title column; None for any
    other text."""
    first_line = NEWLINE_RE.split(text.lstrip("\ufeff"), maxsplit=1)[0]
    if len(first_line) > MAX_HEADER_LINE:  # csv would refuse a field over its limit: no header
        return None
    for delimiter in DELIMITERS:
        header = next(csv.reader([first_line], delimiter=delimiter))
        if not _is_header(header):
            continue
        csv.field_size_limit(FIELD_LIMIT)
        try:
            rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))[1:]
        except csv.Error:  # a cell beyond FIELD_LIMIT: not a table of articles
            continue
        complete = [row for row in rows if len(row) == len(header)]
        if not complete or len(complete) < len([row for row in rows if any(row)]) / 2:
            continue  # the rows do not follow the header: not a table
        return [entry for row in complete if (entry := record_entry(dict(zip(header, row))))]
    return None


def _is_header(fields: list[str]) -> bool:
    names = [field.strip() for field in fields]
    return (
        len(names) >= 2
        and all(0 < len(name) <= MAX_HEADER_CHARS for name in names)
        and any(CONTENT_KEY.search(name) for name in names)
        and any(TITLE_KEY.search(name) for name in names)
    )
