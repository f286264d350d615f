"""Newspaper columns printed side by side (``pdftotext -layout``), read one after the other.

A tool that keeps a PDF page's layout writes each printed row as one line: the first
column's line, spaces, the second column's line, and so on. Read as it stands, every line
mixes two stories. The columns show as starts that many lines share: text begins at the
same place after a gap of two or more spaces. Each line is cut there, and each band of
lines (rows between lines that run across a column start: a headline spanning columns) is
read column by column, left to right.

Positions count display cells (a Chinese character takes two), as a monospaced rendering
does, or characters, as tools placing text on a character grid do; the count under which
more lines share the column starts wins.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

GAP = re.compile("[ \u3000]{2,}")  # spaces between columns: two or more (one parts words)
GAP_IN_TEXT = re.compile("\\S[ \u3000]{2,}\\S")
MIN_COLUMN_LINES = 4  # lines with text on both sides of a column start
MIN_COLUMN_SHARE = 0.25  # of the lines with text: a start that few share is a line's own gap
# Characters of a column's typical line: newspaper columns hold 10-25, a text table's cells
# (项目, 2023年, 增长8%) fewer; a table is read row by row, as it stands.
MIN_COLUMN_CHARS = 8
TOLERANCE = 1  # a column's lines may start a cell apart (rounding of PDF positions)

Segment = tuple[int, int, str]  # (start, end) position and the text between gaps


def display_cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def characters(text: str) -> int:
    return len(text)


def unfold_columns(text: str) -> str | None:
    """The text with side-by-side columns read one after another; None when it has none."""
    lines = text.expandtabs(8).splitlines()
    if sum(1 for line in lines if GAP_IN_TEXT.search(line)) < MIN_COLUMN_LINES:
        return None  # most texts: no need to measure them
    best = None
    for measure in (display_cells, characters):
        rows = [_segments(line, measure) for line in lines]
        starts, support = _column_starts(rows)
        if starts and (best is None or support > best[0]):
            best = (support, rows, starts)
    if best is None:
        return None
    _, rows, starts = best
    return "\n".join(_read_in_columns(lines, rows, starts)) + "\n"


def _segments(line: str, measure: Callable[[str], int]) -> list[Segment]:
    segments, position, last = [], 0, 0
    for gap in GAP.finditer(line):
        if gap.start() > last:
            text = line[last : gap.start()]
            segments.append((position, position + measure(text), text))
            position += measure(text)
        position += measure(gap.group())
        last = gap.end()
    text = line[last:].rstrip()
    if text:
        segments.append((position, position + measure(text), text))
    return segments


def _column_starts(rows: list[list[Segment]]) -> tuple[list[int], int]:
    """Positions where columns start, and how many lines have text on both sides of one."""
    counts: Counter[int] = Counter()
    lengths: dict[int, list[int]] = {}
    for segments in rows:
        for start, _, text in segments[1:]:  # a segment after text and a gap
            counts[start] += 1
            lengths.setdefault(start, []).append(len(text))
    lines_with_text = sum(1 for segments in rows if segments)
    starts, support = [], 0
    for position, _ in counts.most_common():
        if any(abs(position - start) <= 2 * TOLERANCE for start in starts):
            continue  # the same column, a cell apart
        around = range(position - TOLERANCE, position + TOLERANCE + 1)
        near = sum(counts[p] for p in around)
        widths = sorted(length for p in around for length in lengths.get(p, ()))
        if (
            near >= MIN_COLUMN_LINES
            and near >= MIN_COLUMN_SHARE * lines_with_text
            and widths[len(widths) // 2] >= MIN_COLUMN_CHARS
        ):
            starts.append(position)
            support += near
    return sorted(starts), support


def _column_of(segment: Segment, starts: list[int]) -> int | None:
    """Index of the column a segment lies in; None when it runs across a column start."""
    start, end, _ = segment
    column = sum(1 for s in starts if start >= s - TOLERANCE)
    if column < len(starts) and end > starts[column] + TOLERANCE:
        return None
    return column


def _read_in_columns(lines: list[str], rows: list[list[Segment]], starts: list[int]) -> list[str]:
    out: list[str] = []
    band: list[list[str]] = []  # per row, the text of each column

    def flush():
        for column in range(len(starts) + 1):
            out.extend(row[column] for row in band)
        band.clear()

    for line, segments in zip(lines, rows):
        columns = [_column_of(segment, starts) for segment in segments]
        if None in columns:  # runs across columns: a band ends before it
            flush()
            out.append(line.strip())
            continue
        row = [""] * (len(starts) + 1)
        for column, (_, _, text) in zip(columns, segments):
            row[column] = f"{row[column]} {text}" if row[column] else text
        band.append(row)
    flush()
    return out
