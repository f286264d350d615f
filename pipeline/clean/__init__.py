"""Stage 2, clean: markup, hidden blocks, site chrome and spam lines out; the article stays.

Public interface: ``Cleaner().clean(text) -> CleanedText``.
"""

from pipeline.clean.cleaner import CleanedText, Cleaner

__all__ = ["CleanedText", "Cleaner"]
