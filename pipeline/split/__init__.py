"""Stage 3, split: a page of text into stories, each with its own headline and byline.

Public interface: ``Splitter().split(text) -> SplitPage`` (``split_article`` for a text known to be one
article).
"""

from pipeline.split.splitter import SplitPage, Splitter, StoryParts

__all__ = ["SplitPage", "Splitter", "StoryParts"]
