"""The split stage on the seed documents, against stories written down by reading them."""

import json
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from pipeline.split import Splitter
from tests.conftest import seed_path

EXPECTED = json.loads(
    (Path(__file__).parent / "data" / "split_seed_stories.json").read_text(encoding="utf-8")
)
_HALF_WIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ％]")


def upstream(text: str) -> str:
    """What decode + clean hand over: NFC, simplified, full-width letters/digits half-width."""
    text = opencc.OpenCC("t2s").convert(unicodedata.normalize("NFC", text))
    return _HALF_WIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def compact(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def splitter():
    return Splitter()


@pytest.fixture(scope="module")
def pages(splitter):
    return {
        prefix: splitter.split(upstream(seed_path(prefix).read_text(encoding="utf-8")))
        for prefix in ("003", "004")
    }


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_story_count(pages, prefix):
    assert len(pages[prefix].stories) == len(EXPECTED[prefix])


@pytest.mark.parametrize("prefix,index", [(p, i) for p in ("003", "004") for i in range(len(EXPECTED[p]))])
def test_story_matches_reading(pages, prefix, index):
    expected, story = EXPECTED[prefix][index], pages[prefix].stories[index]
    body = compact(story.body)
    assert body.startswith(compact(expected["body_start"]))
    assert body.endswith(compact(expected["body_end"]))
    assert compact(story.kicker) == compact(expected["kicker"])
    assert compact(story.title) == compact(expected["title"])
    assert compact(story.subtitle) == compact(expected["subtitle"])
    assert list(story.bylines) == expected["bylines"]
    assert story.is_continuation == expected["continuation"]
    assert story.is_photo == expected["photo"]


def test_nothing_of_neighbours(pages):
    """No headline of the page ends up inside a story body (section heads excepted)."""
    for prefix, page in pages.items():
        headlines = [compact(e["headline"]) for e in EXPECTED[prefix] if e["headline"]]
        for story in page.stories:
            for headline in headlines:
                assert headline not in compact(story.body)


def test_every_body_line_lands_in_exactly_one_story(pages):
    for prefix, page in pages.items():
        bodies = [compact(story.body) for story in page.stories]
        furniture = {compact(e["headline"] or "") for e in EXPECTED[prefix]}
        page_text = compact(upstream(seed_path(prefix).read_text(encoding="utf-8")))
        for line in upstream(seed_path(prefix).read_text(encoding="utf-8")).splitlines():
            text = compact(line).split("□")[0]
            if len(text) < 6 or "本报讯" in text or "）" in text[:12] or any(text in h for h in furniture if h):
                continue  # credits, markers, bylines and headlines are not body text
            # as often in the bodies as on the page (some phrases recur across stories)
            assert sum(body.count(text) for body in bodies) == page_text.count(text), text


def test_section_heads_stay_inside_their_story(pages):
    (story,) = [s for s in pages["004"].stories if compact(s.title) == "宁夏邮政：压降普服邮件断点率"]
    paragraphs = story.body.split("\n")
    for head in EXPECTED["004"][4]["section_heads"]:
        assert head in paragraphs


def test_page_repairs_are_recorded(pages):
    assert set(pages["004"].repairs) == {"reflow", "justification_spaces"}


def test_justification_spaces_removed_meaningful_spaces_kept(pages):
    xinjiang = pages["003"].stories[3].body
    assert "在疫情防控期间，新疆区分公司借助 CRM 系统" in xinjiang
    heilongjiang = pages["004"].stories[1].body
    assert "贷款投放 147.65 亿元" in heilongjiang
    jiangsu = pages["004"].stories[8].body
    assert "《学习贯彻党的二十大精神 奋力推进江苏邮政高质量发展》" in jiangsu


def test_paragraphs_rejoined(pages):
    first = pages["003"].stories[0].body.split("\n")
    assert first[0] == (
        "集团公司各级党组织必须坚持用习近平新时代中国特色社会主义思想统一思想、统一意志、统一行动，"
        "坚定不移把习近平新时代中国特色社会主义思想作为中国邮政改革发展的根本遵循和行动指南，"
        "学习学习再学习、落实落实再落实，切实把学习成果转化为坚定理想、锤炼党性和指导实践、推动工作的强大力量。"
    )
    assert first[1].startswith("四是必须深刻认识党的二十大") and first[1].endswith("复兴的使命任务。")


def test_seed_000_is_one_article_with_title_and_meta(splitter):
    page = splitter.split(upstream(seed_path("000").read_text(encoding="utf-8")))
    (story,) = page.stories
    assert story.title == "刘爱力调研黑龙江邮政时强调积极探索行业最佳实践 着力构建邮政特色生态圈"
    assert story.bylines == ("作者:来源:中国邮政网发布时间:2019-08-23", "□仲驿")
    assert story.body.startswith("8月11日至14日,集团公司党组书记、董事长刘爱力一行到黑龙江邮政调研")
    assert story.body.endswith("支持黑龙江振兴发展。")
    assert not story.is_continuation and not story.is_photo


def test_seed_001_is_one_article_without_title(splitter):
    text = upstream(seed_path("001").read_text(encoding="utf-8"))
    (story,) = splitter.split(text).stories
    assert story.title is None and story.bylines == ()
    assert story.body.startswith("7月22日至23日,2021年全省邮政工作座谈会召开。")
    assert story.body.endswith("不负干部员工期待的发展成果!")
    # subheadings and list items are article text, one paragraph each
    paragraphs = story.body.split("\n")
    assert "突出“三个重点”" in paragraphs and "1.紧盯“一个目标”" in paragraphs
    assert len(paragraphs) == len([line for line in text.splitlines() if line.strip()])


def test_seed_002_header(splitter):
    # 002 after decode + clean (simplified, pinyin and tags gone, the list number `1.` left over
    # from its first line); its body needs the decode stage
    body = [
        line.strip()
        for line in upstream(seed_path("002").read_text(encoding="utf-8", errors="replace")).splitlines()
        if "2013年11月" in line or "苗寨的好光景" in line
    ]
    body = [re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", "", line) for line in body]
    text = "\n\n".join(
        ["1.", "潇湘之“钻”", "——湖南邮政网点转型纪实",
         "中国邮政报记者 李珧 曾立军 湖南记者 刘园园 通讯员 简芳2020-08-28来源:中国邮政报", *body]
    )
    (story,) = splitter.split(text).stories
    assert story.title == "潇湘之“钻”"
    assert story.subtitle == "湖南邮政网点转型纪实"
    assert story.bylines == ("中国邮政报记者 李珧 曾立军 湖南记者 刘园园 通讯员 简芳2020-08-28来源:中国邮政报",)
    assert story.body.startswith("2013年11月")
