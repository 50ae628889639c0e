"""parse_number: every way Japanese writes a number, parsed back exactly.

The round-trip properties render random integers and decimals in each style with renderers
written here, independently of the parser, and check that the parser returns the same Decimal.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.numbers import parse_number, trailing_scale

KANJI = "〇一二三四五六七八九"
BIG = ((Decimal(10) ** 16, "京"), (Decimal(10) ** 12, "兆"), (Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "万"))
FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
ENGLISH = {"thousand": 3, "K": 3, "k": 3, "million": 6, "M": 6, "mn": 6, "billion": 9, "B": 9, "bn": 9,
           "trillion": 12, "T": 12, "tn": 12, "lakh": 5, "crore": 7}  # lakh, crore: Indian English


# ---------------------------------------------------------------- renderers (independent of the parser)

def myriad_groups(n: int) -> list[tuple[int, str]]:
    """1234_5678_0000 -> [(1234, '億'), (5678, '万')]; zero groups are skipped, as people write."""
    out = []
    for scale, word in BIG:
        g = n // int(scale)
        n %= int(scale)
        if g:
            out.append((g, word))
    if n:
        out.append((n, ""))
    return out


def kanji_small(g: int, *, explicit_one: bool) -> str:
    """1 <= g < 10000 positionally: 3805 -> 三千八百五, 1010 -> 千十 (or 一千一十)."""
    out = ""
    for value, word in ((1000, "千"), (100, "百"), (10, "十")):
        d, g = divmod(g, value)
        if d:
            out += ("" if d == 1 and not explicit_one else KANJI[d]) + word
    if g:
        out += KANJI[g]
    return out


def render_kanji(n: int, *, explicit_one: bool) -> str:
    if n == 0:
        return "〇"
    return "".join(kanji_small(g, explicit_one=explicit_one) + w for g, w in myriad_groups(n))


def render_mixed(n: int, *, commas: bool, space: str) -> str:
    """Arabic groups with kanji scales: 7億4,300万, optionally a space or line break before a scale."""
    if n == 0:
        return "0"
    parts = []
    for g, w in myriad_groups(n):
        digits = f"{g:,}" if commas else str(g)
        parts.append(digits + (space + w if w else ""))
    return "".join(parts)


def render_kanji_digits(d: Decimal) -> str:
    """二〇二五, 一・〇五: kanji digits one by one, ・ as the decimal point."""
    return "".join("・" if c == "." else KANJI[int(c)] for c in format(d, "f"))


integers = st.integers(min_value=0, max_value=10**20 - 1)
# Decimals with a few places, the way amounts are printed (1.2, 3986.64, 0.005).
decimals = st.builds(lambda i, places: Decimal(i).scaleb(-places),
                     st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3))


# ---------------------------------------------------------------- round trips

@given(integers)
def test_plain_arabic(n: int) -> None:
    assert parse_number(str(n)) == n


@given(integers)
def test_comma_grouped(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(integers, st.booleans())
def test_fullwidth(n: int, commas: bool) -> None:
    text = (f"{n:,}" if commas else str(n)).translate(FULLWIDTH)
    assert parse_number(text) == n


@given(decimals, st.booleans())
def test_arabic_decimals(d: Decimal, fullwidth: bool) -> None:
    text = format(d, "f")
    assert parse_number(text.translate(FULLWIDTH) if fullwidth else text) == d


@given(integers, st.booleans())
@example(3800_0000_0000, False)  # 三千八百億
@example(1010, False)  # 千十
@example(10**16, True)  # 一京
def test_kanji_positional_with_myriads(n: int, explicit_one: bool) -> None:
    assert parse_number(render_kanji(n, explicit_one=explicit_one)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_kanji_digit_by_digit(n: int) -> None:
    assert parse_number(render_kanji_digits(Decimal(n))) == n


@given(decimals)
@example(Decimal("1.05"))  # 一・〇五
def test_kanji_digits_with_nakaguro_decimal(d: Decimal) -> None:
    assert parse_number(render_kanji_digits(d)) == d


@given(integers, st.booleans(), st.sampled_from(["", " ", "\n", "\u3000"]))
@example(743_000_000, True, "")  # 7億4,300万
@example(1_2000_0000_0000, False, "")  # 1兆2000億
@example(4218_0000_0000, True, " ")  # 4,218 億
def test_mixed_arabic_groups_and_kanji_scales(n: int, commas: bool, space: str) -> None:
    assert parse_number(render_mixed(n, commas=commas, space=space)) == n


@given(decimals, st.sampled_from(BIG), st.booleans())
@example(Decimal("1.2"), (Decimal(10) ** 12, "兆"), False)
def test_decimals_with_a_kanji_scale(d: Decimal, scale: tuple[Decimal, str], fullwidth: bool) -> None:
    factor, word = scale
    text = format(d, "f") + word
    assert parse_number(text.translate(FULLWIDTH) if fullwidth else text) == d * factor


@given(decimals, st.sampled_from(sorted(ENGLISH)), st.sampled_from(["", " "]))
@example(Decimal("1.5"), "B", "")
@example(Decimal("2.5"), "billion", " ")
@example(Decimal("300"), "million", " ")
def test_english_scales(d: Decimal, word: str, space: str) -> None:
    assert parse_number(format(d, "f") + space + word) == d * Decimal(10) ** ENGLISH[word]


@given(decimals, st.sampled_from(["-", "▲", "△", "マイナス", "−"]))
def test_signs(d: Decimal, sign: str) -> None:
    assert parse_number(sign + format(d, "f")) == -d


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_arabic_coefficient_before_kanji_place(a: int, b: int) -> None:
    """2千万, 3千500万: an Arabic digit as the coefficient of 千."""
    thousands, rest = divmod(a, 1000)
    if not thousands:
        return
    text = f"{thousands}千{rest or ''}万"
    assert parse_number(text) == a * 10**4


@settings(max_examples=50)
@given(st.integers(min_value=1, max_value=10**15))
def test_trailing_scale_matches_the_last_scale_word(n: int) -> None:
    text = render_mixed(n, commas=False, space="")
    expected = {"万": 10**4, "億": 10**8, "兆": 10**12, "京": 10**16}.get(text[-1], 1)
    assert trailing_scale(text) == expected


# ---------------------------------------------------------------- examples

@pytest.mark.parametrize("text, expected", [
    ("3,800", "3800"),
    ("３，８００億", "380000000000"),
    ("三千八百億", "380000000000"),
    ("一・〇五", "1.05"),
    ("7億4,300万", "743000000"),
    ("1.2兆", "1200000000000"),
    ("1兆2000億", "1200000000000"),
    ("1兆3986.64億", "1398664000000"),
    ("16億5000万", "1650000000"),
    ("1.5B", "1500000000"),
    ("2.5 billion", "2500000000"),
    ("300 million", "300000000"),
    ("4,218 億", "421800000000"),
    ("1\n兆", "1000000000000"),
    ("二〇二五", "2025"),
    ("千", "1000"),
    ("2千万", "20000000"),
    ("1,234百万", "1234000000"),  # accounting style: 1,234百万円
    ("1,000,000千", "1000000000"),  # 1,000,000千円
    ("12千", "12000"),
    ("七千二百二十八億", "722800000000"),
    ("壱萬", "10000"),
    ("66・0", "66.0"),
    ("ゼロ", "0"),
    ("▲2.1", "-2.1"),
])
def test_examples(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", [
    "", " ", "万", "億", "数十億", "十数億", "1,23", "12,34,567", "abc", "2025年", "1.5億3000万",
    "1億10000万", "1万1億", "12千500", "三千八五", "百千", "1..2", "3%", "$5", "・", "一・",
])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_exact_not_float() -> None:
    # 0.1 + 0.2 style drift would corrupt a table: the value is an exact Decimal.
    assert parse_number("0.3") == Decimal("0.3")
    assert isinstance(parse_number("1.2兆"), Decimal)


@given(st.text(alphabet=st.sampled_from(list("0123456789０１２,.・〇一二三十百千万億兆京数-▲ \nBMkbillion")) | st.characters(),
               max_size=20))
def test_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, Decimal)
