"""Stage 1, decode: raw bytes to the Unicode text the author wrote.

Public interface (used by ``pipeline.process`` and the benchmarks):
``Decoder().decode(raw) -> DecodedText``; raises ``DecodeError`` for input that
is not text.
"""

from pipeline.decode.decoder import DecodedText, DecodeError, Decoder

__all__ = ["DecodedText", "DecodeError", "Decoder"]
