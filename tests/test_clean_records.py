"""Articles saved as JSON by a crawler or a site's API, as a table (CSV) or as Markdown under
front matter: each record holding an article's text is a story, its fields read by their names
(records written for these tests)."""

import csv
import io
import json

import pytest

from pipeline.clean.csvrecords import read_csv
from pipeline.clean.jsonrecords import read_json

CSV_DEFAULT_FIELD_LIMIT = 128 * 1024  # csv.field_size_limit() until a program raises it

FIRST = {
    "id": 101,
    "title": "邮政快递进村服务惠及千家万户",
    "subtitle": "全省新建村级寄递物流综合服务站420个",
    "pub_time": 1715846400,  # 2024-05-16 16:00 in Beijing
    "source": {"name": "江西省邮政分公司", "url": "https://example.com/"},
    "author": [{"name": "张华"}],
    "content": (
        '<p class="lead">今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。</p>'
        '<p>在赣州市于都县，邮政网点每天把“赣南脐橙”等农产品发往全国各地。</p>'
    ),
    "comments": [{"content": "村里寄快递方便多了，点赞邮政的服务！" * 3}],
}
SECOND = {
    "id": 102,
    "标题": "成都邮政为高校毕业生寄递录取通知书",
    "发布时间": "2024年7月8日 09:30",
    "来源": "四川邮政",
    "作者": "赵敏",
    "正文": "7月8日，成都邮政开始投递今年的高校录取通知书。\n投递员将通知书送到考生手中。",
}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps([FIRST, SECOND], ensure_ascii=False, indent=2),
        json.dumps({"code": 0, "data": {"total": 2, "list": [FIRST, SECOND]}}),  # ASCII escapes, wrapped
        json.dumps(FIRST) + "\n" + json.dumps(SECOND, ensure_ascii=False) + "\n",  # JSON Lines
        json.dumps(json.dumps([FIRST, SECOND])),  # written as a JSON string again (json.dumps twice)
        json.dumps(json.dumps([FIRST, SECOND], ensure_ascii=False), ensure_ascii=False),
    ],
)
def test_each_record_holding_an_article_is_a_story(processor, text):
    stories = processor.process("records.json", text.encode("utf-8"))
    assert [story["title"] for story in stories] == ["邮政快递进村服务惠及千家万户", "成都邮政为高校毕业生寄递录取通知书"]
    assert [story["published_date"] for story in stories] == ["2024-05-16", "2024-07-08"]
    assert [story["source_name"] for story in stories] == ["江西省邮政分公司", "四川邮政"]
    assert [[author["name"] for author in story["authors"]] for story in stories] == [["张华"], ["赵敏"]]
    assert stories[0]["body"].startswith("今年以来，全省邮政加快")
    assert "“赣南脐橙”" in stories[0]["body"]  # the quotes of class="lead" kept the JSON whole
    assert stories[1]["body"].split("\n")[1] == "投递员将通知书送到考生手中。"
    assert "点赞" not in "".join(story["body"] for story in stories)  # a comment is no article
    assert "json_records_extracted" in stories[0]["repairs"]


def test_json_whose_strings_a_crawler_wrote_as_escaped_gbk_bytes(processor):
    # JSON has no \xNN escape: the file is no JSON until the bytes are in place, while its own
    # escapes (\n between paragraphs, \" inside the text) stay JSON's.
    def escaped(text: str) -> str:
        return "".join(f"\\x{byte:02x}" if byte > 0x7F else chr(byte) for byte in text.encode("gbk"))

    record = json.dumps({"id": 7, "title": "ESCAPED_TITLE", "pub_time": "2024-07-08 09:30", "content": "ESCAPED_BODY"})
    raw = record.replace("ESCAPED_TITLE", escaped(SECOND["标题"])).replace(
        "ESCAPED_BODY", escaped('7月8日，成都邮政开始投递\\"录取通知书\\"。\\n投递员将通知书送到考生手中。')
    )
    stories = processor.process("record.json", raw.encode("ascii"))
    assert [story["title"] for story in stories] == [SECOND["标题"]]
    assert stories[0]["body"].split("\n") == ["7月8日，成都邮政开始投递\"录取通知书\"。", "投递员将通知书送到考生手中。"]
    assert stories[0]["encoding"] == "gbk"
    assert "json_records_extracted" in stories[0]["repairs"]


def test_json_without_articles_is_no_story(processor):
    stories, dead = processor.process_or_dead_letter("config.json", b'{"name": "feeds", "version": 3, "items": [1, 2]}')
    assert not stories
    assert dead[0]["stage"] == "split"


@pytest.mark.parametrize("text", ["[图片] 邮政网点", "{这不是 JSON}", "邮政网点 {\"a\": 1}"])
def test_text_that_is_no_json_is_left_to_the_text_cleaner(text):
    assert read_json(text) is None


def test_the_publication_time_wins_over_other_times():
    record = {"update_time": "2024-06-01 08:00", "content": "邮政网点" * 10, "publish_time": "2024-05-16 10:32"}
    (entry,) = read_json(json.dumps(record, ensure_ascii=False))
    assert entry.published == "2024-05-16"


def test_release_time_in_milliseconds_and_an_unnamed_long_text():
    (entry,) = read_json(json.dumps({"time": "刚刚", "publishTime": 1715846400000, "c": "邮政网点" * 60}))
    assert entry.published == "2024-05-16"
    assert entry.content == "邮政网点" * 60


def test_a_release_time_quoted_as_digits_and_a_schema_org_publisher():
    # "1715846400000" (an API quoting the number) gave no date; schema.org's NewsArticle names
    # its source under publisher.
    (entry,) = read_json(json.dumps({"ctime": "1715846400000", "body": "邮政网点" * 20}))
    assert entry.published == "2024-05-16"
    record = {"headline": "邮政网点", "datePublished": "2024-05-16T10:32:00+08:00",
              "articleBody": "邮政网点" * 20, "publisher": {"@type": "Organization", "name": "江西日报"}}
    (entry,) = read_json(json.dumps(record, ensure_ascii=False))
    assert (entry.title, entry.published, entry.source) == ("邮政网点", "2024-05-16", "江西日报")


FRONT_MATTER_ARTICLE = """---
title: "江西邮政农村寄递物流体系建设提速"
date: 2024-05-16T10:32:00+08:00
author: 张伟
source: 江西日报
tags: [寄递, 农村]
---

今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。

在**赣州市于都县**，邮政网点每天把农产品发往全国各地，村民足不出村就能寄快递。
"""


def test_a_markdown_article_s_front_matter_gives_its_fields(processor):
    (story,) = processor.process("article.md", FRONT_MATTER_ARTICLE.encode("utf-8"))
    assert story["title"] == "江西邮政农村寄递物流体系建设提速"
    assert story["published_date"] == "2024-05-16"
    assert story["source_name"] == "江西日报"
    assert [author["name"] for author in story["authors"]] == ["张伟"]
    assert story["body"].splitlines() == [
        "今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。",
        "在赣州市于都县，邮政网点每天把农产品发往全国各地，村民足不出村就能寄快递。",
    ]
    assert "front_matter_read" in story["repairs"]


def test_a_markdown_heading_repeating_the_front_matter_s_title_is_not_its_text(processor):
    text = FRONT_MATTER_ARTICLE.replace("---\n\n今年以来", "---\n\n# 江西邮政农村寄递物流体系建设提速\n\n今年以来")
    (story,) = processor.process("article.md", text.encode("utf-8"))
    assert story["title"] == "江西邮政农村寄递物流体系建设提速"
    assert story["body"].startswith("今年以来")


def test_rules_around_lines_of_text_are_no_front_matter(processor):
    text = "---\n江西邮政农村寄递物流体系建设提速\n---\n今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。\n"
    (story,) = processor.process("rules.txt", text.encode("utf-8"))
    assert "front_matter_read" not in story["repairs"]
    assert "江西邮政农村寄递物流体系建设提速" in (story["title"] or "") + story["body"]


PRESS_RELEASE = """【新闻稿】
标题：青溪邮政开通茶叶寄递专线
作者：宋晓光
来源：青溪县邮政分公司
日期：2024年4月2日
字数：约300字
------------------------------

　　4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。

　　专线开通后，县城至各产茶乡镇的邮车由每天一班增加到两班，首日收寄茶叶包裹四百余件。

------------------------------
联系人：宋晓光　电话：0000-1234567
欢迎各媒体采用，转载请注明出处。
"""


def test_a_press_release_s_labelled_header_gives_its_fields(processor):
    # The header had been the story's title (【新闻稿】) and its first lines; the contact and
    # reprint notes under the closing rule its last.
    (story,) = processor.process("release.txt", PRESS_RELEASE.replace("\n", "\r\n").encode("utf-8-sig"))
    assert story["title"] == "青溪邮政开通茶叶寄递专线"
    assert (story["published_date"], story["source_name"]) == ("2024-04-02", "青溪县邮政分公司")
    assert story["authors"] == [{"name": "宋晓光", "role": "author"}]
    assert story["body"].startswith("4月1日，青溪县邮政分公司开通春茶寄递专线")
    assert story["body"].endswith("首日收寄茶叶包裹四百余件。")
    assert "front_matter_read" in story["repairs"]


def test_a_press_release_mailed_as_html_under_a_cover_note_gives_its_fields(processor):
    # An e-mail's HTML part: the subject, a greeting and a note over the release's header; the
    # cover note had been a story of its own, the contact and disclaimer lines another.
    paragraphs = [
        "各位媒体朋友：", "您好！现将我公司新闻稿发送给您，欢迎刊发。", *PRESS_RELEASE.strip().splitlines()[1:],
        "此邮件可能包含保密信息，如您误收，请删除。",
    ]
    html = "<html><head><title>【新闻稿】青溪邮政开通茶叶寄递专线</title></head><body>" + "".join(
        f"<p class=MsoNormal>{line.strip()}</p>" for line in paragraphs if line.strip()
    ) + "</body></html>"
    (story,) = processor.process("release.html", html.encode("utf-8"))
    assert story["title"] == "青溪邮政开通茶叶寄递专线"
    assert (story["published_date"], story["source_name"]) == ("2024-04-02", "青溪县邮政分公司")
    assert story["body"].startswith("4月1日，青溪县邮政分公司开通春茶寄递专线")
    assert story["body"].endswith("首日收寄茶叶包裹四百余件。")


MAIL_EXPORT = """发件人:\t林芳 <linfang@post.example.cn>
发送时间:\t2024年4月2日 9:30
收件人:\t媒体联络组
主题:\t【新闻稿】青溪邮政开通茶叶寄递专线
附件:\t新闻稿.docx; 现场图片.jpg

各位媒体朋友：
    您好！现将我公司新闻稿发送给您，欢迎刊发。

==============================

青溪邮政开通茶叶寄递专线

    4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。
    专线开通后，县城至各产茶乡镇的邮车由每天一班增加到两班，首日收寄茶叶包裹四百余件。

青溪县邮政分公司综合办公室
2024年4月2日

--
林芳
青溪县邮政分公司 综合办公室
电话：0000-1234567
本邮件含有保密信息，如您误收，请删除。
"""


def test_a_mail_saved_as_text_gives_the_release_under_its_cover_note(processor):
    # Outlook's export of a message: its header fields tab-separated (read as a page's two
    # columns before), the subject no title of the release's own, a cover note above a rule,
    # the signature block under "--".
    (story,) = processor.process("message.txt", MAIL_EXPORT.replace("\n", "\r\n").encode("gbk"))
    assert story["title"] == "青溪邮政开通茶叶寄递专线"
    assert (story["published_date"], story["source_name"]) == ("2024-04-02", "青溪县邮政分公司综合办公室")
    assert story["body"].startswith("4月1日，青溪县邮政分公司开通春茶寄递专线")
    assert story["body"].endswith("首日收寄茶叶包裹四百余件。")


DOCUMENT_EXPORT = """# 【定稿】青溪邮政茶叶专线新闻稿

> 修改记录：4月1日 已审核通过；配图见正文。

| 项目 | 内容 |
| --- | --- |
| 供稿单位 | 青溪县邮政分公司 |
| 发布日期 | 2024年4月2日 |
| 发布渠道 | 青溪邮政微信公众号 |

---

## 青溪邮政开通茶叶寄递专线

通讯员 林芳

4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。

专线开通后，县城至各产茶乡镇的邮车由每天一班增加到两班，首日收寄茶叶包裹四百余件。
"""


def test_an_online_document_s_sheet_of_fields_over_a_rule_and_the_text(processor):
    # An online document exported as Markdown: its file name a heading, a review note, a table
    # of fields (no title among them), Markdown's rule, then the text under its own headline.
    (story,) = processor.process("export.md", DOCUMENT_EXPORT.encode("utf-8"))
    assert story["title"] == "青溪邮政开通茶叶寄递专线"
    assert (story["published_date"], story["source_name"]) == ("2024-04-02", "青溪县邮政分公司")
    assert story["authors"] == [{"name": "林芳", "role": "correspondent"}]
    assert story["body"].startswith("4月1日") and story["body"].endswith("首日收寄茶叶包裹四百余件。")


SLUGGED_STORY = """#STORY QX-2025-0402-011
TITLE: 青溪邮政开通茶叶寄递专线
SUBTITLE:
PUBDATE: 2025-04-02
SOURCE: 青溪日报
BYLINE: 记者 宋晓光 通讯员 林芳
WORDS: 312
----8<----

  4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。

  专线开通后，县城至各产茶乡镇的邮车由每天一班增加到两班，首日收寄茶叶包裹四百余件。

----8<----
EDITOR: 陈静
#END
"""


def test_a_newsroom_system_s_slug_with_english_keys_gives_its_fields(processor):
    # A newsroom system's story slug: English keys, an empty field, cut-mark rules; the editor's
    # sign-off under the closing rule.
    (story,) = processor.process("slug.txt", SLUGGED_STORY.encode("utf-8"))
    assert story["title"] == "青溪邮政开通茶叶寄递专线"
    assert (story["published_date"], story["source_name"]) == ("2025-04-02", "青溪日报")
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("宋晓光", "reporter"), ("林芳", "correspondent")]
    assert story["body"].startswith("4月1日") and story["body"].endswith("首日收寄茶叶包裹四百余件。")


def test_labelled_lines_running_into_the_text_are_no_header(processor):
    text = "标题：青溪邮政开通茶叶寄递专线\n作者：宋晓光\n4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能寄茶。\n"
    (story,) = processor.process("fields.txt", text.encode("utf-8"))
    assert "front_matter_read" not in story["repairs"]


def _table(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


TABLE = [
    ["标题", "发布时间", "来源", "作者", "正文"],
    [SECOND["标题"], "2024-07-08 09:30", "四川邮政", "赵敏", '7月8日，成都邮政开始投递"录取通知书"。\n投递员将通知书送到考生手中。'],
    ["邮政快递进村服务惠及千家万户", "2024/05/16", "江西省邮政分公司", "张华", "今年以来，全省邮政新建村级寄递物流综合服务站420个，村民足不出村就能寄快递。"],
]


@pytest.mark.parametrize(("delimiter", "encoding"), [(",", "utf-8-sig"), ("\t", "gbk")])
def test_each_row_of_an_exported_table_is_a_story(processor, delimiter, encoding):
    stories = processor.process("articles.csv", _table(TABLE, delimiter).encode(encoding))
    assert [story["title"] for story in stories] == [TABLE[1][0], TABLE[2][0]]
    assert [story["published_date"] for story in stories] == ["2024-07-08", "2024-05-16"]
    assert [story["source_name"] for story in stories] == ["四川邮政", "江西省邮政分公司"]
    assert stories[0]["body"].splitlines() == ['7月8日，成都邮政开始投递"录取通知书"。', "投递员将通知书送到考生手中。"]
    assert "csv_records_extracted" in stories[0]["repairs"]


def test_a_line_of_commas_without_a_table_s_header_is_text():
    assert read_csv("8月11日至14日,集团公司一行到黑龙江调研,走访慰问一线员工。\n他强调,要抓好落实。") is None


def test_a_first_line_longer_than_a_csv_field_is_text_not_an_error(processor):
    # A page saved without line breaks (minified HTML, a text with its breaks lost) has a first
    # line beyond csv's field limit: csv raised, and the file went to the dead letters.
    sentence = "今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。"
    line = sentence * (CSV_DEFAULT_FIELD_LIMIT // len(sentence) + 1)
    title = "全省邮政加快三级寄递物流体系建设"
    html = f"<html><head><title>{title}</title></head><body><p>{line}</p></body></html>"
    previous = csv.field_size_limit(CSV_DEFAULT_FIELD_LIMIT)  # as in a fresh worker: a table read raises it
    try:
        assert read_csv(line) is None
        stories = processor.process("minified.html", html.encode())
    finally:
        csv.field_size_limit(previous)
    assert [story["title"] for story in stories] == [title]
    assert stories[0]["body"].startswith(sentence * 2)


def test_a_page_that_renders_its_article_from_embedded_json_gives_that_article(processor):
    data = {
        "props": {"pageProps": {"article": {
            "title": "某快递企业华中分拨中心投产",
            "author": "韩梅",
            "source": "某快递企业新闻中心",
            "publishTime": "2025-03-06 09:30:00",
            "content": "<p>3月5日，某快递企业华中分拨中心在武汉投产，日处理能力达到八十万件。</p>"
                       "<p>分拨中心投用后，华中地区发往全国的快件可缩短半天到达。</p>",
        }}},
    }
    html = (
        "<!DOCTYPE html><html><head><title>新闻中心</title></head><body><div id='__next'></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data, ensure_ascii=False)}</script>"
        "</body></html>"
    )
    (story,) = processor.process("next.html", html.encode("utf-8"))
    assert (story["title"], story["published_date"], story["source_name"]) == (
        "某快递企业华中分拨中心投产", "2025-03-06", "某快递企业新闻中心"
    )
    assert story["authors"] == [{"name": "韩梅", "role": "author"}]
    assert story["body"].startswith("3月5日") and "script_data_read" in story["repairs"]


def test_a_page_whose_script_assigns_its_state_gives_the_article_in_that_state(processor):
    # Vue's and Nuxt's servers write the page's state as a script's assignment, not a JSON script.
    state = {
        "user": {"isLogin": False},
        "news": {"detail": {
            "title": "县域快递共配中心投入使用",
            "author": "通讯员 郑晓岚",
            "publishTime": 1717203600000,  # 2024-06-01 09:00 in Beijing
            "content": "<p>6月1日，县域快递共配中心投入使用，五家快递企业的包裹在此统一分拣。</p>"
                       "<p>共配中心投用后，村民取件时间缩短一天。</p>",
        }},
    }
    html = (
        "<!DOCTYPE html><html><head><title>新闻</title></head><body><div id='app'>加载中...</div>"
        f"<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};"
        "(function(){var s;})();</script></body></html>"
    )
    (story,) = processor.process("state.html", html.encode("utf-8"))
    assert (story["title"], story["published_date"]) == ("县域快递共配中心投入使用", "2024-06-01")
    assert story["authors"] == [{"name": "郑晓岚", "role": "correspondent"}]
    assert story["body"].startswith("6月1日") and "script_data_read" in story["repairs"]


def test_a_page_whose_article_is_in_its_noscript_fallback_alone(processor):
    html = (
        "<!DOCTYPE html><html><head><title>县域快递共配中心投入使用_某某新闻</title></head><body>"
        "<div id='app'><p class='loading'>加载中…</p></div>"
        "<noscript><article><h1>县域快递共配中心投入使用</h1><p>记者 郑晓岚　2024-06-01 08:00</p>"
        "<p>6月1日，某县快递共配中心投入使用，六家快递企业的包裹在这里统一分拣，再由同一辆车送往各村。</p>"
        "<p>共配中心投用后，村民取件时间缩短一天。</p></article></noscript>"
        "<script src='/js/app.js'></script></body></html>"
    )
    (story,) = processor.process("app.html", html.encode("utf-8"))
    assert (story["title"], story["published_date"]) == ("县域快递共配中心投入使用", "2024-06-01")
    assert story["body"].startswith("6月1日") and story["body"].endswith("缩短一天。")
    assert "noscript_read" in story["repairs"]


def test_a_noscript_notice_is_no_article_beside_the_page_s_own(processor):
    html = (
        "<!DOCTYPE html><html><head><title>县域快递共配中心投入使用</title></head><body><article>"
        "<h1>县域快递共配中心投入使用</h1>"
        "<p>6月1日，某县快递共配中心投入使用，六家快递企业的包裹在这里统一分拣，再由同一辆车送往各村。</p>"
        "<p>共配中心投用后，村民取件时间缩短一天。</p></article>"
        "<noscript><p>您的浏览器已禁用JavaScript，请启用后查看评论和相关推荐内容。</p></noscript></body></html>"
    )
    (story,) = processor.process("page.html", html.encode("utf-8"))
    assert story["body"].endswith("缩短一天。") and "noscript_read" not in story["repairs"]


SRT = (
    "1\r\n00:00:00,400 --> 00:00:03,200\r\n雪域邮路上的绿色邮车\r\n\r\n"
    "2\r\n00:00:03,600 --> 00:00:07,100\r\n在西藏那曲，邮车每天要翻越\r\n海拔五千米的山口。\r\n\r\n"
    "3\r\n00:00:07,500 --> 00:00:10,800\r\n<i>驾驶员次旦说，再远的牧场也要送到。</i>\r\n\r\n"
)
VTT = (
    "WEBVTT\n\nNOTE 由编辑部整理\n\n"
    "00:00.400 --> 00:03.200 align:middle\n雪域邮路上的绿色邮车\n\n"
    "intro-2\n00:03.600 --> 00:07.100\n在西藏那曲，邮车每天要翻越\n海拔五千米的山口。\n\n"
    "00:07.500 --> 00:10.800\n驾驶员次旦说，再远的牧场也要送到。\n"
)


@pytest.mark.parametrize("subtitles", [SRT, VTT], ids=["srt", "vtt"])
def test_a_subtitle_file_is_its_cues_text(processor, subtitles):
    (story,) = processor.process("report.srt", subtitles.encode("gbk"))
    assert story["title"] == "雪域邮路上的绿色邮车"
    assert story["body"].splitlines() == ["在西藏那曲，邮车每天要翻越海拔五千米的山口。", "驾驶员次旦说，再远的牧场也要送到。"]
    assert "subtitle_cues_read" in story["repairs"]


def test_a_text_quoting_a_timing_is_no_subtitle_file():
    from pipeline.clean.subtitles import read_subtitles

    text = "直播时间为 00:00:10,000 --> 00:00:20,000，共十秒。\n\n节目结束后发布回放。\n\n欢迎收看。\n"
    assert read_subtitles(text) is None


def test_a_messenger_export_s_styled_runs_are_one_text(processor):
    # A channel's export: each message's text a list of strings and styled runs (its bold
    # headline first, a link's text), then the same runs again as entities; each run had been
    # a story of its own, the link's text lost and the topic tags kept.
    runs = [
        {"type": "bold", "text": "青溪邮政开通茶叶寄递专线"},
        "\n\n4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。\n\n来源：",
        {"type": "text_link", "text": "青溪日报", "href": "https://example.cn/"},
        "\n\n", {"type": "hashtag", "text": "#邮政"}, " ", {"type": "hashtag", "text": "#茶叶"},
    ]
    message = {"id": 7, "type": "message", "date": "2024-04-02T08:15:00", "text": runs, "text_entities": runs}
    export = {"name": "青溪快讯", "type": "public_channel", "messages": [message]}
    (story,) = processor.process("result.json", json.dumps(export, ensure_ascii=False).encode())
    assert (story["title"], story["published_date"], story["source_name"]) == ("青溪邮政开通茶叶寄递专线", "2024-04-02", "青溪日报")
    assert story["body"] == "4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。"


def test_an_open_data_record_s_chinese_date_and_publisher_fields_are_read(processor):
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><数据集><记录><标题>关于做好邮件寄递安全工作的通知</标题>'
        "<发布日期>2024-03-18</发布日期><发布机构>楚南省邮政管理局</发布机构>"
        "<正文>各市（州）邮政管理局：为做好邮件寄递安全工作，现将有关事项通知如下。一、落实收寄验视制度。</正文></记录></数据集>"
    )
    (story,) = processor.process("open.xml", xml.encode())
    assert (story["published_date"], story["source_name"]) == ("2024-03-18", "楚南省邮政管理局")


def test_a_json_feed_s_title_is_its_items_publisher(processor):
    feed = {
        "version": "https://jsonfeed.org/version/1.1", "title": "楚南邮政",
        "items": [{"id": "1", "title": "楚南邮政开通冷链专线", "date_published": "2025-01-01T09:00:00+08:00",
                   "content_text": "今年以来，楚南省邮政分公司开通乡村冷链专线，为果蔬种植户提供冷藏运输服务。"}],
    }
    (story,) = processor.process("feed.json", json.dumps(feed, ensure_ascii=False).encode())
    assert (story["title"], story["source_name"]) == ("楚南邮政开通冷链专线", "楚南邮政")


def test_toml_front_matter_with_windows_line_ends_gives_its_title_without_quotes(processor):
    text = (
        '+++\r\ntitle = "雪域邮路上的“马背邮递员”"\r\ndate = 2024-01-18\r\n+++\r\n\r\n'
        "今年以来，楚南省邮政分公司开通乡村冷链专线，为果蔬种植户提供冷藏运输服务。\r\n"
    )
    (story,) = processor.process("post.md", text.encode("gb18030"))
    assert (story["title"], story["published_date"]) == ("雪域邮路上的“马背邮递员”", "2024-01-18")
