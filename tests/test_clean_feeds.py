"""RSS and Atom feeds: each entry an article of its own (tests/data/pages/news_feed_*.xml,
written for these tests; expected values are read off them)."""

from pathlib import Path

import pytest

from pipeline.clean import Cleaner
from pipeline.clean.feeds import looks_like_feed, read_feed, read_xml_records

PAGES = Path(__file__).parent / "data" / "pages"
RSS = (PAGES / "news_feed_rss.xml").read_text(encoding="utf-8")
ATOM = (PAGES / "news_feed_atom.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def test_rss_entries_are_read_with_their_fields():
    title, entries = read_feed(RSS)
    assert title == "四川邮政新闻"
    assert [entry.title for entry in entries] == [
        "四川邮政开通首条低空无人机邮路",
        "江西邮政农产品寄递量快速增长",
        "成都邮政为高校毕业生寄递录取通知书",
    ]
    # RFC 822 pubDate, ISO dc:date; an RSS author is a mail address with the name in brackets.
    assert [entry.published for entry in entries] == ["2024-05-17", "2024-06-03", "2024-07-08"]
    assert [entry.author for entry in entries] == [None, "刘晓东", "赵敏"]
    assert entries[0].content.startswith("<p>5月16日上午")  # CDATA
    assert entries[1].content.startswith("<p>今年以来")  # escaped markup


def test_atom_entries_prefer_the_published_date_and_the_full_content():
    title, entries = read_feed(ATOM)
    assert title == "邮政快讯"
    assert [(entry.title, entry.published, entry.author) for entry in entries] == [
        ("广西邮政开通跨境电商寄递专线", "2024-07-29", "韦丽萍"),
        ("云南邮政助力咖啡豆出山", "2024-07-25", None),
    ]
    assert entries[1].content.startswith("普洱市邮政分公司")  # a summary when there is no content


def test_each_entry_is_cleaned_into_a_document_of_its_own(cleaner):
    cleaned = cleaner.clean(RSS)
    assert "feed_entries_extracted" in cleaned.repairs
    assert len(cleaned.documents) == 3
    first = cleaned.documents[0].splitlines()
    assert first[:3] == ["四川邮政开通首条低空无人机邮路", "发布时间：2024-05-17", "来源：四川邮政新闻"]
    assert first[3].startswith("5月16日上午") and first[4].startswith("该邮路全长约42公里")
    assert not any("<" in document or "CDATA" in document or "http://" in document for document in cleaned.documents)


@pytest.mark.parametrize(
    ("feed_title", "source"),
    [
        ("某省邮政管理局-工作动态", "某省邮政管理局"),  # the publisher and a section
        ("要闻 | 楚南日报", "楚南日报"),
        ("邮政快讯", "邮政快讯"),  # one part: the title names the publisher
        ("邮政快讯 - 工作动态", "邮政快讯 - 工作动态"),  # neither part a site's or a body's name
    ],
)
def test_a_feed_s_publisher_is_the_part_of_its_title_naming_a_site_or_body(cleaner, feed_title, source):
    atom = ATOM.replace("<title>邮政快讯</title>", f"<title>{feed_title}</title>", 1)
    assert f"来源：{source}" in cleaner.clean(atom).documents[0].splitlines()


def test_a_feed_cut_short_keeps_its_whole_entries(cleaner):
    cut = RSS[: RSS.index("成都邮政") + 20]
    assert [document.splitlines()[0] for document in cleaner.clean(cut).documents] == [
        "四川邮政开通首条低空无人机邮路",
        "江西邮政农产品寄递量快速增长",
    ]


def test_entities_are_never_resolved(cleaner):
    # An external entity would read a local file; nested internal ones multiply (billion laughs).
    feed = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY host SYSTEM "file:///etc/hostname">'
        '<!ENTITY a "LOL"><!ENTITY b "&a;&a;&a;&a;">]>\n<rss version="2.0"><channel><title>T</title>'
        "<item><title>邮政网点服务升级</title><description>邮政网点&host;服务&b;提升。</description></item>"
        "</channel></rss>"
    )
    (document,) = cleaner.clean(feed).documents
    assert document.splitlines()[-1] == "邮政网点服务提升。"


def test_a_feed_without_entries_leaves_no_text(cleaner):
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>邮政新闻</title><description>最新动态</description></channel></rss>'
    assert cleaner.clean(feed).text == ""


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>RSS 订阅：<rss> 标签</p></body></html>",
        "本报讯 邮政开通<feed>订阅服务。\n",
        '<?xml version="1.0"?><urlset><url><loc>http://example.cn/</loc></url></urlset>',
    ],
)
def test_other_documents_are_not_feeds(text):
    assert not looks_like_feed(text)


CMS_EXPORT = """<?xml version="1.0" encoding="utf-8"?>
<Export site="cms">
  <Record id="17">
    <Headline>山区邮路开通冷链专线</Headline>
    <Author>通讯员 孔繁星</Author>
    <Source>黔北邮政</Source>
    <PubDate>2023-11-02</PubDate>
    <Body><![CDATA[<p>记者近日获悉，黔北邮政开通冷链专线。</p><p>专线每日往返两趟。</p>]]></Body>
  </Record>
  <Record id="18">
    <Headline>邮政网点代办社保业务</Headline>
    <Body>网点新增社保代办窗口，群众不出村即可办理。</Body>
  </Record>
</Export>
"""


def test_records_of_another_xml_export_are_articles(cleaner):
    cleaned = cleaner.clean(CMS_EXPORT)
    assert "xml_records_extracted" in cleaned.repairs
    first, second = (document.splitlines() for document in cleaned.documents)
    assert first == [
        "山区邮路开通冷链专线", "发布时间：2023-11-02", "来源：黔北邮政", "作者：通讯员 孔繁星",
        "记者近日获悉，黔北邮政开通冷链专线。", "专线每日往返两趟。",
    ]
    assert second == ["邮政网点代办社保业务", "网点新增社保代办窗口，群众不出村即可办理。"]


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><urlset><url><loc>http://example.cn/</loc></url></urlset>',  # no title, no content
        "<div><title>邮政</title><article>网点升级改造完成。</article></div>",  # an HTML fragment
    ],
)
def test_xml_without_records_of_articles_is_read_otherwise(text):
    assert read_xml_records(text) is None


NEWS_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:nitf="http://iptc.org/std/NITF/2006-10-18/">
 <itemMeta><provider literal="黔北邮政报"/><versionCreated>2023-11-03T09:00:00+08:00</versionCreated></itemMeta>
 <contentMeta>
  <contentCreated>2023-11-02T17:40:00+08:00</contentCreated>
  <creator><name>孔繁星</name></creator>
  <headline>山区邮路开通冷链专线</headline>
  <description role="drol:summary">黔北邮政开通冷链专线。</description>
 </contentMeta>
 <contentSet><inlineXML><nitf:nitf><nitf:body>
  <nitf:body.head><nitf:byline>本报记者 孔繁星 通讯员 杜若兰</nitf:byline></nitf:body.head>
  <nitf:body.content><nitf:p>记者近日获悉，黔北邮政开通冷链专线。</nitf:p><nitf:p>专线每日往返两趟。</nitf:p></nitf:body.content>
 </nitf:body></nitf:nitf></inlineXML></contentSet>
</newsItem>
"""


def test_a_news_item_s_text_is_its_paragraphs_not_its_summary(cleaner):
    # NewsML-G2: the metadata holds the headline and a summary; the text is inline NITF, its
    # byline crediting roles, its provider the agency, its creation the date.
    (document,) = cleaner.clean(NEWS_ITEM).documents
    assert document.splitlines() == [
        "山区邮路开通冷链专线", "发布时间：2023-11-02", "来源：黔北邮政报", "本报记者 孔繁星 通讯员 杜若兰",
        "记者近日获悉，黔北邮政开通冷链专线。", "专线每日往返两趟。",
    ]
