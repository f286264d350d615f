"""Generated spam pages around seed articles: the article survives whole, the junk does not.

The generator has several templates (portal with chrome, table-layout spam mirror, lying
semantic structure, bare fragment) and draws ids, decoys, spam lines and their positions at
random. The same pages are run through trafilatura for comparison:
``PYTHONPATH=.:tests python tests/test_clean_pages.py`` prints the figures.
"""

import difflib
import random
import re
from dataclasses import dataclass
from pathlib import Path
from html import escape

import opencc
import pytest

from pipeline.clean import Cleaner
from conftest import seed_path

# --- articles


@dataclass(frozen=True)
class Article:
    name: str
    headline: str
    subtitle: str
    meta: str
    paragraphs: tuple[str, ...]

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.headline, self.subtitle, self.meta, *self.paragraphs) if line]


_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _seed_lines(prefix: str) -> list[str]:
    text = opencc.OpenCC("t2s").convert(seed_path(prefix).read_text(encoding="utf-8"))
    return [line.strip() for line in _PINYIN.sub("", text).splitlines() if line.strip()]


def seed_articles() -> list[Article]:
    lines_000 = _seed_lines("000")
    lines_001 = _seed_lines("001")
    # 002 as the decode stage hands it over, minus its markup, its spam line and the lines
    # whose GBK-misalignment mojibake only the decode stage repairs.
    lines_002 = [line for line in _seed_lines("002")[2:-1] if "?" not in line]
    lines_004 = _seed_lines("004")
    return [
        Article("000", lines_000[0].lstrip("• "), "", lines_000[1], tuple(lines_000[2:])),
        Article("001", "", "", "", tuple(lines_001)),
        Article("002", lines_002[0], lines_002[1], lines_002[2], tuple(lines_002[3:])),
        # A PDF page put on the web line by line: short fragments, several stories.
        Article("004", "", "", "", tuple(lines_004[1:120])),
    ]


# --- junk vocabulary of the generator (deliberately not the cleaner's lexicon file)

SPAM_PHRASES = [
    "91视频最新网站", "欧美日韩导航", "无毒不卡在线播放", "亚洲精品在看在线观看", "午夜福利影院",
    "国产精品久久久", "高清无码免费观看", "日本一区二区三区", "中文字幕在线视频", "成人影音先锋",
    "澳门威尼斯人娱乐城", "百家乐真人平台", "六合彩开奖结果", "体育投注官网", "注册送彩金",
    "最新电影免费看", "伦理片在线观看", "偷拍自拍视频", "免费黄片网址", "传奇私服发布网",
    "草莓视频下载", "蜜桃影视入口", "丝袜美女视频", "老虎机游戏平台", "秒播影视大全",
]
NAV_ITEMS = ["网站首页", "新闻中心", "邮政业务", "集邮天地", "视频专区", "网上营业厅", "联系我们", "关于我们"]
FURNITURE_LINES = [
    "版权所有 © 2020 邮政资讯网 京ICP备18023456号-1",
    "分享到：微信 微博 QQ空间",
    "网站地图 | 免责声明 | 联系我们",
    "当前位置：首页 > 新闻中心 > 正文",
    "【字体：大 中 小】 打印本页 关闭窗口",
]
SITE_NAMES = ["邮政资讯网", "中邮新闻在线", "快递物流门户"]


def _spam_line(rng: random.Random) -> str:
    return rng.choice(["，", ",", "、", " "]).join(rng.sample(SPAM_PHRASES, rng.randint(3, 6)))


def _rid(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(4, 7)))


def _decoy(rng: random.Random) -> str:
    outer, inner = rng.sample(["dfn", "acronym", "code", "abbr", "var", "kbd", "cite"], 2)
    rid = _rid(rng)
    return rng.choice([f'<{outer} id="{rid}"><{inner} id="{rid}"></{inner}></{outer}>', f'<{outer} id="{rid}"></{outer}>'])


def _links(rng: random.Random, texts: list[str]) -> str:
    return "".join(f'<li><a href="/{_rid(rng)}.html">{escape(t)}</a></li>' for t in texts)


def _related(rng: random.Random) -> list[str]:
    return [f"{rng.choice(SITE_NAMES)}{rng.choice(['快讯', '专题', '要闻'])}：{p}" for p in rng.sample(SPAM_PHRASES, 5)]


@dataclass(frozen=True)
class Page:
    template: str
    article: Article
    html: str
    junk: tuple[str, ...]


def portal(article: Article, rng: random.Random) -> Page:
    """News portal: header+nav, breadcrumb, article with meta and share bar, sidebar, footer."""
    hidden_class = _rid(rng)
    spam = [_spam_line(rng) for _ in range(3)]
    related = _related(rng)
    body = []
    for paragraph in article.paragraphs:
        body.append(f"<p>{escape(paragraph)}</p>")
        if rng.random() < 0.3:
            body.append(_decoy(rng))
    body.insert(rng.randrange(len(body) + 1), f'<div class="{hidden_class}">{escape(spam[0])}</div>')
    heading = f"<h1>{escape(article.headline)}</h1>" if article.headline else ""
    subtitle = f'<h2 class="subtitle">{escape(article.subtitle)}</h2>' if article.subtitle else ""
    meta = f'<div class="info">{escape(article.meta)}</div>' if article.meta else ""
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(article.headline)}_{SITE_NAMES[0]}</title>
<meta name="keywords" content="{escape(spam[1])}">
<style>.{hidden_class} {{ display: none }} body {{ font-size: 14px }}</style>
<script>var _hmt = _hmt || []; document.write("{escape(spam[1])}");</script></head>
<body>
<header class="site-header"><div class="logo">{SITE_NAMES[0]}</div>
<nav><ul>{_links(rng, NAV_ITEMS)}</ul></nav>
<form action="/search"><input name="q"><button>搜索</button></form></header>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; 正文</div>
<div class="wrap"><div class="main">
{heading}{subtitle}{meta}
<div class="content">{"".join(body)}</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="prenext">上一篇：<a href="/a.html">{escape(related[0])}</a><br>下一篇：<a href="/b.html">{escape(related[1])}</a></div>
</div>
<aside class="sidebar"><h3>热门推荐</h3><ul>{_links(rng, related[2:])}</ul></aside></div>
<div class="kw">{escape(spam[2])}</div>
<footer><p>网站地图 | 免责声明 | 联系我们</p><p>版权所有 © 2020 {SITE_NAMES[0]} 京ICP备18023456号-1</p></footer>
</body></html>"""
    return Page("portal", article, html, (*spam, *related, *NAV_ITEMS, *FURNITURE_LINES[:3], SITE_NAMES[0]))


def table_mirror(article: Article, rng: random.Random) -> Page:
    """Old table layout of a spam mirror: <br> paragraphs, zero-size and off-screen spam, link farms."""
    spam = [_spam_line(rng) for _ in range(4)]
    farm = _related(rng)
    paragraphs = []
    for paragraph in article.paragraphs:
        if rng.random() < 0.2:
            cut = rng.randrange(len(paragraph) + 1)
            paragraph = (
                escape(paragraph[:cut]) + f'<span style="font-size:0px">{escape(rng.choice(SPAM_PHRASES))}</span>'
                + escape(paragraph[cut:])
            )
        else:
            paragraph = escape(paragraph)
        paragraphs.append("&nbsp;&nbsp;" + paragraph)
    title = f'<div class="title"><b>{escape(article.headline)}</b></div>' if article.headline else ""
    sub = f"<div>{escape(article.subtitle)}</div>" if article.subtitle else ""
    meta = f'<div class="time">{escape(article.meta)}</div>' if article.meta else ""
    farm_cells = " ".join(f'<a href="http://{_rid(rng)}.com/">{escape(t)}</a>' for t in farm)
    html = f"""<html><head><title>{escape(spam[0])}</title></head><body>
<table width="960"><tr><td>{" | ".join(f'<a href="/{i}">{t}</a>' for i, t in enumerate(NAV_ITEMS))}</td></tr>
<tr><td width="720" valign="top">
{_decoy(rng)}{title}{sub}{meta}
<div style="position:absolute; left:-9999px; top:-9999px">{escape(spam[1])}</div>
<font size="3">{"<br><br>".join(paragraphs)}</font>
<p style="visibility:hidden">{escape(spam[2])}</p>
</td><td width="240" valign="top">{farm_cells}</td></tr>
<tr><td colspan="2"><p>{escape(spam[3])}</p><p>{escape(FURNITURE_LINES[0])}</p></td></tr></table>
</body></html>"""
    return Page("table_mirror", article, html, (*spam, *farm, *NAV_ITEMS, FURNITURE_LINES[0]))


def lying(article: Article, rng: random.Random) -> Page:
    """Semantic tags that lie: the article in <aside>, spam in <article>, furniture with neutral classes."""
    spam = [_spam_line(rng) for _ in range(3)]
    related = _related(rng)
    cls = [_rid(rng) for _ in range(4)]
    heading = f"<h2>{escape(article.headline)}</h2>" if article.headline else ""
    subtitle = f"<h3>{escape(article.subtitle)}</h3>" if article.subtitle else ""
    meta = f"<p>{escape(article.meta)}</p>" if article.meta else ""
    body = "".join(f'<div class="{cls[0]}">{escape(p)}</div>' for p in article.paragraphs)
    html = f"""<!doctype html><html><body>
<div class="{cls[1]}">{"".join(f'<a href="/{_rid(rng)}">{t}</a>' for t in NAV_ITEMS)}</div>
<article class="post"><p>{escape(spam[0])}</p><ul>{_links(rng, related)}</ul></article>
<aside class="sidebar"><div hidden>{escape(spam[1])}</div>{heading}{subtitle}{meta}{body}</aside>
<div class="{cls[2]}"><p>{escape(FURNITURE_LINES[1])}</p><p>{escape(spam[2])}</p></div>
<div class="{cls[3]}">{escape(FURNITURE_LINES[0])}</div>
</body></html>"""
    return Page("lying", article, html, (*spam, *related, *NAV_ITEMS, FURNITURE_LINES[0], FURNITURE_LINES[1]))


def fragment(article: Article, rng: random.Random) -> Page:
    """Bare HTML fragment as scraped from a mirror: no <html>, decoys, comments, entities, stuffing lines."""
    spam = [_spam_line(rng) for _ in range(3)]
    parts = [f"<!-- {_rid(rng)} -->", f'<div id="{_rid(rng)}">']
    if article.headline:
        parts.append(f"<h1>{escape(article.headline)}</h1>")
    if article.subtitle:
        parts.append(f"<p>{escape(article.subtitle)}</p>")
    if article.meta:
        parts.append(f'<p class="source">{escape(article.meta)}</p>')
    for index, paragraph in enumerate(article.paragraphs):
        parts.append(f"<p>&#12288;&#12288;{escape(paragraph)}</p>")
        if rng.random() < 0.25:
            parts.append(_decoy(rng))
        if index == len(article.paragraphs) // 2:
            parts.append(f'<span style="display:none">{escape(spam[0])}</span>')
    parts.append("</div>")
    parts.append(f"<p>{escape(FURNITURE_LINES[1])}</p><p>{escape(FURNITURE_LINES[4])}</p>")
    parts.append(f"<p>{escape(spam[1])}</p><div>{escape(spam[2])}</div>")
    return Page("fragment", article, "\n".join(parts), (*spam, FURNITURE_LINES[1], FURNITURE_LINES[4]))


def cms(article: Article, rng: random.Random) -> Page:
    """Modern CMS: <main><article> with header/meta/<time>, tag links, teasers and comments after it."""
    related = _related(rng)
    spam = [_spam_line(rng) for _ in range(2)]
    head = f"<h1>{escape(article.headline)}</h1>" if article.headline else ""
    if article.subtitle:
        head += f'<p class="sub-title">{escape(article.subtitle)}</p>'
    if article.meta:
        head += f'<div class="meta"><time datetime="2020-08-28">{escape(article.meta)}</time></div>'
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    teasers = "".join(
        f'<div class="item"><h4><a href="/{_rid(rng)}">{escape(t)}</a></h4>'
        f"<p>{escape(t)}，{escape(rng.choice(SPAM_PHRASES))}，点击查看详细内容……</p></div>"
        for t in related[:3]
    )
    html = f"""<!DOCTYPE html><html lang="zh"><head><title>{escape(article.headline or SITE_NAMES[1])} - {SITE_NAMES[1]}</title></head>
<body><div id="cookie-notice">本网站使用cookie以改善浏览体验，继续浏览即表示同意。</div>
<header><a class="logo" href="/">{SITE_NAMES[1]}</a><nav>{"".join(f'<a href="/{i}">{t}</a>' for i, t in enumerate(NAV_ITEMS))}</nav></header>
<main><article><header>{head}</header>
<div class="article-body">{paragraphs}</div>
<footer class="tags"><a href="/t/1">邮政</a><a href="/t/2">网点</a><a href="/t/3">转型</a></footer></article>
<section class="news-list"><h3>相关阅读</h3>{teasers}</section>
<section id="comment-list"><h3>网友评论</h3><p>{escape(spam[0])}</p><p>游客：{escape(related[3])}，写得真好！</p></section>
</main><div class="ad-box"><p>{escape(spam[1])}</p></div>
<footer>{escape(FURNITURE_LINES[0])}</footer></body></html>"""
    return Page("cms", article, html, (*spam, *related, *NAV_ITEMS, FURNITURE_LINES[0], "cookie", "点击查看详细内容"))


def injected(article: Article, rng: random.Random) -> Page:
    """Mirror with spam links planted inside paragraphs, id-hidden blocks, headline only in <title>."""
    hidden_id = _rid(rng)
    spam = [_spam_line(rng) for _ in range(3)]
    ad_sentence = f"欢迎访问{rng.choice(SITE_NAMES)}，{rng.choice(SPAM_PHRASES)}，最新最全的免费在线观看平台！"
    planted = []
    paragraphs = []
    for paragraph in article.paragraphs:
        if rng.random() < 0.3 and len(paragraph) > 20:
            phrase = rng.choice(SPAM_PHRASES)
            planted.append(phrase)
            cut = rng.randrange(len(paragraph))
            paragraph = f'{escape(paragraph[:cut])}<a href="http://{_rid(rng)}.cc/">{escape(phrase)}</a>{escape(paragraph[cut:])}'
        else:
            paragraph = escape(paragraph)
        paragraphs.append(f"<div>{paragraph}</div>")
    head = f"<div>{escape(article.headline)}</div>" if article.headline else ""
    head += f"<div>{escape(article.subtitle)}</div>" if article.subtitle else ""
    head += f"<div>{escape(article.meta)}</div>" if article.meta else ""
    html = f"""<html><head><title>{escape(article.headline or SITE_NAMES[2])}_{SITE_NAMES[2]}</title>
<style type="text/css">#{hidden_id}, .x{hidden_id} {{ position: absolute; top: -8000px }}</style></head><body>
<div id="{hidden_id}">{escape(spam[0])}</div>
<div><div>{head}{"".join(paragraphs)}</div></div>
<p>{" ".join(f'<a href="/{_rid(rng)}">{escape(p)}</a>' for p in rng.sample(SPAM_PHRASES, 6))}</p>
<p>{escape(ad_sentence)}</p><p>{escape(spam[1])}</p>
<p class="x{hidden_id}">{escape(spam[2])}</p>
</body></html>"""
    return Page("injected", article, html, (*spam, *planted, ad_sentence))


TEMPLATES = (portal, table_mirror, lying, fragment, cms, injected)


def generated_pages(seeds=(1, 2)) -> list[Page]:
    return [
        template(article, random.Random(f"{template.__name__}-{article.name}-{seed}"))
        for template in TEMPLATES
        for article in seed_articles()
        for seed in seeds
    ]


# --- measures


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def similarity(expected: str, actual: str) -> float:
    return difflib.SequenceMatcher(None, _squeeze(expected), _squeeze(actual), autojunk=False).ratio()


def recall_and_junk(expected: str, actual: str) -> tuple[float, int]:
    """(share of the article's characters found in order in the output, output characters not matched)."""
    a, b = _squeeze(expected), _squeeze(actual)
    matched = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / len(a), len(b) - matched


def surviving_junk(page: Page, output: str) -> list[str]:
    article = _squeeze("".join(page.article.lines))
    out = _squeeze(output)
    return [j for j in page.junk if _squeeze(j) not in article and _squeeze(j) in out]


# --- tests

PAGES = generated_pages()


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.template}-{p.article.name}")
def test_generated_page_keeps_article_whole_and_drops_junk(cleaner, page):
    result = cleaner.clean(page.html)
    assert similarity("\n".join(page.article.lines), result.text) >= 0.99
    assert surviving_junk(page, result.text) == []
    assert not re.search(r"</?[A-Za-z]|&[a-z]+;", result.text)
    assert result.repairs == ("html_extracted",)
    assert result.spam_chars_removed == len(page.html) - len(result.text)


def test_generated_page_output_has_one_paragraph_per_line(cleaner):
    page = portal(seed_articles()[0], random.Random(7))
    lines = cleaner.clean(page.html).text.split("\n")
    assert lines == [" ".join(line.split()) for line in page.article.lines]


def compare_with_trafilatura(pages: list[Page]) -> dict[str, dict[str, float]]:
    trafilatura = pytest.importorskip("trafilatura")
    cleaner = Cleaner()
    figures: dict[str, dict[str, float]] = {}
    for name, extract in (
        ("clean", lambda html: cleaner.clean(html).text),
        ("trafilatura", lambda html: trafilatura.extract(html) or ""),
    ):
        recalls, junk, junk_phrases, whole = [], 0, 0, 0
        for page in pages:
            output = extract(page.html)
            recall, extra = recall_and_junk("\n".join(page.article.lines), output)
            recalls.append(recall)
            junk += extra
            junk_phrases += len(surviving_junk(page, output))
            whole += similarity("\n".join(page.article.lines), output) >= 0.99
        figures[name] = {
            "mean_recall": sum(recalls) / len(recalls),
            "min_recall": min(recalls),
            "junk_chars": junk,
            "junk_phrases": junk_phrases,
            "pages_whole": whole,
            "pages": len(pages),
        }
    return figures


def test_at_least_as_complete_as_trafilatura_with_no_more_junk():
    figures = compare_with_trafilatura(generated_pages(seeds=(3,)))
    ours, theirs = figures["clean"], figures["trafilatura"]
    assert ours["mean_recall"] >= theirs["mean_recall"]
    assert ours["min_recall"] >= theirs["min_recall"]
    assert ours["junk_chars"] <= theirs["junk_chars"]
    assert ours["junk_phrases"] <= theirs["junk_phrases"]


if __name__ == "__main__":
    for template in TEMPLATES:
        pages = [p for p in generated_pages(seeds=(1, 2, 3)) if p.template == template.__name__]
        for extractor, row in compare_with_trafilatura(pages).items():
            print(template.__name__, extractor, {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()})


# --- pages assembled from random parts in random order (structure not fixed by any template)

HIDING = [
    '<div style="display:none">{}</div>',
    '<p style="visibility: hidden">{}</p>',
    "<span hidden>{}</span>",
    '<div style="font-size:0">{}</div>',
    '<div style="position:fixed;top:-3000px">{}</div>',
]


def furniture_part(kind: str, rng: random.Random) -> tuple[str, list[str]]:
    wrapper = rng.choice(["div", "section", "p" if kind in ("stuffing", "copyright") else "div"])
    cls = rng.choice(["", f' class="{_rid(rng)}"', f' id="{_rid(rng)}"'])
    if kind == "nav":
        return f"<{wrapper}{cls}>{' '.join(f'<a href=/{i}>{t}</a>' for i, t in enumerate(NAV_ITEMS))}</{wrapper}>", NAV_ITEMS
    if kind == "farm":
        texts = _related(rng)
        return f"<ul{cls}>{_links(rng, texts)}</ul>", texts
    if kind == "hidden":
        line = _spam_line(rng)
        return rng.choice(HIDING).format(escape(line)), [line]
    if kind == "stuffing":
        line = _spam_line(rng)
        return f"<{wrapper}{cls}>{escape(line)}</{wrapper}>", [line]
    if kind == "copyright":
        return f"<{wrapper}{cls}>{escape(FURNITURE_LINES[0])}</{wrapper}>", [FURNITURE_LINES[0]]
    return _decoy(rng), []


@pytest.mark.parametrize("seed", range(12))
def test_randomly_assembled_page(cleaner, seed):
    rng = random.Random(seed)
    article = rng.choice(seed_articles()[:3])
    kinds = ["nav", "farm", "hidden", "stuffing", "copyright", "decoy"]
    before = [furniture_part(k, rng) for k in rng.sample(kinds, rng.randint(1, len(kinds)))]
    after = [furniture_part(k, rng) for k in rng.sample(kinds, rng.randint(1, len(kinds)))]
    inside = [furniture_part(k, rng) for k in rng.sample(["hidden", "decoy", "stuffing"], rng.randint(0, 3))]
    paragraphs = [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    for part, _ in inside:
        paragraphs.insert(rng.randrange(1, len(paragraphs)), part)
    head = "".join(
        f"<{tag}>{escape(text)}</{tag}>"
        for tag, text in (("h1", article.headline), ("h2", article.subtitle), ("p", article.meta))
        if text
    )
    body = "".join(p for p, _ in before) + f"<div>{head}<div>{''.join(paragraphs)}</div></div>" + "".join(p for p, _ in after)
    page = Page("assembled", article, f"<html><body>{body}</body></html>", tuple(j for _, js in before + after + inside for j in js))
    result = cleaner.clean(page.html)
    assert similarity("\n".join(page.article.lines), result.text) >= 0.99
    assert surviving_junk(page, result.text) == []


# --- Markdown ------------------------------------------------------------------------------

MARKDOWN_PAGE = Path(__file__).parent / "data" / "pages" / "scraped_article.md"


def test_markdown_page_is_read_as_the_page_it_renders(processor):
    (story,) = processor.process("scraped_article.md", MARKDOWN_PAGE.read_bytes())
    assert "markdown_rendered" in story["repairs"]
    assert story["title"] == "云南邮政开通中老铁路跨境邮路"
    assert story["published_date"] == "2024-03-15"
    assert story["authors"] == [{"name": "杨丽", "role": "author"}]
    body = story["body"]
    assert body.startswith("本报讯 3月15日，云南省邮政分公司在昆明举行中老铁路跨境邮路开通仪式。")
    assert "时限由7天缩短至3天" in body and "运价较公路运输降低约20%；" in body
    assert body.split("\n")[-2:] == ["项目\t公路\t铁路", "时限\t7天\t3天"]  # the table's rows, cells apart by tabs
    for markup_or_chrome in ("#", "**", "](", "![", "首页", "相关阅读", "邮政助力云南咖啡出山", "版权所有"):
        assert markup_or_chrome not in body


def test_a_note_app_s_clipping_keeps_the_article_not_the_reader_s_notes(processor):
    text = "\n".join([
        "# 邮政快递进厂入园 助力供应链提速", "", "创建时间: 2024年7月5日 09:41", "标签: 剪藏, 行业动态", "",
        "来源：某某网　作者：周楠　发布时间：2024-07-03", "",
        "近日，某省邮政在工业园区内设立邮政服务中心，为企业提供一体化物流方案。", "",
        "该负责人表示，下半年将新建服务中心100个。", "", "---", "", "*剪藏自 某某网，仅供学习参考*", "",
        "## 我的笔记", "", "- 可以作为行业报告的案例", "- 对比其他企业的方案",
    ])
    (story,) = processor.process("clip.md", text.encode())
    assert story["published_date"] == "2024-07-03"
    assert story["body"].split("\n")[-1] == "该负责人表示，下半年将新建服务中心100个。"


def test_bold_between_chinese_characters_beside_a_quotation_mark_is_rendered(processor):
    # CommonMark's flanking rules read no emphasis where a delimiter stands between a letter and
    # a mark: **“…”** inside a sentence of Chinese stayed as written; masked names stay masked.
    text = (
        "# 赣南脐橙搭上寄递快车\n\n脐橙按大小分级后被装入印有**“赣南脐橙”**标识的纸箱，发往全国。\n\n"
        "前来寄件的王**先生说，今年的果子个头大、甜度高。\n"
    )
    (story,) = processor.process("article.md", text.encode())
    assert story["body"].split("\n") == [
        "脐橙按大小分级后被装入印有“赣南脐橙”标识的纸箱，发往全国。", "前来寄件的王**先生说，今年的果子个头大、甜度高。"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 近日，王**先生和李**女士来到邮政网点办理业务，工作人员热情接待。",  # masked names
        "#中国邮政# 话题阅读量突破一亿。\n邮政网点开展“邮爱护苗”活动。",  # a hashtag, not a heading
        "详见[附件]。\n（一）开展网点服务规范化检查。",
    ],
)
def test_text_with_markdown_lookalikes_is_not_markdown(text):
    from pipeline.clean.markdown import looks_like_markdown

    assert not looks_like_markdown(text)


def _news_page(head: str, header: str) -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in (
        "本报讯 今年以来，某市邮政分公司在全市乡镇推广“邮快合作”，快递进村覆盖率达到百分之九十八。",
        "该公司相关负责人介绍，下一步将继续完善县乡村三级寄递物流体系，方便群众寄取包裹。",
    ))
    return (
        f"<html><head><meta charset='utf-8'>{head}<title>某市邮政推广邮快合作_新闻中心</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻中心</a></div>"
        f"<h1>某市邮政推广邮快合作</h1>{header}<div class='article'>{paragraphs}</div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("head", "header", "source"),
    [
        # a CMS's source in its <meta name="source">, and a font size control under the headline
        ("<meta name='source' content='来源：东江晚报'><meta property='og:site_name' content='东江网'>",
         "<div class='tools'>字体：<span>+</span><span>-</span></div><div>2024-05-20 09:30</div>", "东江晚报"),
        # the source field beside a bracketed size control: 【 stayed with the source
        ("", "<div><span>发布时间：2024-05-20 09:30</span><span>来源：东江晚报</span>"
         "<span>【字号：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a>】</span></div>", "东江晚报"),
    ],
)
def test_a_page_s_source_meta_and_its_text_size_controls(processor, head, header, source):
    (story,) = processor.process("page.html", _news_page(head, header))
    assert (story["title"], story["source_name"], story["published_date"]) == ("某市邮政推广邮快合作", source, "2024-05-20")
    assert story["body"].startswith("本报讯") and "字" not in (story["byline"] or "") + story["body"][:20]


def test_an_audio_player_a_platform_s_disclaimer_and_a_closing_source_and_author_line(processor):
    # A radio site's player over the text (点击收听 00:00/03:15 and the programme), a portal's
    # closing line of the source and the writer, and a platform's disclaimer under them.
    page = (
        "<html><head><meta charset='utf-8'><title>山区邮路用上无人机</title></head><body>"
        "<h1>山区邮路用上无人机</h1><div>2024-06-11 08:12 来源：某某广播网</div>"
        "<div class='player'><span>点击收听</span><span>00:00/03:15</span><span>某某之声《早间新闻》</span></div>"
        "<div class='content'><p>某县邮政分公司近日开通无人机邮路，村民收寄包裹不再绕行山路，单程时间从两小时缩短到十几分钟。</p>"
        "<p>这条邮路跨越峡谷，全长约9公里，无人机每天往返4个架次，单次载重10公斤。</p>"
        "<p>本文来源：某某晚报 作者：苏明远</p></div>"
        "<div class='statement'>平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。</div>"
        "</body></html>"
    ).encode()
    (story,) = processor.process("radio.html", page)
    assert story["body"].split("\n") == [
        "某县邮政分公司近日开通无人机邮路，村民收寄包裹不再绕行山路，单程时间从两小时缩短到十几分钟。",
        "这条邮路跨越峡谷，全长约9公里，无人机每天往返4个架次，单次载重10公斤。",
    ]
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("苏明远", "author")]


def test_a_frameset_page_is_read_from_its_noframes_content(processor):
    # A 2000s site saved as its frameset: the frames' pages are not in the file, the <noframes>
    # fallback holds the article; read as text, its markup came out as the story.
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>某省邮政--新闻中心</title></head>"
        "<frameset rows='100,*'><frame src='top.htm'><frame src='news_view.asp?id=7'></frameset>"
        "<noframes><body><table><tr><td><font size='4'><b>某县开通农村邮运汽车线路</b></font></td></tr>"
        "<tr><td><font size='2'>发布时间：2003-5-20</font></td></tr>"
        "<tr><td><font size='2'>5月19日，某县农村邮运汽车线路正式开通，沿途12个乡镇的报刊由隔日到达变为当日到达。<br><br>"
        "该线路全长186公里，设交接点15个，邮件传递时限平均缩短一天。</font></td></tr></table></body></noframes></html>"
    ).encode("gbk")
    (story,) = processor.process("news.htm", page)
    assert (story["title"], story["published_date"]) == ("某县开通农村邮运汽车线路", "2003-05-20")
    assert story["body"].startswith("5月19日") and "<" not in story["body"]
    assert "noframes_read" in story["repairs"]


def test_a_platform_account_s_card_is_no_headline_and_its_structured_data_dates_the_page(processor):
    # A news platform's page (百家号): the account's card (its name, the post's time without a
    # year, the place, 官方百家号) was read as the headline block; the date is in its JSON-LD alone.
    page = (
        "<html><head><meta charset='utf-8'><title>高温下的快递小哥</title>"
        '<script type="application/ld+json">{"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld", '
        '"title": "高温下的快递小哥", "pubDate": "2024-07-16T10:05:00"}</script></head><body>'
        "<div class='title'><h2>高温下的快递小哥</h2></div>"
        "<div class='card'><p>东江晚报</p><span>07-16 10:05</span><span>广东</span><span>东江晚报官方百家号</span></div>"
        "<div class='article'><p>7月15日中午，某市一处小区门口，地面温度已接近50℃，快递员小王把三轮车停在树荫下。</p>"
        "<p>“夏天最怕的不是热，是包裹多。”小王说，他每天要派送300多件包裹。</p></div></body></html>"
    ).encode()
    (story,) = processor.process("baijiahao.html", page)
    assert (story["title"], story["published_date"]) == ("高温下的快递小哥", "2024-07-16")
    assert "官方百家号" not in story["body"]
