"""QuantityFinder: MONEY and PERCENT mentions, their values and offsets into the original text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.mention import QUALIFIERS, Mention
from pipeline.quantities import QuantityFinder

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "ai-chip-war-article.txt"


@pytest.fixture(scope="module")
def finder() -> QuantityFinder:
    return QuantityFinder.from_config()


def summary(m: Mention) -> tuple:
    """(span, label, value, value_max, currency or unit, qualifier)."""
    return (m.text, m.label, m.value, m.value_max, m.currency if m.label == "MONEY" else m.unit, m.qualifier)


def check_invariants(text: str, mentions: list[Mention]) -> None:
    previous_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.text == m.text.strip(), "no leading or trailing whitespace"
        assert m.start >= previous_end, "sorted and non-overlapping"
        assert m.qualifier in QUALIFIERS
        assert m.canonical is None and m.vendor is None
        if m.label == "MONEY":
            assert m.currency is not None and m.unit is None
        else:
            assert m.label == "PERCENT" and m.currency is None and m.unit in ("percent", "point")
        previous_end = m.end


def found(finder: QuantityFinder, text: str) -> list[tuple]:
    mentions = finder.find(text)
    check_invariants(text, mentions)
    return [summary(m) for m in mentions]


def one(finder: QuantityFinder, text: str) -> tuple:
    result = found(finder, text)
    assert len(result) == 1, result
    return result[0]


# ---------------------------------------------------------------- numerals

@pytest.mark.parametrize("text, expected", [
    ("売上高は3,800億円だった", ("3,800億円", "MONEY", 3.8e11, None, "JPY", None)),
    ("売上高は３，８００億円だった", ("３，８００億円", "MONEY", 3.8e11, None, "JPY", None)),
    ("三千八百億円を投じる", ("三千八百億円", "MONEY", 3.8e11, None, "JPY", None)),
    ("金利は一・〇五%に", ("一・〇五%", "PERCENT", 0.0105, None, "percent", None)),
    ("売上高は7億4,300万元", ("7億4,300万元", "MONEY", 743e6, None, "CNY", None)),
    ("1.2兆円の赤字", ("1.2兆円", "MONEY", 1.2e12, None, "JPY", None)),
    ("1兆2000億円を投資", ("1兆2000億円", "MONEY", 1.2e12, None, "JPY", None)),
    ("総額は$1.5Bに", ("$1.5B", "MONEY", 1.5e9, None, "USD", None)),
    ("US$2.5 billionを調達", ("US$2.5 billion", "MONEY", 2.5e9, None, "USD", None)),
    ("300 million dollarsの案件", ("300 million dollars", "MONEY", 3e8, None, "USD", None)),
    ("€1.2bnの罰金", ("€1.2bn", "MONEY", 1.2e9, None, "EUR", None)),
    ("£3mの契約", ("£3m", "MONEY", 3e6, None, "GBP", None)),
    # Indian English: a crore is 10^7, a lakh 10^5, Rs the rupee
    ("投資額はRs 7,600 croreだ", ("Rs 7,600 crore", "MONEY", 7.6e10, None, "INR", None)),
    ("補助金はRs. 50 lakhだった", ("Rs. 50 lakh", "MONEY", 5e6, None, "INR", None)),
    ("予算は500億UAEディルハムに膨らむ", ("500億UAEディルハム", "MONEY", 5e10, None, "AED", None)),
    ("¥500億の投資", ("¥500億", "MONEY", 5e10, None, "JPY", None)),
    ("$5 M&Aの", ("$5", "MONEY", 5.0, None, "USD", None)),
    ("利益は4,218 億 円だった", ("4,218 億 円", "MONEY", 4.218e11, None, "JPY", None)),
    ("投資額は1\n兆円に", ("1\n兆円", "MONEY", 1e12, None, "JPY", None)),
    ("二千万円を寄付", ("二千万円", "MONEY", 2e7, None, "JPY", None)),
    ("2千万円を寄付", ("2千万円", "MONEY", 2e7, None, "JPY", None)),
    ("拝観料は大人千円", ("千円", "MONEY", 1000.0, None, "JPY", None)),
    ("切手は二十一円", ("二十一円", "MONEY", 21.0, None, "JPY", None)),
    ("売買代金は1兆3986.64億円", ("1兆3986.64億円", "MONEY", 1398664000000.0, None, "JPY", None)),
    ("売上高は12,345百万円", ("12,345百万円", "MONEY", 12345e6, None, "JPY", None)),
    ("資本金3,500千円", ("3,500千円", "MONEY", 3.5e6, None, "JPY", None)),
    ("同6・7%増", ("6・7%", "PERCENT", 0.067, None, "percent", None)),
])
def test_numeral_styles(finder: QuantityFinder, text: str, expected: tuple) -> None:
    assert one(finder, text) == expected


# ---------------------------------------------------------------- currencies

@pytest.mark.parametrize("text, span, currency", [
    ("100円", "100円", "JPY"), ("¥1,000", "¥1,000", "JPY"), ("￥2000", "￥2000", "JPY"),
    ("100ドル", "100ドル", "USD"), ("50米ドル", "50米ドル", "USD"), ("$5", "$5", "USD"),
    ("US$7", "US$7", "USD"), ("100ﾄﾞﾙ", "100ﾄﾞﾙ", "USD"), ("100＄", "100＄", "USD"),
    ("30元", "30元", "CNY"), ("30人民元", "30人民元", "CNY"),
    ("5ユーロ", "5ユーロ", "EUR"), ("€5", "€5", "EUR"), ("5€", "5€", "EUR"),
    ("1000ウォン", "1000ウォン", "KRW"),
    ("20台湾ドル", "20台湾ドル", "TWD"), ("NT$300", "NT$300", "TWD"),
    ("10香港ドル", "10香港ドル", "HKD"), ("HK$50", "HK$50", "HKD"),
    ("5ポンド", "5ポンド", "GBP"), ("£10", "£10", "GBP"),
    ("3ルーブル", "3ルーブル", "RUB"), ("100ルピー", "100ルピー", "INR"), ("20豪ドル", "20豪ドル", "AUD"),
    ("USD 300", "USD 300", "USD"), ("300 USD", "300 USD", "USD"),
    # European currencies outside the euro; a bare krone is Norway's (Nordic Semiconductor)
    ("18億クローネ", "18億クローネ", "NOK"), ("9億デンマーク・クローネ", "9億デンマーク・クローネ", "DKK"),
    ("52億スウェーデン・クローナ", "52億スウェーデン・クローナ", "SEK"), ("3億コルナ", "3億コルナ", "CZK"),
    ("5億ズロチ", "5億ズロチ", "PLN"),
    ("250億ペソ", "250億ペソ", "PHP"),  # a bare peso is the Philippine one (back-end plants)
    ("1兆5000億HK$", "1兆5000億HK$", "HKD"), ("3000億NT$", "3000億NT$", "TWD"),  # dollar signs after the number
])
def test_currencies(finder: QuantityFinder, text: str, span: str, currency: str) -> None:
    (got_span, label, _value, _max, got_currency, _q) = one(finder, "価格は" + text + "だ")
    assert (got_span, label, got_currency) == (span, "MONEY", currency)


def test_yen_with_sen(finder: QuantityFinder) -> None:
    assert found(finder, "1ドル=75円32銭を付けた") == [
        ("1ドル", "MONEY", 1.0, None, "USD", None),
        ("75円32銭", "MONEY", 75.32, None, "JPY", None),
    ]


# ---------------------------------------------------------------- percent, 割, points, signs

@pytest.mark.parametrize("text, expected", [
    ("26%増", ("26%", "PERCENT", 0.26, None, "percent", None)),
    ("26％増", ("26％", "PERCENT", 0.26, None, "percent", None)),
    ("26パーセント増", ("26パーセント", "PERCENT", 0.26, None, "percent", None)),
    ("26ﾊﾟｰｾﾝﾄ増", ("26ﾊﾟｰｾﾝﾄ", "PERCENT", 0.26, None, "percent", None)),
    ("シェアは3割だ", ("3割", "PERCENT", 0.3, None, "percent", None)),
    ("シェアは三割強だ", ("三割", "PERCENT", 0.3, None, "percent", "over")),
    ("シェアは三割弱だ", ("三割", "PERCENT", 0.3, None, "percent", "under")),
    ("打率3割5分の", ("3割5分", "PERCENT", 0.35, None, "percent", None)),
    ("2.5ポイント上昇", ("2.5ポイント", "PERCENT", 0.025, None, "point", None)),
    ("2.5%ポイント低下", ("2.5%ポイント", "PERCENT", 0.025, None, "point", None)),
    ("営業利益率は▲2.1%", ("▲2.1%", "PERCENT", -0.021, None, "percent", None)),
    ("営業利益率は△2.1%", ("△2.1%", "PERCENT", -0.021, None, "percent", None)),
    ("成長率はマイナス3%", ("マイナス3%", "PERCENT", -0.03, None, "percent", None)),
    ("前年比-3%", ("-3%", "PERCENT", -0.03, None, "percent", None)),
    ("前年比−3%", ("−3%", "PERCENT", -0.03, None, "percent", None)),
    ("可能性はゼロ%", ("ゼロ%", "PERCENT", 0.0, None, "percent", None)),
])
def test_percent(finder: QuantityFinder, text: str, expected: tuple) -> None:
    assert one(finder, text) == expected


# ---------------------------------------------------------------- ranges

@pytest.mark.parametrize("text, expected", [
    ("10～15%", ("10～15%", "PERCENT", 0.10, 0.15, "percent", "range")),
    ("10〜15%", ("10〜15%", "PERCENT", 0.10, 0.15, "percent", "range")),
    ("10-15%", ("10-15%", "PERCENT", 0.10, 0.15, "percent", "range")),
    ("10%～15%", ("10%～15%", "PERCENT", 0.10, 0.15, "percent", "range")),
    ("100億～150億ドル", ("100億～150億ドル", "MONEY", 1e10, 1.5e10, "USD", "range")),
    ("100～150億ドル", ("100～150億ドル", "MONEY", 1e10, 1.5e10, "USD", "range")),
    ("約100～150億ドル", ("100～150億ドル", "MONEY", 1e10, 1.5e10, "USD", "range")),
    ("$1-2B", ("$1-2B", "MONEY", 1e9, 2e9, "USD", "range")),
    ("$2.5-3.0 billion", ("$2.5-3.0 billion", "MONEY", 2.5e9, 3e9, "USD", "range")),
    ("5,000億円〜1兆円", ("5,000億円〜1兆円", "MONEY", 5e11, 1e12, "JPY", "range")),
    # a left end with a scale inside it keeps its own value
    ("1万5000～2万円", ("1万5000～2万円", "MONEY", 15000, 20000, "JPY", "range")),
    ("2億5000万～3億ドル", ("2億5000万～3億ドル", "MONEY", 2.5e8, 3e8, "USD", "range")),
])
def test_ranges(finder: QuantityFinder, text: str, expected: tuple) -> None:
    assert one(finder, "予想は" + text + "となる") == expected


def test_separate_amounts_with_kara_stay_separate(finder: QuantityFinder) -> None:
    # から joins two complete amounts; each keeps its own span (as in UD GSD's MONEY spans).
    assert [s[0] for s in found(finder, "800万ユーロから1000万ユーロの間")] == ["800万ユーロ", "1000万ユーロ"]


# ---------------------------------------------------------------- qualifiers

@pytest.mark.parametrize("text, span, qualifier", [
    ("約531億ドル", "531億ドル", "approx"),
    ("5億円前後", "5億円", "approx"),
    ("10%程度", "10%", "approx"),
    ("最大125%", "125%", "max"),
    ("少なくとも50%", "50%", "min"),
    ("最低100万円", "100万円", "min"),
    ("1兆円超", "1兆円", "over"),
    ("超1兆円", "1兆円", "over"),
    ("40%以上", "40%", "over"),
    ("70%を超える", "70%", "over"),
    ("10%を上回る", "10%", "over"),
    ("1万円未満", "1万円", "under"),
    ("5%以下", "5%", "under"),
    ("1兆円弱", "1兆円", "under"),
    ("1割に満たない", "1割", "under"),
    ("1割にも満たない", "1割", "under"),
    ("10万円を切った", "10万円", "under"),
    ("1000円を割った", "1000円", "under"),
    ("2ドル割れ", "2ドル", "under"),  # a price that fell below 2 dollars
    ("概算で5兆2,310億円", "5兆2,310億円", "approx"),  # a trading value given as an estimate
    ("数十億ドル", "数十億ドル", "vague"),
    ("数百万円", "数百万円", "vague"),
    ("十数億円", "十数億円", "vague"),
    ("数兆円", "数兆円", "vague"),
    ("数%", "数%", "vague"),
    ("1億数千万円", "1億数千万円", "vague"),
    # one qualifier: bounds beat approximation, structure beats both
    ("最大で約7%", "7%", "max"),
    ("約1兆円以上", "1兆円", "over"),
    ("約10～15%", "10～15%", "range"),
])
def test_qualifiers(finder: QuantityFinder, text: str, span: str, qualifier: str) -> None:
    got = one(finder, "それは" + text + "となった")
    assert (got[0], got[5]) == (span, qualifier)


@pytest.mark.parametrize("text, span, qualifier", [
    # the figure a comparison is made against keeps its own qualifier: another figure is the one
    # above or below it
    ("受注高は市場予想の約450億円を下回った", "450億円", "approx"),
    ("売上高は市場予想の約49億ユーロを上回った", "49億ユーロ", "approx"),
    ("利益率は前年の3割を上回った", "3割", None),
    # without a reference the comparison bounds the figure itself
    ("売上高は1,000億円を上回った", "1,000億円", "over"),
    ("市場予想は450億円を下回る", "450億円", "under"),
])
def test_a_reference_figure_is_not_bounded_by_the_comparison(finder: QuantityFinder, text: str, span: str,
                                                              qualifier: str | None) -> None:
    got = one(finder, text)
    assert (got[0], got[5]) == (span, qualifier)


@pytest.mark.parametrize("text, expected", [
    # an index moves by index points, a share by percentage points
    ("東証株価指数（TOPIX）は12.40ポイント高の3321.07で取引を終えた", []),
    ("SOX指数は前週末比32ポイント安だった", []),
    ("シェアは1.2ポイント上昇した", ["1.2ポイント"]),
])
def test_index_points_are_not_percentage_points(finder: QuantityFinder, text: str, expected: list) -> None:
    assert [m.text for m in finder.find(text) if m.label == "PERCENT"] == expected


def test_vague_has_no_value(finder: QuantityFinder) -> None:
    assert one(finder, "数十億ドル規模") == ("数十億ドル", "MONEY", None, None, "USD", "vague")
    assert one(finder, "数十億～100億ドル") == ("数十億～100億ドル", "MONEY", None, None, "USD", "vague")


def test_33_percent_higher_is_not_over(finder: QuantityFinder) -> None:
    # 33%上回る (33% higher) is a difference, not "more than 33%": only を上回る is a bound.
    assert one(finder, "目標はそれを33%上回る水準")[5] is None


# ---------------------------------------------------------------- not money, not percent

@pytest.mark.parametrize("text", [
    "TEL：03-1234-5678", "TEL: 03-1234-5678", "+49 89 89 674 804 (ミュンヘン)", "〒105-0001 東京都",
    "2025年9月2日", "384個のチップ", "1万台を出荷", "7ナノメートル", "3倍に", "約半分の演算能力",
    "3桁成長", "証券コード8035", "CUDA 12.4", "360°の支援", "関東一円で", "データを一元管理", "三元系電池",
    "3元系正極材", "1000ポイント還元", "%E3%81%82", "H20", "第3四半期", "数ヶ月", "二元論",
])
def test_not_mentions(finder: QuantityFinder, text: str) -> None:
    assert found(finder, text) == []


# ---------------------------------------------------------------- offsets in the original text

def test_offsets_map_to_the_original_text(finder: QuantityFinder) -> None:
    text = "ＡＢＣ社は　約３，８００億円（前年比２６％増）を\n投資し、1\n兆円超を目指す。"
    mentions = finder.find(text)
    check_invariants(text, mentions)
    assert [(m.start, m.end, m.text) for m in mentions] == [
        (text.index("３，８００億円"), text.index("３，８００億円") + 7, "３，８００億円"),
        (text.index("２６％"), text.index("２６％") + 3, "２６％"),
        (text.index("1\n兆円"), text.index("1\n兆円") + 4, "1\n兆円"),
    ]
    assert [m.qualifier for m in mentions] == ["approx", None, "over"]


def test_crlf_line_break_inside_an_amount(finder: QuantityFinder) -> None:
    text = "投資額は16億\r\n5000万ドルだ"
    (m,) = finder.find(text)
    assert m.text == "16億\r\n5000万ドル" and m.value == 1.65e9


def test_half_width_katakana_currency_offsets(finder: QuantityFinder) -> None:
    text = "価格は99ﾄﾞﾙ。"
    (m,) = finder.find(text)
    assert (m.start, m.end, m.text, m.currency) == (3, 8, "99ﾄﾞﾙ", "USD")


def test_config_dir_is_honoured(tmp_path: Path) -> None:
    import json
    from pipeline.resources import load_json

    (tmp_path / "currencies.json").write_text(json.dumps({"suffix": {"ﾍﾟｿ": "MXN"}}), encoding="utf-8")
    (tmp_path / "quantities.json").write_text(json.dumps(load_json("quantities.json")), encoding="utf-8")
    custom = QuantityFinder.from_config(tmp_path)
    assert [summary(m) for m in custom.find("5ペソと5円")] == [("5ペソ", "MONEY", 5.0, None, "MXN", None)]


# ---------------------------------------------------------------- properties

def _mixed(n: int) -> str:
    """7億4,300万 style: Arabic groups (comma-grouped) with kanji myriad scales."""
    parts = []
    for scale, word in ((10**12, "兆"), (10**8, "億"), (10**4, "万"), (1, "")):
        group, n = divmod(n, scale)
        if group:
            parts.append(f"{group:,}{word}")
    return "".join(parts) or "0"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**16 - 1), st.sampled_from([("円", "JPY"), ("億ドル", "USD"), ("元", "CNY")]),
       st.booleans())
def test_amounts_round_trip(n: int, unit: tuple[str, str], fullwidth: bool) -> None:
    finder = QuantityFinder.from_config()
    if unit[0] == "億ドル":
        n = n % 10**4 or 1  # only 1..9999 go before 億 (1万億 is Chinese, not Japanese)
    number = _mixed(n)
    if fullwidth:
        number = number.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    text = f"売上高は{number}{unit[0]}だった。"
    (m,) = finder.find(text)
    scale = 10**8 if unit[0] == "億ドル" else 1
    assert (m.text, m.label, m.value, m.currency) == (number + unit[0], "MONEY", float(n * scale), unit[1])


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=3),
       st.sampled_from(["%", "％", "パーセント"]))
def test_percent_round_trip(i: int, places: int, sign: str) -> None:
    finder = QuantityFinder.from_config()
    d = Decimal(i).scaleb(-places)
    text = f"比率は{d:f}{sign}に達した"
    (m,) = finder.find(text)
    assert (m.text, m.value, m.unit) == (f"{d:f}{sign}", float(d / 100), "percent")


ALPHABET = list("0123456789０１２３４５６７８９,.，．・〇一二三四五六七八九十百千万億兆数約超以上未満強弱割分厘"
                "%％円元$＄¥￥€£ﾄﾞﾙ▲△-－~～〜 \u3000\n\r\tABCmMBbnは、。()（）") + [
    "ドル", "ユーロ", "ポイント", "パーセント", "マイナス", "US$", "NT$", "billion", "TEL:", "〒", "を超える", "銭"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_any_text_gives_well_formed_mentions(text: str) -> None:
    """Whatever the text, mentions point into it, are trimmed, sorted and never overlap."""
    finder = QuantityFinder.from_config()
    mentions = finder.find(text)
    check_invariants(text, mentions)
    for m in mentions:
        assert m.value is None or isinstance(m.value, float)
        assert (m.value_max is None) or m.qualifier == "range"


# ---------------------------------------------------------------- the seed article

def test_seed_article(finder: QuantityFinder) -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = finder.find(text)
    check_invariants(text, mentions)
    # Read off the article: 少なくとも3,800億元(約531億ドル), 26%増, 15%を米国政府に, 最大125%,
    # 7億4,300万元, 14億元, 総額16億5000万ドル, 少なくとも50%, 70%を超える, 90%を超え,
    # 40%以上, 数十億ドル規模. Nothing else: not +49 89 89 674 804, 384個, 7ナノメートル, 3倍, 360°.
    assert [summary(m) for m in mentions] == [
        ("3,800億元", "MONEY", 380000000000.0, None, "CNY", "min"),
        ("531億ドル", "MONEY", 53100000000.0, None, "USD", "approx"),
        ("26%", "PERCENT", 0.26, None, "percent", None),
        ("15%", "PERCENT", 0.15, None, "percent", None),
        ("125%", "PERCENT", 1.25, None, "percent", "max"),
        ("7億4,300万元", "MONEY", 743000000.0, None, "CNY", None),
        ("14億元", "MONEY", 1400000000.0, None, "CNY", None),
        ("16億5000万ドル", "MONEY", 1650000000.0, None, "USD", None),
        ("50%", "PERCENT", 0.5, None, "percent", "min"),
        ("70%", "PERCENT", 0.7, None, "percent", "over"),
        ("90%", "PERCENT", 0.9, None, "percent", "over"),
        ("40%", "PERCENT", 0.4, None, "percent", "over"),
        ("数十億ドル", "MONEY", None, None, "USD", "vague"),
    ]
    first = text.index("少なくとも3,800億元") + len("少なくとも")
    assert (mentions[0].start, mentions[0].end) == (first, first + len("3,800億元"))


@pytest.mark.parametrize("text, expected", [
    ("政府はタワーの新工場に最大30億新シェケルの補助を検討", ("30億新シェケル", "MONEY", 3e9, None, "ILS", "max")),
    ("補助金は5,000万シェケルに達した", ("5,000万シェケル", "MONEY", 5e7, None, "ILS", None)),
])
def test_israeli_shekel(finder, text, expected):
    assert one(finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("売上高128,450百万円（＋18.2％）", [("128,450百万円", "MONEY", 1.2845e11, None, "JPY", None),
                                     ("＋18.2％", "PERCENT", 0.182, None, "percent", None)]),
    ("前年比+5%増", [("+5%", "PERCENT", 0.05, None, "percent", None)]),
    ("A+5%の改善", [("5%", "PERCENT", 0.05, None, "percent", None)]),  # a plus after a word is no sign
])
def test_plus_sign_stays_in_the_span_and_the_value_is_positive(finder, text, expected):
    assert found(finder, text) == expected


def test_a_qualifier_after_a_conversion_in_parentheses(finder: QuantityFinder) -> None:
    got = found(finder, "時価総額は一時3,000億元（約6兆3,000億円）を超えた。")
    assert [(g[0], g[5]) for g in got] == [("3,000億元", "over"), ("6兆3,000億円", "approx")]
