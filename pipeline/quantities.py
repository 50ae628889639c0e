"""MONEY and PERCENT mentions with exact values, currencies, units and qualifiers.

Matching runs on the NFKC copy of the text (``normalize_with_map``), so ３，８００億 and ﾄﾞﾙ need
no special cases, and offsets are mapped back to the original text at the end. The steps:

1. numbers: every numeral (with its sign, and vague ones such as ``数十億``), parsed exactly by
   :func:`pipeline.numbers.parse_number`;
2. units: a currency symbol before (``$1.5B``) or a unit after (``億ドル``, ``%``, ``割``,
   ``ポイント``); a number without one is not a mention (years, counts, phone numbers);
3. ranges: ``10～15%``, ``100億～150億ドル`` and ``100～150億ドル`` (the bare left end borrows
   the right end's scale and unit) become one mention;
4. qualifiers: the words right before and after the span (outside it, per the contract). One
   per mention, by ``qualifier_precedence`` (vague > range > max > min > over > under > approx):
   structure first, then a bound written before the number, then a comparative written after
   it, then approximation, because a bound tells more than an approximation (最大で約7% -> max).

Vocabulary (currencies, unit words, qualifier words, context words) is data in
``configs/currencies.json`` and ``configs/quantities.json``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .mention import Mention
from .numbers import BIG_SCALES, ENGLISH_SCALES, KANJI_DIGITS, SMALL_SCALES, parse_number, trailing_scale
from .resources import load_json
from .textnorm import normalize_with_map

# Longest prefix word or context word looked for before a number, in characters.
_WINDOW = 24
# At most one space between a number and its scale or unit (NFKC turns U+3000 into a space):
# "4,218 億 円" is one amount, "89 674 804" is not one number.
_SP = "[ \t]?"
_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.・][0-9]+)?"
_KANJI_DIGITS = "".join(KANJI_DIGITS)
_KANJI_NUM_CHARS = _KANJI_DIGITS + "".join(SMALL_SCALES)
_BIG = "[" + "".join(BIG_SCALES) + "]"
# One group between myriad scales; parse_number decides whether it is well formed.
_GROUP = rf"(?:{_ARABIC}|[{_KANJI_NUM_CHARS}])+(?:・[{_KANJI_DIGITS}]+)?"
_PRECISE = rf"{_GROUP}(?:{_SP}{_BIG}(?:{_GROUP})?)*"
_DIGIT_CHARS = "0123456789" + _KANJI_DIGITS


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


@dataclass(frozen=True, slots=True)
class _Number:
    """A numeral in the normalised text: [start, end), sign included."""

    start: int
    end: int
    value: Decimal | None  # None for vague numerals (数十億)
    scale: Decimal  # multiplier of the final scale word (億 -> 10**8), 1 when none
    english: bool  # has an English scale (1.5B): never a percentage


@dataclass(frozen=True, slots=True)
class _Unit:
    """What makes a number an amount: label, currency/unit and a multiplier."""

    label: str  # MONEY or PERCENT
    currency: str | None
    unit: str | None  # percent / point for PERCENT
    factor: Decimal  # value = number * factor (% -> 0.01, 銭 -> 0.01)
    extra: Decimal = Decimal(0)  # added after the factor: 3割5分 -> +0.05, 75円32銭 -> +0.32


@dataclass(frozen=True, slots=True)
class _Quantity:
    """A number with its unit, before qualifiers: normalised offsets."""

    start: int
    end: int
    unit: _Unit
    value: Decimal | None
    value_max: Decimal | None = None
    is_range: bool = False


class QuantityFinder:
    """Finds MONEY and PERCENT mentions in a text (original offsets, sorted, non-overlapping)."""

    def __init__(
        self,
        *,
        currencies: Mapping[str, str],
        prefix_currencies: Mapping[str, str] | None = None,
        suffix_symbols: Mapping[str, str] | None = None,
        subunits: Mapping[str, Mapping[str, str]] | None = None,
        currency_not_followed_by: Mapping[str, str] | None = None,
        percent_units: Sequence[str] = ("%",),
        point_units: Sequence[str] = (),
        bare_point_units: Sequence[str] = (),
        point_max: float = 100,
        point_not_followed_by: str | None = None,
        ratio_units: Mapping[str, str] | None = None,
        ratio_not_followed_by: str | None = None,
        english_scales: Sequence[str] = (),
        negative_signs: Sequence[str] = ("-",),
        positive_signs: Sequence[str] = (),
        range_separators: Sequence[str] = ("~",),
        vague_markers: Sequence[str] = ("数",),
        prefix_qualifiers: Mapping[str, Sequence[str]] | None = None,
        suffix_qualifiers: Mapping[str, Sequence[str]] | None = None,
        qualifier_precedence: Sequence[str] = ("vague", "range", "max", "min", "over", "under", "approx"),
        non_quantity_context: Sequence[str] = (),
        exclusions: Sequence[str] = (),
        reference_before: str | None = None,
        point_not_preceded_by: str | None = None,
    ) -> None:
        # Every surface is matched on NFKC text, so the config may use any width.
        self._suffix_currencies = {_nfkc(k): v for k, v in currencies.items()}
        self._prefix_currencies = {_nfkc(k): v for k, v in (prefix_currencies or {}).items()}
        self._suffix_symbols = {_nfkc(k): v for k, v in (suffix_symbols or {}).items()}
        self._subunits = {
            _nfkc(k): (v["currency"], Decimal(v["factor"]), _nfkc(v.get("after", "")))
            for k, v in (subunits or {}).items()
        }
        # 75円32銭: a subunit count right after its main unit, by main unit.
        self._subunit_tails = {
            after: (re.compile(r"([0-9]{1,2})" + re.escape(sub)), factor)
            for sub, (_currency, factor, after) in self._subunits.items() if after
        }
        self._currency_not_followed_by = {
            _nfkc(k): re.compile(v) for k, v in (currency_not_followed_by or {}).items()
        }
        self._percent_units = frozenset(_nfkc(u) for u in percent_units)
        self._point_units = frozenset(_nfkc(u) for u in point_units)
        self._bare_point_units = frozenset(_nfkc(u) for u in bare_point_units)
        self._point_max = Decimal(str(point_max))
        self._point_not_followed_by = re.compile(point_not_followed_by) if point_not_followed_by else None
        # TOPIX is 12.40ポイント高: an index moves by index points, not percentage points
        self._point_not_preceded_by = re.compile("(?:" + point_not_preceded_by + r")[^。\n]{0,12}\Z") \
            if point_not_preceded_by else None
        self._ratio_units = {_nfkc(k): Decimal(v) for k, v in (ratio_units or {}).items()}
        self._ratio_words = tuple(self._ratio_units)  # 割, then its continuations 分, 厘
        self._ratio_not_followed_by = re.compile(ratio_not_followed_by) if ratio_not_followed_by else None
        self._qualifier_rank = {q: i for i, q in enumerate(qualifier_precedence)}
        # 市場予想の約450億円を下回った: the comparison is about another figure, not this one
        self._reference_before = re.compile("(?:" + reference_before + r")\s*\Z") if reference_before else None
        self._non_quantity_context = tuple(sorted((_nfkc(w) for w in non_quantity_context), key=len, reverse=True))
        self._exclusions = tuple(re.compile(p) for p in exclusions)
        self._range_separators = frozenset(_nfkc(s) for s in range_separators)

        unknown = [w for w in english_scales if w.lower() not in ENGLISH_SCALES]
        if unknown:
            raise ValueError(f"english_scales not known to pipeline.numbers: {unknown}")

        # Suffix units in one alternation, longest first; the word decides the kind.
        self._suffix_kinds: dict[str, str] = {}
        for word in self._suffix_symbols:
            self._suffix_kinds[word] = "symbol"
        for word in self._suffix_currencies:
            self._suffix_kinds[word] = "currency"
        for word in self._subunits:
            self._suffix_kinds[word] = "subunit"
        for word in self._percent_units:
            self._suffix_kinds[word] = "percent"
        for word in self._point_units:
            self._suffix_kinds[word] = "point"
        if self._ratio_words:
            self._suffix_kinds[self._ratio_words[0]] = "ratio"  # 割 starts a ratio; 分/厘 only continue it
        self._suffix_re = re.compile(_SP + "(" + _alternation(self._suffix_kinds) + ")")
        self._prefix_re = re.compile("(" + _alternation(self._prefix_currencies) + ")" + _SP + r"\Z") \
            if self._prefix_currencies else None
        self._ratio_tail_re = re.compile(
            "".join(rf"(?:{_SP}([{_DIGIT_CHARS}]){re.escape(w)})?" for w in self._ratio_words[1:])
        )

        # a sign written as an ASCII character must not follow a word or a number (A-1, 3+4)
        def sign_re(sign: str) -> str:
            sign = _nfkc(sign)
            return rf"(?<![0-9A-Za-z.,])(?<![0-9] ){re.escape(sign)}" if sign in "-+" else re.escape(sign)

        self._negative_signs = {_nfkc(x) for x in negative_signs}
        signs = [sign_re(x) for x in [*negative_signs, *positive_signs]]
        vague = "[" + "".join(re.escape(_nfkc(m)) for m in vague_markers) + "]"
        small = "[" + "".join(SMALL_SCALES) + "]"
        vague_part = rf"(?:[{_DIGIT_CHARS}]?{small})?{vague}{small}?{_BIG}?"
        english = ""
        if english_scales:
            # A one-letter scale must touch the number ($1.5B); "$5 M&A" is not five million.
            words = [w for w in english_scales if len(w) > 1]
            letters = [w for w in english_scales if len(w) == 1]
            scale = "|".join(p for p in (
                f"{_SP}(?:{_alternation(words)})" if words else "",
                f"(?:{_alternation(letters)})" if letters else "",
            ) if p)
            english = rf"(?P<english>{_ARABIC}(?:{scale})(?![A-Za-z]))|"
        self._number_re = re.compile(
            rf"(?P<sign>{'|'.join(signs)})?"
            rf"(?:(?P<vague>(?:{_GROUP}{_SP}{_BIG})*{vague_part})|{english}(?P<precise>{_PRECISE}|ゼロ))"
        )

        self._prefix_qualifiers = self._qualifier_patterns(prefix_qualifiers or {}, suffix=False)
        self._suffix_qualifiers = self._qualifier_patterns(suffix_qualifiers or {}, suffix=True)

    @staticmethod
    def _qualifier_patterns(words: Mapping[str, Sequence[str]], *, suffix: bool) -> tuple[tuple[re.Pattern, str], ...]:
        """(compiled pattern, qualifier) pairs. Suffix entries may be regexes (超(?!過)); prefix
        entries are literal words anchored at the end of the preceding text."""
        pairs = []
        for kind, entries in words.items():
            for entry in entries:
                entry = _nfkc(entry)
                pattern = _SP + entry if suffix else "(?:" + re.escape(entry) + ")" + _SP + r"\Z"
                pairs.append((re.compile(pattern), kind, len(entry)))
        pairs.sort(key=lambda p: -p[2])
        return tuple((p, k) for p, k, _ in pairs)

    @classmethod
    def from_config(cls, config_dir: str | Path | None = None) -> "QuantityFinder":
        cur = load_json("currencies.json", config_dir)
        qty = load_json("quantities.json", config_dir)
        quals = qty.get("qualifiers", {})
        return cls(
            currencies=cur["suffix"],
            prefix_currencies=cur.get("prefix", {}),
            suffix_symbols=cur.get("suffix_symbols", {}),
            subunits=cur.get("subunits", {}),
            currency_not_followed_by=cur.get("not_followed_by", {}),
            percent_units=qty.get("percent_units", ["%"]),
            point_units=qty.get("point_units", []),
            bare_point_units=qty.get("bare_point_units", []),
            point_max=qty.get("point_max", 100),
            point_not_followed_by=qty.get("point_not_followed_by"),
            ratio_units=qty.get("ratio_units", {}),
            ratio_not_followed_by=qty.get("ratio_not_followed_by"),
            english_scales=qty.get("english_scales", []),
            negative_signs=qty.get("negative_signs", ["-"]),
            positive_signs=qty.get("positive_signs", []),
            range_separators=qty.get("range_separators", ["~"]),
            vague_markers=qty.get("vague_markers", ["数"]),
            prefix_qualifiers=quals.get("prefix", {}),
            suffix_qualifiers=quals.get("suffix", {}),
            qualifier_precedence=qty.get("qualifier_precedence", ["vague", "range", "max", "min", "over", "under", "approx"]),
            non_quantity_context=qty.get("non_quantity_context", []),
            reference_before=qty.get("reference_before"),
            point_not_preceded_by=qty.get("point_not_preceded_by"),
            exclusions=qty.get("exclusions", []),
        )

    # ------------------------------------------------------------------ numbers

    def _numbers(self, s: str) -> list[_Number]:
        """Every numeral of the normalised text, left to right, not overlapping."""
        found: list[_Number] = []
        pos = 0
        while True:
            m = self._number_re.search(s, pos)
            if m is None:
                return found
            number = self._number_from_match(s, m)
            if number is None:
                pos = m.start() + 1  # e.g. a kanji word glued to a numeral: retry one character later
                continue
            found.append(number)
            pos = m.end()

    def _number_from_match(self, s: str, m: re.Match) -> _Number | None:
        body_start = m.start("vague") if m["vague"] is not None else (
            m.start("english") if m.groupdict().get("english") is not None else m.start("precise"))
        first = s[body_start]
        if first.isascii() and first.isdigit() and m["sign"] is None and _glued(s, m.start()):
            if not self._ends_with_prefix_currency(_before(s, m.start())):
                return None
        if m["vague"] is not None:
            # 数十億: no value, but the scale still matters for a range's bare left end.
            return _Number(m.start(), m.end(), None, trailing_scale(m["vague"]), False)
        body = s[body_start:m.end()]
        value = parse_number(body)
        if value is None:
            return None
        if m["sign"] is not None and m["sign"] in self._negative_signs:
            value = -value  # ▲, △, マイナス, -; a plus sign (＋18.2％) stays in the span, positive
        english = m.groupdict().get("english") is not None
        return _Number(m.start(), m.end(), value, trailing_scale(body), english)

    def _ends_with_prefix_currency(self, before: str) -> bool:
        return self._prefix_re is not None and self._prefix_re.search(before) is not None

    # ------------------------------------------------------------------ units

    def _suffix_unit(self, s: str, number: _Number) -> tuple[_Unit, int] | None:
        """The unit right after ``number`` and where it ends."""
        m = self._suffix_re.match(s, number.end)
        if m is None:
            return None
        word = m.group(1)
        end = m.end()
        kind = self._suffix_kinds[word]
        nxt = s[end:end + 1]
        if word[-1:].isascii() and word[-1:].isalpha() and _is_ascii_letter(nxt):
            return None  # USD inside USDT, ppt inside pptx
        if kind in ("percent", "point", "ratio") and number.english:
            return None
        if kind == "percent":
            return _Unit("PERCENT", None, "percent", Decimal("0.01")), end
        if kind == "point":
            if word in self._bare_point_units:
                # A bare ポイント is only a percentage point when small and not loyalty points.
                if number.value is not None and abs(number.value) > self._point_max:
                    return None
                if self._point_not_followed_by and self._point_not_followed_by.match(s, end):
                    return None
                if self._point_not_preceded_by and self._point_not_preceded_by.search(s, max(0, number.start - 30),
                                                                                      number.start):
                    return None
            return _Unit("PERCENT", None, "point", Decimal("0.01")), end
        if kind == "ratio":
            if self._ratio_not_followed_by and self._ratio_not_followed_by.match(s, end):
                return None
            extra = Decimal(0)
            tail = self._ratio_tail_re.match(s, end)
            if tail and tail.group(0):
                for digit, word_ in zip(tail.groups(), self._ratio_words[1:]):
                    if digit is not None:
                        extra += parse_number(digit) * self._ratio_units[word_]
                end = tail.end()
            return _Unit("PERCENT", None, "percent", self._ratio_units[word], extra), end
        if kind in ("currency", "symbol"):
            rule = self._currency_not_followed_by.get(word)
            if rule is not None and rule.match(s, end):
                return None
            currency = self._suffix_currencies.get(word) if kind == "currency" else self._suffix_symbols[word]
            extra, end = self._subunit_tail(s, word, end)
            return _Unit("MONEY", currency, None, Decimal(1), extra), end
        # A subunit on its own: 15銭.
        currency, factor, _after = self._subunits[word]
        return _Unit("MONEY", currency, None, factor), end

    def _subunit_tail(self, s: str, word: str, end: int) -> tuple[Decimal, int]:
        """``75円32銭``: the 32銭 after 円 adds 0.32 yen."""
        tail = self._subunit_tails.get(word)
        m = tail[0].match(s, end) if tail else None
        if m is None:
            return Decimal(0), end
        return Decimal(m.group(1)) * tail[1], m.end()

    def _prefix_unit(self, s: str, number: _Number) -> tuple[_Unit, int] | None:
        """A currency symbol or code right before ``number`` and where it starts."""
        if self._prefix_re is None:
            return None
        # Only a short window before the number: searching from 0 would make long texts quadratic.
        m = self._prefix_re.search(s, max(0, number.start - _WINDOW), number.start)
        if m is None:
            return None
        word = m.group(1)
        start = m.start(1)
        if _is_ascii_letter(word[0]) and start > 0 and _is_ascii_letter(s[start - 1]):
            return None  # the code is the tail of a longer word
        return _Unit("MONEY", self._prefix_currencies[word], None, Decimal(1)), start

    def _quantities(self, s: str, numbers: list[_Number]) -> list[_Quantity]:
        """Numbers with their units, ranges merged; numbers without a unit are dropped."""
        attached: list[tuple[_Number, int, int, _Unit | None]] = []
        previous_end = 0
        for number in numbers:
            start, end, unit = number.start, number.end, None
            suffix = self._suffix_unit(s, number)
            prefix = self._prefix_unit(s, number)
            if prefix is not None and prefix[1] < previous_end:
                prefix = None  # 10$ 20: the $ already closed the previous amount
            if suffix is not None:
                unit, end = suffix
                if prefix is not None and unit.label == "MONEY":
                    start = prefix[1]  # $100ドル: keep the symbol in the span
            elif prefix is not None:
                unit, start = prefix
            attached.append((number, start, end, unit))
            previous_end = end

        out: list[_Quantity] = []
        i = 0
        while i < len(attached):
            number, start, end, unit = attached[i]
            if i + 1 < len(attached):
                merged = self._try_range(s, attached[i], attached[i + 1])
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            if unit is not None:
                out.append(_Quantity(start, end, unit, _apply(number.value, unit)))
            i += 1
        return out

    def _try_range(self, s: str, left: tuple, right: tuple) -> _Quantity | None:
        """``10～15%``, ``100億～150億ドル``, ``100～150億ドル``, ``$1-2B`` as one range."""
        l_num, l_start, l_end, l_unit = left
        r_num, r_start, r_end, r_unit = right
        gap = s[l_end:r_start].strip(" \t")
        if gap not in self._range_separators:
            return None
        l_suffixed = l_unit is not None and l_end > l_num.end
        if r_unit is None:
            # $1-2B: a currency symbol before the left end covers both ends.
            if l_unit is None or l_suffixed:
                return None
            r_unit = l_unit
        elif r_start < r_num.start and l_unit is None:
            return None  # 10-$15: the right end has its own symbol, the left none
        if l_unit is not None and (l_unit.label, l_unit.currency, l_unit.unit) != (r_unit.label, r_unit.currency, r_unit.unit):
            return None
        low = l_num.value
        if low is not None and not l_suffixed and l_num.scale == 1 and r_num.scale != 1 \
                and not any(ch in BIG_SCALES for ch in s[l_num.start:l_num.end]):
            # 100～150億ドル, $1-2B: the bare left end shares the scale (not 1万5000～2万円's)
            low = low * r_num.scale
        # The left end reads with the right end's unit but not its tail (3割5分's 5分).
        l_as = l_unit if l_suffixed else _Unit(r_unit.label, r_unit.currency, r_unit.unit, r_unit.factor)
        if low is None or r_num.value is None:
            # 数十億～100億ドル: a vague end makes the whole range vague, with no values.
            return _Quantity(l_start, r_end, r_unit, None, None, True)
        return _Quantity(l_start, r_end, r_unit, _apply(low, l_as), _apply(r_num.value, r_unit), True)

    # ------------------------------------------------------------------ qualifiers and filters

    def _qualifier(self, s: str, quantity: _Quantity) -> str | None:
        found: list[str] = []
        if quantity.value is None:
            found.append("vague")
        if quantity.is_range:
            found.append("range")
        before = _before(s, quantity.start)
        for _ in range(3):  # chains such as 最大で約
            for pattern, kind in self._prefix_qualifiers:
                m = pattern.search(before)
                if m:
                    found.append(kind)
                    before = before[:m.start()]
                    break
            else:
                break
        reference = self._reference_before is not None and self._reference_before.search(before) is not None
        ends = [quantity.end]
        if s.startswith("(", quantity.end) and (close := s.find(")", quantity.end, quantity.end + 40)) > 0:
            ends.append(close + 1)  # 3,000億元(約6兆3,000億円)を超えた: past the conversion
        for end in ends:
            hit = next(((m, kind) for pattern, kind in self._suffix_qualifiers if (m := pattern.match(s, end))), None)
            if hit is not None:
                m, kind = hit
                if not (reference and m.group().lstrip().startswith("を")):
                    found.append(kind)
                break
        if not found:
            return None
        return min(found, key=lambda q: self._qualifier_rank.get(q, len(self._qualifier_rank)))

    def _is_identifier(self, s: str, start: int) -> bool:
        """A number right after TEL, 〒, 証券コード... is not an amount."""
        before = _before(s, start).rstrip(" \t:#")
        return any(before.endswith(word) for word in self._non_quantity_context)

    def _excluded(self, s: str, start: int, end: int) -> bool:
        return any(m.start() < end and start < m.end() for p in self._exclusions for m in p.finditer(s, max(0, start - 8), end + 8))

    # ------------------------------------------------------------------ public

    def find(self, text: str) -> list[Mention]:
        """MONEY and PERCENT mentions of ``text``: original offsets, sorted, non-overlapping."""
        norm = normalize_with_map(text)
        s = norm.text
        mentions: list[Mention] = []
        last_end = -1
        for q in self._quantities(s, self._numbers(s)):
            if self._is_identifier(s, q.start) or self._excluded(s, q.start, q.end):
                continue
            start, end = norm.to_original(q.start, q.end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end or start < last_end:
                continue
            mentions.append(Mention(
                start=start,
                end=end,
                label=q.unit.label,
                text=text[start:end],
                value=None if q.value is None else float(q.value),
                value_max=None if q.value_max is None else float(q.value_max),
                currency=q.unit.currency,
                unit=q.unit.unit,
                qualifier=self._qualifier(s, q),
            ))
            last_end = end
        return mentions


def _before(s: str, start: int) -> str:
    """The few characters before ``start``: enough for any prefix word, cheap on long texts."""
    return s[max(0, start - _WINDOW):start]


def _glued(s: str, start: int) -> bool:
    """True when an Arabic numeral at ``start`` continues something else: an identifier (H20),
    a URL escape (%E3%81), a number cut by a bad comma (1,2345) or a fraction (1/28)."""
    before = s[start - 1] if start > 0 else ""
    before2 = s[start - 2] if start > 1 else ""
    if not before or not before.isascii():
        return False
    if before.isalnum() or before in "_%":
        return True
    return before in ".,/" and before2.isascii() and before2.isdigit()


def _apply(value: Decimal | None, unit: _Unit) -> Decimal | None:
    """number -> normalised value: 26 % -> 0.26, 3割5分 -> 0.35, 75円32銭 -> 75.32."""
    if value is None:
        return None
    return value * unit.factor + unit.extra
