"""Layouts and names the seeds do not show, from text written for these tests (expected values
are read off it): a provincial site's article page (GB2312, a metadata line mixing the
article's fields with furniture), a copy of a WeChat account's article (header line, closing
source line, the app's buttons), names without a Han surname, and a newspaper page rendered
from those stories by tests/split_synth.py."""

from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.fixture(scope="module")
def provincial(processor):
    raw = (PAGES / "provincial_site_article.html").read_text(encoding="utf-8").encode("gb2312")
    (story,) = processor.process("provincial_site_article.html", raw)
    return story


@pytest.fixture(scope="module")
def wechat(processor):
    (story,) = processor.process("wechat_copy.txt", (PAGES / "wechat_copy.txt").read_bytes())
    return story


def test_site_page_fields_come_from_its_metadata_line(provincial):
    assert provincial["encoding"] == "gbk"
    assert provincial["title"] == "四川邮政开通首条低空无人机邮路"
    assert provincial["published_date"] == "2024-05-17"
    assert provincial["source_name"] == "四川省分公司"
    assert provincial["authors"] == [{"name": "李明", "role": "author"}, {"name": "张晓燕", "role": "author"}]


def test_site_page_body_is_the_article_alone(provincial):
    body = provincial["body"]
    assert body.startswith("5月16日上午，随着一架载有30公斤邮件的无人机")
    assert body.rstrip().endswith("（编辑：王芳）")
    for furniture in ("浏览次数", "字号", "打印本页", "相关新闻", "版权所有", "当前位置"):
        assert furniture not in body


def test_wechat_copy_header_words_are_not_authors(wechat):
    # '原创 江西邮政 江西邮政 2024-06-03 08:30 发表于江西': a label and the account's name.
    assert wechat["published_date"] == "2024-06-03"
    assert wechat["authors"] == []


def test_wechat_copy_source_is_its_closing_line(wechat):
    assert wechat["source_name"] == "江西省邮政分公司"


def test_wechat_buttons_are_furniture(wechat):
    body = wechat["body"]
    assert "钟小平像往常一样" in body
    for furniture in ("阅读原文", "分享 收藏 点赞 在看", "收录于合集"):
        assert furniture not in body


def test_town_the_gazetteer_lacks_stays_in_its_organisation(provincial):
    # 塔公镇 is below the gazetteer's counties: jieba leaves it as 塔/公/镇.
    assert "塔公镇邮政所" in provincial["organizations"]
    assert "公镇邮政所" not in provincial["organizations"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("喀什地区邮政分公司总经理买买提·艾力表示，要加快农村寄递网络建设。", "买买提·艾力"),
        ("所长泽仁多吉告诉记者，包裹当天就能送到。", "泽仁多吉"),
    ],
)
def test_names_without_a_han_surname_between_a_title_and_a_speech_verb(processor, sentence, name):
    # The provincial page names 泽仁多吉 so; names are otherwise found from a Han surname.
    (story,) = processor.process("minority_names.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == [name]


def test_an_adverb_after_a_name_is_not_part_of_it(processor):
    (story,) = processor.process("adverb.txt", "邮政服务进村入户\n所长郭品华高兴地说，包裹当天就能送到。\n".encode())
    assert story["people"] == ["郭品华"]


def test_two_headlines_printed_one_under_the_other_are_cut_apart():
    # A page laid out as PDF text, rendered from the stories of the probe pages:
    # the headlines of two stories stand one under the other, and the pair read as one
    # title and subtitle, leaving the other story untitled.
    from pipeline.split import Splitter

    page = (PAGES / "stacked_headlines_page.txt").read_text(encoding="utf-8")
    titles = {story.body[:8]: (story.title, story.subtitle) for story in Splitter().split(page).stories}
    assert titles["香港邮政昨日宣布"] == ("香港邮政推出「邮趣速递」新服务", None)
    assert titles["今年以来，在集团"] == ("湖南省邮政分公司2023年上半年工作总结", None)
