"""Big5 text that lost its backslash bytes. PHP's stripslashes() (magic quotes undone once too
often) removes every 0x5C, the second byte of some characters (許 B3 5C, 功 A5 5C): the lead
then pairs with the next byte and the text reads one byte off, until a second such character
lost its 0x5C too (許成功 as 釵言: B3 | A6 A8 | A5 | …) or an ASCII byte resynchronises. No mark
shows it: each reading is a valid character.

Restored where the text holds neither a backslash nor any character ending in 0x5C (a text
of some length holds 許 or 功), by putting 0x5C back after two leads, the reading between them
shifted, where that reads clearly better. A run left shifted up to an ASCII byte ends in a lone
lead, which the misalignment repair sees.
"""

import re

from pipeline.decode.textmodel import TextModel

BACKSLASH = b"\\"
# Characters ending in 0x5C common enough to be looked for (log-probability in the model): 功,
# 許, 蓋, 擺, 淚, 餐 ...; rarer ones are never worth a repair's risk.
COMMON_LOGP = -11.5
# A reading at the first lead this rare or rarer (釵 of 許成功): where a 0x5C may be lost.
RARE_LOGP = -10.5
MAX_SHIFTED_CHARS = 12  # the second lost 0x5C within this many characters of the first
CONTEXT = 2  # characters each side scored with a repair
# The text read as it is has a character fewer than the repair: that character's cost, about a
# common character's, is allowed for.
ADDED_CHAR_ALLOWANCE = 6.0
MIN_SITE_GAIN = 3.0  # nats over the text as read, at each place repaired
MIN_GAIN = 8.0  # and over all the places the same misreading stands (a name recurs: 釵言 for 許成功)
DOUBLE_BYTE_RUN = re.compile(r"[^\x00-\x7f]+")


class StrippedBackslashRepairer:
    def __init__(self, model: TextModel, codec: str) -> None:
        self._model = model
        self._codec = codec
        self._ending_in_backslash = set()
        self._leads = set()  # leads of the common characters ending in 0x5C
        for lead in range(0x81, 0xFF):
            try:
                ch = bytes((lead, BACKSLASH[0])).decode(codec)
            except UnicodeDecodeError:
                continue
            self._ending_in_backslash.add(ch)
            if self._char_logp(ch) >= COMMON_LOGP:
                self._leads.add(lead)

    def repair(self, text: str) -> tuple[str, int]:
        """(text with the lost backslash bytes back, places restored)."""
        if "\\" in text or not self._ending_in_backslash.isdisjoint(text):
            return text, 0
        fixes = []  # (start, end, misread, repaired, gain)
        for run in DOUBLE_BYTE_RUN.finditer(text):
            fixes += self._run_fixes(run.group(), run.start(), text)
        total: dict[tuple[str, str], float] = {}
        for _, _, misread, repaired, gain in fixes:
            total[misread, repaired] = total.get((misread, repaired), 0.0) + gain
        kept = [fix for fix in fixes if total[fix[2], fix[3]] >= MIN_GAIN]
        out, pos = [], 0
        for start, end, _, repaired, _ in kept:
            out += [text[pos:start], repaired]
            pos = end
        out.append(text[pos:])
        return "".join(out), len(kept)

    def _run_fixes(self, run: str, offset: int, text: str) -> list[tuple[int, int, str, str, float]]:
        """The places in ``run`` (at ``offset`` in ``text``) where putting two 0x5C back reads better."""
        try:
            raw = run.encode(self._codec)
        except UnicodeEncodeError:
            return []
        if len(raw) != 2 * len(run):  # (a character of one byte, or four: no plain pairs)
            return []
        fixes = []
        index = 0
        while index < len(run):
            at, end = offset + index, offset + len(run)
            fix = self._fix_at(raw, index, run, text[max(0, at - CONTEXT):at], text[end:end + CONTEXT])
            if fix is None:
                index += 1
                continue
            repaired, consumed, gain = fix
            fixes.append((at, at + consumed, run[index:index + consumed], repaired, gain))
            index += consumed
        return fixes

    def _fix_at(self, raw: bytes, index: int, chars: str, before: str, right: str) -> tuple[str, int, float] | None:
        """The reading of the characters from ``index`` with 0x5C after their first lead and
        after a later lead of the shifted reading, how many characters it replaces and its
        gain; None where none reads better by MIN_SITE_GAIN."""
        start = 2 * index
        if raw[start] not in self._leads or self._char_logp(chars[index]) > RARE_LOGP:
            return None
        best, best_gain = None, MIN_SITE_GAIN
        for second in range(start + 1, min(len(raw), start + 2 * MAX_SHIFTED_CHARS), 2):
            if raw[second] not in self._leads:
                continue
            try:
                repaired = (raw[start:start + 1] + BACKSLASH + raw[start + 1:second + 1] + BACKSLASH).decode(self._codec)
            except UnicodeDecodeError:
                continue
            consumed = (second + 1 - start) // 2
            after = chars[index + consumed:index + consumed + CONTEXT] or right
            gain = self._logp(before + repaired + after) - self._logp(before + chars[index:index + consumed] + after)
            gain += ADDED_CHAR_ALLOWANCE * (len(repaired) - consumed)
            if gain > best_gain:
                best, best_gain = (repaired, consumed, gain), gain
        return best

    def _char_logp(self, ch: str) -> float:
        return self._model.char_logp(self._model.simplified(ch))

    def _logp(self, text: str) -> float:
        return self._model.logp(self._model.simplified(text))
