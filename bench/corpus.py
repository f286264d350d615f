"""Deterministic benchmark corpus built from ``seeds/``.

Every file is a function of the seeds, the requested file count and ``SEED``: the same
arguments give byte-identical corpora, so runs on different days compare. Kinds cover
every encoding the decoder supports, each kind of mojibake it repairs, spam-mirror HTML
and PDF-extracted newspaper pages (see ``KINDS``).
"""

import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import opencc

SEED = 20260808
SIZES = {"small": 200, "large": 5000}
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_ROOT = Path(__file__).resolve().parent / "corpus"

# kind -> relative weight in the mix; every kind appears at least once in any corpus
# of len(KINDS) files or more. Pages weigh most in bytes, as in real crawls.
KINDS = {
    "plain-utf-8": 3,
    "plain-utf-8-sig": 2,
    "plain-utf-16-le": 2,
    "plain-utf-16-be": 2,
    "plain-gbk": 3,
    "plain-gb18030": 2,
    "plain-big5": 2,
    "plain-latin-1-en": 1,
    "mojibake-utf-8-as-gbk": 2,
    "mojibake-gbk-as-utf-8": 1,
    "mojibake-utf-8-as-cp1252": 2,
    "mojibake-en-utf-8-as-cp1252": 1,
    "mojibake-gbk-misaligned": 2,
    "html-spam-utf-8": 3,
    "html-spam-gbk-lying-charset": 2,
    "html-spam-big5-pinyin": 2,
    "newspaper-utf-8": 6,
    "newspaper-gb18030": 4,
}

_ENGLISH_SENTENCES = (
    "The post office on Rue de la Fontaine reopened after renovation of its façade.",
    "Staff from the Zürich sorting centre joined the exchange programme for a fortnight.",
    "Parcel volumes rose by {n}% year on year, with rural routes growing fastest.",
    "A café counter now shares the hall with the savings bank and the parcel lockers.",
    "Deliveries to São Tomé and Curaçao resumed on the {n}th after the storm season.",
    "The director's résumé lists twenty years in logistics, from Göteborg to Málaga.",
    "Temperatures of {n}°C did not stop carriers on the mountain routes.",
    "Stamps marking the anniversary cost £{n} per sheet, or ½ price for collectors.",
    "Customers praised the naïve charm of the hand-painted counter signs.",
    "Officials said the pilot would extend to {n} more counties before year end.",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌辉"
_PLACES = ("某省", "某市", "某县", "城关镇", "开发区", "高新区")
_SPAM_WORDS = ("最新网站", "在线观看", "免费下载", "导航大全", "高清无码", "官方网址", "精品推荐", "永久地址")
_NAV = ("首页", "新闻中心", "邮政要闻", "基层动态", "图片新闻", "视频", "专题", "联系我们")
_PINYIN_ANNOTATION = re.compile(r"(\w)\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")
_SENTENCE_END = "。！？”」…"


@dataclass(frozen=True)
class CorpusFile:
    path: str  # relative to the corpus directory
    kind: str
    size: int


@dataclass(frozen=True)
class Corpus:
    directory: Path
    files: tuple[CorpusFile, ...]

    @property
    def glob(self) -> str:
        return str(self.directory / "files" / "*")

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def paths(self, kind_prefix: str = "") -> list[Path]:
        return [self.directory / f.path for f in self.files if f.kind.startswith(kind_prefix)]


def corpus_for(count: int, root: Path = DEFAULT_ROOT) -> Corpus:
    """The corpus of ``count`` files under ``root``, generated unless already there and current."""
    directory = root / f"n{count}"
    fingerprint = _fingerprint(count)
    manifest = directory / "manifest.json"
    if manifest.exists():
        stored = json.loads(manifest.read_text(encoding="utf-8"))
        if stored.get("fingerprint") == fingerprint:
            return Corpus(directory, tuple(CorpusFile(**f) for f in stored["files"]))
    return generate(count, directory, fingerprint)


def generate(count: int, directory: Path, fingerprint: str | None = None) -> Corpus:
    files_dir = directory / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    for stale in files_dir.iterdir():
        stale.unlink()
    maker = _Maker(random.Random(SEED))
    kinds = list(KINDS)
    weights = list(KINDS.values())
    entries = []
    for index in range(count):
        kind = kinds[index] if index < len(kinds) else maker.rng.choices(kinds, weights)[0]
        data, suffix = maker.make(kind)
        name = f"files/{index:05d}_{kind}.{suffix}"
        (directory / name).write_bytes(data)
        entries.append(CorpusFile(name, kind, len(data)))
    manifest = {"fingerprint": fingerprint or _fingerprint(count), "files": [asdict(e) for e in entries]}
    (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    return Corpus(directory, tuple(entries))


def _fingerprint(count: int) -> str:
    """Changes with the seeds, the count and this module's code, so stale corpora are rebuilt."""
    digest = hashlib.sha256(f"{SEED}:{count}".encode())
    digest.update(Path(__file__).read_bytes())
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        digest.update(seed.read_bytes())
    return digest.hexdigest()[:16]


def _seed_text(prefix: str) -> str:
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _page_paragraphs(text: str) -> list[str]:
    """Paragraphs of a PDF-extracted page: broken lines joined, a paragraph ends at sentence end
    on a line shorter than its predecessor (the layout cue of a paragraph's last line)."""
    paragraphs, current, previous_length = [], "", 0
    for line in _paragraphs(text):
        line = re.sub(r"(?<=\S) (?=\S)", "", line)  # undo justification spaces
        current += line
        if line[-1] in _SENTENCE_END and len(line) < previous_length:
            paragraphs.append(current)
            current = ""
        previous_length = len(line)
    if current:
        paragraphs.append(current)
    return paragraphs


class _Maker:
    """Builds one file of a kind per call, drawing every choice from one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._s2t = opencc.OpenCC("s2t")
        self.articles = [_paragraphs(_seed_text("000")), _paragraphs(_seed_text("001"))]
        self.page_stories = [_page_paragraphs(_seed_text("003")), _page_paragraphs(_seed_text("004"))]
        spam_copy = _seed_text("002")
        self.pinyin = dict(_PINYIN_ANNOTATION.findall(spam_copy))

    def make(self, kind: str) -> tuple[bytes, str]:
        family, _, variant = kind.partition("-")
        return getattr(self, f"_{family}")(variant)

    # -- text sources ---------------------------------------------------------------

    def _article(self) -> str:
        """A seed article with some paragraphs dropped, so files differ; half of them run on with
        part of the other seed article (as mirrors paste "related" reports)."""
        first, second = self.rng.sample(self.articles, 2)
        title, body = first[0], self._excerpt(first[1:], 0.6)
        if len(title) > 40:  # a seed without a headline line: make one up, keep the paragraph
            title, body = self._headline([title]), [title, *body]
        if self.rng.random() < 0.5:
            body += self._excerpt(second[1:], 0.3)
        return "\n\n".join([title, *body]) + "\n"

    def _excerpt(self, paragraphs: list[str], least_share: float) -> list[str]:
        keep = max(2, round(len(paragraphs) * self.rng.uniform(least_share, 1.0)))
        start = self.rng.randrange(0, len(paragraphs) - keep + 1)
        return paragraphs[start : start + keep]

    def _english(self) -> str:
        sentences = [
            self.rng.choice(_ENGLISH_SENTENCES).format(n=self.rng.randint(2, 40)) for _ in range(self.rng.randint(15, 60))
        ]
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        return "Postal news in brief\n\n" + "\n\n".join(paragraphs) + "\n"

    def _name(self) -> str:
        return self.rng.choice(_SURNAMES) + "".join(self.rng.choices(_GIVEN, k=self.rng.randint(1, 2)))

    # -- kinds ------------------------------------------------------------------------

    def _plain(self, encoding: str) -> tuple[bytes, str]:
        if encoding == "latin-1-en":
            return self._english().encode("latin-1"), "txt"
        text = self._article()
        boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
        if encoding == "big5":
            # Big5 is the encoding of traditional text; characters it lacks are dropped.
            return self._s2t.convert(text).encode("big5", errors="ignore"), "txt"
        return boms.get(encoding, b"") + text.encode(encoding, errors="ignore"), "txt"

    def _mojibake(self, variant: str) -> tuple[bytes, str]:
        if variant == "en-utf-8-as-cp1252":
            return _as_cp1252(self._english().encode("utf-8")).encode("utf-8"), "txt"
        text = self._article()
        if variant == "utf-8-as-gbk":
            damaged = text.encode("utf-8").decode("gbk", errors="replace")
        elif variant == "gbk-as-utf-8":
            damaged = text.encode("gbk", errors="ignore").decode("utf-8", errors="replace")
        elif variant == "utf-8-as-cp1252":
            damaged = _as_cp1252(text.encode("utf-8"))
        else:
            damaged = self._misaligned(text)
        return damaged.encode("utf-8"), "txt"

    def _misaligned(self, text: str) -> str:
        """GBK bytes with the first byte of a few two-byte characters lost, decoded by a lossy
        converter: following pairs shift and decode as wrong characters until the next ASCII byte."""
        encoded = [ch.encode("gbk", errors="ignore") for ch in text]
        two_byte = [i for i, b in enumerate(encoded) if len(b) == 2]
        for i in self.rng.sample(two_byte, min(len(two_byte), self.rng.randint(1, 4))):
            encoded[i] = encoded[i][1:]
        return b"".join(encoded).decode("gbk", errors="replace")

    def _html(self, variant: str) -> tuple[bytes, str]:
        text = self._article()
        # (bytes' encoding, charset the page declares)
        encoding, declared = {
            "spam-utf-8": ("utf-8", "utf-8"),
            "spam-gbk-lying-charset": ("gbk", "utf-8"),
            "spam-big5-pinyin": ("big5", "big5"),
        }[variant]
        if variant == "spam-big5-pinyin":
            text = self._annotate_pinyin(self._s2t.convert(text))
        return self._spam_page(text, declared).encode(encoding, errors="ignore"), "html"

    def _annotate_pinyin(self, text: str) -> str:
        """Spam-mirror style: pinyin in brackets after some characters (table learnt from seed 002)."""
        return "".join(
            f"{ch}({self.pinyin[ch]})" if ch in self.pinyin and self.rng.random() < 0.5 else ch for ch in text
        )

    def _spam_page(self, text: str, charset: str) -> str:
        rng = self.rng
        decoy_id = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=5))
        decoys = "".join(
            f'<{tag} id="{decoy_id}"></{tag}>' for tag in rng.sample(["dfn", "acronym", "code", "var", "kbd", "abbr"], 3)
        )
        spam_line = "，".join(rng.sample(_SPAM_WORDS, 4))
        hidden = f'<div style="display:none">{spam_line}</div>'
        nav = "".join(f'<li><a href="/{i}.html">{item}</a></li>' for i, item in enumerate(_NAV))
        paragraphs = text.strip().split("\n\n")
        title, body = paragraphs[0], paragraphs[1:]
        body_html = []
        for paragraph in body:
            body_html.append(f"<p>{paragraph}</p>")
            if rng.random() < 0.2:
                body_html.append(hidden if rng.random() < 0.5 else f'<span id="{decoy_id}"></span>')
        return (
            f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{title}_{spam_line}</title>'
            f'<meta name="keywords" content="{spam_line}"></head>\n<body>\n<ul class="nav">{nav}</ul>\n'
            f"{decoys}\n{hidden}\n<h1>{title}</h1>\n" + "\n".join(body_html) + "\n"
            f'<div class="footer">版权所有 © {rng.randint(2005, 2024)} 备案号 {rng.randint(10000000, 99999999)}</div>\n'
            f"<p>{spam_line}</p>\n</body></html>\n"
        )

    def _newspaper(self, encoding: str) -> tuple[bytes, str]:
        rng = self.rng
        stories = []
        for _ in range(rng.randint(4, 8)):
            source = rng.choice(self.page_stories) if rng.random() < 0.5 else rng.choice(self.articles)[1:]
            start = rng.randrange(len(source))
            paragraphs = source[start : start + rng.randint(3, 8)]
            stories.append(paragraphs)
        headlines = [self._headline(paragraphs) for paragraphs in stories]
        width = rng.randint(10, 25)
        blocks = []
        if rng.random() < 0.5:  # headlines grouped away from their bodies, shuffled
            blocks.append(rng.sample(headlines, len(headlines)))
            headlines = [None] * len(stories)
        for headline, paragraphs in zip(headlines, stories):
            lines = [headline] if headline else []
            byline = rng.choice(
                [f"本报讯（记者 {self._name()} 通讯员 {self._name()}）", "本报讯 ", f"□{self._name()}", ""]
            )
            paragraphs = [byline + paragraphs[0], *paragraphs[1:]] if byline.startswith("本报讯") else paragraphs
            for paragraph in paragraphs:
                lines.extend(self._wrap(paragraph, width))
            if byline.startswith("□"):
                lines[-1] += " " + byline
            blocks.append(lines)
        separator = "\n\n" if rng.random() < 0.7 else "\n"  # most PDF extractions double the breaks
        text = separator.join(separator.join(block) for block in blocks) + "\n"
        return text.encode(encoding), "txt"

    def _headline(self, paragraphs: list[str]) -> str:
        sentence = re.split(f"[{_SENTENCE_END}，,]", paragraphs[0])[0]
        return sentence[: self.rng.randint(8, 20)] or paragraphs[0][:12]

    def _wrap(self, paragraph: str, width: int) -> list[str]:
        """Fixed-width lines; some get justification spaces between characters."""
        lines = [paragraph[i : i + width] for i in range(0, len(paragraph), width)]
        return [" ".join(line) if self.rng.random() < 0.1 else line for line in lines]


# Windows-1252 as browsers read it: its five undefined bytes pass through as Latin-1.
_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def _as_cp1252(data: bytes) -> str:
    return "".join(_CP1252[b] for b in data)


def describe(corpus: Corpus) -> dict:
    kinds: dict[str, dict] = {}
    for f in corpus.files:
        entry = kinds.setdefault(f.kind, {"files": 0, "bytes": 0})
        entry["files"] += 1
        entry["bytes"] += f.size
    return {"files": len(corpus.files), "bytes": corpus.total_bytes, "kinds": kinds}

