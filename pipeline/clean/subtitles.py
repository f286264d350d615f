"""Subtitle files (SubRip .srt, WebVTT .vtt): a video report's text, each cue a line.

The cue numbers, timings and WebVTT's header and notes are no text; a cue's lines are one line
of the text (a subtitle wraps a sentence to fit the screen). Formatting tags (<i>, {\\an8}) go.
"""

import re

# A cue's timing line: 00:00:04,100 --> 00:00:07,300 (SubRip), 00:04.100 --> 00:07.300 (WebVTT),
# and WebVTT's cue settings after it.
TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}\b.*$", re.M)
WEBVTT_HEADER = re.compile(r"\A\ufeff?WEBVTT\b")
WEBVTT_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)\b")
FORMATTING = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")
MIN_CUES = 2
MIN_TIMED_SHARE = 0.5  # of the text's blocks: a text quoting a timing or two is no subtitle file


def read_subtitles(text: str) -> str | None:
    """The cues' text of a subtitle file, a cue a line; None for any other text."""
    timings = TIMING.findall(text[:4096])
    if len(timings) < MIN_CUES:
        return None
    blocks = [block for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")) if block.strip()]
    if WEBVTT_HEADER.match(blocks[0]):
        blocks = blocks[1:]
    blocks = [block for block in blocks if not WEBVTT_BLOCK.match(block.strip())]
    timed = [block for block in blocks if TIMING.search(block)]
    if len(timed) < MIN_CUES or len(timed) < MIN_TIMED_SHARE * len(blocks):
        return None
    cues = []
    for block in timed:
        lines = block.strip().split("\n")
        at = next(index for index, line in enumerate(lines) if TIMING.match(line))
        # (a cue's identifier above its timing: SubRip's number, WebVTT's optional name)
        cue = ""
        for line in (FORMATTING.sub("", line).strip() for line in lines[at + 1:]):
            # (English words a line apart keep a space; Chinese characters take none)
            cue += " " + line if cue and cue[-1].isascii() and line[:1].isascii() else line
        if cue:
            cues.append(cue)
    return "\n".join(cues)
