"""The clean stage: HTML pages go through main-content extraction, text through line cleanup."""

from dataclasses import dataclass

from pipeline.clean import rules
from pipeline.clean.html import HtmlExtractor, looks_like_html
from pipeline.clean.spamlines import JunkLineJudge, clean_lines


@dataclass(frozen=True)
class CleanedText:
    text: str
    spam_chars_removed: int  # characters of markup, furniture and spam taken out
    repairs: tuple[str, ...] = ()


class Cleaner:
    def __init__(self) -> None:
        self._judge = JunkLineJudge()
        self._html = HtmlExtractor(self._judge)

    def clean(self, text: str) -> CleanedText:
        visible = text.translate(rules.INVISIBLE_CHARACTERS)
        repairs: tuple[str, ...] = ("invisible_chars_removed",) if len(visible) != len(text) else ()
        if looks_like_html(visible):
            cleaned = self._html.extract(visible)
            repairs += ("html_extracted",)
        else:
            result = clean_lines(visible, self._judge)
            cleaned = result.text
            repairs += ("markup_stripped",) if result.markup_removed else ()
            repairs += ("spam_lines_removed",) if result.junk_lines_removed else ()
        return CleanedText(cleaned, max(0, len(text) - len(cleaned)), repairs)
