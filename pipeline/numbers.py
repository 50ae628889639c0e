"""Parse a number written any way Japanese news writes one, exactly.

``parse_number`` is a pure function from a numeral to a :class:`decimal.Decimal` (``None``
when the text is not a number). It accepts:

* Arabic numerals, comma-grouped or not, with a decimal point (``3,800``, ``1.05``), in any
  width (``３，８００``); ``・`` between digits is a decimal point (``66・0``, ``一・〇五``);
* kanji digits read digit by digit (``二〇二五``) or positionally (``三千八百``, ``千``), with
  the old forms 壱弐参拾萬 and Arabic coefficients (``2千``);
* the myriad scales 万/億/兆/京 in strictly descending order, mixing styles per group
  (``7億4,300万``, ``1兆2000億``, ``1.2兆``, ``1兆3986.64億``);
* an English scale after an Arabic number (``1.5B``, ``2.5 billion``, ``300 million``);
* an optional sign (``-``, ``+``, ``▲``, ``△``, ``マイナス``, ``プラス``);
* whitespace or line breaks anywhere (``4,218 億``, ``1\\n兆``): wrapped text still reads as one
  number.

Decimal keeps every value exact (``0.1 * 3`` style float drift would corrupt a table); callers
convert to float at the very end. Vague numbers (``数十億``) are not numbers: ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from types import MappingProxyType
from typing import Mapping

# Read-only tables: they describe the writing system, not a configurable vocabulary.
KANJI_DIGITS: Mapping[str, int] = MappingProxyType({
    "〇": 0, "零": 0, "一": 1, "壱": 1, "二": 2, "弐": 2, "三": 3, "参": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
})
SMALL_SCALES: Mapping[str, int] = MappingProxyType({"十": 10, "拾": 10, "百": 100, "千": 1000})
BIG_SCALES: Mapping[str, Decimal] = MappingProxyType({
    "万": Decimal(10) ** 4, "萬": Decimal(10) ** 4, "億": Decimal(10) ** 8,
    "兆": Decimal(10) ** 12, "京": Decimal(10) ** 16,
})
ENGLISH_SCALES: Mapping[str, Decimal] = MappingProxyType({
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mil": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "t": Decimal(10) ** 12,
    # Indian English: Rs 7,600 crore
    "lakh": Decimal(10) ** 5, "crore": Decimal(10) ** 7,
})
# Longest first so that "mn" is not read as "m" + "n".
_SIGNS: tuple[tuple[str, int], ...] = (("マイナス", -1), ("プラス", 1), ("-", -1), ("+", 1), ("▲", -1), ("△", -1))
ZERO_WORDS = frozenset({"ゼロ"})

_ARABIC_RE = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_ENGLISH_RE = re.compile(
    r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(?P<scale>"
    + "|".join(sorted(ENGLISH_SCALES, key=len, reverse=True)) + r")",
    re.IGNORECASE,
)
_KANJI_DIGIT_CHARS = "".join(KANJI_DIGITS)
_BIG_SPLIT_RE = re.compile("([" + "".join(BIG_SCALES) + "])")
# A decimal point written as ・ (nakaguro) only counts between two digits of either script.
_NAKAGURO_DECIMAL_RE = re.compile(r"(?<=[0-9" + _KANJI_DIGIT_CHARS + r"])・(?=[0-9" + _KANJI_DIGIT_CHARS + r"])")


# Minus-like characters NFKC leaves alone (the same set as pipeline.textnorm).
_MINUS = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


def _clean(text: str) -> str:
    """NFKC, ASCII minus, no whitespace, ・ between digits as a decimal point."""
    text = unicodedata.normalize("NFKC", text).translate(_MINUS)
    text = "".join(ch for ch in text if not ch.isspace())
    return _NAKAGURO_DECIMAL_RE.sub(".", text)


def _split_sign(text: str) -> tuple[int, str]:
    for word, sign in _SIGNS:
        if text.startswith(word):
            return sign, text[len(word):]
    return 1, text


def _parse_arabic(text: str) -> Decimal | None:
    if not _ARABIC_RE.fullmatch(text):
        return None
    return Decimal(text.replace(",", ""))


def _parse_kanji_digit_string(text: str) -> Decimal | None:
    """``二〇二五`` -> 2025, ``一.〇五`` -> 1.05: kanji digits read one by one."""
    whole, dot, frac = text.partition(".")
    if not whole or (dot and not frac):
        return None
    if any(ch not in KANJI_DIGITS for ch in whole + frac):
        return None
    digits = "".join(str(KANJI_DIGITS[ch]) for ch in whole)
    if frac:
        digits += "." + "".join(str(KANJI_DIGITS[ch]) for ch in frac)
    return Decimal(digits)


def _parse_coefficient(text: str) -> int | None:
    """The digit before 十/百/千: one kanji or Arabic digit 1-9 (``三千``, ``2千``)."""
    if len(text) != 1:
        return None
    value = KANJI_DIGITS.get(text)
    if value is None and text.isascii() and text.isdigit():
        value = int(text)
    return value if value else None


def _parse_positional(text: str) -> Decimal | None:
    """``三千八百五`` -> 3805, ``千`` -> 1000, ``2千500`` -> 2500: below 10,000, integers only.

    Accounting style is the exception: an Arabic number of any size times one place word
    (``1,234百`` as in 1,234百万円, ``3,500千`` as in 3,500千円).
    """
    if text[-1] in SMALL_SCALES and text[:-1].isascii():
        multiplier = _parse_arabic(text[:-1])
        if multiplier is not None and (len(text) > 2 or "." in text):
            return multiplier * SMALL_SCALES[text[-1]]
    total = 0
    last_unit = 10_000
    pending = ""
    for ch in text:
        unit = SMALL_SCALES.get(ch)
        if unit is None:
            pending += ch
            continue
        if unit >= last_unit:
            return None  # 十 after 百 is fine, 百 after 十 is not
        coef = _parse_coefficient(pending) if pending else 1
        if coef is None:
            return None
        total += coef * unit
        last_unit = unit
        pending = ""
    if pending:
        rest = _parse_arabic(pending) if pending.isascii() else _parse_kanji_digit_string(pending)
        if rest is None or rest != rest.to_integral_value() or rest >= last_unit:
            return None
        if not pending.isascii() and len(pending) > 1:
            return None  # 三千八五 is not a way to write 3,805
        total += int(rest)
    return Decimal(total)


def _parse_group(text: str) -> Decimal | None:
    """One group between myriad scales: Arabic, kanji digits, or positional kanji."""
    if not text:
        return None
    if text.isascii():
        return _parse_arabic(text)
    if any(ch in SMALL_SCALES for ch in text):
        return _parse_positional(text)
    return _parse_kanji_digit_string(text)


def _parse_myriads(text: str) -> Decimal | None:
    """Groups joined by 万/億/兆/京, scales strictly descending: ``7億4,300万``."""
    parts = _BIG_SPLIT_RE.split(text)
    # parts = [group, scale, group, scale, ..., trailing group]
    total = Decimal(0)
    previous_scale: Decimal | None = None
    pairs = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    trailing = parts[-1]
    groups = [g for g, _ in pairs] + ([trailing] if trailing else [])
    for index, (group, scale_word) in enumerate(pairs):
        scale = BIG_SCALES[scale_word]
        if previous_scale is not None and scale >= previous_scale:
            return None
        value = _parse_group(group)
        if value is None:
            return None
        if previous_scale is not None and value >= previous_scale / scale:
            return None  # 1億10000万 is not a number anyone writes
        total += value * scale
        previous_scale = scale
    if trailing:
        value = _parse_group(trailing)
        if value is None:
            return None
        if previous_scale is not None and value >= previous_scale:
            return None
        total += value
    # A decimal point only in the last group: 1.5億3000万 is not a number.
    if any("." in g for g in groups[:-1]):
        return None
    return total


def parse_number(text: str) -> Decimal | None:
    """The exact value of a numeral, or None when ``text`` is not one number."""
    cleaned = _clean(text)
    sign, body = _split_sign(cleaned)
    if not body:
        return None
    if body in ZERO_WORDS:
        return Decimal(0)
    english = _ENGLISH_RE.fullmatch(body)
    if english:
        return sign * Decimal(english["num"].replace(",", "")) * ENGLISH_SCALES[english["scale"].lower()]
    value = _parse_myriads(body)
    return None if value is None else sign * value


def trailing_scale(text: str) -> Decimal:
    """The multiplier of the scale word a numeral ends with (``150億`` -> 10**8), else 1.

    A range such as ``100～150億ドル`` shares this scale with its bare left end.
    """
    cleaned = _clean(text).rstrip()
    if cleaned and cleaned[-1] in BIG_SCALES:
        return BIG_SCALES[cleaned[-1]]
    english = _ENGLISH_RE.fullmatch(_split_sign(cleaned)[1])
    if english:
        return ENGLISH_SCALES[english["scale"].lower()]
    return Decimal(1)
