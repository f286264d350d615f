"""Patterns and thresholds of the clean stage (rules as data, apart from the logic that uses them)."""

import re
from datetime import timedelta, timezone

from pipeline.resources import data_lines

# --- markup in text input
# A tag, comment or CDATA section; bounded so a stray "<" in prose cannot swallow a line.
MARKUP = re.compile(
    r"<!--.{0,2000}?-->|<!\[CDATA\[.{0,2000}?\]\]>|</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,500})?/?>",
    re.S,
)
# List numbering the markup's list left in front of a tag: "1. <dfn ...>".
NUMBERING_BEFORE_TAG = re.compile(r"^(\s*)(?:\d{1,3}[.、)）]|[•·*-])\s*(?=<)")
# An inline element with plain text inside, as spam mirrors plant links in running text.
PAIRED_INLINE_ELEMENT = re.compile(
    r"<(a|span|font|b|strong|em|i|u|dfn|code|acronym|abbr|cite|var|kbd|small|big|ins|mark)\b[^<>]{0,500}>([^<>]{1,300})</\1\s*>",
    re.I,
)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")

# Zero-width characters spam mirrors sprinkle between characters to defeat matching, bidi
# controls, and control characters (NUL padding, bells; C1 controls from Latin-1 readings),
# which downstream stores reject. Page, vertical-tab and record breaks (pdftotext writes a
# form feed between pages) end a line, as str.splitlines() takes them.
LINE_BREAK_CONTROLS = "\f\v\x1c\x1d\x1e\x85"
# The zero-width joiner goes too, but inside an emoji sequence (🏃‍♂️, 👨‍👩‍👧), whose part it is.
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
STRAY_JOINER = re.compile(f"(?<![{_EMOJI}\uFE0F])\u200d|\u200d(?![{_EMOJI}])")
INVISIBLE_CHARACTERS = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u2060\ufeff\u00ad\u200e\u200f")),  # (ZWJ: STRAY_JOINER)
    **dict.fromkeys(range(0x202A, 0x202F)),
    **dict.fromkeys(range(0x2066, 0x206A)),
    **dict.fromkeys(code for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\t\n\r"),
    **dict.fromkeys(map(ord, LINE_BREAK_CONTROLS), "\n"),
}
# Translated with them: the radical 丨, which pages of WeChat and news apps set for a bar
# (文丨王芳 图丨李明, 来源丨某某): never a character of running text.
CHARACTER_FIXES = {**INVISIBLE_CHARACTERS, ord("丨"): "｜"}

# A metadata field's label in brackets (【来源】新华网, [作者] 王芳) is written as the colon form
# the later stages read (来源：新华网). 【图】 and [图片] are image placeholders, not labels.
BRACKETED_LABEL = re.compile(
    r"[【〖\[［]\s*(作者|来源|稿源|出处|记者|通讯员|编辑|责任编辑|责编|摄影|供稿|撰稿|发布时间|发布日期|日期|时间)\s*[】〗\]］](?!\()\s*"
)  # (not a Markdown link: [来源](https://…))
# A forum's or a blog's "posted at" before the date, alike: 发表于 2024-5-20 20:58 -> 发布时间：….
POSTED_AT = re.compile(r"^([ \t\u3000]*)(?:发表于|发布于)[ \t\u3000]*[:：]?[ \t\u3000]*(?=(?:19|20)\d\d\s*[-年/.])", re.M)
POSTED_AT_FIELD = r"\1发布时间："
# A reader app's origin line over the article (Instapaper, Pocket: www.spb.gov.cn · 国家邮政局 ·
# January 7, 2025 · 4 min read): the site, the writer or the publisher, the date, the reading time
READER_ORIGIN = re.compile(
    r"^(?:[\w-]+(?:\.[\w-]+)+\s*[·•]\s*)?(?P<name>[^\s·•][^·•\n]{0,30}?)\s*[·•]\s*"
    r"(?:(?P<credit>(?:记者|作者|文)[\s:：/]*[\u4e00-\u9fff·]{2,8})\s*[·•]\s*)?(?P<date>[^·•\n]{6,30}?)"  # (新华日报 · 记者 吴海涛 · …)
    r"\s*[·•]\s*(?:\d+\s*(?:min(?:ute)?s?\s+read|分钟(?:阅读|读完))|阅读(?:时长|时间)\s*\d+\s*分钟)\s*$",
    re.M | re.I,
)
# A reading app's header of the outlet and an English date (Telegram's Instant View: 红星新闻 • May 20, 2024)
OUTLET_AND_ENGLISH_DATE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,12})\s*[·•]\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4})\s*$",
    re.M,
)

# --- HTML recognition: a document marker, or enough block-level tags to be a page, not stray tags.
HTML_DOCUMENT_MARKER = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
HTML_BLOCK_TAG = re.compile(r"<(?:p|div|br|td|tr|li|ul|ol|table|h[1-6]|article|section|span|a)\b", re.I)
HTML_MIN_BLOCK_TAGS = 5
HTML_MIN_TAGGED_LINE_SHARE = 0.3
HTML_SAMPLE_CHARS = 200_000

# --- spam / chrome line scoring
# One stuffed keyword phrase: a run between separators.
KEYWORD_SEGMENT = re.compile(r"[^,，、|｜/;；_\s·•\-—–]+")
# Separators and digits (years, phone and licence numbers) do not count towards coverage.
COVERAGE_IGNORED = re.compile(r"[,，、|｜/;；_\s·•:：.()（）\[\]【】<>《》0-9\-—–]+")
SENTENCE_END = re.compile(r"[。！？!?]")
# A bracketed span without brackets inside, short as planted keywords are.
BRACKETED_SPAN = re.compile(r"[【\[〔（(]([^【】\[\]〔〕（）()]{2,30})[】\]〕）)]")
PLANTED_MIN_COVERAGE = 0.5  # share of a bracketed span in spam vocabulary that marks it planted
# A sentence with its closing mark (and closing quote), or the unterminated rest of a line.
SENTENCE_CHUNK = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")
QUOTE = re.compile(r"[“”「」『』《》]")
SPAM_MIN_CHARS = 4
MATCH_CACHE_LINES = 2048  # a line is scored for spam, chrome and glued spam: match it once
SPAM_THRESHOLD = 3.0
SPAM_FRAGMENT_THRESHOLD = 4.5  # for a short piece of wrapped (PDF) text
SPAM_WEIGHTS = {
    "coverage": 3.0,  # share of the line's characters that are spam vocabulary (weighted)
    "segment_hits": 2.0,  # mean per-segment spam evidence (capped at 1 per segment)
    "many_segments": 0.5,  # at least MANY_SEGMENTS comma-separated phrases
    "short_segments": 0.5,  # phrases short like keywords, not clauses
    "sentence": -1.0,  # per sentence-final mark or quote, up to two
    "variety": 0.5,  # per distinct spam term beyond VARIETY_FREE, when coverage is high
    "repetition": 1.0,  # one keyword repeated in most phrases
    "site_actions": 2.0,  # every phrase a site's name and what to do there (开云体育官网,开云体育下载,…)
    "prose": -0.5,  # per distinct function word or news verb (data/prose_markers.txt), up to PROSE_MARKERS_MAX
}
PROSE_MARKERS_MAX = 3
# How a phrase of a spam site's list ends: its name and what to do there (XX官网, XX下载, XX登录).
SITE_ACTION_ENDINGS = ("官网", "官方网站", "下载", "登录", "登陆", "注册", "入口", "网址", "平台", "app", "APP", "开户")
SITE_ACTION_MIN_SEGMENTS = 3
REPEAT_MIN_SEGMENTS = 4
REPEAT_MIN_SHARE = 0.75
VARIETY_FREE = 2
VARIETY_MAX_TERMS = 3
VARIETY_MIN_COVERAGE = 0.35
MANY_SEGMENTS = 3
# A line of this many phrases or more, none longer than STUFFED_PHRASE_CHARS, one repeated: stuffing.
STUFFED_MIN_PHRASES = 5
STUFFED_PHRASE_CHARS = 8
IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
LATIN_LETTER = re.compile("[A-Za-z]")
SHORT_SEGMENT_CHARS = 10
CHROME_MAX_CHARS = 80
# A list of other articles' titles under its label, closing a page's text (相关阅读, Related Stories):
# titles are short and end no sentence.
RELATED_LIST_LABEL = re.compile(
    r"^\W*(?:相关(?:阅读|新闻|文章|报道|推荐)|推荐阅读|往期(?:推荐|回顾|精彩)|热门(?:推荐|文章)|猜你喜欢|为你推荐|更多推荐|精彩推荐"
    r"|related (?:stories|articles|news|reading)|recommended (?:stories|articles|reading)|more stories)\W*$",
    re.IGNORECASE,
)
RELATED_TITLE_MAX_CHARS = 80
MAIL_SIGNATURE_DELIMITER = re.compile(r"--")  # RFC 3676's line over an e-mail's signature ("-- ", stripped)
# A release's contact block under a rule closing its text, or under its label (附：媒体联系人),
# a few short lines (新闻联系人：…, 电子邮箱：…, 地  址：…), the end mark (（完）, END_MARK) after them.
CONTACT_BLOCK_LABEL = re.compile(r"(?:附\s*[:：]\s*)?(?:媒体|新闻)?联系(?:人|方式)\s*[:：]?")
# A release's boilerplate after its end mark: its heading about the issuer, a paragraph or two
ABOUT_ISSUER = re.compile(r"关于[\u4e00-\u9fff（）()·]{2,30}|About [A-Z][\w .,&-]{1,60}")
MAX_BOILERPLATE_LINES = 4
CLOSING_RULE = re.compile(r"[=\-—―_*~]{6,}")
CONTACT_LABEL = re.compile(r"(?:新闻)?联\s*系\s*(?:人|电\s*话|方\s*式)|电\s*话|传\s*真|电\s*子\s*邮\s*箱|邮\s*箱|E-?mail|地\s*址|邮\s*编", re.I)
MAX_CONTACT_LINES, MAX_CONTACT_LINE_CHARS = 6, 80
CHROME_MIN_COVERAGE = 0.6
CHROME_MIN_TERMS = 2
CHROME_STRONG_MAX_CHARS = 50
LABEL_SLACK = 1  # a furniture term within this many characters of a line's start or end labels it
WRAPPED_MIN_LINES = 30
WRAPPED_MAX_MEDIAN_CHARS = 30
WRAPPED_WIDTH_SLACK = 3
WRAPPED_MIN_SHARE = 0.5
BUTTON_SEPARATORS = re.compile(r"[\s|｜/·•【】\[\]]+")
# A breadcrumb without its label (首页>新闻中心>邮政要闻, 首页 » 要闻): the site's home, then its
# sections; or three short names or more in a row from the site down (新华网 > 地方 > 正文).
BREADCRUMB = re.compile(
    r"^(?:(?:网站首页|首页|主页|home)\s*[>»›→]\s*[^>»›→]{1,12}(?:\s*[>»›→]\s*[^>»›→]{1,20})*"
    r"|[^>»›→\s\d，。：；、]{2,12}(?:\s*[>»›→]\s*[^>»›→\s\d，。：；、]{2,12}){2,})$",
    re.IGNORECASE,
)
# A button or tab alone on its line, with its count (评论 3, + 关注): a page saved as text, one
# element a line. (Not on wrapped text, whose short lines are pieces of sentences.)
COMMENT_LINK = re.compile(r"#cmnt(?:_ref)?\d+$")  # Google Docs' comment marks and the comments' links back
COMMENT_ID = re.compile(r"cmnt\d+")  # a comment's own anchor
HASHTAGS = re.compile(r"#[^\s#]{1,20}(?:\s+#[^\s#]{1,20})*")  # a post's topic tags alone on its last line (#快递 #行业数据)
FOLLOW_BUTTON = re.compile(r"[+＋]?\s*(?:关注|已关注|追踪|订阅)")
SLIDE_COUNTER = re.compile(r"\d{1,2}\s*/\s*\d{1,2}")  # a gallery's slide number and count alone (3/6)
_BUTTON = (
    r"[+＋]?\s*(?:首页|推荐|热点|关注|已关注|举报|广告|评论|点赞|收藏|分享|转发|打开APP|返回|返回顶部|更多|登录|注册|下载APP"
    r"|字号|阅读|播放|确认收到)"
    r"\s*(?:[\d.]*[万wk]?|[（(]\d+[）)])"  # (评论(3): a work app's count in brackets)
)
LONE_BUTTON = re.compile(
    rf"{_BUTTON}(?:\s+{_BUTTON})*"  # (a row of them: 确认收到　评论(3))
    r"|[\d.]+[万wk]?\s*[人条次]?\s*(?:评论|点赞|收藏|分享|转发|阅读|参与)"  # (127人评论, its count first)
    r"|[\u4e00-\u9fff]{2,3}\s+举报"  # (江西 举报: where the account posted from, by its report link)
    r"|[【\[]?(?:字号|字体)\s*[:：]?\s*(?:[+＋\-－AＡ大中小]\s*){1,6}[】\]]?",  # (text size controls: 字体：+ -, 【字号：大 中 小】)
    re.IGNORECASE,
)
# A page a browser printed to PDF: its header of the print's date and time and the page's
# <title> (2024/6/3 15:12   某某_浙江在线), its footer of the address and the page's number (1/2).
PRINTED_PAGE_HEADER = re.compile(r"\d{4}/\d{1,2}/\d{1,2}\s+(?:上午|下午)?\d{1,2}:\d{2}(?:\s*[AP]M)?\s{2,}\S.*", re.IGNORECASE)
PRINTED_PAGE_FOOTER = re.compile(r"(?:https?|file)://\S+\s+\d{1,3}/\d{1,3}")
# A work app's read receipts under its announcement (已读 186 人 / 未读 23 人)
READ_RECEIPTS = re.compile(r"已读\s*\d+\s*人?\s*[/／|｜]?\s*未读\s*\d+\s*人?")
# The comments under it, each its writer (and unit) and a line of text, after the count button
COMMENT_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[（(][^（()）]{2,20}[）)])?[:：].{1,60}")
COMMENT_COUNT = re.compile(r".*评论\s*[（(]?\d+[）)]?|.*\d+\s*条评论|全部评论.*")
# A video player's control bar and its now-playing line: 播放 00:00 / 02:16 倍速 1.0X 高清 全屏, 正在播放：…
PLAYER_CONTROLS = re.compile(
    # (an audio player's too: 点击收听 00:00/02:47 and the programme's name, 中国之声《…》)
    r"(?:播放|暂停|点击收听|点击播放|收听)?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*[^\s。，！？]{1,16}){0,6}"
    r"|正在播放[:：].{0,40}"
)
# An app account's badge on a line of its own: 某某新闻官方帐号 (with a date, a field line: kept)
ACCOUNT_BADGE = re.compile(  # (its post's time and place before it: 07-15 09:32 河南大河报官方百家号)
    r"(?:\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s*)?[\u4e00-\u9fff]{2,24}官方(?:[帐账]号|百家号|头条号|企鹅号|网易号|搜狐号|抖音号)"
)
# Where a platform says its poster posted from (IP属地：湖北, 发布于：北京市), alone on a line
POSTED_FROM = re.compile(r"IP属地[：:]\s*[\u4e00-\u9fff]{2,8}|发布于[：:]\s*[\u4e00-\u9fff]{1,7}(?:省|市|自治区|特别行政区)")
# A forum post's tail: the client posted from, its floor, its time and the reply button
# (来自Android客户端1楼2024-09-02 10:15 回复)
POST_TAIL = re.compile(
    r"(?:来自[\w \u4e00-\u9fff]{1,16}客户端\s*)?\d{1,5}\s*楼\s*(?:19|20)\d\d-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:收起)?(?:回复)?"
)
# A picture's stock label on a line of its own, where the picture was: 资料图, （示意图）
PICTURE_LABEL = re.compile(r"[（(【\[]?(?:资料图片?|示意图|网络图片|图片来自网络|图源网络|图片来源于网络)[）)】\]]?")
# A clipping tool's header naming the page it clipped, and the reader's own note on a line of
# its own (剪藏自：某某报 | 2025-06-14 09:12, 我的批注：…): the clipper's, no text of the page
_CLIPPER_HEADER, _READER_NOTE = r"(?:剪藏自|收藏自|剪辑自|Clipped from)", r"我的(?:批注|笔记|备注|想法)"
CLIPPER_LINE = re.compile(rf"{_CLIPPER_HEADER}\s*[:：].*|{_READER_NOTE}[:：].*", re.IGNORECASE)
NOTE_ITEM_TAGS = ("li", "p", "div")
READER_NOTE_HINT = re.compile(rf"en-todo|checkbox|{_CLIPPER_HEADER}|{_READER_NOTE}", re.IGNORECASE)  # (a page has some)
TODO_MAX_CHARS = 80
# A portal's notice that it reposted the story (本文来自某某晚报，版权归原作者所有。)
REPOST_NOTICE = re.compile(r"本文(?:来自|转自|来源于?)[^，,。]{2,20}[，,]\s*版权归(?:原作者|原出处|原作者及原出处)?所有[。.]?")
# An editor's note of a document's circulation over it (【内部流转稿，审核通过前请勿外传】)
CIRCULATION_NOTE = re.compile(r"[【\[]?[^【】\[\]]{0,12}(?:内部(?:流转|资料|稿件|传阅)|请勿外传|审核通过前)[^【】\[\]]{0,20}[】\]]?")
# A story page's hint to swipe (向左滑动开始阅读 →)
SWIPE_HINT = re.compile(r"(?:向?[左右上下]滑(?:动)?|滑动)(?:开始)?(?:阅读|查看|浏览)\s*[→←↑↓>]*")
# A header of the outlet, a relative time and a read count (大河网 3天前 阅读量 2.1万)
RELATIVE_TIME_INFO = re.compile(r"[\u4e00-\u9fff]{0,12}\s*\d{1,2}\s*(?:分钟|小时|天)前\s*(?:(?:阅读|浏览)量?\s*[\d.]+[万wk]?)?")
# A phone's mail signature: 发自我的华为手机, 发自我的iPhone
# (or a work app's footer: —— 来自钉钉 · 某某工作台 ——)
SENT_FROM_PHONE = re.compile(r"(?:发自|来自)我的[\w \u4e00-\u9fff]{1,20}|[—\-]{1,2}\s*来自[^—\-]{2,30}[—\-]{1,2}")
# An app's overlay over the page's pictures or text: 打开网易新闻 查看精彩图片, 打开APP阅读全文
OPEN_IN_APP = re.compile(r"打开[\u4e00-\u9fffA-Za-z]{1,10}[，,\s]*(?:查看|阅读|观看)[\u4e00-\u9fff]{0,8}")
# An app's promotion on a line of its own (新浪财经APP 看行情更快一步, 海量资讯、精准解读，尽在某某APP)
APP_PROMOTION = re.compile(
    r"(?:[\u4e00-\u9fff]{2,10}(?:APP|App|客户端)[\s　]*[\u4e00-\u9fff，、]{2,16}"
    r"|[\u4e00-\u9fff，、]{2,16}(?:尽在|下载|打开)[\u4e00-\u9fff]{2,10}(?:APP|App|客户端))[。！!]?"
)
# A quote box's line: a stock's name, its code, price and change (邮储银行 sh601658 5.41 -0.92%;
# without the code, the change signed: 邮储银行 5.62 +0.54% 股吧)
STOCK_QUOTE = re.compile(
    r"[\u4e00-\u9fff]{2,10}\s*(?:\(?(?:sh|sz|bj|hk|SH|SZ|HK)?\d{5,6}(?:\.(?:SH|SZ|HK))?\)?\s+\d+\.\d+\s+[+-]?"
    r"|\s+\d+\.\d+\s+[+-])\d+\.\d+%.{0,30}"
)
MENU_MIN_ITEMS = 4
MENU_MAX_ITEM_CHARS = 6
CHROME_STRONG_TERMS_IN_NOTICE = 2

# --- HTML structure
DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "template", "svg", "canvas", "map", "audio", "video", "head", "title", "meta", "link",
    "button", "input", "select", "textarea", "option", "marquee",
    "rt", "rp",  # ruby annotations: a character's pinyin (<ruby>网<rt>wǎng</rt></ruby>), not text
)
NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)
FRAMESET_TAG = re.compile(r"<frameset\b", re.IGNORECASE)
NOFRAMES_WITH_TEXT = re.compile(r"<noframes\b[^>]*>((?:(?!</noframes).)*[\u4e00-\u9fff](?:(?!</noframes).)*)", re.IGNORECASE | re.DOTALL)
NOSCRIPT_WITH_TEXT = re.compile(r"<noscript\b[^>]*>(?:(?!</noscript).)*[\u4e00-\u9fff]", re.IGNORECASE | re.DOTALL)
# A date in a news page's address: /2024-06/18/, /2024/06/18/, /20240618/, /t20240618_
URL_DATE = re.compile(r"/t?(?P<year>20\d\d)[-/]?(?P<month>[01]\d)[-/]?(?P<day>[0-3]\d)(?=[/_.])")
TITLE_TAGS = re.compile(r"^(?:【[^【】]{1,8}】\s*)+|(?:\s*【[^【】]{1,8}】)+$")
CHROME_TAGS = ("nav", "aside", "footer", "form", "menu")
CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
CONTENT_TAGS = ("article", "main")
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul caption".split()
)
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TABLE_CELL_MAX_CHARS = 40  # a data table's cell; longer ones are a layout table's columns
# An element keeps its place despite chrome markers when it holds this share of the page's prose
# ("lying structure": article inside <aside>, page wrapped in one <form>).
PROSE_SHARE_KEEP = 0.4
# The article's container: the deepest element still holding this share of the page's prose.
CONTENT_ROOT_SHARE = 0.6
# Inline CSS that hides an element or moves it off screen.
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![-\w])font-size\s*:\s*(?:0(?:\.\d+)?|[12](?:\.\d+)?px)\s*(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)"
    r"|(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\s*\d{3,}"
    r"|clip\s*:\s*rect\(\s*0[a-z]*[\s,]+0[a-z]*[\s,]+0[a-z]*[\s,]+0|(?:width|height)\s*:\s*[01](?:px)?\s*;[^\"']*overflow\s*:\s*hidden",
    re.I,
)
END_MARK = re.compile(  # an article's last line
    r"[-—–_=*·•\s]*(?:END|THE END|End|end)[-—–_=*·•\s]*|[（(]\s*(?:完|全文完|END|end)\s*[）)]"
)
WHITE = re.compile(r"#f{3}(?:f{3})?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\)", re.I)
WHITE_TEXT_STYLE = re.compile(rf"(?<![-\w])color\s*:\s*(?:{WHITE.pattern})\s*(?:;|$|!)", re.I)
BACKGROUND_STYLE = re.compile(r"background(?:-color|-image)?\s*:", re.I)
# A hidden element holding this share of the page's prose is its article, which script reveals.
REVEALED_ARTICLE_SHARE = 0.5
REVEALED_ARTICLE_MIN_CHARS = 200  # of text: an article, not a hidden phrase or block of links
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
# A PDF converted to HTML places each printed line absolutely: at least this many such lines,
# holding this share of the page's text.
POSITION_ABSOLUTE = re.compile(r"position\s*:\s*absolute", re.I)
CLASS_SELECTOR = re.compile(r"\.[\w-]+")
PRINTED_LINES_MIN = 5
PRINTED_TEXT_SHARE = 0.8
# The hiding properties a later rule may set again to show what an earlier one hid.
OVERRIDABLE_PROPERTY = re.compile(r"display|visibility|font-size|opacity", re.I)
# Link farm: a block of at least this many links whose text is mostly anchor text.
LINK_FARM_MIN_LINKS = 3
LINK_FARM_MIN_RATIO = 0.6
# Inline elements whose own text, taken alone, is keyword spam are cut out of their paragraph.
INLINE_TAGS = (
    "a", "span", "font", "b", "strong", "em", "i", "u", "small", "big", "dfn", "code", "acronym", "abbr",
    "cite", "var", "kbd", "label", "ins", "mark", "s", "strike", "sub", "sup", "tt", "q", "samp",
)
INLINE_MAX_CHARS = 300
PLANTED_MAX_SHARE = 0.5
# Header of a page (not of an article) unless it holds a heading and is not mostly links.
HEADER_MAX_LINK_RATIO = 0.5
# <title> usually reads "headline_site"; its longest part names the article's headline.
HEADING_SUFFIX_SEPARATOR = re.compile(r"\s*[-_|｜–—]+\s*")  # before a suffix a mirror appends to a headline
TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s|--)\s*")
TITLE_MIN_CHARS = 4
# A <title> part heads a page without a headline when the body holds this share of its character
# bigrams, and this many (a site's name, 中国邮政网, shares 中国 and 邮政: half of its four).
TITLE_BODY_SHARE = 0.6
# or this share, sharing twice the bigrams any other part does (a headline worded apart from its
# text: 哈尔滨启用首批新能源邮车 冬季投递时效提升两成 shares 9 of 21 beside the site's 4).
TITLE_BODY_SHARE_CLEAR = 0.4
TITLE_MIN_SHARED_BIGRAMS = 4
# Block scoring for the main-content window (Kadane over blocks in document order).
PROSE_MIN_CHARS = 12
PROSE_PUNCTUATION = re.compile(r"[，。；：！？、,;:!?]")
SHORT_BLOCK_COST = 3
LINK_DENSE_RATIO = 0.5  # a block whose text is mostly anchor text
LINK_DENSE_COST_FACTOR = 2
LINKED_PROSE_MIN_CHARS = 40  # a sentence this long inside a link is prose (mirrors wrap articles in <a>)
# A removed furniture element this large leaves a barrier the window does not cross cheaply.
BARRIER_COST = 50
BARRIER_MIN_LINKS = 5
BARRIER_MIN_CHARS = 80
# A short prose block right under a linked title is a teaser of another article.
TEASER_MAX_CHARS = 200
TRUNCATION_MARKS = ("…", "...", "……")
# Lines kept around the window: headline/kicker/byline/date lines of the article.
HEAD_LOOKBACK = 6
RESTATED_SUMMARY_SHARE = 0.8  # of a summary's character bigrams the lead paragraph holds
# A page's publication date in its markup, when its text shows none.
DATE = re.compile(r"((?:19|20)\d\d)[-/.年](\d\d?)[-/.月](\d\d?)")
PUBLISHED_META_KEYS = frozenset({
    "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "publishtime", "datepublished", "dc.date.issued", "firstpublishedtime",
})
LD_JSON_PUBLISHED = re.compile(r'"(?:datePublished|pubDate)"\s*:\s*"((?:19|20)\d\d)-(\d\d?)-(\d\d?)')
SITE_NAME_META_KEYS = frozenset({"og:site_name", "application-name", "sitename", "site_name"})
SOURCE_META_KEYS = frozenset({"source", "contentsource"})  # Chinese CMSs' <meta name="source">
SOURCE_LABEL_START = re.compile(r"^(?:来源|稿源)\s*[:：]\s*")
AUTHOR_META_KEYS = frozenset({"author", "article:author"})
PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# how the names of sites, papers and bodies end, never a person's (a page's author meta naming its site)
NOT_A_PERSON_ENDINGS = ("网", "报", "社", "台", "局", "厅", "委", "办", "部", "站", "中心", "公司", "集团", "邮政", "编辑部", "客户端")
# a credit's label in a text's head: the text credits its writer itself
CREDIT_LABEL = re.compile(r"作者|记者|通讯员|撰文|撰稿|文\s*[/／|｜:：]|^\s*□")
SITE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")  # a Chinese name, not a domain or a slogan
# (香港01; 中央社 CNA, its Latin name after a space: the Chinese one)
BRANDED_SITE_NAME = re.compile(r"([\u4e00-\u9fff]{2,12}[0-9A-Za-z]{0,4})(?: [A-Z][A-Za-z.&]*(?: [A-Za-z.&]+){0,3})?")
EPAPER_SUFFIX = re.compile(r"(?<=报)(?:数字报|数字版|电子版|电子报)$")  # 某某日报数字报: the paper's e-edition
# A feed's title naming its publisher and a section (某省邮政管理局-工作动态, 要闻 | 某某日报): the
# part that names a site or a body is the publisher.
FEED_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|[-－–—]{1,2})\s*")
PUBLISHER_ENDINGS = ("局", "厅", "委", "办", "院", "部", "公司", "集团", "协会", "政府", "中心", "邮政")
SITE_NAME_ENDINGS = ("网", "报", "在线", "新闻", "频道", "电视台", "广播电视台")  # a <title>'s last part naming its site
# A portal's header of the time and the outlet it copied the story from (2025年03月28日 20:16 证券时报网),
# an outlet's name (2024-06-20 14:36 湖北: where the account posted from)
DATED_OUTLET = re.compile(
    r"(?:19|20)\d\d\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s+\d{1,2}:\d\d(?::\d\d)?\s+"
    r"([\u4e00-\u9fff]{1,12}(?:网|报|社|新闻|电视台|在线|客户端))"
)
# A paper's name as the extract stage's list ends them (经济日报, 中国邮政报, 青海新闻网), standing alone.
PAPER_NAME = re.compile(
    r"(?:^|\s)[\u4e00-\u9fff]{2,6}(?:" + "|".join(data_lines("pipeline.extract", "newspaper_suffixes.txt")) + r")(?=\s|$)"
)
SOURCE_LABEL = re.compile(r"(?:来\s*源|稿\s*源|出\s*处|转\s*(?:载\s*)?自)\s*[:：]")
# An e-paper's edition line over its pages (2023年12月05日 星期二 第06版：经济): the paper's date
EDITION_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d\d?)\s*月\s*(\d\d?)\s*日[^\n]{0,24}?第\s*[0-9A-Z]{1,3}\s*版")
EDITION_NUMBER = re.compile(r"第\s*[0-9A-Z]{1,3}\s*版")
DATE_AND_WEEKDAY = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d\d?)\s*月\s*(\d\d?)\s*日\s*(?:星期|周)[一二三四五六日天]")
PUBLISHED_TIME_CLASSES = frozenset({"published", "entry-date", "post-date", "publish-date", "pubdate"})
# An element a class token names as the time (header-time, pubtime, publish-text) holding a date
# and a time alone, however its parts are set apart (Xinhua's header: <em>2025</em><em>05</em>/<em>21</em> 10:32:15)
TIME_CLASS_TOKENS = frozenset({"time", "pubtime", "publishtime", "releasetime", "date", "pubdate", "publish"})
DATE_AND_TIME = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年\s]\s*(\d\d?)\s*[-/.月]\s*(\d\d?)\s*日?\s+\d\d?:\d\d(?::\d\d)?"
)
WECHAT_PUBLISH_TIME = re.compile(r"\bvar\s+ct\s*=\s*[\"'](\d{10})[\"']")
CHINA_TIME = timezone(timedelta(hours=8))
HEAD_LINKED_NAME_MAX_CHARS = 12
TAIL_LOOKAHEAD = 3
HEAD_MAX_CHARS = 120
# A picture's caption: a <figcaption>, or a short line right under the picture, centred or
# classed so; taken out of the text where the rest is prose of some length (not a photo report).
CAPTION_TAGS = frozenset({"p", "div", "span", "center", "font"})
CAPTION_MAX_CHARS = 80
CAPTION_CLASS = re.compile(r"caption|desc|pic.?(?:text|title|info|txt)|img.?(?:text|title|info|txt)|photo.?(?:text|info|txt)", re.I)
CAPTIONED_PROSE_MIN_CHARS = 100
CAPTIONS_PROSE_FACTOR = 2
# The photographer a caption credits last: 次旦 摄, （记者 王建国 摄）, 图/王建国, 摄影：王建国 李明.
CAPTION_CREDIT = re.compile(
    r"(?:^|(?<=[\s。，；！？）)]))[（(]?(?:(?:记者|通讯员)\s*)?"
    r"(?:([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)\s*摄|(?:图|摄影)\s*[/：:]\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*))"
    r"[）)]?$"
)
HEADLINE_MAX_CHARS = 60
META_LINE = re.compile(
    r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}|\d{1,2}月\d{1,2}日|来源|作者|记者|通讯员|编辑|发布时间|发布日期"
    r"|时间[:：]|日期[:：]|本报讯|摄影|^\s*□|^\s*(?:文字?|图片?)\s*[/：:｜|]|^\s*[（(].{0,40}[）)]\s*$"
)
CLAUSE_MARK = re.compile(r"[，。！？；]")
SENTENCE_MARK = re.compile(r"[，。！？；]|[a-z][,.!?;](?:\s|$)")  # Chinese or English: a page with none holds no article
# Where a field of a metadata line starts: a label ("来源：", "浏览次数:") after whitespace or a
# separator, or a bracketed item ("【打印本页】").
META_FIELD_SEPARATORS = " \t\u3000|｜/"
FIELD_BAR = re.compile(r"\s[|｜]\s")  # a bar set apart between fields, whatever they are
# (a field: a label, a bracket, or the page's font-size links after the source: 来源：香港文汇报 大 中 小;
# and a label of the fields such lines hold glued to the field before it, as <span>s set side by side
# give them: 2025-07-03 09:12:45来源：新疆日报分享：字号：大中小)
_LABEL_HEADS = "本文|文章|稿件|信息|新闻|责任|图片|视频|原文"
_GLUED_LABELS = "来源|稿源|作者|编辑|责任编辑|分享到|分享|字号|浏览次数|浏览量|浏览|点击数|阅读量|阅读|打印|播放次数|播放量"
META_FIELD_START = re.compile(
    # (a label of 2-6 characters, unless a name glued to a known one: 赵磊播放次数： is 赵磊, then
    # 播放次数：; 本文来源：, 责任编辑： are labels whole)
    rf"(?:(?<=^)|(?<=[\s|｜/]))(?:(?!(?!{_LABEL_HEADS})[\u4e00-\u9fff]{{1,4}}(?:{_GLUED_LABELS})\s*[:：])"
    r"[\u4e00-\u9fff]{2,6}\s*[:：]"
    r"|[大小]\s?中\s?[大小](?:\s|$))|【"
    rf"|(?<=\S)(?:{_GLUED_LABELS})\s*[:：]"
    # a credit after the counters: 浏览次数：1286　　文/品牌中心 何静
    r"|(?<=\s)(?:文|图|撰文|文字|图片|摄影|文\s*[·・/／]\s*图)\s*[/／｜|]"
)
BARE_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")
# Class/id tokens of a readers' comment section, hints of furniture as chrome_hints.txt's are, and
# furniture even inside the element holding most of the page's prose, which a long comment list
# makes its parent.
COMMENT_HINTS = frozenset({"comment", "comments", "cmt", "cmts", "pinglun", "reply", "replies", "discuss"})
TITLE_HINT = re.compile(r"title|headline|heading|subject|tit\b|biaoti", re.I)
LOGO_HINTS = frozenset({"logo", "sitelogo", "sitename"})  # class/id words of the site's name
# A platform page's publishing account in its date line: an element so classed (WeChat's
# js_name, news apps' nickname or media-name), or a link to the account's profile page.
ACCOUNT_HINT = re.compile(r"nickname|\bjs_name\b|account[-_]?name|media[-_]?name", re.I)
ACCOUNT_LINK = re.compile(r"/(?:c/)?user/|/profile\b|/dy/media/|/author\?|mp\.sohu\.com", re.I)
DECK_HINT = re.compile(r"(?:^|[\s_-])(?:sub[-_]?title|subtit|fbt|fubiaoti)(?:$|[\s_-])", re.I)  # a deck's class/id
RIGHTS_NOTICE = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,12}(?:版权说明|版权声明|免责声明)\s*[:：]")
# A summary's label in English or naming English, its text after it on the line or under it
TRANSLATED_SUMMARY_LABEL = re.compile(r"(?:English\s+Summary|Summary|Abstract|英文摘要|英文概要)\s*[:：]?\s*(.*)$", re.I)
PAPER_HEAD_CLASSES = re.compile(r"^(?:yt|bt)$")  # an e-paper's kicker and headline rows (引题, 标题)
PAPER_DECK_CLASS = re.compile(r"^ft$")  # and its deck (副题)
DECK_DASHES = ("——", "—", "－－", "--")  # before a deck's text, the first written where none is
ACCOUNT_FIELD = "来源：{}"  # the date line's account, labelled as the source
ACCOUNT_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,20}")
# A script writing markup into the page: document.write("…" + '…'), unescape("%u897F…") around it.
JS_STRING_LITERAL = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
DOCUMENT_WRITE = re.compile(
    r"document\.write(?:ln)?\(\s*(?P<unescape>unescape\(\s*)?"
    rf"(?P<strings>(?:{JS_STRING_LITERAL.pattern})(?:\s*\+\s*(?:{JS_STRING_LITERAL.pattern}))*)"
)
JS_STRING_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|(.))", re.S)
JS_PERCENT_ESCAPE = re.compile(r"%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")
