"""The gazetteer: every surface form of a known company maps to one canonical name."""

import json

import pytest

from pipeline.gazetteer import Gazetteer, norm_key
from pipeline.resources import iter_jsonl


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.from_config()


@pytest.mark.parametrize("surface, canonical", [
    ("NVIDIA", "NVIDIA"), ("Nvidia", "NVIDIA"), ("ＮＶＩＤＩＡ", "NVIDIA"), ("エヌビディア", "NVIDIA"),
    ("ｴﾇﾋﾞﾃﾞｨｱ", "NVIDIA"), ("ファーウェイ", "Huawei"), ("華為技術", "Huawei"), ("阿里巴巴集団", "Alibaba Group"),
    ("アリババ", "Alibaba Group"), ("中芯国際", "SMIC"), ("SBG", "SoftBank Group"), ("ソフトバンクグループ", "SoftBank Group"),
    ("ソフトバンク", "SoftBank Corp."), ("東エレク", "Tokyo Electron"), ("AWS", "AWS"), ("アリババクラウド", "Alibaba Cloud"),
    ("バイドゥ", "Baidu"), ("崑崙芯", "Kunlunxin"), ("台湾積体電路製造", "TSMC"), ("ムーア・スレッド", "Moore Threads"),
    ("ムーアスレッド", "Moore Threads"), ("サムスン電子", "Samsung Electronics"), ("SKハイニックス", "SK hynix"),
    ("信越化学工業", "Shin-Etsu Chemical"), ("ラピダス", "Rapidus"), ("キオクシア", "Kioxia"), ("テンセント", "Tencent"),
    ("寒武紀", "Cambricon"), ("Xpert.Digital", "Xpert.Digital"), ("さくらインターネット", "Sakura Internet"),
    ("プリファードネットワークス", "Preferred Networks"), ("鴻海精密工業", "Foxconn"), ("トヨタ自動車", "Toyota Motor"),
])
def test_surface_forms_map_to_one_canonical(gaz, surface, canonical):
    assert gaz.canonical_company(surface) == canonical


def test_distinct_companies_stay_distinct(gaz):
    pairs = [("ソフトバンクグループ", "ソフトバンク"), ("アリババ", "アリババクラウド"), ("バイドゥ", "崑崙芯"),
             ("サムスン電子", "SKハイニックス"), ("ソニーグループ", "ソニーセミコンダクタソリューションズ"), ("楽天グループ", "楽天モバイル")]
    for a, b in pairs:
        assert gaz.canonical_company(a) != gaz.canonical_company(b), (a, b)


def test_strict_aliases_need_their_case(gaz):
    assert gaz.canonical_company("Apple") == "Apple"
    assert gaz.canonical_company("apple") is None
    assert gaz.canonical_company("Arm") == "Arm"


def test_contract_canonical_names_exist(gaz):
    for name in ["NVIDIA", "AMD", "Intel", "Qualcomm", "Apple", "Google", "Microsoft", "Amazon", "AWS", "Meta", "OpenAI",
                 "Broadcom", "Micron", "Arm", "Alibaba Group", "Alibaba Cloud", "Huawei", "TSMC", "SMIC", "Baidu",
                 "Kunlunxin", "Tencent", "ByteDance", "Cambricon", "MetaX", "Moore Threads", "Biren", "DeepSeek", "Xiaomi",
                 "Samsung Electronics", "SK hynix", "SoftBank Group", "SoftBank Corp.", "Tokyo Electron",
                 "Shin-Etsu Chemical", "Rapidus", "Kioxia", "Renesas Electronics", "Sony Group", "Advantest",
                 "Screen Holdings", "Lasertec", "Fujitsu", "NEC", "Hitachi", "Toyota Motor", "MediaTek", "Foxconn",
                 "ASML", "Preferred Networks", "Sakura Internet", "Xpert.Digital"]:
        assert gaz.is_company(name), name


def test_config_is_broad_and_consistent():
    recs = list(iter_jsonl("companies.jsonl"))
    assert len(recs) >= 300
    countries = {r["country"] for r in recs}
    assert {"US", "CN", "JP", "KR", "TW"} <= countries
    canon = [r["canonical"] for r in recs]
    assert len(canon) == len(set(canon))
    # one alias key never names two companies
    owner = {}
    for r in recs:
        for a in r.get("aliases", []):
            k = norm_key(a)
            assert owner.setdefault(k, r["canonical"]) == r["canonical"], (a, owner[k], r["canonical"])


def test_chips_config_vendors_are_known_companies(gaz):
    for rec in iter_jsonl("chips.jsonl"):
        assert gaz.is_company(rec["vendor"]), rec


def test_scan_candidates_longest_first(gaz):
    text = norm_key("ソフトバンクグループ")
    ends = [(end, e.canonical) for end, e in gaz.candidates(text, 0)]
    assert ends[0] == (len(text), "SoftBank Group")


def test_scan_candidates_every_length_and_one_character_keys():
    gaz = Gazetteer([{"canonical": "Alpha", "aliases": ["アルファ", "アルファ電機", "ア"]},
                     {"canonical": "Beta", "aliases": ["アル"]}])
    text = norm_key("アルファ電機とア")
    assert [(end, e.canonical) for end, e in gaz.candidates(text, 0)] == [(6, "Alpha"), (4, "Alpha"), (2, "Beta"),
                                                                           (1, "Alpha")]
    assert [(end, e.canonical) for end, e in gaz.candidates(text, len(text) - 1)] == [(len(text), "Alpha")]
    assert list(gaz.candidates(text, len(text))) == []
    assert gaz.first_chars == {"ア", "a", "b"}  # the canonicals match too (Alpha, Beta, as written)


@pytest.mark.parametrize("surface, canonical", [
    # well-known companies across industries, with their short and historical forms
    ("日本通運", "Nippon Express"), ("産経新聞", "Sankei Shimbun"), ("朝日新聞", "Asahi Shimbun"),
    ("毎日新聞", "Mainichi Newspapers"), ("文藝春秋", "Bungeishunju"), ("タワーレコード", "Tower Records"),
    ("サウスウエスト航空", "Southwest Airlines"), ("大韓航空", "Korean Air Lines"), ("ロールス・ロイス", "Rolls-Royce"),
    ("マクドネル・ダグラス", "McDonnell Douglas"), ("ボンバルディア", "Bombardier"), ("西友", "Seiyu"),
    ("ダイエー", "Daiei"), ("良品計画", "Ryohin Keikaku"), ("ハドソン", "Hudson Soft"), ("ロッテ", "Lotte"),
    ("サン・マイクロシステムズ", "Sun Microsystems"), ("中国工商銀行", "Industrial and Commercial Bank of China"),
    ("新日本製鉄", "Nippon Steel"), ("トーメン", "Sojitz"), ("20世紀FOX", "20th Century Studios"),
])
def test_broadened_gazetteer(gaz, surface, canonical):
    assert gaz.canonical_company(surface) == canonical


def test_ambiguous_short_forms_are_strict(gaz):
    # GM, 三菱, 三井 are companies only as written; gm (grams?) is not
    assert gaz.canonical_company("GM") == "General Motors"
    assert gaz.canonical_company("gm") is None
    assert gaz.canonical_company("三菱") == "Mitsubishi"


def test_no_alias_belongs_to_two_companies():
    owner = {}
    for rec in iter_jsonl("companies.jsonl"):
        for alias in list(rec.get("aliases", ())) + list(rec.get("strict_aliases", ())):
            key = norm_key(alias)
            assert owner.setdefault(key, rec["canonical"]) == rec["canonical"], alias


@pytest.mark.parametrize("surface, canonical", [
    ("華為雲", "Huawei Cloud"), ("ファーウェイ・クラウド", "Huawei Cloud"), ("騰訊雲", "Tencent Cloud"),
    ("テンセント・クラウド", "Tencent Cloud"), ("昆侖芯", "Kunlunxin"), ("クンルンシン", "Kunlunxin"),
    ("ジャパン・アドバンスト・セミコンダクター・マニュファクチャリング", "JASM"), ("聯発科技", "MediaTek"),
    ("サンディスク", "Sandisk"), ("SBイノベンチャー", "SB Innovanture"), ("鴻騰精密科技", "FIT Hon Teng"),
    ("三井住友銀行", "Sumitomo Mitsui Banking Corporation"), ("Google Cloud", "Google Cloud"),
])
def test_business_units_and_news_names(gaz, surface, canonical):
    assert gaz.canonical_company(surface) == canonical


def test_context_alias_is_flagged(gaz):
    entry = gaz.lookup("アルファベット", "COMPANY")
    assert entry is not None and entry.canonical == "Alphabet" and entry.context and entry.strict


def test_heldout_industry_names_and_canonicals():
    from pipeline.gazetteer import Gazetteer
    g = Gazetteer.from_config()
    expect = {
        "インフィニオン": "Infineon Technologies", "力晶積成電子製造": "PSMC", "日月光投資控股": "ASE Technology Holding",
        "みずほ銀行": "Mizuho Bank", "みずほフィナンシャルグループ": "Mizuho Financial Group", "華碩電脳": "ASUS",
        "三安光電": "San'an Optoelectronics", "富士経済": "Fuji Keizai", "矢野経済研究所": "Yano Research Institute",
        "日本政策投資銀行": "Development Bank of Japan", "九電工": "Kyudenko", "龍芯中科技術": "Loongson",
    }
    for alias, canonical in expect.items():
        e = g.lookup(alias, "COMPANY")
        assert e is not None and e.canonical == canonical, alias
    # an ordinary word only in context; exchanges are not companies
    assert g.lookup("トランスフォーム", "COMPANY").context
    assert g.lookup("NYSE", "COMPANY") is None and g.lookup("NASDAQ", "COMPANY") is None
