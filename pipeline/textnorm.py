"""A normalised copy of a text that remembers where every character came from.

Matching runs on the copy (NFKC: full-width digits and Latin become ASCII, half-width
katakana becomes full-width, 〜/－ become ~/-), while offsets are reported in the original
text, as the contract requires.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# Half-width (semi-)voiced sound marks combine with the preceding half-width kana: ﾋﾞ -> ビ.
_HALFWIDTH_MARKS = frozenset("\uff9e\uff9f")
# Characters NFKC leaves alone that Japanese text uses interchangeably with ASCII ones.
_EXTRA = {
    "\u301c": "~",  # 〜 wave dash
    "\u2212": "-",  # − minus sign
    "\u2010": "-",  # ‐ hyphen
    "\u2011": "-",
    "\u2013": "-",  # – en dash
    "\u2014": "-",  # — em dash (used as a range mark too)
    "\u30fc": "\u30fc",  # ー stays: it is part of katakana words
}
_LINE_BREAKS = frozenset("\r\n")


def _needs_a_look_regex() -> re.Pattern:
    """Where ``normalize_with_map`` must look at a character on its own: a BMP character NFKC
    changes, one of ``_EXTRA``, a line break, any character outside the BMP (kept out of the
    class for size) and a character followed by a half-width sound mark. Everything between
    two such places is copied as it is, which is what the character loop would do with it."""
    changing = [cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF
                and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)]
    changing += [ord(c) for c in (*_EXTRA, *_LINE_BREAKS)]
    ranges: list[list[int]] = []
    for cp in sorted(set(changing)):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    marks = "".join(sorted(_HALFWIDTH_MARKS))
    return re.compile(f"[{cls}\U00010000-\U0010ffff]|.(?=[{marks}])", re.DOTALL)


_NEEDS_A_LOOK = _needs_a_look_regex()


def char_at(text: str, index: int) -> str:
    """``text[index]``, or "" outside the text: neighbours of a match at either end."""
    return text[index] if 0 <= index < len(text) else ""


def _is_word_char(ch: str) -> bool:
    """True for characters that can sit on both sides of a line break inside a word."""
    if not ch or ch.isspace():
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or ch in "ー・.,"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the normalised copy; ``starts[i]``/``ends[i]`` give the original span of text[i]."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the normalised text to the original text."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_normalized(self, original_offset: int) -> int:
        """First index of the normalised text whose original start is >= ``original_offset``."""
        return bisect_left(self.starts, original_offset)

    def lowercased(self) -> "NormalizedText":
        """The same text lower-cased with lengths and offset map unchanged, without redoing NFKC
        (``str.lower``; character by character, as ``normalize_with_map(..., lowercase=True)``
        does, where that would change a length)."""
        low = self.text.lower()
        if len(low) != len(self.text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
        return NormalizedText(self.original, low, self.starts, self.ends)


def normalize_with_map(text: str, *, join_broken_lines: bool = True, lowercase: bool = False) -> NormalizedText:
    """NFKC-normalise ``text`` character by character, keeping an offset map.

    ``join_broken_lines`` drops a line break that sits between two word characters
    (``エヌビ\\nディア`` -> ``エヌビディア``, ``1\\n兆円`` -> ``1兆円``): Japanese has no spaces,
    so such a break is line wrapping, not a boundary. ``lowercase`` folds ASCII case for
    case-insensitive matching without changing lengths.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        look = _NEEDS_A_LOOK.search(text, i)
        stop = look.start() if look else n
        if stop > i:  # a run NFKC leaves as it is: copied whole (most of a Japanese text)
            run = text[i:stop]
            if lowercase:
                run = "".join(c.lower() if len(c.lower()) == 1 else c for c in run)
            out.append(run)
            starts.extend(range(i, stop))
            ends.extend(range(i + 1, stop + 1))
            i = stop
            if i >= n:
                break
        ch = text[i]
        j = i + 1
        if ch in _LINE_BREAKS and join_broken_lines:
            # A run of line breaks (\r\n too) between word characters is dropped.
            k = i
            while k < n and text[k] in _LINE_BREAKS:
                k += 1
            prev = text[i - 1] if i > 0 else ""
            nxt = text[k] if k < n else ""
            # Latin text wraps at spaces, so a break between two ASCII words is a boundary.
            both_ascii = prev.isascii() and nxt.isascii()
            if (k - i <= 2 and _is_word_char(prev) and _is_word_char(nxt) and not both_ascii
                    and not (k - i == 2 and text[i:k] != "\r\n")):
                i = k
                continue
        while j < n and text[j] in _HALFWIDTH_MARKS:
            j += 1
        piece = text[i:j]
        norm = _EXTRA.get(piece) or unicodedata.normalize("NFKC", piece)
        if lowercase:
            norm = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
        out.append(norm)
        starts.extend([i] * len(norm))
        ends.extend([j] * len(norm))
        i = j
    return NormalizedText(text, "".join(out), tuple(starts), tuple(ends))
