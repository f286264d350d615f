"""HTML input: recognition by content, each hiding trick, furniture, headline and byline lines."""

from html import escape

import pytest

from pipeline.clean import Cleaner
from pipeline.clean.html import looks_like_html

PARAGRAPHS = [
    "8月11日至14日，集团公司一行到黑龙江邮政调研，深入基层联系点现场指导，走访慰问一线员工。",
    "在大庆市分行营业部，工作人员介绍了“政务易贷”业务的开发情况。这是一款全流程线上化的大数据信贷产品。",
    "关于下一步工作，提出了七点要求：",
    "一是扎实开展主题教育，深入贯彻落实新时代中国特色社会主义思想，认真抓好落实。",
]
ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def lines(cleaner, html: str) -> list[str]:
    return cleaner.clean(html).text.split("\n")


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><p>x</p>",
        "<HTML><body>正文</body></HTML>",
        "<div><p>一</p><p>二</p><br><p>三</p></div>",
    ],
)
def test_html_is_recognised_by_content(text):
    assert looks_like_html(text)


PDF_LINES = ["某县推进快递进村", "今年以来，某县邮政分公司推动快递进村，", "全县建制村快递服务通达率由年初的91%",
             "提高到98%。", "一是推动共同配送，建成县级共同配送中心", "3个，每件派送成本平均下降0.2元。",
             "二是完善末端网络，改造提升村级寄递物流", "综合服务站120个。"]


def pdf2htmlex_page(lines: list[str]) -> str:
    """A PDF converted by pdf2htmlEX: every line absolutely placed, its size 1px by the base
    class and set again by a later one (as the converter writes its CSS)."""
    css = ".t{position:absolute;white-space:pre;font-size:1px}.fs0{font-size:64px}.y1{bottom:900px}"
    divs = "".join(f'<div class="t fs0 y1">{line}</div>' for line in lines)
    return page(f'<div id="page-container"><div class="pf">{divs}</div></div>', f"<style>{css}</style><title>简报</title>")


def test_a_pdf_converted_to_html_is_its_printed_lines_not_paragraphs(cleaner):
    # A later class's font-size shows the lines the base class's 1px hid; each line is a
    # printed line (not a paragraph), for the split stage to join as a page's.
    cleaned = cleaner.clean(pdf2htmlex_page(PDF_LINES))
    assert cleaned.text.split("\n") == PDF_LINES
    assert not cleaned.paragraph_lines


def test_a_pdf_converted_to_html_is_one_story_of_whole_paragraphs(processor):
    # It was a dead letter: the base class's 1px hid every line ("no story text left").
    (story,) = processor.process("bulletin.html", pdf2htmlex_page(PDF_LINES).encode())
    assert story["title"] == "某县推进快递进村"
    assert story["body"].split("\n") == [
        "今年以来，某县邮政分公司推动快递进村，全县建制村快递服务通达率由年初的91%提高到98%。",
        "一是推动共同配送，建成县级共同配送中心3个，每件派送成本平均下降0.2元。",
        "二是完善末端网络，改造提升村级寄递物流综合服务站120个。",
    ]


def test_an_article_in_a_frame_s_srcdoc_is_the_page_s_text(cleaner):
    # A CMS shows the body in <iframe srcdoc="…">, its document escaped in the attribute: the
    # page had no sentence left (frames are dropped) and was a dead letter.
    frame = escape(f"<!DOCTYPE html><html><body>{ARTICLE}</body></html>")
    text = cleaner.clean(page(f'<h1>某市邮政开通冷链专线</h1><div class="body"><iframe srcdoc="{frame}"></iframe></div>')).text
    assert text.split("\n")[1:] == PARAGRAPHS


def test_a_page_s_summary_over_the_article_is_no_text_of_it(cleaner):
    # A portal's teaser above the byline (class="article-summary") had opened the body, the
    # byline lines under it left in the text as paragraphs.
    html = page('<div class="article"><h1>某市邮政开通冷链专线</h1><p class="article-summary">冷链专线能否持续运营，'
                '取决于货量。</p><div class="meta"><p class="author-line">记者 | 林晓</p></div>'
                f'<div class="content">{ARTICLE}</div></div>')
    assert lines(cleaner, html) == ["某市邮政开通冷链专线", "记者 | 林晓", *PARAGRAPHS]


@pytest.mark.parametrize(("meta", "credited"), [("林小驿", True), ("新华网", False), ("admin", False)])
def test_the_writer_a_page_names_only_in_its_author_meta_is_credited(cleaner, meta, credited):
    # A platform's column names its writer in <meta name="author"> alone (the page's author card
    # is furniture): credited under the headline; a site's name or a login there is no writer.
    html = page(f"<h1>双11前夜的邮件处理中心</h1>{ARTICLE}", f'<meta name="author" content="{meta}">')
    assert (f"作者：{meta}" in lines(cleaner, html)) == credited
    credit = page(f"<h1>双11前夜的邮件处理中心</h1><p>记者 王芳</p>{ARTICLE}", f'<meta name="author" content="{meta}">')
    assert "作者：" not in cleaner.clean(credit).text  # the text credits its writer itself


def test_a_publish_time_element_dates_the_page(cleaner):
    # (in a row of counts, furniture: the row's text gone, the element's class names the time)
    html = page('<h1>双11前夜的邮件处理中心</h1><div class="read-info"><span class="publish-text">2024-11-11 08:30</span>'
                f"<span>阅读 2.1万</span><span>点赞 1865</span><span>评论 312</span></div>{ARTICLE}")
    assert "发布时间：2024-11-11" in lines(cleaner, html)


def test_an_author_s_badge_beside_the_name_is_no_text(cleaner):
    # A column platform's badge under its writer's name (their own description of themselves).
    html = page('<div class="Post"><h1>县城快递驿站这笔账</h1><div class="AuthorInfo"><div class="AuthorInfo-badge">'
                f'县城驿站老板，偶尔写点字</div></div><div class="Post-RichText">{ARTICLE}</div></div>')
    assert "县城驿站老板，偶尔写点字" not in cleaner.clean(html).text


def test_text_sized_1px_by_the_page_s_css_stays_hidden(cleaner):
    style = "<style>.kw{font-size:1px}</style>"
    text = cleaner.clean(page(f'<span class="kw">免费电影在线观看</span>{ARTICLE}', style)).text
    assert "免费电影" not in text and PARAGRAPHS[0] in text


def test_a_line_break_in_the_markup_between_chinese_characters_is_no_space(cleaner):
    # Word's "save as web page" wraps its source lines anywhere: a break between two wide
    # characters is nothing (CSS Text's segment break rule); between English words a space.
    paragraph = "<p class=MsoNormal><span>3月17日，满\r\n载集装箱的货轮从港区启航。这标志着宁波\r\n邮政首条“海\r\n运+派送”快线开通，China\r\nPost 表示欢迎。</span></p>"
    assert lines(cleaner, page(paragraph + ARTICLE))[0] == (
        "3月17日，满载集装箱的货轮从港区启航。这标志着宁波邮政首条“海运+派送”快线开通，China Post 表示欢迎。"
    )


@pytest.mark.parametrize(
    "text",
    [
        '1. <dfn id="a1"><acronym id="a1"></acronym></dfn>\n正文第一段。',
        "实现经济效益1+1>2,成本费用1+1<2。",
        "纯文本，没有任何标签。",
        "<p>\n" + "\n".join(f"第{i}行正文，来自PDF页面。" for i in range(20)) + "\n<br><br><div></div><p>",
    ],
)
def test_text_with_stray_tags_is_not_html(text):
    assert not looks_like_html(text)


@pytest.mark.parametrize(
    "hidden",
    [
        '<div style="display:none">{}</div>',
        '<div style="DISPLAY: none;">{}</div>',
        '<p style="visibility:hidden">{}</p>',
        "<div hidden>{}</div>",
        '<span style="font-size:0px">{}</span>',
        '<span style="font-size: 0">{}</span>',
        '<div style="position:absolute;left:-9999px">{}</div>',
        '<div style="text-indent:-10000px">{}</div>',
        '<div style="width:1px;height:1px;overflow:hidden">{}</div>',
        '<div class="k7f">{}</div>',
        '<div id="q2x">{}</div>',
    ],
)
def test_hidden_elements_are_removed(cleaner, hidden):
    style = "<style>.k7f{display:none} #q2x { position:absolute; top:-5000px }</style>"
    secret = "这段隐藏文字不应出现在输出里，它只给搜索引擎看。"
    middle = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    html = page(middle + hidden.format(secret) + ARTICLE[len(middle):], head=style)
    out = cleaner.clean(html).text
    assert secret not in out
    assert out.replace("\n", "") == "".join(PARAGRAPHS)


@pytest.mark.parametrize("meta", ['<meta name="PubDate" content="2024-05-16 10:00">',
                                  '<meta property="article:published_time" content="2024-05-16T10:00:00+08:00">'])
def test_a_date_stated_in_meta_alone_heads_the_text_under_the_headline(cleaner, meta):
    html = page("<h1>邮政网点变身便民驿站</h1>" + ARTICLE, head=meta)
    assert lines(cleaner, html)[:2] == ["邮政网点变身便民驿站", "发布时间：2024-05-16"]
    shown = page("<h1>邮政网点变身便民驿站</h1><p>2024年5月17日 来源：浙江邮政</p>" + ARTICLE, head=meta)
    assert "发布时间：2024-05-16" not in lines(cleaner, shown)  # the page's own line says it


def test_a_date_in_a_time_element_of_the_page_s_header_heads_the_text(cleaner):
    # Xinhua prints the date in its header (furniture), the year, month and day in elements
    # of their own: " 2025 05/21 10:32:15". One date and time in an element its class names
    # the time is the page's; a figure and a time elsewhere are none.
    header = ('<header><div class="header-time"><span class="day"><span class="year"><em> 2025</em>'
              '</span><em> 05</em>/<em>21</em></span><span class="time"> 10:32:15</span></div></header>')
    assert lines(cleaner, page(header + "<h1>邮政网点变身便民驿站</h1>" + ARTICLE))[:2] == [
        "邮政网点变身便民驿站", "发布时间：2025-05-21"
    ]
    counter = '<header><span class="count">2025 05/21 10:32:15</span></header>'
    assert "发布时间" not in cleaner.clean(page(counter + "<h1>邮政网点变身便民驿站</h1>" + ARTICLE)).text
    two = header + '<div class="pub-time">2025-05-20 08:00</div>'
    assert "发布时间" not in cleaner.clean(page(two + "<h1>邮政网点变身便民驿站</h1>" + ARTICLE)).text


def test_scripts_styles_forms_and_frames_are_removed(cleaner):
    body = (
        "<script>document.write('广告脚本文字');</script><noscript>请启用脚本，否则无法浏览。</noscript>"
        "<iframe src='http://x'>框架内容，不应出现。</iframe>"
        "<form><label>用户名：</label><input><button>登录</button></form>" + ARTICLE
    )
    assert lines(cleaner, page(body)) == PARAGRAPHS


def _javascript_escape(text: str) -> str:
    """JavaScript's escape(): %uXXXX beyond Latin-1, %XX for the marks it escapes."""
    return "".join(c if c.isascii() and c.isalnum() else f"%{ord(c):02X}" if ord(c) < 256 else f"%u{ord(c):04X}" for c in text)


@pytest.mark.parametrize("written", [
    lambda markup: f"document.write(unescape(\"{_javascript_escape(markup)}\"));",
    lambda markup: "document.write('" + "' + '".join(markup.replace("<", "\\x3c").split("</p>")) + "');",
])
def test_an_article_a_script_writes_into_the_page_is_its_text(cleaner, written):
    # A mirror's article written by document.write, escape()d or in pieces: the page had no text.
    body = f"<div id='content'><script type='text/javascript'>{written(ARTICLE)}</script></div>"
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_ruby_annotations_are_no_text(cleaner):
    # A spam mirror's pinyin as ruby: <ruby>网<rp>(</rp><rt>wǎng</rt><rp>)</rp></ruby>; the
    # extracted text was 网(wǎng) and 点diǎn, which no pinyin rule of the decoded markup saw.
    annotated = ARTICLE
    for character, reading in (("邮", "yóu"), ("政", "zhèng")):
        annotated = annotated.replace(character, f"<ruby>{character}<rp>(</rp><rt>{reading}</rt><rp>)</rp></ruby>", 2)
    assert "<ruby>" in annotated
    assert lines(cleaner, page(annotated)) == PARAGRAPHS


def test_decoy_tags_and_link_farms_go_headline_and_byline_stay(cleaner):
    farm = "".join(f'<a href="/{i}">邮政新闻第{i}条快讯标题</a>' for i in range(8))
    body = (
        '<div class="top"><a href="/">首页</a><a href="/n">新闻</a><a href="/b">业务</a></div>'
        f"<div>{farm}</div>"
        "<h1>积极探索行业最佳实践 着力构建邮政特色生态圈</h1>"
        "<div>作者：仲驿 来源：中国邮政网 发布时间：2019-08-23</div>"
        '<dfn id="vqgk9"><acronym id="vqgk9"></acronym></dfn><code id="vqgk9"></code>'
        + ARTICLE
        + "<p>□仲驿</p>"
        + f"<ul>{''.join(f'<li><a href=/{i}>相关新闻标题{i}</a></li>' for i in range(5))}</ul>"
    )
    assert lines(cleaner, page(body)) == [
        "积极探索行业最佳实践 着力构建邮政特色生态圈",
        "作者：仲驿 来源：中国邮政网 发布时间：2019-08-23",
        *PARAGRAPHS,
        "□仲驿",
    ]


def test_headline_known_from_title_is_kept_without_heading_markup(cleaner):
    body = "<div>邮政网点转型纪实</div>" + ARTICLE
    assert lines(cleaner, page(body, head="<title>邮政网点转型纪实_邮政资讯网</title>"))[0] == "邮政网点转型纪实"


def test_site_header_goes_article_header_stays(cleaner):
    body = (
        '<header><h1>邮政资讯网</h1><nav><a href="/">首页</a><a href="/a">新闻</a><a href="/b">视频</a></nav></header>'
        "<div><header><h1>邮政网点转型纪实</h1><p>2020-08-28 来源：中国邮政报</p></header>" + ARTICLE + "</div>"
        "<footer><p>关于我们 | 联系我们</p><p>版权所有 © 2020 邮政资讯网</p></footer>"
    )
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", "2020-08-28 来源：中国邮政报", *PARAGRAPHS]


def test_article_inside_furniture_tags_is_kept(cleaner):
    body = f'<aside class="sidebar"><h2>邮政网点转型纪实</h2>{ARTICLE}</aside><footer>{ARTICLE[:40]}</footer>'
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", *PARAGRAPHS]


def test_keyword_stuffing_block_and_planted_spam_link_go(cleaner):
    planted = PARAGRAPHS[0][:10] + '<a href="http://x.cc">高清无码在线观看</a>' + PARAGRAPHS[0][10:]
    body = f"<div><p>{planted}</p>{ARTICLE[len(PARAGRAPHS[0]) + 7:]}</div><div>91视频最新网站,欧美日韩导航,无毒不卡在线播放</div>"
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_line_breaks_make_paragraphs(cleaner):
    body = "<div>" + "<br><br>".join(f"&nbsp;&nbsp;{p}" for p in PARAGRAPHS) + "</div>"
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_external_entities_are_never_resolved(cleaner, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容不应被读取", encoding="utf-8")
    html = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<html><body><p>&xxe;</p>{ARTICLE}</body></html>"
    )
    assert "机密内容" not in cleaner.clean(html).text


def test_spam_chars_removed_counts_markup_and_junk(cleaner):
    html = page(ARTICLE + "<div>91视频最新网站,欧美日韩导航,无毒不卡在线播放</div>")
    result = cleaner.clean(html)
    assert result.spam_chars_removed == len(html) - len(result.text) > len("91视频最新网站,欧美日韩导航,无毒不卡在线播放")


def test_headline_linked_to_its_own_page_is_kept(cleaner):
    body = '<h1><a href="/news/1.html">邮政网点转型纪实</a></h1><p>2020-08-28 来源：中国邮政报</p>' + ARTICLE
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", "2020-08-28 来源：中国邮政报", *PARAGRAPHS]


def test_site_title_above_the_article_header_stays_out(cleaner):
    body = (
        '<div class="site-header"><p class="site-title"><a href="/">邮政观察</a></p><p>关注邮政行业发展动态</p>'
        '<ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">资讯</a></li></ul></div>'
        '<div class="entry-header"><h1 class="entry-title">邮政网点转型纪实</h1><div class="entry-meta">2021年7月23日</div></div>'
        f'<div class="entry-content">{ARTICLE}</div>'
    )
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", "2021年7月23日", *PARAGRAPHS]


def test_prose_column_beside_the_article_stays_out(cleaner):
    rows = "".join(f"<tr><td>{p}</td></tr>" for p in PARAGRAPHS)
    notices = "".join(f"<li>关于{t}的通知。</li>" for t in ["春节放假安排", "系统升级维护", "营业时间调整"])
    body = f"<table><tr><td><table>{rows}</table></td><td><b>公告</b><ul>{notices}</ul></td></tr></table>"
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_unmarked_headline_right_above_the_date_line_stays(cleaner):
    body = f'<div class="box"><div class="hd"><span>邮政网点转型纪实</span></div><div>时间：2021-07-23</div><div class="bd">{ARTICLE}</div></div>'
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", "时间：2021-07-23", *PARAGRAPHS]


def test_app_prompt_and_recommendation_cards_stay_out(cleaner):
    cards = "".join(f'<div class="card"><a href="/{i}"><div>邮政快讯标题{i}</div><div>邮政头条 · 3小时前</div></a></div>' for i in range(4))
    body = f'<section class="art">{ARTICLE}</section><div class="bottom-bar">下载APP，阅读更多精彩内容</div><div>{cards}</div>'
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_spam_glued_to_the_last_paragraph_is_cut_off(cleaner):
    body = ARTICLE[: -len("</p>")] + "91视频最新网站,欧美日韩导航,无毒不卡在线播放</p>"
    assert lines(cleaner, page(body)) == PARAGRAPHS


def test_article_wrapped_in_a_link_is_still_the_article(cleaner):
    farm = "".join(f'<a href="/{i}">邮政新闻第{i}条快讯标题</a>' for i in range(6))
    body = f'<div>{farm}</div><a href="http://mirror.example/"><div><h1>邮政网点转型纪实</h1>{ARTICLE}</div></a><div>{farm}</div>'
    assert lines(cleaner, page(body)) == ["邮政网点转型纪实", *PARAGRAPHS]


def test_metadata_footer_and_headline_in_a_nav_classed_element_stay(cleaner):
    body = (
        '<div class="nav-title">邮政网点转型纪实</div>'
        '<footer class="byline">2020-08-28 来源：中国邮政报</footer>'
        f"<div>{ARTICLE}</div><footer><p>版权所有 © 2020 邮政资讯网</p></footer>"
    )
    html = page(body, head="<title>邮政网点转型纪实 - 邮政资讯网</title>")
    assert lines(cleaner, html) == ["邮政网点转型纪实", "2020-08-28 来源：中国邮政报", *PARAGRAPHS]


@pytest.mark.parametrize("switcher", ["<a>大</a> <a>中</a> <a>小</a>", "【<a>大</a> <a>中</a> <a>小</a>】", "小中大"])
def test_metadata_line_keeps_its_fields_and_loses_the_furniture_ones(cleaner, switcher):
    # A provincial site's article header: date, source and author beside a view counter and a
    # font-size switcher (its label and its links, bracketed or not). As a whole it reads as
    # furniture; the article's fields stay.
    info = (
        '<div class="info">发布时间：2024-05-17 10:32 | 来源：四川省分公司 | 作者：李明 张晓燕 | '
        f"浏览次数：1283 | 字号：{switcher}</div>"
    )
    body = f"<h1>四川邮政开通首条低空无人机邮路</h1>{info}<div>{ARTICLE}</div>"
    assert lines(cleaner, page(body)) == [
        "四川邮政开通首条低空无人机邮路",
        "发布时间：2024-05-17 10:32  来源：四川省分公司  作者：李明 张晓燕",
        *PARAGRAPHS,
    ]


def test_metadata_fields_in_spans_set_side_by_side_without_spaces(cleaner):
    # The page's style sheet spaces the spans; their text has no space between the fields.
    info = ('<div class="d-sub"><span>2025-07-03 09:12:45</span><span>来源：新疆日报</span>'
            '<span class="fx">分享：<i class="wx"></i></span><span class="zh">字号：<a>大</a><a>中</a><a>小</a></span></div>')
    body = f'<div class="d-title">喀什：“快递小哥”的一天</div>{info}<div>{ARTICLE}</div>'
    assert lines(cleaner, page(body))[:2] == ["喀什：“快递小哥”的一天", "2025-07-03 09:12:45  来源：新疆日报"]


@pytest.mark.parametrize(
    "picture",
    [
        '<figure><img src="a.jpg"><figcaption>位于港铁站内的智邮站。资料图片</figcaption></figure>',
        '<p style="text-align:center"><img src="a.jpg"></p><p style="text-align: center; color:#666">位于港铁站内的智邮站。资料图片</p>',
        '<div class="pic"><img src="a.jpg"></div><div class="img-desc">位于港铁站内的智邮站。资料图片</div>',
    ],
)
def test_a_picture_s_caption_is_no_part_of_the_text(cleaner, picture):
    # A caption above the lead was the story's first paragraph.
    body = f"<h1>智邮站年内增至200个</h1><div>2025-03-08 来源：香港文汇报</div>{picture}<div>{ARTICLE}</div>"
    assert lines(cleaner, page(body)) == ["智邮站年内增至200个", "2025-03-08 来源：香港文汇报", *PARAGRAPHS]


def test_a_caption_s_photographer_stays_credited(cleaner):
    picture = '<p align="center"><img src="a.jpg"></p><p align="center">格桑旺堆在出车前检查车况。次旦 摄</p>'
    body = f"<h1>邮路二十年</h1><div>{ARTICLE}</div>{picture}<div>{ARTICLE}</div>"
    text = lines(cleaner, page(body))
    assert text[-1] == "（摄影：次旦）" and not any("检查车况" in line for line in text)


def test_a_photo_report_keeps_its_captions(cleaner):
    # Its captions are its text.
    pictures = "".join(
        f'<p style="text-align:center"><img src="{n}.jpg"></p><p style="text-align:center">{caption}</p>'
        for n, caption in enumerate(["图为投递员在雪中为牧民送去包裹。", "图为邮车翻越海拔5000米的垭口。", "图为牧民在邮政所领取包裹。"])
    )
    body = f"<h1>雪域邮路</h1>{pictures}<p>（记者 王建国 摄）</p>"
    assert "图为邮车翻越海拔5000米的垭口。" in lines(cleaner, page(body))


def test_readers_comments_under_the_article_are_no_part_of_it(cleaner):
    # Twenty comments hold a third of the page's prose: the element holding most of it is then
    # the page's wrapper, inside which a class hint alone had not dropped them.
    comments = "".join(
        f'<li class="cmt"><div class="cmt-hd"><span class="nick">网友{n}</span><span class="time">2024-01-05 09:{n:02d}</span></div>'
        f'<div class="cmt-bd">排了四个小时终于买到了，值！第{n}次来这个网点了。</div></li>'
        for n in range(20)
    )
    body = (f'<div class="wrap"><article><h1>生肖邮票首发</h1><div class="article-body">{ARTICLE}</div></article>'
            f'<section class="comments"><h3>网友评论（20）</h3><ul class="cmt-list">{comments}</ul></section></div>')
    assert lines(cleaner, page(body)) == ["生肖邮票首发", *PARAGRAPHS]


def test_a_list_page_holds_no_article(processor):
    # A section's page of linked titles: the titles go as a link farm, the site's furniture is
    # no story; the file is a dead letter that says so.
    items = "".join(f'<li><a href="/{n}.html">某地邮政开展第{n}次便民服务活动</a><span>2024-01-{n + 1:02d}</span></li>' for n in range(10))
    html = page(
        '<div class="header"><span class="sitename">湖北省邮政管理局</span></div>'
        '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xydt/">行业动态</a></div>'
        '<div class="location">当前位置：<a href="/">首页</a> &gt; 行业动态</div><div class="main">'
        '<div class="left-menu"><h3>行业动态</h3><ul><li><a href="/1/">全国动态</a></li><li><a href="/2/">省内动态</a></li></ul></div>'
        f'<div class="list-box"><h2 class="col-title">行业动态</h2><ul class="news-list">{items}</ul>'
        '<div class="page">共15页 <span>第1页</span> <a href="index_1.html">下一页</a></div></div></div>'
        '<div class="footer">主办：湖北省邮政管理局 鄂ICP备00000000号</div>',
        head="<title>行业动态_湖北省邮政管理局</title>",
    )
    stories, dead = processor.process_or_dead_letter("list.html", html.encode("utf-8"))
    assert stories == [] and dead[0]["stage"] == "split"


def test_an_english_page_s_sentences_are_an_article(cleaner):
    html = page("<h1>China Post opens a new route</h1><p>China Post opened a new freight route on Monday, "
                "linking three provinces. The route cuts delivery times by a day.</p>")
    assert lines(cleaner, html)[-1].endswith("by a day.")


def test_a_row_of_page_tools_between_headline_and_text_keeps_the_headline(cleaner):
    # Share links, print and the font size: a row of six links read as a link farm, whose
    # removal left a barrier the headline was cut off by.
    tools = ('<div class="tools"><a>分享到Facebook</a> <a>分享到LINE</a> <a>列印</a> '
             '<span>字级：<a>大</a><a>中</a><a>小</a></span></div>')
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div>2024/3/5 14:32 来源：中央社</div>{tools}<div>{ARTICLE}</div>"
    assert lines(cleaner, page(body))[:2] == ["集团公司一行到黑龙江邮政调研", "2024/3/5 14:32 来源：中央社"]


@pytest.mark.parametrize("tools", ["小字号", "大字体 语音播报"])
def test_font_size_and_read_aloud_buttons_are_furniture(cleaner, tools):
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div>2024年07月08日 06:52 经济日报</div><div>{tools}</div><div>{ARTICLE}</div>"
    assert tools not in lines(cleaner, page(body))


@pytest.mark.parametrize(
    "tools",
    [
        "<span>字号</span><span>收藏</span><span>分享</span>",  # buttons, one element each, nothing between
        "<a>微博</a><a>微信</a><span>我要反馈</span><span>保存图片</span>",
        "<span>发布于：湖南省</span>",  # where the platform says its poster posted from
        "<span>IP属地：江西</span>",
        "<span>打开某某新闻 查看精彩图片</span>",  # an app's overlay on a picture
    ],
)
def test_a_row_of_buttons_and_a_platform_s_tags_are_furniture(cleaner, tools):
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div>2024年07月08日 06:52 经济日报</div><div>{tools}</div><div>{ARTICLE}</div>"
    text = "\n".join(lines(cleaner, page(body)))
    assert not any(item in text for item in ("字号", "收藏", "反馈", "发布于", "IP属地", "精彩图片"))
    assert "集团公司一行到黑龙江邮政调研" in text


def test_an_article_printed_whole_under_a_related_label_is_a_story_of_its_own(processor):
    other = ("<p>【相关报道】</p><p>河北今年将建成村级寄递物流综合服务站5000个</p>"
             "<p>河北日报讯（记者曹铮）记者从省邮政管理局获悉，今年我省将新建村级寄递物流综合服务站5000个。</p>"
             "<p>省邮政管理局局长赵志强表示，将重点支持各地建设县级寄递共配中心。</p>")
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div>{ARTICLE}{other}</div>"
    first, second = processor.process("page.html", page(body).encode())
    assert first["title"] == "集团公司一行到黑龙江邮政调研" and "赵志强" not in first["body"]
    assert second["title"] == "河北今年将建成村级寄递物流综合服务站5000个"
    assert second["authors"] == [{"name": "曹铮", "role": "reporter"}]


def test_a_summary_the_lead_paragraph_restates_goes(cleaner):
    # A CMS's summary (DedeCMS's div.intro) over the text: the lead tells it again, at more length.
    intro = '<div class="intro">8月11日，集团公司一行到黑龙江邮政调研。</div>'
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1>{intro}<div>{ARTICLE}</div>"
    assert lines(cleaner, page(body)) == ["集团公司一行到黑龙江邮政调研", *PARAGRAPHS]
    # a first paragraph of its own stays
    other = '<div class="intro">黑龙江邮政今年业务收入增长明显。</div>'
    assert lines(cleaner, page(f"<h1>集团公司一行到黑龙江邮政调研</h1>{other}<div>{ARTICLE}</div>"))[1] == "黑龙江邮政今年业务收入增长明显。"


def test_a_metadata_line_keeps_its_source_before_unlabelled_font_size_links(cleaner):
    info = '<div class="info">2024-06-03 04:05:12　来源：香港文汇报　<a>大</a> <a>中</a> <a>小</a></div>'
    body = f"<h1>香港邮政与中国邮政合推跨境包裹服务</h1>{info}<div>{ARTICLE}</div>"
    assert lines(cleaner, page(body))[1] == "2024-06-03 04:05:12  来源：香港文汇报"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("黑龙江邮政调研纪实_地方动态_中国邮政集团有限公司黑龙江省分公司", "黑龙江邮政调研纪实"),
        ("中国邮政网 | 集团公司一行到黑龙江邮政调研", "集团公司一行到黑龙江邮政调研"),
        # worded apart from the text, but sharing twice what the site's name does
        ("集团公司深入黑龙江基层调研 力推政务易贷惠及小微_中国邮政网", "集团公司深入黑龙江基层调研 力推政务易贷惠及小微"),
    ],
)
def test_a_page_without_a_headline_is_headed_by_its_title_s_part_about_the_article(cleaner, title, headline):
    assert lines(cleaner, page(f'<div id="zoom">{ARTICLE}</div>', f"<title>{title}</title>"))[0] == headline


def test_a_title_sharing_little_with_the_article_heads_nothing(cleaner):
    assert lines(cleaner, page(ARTICLE, "<title>首页 - 中国邮政网</title>")) == PARAGRAPHS


@pytest.mark.parametrize("markup", ["<font size=5><b>{}</b></font><br>", "<b>{}</b><br>", "<strong>{}</strong>"])
def test_headline_set_as_text_of_the_article_s_own_element_stays(cleaner, markup):
    # An older CMS's page: the headline in bold right inside the element holding the <p>s.
    menu = '<div><a href="/">首页</a> <a href="/news">新闻中心</a> <a href="/about">关于我们</a></div>'
    headline = "黑龙江邮政召开工作会议"
    assert lines(cleaner, page(menu + "<div>" + markup.format(headline) + ARTICLE + "</div>"))[0] == headline


def test_a_data_table_s_rows_are_lines_of_their_cells_apart_by_tabs(cleaner):
    table = (
        "<table><tr><th>指标</th><th>2023年</th><th>2024年</th></tr>"
        "<tr><td>业务收入（亿元）</td><td>86.5</td><td>92.1</td></tr></table>"
    )
    text = lines(cleaner, page("<div>" + ARTICLE + table + ARTICLE + "</div>"))
    assert text[len(PARAGRAPHS):len(PARAGRAPHS) + 2] == ["指标\t2023年\t2024年", "业务收入（亿元）\t86.5\t92.1"]


def test_a_layout_table_s_columns_stay_apart(cleaner):
    # Cells holding a page's columns are no row of figures: the article's cell is read alone.
    side = "<td>" + "".join(f"<a href='/n{i}'>邮政新闻第{i}条标题文字较长的一条链接</a>" for i in range(6)) + "</td>"
    text = lines(cleaner, page("<table><tr>" + side + "<td>" + ARTICLE + "</td></tr></table>"))
    assert text == PARAGRAPHS


def test_a_table_after_the_last_paragraph_stays_with_the_article(cleaner):
    table = "<table>\n<tr>\n<td>业务收入（亿元）</td>\n<td>86.5</td>\n</tr>\n</table>"
    side = "<div><table><tr><td>热点新闻</td></tr><tr><td><a href='/x'>邮政新闻</a></td></tr></table></div>"
    text = lines(cleaner, page("<div>" + ARTICLE + table + "</div>" + side))
    assert text == [*PARAGRAPHS, "业务收入（亿元）\t86.5"]


PORTAL_PAGE = """<html><head><meta charset="utf-8"><title>四川邮政助力脐橙销售 - 四川新闻网</title></head><body>
<header><ul class="menu"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li><li><a href="/life">生活</a></li></ul></header>
<div class="container"><div class="main">
<h1>四川邮政助力脐橙销售</h1>
<div class="info"><span>2024-12-03 10:21</span> <span>来源：四川日报</span></div>
<div class="article-content">
<p>眼下正值脐橙成熟季节，四川省邮政分公司在眉山市、资阳市等地开设脐橙收寄专线，帮助果农拓宽销路。</p>
<p>“今年通过邮政寄出去的脐橙已经有两万多件了。”眉山市东坡区果农刘海说。</p>
<p>据介绍，该公司还在田间地头设置临时收寄点42个，实现脐橙从果园直达消费者。</p>
</div>
<div class="comments"><h3>网友评论</h3><p>用户123：邮政服务真好！</p><p>用户456：支持家乡脐橙</p></div>
</div></div>
<footer><p>Copyright ? 2024 四川新闻网 版权所有 蜀ICP备00000000号</p><p>违法和不良信息举报电话：028-00000000</p></footer>
</body></html>"""


REPOSTING_NOTICE = "<p>声明：本文转载自四川日报，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。如有侵权，请联系删除。</p>"


@pytest.mark.parametrize(
    "page",
    [PORTAL_PAGE, PORTAL_PAGE.replace("?", "©").replace('<div class="comments">', REPOSTING_NOTICE + '<div class="comments">')],
    ids=["footer", "reposting-notice"],
)
def test_furniture_s_prose_does_not_move_the_article_s_container(cleaner, page):
    # The footer's lines read as prose (a converter wrote © as '?'; an address line's colon), and
    # so does a reposting notice under the article: counted, they left the article's <div> under
    # 60% of the page's prose, the page's container was taken for the article's, and the comments
    # inside it stayed for all their class hint.
    text = cleaner.clean(page).text
    assert "实现脐橙从果园直达消费者。" in text
    assert "用户123" not in text and "网友评论" not in text


def test_lines_an_old_site_broke_by_hand_inside_indented_paragraphs_are_joined(cleaner):
    # Paragraphs open with &nbsp; indents; a <br> under a line that ends no sentence broke a
    # paragraph by hand, inside a word or a figure; a line that ends one closes it.
    indent = "&nbsp;&nbsp;&nbsp;&nbsp;"
    body = (
        f"{indent}10月下旬，定西市的马铃薯进入集中销售期。在安定区邮政分公司的<br>\n"
        "电商仓储中心里，工人们正忙着分拣、装箱。<br>\n"
        f"{indent}截至10月底，该公司已寄递马铃薯包裹42万件，带动农户增收8<br>\n"
        "00余万元，发往广东、浙江等地的包裹占一半。<br>\n"
        f"{indent}据悉，邮储银行定西市分行今年已发放“马铃薯贷”3.6亿元，有力支持了当地特色产业发展。<br>\n"
    )
    assert lines(cleaner, page(f"<div><h1>“定西土豆”坐上邮政快车</h1><p>{body}</p></div>"))[1:] == [
        "10月下旬，定西市的马铃薯进入集中销售期。在安定区邮政分公司的电商仓储中心里，工人们正忙着分拣、装箱。",
        "截至10月底，该公司已寄递马铃薯包裹42万件，带动农户增收800余万元，发往广东、浙江等地的包裹占一半。",
        "据悉，邮储银行定西市分行今年已发放“马铃薯贷”3.6亿元，有力支持了当地特色产业发展。",
    ]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("《中国古代文学家（二）》纪念邮票发行-澳门新葡京-新葡京官网", "《中国古代文学家（二）》纪念邮票发行"),
        ("邮政普遍服务监督员座谈会在京召开_新葡京娱乐", "邮政普遍服务监督员座谈会在京召开"),
        ("2023-2024年度邮政工作会议召开", "2023-2024年度邮政工作会议召开"),  # no spam after the dash
    ],
)
def test_spam_site_names_a_mirror_appends_to_the_headline_go(cleaner, heading, title):
    assert lines(cleaner, page(f"<div><h1>{heading}</h1>{ARTICLE}</div>"))[0] == title


def test_a_logo_heading_naming_the_site_the_title_names_is_no_headline(cleaner):
    # <title>headline_site</title> over <h1>site</h1> (the logo): the logo had headed the article.
    head = "<title>集团公司到黑龙江邮政调研_中国邮政网</title>"
    body = f'<h1 class="logo"><a href="/">中国邮政网</a></h1><div class="content">{ARTICLE}</div>'
    text = lines(cleaner, page(body, head))
    assert text[0] == "集团公司到黑龙江邮政调研" and "中国邮政网" not in text[1:]


@pytest.mark.parametrize(
    ("head", "source"),
    [
        ('<meta property="og:site_name" content="东南物流资讯网"><title>集团公司到黑龙江邮政调研</title>', "东南物流资讯网"),
        ("<title>集团公司到黑龙江邮政调研 - 东南物流资讯网</title>", "东南物流资讯网"),
        ("<title>集团公司到黑龙江邮政调研_要闻</title>", None),  # a section's name, no site's
    ],
)
def test_the_site_a_page_names_only_in_its_head_is_the_source(cleaner, head, source):
    text = lines(cleaner, page(f"<h1>集团公司到黑龙江邮政调研</h1><div>{ARTICLE}</div>", head))
    assert [line for line in text if line.startswith("来源：")] == ([f"来源：{source}"] if source else [])


def test_a_heading_naming_the_title_s_first_part_heads_the_article_whatever_follows_it(cleaner):
    # A mirror's <title> ends in spam longer than the headline (the longest part is taken for the
    # headline): its <h1>, the first part, is no site's logo.
    head = "<title>邮政服务座谈会召开_免费下载，高清无码，导航大全，官方网址</title>"
    text = lines(cleaner, page(f"<h1>邮政服务座谈会召开</h1><div>{ARTICLE}</div>", head))
    assert text[0] == "邮政服务座谈会召开"


PLATFORM_ARTICLE = (
    "<p>清晨六点，某县邮政分公司的投递员已经把当天的邮件装上了车。今年以来，全县新开通三条农村投递线路，"
    "沿线二十多个村子的群众在家门口就能收到包裹。</p>"
    "<p>县分公司负责人介绍，下一步还将在偏远山村增设代投点，让群众寄件取件更方便。</p>"
)


@pytest.mark.parametrize(
    "meta_line",
    [
        # an official account's article saved from the browser: the nickname element
        '<div id="meta_content"><span class="rich_media_meta_text">张晓燕</span>'
        '<span class="rich_media_meta_nickname"><a id="js_name" href="javascript:void(0);">山乡邮路</a></span>'
        '<em id="publish_time">2025年03月02日 08:15</em></div>',
        # a news app's copy: a link to the account's profile page in the date line
        '<div class="article-meta"><span>2025-03-02 08:15</span><span>·</span>'
        '<span class="name"><a href="/c/user/token/AbC123/">山乡邮路</a></span><span>·</span><span>发布于：湖南</span></div>',
    ],
)
def test_a_platform_page_names_its_publishing_account_as_the_source(processor, meta_line):
    html = page(
        f"<h1>山区农村投递线路再添三条</h1>{meta_line}<p>文丨张晓燕 图丨李卫东</p>{PLATFORM_ARTICLE}",
        head='<meta property="og:site_name" content="资讯平台">',
    )
    (story,), dead = processor.process_or_dead_letter("platform.html", html.encode("utf-8"))
    assert not dead
    assert story["source_name"] == "山乡邮路"
    assert {(a["name"], a["role"]) for a in story["authors"]} == {("张晓燕", "author"), ("李卫东", "photographer")}
    assert story["body"].startswith("清晨六点") and "山乡邮路" not in story["body"]


def test_an_account_s_copy_that_states_its_source_keeps_that_source(processor):
    meta_line = (
        '<div id="meta_content"><span class="rich_media_meta_nickname"><a id="js_name">城事速递</a></span>'
        '<em id="publish_time">2025年03月02日 08:15</em></div>'
    )
    html = page(
        f"<h1>山区农村投递线路再添三条</h1>{meta_line}<p>本文来源：湘南晚报</p>{PLATFORM_ARTICLE}",
        head='<meta property="og:site_name" content="资讯平台">',
    )
    (story,), dead = processor.process_or_dead_letter("platform.html", html.encode("utf-8"))
    assert story["source_name"] == "湘南晚报"


def test_a_founder_e_paper_article_keeps_its_headline_block_and_names_its_paper(processor):
    # Founder's e-paper template: kicker, title, deck and author in tags of their own, the
    # <title> gluing the paper's e-edition to the headline with a bare hyphen; 本报 is that paper.
    html = (
        "<html><head><title>汀江晚报数字报-长汀邮政开通河田鸡寄递专线</title></head><body>"
        "<table><tr><td class='date'>2025年1月8日 星期三</td></tr></table>"
        "<table><tr><td><founder-introtitle>服务乡村振兴</founder-introtitle></td></tr>"
        "<tr><td><founder-title>长汀邮政开通河田鸡寄递专线</founder-title></td></tr>"
        "<tr><td><founder-subtitle>冷链车每天两班直发厦门</founder-subtitle></td></tr>"
        "<tr><td><founder-author>本报记者　钟晓岚</founder-author></td></tr>"
        "<tr><td><founder-content><p>　　近日，长汀县邮政分公司开通河田鸡冷链寄递专线，冷链车每天两班从河田镇直发厦门。</p>"
        "<p>　　专线开通以来，已寄递河田鸡一万二千余只，养殖户的销售半径扩大到整个闽南地区。</p>"
        "</founder-content></td></tr></table></body></html>"
    )
    (story,), _ = processor.process_or_dead_letter("founder.html", html.encode("utf-8"))
    assert (story["kicker"], story["title"], story["subtitle"]) == ("服务乡村振兴", "长汀邮政开通河田鸡寄递专线", "冷链车每天两班直发厦门")
    assert story["source_name"] == "汀江晚报"
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("钟晓岚", "reporter")]
    assert story["body"].startswith("近日，长汀县邮政分公司")


def test_an_account_s_meta_line_whose_date_its_script_fills_is_a_line_of_fields(processor):
    # The meta line (原创, the writer, the account's nickname) holds an empty date element the
    # script fills from var ct: it had opened the body.
    html = (
        "<html><head><title>山里的邮路</title></head><body><div id='img-content'>"
        "<h1 class='rich_media_title'>山里的邮路</h1><div id='meta_content'>"
        "<span id='copyright_logo'>原创</span> <span class='rich_media_meta_text'>韦小红</span> "
        "<span class='rich_media_meta_nickname'><a id='js_name'>楚南邮政</a></span> <em id='publish_time'></em></div>"
        "<div id='js_content'><p>文/韦小红　图/李明</p><p>清晨六点，乡邮员把当天要投递的报刊、信件和包裹逐一核对，装上摩托车。</p>"
        "<p>十五年来，他每周要跑五趟邮路，每趟往返近百公里，风雨无阻。</p></div></div>"
        "<script>var ct = \"1705372200\";</script></body></html>"
    )
    (story,), _ = processor.process_or_dead_letter("account.html", html.encode("utf-8"))
    assert story["body"].startswith("清晨六点")
    assert (story["published_date"], story["source_name"]) == ("2024-01-16", "楚南邮政")


def test_a_blog_post_is_dated_by_its_post_time_element_not_its_update_s_or_a_comment_s(processor):
    # The post's meta line goes with its links; its <time> elements still say when it was posted.
    html = (
        "<html><head><title>集邮路上的第一套邮票 &#8211; 方寸小记</title></head><body>"
        "<article><h1 class='entry-title'>集邮路上的第一套邮票</h1><div class='entry-meta'>发布于 "
        "<a href='/2023/11/02/first/'><time class='entry-date published' datetime='2023-11-02T20:10:00+08:00'>2023年11月2日</time>"
        "<time class='updated' datetime='2023-11-09T08:00:00+08:00'>2023年11月9日</time></a></div>"
        "<div class='entry-content'><p>我收藏的第一套邮票，是上小学时父亲从邮局带回来的一套花卉邮票。</p>"
        "<p>三十多年过去，那套邮票至今夹在我的第一本集邮册里。</p></div></article>"
        "<ol class='comment-list'><li><b class='fn'>邮友</b><time datetime='2023-11-01T08:00:00+08:00'>2023年11月1日</time>"
        "<p>谢谢分享。</p></li></ol></body></html>"
    )
    (story,), _ = processor.process_or_dead_letter("blog.html", html.encode("utf-8"))
    assert story["published_date"] == "2023-11-02"
    assert story["body"].startswith("我收藏的第一套邮票")


def test_an_e_paper_article_is_dated_by_its_edition_line(processor):
    # The edition's date stands only in the page's header, with the page's buttons (上一版 下一版),
    # furniture that goes; the pages' list beside the article names no date.
    html = (
        "<html><head><title>汀江晚报数字报-长汀邮政开通河田鸡寄递专线</title></head><body>"
        "<div class='head'><div class='logo'><img src='logo.png' alt='汀江晚报'></div>"
        "<div class='date'>2025年01月08日 星期三 &nbsp; 第03版：区域 &nbsp; <a href='node_2.htm'>上一版</a>"
        " <a href='node_4.htm'>下一版</a> &nbsp; <a href='../07/node_1.htm'>上一期</a> <a href='period.htm'>往期回顾</a></div></div>"
        "<table><tr><td><div class='nav'><h4>版面导航</h4><ul><li><a href='node_1.htm'>第01版：要闻</a></li>"
        "<li><a href='node_3.htm'>第03版：区域</a></li></ul></div>"
        "<div><h4>本版其他文章</h4><ul><li><a href='c1.htm'>长汀河田鸡入选地理标志</a></li></ul></div></td>"
        "<td><div class='tools'><a href='#'>放大</a> <a href='#'>缩小</a> <a href='node_3.htm'>返回目录</a></div>"
        "<founder-title><h1>长汀邮政开通河田鸡寄递专线</h1></founder-title><founder-author>本报记者　钟晓岚</founder-author>"
        "<founder-content><p>　　近日，长汀县邮政分公司开通河田鸡冷链寄递专线，冷链车每天两班从河田镇直发厦门。</p>"
        "<p>　　专线开通以来，已寄递河田鸡一万二千余只，养殖户的销售半径扩大到整个闽南地区。</p></founder-content>"
        "</td></tr></table></body></html>"
    )
    (story,), _ = processor.process_or_dead_letter("epaper.html", html.encode("utf-8"))
    assert story["published_date"] == "2025-01-08"
    assert story["body"].startswith("近日，长汀县邮政分公司")


def test_an_account_s_closing_furniture_after_its_end_mark_goes_its_credits_stay(cleaner):
    html = page(
        "<h1>山区邮路换上电动三轮车</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>END</p><p>编辑：吴晓梅</p><p>分享、点赞、在看，把山里的邮路讲给更多人听</p>"
    )
    assert lines(cleaner, html) == ["山区邮路换上电动三轮车", *PARAGRAPHS, "编辑：吴晓梅"]


def test_an_account_s_closing_credits_for_words_and_pictures_stay(cleaner):
    credits = ["文字：赵敏", "图片：刘洋", "编辑：郝静"]
    html = page(
        "<h1>山区邮路换上电动三轮车</h1><section>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</section><section>"
        + "".join(f'<p style="text-align: right;"><span>{credit}</span></p>' for credit in credits) + "</section>"
    )
    assert lines(cleaner, html) == ["山区邮路换上电动三轮车", *PARAGRAPHS, *credits]


@pytest.mark.parametrize(
    "planted",
    ['<font color="#ffffff">某某体育官网注册即送彩金</font>', '<span style="color: #FFF">某某体育官网注册即送彩金</span>'],
)
def test_white_text_on_the_page_s_white_is_unseen(cleaner, planted):
    html = page(f"<div><p>{PARAGRAPHS[0]}{planted}</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</div>")
    assert "彩金" not in cleaner.clean(html).text


def test_white_text_on_a_background_its_markup_sets_is_seen(cleaner):
    marked = '<p style="background-color:#c00">服务热线<span style="color:#fff">11185</span>全天接听。</p>'
    html = page("<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + marked + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]) + "</div>")
    assert "服务热线11185全天接听。" in lines(cleaner, html)


def test_a_mirror_s_planted_ad_and_reprint_notice_go(cleaner):
    html = page(
        "<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>【推荐】某某体育官网注册即送88元彩金，点击进入</p><p>本文由某某资讯网整理发布，转载请注明出处。</p></div>"
    )
    assert lines(cleaner, html) == PARAGRAPHS


def test_a_headline_set_as_an_image_is_its_alt_text(cleaner):
    html = page(
        "<div class='logo'><img src='/logo.png' alt='某市邮政管理局'></div>"
        "<div class='detail-title'><img src='/title.png' alt='全市开展寄递渠道安全隐患排查'></div>"
        "<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p><img src='/1.jpg' alt='现场图片'></p></div>",
        head="<title>详细信息 - 某市邮政管理局</title>",
    )
    text = lines(cleaner, html)
    assert text[0] == "全市开展寄递渠道安全隐患排查" and "现场图片" not in text and "某市邮政管理局" not in text[:1]


def test_a_header_whose_date_and_source_link_to_their_pages_is_the_article_s(processor):
    # The date links to the day's index, the outlet to its channel; the <title> words the
    # headline otherwise than the <h1>.
    header = (
        "<div class='info'><div><span><a href='/day/'>2024年04月18日 15:20:31</a></span></div>"
        "<div><span>来源：</span><a href='/hb/'>某某网湖北</a></div><div><span>记者：方思远</span></div></div>"
    )
    body = f"<div class='crumbs'><a>首页</a> &gt; <a>湖北</a></div><div><h1>集团公司一行到黑龙江邮政调研</h1>{header}<div>{ARTICLE}</div></div>"
    head = "<title>集团公司一行到黑龙江邮政调研，走访慰问一线员工_某某网</title>"
    (story,) = processor.process("portal.html", page(body, head).encode())
    assert (story["title"], story["published_date"]) == ("集团公司一行到黑龙江邮政调研", "2024-04-18")
    assert story["source_name"] == "某某网湖北" and story["body"].startswith(PARAGRAPHS[0])


@pytest.mark.parametrize(
    "url", ["http://news.example.cn/content/2024-06/18/content_17856241.html", "https://www.example.gov.cn/202406/t20240618_123.html"]
)
def test_a_page_whose_date_only_its_own_address_states(processor, url):
    # The page's time element is empty (a script fills it); its canonical address holds the date.
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div class='info'><span class='time'></span></div><div>{ARTICLE}</div>"
    (story,) = processor.process("page.html", page(body, f'<link rel="canonical" href="{url}">').encode())
    assert story["published_date"] == "2024-06-18"


def test_a_forum_thread_s_first_post_reposting_an_article(processor):
    # The <title> tags the thread (【图片】, the forum's 【某某吧】); the post opens with the repost's
    # own title after 【转】 and its source line, and ends with the post's tail.
    post = (
        "【转】某省农村快递共同配送覆盖八成行政村<br>来源：某某晨报　记者 彭雅琪　2024-09-02<br>"
        + "<br>".join(PARAGRAPHS)
    )
    body = (
        "<h3 class='core_title_txt'>某省农村快递共同配送覆盖八成行政村，取件不用跑镇上了</h3>"
        f"<div class='l_post'><div class='d_post_content'>{post}</div><div class='core_reply_tail'>"
        "<span>来自Android客户端</span><span>1楼</span><span>2024-09-02 10:15</span><a>回复</a></div></div>"
    )
    head = "<title>【图片】某省农村快递共同配送覆盖八成行政村，取件不用跑镇上了【快递吧】_百度贴吧</title>"
    (story,) = processor.process("thread.html", page(body, head).encode())
    assert (story["kicker"], story["title"]) == (None, "某省农村快递共同配送覆盖八成行政村，取件不用跑镇上了")
    assert story["body"].split("\n") == PARAGRAPHS and story["source_name"] == "某某晨报"


def test_a_portal_s_header_of_a_time_and_the_outlet_names_the_outlet(processor):
    # A portal's copy: the time and the outlet it copied from, two elements with nothing between.
    header = '<div class="date-source"><span>2024年03月02日 10:20</span><a class="source">江淮新闻网</a></div>'
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1>{header}<div>{ARTICLE}</div>"
    head = '<meta property="og:site_name" content="某某门户" />'
    (story,) = processor.process("portal.html", page(body, head).encode())
    assert (story["source_name"], story["published_date"]) == ("江淮新闻网", "2024-03-02")


def test_a_web_copy_s_print_edition_credit_ends_no_paragraph_and_the_paper_is_its_source(processor):
    # The source field names the site and its paper; the copy closes with the print edition.
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div>2024-05-14 05:32 来源：某某网-《某某日报》</div>"
        f"<div>{ARTICLE}<p>《某某日报》（2024年05月14日 06版）</p></div>"
    )
    (story,) = processor.process("copy.html", page(body).encode())
    assert story["source_name"] == "某某日报"
    assert story["body"].splitlines()[-1] == PARAGRAPHS[-1]


def test_an_e_paper_s_article_page_under_its_paper_s_title_and_issue_date(processor):
    # The <title> is the paper's name alone (no headline: the source); the issue's date and
    # weekday stand in the header apart from the edition (当前版：第03版); the head is a table's
    # rows classed yt, bt, ft (引题, 标题, 副题), the byline 本报记者 (this paper: the <title>'s).
    editions = "".join(f"<tr><td><a href='node_{n}.htm'>第0{n}版：要闻</a></td></tr>" for n in range(1, 9))
    header = (
        "<table><tr><td class='logo'><img alt='楚南日报'></td>"
        "<td class='date'>2024年06月12日 星期三 <a href='/'>往期回顾</a> <a href='/pdf'>PDF版下载</a></td></tr></table>"
        f"<table><tr><td valign='top'><table class='bmdh'><tr><td>版面导航</td></tr>{editions}</table></td><td>"
        "<div class='bc'>当前版：<strong>第03版：要闻</strong> <a href='javascript:window.print()'>【打印】</a></div>"
    )
    head = (
        "<table class='title_table'><tr><td class='yt'>服务乡村振兴</td></tr>"
        "<tr><td class='bt'><strong>楚南邮政春节寄递单日揽收超200万件</strong></td></tr>"
        "<tr><td class='ft'>无人机配送首次进入山区村寨</td></tr><tr><td class='zz'>本报记者 方思远</td></tr></table>"
    )
    body = f"{header}{head}<div class='content'>{ARTICLE}</div></td></tr></table>"
    (story,) = processor.process("content_2.htm", page(body, "<title>楚南日报</title>").encode())
    assert (story["kicker"], story["title"], story["subtitle"]) == ("服务乡村振兴", "楚南邮政春节寄递单日揽收超200万件", "无人机配送首次进入山区村寨")
    assert (story["published_date"], story["source_name"]) == ("2024-06-12", "楚南日报")
    assert story["body"].startswith(PARAGRAPHS[0])


def test_an_english_summary_above_the_text_and_a_rights_notice_below_it_are_no_text(processor):
    # A Chinese article's page sets a translation for foreign readers under its own label above
    # the text (it was read as a story of its own, the article's head taken by it), and closes
    # with the site's rights notice, longer than furniture lines run.
    summary = (
        "<div class='en-summary'><b>English Summary</b><p>The county postal branch has opened a cold-chain line"
        " for fruit growers, cutting losses in transit, officials said.</p></div>"
    )
    notice = (
        "<div class='copyright'>楚南网版权说明：凡注明来源为“楚南网”的作品，除与本网签署内容授权协议的网站外，"
        "其他任何网站或单位未经允许禁止转载、使用，违者必究。如需使用，请与本网联系。</div>"
    )
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1><div class='info'>2024-06-18 09:30 来源：楚南网</div>{summary}<div>{ARTICLE}</div>{notice}"
    (story,) = processor.process("page.html", page(body, "<title>集团公司一行到黑龙江邮政调研_楚南网</title>").encode())
    assert story["title"] == "集团公司一行到黑龙江邮政调研"
    assert story["body"].startswith(PARAGRAPHS[0]) and story["body"].endswith(PARAGRAPHS[-1])


def test_a_gallery_s_slide_counters_and_its_info_line_s_photographer(processor):
    # Each caption under its slide's counter (1/3): paragraphs of their own; the info line's
    # fields apart by bars, the photographer a Tibetan name (no surname) before the next field.
    captions = ["邮递员在出发前清点邮件。", "邮递员骑马行进在草原上。", "邮递员把报刊送到牧民帐篷前。"]
    slides = "".join(
        f"<li class='slide'><div class='pic'><img src='/{n}.jpg' alt=''><a class='orig'>查看原图</a></div>"
        f"<div class='caption'><span class='num'>{n}/3</span><p>{caption}</p></div></li>"
        for n, caption in enumerate(captions, 1)
    )
    body = (
        "<h1>高原邮路上的新变化</h1><div class='info'>来源：楚南网 | 2024-09-27 10:25 | 摄影：洛桑次仁 | 文字：何思远</div>"
        f"<p>在高原上，邮递员骑马穿行于雪山草甸之间的邮路已延续数十年，如今正发生新的变化。</p><ul>{slides}</ul>"
        "<div class='thumbs'><span>1/3</span><span>2/3</span><span>3/3</span></div>"
    )
    (story,) = processor.process("gallery.html", page(body, "<title>高原邮路上的新变化_楚南网</title>").encode())
    assert story["body"].splitlines()[1:] == captions
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("洛桑次仁", "photographer"), ("何思远", "author")]


def test_a_follow_button_by_the_writer_s_credit_and_a_branded_site_name(processor):
    # 追踪 (follow) beside the credit was read as a second writer; og:site_name with the brand's
    # figures (香港01-style) was no site's name, a channel's in the <title> taken instead.
    head = "<title>集团公司一行到黑龙江邮政调研｜楚南01｜社会新闻</title><meta property='og:site_name' content='楚南01'>"
    body = (
        "<div class='breadcrumb'><a href='/z/1'>港闻</a> › <a href='/c/2'>社会新闻</a></div>"
        "<article><h1>集团公司一行到黑龙江邮政调研</h1>"
        "<div class='byline'><span>撰文：方思远</span> <a class='follow'>追踪</a></div>"
        f"<div>{ARTICLE}</div></article>"
    )
    (story,) = processor.process("page.html", page(body, head).encode())
    assert story["authors"] == [{"name": "方思远", "role": "author"}] and story["source_name"] == "楚南01"


def test_a_word_processor_s_review_comments_are_no_text(processor):
    # Google Docs' HTML export: [a] after the commented words, linking to the comment after the
    # text (a comment and its reply, paragraphs of one <div>), which closed the story.
    paragraphs = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paragraphs[1] = paragraphs[1].replace(
        "开发情况。", "开发情况<sup><a href='#cmnt1' id='cmnt_ref1'>[a]</a></sup>。"
    )
    comment = (
        "<div><p><a href='#cmnt_ref1' id='cmnt1'>[a]</a><span>产品名称请与市场部核实</span></p>"
        "<p><span>_已分配给 方思远_</span></p></div>"
    )
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1>{''.join(paragraphs)}{comment}"
    (story,) = processor.process("doc.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_portal_s_copy_with_a_quote_box_and_app_promotions(processor):
    # A finance portal's copy: the time and the outlet it copied from in its header (the portal's
    # own name was set over it as the source), a stock quote box and its app's promotions (kept
    # as paragraphs).
    head = "<title>集团公司一行到黑龙江邮政调研_楚南财经_楚南网</title><meta property='og:site_name' content='楚南网'>"
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='date-source'><span>2024年06月18日 09:30</span> "
        "<a class='source'>楚南证券网</a></div>"
        "<div class='quote'><a>楚南邮储 sh601999 5.41 -0.92%</a> <span>成交额 12.36亿</span>"
        "<div class='app'>楚南财经APP　看行情更快一步</div></div>"
        f"<div class='article'>{ARTICLE}<div class='qr'>海量资讯、精准解读，尽在楚南财经APP</div></div>"
    )
    (story,) = processor.process("portal.html", page(body, head).encode())
    assert story["source_name"] == "楚南证券网"
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_platform_account_s_header_of_the_time_and_where_it_posted_from(processor):
    # The time and the account's location (湖北) are no outlet: the account's name is the source.
    body = (
        "<div class='article'><h1>集团公司一行到黑龙江邮政调研</h1>"
        "<div class='author-info'><a class='author-name'>楚南新闻</a><span class='author-desc'>楚南新闻官方帐号</span>"
        "<div class='date-box'><span class='date'>2024-06-20 14:36</span><span class='location'>湖北</span></div></div>"
        f"<p>楚南新闻记者 方卉</p>{ARTICLE}</div>"
    )
    (story,) = processor.process("account.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["source_name"] == "楚南新闻"


def test_a_quote_box_between_paragraphs_and_a_comment_count_in_the_header_are_no_text(processor):
    # A portal's quote box of a stock's name, price and signed change, no code (楚南邮储 5.62
    # +0.54% 股吧), between two paragraphs; its header's comment count with the count first.
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='infos'><span>2024年06月18日 09:30</span> "
        "<span class='source'>来源：楚南证券网</span> <span class='cmt'>127人评论</span></div>"
        f"<div class='article'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:2])}"
        "<div class='stockQuote'><a>楚南邮储</a> <span>5.62</span> <span>+0.54%</span> <a>股吧</a></div>"
        f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[2:])}</div>"
    )
    (story,) = processor.process("quote.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == PARAGRAPHS


def test_an_account_s_location_by_its_report_link_is_no_text(processor):
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='post_info'>2024-06-20 14:36 来源: 楚南新闻<br>"
        f"湖北 <a class='post_jubao'>举报</a></div><div class='post_body'>{ARTICLE}</div>"
    )
    (story,) = processor.process("account.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == PARAGRAPHS


def test_paragraphs_after_a_related_link_set_between_them_are_the_article_s(processor):
    # An ad slot and a "延伸阅读：<a>…</a>" line between the article's paragraphs: the two after
    # them were read as summaries under a linked title (a related list's), no evidence of
    # article, and the text ended at the link.
    long_paragraphs = [p * 2 for p in PARAGRAPHS]
    body = (
        "<article><h1>集团公司一行到黑龙江邮政调研</h1><div class='content'>"
        f"{''.join(f'<p>{p}</p>' for p in long_paragraphs[:3])}"
        "<div class='ad'><span>广告</span></div>"
        "<div class='related-inline'>延伸阅读：<a href='/a/1'>楚南邮政开通冷链专线 果蔬次日达省城</a></div>"
        f"<p>{long_paragraphs[3]}</p><p>{PARAGRAPHS[0]}</p></div></article>"
    )
    (story,) = processor.process("related.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == [*long_paragraphs, PARAGRAPHS[0]]


def test_a_wire_s_page_names_its_agency_and_keeps_its_editor_and_update_note_out_of_the_text(processor):
    # og:site_name with its Latin name after the Chinese one; the time line with its update note;
    # the editor's credit in brackets with the wire's date code closing the text.
    head = "<title>集团公司一行到黑龙江邮政调研 | 产经 | 楚南社 CNS</title><meta property='og:site_name' content='楚南社 CNS'>"
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='updatetime'><span>2025/04/15 14:32</span>（4/15 16:05 更新）</div>"
        f"<div class='paragraph'>{ARTICLE}<p>（编辑：方卉）1140415</p></div>"
    )
    (story,) = processor.process("wire.html", page(body, head).encode())
    assert story["source_name"] == "楚南社"
    assert story["published_date"] == "2025-04-15"
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_clipped_note_is_the_page_it_clipped_without_the_clipper_s_header_and_the_reader_s_notes(processor):
    # An Evernote export: the clipper's header (the page's name and the time it was clipped),
    # then the page; under it the reader's to-do item and note.
    content = (
        "<en-note><div>剪藏自：<a href='https://example.com/a'>楚南邮政报</a> | 2025-06-14 09:12</div>"
        "<div><b>集团公司一行到黑龙江邮政调研</b></div><div>发布日期：2025-06-13　来源：楚南邮政报</div>"
        f"{''.join(f'<div>{p}</div>' for p in PARAGRAPHS)}"
        "<div><en-todo checked='false'/>转发给部门群</div><div>我的批注：第三段数据可用于季度汇报</div></en-note>"
    )
    enex = (
        '<?xml version="1.0" encoding="UTF-8"?><en-export><note><title>集团公司一行到黑龙江邮政调研</title>'
        f"<created>20250614T011203Z</created><content><![CDATA[{content}]]></content></note></en-export>"
    )
    (story,) = processor.process("clip.enex", enex.encode())
    assert (story["published_date"], story["source_name"]) == ("2025-06-13", "楚南邮政报")
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_reader_app_s_origin_line_gives_the_publisher_and_no_text(processor):
    body = (
        "<main><h1>集团公司一行到黑龙江邮政调研</h1><div class='origin_line'><a href='https://example.gov.cn/a'>"
        "example.gov.cn</a> · <span>楚南省邮政管理局</span> · <time datetime='2025-01-07'>January 7, 2025</time>"
        f" · <span>4 min read</span></div><div id='story'>{ARTICLE}</div></main>"
    )
    (story,) = processor.process("reader.html", page(body, "<title>集团公司一行到黑龙江邮政调研 – Instapaper</title>").encode())
    assert (story["published_date"], story["source_name"]) == ("2025-01-07", "楚南省邮政管理局")
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_theory_article_s_notes_go_with_their_label(processor):
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='text'>"
        f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:3])}<p>{PARAGRAPHS[3]}<sup>[1]</sup></p>"
        "<p>注释：</p><p>[1]参见《邮政普遍服务监督管理办法》相关规定。</p></div>"
    )
    (story,) = processor.process("theory.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == [*PARAGRAPHS[:3], PARAGRAPHS[3] + "[1]"]


def test_reading_apps_headers_give_their_fields_and_page_hints_are_no_text(processor):
    # Pocket's origin line with the reporter and the reading time; Telegram's Instant View
    # header of the outlet and an English date; a portal's repost notice closing the text.
    pocket = (
        "<main><h1>集团公司一行到黑龙江邮政调研</h1><p class='byline'>楚南日报 · 记者 方卉 · 2024年6月3日 · 阅读时长 3 分钟</p>"
        f"<article>{ARTICLE}<p>本文来自楚南晚报，版权归原作者所有。</p></article></main>"
    )
    (story,) = processor.process("pocket.html", page(pocket, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert (story["source_name"], story["published_date"]) == ("楚南日报", "2024-06-03")
    assert story["authors"] == [{"name": "方卉", "role": "reporter"}]
    assert story["body"].splitlines() == PARAGRAPHS
    telegram = (
        "<article><h1>集团公司一行到黑龙江邮政调研</h1><address><a rel='author'>楚南新闻</a> • "
        f"<time datetime='2024-05-20T03:15:00+00:00'>May 20, 2024</time></address>{ARTICLE}</article>"
    )
    (story,) = processor.process("iv.html", page(telegram, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert (story["source_name"], story["published_date"]) == ("楚南新闻", "2024-05-20")
    assert story["body"].splitlines() == PARAGRAPHS


@pytest.mark.parametrize(
    "furniture",
    [
        "<blockquote>【内部流转稿，审核通过前请勿外传】</blockquote>",  # an editor's circulation note
        "<div class='hint'>向左滑动开始阅读 →</div>",  # a web story's hint
        "<div class='info'><span>楚南网</span><span>3天前</span><span>阅读量 2.1万</span></div>",  # relative time, count
    ],
)
def test_notes_hints_and_counters_over_the_text_are_no_text(processor, furniture):
    body = f"<h1>集团公司一行到黑龙江邮政调研</h1>{furniture}<div class='text'>{ARTICLE}</div>"
    (story,) = processor.process("page.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["body"].splitlines() == PARAGRAPHS


def test_a_source_field_glued_to_the_reporter_s_credit_names_the_outlet(processor):
    body = (
        "<h1>集团公司一行到黑龙江邮政调研</h1><div class='meta'><span>来源：楚南邮电报</span><span>本报记者 方卉</span>"
        f"<span>2024-07-09</span></div>{ARTICLE}"
    )
    (story,) = processor.process("page.html", page(body, "<title>集团公司一行到黑龙江邮政调研</title>").encode())
    assert story["source_name"] == "楚南邮电报"
