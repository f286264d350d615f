"""Newspaper columns printed side by side (``pdftotext -layout``), read one after the other.

A tool that keeps a PDF page's layout writes each printed row as one line: the first
column's line, spaces, the second column's line, and so on. Read as it stands, every line
mixes two stories. The columns show as starts that many lines share: text begins at the
same place after a gap of two or more spaces. Each line is cut there, and each band of
lines is read column by column, left to right. A band ends before a line that runs across a
column start (a headline spanning columns) and, after a few rows of text (more than a
headline's), at a gap of blank rows that no paragraph break makes: two or more, or one where
a column's text stops mid-sentence (a story's text flowing from one column into the next
ends there, and the stories below start a band of their own).

Positions count display cells (a Chinese character takes two), as a monospaced rendering
does, or characters, as tools placing text on a character grid do; the count under which
more lines share the column starts wins.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from pipeline.split.reflow import ends_sentence

GAP = re.compile("[ \u3000]{2,}")  # spaces between columns: two or more (one parts words)
GAP_IN_TEXT = re.compile("\\S[ \u3000]{2,}\\S")
MIN_COLUMN_LINES = 4  # lines with text on both sides of a column start
MIN_EXACT_LINES = 2  # of them placed for sure (no full-width character folded before them)
MIN_COLUMN_SHARE = 0.25  # of the lines with text: a start that few share is a line's own gap
# Characters of a column's typical line: newspaper columns hold 10-25, a text table's cells
# (项目, 2023年, 增长8%) fewer; a table is read row by row, as it stands.
MIN_COLUMN_CHARS = 8
TOLERANCE = 1  # a column's lines may start a cell apart (rounding of PDF positions)
MIN_BAND_ROWS = 3  # rows of text before a gap ends a band: fewer are headlines over their stories

Segment = tuple[int, int, str, int]  # (start, end) position, the text between gaps, slack of its start
NARROW_ALNUM = re.compile("[0-9A-Za-z]")


def display_cells(text: str) -> int:
    # Ambiguous-width characters (“ ” ‘ ’ … ①) take two cells among Chinese text, as a CJK font sets them.
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


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
            segments.append(_segment(line, last, gap.start(), position, measure))
            position = segments[-1][1]
        position += measure(gap.group())
        last = gap.end()
    end = len(line.rstrip())
    if end > last:
        segments.append(_segment(line, last, end, position, measure))
    return segments


def _segment(line: str, begin: int, end: int, position: int, measure: Callable[[str], int]) -> Segment:
    text = line[begin:end]
    # Decoding folds full-width digits and letters to half-width, one cell narrower each: on
    # display cells, text after them on a line may have started as many cells further right.
    slack = len(NARROW_ALNUM.findall(line, 0, begin)) if measure is display_cells else 0
    return position, position + measure(text), text, slack


def _column_starts(rows: list[list[Segment]]) -> tuple[list[int], int]:
    """Positions where columns start, and how many lines have text on both sides of one."""
    after_gaps = [segment for segments in rows for segment in segments[1:]]  # a segment after text and a gap
    exact = Counter(start for start, _, _, slack in after_gaps if not slack)
    lines_with_text = sum(1 for segments in rows if segments)
    starts: list[int] = []
    for position, _ in sorted(exact.items(), key=lambda item: (-_around(exact, item[0]), -item[1], item[0])):
        if any(abs(position - start) <= 2 * TOLERANCE for start in starts):
            continue  # the same column, a cell apart
        # segments whose place a fold left uncertain count, but only where others start for sure
        near = [len(text) for start, _, text, slack in after_gaps if _may_start_at(start, slack, position)]
        if (
            _around(exact, position) >= MIN_EXACT_LINES
            and len(near) >= MIN_COLUMN_LINES
            and len(near) >= MIN_COLUMN_SHARE * lines_with_text
            and sorted(near)[len(near) // 2] >= MIN_COLUMN_CHARS
        ):
            starts.append(position)
    support = sum(1 for start, _, _, slack in after_gaps if any(_may_start_at(start, slack, p) for p in starts))
    return sorted(starts), support


def _around(counts: Counter[int], position: int) -> int:
    return sum(counts[p] for p in range(position - TOLERANCE, position + TOLERANCE + 1))


def _may_start_at(start: int, slack: int, position: int) -> bool:
    return start - TOLERANCE <= position <= start + slack + TOLERANCE


def _column_of(segment: Segment, starts: list[int]) -> int | None:
    """Index of the column a segment lies in; None when it runs across a column start."""
    start, end, _, slack = segment
    column = next(
        (k + 1 for k, position in enumerate(starts) if _may_start_at(start, slack, position)),
        sum(1 for position in starts if start >= position - TOLERANCE),
    )
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

    def flush_over_headline():
        # A label alone in a column after the band's last gap (短评) heads the line across the
        # columns below it, not the column it stands in.
        gaps = [i for i, row in enumerate(band) if not any(row)]
        label = band[gaps[-1] + 1 :] if gaps else []
        if label and len(label) < MIN_BAND_ROWS and len({i for row in label for i, text in enumerate(row) if text}) == 1:
            del band[gaps[-1] :]
            flush()
            out.append("")
            out.extend(text for row in label for text in row if text)
        else:
            flush()

    blank_rows = 0  # a gap's rows, read after the columns above it when it ends their band
    for line, segments in zip(lines, rows):
        if not segments:
            blank_rows += 1
            continue
        columns = [_column_of(segment, starts) for segment in segments]
        # a line across the columns: one running over a column start, or spread over the page
        # with gaps inside a column (a page's header: date, page name, paper, folio)
        across = None in columns or len(set(columns)) < len(columns)
        if across and not blank_rows:
            flush_over_headline()
        elif across or not band or blank_rows and _ends_band(band, blank_rows):
            flush()
            out.extend([""] * blank_rows)
        else:
            band.extend([""] * (len(starts) + 1) for _ in range(blank_rows))
        blank_rows = 0
        if across:
            out.append(line.strip())
            continue
        row = [""] * (len(starts) + 1)
        for column, (_, _, text, _) in zip(columns, segments):
            row[column] = text
        band.append(row)
    flush()
    return out


def _ends_band(band: list[list[str]], blank_rows: int) -> bool:
    if sum(1 for row in band if any(row)) < MIN_BAND_ROWS:
        return False
    return blank_rows > 1 or _stops_mid_sentence(band)


def _stops_mid_sentence(band: list[list[str]]) -> bool:
    """Whether a column's last text in ``band`` ends without ending a sentence."""
    for column in zip(*band):
        last = next((text for text in reversed(column) if text), None)
        if last is not None and not ends_sentence(last):
            return True
    return False
