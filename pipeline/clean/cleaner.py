"""Spam and markup removal (first version: tags stripped by regex)."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CleanedText:
    text: str
    spam_chars_removed: int
    repairs: tuple[str, ...] = ()


_TAG = re.compile(r"<[^<>\n]{0,500}>")


class Cleaner:
    def clean(self, text: str) -> CleanedText:
        stripped = _TAG.sub("", text)
        return CleanedText(stripped, len(text) - len(stripped))
