"""Synthetic newspaper pages for the split stage, with the truth they were built from.

Stories come from the seeds: the stories of 003/004 as written down in
tests/data/split_seed_stories.json, and runs of paragraphs of the articles 000/001 with
headlines invented from their content. A page is a few stories laid out like a PDF
extraction: column widths per story, first lines indented, some lines justified with
spaces, optional openers / bylines / continuation markers, headline blocks placed
before, after, or grouped away from their stories.

Run as a script for the figures: ``python -m tests.split_synth [pages]``.
"""

import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import seed_path

_DATA = Path(__file__).parent / "data" / "split_seed_stories.json"
_SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）]*")
_CLAUSE = re.compile(r"[\u4e00-\u9fff0-9.]+")
_NAMES = ["王娟", "李明 张华", "赵磊", "陈静 刘洋", "孙浩", "周敏 吴刚", "郑悦"]
_FIGURATIVE = ["春风化雨润心田", "小小信封寄深情", "一路繁花一路歌", "千里之行始于足下"]
_CREDITS = ["（记者 李明 通讯员 张华）", "（通讯员 赵磊）", "（记者 陈静）"]


@dataclass(frozen=True)
class SynthStory:
    headline_lines: tuple[str, ...]  # kicker / title lines / deck, as printed
    paragraphs: tuple[str, ...]  # body text without spaces
    closer: str | None  # closing byline such as □王娟
    credit: str | None  # opener credit such as （记者 李明）
    section_heads: frozenset[int] = frozenset()  # indices of paragraphs that are section heads

    @property
    def headline(self) -> str | None:
        return "".join(self.headline_lines).replace(" ", "") or None

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _paragraphs(text: str, rng: random.Random) -> list[str]:
    sentences = _SENTENCE.findall(text) or [text]
    out, current = [], ""
    for sentence in sentences:
        current += sentence
        if rng.random() < 0.4:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def seed_stories(rng: random.Random) -> list[SynthStory]:
    """The stories of 003/004 with the headlines, bylines and section heads a reader wrote down."""
    expected = json.loads(_DATA.read_text(encoding="utf-8"))
    stories = []
    for prefix in ("003", "004"):
        page = _compact(seed_path(prefix).read_text(encoding="utf-8"))
        for entry in expected[prefix]:
            start = page.index(_compact(entry["body_start"]))
            end = page.index(_compact(entry["body_end"]), start) + len(_compact(entry["body_end"]))
            body = page[start:end].replace("□", "")
            paragraphs, heads = [], set()
            for head in entry.get("section_heads", []):  # in reading order, first occurrence
                before, body = body.split(head, 1)
                paragraphs += _paragraphs(before, rng) if before else []
                heads.add(len(paragraphs))
                paragraphs.append(head)
            paragraphs += _paragraphs(body, rng)
            lines = [entry[k] for k in ("kicker",) if entry[k]]
            lines += entry["title"].split(" ") if entry["title"] else []
            lines += [entry["subtitle"]] if entry["subtitle"] else []
            closer = next((b for b in entry["bylines"] if b.startswith("□")), None)
            credit = next((b[b.index("（"):] for b in entry["bylines"] if "（" in b), None)
            stories.append(SynthStory(tuple(lines), tuple(paragraphs), closer, credit, frozenset(heads)))
    return stories


def _invented_headline(paragraphs: list[str], rng: random.Random) -> tuple[str, ...]:
    """A headline from two fragments of the story's own clauses (a paraphrase, not a copy)."""
    clauses = [c for p in paragraphs for c in _CLAUSE.findall(p) if len(c) >= 6]
    first, second = rng.sample(clauses, 2) if len(clauses) >= 2 else (clauses * 2)[:2]
    a = rng.randrange(0, len(first) - 3)
    b = rng.randrange(0, len(second) - 3)
    title = first[a : a + rng.randint(4, 7)] + second[b : b + rng.randint(3, 6)]
    return (title,)


def article_stories(rng: random.Random) -> list[SynthStory]:
    """Runs of 2-3 long paragraphs of the single articles 000/001, with the subheadings
    between them as section heads, and headlines invented from their content."""
    stories = []
    for prefix in ("000", "001"):
        lines = [_compact(line) for line in seed_path(prefix).read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line][2:]  # title and meta lines of 000 are no body
        index = 0
        while index < len(lines):
            if len(lines[index]) < 80:
                index += 1
                continue
            wanted, chunk, heads = rng.choice((2, 3)), [], set()
            while index < len(lines) and wanted:
                line = lines[index]
                if len(line) >= 80:
                    chunk.append(line)
                    wanted -= 1
                elif len(line) <= 30 and not line.endswith(("。", "!", "！")):
                    heads.add(len(chunk))
                    chunk.append(line)
                else:
                    chunk.append(line)
                index += 1
            while chunk and (len(chunk) - 1) in heads:  # a story never ends on a section head
                heads.discard(len(chunk) - 1)
                chunk.pop()
            if len(chunk) >= 2 and len(heads) <= 5:
                closer = "□" + rng.choice(_NAMES) if rng.random() < 0.6 else None
                body = [p for i, p in enumerate(chunk) if i not in heads]
                headline = _invented_headline(body, rng)
                stories.append(SynthStory(headline, tuple(chunk), closer, None, frozenset(heads)))
    return stories


def _cells(char: str) -> float:
    return 0.5 if ord(char) < 0x2E80 else 1.0


_NO_LINE_START = "，。、；：！？”’）》,.;:!?)"


def _break(text: str, width: int, rng: random.Random, justified_share: float) -> list[str]:
    """Cut text into printed lines of ``width`` cells, the first one indented by two.

    Justified lines (PDF extraction shows them as `三 是 坚 定`) hold fewer characters;
    punctuation never starts a line (it hangs at the end of the previous one).
    """
    lines: list[str] = []
    position = 0
    while position < len(text):
        justified = rng.random() < justified_share
        room = (width - 2 if not lines else width) * (0.8 if justified else 1.0)
        end = position
        while end < len(text) and room - _cells(text[end]) >= 0:
            room -= _cells(text[end])
            end += 1
        end = max(end, position + 1)
        while end < len(text) and text[end] in _NO_LINE_START:
            end += 1
        line = text[position:end]
        lines.append(_justify(line) if justified else line)
        position = end
    return lines


def _justify(line: str) -> str:
    """Spread a line the way PDF extraction shows justified text: `三 是 坚 定`."""
    tokens = re.findall(r"[0-9A-Za-z.%]+|.", line)
    return " ".join(tokens)


@dataclass(frozen=True)
class SynthPage:
    text: str
    stories: tuple[SynthStory, ...]  # in reading order of the bodies; headline None when not printed


def render_page(stories: list[SynthStory], rng: random.Random) -> SynthPage:
    layout = rng.choice(("before", "after", "grouped", "grouped"))
    blocks: list[list[str]] = []  # each story's printed lines, in order
    truth = []
    pending_heads: list[str] = []
    for number, story in enumerate(stories):
        width = rng.randint(10, 26)
        justified_share = rng.choice((0.0, 0.1, 0.3))
        continuation = number > 0 and rng.random() < 0.12
        has_headline = not (continuation and rng.random() < 0.5)
        lines: list[str] = []
        if continuation:
            lines.append("（上接第1版）")
        for index, paragraph in enumerate(story.paragraphs):
            if index in story.section_heads:
                lines.append(paragraph)
                continue
            if index == 0 and not continuation and rng.random() < 0.55:
                credit = story.credit if story.credit and rng.random() < 0.7 else None
                credit = credit or rng.choice(_CREDITS + [""] * 3)
                paragraph = "本报讯 " + (credit + " " if credit else "") + paragraph
            lines += _break(paragraph, width, rng, justified_share)
        if story.closer and rng.random() < 0.8:
            if rng.random() < 0.5:
                lines[-1] += " " + story.closer
            else:
                lines.append(story.closer)
        heads = list(story.headline_lines) if has_headline else []
        if heads and layout != "grouped" and rng.random() < 0.08:
            heads = [rng.choice(_FIGURATIVE)]  # a headline sharing no words with its story
        if layout == "before":
            lines = heads + lines
        elif layout == "after":
            lines = lines + heads
        else:
            pending_heads += heads
            if rng.random() < 0.5 or number == len(stories) - 1:
                lines += pending_heads
                pending_heads = []
        blocks.append(lines)
        truth.append(SynthStory(tuple(heads), story.paragraphs, story.closer,
                                story.credit, story.section_heads))
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    return SynthPage(separator.join(line for block in blocks for line in block), tuple(truth))


def generate(count: int, seed: int = 5) -> list[SynthPage]:
    rng = random.Random(seed)
    pool = seed_stories(rng) + article_stories(rng)
    return [render_page(rng.sample(pool, rng.randint(3, 7)), rng) for _ in range(count)]


@dataclass
class Figures:
    true_stories: int = 0
    predicted_stories: int = 0
    matched_starts: int = 0
    exact_bodies: int = 0
    headlined: int = 0
    headlines_right: int = 0
    headless: int = 0
    headless_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched_starts / self.predicted_stories if self.predicted_stories else 0.0

    @property
    def recall(self) -> float:
        return self.matched_starts / self.true_stories if self.true_stories else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def headline_accuracy(self) -> float:
        return self.headlines_right / self.headlined if self.headlined else 0.0

    def __str__(self) -> str:
        return (
            f"stories {self.true_stories} predicted {self.predicted_stories}; "
            f"boundary P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}; "
            f"exact bodies {self.exact_bodies / self.true_stories:.3f}; "
            f"headline accuracy {self.headline_accuracy:.3f} ({self.headlines_right}/{self.headlined}); "
            f"no-headline stories left untitled {self.headless_right}/{self.headless}"
        )


def evaluate(splitter, pages: list[SynthPage], key_length: int = 10) -> Figures:
    """Boundary F1 by story starts (first characters of the body) and headline accuracy."""
    figures = Figures()
    for page in pages:
        predicted = splitter.split(page.text).stories
        by_start = {_compact(s.body)[:key_length]: s for s in predicted}
        figures.true_stories += len(page.stories)
        figures.predicted_stories += len(predicted)
        for story in page.stories:
            found = by_start.get(story.body[:key_length])
            figures.headlined += bool(story.headline)
            figures.headless += not story.headline
            if found is None:
                continue
            figures.matched_starts += 1
            figures.exact_bodies += _compact(found.body) == story.body
            printed = "".join(p or "" for p in (found.kicker, found.title, found.subtitle)).replace(" ", "")
            if story.headline:
                figures.headlines_right += printed == story.headline
            else:
                figures.headless_right += found.title is None
    return figures


if __name__ == "__main__":
    from pipeline.split import Splitter

    print(evaluate(Splitter(), generate(int(sys.argv[1]) if len(sys.argv) > 1 else 300)))
