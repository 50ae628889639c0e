"""COMPANY recognition: gazetteer forms, unknown companies from context, disambiguation."""

import pytest
import spacy

from pipeline.companies import CompanyFinder


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("ja_ginza")


@pytest.fixture(scope="module")
def finder():
    return CompanyFinder.from_config()


def found(nlp, finder, text):
    ms = finder.find(nlp(text))
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.canonical) for m in ms]


@pytest.mark.parametrize("text, expected", [
    ("米エヌビディアは新型チップを発表した。", [("エヌビディア", "NVIDIA")]),
    ("ＮＶＩＤＩＡとNvidiaとｴﾇﾋﾞﾃﾞｨｱ。", [("ＮＶＩＤＩＡ", "NVIDIA"), ("Nvidia", "NVIDIA"), ("ｴﾇﾋﾞﾃﾞｨｱ", "NVIDIA")]),
    ("華為技術と阿里巴巴集団、中芯国際が協力する。", [("華為技術", "Huawei"), ("阿里巴巴集団", "Alibaba Group"), ("中芯国際", "SMIC")]),
    ("SBGと東エレクの株価が上がった。", [("SBG", "SoftBank Group"), ("東エレク", "Tokyo Electron")]),
    ("エヌビ\nディアの決算。", [("エヌビ\nディア", "NVIDIA")]),
    ("ソフトバンクグループとソフトバンクは別会社だ。", [("ソフトバンクグループ", "SoftBank Group"), ("ソフトバンク", "SoftBank Corp.")]),
    ("アリババとアリババクラウドが発表した。", [("アリババ", "Alibaba Group"), ("アリババクラウド", "Alibaba Cloud")]),
])
def test_known_companies(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_span_rules_keep_legal_forms_and_sha_outside(nlp, finder):
    got = found(nlp, finder, "北京を拠点とする新興企業、ムーア・スレッド社は上場を計画している。")
    assert ("ムーア・スレッド", "Moore Threads") in got
    got = found(nlp, finder, "株式会社ソラノ半導体は新工場を建設する。")
    assert got == [("ソラノ半導体", "ソラノ半導体")]
    got = found(nlp, finder, "ミドリテック株式会社が設立された。")
    assert got == [("ミドリテック", "ミドリテック")]


def test_unknown_companies_from_context(nlp, finder):
    got = dict(found(nlp, finder, "上海に拠点を置くスタートアップ企業ZetaChipは新製品を発表した。"))
    assert got.get("ZetaChip") == "ZetaChip"
    got = dict(found(nlp, finder, "同社はクオンタムリープ社と提携した。"))
    assert "クオンタムリープ" in got and "同社" not in got
    got = [t for t, _ in found(nlp, finder, "山田精機ホールディングスは決算を発表した。")]
    assert got == ["山田精機ホールディングス"]


def test_disambiguation(nlp, finder):
    assert found(nlp, finder, "AIチャットボット「DeepSeek」の開発が進む。") == []
    assert ("DeepSeek", "DeepSeek") in found(nlp, finder, "中国のDeepSeekは新モデルを公開した。")
    assert [t for t, _ in found(nlp, finder, "DeepSeek-R1は推論モデルだ。")] == []
    assert found(nlp, finder, "お問い合わせはTEL：03-1234-5678まで。") == []
    assert [t for t, _ in found(nlp, finder, "Armアーキテクチャを採用した。")] == []
    assert ("Arm", "Arm") in found(nlp, finder, "ソフトバンクグループ傘下のArmは好調だ。")
    texts = [t for t, _ in found(nlp, finder, "米商務省と中国政府が同社と両社に要請した。")]
    assert texts == []
    assert [t for t, _ in found(nlp, finder, "ロボットアームとアームストロング氏。")] == []
    assert [t for t, _ in found(nlp, finder, "詳細はwww.xpert.digitalをご覧ください。")] == []


def test_seed_article(nlp, finder):
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ai-chip-war-article.txt"
    if not path.exists():
        pytest.skip("shared/ not beside the project")
    text = path.read_text(encoding="utf-8")
    ms = finder.find(nlp(text))
    texts = {m.text for m in ms}
    canon = {m.canonical for m in ms}
    for t in ["Nvidia", "NVIDIA", "Alibaba", "アリババ", "ファーウェイ", "Huawei", "TSMC", "台湾積体電路製造", "AMD",
              "MetaX", "ムーア・スレッド", "Cambricon", "バイドゥ", "テンセント", "Xpert.Digital"]:
        assert t in texts, t
    assert {"NVIDIA", "Alibaba Group", "Huawei", "TSMC", "Moore Threads", "Baidu", "Tencent"} <= canon
    assert "DeepSeek" not in canon
    assert not any(m.text.startswith("www") or m.text in ("同社", "両社") for m in ms)


def test_fast_profile_without_parser_and_ner(finder):
    nlp = spacy.load("ja_ginza", exclude=["parser", "ner"])
    doc = nlp("米エヌビディアと華為技術、株式会社ソラノ半導体。")
    got = [(m.text, m.canonical) for m in finder.find(doc)]
    assert ("エヌビディア", "NVIDIA") in got and ("華為技術", "Huawei") in got
    assert ("ソラノ半導体", "ソラノ半導体") in got


# --- industry words, 社 and definitions (names nobody listed) ---------------------------------

@pytest.mark.parametrize("text, names", [
    # a katakana / proper-noun name + an industry word is a company; the industry word is inside
    ("アレジャント航空が新路線に就航した。", ["アレジャント航空"]),
    ("ワクイコーポレーションと経営統合した。", ["ワクイコーポレーション"]),
    ("オーストラリア航空が運航した。", ["オーストラリア航空"]),
    # 社 stays outside after a foreign name, a kanji name with 社 is a name of its own
    ("米マカフィー社のソフトを導入した。", ["マカフィー"]),
    ("中央公論社が雑誌を刊行した。", ["中央公論社"]),
    # the subject of a sentence that defines a company; the legal form stays outside
    ("株式会社エスト出版は、京都市の出版社である。", ["エスト出版"]),
])
def test_industry_word_and_sha_rules(nlp, finder, text, names):
    assert [t for t, _ in found(nlp, finder, text)] == names


@pytest.mark.parametrize("text", [
    "国土交通省は鉄道網の整備を進め、放送法を改正した。",   # agencies, 鉄道網, 放送法
    "航空機の部品と自動車産業、銀行業の動向。",             # the industry word does not end the chunk
    "レコード会社に就職し、ケーブルテレビを見た。",         # generic heads
    "3社が合意した。",                                      # a count, not a name
    "東区バスと浜松市自主運行バスが運行されている。",       # municipal buses
    "東京大学と日本サッカー協会が協定を結んだ。",           # universities and associations
    "西鉄ライオンズの投手だった。",                         # a team named after its owner
    "NPBは発表した。",                                      # an acronym GiNZA guesses is not enough
])
def test_industry_word_rules_negatives(nlp, finder, text):
    assert found(nlp, finder, text) == []


# --- in-domain news: listing codes, name-internal words, business units, counts, context --------

@pytest.mark.parametrize("text, expected", [
    # a known name followed by a stock code is the company (TEL：03-... stays a phone number)
    ("半導体製造装置大手の東京エレクトロン（証券コード8035）は決算を発表した。", [("東京エレクトロン", "Tokyo Electron")]),
    # alias + a name-internal word is one span with the alias's canonical name
    ("騰訊控股（テンセント）は好調だ。", [("騰訊控股", "Tencent"), ("テンセント", "Tencent")]),
    ("中国の長鑫存儲技術（CXMT）が増産する。", [("長鑫存儲技術", "CXMT"), ("CXMT", "CXMT")]),
    ("寒武紀科技が上場した。", [("寒武紀科技", "Cambricon")]),
    # ...unless the longer string is another company: ソフトバンクグループ is not SoftBank Corp.
    ("ソフトバンクグループが出資した。", [("ソフトバンクグループ", "SoftBank Group")]),
    # business units with their own name
    ("2位の華為雲（ファーウェイ・クラウド）、3位の騰訊雲（テンセント・クラウド）が追う。",
     [("華為雲", "Huawei Cloud"), ("ファーウェイ・クラウド", "Huawei Cloud"), ("騰訊雲", "Tencent Cloud"),
      ("テンセント・クラウド", "Tencent Cloud")]),
    ("百度傘下の昆侖芯（クンルンシン）が上場する。", [("百度", "Baidu"), ("昆侖芯", "Kunlunxin"), ("クンルンシン", "Kunlunxin")]),
    ("TSMC子会社のJASM（ジャパン・アドバンスト・セミコンダクター・マニュファクチャリング）が建設する。",
     [("TSMC", "TSMC"), ("JASM", "JASM"), ("ジャパン・アドバンスト・セミコンダクター・マニュファクチャリング", "JASM")]),
    ("聯発科技とサンディスク、SBイノベンチャー、三井住友銀行、鴻騰精密科技。",
     [("聯発科技", "MediaTek"), ("サンディスク", "Sandisk"), ("SBイノベンチャー", "SB Innovanture"),
      ("三井住友銀行", "Sumitomo Mitsui Banking Corporation"), ("鴻騰精密科技", "FIT Hon Teng")]),
    # a context alias: アルファベット is a company only right after a company word
    ("グーグルの親会社アルファベットは投資を増やす。", [("グーグル", "Google"), ("アルファベット", "Alphabet")]),
])
def test_news_names(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, names", [
    ("米国の大手クラウド4社の設備投資は増えた。", []),                   # N社 is a count
    ("調査会社の推計では、ハイパースケーラー4社のAI投資は増えた。", []),
    ("ラピダス、2ナノ半導体の試作ラインを公開", ["ラピダス"]),          # 2ナノ is a process node
    ("HBMの売上高は約20億ドルだった。", []),                              # a memory type
    ("AI機能「Apple Intelligence」を搭載した。", []),                      # a product
    ("富士通と共同でArm architectureのCPUを開発する。", ["富士通"]),       # an architecture
    ("アルファベット順に並べる。アルファベットの文字。", []),              # the word, not the company
    ("世界のファウンドリー市場でのシェアは7割だ。", []),
])
def test_news_non_names(nlp, finder, text, names):
    assert [t for t, _ in found(nlp, finder, text)] == names


def test_trigger_takes_the_whole_noun_chunk(nlp, finder):
    got = found(nlp, finder, "新興企業のアマツ計算機は、富士通と共同で開発する。")
    assert ("アマツ計算機", "アマツ計算機") in got
    got = [t for t, _ in found(nlp, finder, "米調査会社シリコン・インサイト・リサーチのアナリストは語る。")]
    assert got == ["シリコン・インサイト・リサーチ"]


def test_fragment_of_a_katakana_chain_is_no_name(nlp, finder):
    got = [t for t, _ in found(nlp, finder, "ノース・アドバンスト・セミコンダクター・ワークスの工場。")]
    assert "アドバンスト・セミコンダクター" not in got


def test_document_level_consistency(nlp, finder):
    text = "## ミライチップ、シリーズBで80億円調達\n\nスタートアップ企業のミライチップは新型チップを発表した。"
    got = found(nlp, finder, text)
    assert [t for t, _ in got].count("ミライチップ") == 2
    # a word inside a longer katakana word is not another mention
    text = "スタートアップ企業のミライチップは発表した。ミライチップスという別の語。"
    assert [t for t, _ in found(nlp, finder, text)] == ["ミライチップ"]


@pytest.mark.parametrize("text, name", [
    ("2010年10月8日にオーバーフローから発売された。", "オーバーフロー"),
    ("この路線はレンフェが運営している。", "レンフェ"),
    ("卒業後、テンポラリーセンターに入社した。", "テンポラリーセンター"),
])
def test_seller_and_employer_contexts(nlp, finder, text, name):
    assert name in [t for t, _ in found(nlp, finder, text)]


def test_sports_transfers_are_not_company_contexts(nlp, finder):
    assert found(nlp, finder, "2019年にシアトル・パイロッツに移籍した。") == []


# --- error classes from the held-out articles (invented names: the rules, not the gazetteer) ---

@pytest.mark.parametrize("text, expected", [
    # a one-kanji country prefix stays outside whatever rule found the name
    ("英政府は表明し、英アーム（Arm）の設計力を生かす。", [("アーム", "Arm"), ("Arm", "Arm")]),
    ("豪ミネルバ社と墨テコラ社が提携した。", [("ミネルバ", "ミネルバ"), ("テコラ", "テコラ")]),
])
def test_country_prefix_outside(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # one side known -> the other side is the same company (the known side's canonical)
    ("台湾の宏星電脳（Acer）の売上高。", [("宏星電脳", "Acer"), ("Acer", "Acer")]),
    ("中国の星河微電子（サムスン電子）は拡販する。", [("星河微電子", "Samsung Electronics"), ("サムスン電子", "Samsung Electronics")]),
    ("インテル傘下のモービルアイ（Mobileye Global）は量産を始める。",
     [("インテル", "Intel"), ("モービルアイ", "Mobileye"), ("Mobileye Global", "Mobileye")]),
    # a context rule found one side: the Latin form is the canonical name of both
    ("米データセンター大手のノヴァリンク（NovaLink）と組む。", [("ノヴァリンク", "NovaLink"), ("NovaLink", "NovaLink")]),
    # neither known: a Latin side with a legal form / company word, or a katakana side with an industry word
    ("ベトナムでは米ゼフィロ・テクノロジー（Zephyro Technology, Inc.）が投資する。",
     [("ゼフィロ・テクノロジー", "Zephyro Technology"), ("Zephyro Technology", "Zephyro Technology")]),
    ("中国では天河光電（テンガ・オプトエレクトロニクス）と合弁で工場を建てる。",
     [("天河光電", "天河光電"), ("テンガ・オプトエレクトロニクス", "天河光電")]),
    ("中国では三河光電（サンガ・オプトエレクトロニクス）と合弁だ。",
     [("三河光電", "三河光電"), ("サンガ・オプトエレクトロニクス", "三河光電")]),
    # an acronym and its expansion: the acronym is the usual name
    ("欧州の合弁会社ESXC（European Semiconductor Xyz Company）は工場を建てる。",
     [("ESXC", "ESXC"), ("European Semiconductor Xyz Company", "ESXC")]),
    # not glosses: places, listings, tickers and exchanges
    ("ソニーグループ（東京・港）は発表した。", [("ソニーグループ", "Sony Group")]),
    ("アルトラ（証券コード1234）の株価が上がった。", []),
    ("米バーティブ・ホールディングス（Vertiv、NYSE: VRT）は増収だった。",
     [("バーティブ・ホールディングス", "Vertiv"), ("Vertiv", "Vertiv")]),
    # a ticker in a sentence about share prices; outside one, an unknown capital gloss is a name
    ("マーベル（MRVL）は週間で▲6.4％と主要銘柄で最も下げた。", [("マーベル", "Marvell Technology")]),
    ("エヌビディア（NVDA）は週間で6.2%安の176.40ドルで終えた。", [("エヌビディア", "NVIDIA")]),
    ("ソシオネクスト（SNXT）は新製品を発表した。", [("ソシオネクスト", "Socionext"), ("SNXT", "Socionext")]),
])
def test_parenthetical_glosses(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("出資者にはNECフューチャーソリューションが名を連ねる。", [("NECフューチャーソリューション", "NECフューチャーソリューション")]),
    ("光学系はカール・ツァイスOPTが供給する。", [("カール・ツァイスOPT", "カール・ツァイスOPT")]),
    ("中国の聯想集団（レノボ・グループ）は過去最高を記録した。", [("聯想集団", "Lenovo"), ("レノボ・グループ", "Lenovo")]),
    ("送配電子会社の関西電力送配電は申し込みを受けた。", [("関西電力送配電", "Kansai Transmission and Distribution")]),
    ("ソニー銀行が提携した。", [("ソニー銀行", "ソニー銀行")]),
    ("NEC Global Systemsは発表した。", [("NEC Global Systems", "NEC Global Systems")]),
    ("国内では東芝マテリアル＆ソリューションや三菱電機も増産する。",
     [("東芝マテリアル＆ソリューション", "東芝マテリアル&ソリューション"), ("三菱電機", "Mitsubishi Electric")]),
    ("インテル幹部が語った。", [("インテル", "Intel")]),
    # titles and words about the company are no unit names
    ("エヌビディアCEOが語った。", [("エヌビディア", "NVIDIA")]),
    ("インテル向けに出荷した。", [("インテル", "Intel")]),
])
def test_known_company_plus_unit_words(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("調査会社のノルデン・リサーチによると市場は拡大する。", [("ノルデン・リサーチ", "ノルデン・リサーチ")]),
    # a kanji chunk after a company-kind trigger; a research firm (研究所) is a company there
    ("調査会社の丸山経済研究所によると、市場は伸びる。", [("丸山経済研究所", "丸山経済研究所")]),
    ("インドの財閥系XYパワー・アンド・ソリューションズも工場を建てる。",
     [("XYパワー・アンド・ソリューションズ", "XYパワー・アンド・ソリューションズ")]),
])
def test_trigger_words_bind_the_whole_chunk(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text", [
    "SiCパワー半導体、EV減速で投資見直し",
    "車載半導体の需要が伸びる。",
    "NYSEとNASDAQに上場する。",
])
def test_technology_words_and_exchanges_are_not_companies(nlp, finder, text):
    assert found(nlp, finder, text) == []


def test_a_start_up_introduced_after_a_comma_is_a_company(nlp, finder):
    doc = nlp("東京都港区のスタートアップ、ヒカリ半導体設計は、シリーズAで15億円を調達した。")
    assert [(m.text, m.canonical) for m in finder.find(doc)] == [("ヒカリ半導体設計", "ヒカリ半導体設計")]
    doc = nlp("国内のスタートアップ、特に半導体分野は伸びている。")
    assert finder.find(doc) == []


@pytest.mark.parametrize("text, expected", [
    # a list with a known company: the other whole katakana/Latin members are companies too
    ("同社はエヌビディア、ザルテニカ、ブロメックスなどと取引している。", ["エヌビディア", "ザルテニカ", "ブロメックス"]),
    ("エヌビディアとザルテニカで働いた。", ["エヌビディア", "ザルテニカ"]),
    ("ザルテニカやエヌビディアで働いた。", ["ザルテニカ", "エヌビディア"]),
])
def test_list_members_next_to_a_known_company(nlp, finder, text, expected):
    assert [t for t, _ in found(nlp, finder, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # generic words and people in the list stay out
    ("エヌビディア、クラウド、サーバーなどの分野。", ["エヌビディア"]),
    # the known name is not a whole list item (Atari in "Atari ST"): no list
    ("欧州で発売されたザルテニカ、Atari ST用のソフト。", ["Atari"]),
])
def test_list_rule_needs_a_whole_known_member(nlp, finder, text, expected):
    assert [t for t, _ in found(nlp, finder, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a list closed by a company count (の2社, 各社, 両社): every member is a company
    ("のちに青葉製鋼と緑川精機の2社が加わった。", ["青葉製鋼", "緑川精機"]),
    ("霧島交通、ハルカ運送各社の営業所を統合した。", ["霧島交通", "ハルカ運送"]),
])
def test_members_of_a_counted_list_are_companies(nlp, finder, text, expected):
    assert [t for t, _ in found(nlp, finder, text)] == expected


@pytest.mark.parametrize("text", [
    "東京都、大阪府の両社",          # places
    "佐藤、鈴木の両社長が会談した。",  # 両社長 is no count of companies
    "山田太郎と佐藤花子の2社",        # people
])
def test_counted_list_rule_skips_people_places_and_titles(nlp, finder, text):
    assert found(nlp, finder, text) == []


# --- a katakana name glossed in Latin after a firm cue -------------------------------------

@pytest.mark.parametrize("text, expected", [
    # invented names, so that only the cue can find them
    ("オランダのベルクマンAI（Bergmann AI）は、推論用チップを開発する。",
     [("ベルクマンAI", "Bergmann AI"), ("Bergmann AI", "Bergmann AI")]),
    ("配車大手ミラ（Mira）系の新会社が発足した。", [("ミラ", "Mira"), ("Mira", "Mira")]),
    ("主要株主のノルデン・キャピタル・ワークス（Norden Capital Works）も出資した。",
     [("ノルデン・キャピタル・ワークス", "Norden Capital Works"), ("Norden Capital Works", "Norden Capital Works")]),
])
def test_cued_gloss_makes_both_sides_a_company(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_cued_gloss_name_is_a_company_elsewhere_in_the_document(nlp, finder):
    text = "ザイロが大型調達。イスラエルのザイロ（Zailo）は、資金を集めた。ザイロは2017年の設立。"
    assert found(nlp, finder, text) == [("ザイロ", "Zailo"), ("ザイロ", "Zailo"), ("Zailo", "Zailo"), ("ザイロ", "Zailo")]


@pytest.mark.parametrize("text", [
    "イスラエルのネタニヤフ（Netanyahu）首相が訪米した。",  # a person's title follows
    "米国のグーグル検索（Google Search）の仕様。",  # no katakana name right before the gloss
])
def test_cued_gloss_not_for_people_or_non_names(nlp, finder, text):
    assert all(t not in ("ネタニヤフ", "Netanyahu", "Google Search") for t, _ in found(nlp, finder, text))


def test_business_word_with_大手_introduces_a_name(nlp, finder):
    text = "同日、建設・重工業大手ミヤビ・アンド・トゥールは半導体子会社を設けた。"
    assert ("ミヤビ・アンド・トゥール", "ミヤビ・アンド・トゥール") in found(nlp, finder, text)


def test_a_known_name_at_the_end_of_a_persons_name_is_no_company(nlp, finder):
    text = "弟妹にはマーガレット・フォード、ウィリアム・フォードがいる。"
    assert found(nlp, finder, text) == []


def test_a_common_word_alias_counts_where_the_document_names_the_company_in_full(nlp, finder):
    text = "比亜迪は地平線機器人（ホライズン・ロボティクス）の「征程6M」を併用する。香港上場の地平線が出荷を増やした。"
    assert [t for t, c in found(nlp, finder, text) if c == "Horizon Robotics"] == ["地平線機器人", "ホライズン・ロボティクス", "地平線"]
    assert found(nlp, finder, "遠くの地平線が見えた。") == []


@pytest.mark.parametrize("text, short, canonical", [
    ("CGパワーはスターズ・マイクロエレクトロニクスと組む。出資比率はCGが92％、スターズが1％。", "スターズ", "Stars Microelectronics"),
    ("米ラムリサーチの中国比率は4割だった。ラムは「成熟品向けは続く」とみる。", "ラム", "Lam Research"),
    ("イスラエルのタワーセミコンダクターは増収だった。タワーの新工場に補助金が出る。", "タワー", "Tower Semiconductor"),
])
def test_the_first_word_of_a_company_named_in_full_names_it_again(nlp, finder, text, short, canonical):
    assert (short, canonical) in found(nlp, finder, text)
    # ...but not in a document that never names the company in full
    alone = text[text.index("。") + 1:]
    assert short not in [t for t, _ in found(nlp, finder, alone)]


# --- rules added after the heldout13/14 first run ----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("UMC　207億台湾ドル（▲1.6％）\nGUC　34億台湾ドル（＋45.0％）", [("UMC", "UMC"), ("GUC", "GUC")]),  # a table row
    ("車載半導体、調達先の多様化急ぐ　トヨタ・デンソーがルネサスと長期契約", [("トヨタ", "Toyota Motor"), ("デンソー", "Denso"),
                                                        ("ルネサス", "Renesas Electronics")]),  # not a person
    ("SiC基板大手の米コヒレント傘下の事業会社に出資する。", [("コヒレント", "Coherent")]),  # a company word after it
])
def test_table_rows_company_lists_and_company_words_after_an_ambiguous_name(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- rules added after the heldout15/16 first run ----------------------------------------


def test_a_company_named_after_a_part_word_it_does_not_end_in_stays(nlp, finder):
    assert ("ミライチップ", "ミライチップ") in found(nlp, finder, "新興企業のミライチップは推論用の半導体を開発する。")


def test_nordic_legal_form_stays_outside(nlp, finder):
    text = "ノルウェーのノルディック・セミコンダクター（Nordic Semiconductor ASA）は増収だった。"
    assert found(nlp, finder, text)[-1] == ("Nordic Semiconductor", "Nordic Semiconductor")


@pytest.mark.parametrize("text, absent", [
    ("小米（シャオミ）の「Xiaomi 17」を投入した。", "Xiaomi"),  # a phone named after its maker
    ("最先端の「Intel 18A」プロセスで製造する。", "Intel"),  # a process node
    ("生成AIを動かせる「Hailo-10H」の出荷を始めた。", "Hailo"),  # a chip named after its maker
    ("PC向けではArm勢が攻勢をかける。", "Arm"),  # the camp of Arm-based chip makers
])
def test_company_names_inside_product_names_are_not_mentions(nlp, finder, text, absent):
    assert absent not in [t for t, _ in found(nlp, finder, text)]


def test_latin_names_ending_in_a_company_word(nlp, finder):
    text = ("金融向けAIを開発するCorvid Labs（サンフランシスコ）は資金を調達した。Gridline AIは$40Mを集め、"
            "Peak XV Partnersが主導した。グーグルは「Gemini AI」を発表し、384個のAscend AIチップを使う。")
    assert [t for t, _ in found(nlp, finder, text)] == ["Corvid Labs", "Gridline AI", "Peak XV Partners", "グーグル"]


def test_funds_are_not_companies(nlp, finder):
    text = "サウジアラビアの政府系ファンド、パブリック・インベストメント・ファンド（PIF）が出資する。"
    assert found(nlp, finder, text) == []


def test_known_name_and_a_country_unit_is_its_own_company(nlp, finder):
    text = "SKテレコム傘下のAI半導体会社サピオン・コリア（SAPEON Korea）と合併した。"
    assert found(nlp, finder, text) == [("SKテレコム", "SK Telecom"), ("サピオン・コリア", "Sapeon Korea"),
                                        ("SAPEON Korea", "Sapeon Korea")]


def test_mgx_the_investor_not_nvidias_mgx_platform(nlp, finder):
    assert ("MGX", "MGX") in found(nlp, finder, "アブダビのMGXはOpenAIに出資した。")
    assert "MGX" not in [t for t, _ in found(nlp, finder, "エヌビディアのMGXプラットフォームを採用した。")]


def test_legal_forms_in_a_row_stay_outside(nlp, finder):
    text = "光モジュールの新易盛（Eoptolink Technology Inc., Ltd.）と米Kestrel Silicon Inc., Ltd.が組む。"
    names = [t for t, _ in found(nlp, finder, text)]
    assert "Eoptolink Technology" in names and "Kestrel Silicon" in names
    assert not any("Inc" in n for n in names)


@pytest.mark.parametrize("text, expected", [
    # the comma before Inc. belongs to neither the name nor the legal form
    ("原作の権利はMarrow Interactive, Inc.に移った。", "Marrow Interactive"),
    # a katakana name written with its Latin legal form
    ("独ヴァルトハイム・ハルプライターGmbHは新工場を建てる。", "ヴァルトハイム・ハルプライター"),
])
def test_unknown_name_before_a_latin_legal_form(nlp, finder, text, expected):
    assert [t for t, _ in found(nlp, finder, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a known name and a word that belongs to the name: one company with the known canonical
    ("ネットワーク用チップの瑞昱半導体（リアルテック）は増収だった。", ("瑞昱半導体", "Realtek Semiconductor")),
    ("先頭を走るのはセレブラス・システムズだ。", ("セレブラス・システムズ", "Cerebras Systems")),
    ("国有の中国移動通信集団が調達する。", ("中国移動通信集団", "China Mobile")),
    ("電源大手の台達電子工業（デルタ電子）は増収だった。", ("台達電子工業", "Delta Electronics")),
    # several name words, and an abbreviation glued to kana
    ("北方華創科技集団（ナウラ・テクノロジー）の売上高は伸びた。", ("北方華創科技集団", "NAURA Technology Group")),
    ("中微半導体設備（AMEC）は研究開発費を増やす。", ("中微半導体設備", "AMEC")),
    ("キオクシアHDは上場した。", ("キオクシアHD", "Kioxia")),
])
def test_known_name_with_name_words_after_it(nlp, finder, text, expected):
    assert expected in found(nlp, finder, text)


@pytest.mark.parametrize("text, name", [
    ("データセンター事業者のヨッタ・データ・サービシズは、GPUを調達した。", "ヨッタ・データ・サービシズ"),
    ("タタ・グループのタタ・コミュニケーションズも組む。", "タタ・コミュニケーションズ"),
    ("資金を集めた。ケストレル・シリコンの共同創業者は語った。", "ケストレル・シリコン"),
])
def test_unknown_katakana_companies_from_their_name_word_or_context(nlp, finder, text, name):
    assert name in [t for t, _ in found(nlp, finder, text)]


@pytest.mark.parametrize("text, absent", [
    ("国内証券のアナリストはそう話す。", "国内証券"),  # a kind of company, not a name
    ("光トランシーバーに組み込むDSP（デジタル信号処理）チップで高いシェアを持つ。", "DSP"),  # a term and its gloss
    ("任天堂の「Nintendo Switch 2」向けに供給する。", "Nintendo"),  # a product named after its maker
    ("タブレット「Xiaomi Pad 7 Ultra」を発売した。", "Xiaomi"),
    ("名義はマレーシアのペーパーカンパニーで、需要家は大学とされた。", "ペーパーカンパニー"),
])
def test_generic_phrases_terms_and_product_names_are_not_companies(nlp, finder, text, absent):
    assert absent not in [t for t, _ in found(nlp, finder, text)]


def test_a_maker_written_before_its_chip_in_quotes_is_still_a_company(nlp, finder):
    # a chip family after the name: the company and a chip, not a product name
    assert ("Google", "Google") in found(nlp, finder, "新機種は「Google Tensor G5」を採用した。")


def test_names_in_a_slash_separated_table(nlp, finder):
    text = "社名／売上高／営業利益\nアドバンテスト／5,370億円／2,010億円\nレーザーテック／1,120億円／480億円\n"
    assert [c for _, c in found(nlp, finder, text)] == ["Advantest", "Lasertec"]


def test_ambiguous_alias_right_after_a_company_word(nlp, finder):
    # バーンスタイン is also a surname: only as written and, after kanji, only after a company word
    assert found(nlp, finder, "米調査会社バーンスタインによると、市場は伸びる。") == [("バーンスタイン", "Bernstein")]
    assert found(nlp, finder, "指揮者バーンスタインの録音を聴いた。") == []


def test_chip_kind_acronyms_are_not_companies(nlp, finder):
    assert [t for t, _ in found(nlp, finder, "米マーベル・テクノロジーはDSPとASICで高いシェアを持つ。")] == ["マーベル・テクノロジー"]


def test_a_product_named_after_its_maker_is_no_company_and_no_unit(nlp, finder):
    assert found(nlp, finder, "層間絶縁材「味の素ビルドアップフィルム（ABF）」で世界シェアを握る。") == []
    assert found(nlp, finder, "味の素は増益だった。") == [("味の素", "Ajinomoto")]


def test_gloss_of_a_strict_alias_after_a_start_up_word_takes_the_known_canonical(nlp, finder):
    text = "イスラエルの新興企業ヘイロー（Hailo Technologies Ltd.）は量産を始めた。GPUクラウドの米Lambda（ラムダ）も伸びる。"
    assert found(nlp, finder, text) == [("ヘイロー", "Hailo"), ("Hailo Technologies", "Hailo"),
                                        ("Lambda", "Lambda"), ("ラムダ", "Lambda")]
    assert found(nlp, finder, "AWS Lambdaで関数を動かす。") == [("AWS", "AWS")]


def test_a_kanji_name_after_a_kind_of_company_and_a_comma(nlp, finder):
    assert found(nlp, finder, "蘇州の新興装置メーカー、晶拓微装の幹部は話す。") == [("晶拓微装", "晶拓微装")]
    assert found(nlp, finder, "国内の大手企業、関係者の話では増える。") == []


@pytest.mark.parametrize("text, expected", [
    ("分社化した番組制作会社・翔鷗映像に出向した。", [("翔鷗映像", "翔鷗映像")]),
    # (but 企業・団体: two kinds of organisation, no name)
    ("国内の企業・団体に協力を求めた。", []),
    ("検査装置の新興メーカー・オルテア精機は上場を目指す。", [("オルテア精機", "オルテア精機")]),
    ("中国の動画配信会社「ミンユエ」が主催する。", [("ミンユエ", "ミンユエ")]),
    # a slogan in quotes is no company, nor is a word after a company word and ・
    ("会社「変わり続ける」を掲げた。", []),
])
def test_a_name_after_a_kind_of_company_and_a_middle_dot_or_quote(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_a_university_spin_off_and_its_gloss_after_a_legal_form(nlp, finder):
    assert found(nlp, finder, "東京大学発のルリカ・フォトニクス（東京・文京）は資金を調達した。") == \
        [("ルリカ・フォトニクス", "ルリカ・フォトニクス")]
    # the legal form stands between the name and its Latin gloss: both sides, the Latin canonical
    assert found(nlp, finder, "京大発のヒバナ・シリコン株式会社（Hibana Silicon）は量産に入る。") == \
        [("ヒバナ・シリコン", "Hibana Silicon"), ("Hibana Silicon", "Hibana Silicon")]


@pytest.mark.parametrize("text", [
    "光電融合の「IOWN」構想を背景に新興企業が増えた。",   # an initiative
    "「dynabook」ブランドのPCを売る。",                      # a brand
    "インドで合弁のOSAT工場を設ける。",                      # a kind of business
    "業界団体のRISC-Vインターナショナルによると、採用が広がる。",  # part of a longer name
])
def test_initiatives_brands_kinds_and_name_pieces_are_no_companies(nlp, finder, text):
    assert found(nlp, finder, text) == []


def test_a_former_parent_and_a_short_bank_name(nlp, finder):
    text = "KOKUSAI ELECTRICは日立国際電気の半導体装置事業を源流とする。"
    assert found(nlp, finder, text) == [("KOKUSAI ELECTRIC", "Kokusai Electric"),
                                        ("日立国際電気", "Hitachi Kokusai Electric")]
    assert found(nlp, finder, "メガバンクと政投銀が協調融資する。") == [("政投銀", "Development Bank of Japan")]


def test_an_unknown_name_and_its_latin_gloss_share_the_latin_canonical(nlp, finder):
    text = "ベンガルールに拠点を置くヴァルナ・シリコン（Varuna Silicon）が資金を集めた。"
    assert found(nlp, finder, text) == [("ヴァルナ・シリコン", "Varuna Silicon"), ("Varuna Silicon", "Varuna Silicon")]
    text = "独ベルクシュタイン・シリコン（Bergstein Silicon GmbH）は新工場を建てる。"
    assert [c for _, c in found(nlp, finder, text)] == ["Bergstein Silicon", "Bergstein Silicon"]


def test_a_note_in_parentheses_in_a_table_row_is_no_gloss(nlp, finder):
    text = "社名｜売上高\nローム（連結）｜2,400億円\n東芝（デバイス＆ストレージ）｜1,650億円\n"
    assert found(nlp, finder, text) == [("ローム", "Rohm"), ("東芝", "Toshiba")]


@pytest.mark.parametrize("text, expected", [
    ("部材商社の北斗メモリ商事（東京・千代田）も「在庫は1カ月分」と話す。", [("北斗メモリ商事", "北斗メモリ商事")]),
    ("大阪の中古スマホ販売、ミライモバイル（大阪市）は語る。", [("ミライモバイル", "ミライモバイル")]),
    # the same parentheses after the company itself, a factory or a hall: no new name
    ("同社（東京・港）は発表した。工場（豊田市）で生産する。大阪城ホール（大阪市）で公演した。", []),
])
def test_a_name_followed_by_its_head_office_is_a_company(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_global_belongs_to_the_name(nlp, finder):
    text = "イスラエルのモービルアイ・グローバル（Mobileye Global）は出荷を増やす。"
    assert found(nlp, finder, text) == [("モービルアイ・グローバル", "Mobileye"), ("Mobileye Global", "Mobileye")]


@pytest.mark.parametrize("text, absent", [
    ("中聞泰科技（ウィングテック）は、オランダの子会社ネクスペリアの経営権を失った。", "オランダ"),  # a country
    ("オラクルは「Oracle Cloud Infrastructure（OCI）」で契約した。", "Oracle"),  # a product, its acronym inside
    ("積層セラミックコンデンサー（MLCC）最大手の村田製作所は増収だった。", "MLCC"),  # a component
    ("韓国政府は国内ディスプレー産業の支援策を出した。", "ディスプレー産業"),  # an industry
])
def test_countries_products_components_and_industries_are_not_companies(nlp, finder, text, absent):
    assert absent not in [t for t, _ in found(nlp, finder, text)]


# --- rules added after the heldout11/12 first run ----------------------------------------

def test_a_kanji_name_of_dictionary_words_after_a_comma_when_a_company_word_ends_it(nlp, finder):
    # Sudachi reads 雲峰微電子 as common nouns; 微電子 ends company names, so the chunk is one
    text = "深圳の新興企業、雲峰微電子は低価格チップを売る。杭州の新興企業、玄海時空（Genkai）は出荷した。"
    assert [t for t, _ in found(nlp, finder, text)][:2] == ["雲峰微電子", "玄海時空"]


@pytest.mark.parametrize("text, expected", [
    # a shortened form in the same script is the same company
    ("装置大手のハヤテ精密工業（ハヤテ精密）は増益だった。", [("ハヤテ精密工業", "ハヤテ精密工業"), ("ハヤテ精密", "ハヤテ精密工業")]),
    ("東京精密（東精密）はプローバーの受注が増えた。", [("東京精密", "Tokyo Seimitsu"), ("東精密", "Tokyo Seimitsu")]),
    # a description in the same words is not
    ("ハヤテ精密工業（精密部品）は増益だった。", [("ハヤテ精密工業", "ハヤテ精密工業")]),
])
def test_a_shortened_gloss_names_the_company_again(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_shortens():
    from pipeline.companies import _shortens

    assert _shortens("東精密", "東京精密") and _shortens("アドテスト", "アドバンテスト")
    assert not _shortens("精密", "東京精密")  # another first character
    assert not _shortens("東京精密", "東京精密") and not _shortens("東密精", "東京精密")


@pytest.mark.parametrize("text, absent", [
    ("業界団体シリコン・ザクセンによると、関連企業は増えた。", "シリコン・ザクセン"),  # an association
    ("アブダビ政府系ファンドのムバダラ・インベストメントが出資した。", "ムバダラ・インベストメント"),  # a state fund
    ("SKハイニックスは米子会社ソリダイムの損失を計上した。", "米子会社"),  # 米 + 子会社
    ("米アップルの新型iPhone向けパネルが伸びた。", "新型iPhone"),  # a product
    ("三菱UFJ銀行、みずほ銀行、三井住友銀行の3メガバンクが融資する。", "3メガバンク"),  # a count of banks
    ("何小鵬・董事長兼CEOは、提携を語った。", "小鵬"),  # a person named like XPeng
    ("ネクサリスは、インテル・ファウンドリーの18Aで試作した。", "18A"),  # a process node
    ("米投資会社アポロ・グローバル・マネジメントに売った。カナダの調査会社が分解した。", "投資会社"),  # kinds of company
    ("最新DDI「NT37801」は米アップルのスマホ向けだ。", "DDI"),  # a display driver IC, not 第二電電
    ("GeForce RTX 5070 TiとRTX PRO 6000を比べた。", "RTX"),  # a GPU, not RTX Corp.
    ("台湾半導体の10月売上高、TSMCが単月で最高", "台湾半導体"),  # an industry
    ("米エヌビディアのカスタムSoC「T239」も使う。", "カスタムSoC"),  # a part
    ("JSRも、EUVレジストの売上高が伸びた。", "EUVレジスト"),  # a material
    ("富士電機が無停電電源装置（UPS）の受注を積む。", "UPS"),  # a power supply, not the carrier
    ("Bluetooth向けSoCが伸びた。", "Bluetooth"),  # a standard
    ("東京市場では東京エレクトロンが上げた。", "東京市場"),  # a market
    ("台湾ODM、AIサーバーで過去最高売上　広達は上半期6割増", "AIサーバー"),  # a product
    ("量子コンピューターの開発競争が激しい。", "量子コンピューター"),
    ("両社の装置はチップではなくイオンを閉じ込める。", "イオン"),  # ions
])
def test_words_found_after_session_4_first_runs_are_not_companies(nlp, finder, text, absent):
    # organisations, relations, products, counts, people, process nodes, kinds of company,
    # parts, materials, standards, markets, industries (heldout11..18)
    assert absent not in [t for t, _ in found(nlp, finder, text)]


@pytest.mark.parametrize("text, expected", [
    ("イオンは増益だった。", [("イオン", "Aeon")]),  # the retailer
    ("イオン注入装置の受注が伸びた。両社の装置はイオンを閉じ込める。", []),  # ions
])
def test_aeon_but_not_ions(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- after the heldout21/22 first run ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an agency, a kind of chip and a fund are no companies; the fund's name holds no company either
    ("出荷には原則としてBISの許可が要る。", []),
    ("AMDのAPU「Ryzen Z2 Extreme」を積む。", [("AMD", "AMD")]),
    ("グーグルやソフトバンク・ビジョン・ファンドが出資した。", [("グーグル", "Google")]),
    # a holding company apart from its game maker; Chinese names with their company words
    ("セガサミーホールディングスはセガの親会社だ。", [("セガサミーホールディングス", "Sega Sammy Holdings"), ("セガ", "Sega")]),
    ("上海の稀宇科技（MiniMax）は香港市場へ上場した。", [("稀宇科技", "MiniMax"), ("MiniMax", "MiniMax")]),
    ("智譜AI（ジープーAI）は北京に拠点を置く。", [("智譜AI", "Zhipu AI"), ("ジープーAI", "Zhipu AI")]),
])
def test_agencies_funds_holdings_and_chinese_ai_firms(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- after the heldout23/24 first run ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a known name with an inner space, and a holding company apart from its operating company
    ("東京エレクトロン デバイス（TED）は減益だった。", [("東京エレクトロン デバイス", "Tokyo Electron Device"), ("TED", "Tokyo Electron Device")]),
    ("マクニカHDの中核子会社マクニカが伸びた。", [("マクニカHD", "Macnica Holdings"), ("マクニカ", "Macnica")]),
    # an ambiguous short name right after a company word
    ("アルテラは株式の51%を米投資会社シルバーレイクに売却した。", [("アルテラ", "Altera"), ("シルバーレイク", "Silver Lake")]),
    # a fund named after a company, a kind of company, a generic railway, a kind of chip, an index, a phone
    ("サムスン電子系の「サムスン・カタリスト・ファンド」も出資した。", [("サムスン電子", "Samsung Electronics")]),
    ("ファブレス（工場を持たない半導体設計会社）が増えた。", []),
    ("空港アクセス鉄道の整備を急ぐ。", []),
    ("プログラマブル半導体子会社の株式を売った。", []),
    ("フィラデルフィア半導体株指数（SOX）が2.8%上昇した。", []),
    ("アリゾナ工場でiPhone向けチップの生産が始まった。", []),
])
def test_holdings_short_names_funds_and_generic_words(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- after the heldout25/26 first run ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a person's given and family names before CEO, places before の工場, a legal form alone
    ("売上高は16.9%増え、ヴィンセント・ロシュCEOは「底を打った」と述べた。", []),
    ("同業のユニセムも、ペナンの工場に投資する。", [("ユニセム", "Unisem")]),
    ("センサーを増産する。独ドレスデンの工場に追加投資する。", []),
    ("工科大学発のフェルトマン・シリコン（Veltman Silicon B.V.）が資金を調達した。",
     [("フェルトマン・シリコン", "Veltman Silicon"), ("Veltman Silicon", "Veltman Silicon")]),
    # kinds of company and generic words
    ("国内のスマホ大手やサーバー各社への供給を広げる。", []),
    ("蘭ベンチャーキャピタルのイノベーション・インダストリーズが出資した。",
     [("イノベーション・インダストリーズ", "Innovation Industries")]),
    ("EDA国内最大手の北京華大九天科技（Empyrean）は増収だった。",
     [("北京華大九天科技", "Empyrean Technology"), ("Empyrean", "Empyrean Technology")]),
])
def test_people_places_legal_forms_and_kinds_of_company(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- after the heldout27/28 first run ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a kind of company before a name with its head office stays outside the name
    ("東京大学発の新興企業コトノハ・ラボ（東京・文京）がモデルを開発する。", [("コトノハ・ラボ", "コトノハ・ラボ")]),
    # an index, a kind of product and a kind of service are no companies
    ("日経平均株価は1.1%上昇した。", []),
    ("プローブカードも品薄が続く。", []),
    ("国内のGPUクラウド市場が伸びる。", []),
    # a Japanese subsidiary apart from its parent; a table row's short name
    ("日本HPは新モデルを発売した。", [("日本HP", "HP Japan")]),
    ("ＳＣＲＥＥＮ　2688億円　＋3.1％\nＫＯＫＵＳＡＩ　1218億円　＋0.8％",
     [("ＳＣＲＥＥＮ", "Screen Holdings"), ("ＫＯＫＵＳＡＩ", "Kokusai Electric")]),
])
def test_kinds_indices_subsidiaries_and_table_short_names(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


# --- after the heldout29/30 first run ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # shares of a company named by an ambiguous short name; a holding company apart from its brand
    ("親会社のSBGはアーム株の約90％を保有する。", [("SBG", "SoftBank Group"), ("アーム", "Arm")]),
    ("パナソニックHDは傘下のパナソニックエナジーに投資する。",
     [("パナソニックHD", "Panasonic Holdings"), ("パナソニックエナジー", "Panasonic Energy")]),
    # a suffix's abbreviation, a kind of use and a kind of computing are no names
    ("パナソニックホールディングス（HD）は増益だった。", [("パナソニックホールディングス", "Panasonic Holdings")]),
    ("アンテナを制御するビームフォーミング用の半導体だ。", []),
    ("エッジAI向けチップの量産を始める。", []),
])
def test_shares_holdings_and_words_that_are_no_names(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # が運営 names the operator only as a verb: 運営費 is a cost
    ("電力コストが運営費の4割を占める。", []),
    ("楽天が運営するサイトだ。", [("楽天", "Rakuten Group")]),
    # Arm next to x86 or RISC-V is the architecture; the company's own quoted name is its product
    ("サーバー用途ではx86やArm向けに比べて遅れがある。", []),
    ("英アームの「Arm」やインテルなどの「x86」に続く選択肢だ。", [("アーム", "Arm"), ("インテル", "Intel")]),
    # a short form named in full in the same document; a stock-page abbreviation
    ("台湾の晶心科技（アンデス・テクノロジー）は伸びた。ルネサスはアンデスのコアを使う。",
     [("晶心科技", "Andes Technology"), ("アンデス・テクノロジー", "Andes Technology"), ("ルネサス", "Renesas Electronics"),
      ("アンデス", "Andes Technology")]),
    ("SCREENホールディングスは増益だった。ｽｸﾘｰﾝの社長は語った。",
     [("SCREENホールディングス", "Screen Holdings"), ("ｽｸﾘｰﾝ", "Screen Holdings")]),
    ("信越化は「決定した事実はない」とコメントした。", [("信越化", "Shin-Etsu Chemical")]),
    # a state fund is no company; a rating agency apart from its parent
    ("産業革新投資機構（JIC）が出資する。JICの幹部は語った。", []),
    ("S&Pグローバル・レーティングはS&Pグローバルの格付け部門だ。",
     [("S&Pグローバル・レーティング", "S&P Global Ratings"), ("S&Pグローバル", "S&P Global")]),
    ("傘下の緯穎科技服務（ウィウィン）は増収だった。", [("緯穎科技服務", "Wiwynn"), ("ウィウィン", "Wiwynn")]),
    ("キーエンスとオムロン、三菱UFJフィナンシャル・グループ。",
     [("キーエンス", "KEYENCE"), ("オムロン", "OMRON"), ("三菱UFJフィナンシャル・グループ", "Mitsubishi UFJ Financial Group")]),
])
def test_operators_architectures_short_forms_and_funds(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a newspaper's short form in a headline; Chinese sensor makers in kanji and katakana
    ("ローム・三菱電、SiC投資で明暗", [("ローム", "Rohm"), ("三菱電", "Mitsubishi Electric")]),
    ("格科微電子（ギャラクシーコア）や思特威が伸びた。韋爾の売上高は増えた。",
     [("格科微電子", "GalaxyCore"), ("ギャラクシーコア", "GalaxyCore"), ("思特威", "SmartSens Technology"),
      ("韋爾", "Will Semiconductor")]),
    ("米ロッキード・マーチンと京都銀行、味の素ファインテクノが出資した。",
     [("ロッキード・マーチン", "Lockheed Martin"), ("京都銀行", "Bank of Kyoto"), ("味の素ファインテクノ", "Ajinomoto Fine-Techno")]),
    ("台湾の微星科技（MSI）が値上げした。", [("微星科技", "MSI"), ("MSI", "MSI")]),
])
def test_short_forms_and_names_from_the_thirty_third_sets(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # stock-page short forms
    ("ソシオネク株に買いが集中し、富士電と新光電工、住友電も上げた。",
     [("ソシオネク", "Socionext"), ("富士電", "Fuji Electric"), ("新光電工", "Shinko Electric Industries"),
      ("住友電", "Sumitomo Electric Industries")]),
    ("装置では東エレとアドバン、素材では信越が潤う。エヌビの製品は止まった。",
     [("東エレ", "Tokyo Electron"), ("アドバン", "Advantest"), ("信越", "Shin-Etsu Chemical"), ("エヌビ", "NVIDIA")]),
    # a short form's longer neighbours stay themselves
    ("富士電子工業と九電工、九州電力送配電。", [("富士電子工業", "富士電子工業"), ("九電工", "Kyudenko"),
                                        ("九州電力送配電", "Kyushu Electric Power Transmission and Distribution")]),
    # a context alias before 傘下 is the parent; IonQ is not Aeon
    ("アルファベット傘下の米グーグルと米イオンキューが競う。",
     [("アルファベット", "Alphabet"), ("グーグル", "Google"), ("イオンキュー", "IonQ")]),
    # a company inside its own quoted product is not a mention, unless the product is one of its chips
    ("米IBMは「IBM Quantum System Two」を発表した。", [("IBM", "IBM")]),
    ("グーグルの「Google Tensor G5」を積む。", [("グーグル", "Google"), ("Google", "Google")]),
    # subsidiaries named in full, and a Chinese maker with its katakana gloss
    ("米アムコー・テクノロジーの現地法人アムコー・テクノロジー・ベトナムが工場を広げる。",
     [("アムコー・テクノロジー", "Amkor Technology"), ("アムコー・テクノロジー・ベトナム", "Amkor Technology Vietnam")]),
    ("子会社のSCREENセミコンダクターソリューションズと中国の星宸科技（シグマスター）。",
     [("SCREENセミコンダクターソリューションズ", "SCREEN Semiconductor Solutions"), ("星宸科技", "SigmaStar Technology"),
      ("シグマスター", "SigmaStar Technology")]),
])
def test_short_forms_parents_products_and_subsidiaries(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # industries that name companies after a founder or a place: 鉄鋼, 造船, 印刷所, the old form 證券
    ("そんな折、熊井鉄鋼の社長から売込みがあった。", [("熊井鉄鋼", "熊井鉄鋼")]),
    ("大谷印刷所はオフセット印刷で営業を伸ばした。", [("大谷印刷所", "大谷印刷所")]),
    ("樺太證券はかつて存在した証券会社である。", [("樺太證券", "樺太證券")]),
    ("耕洋丸の代船として林兼造船で建造された。", [("林兼造船", "林兼造船")]),
    # the industries themselves, an office and cargo are no names
    ("国内の鉄鋼と造船が伸びた。", []),
    ("東京事務所を開設した。九州貨物が増えた。", []),
])
def test_industry_suffixes_after_a_founder_or_a_place(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a legal form after a context alias; a kind of trading house before a name
    ("丸文(株)は純損益が赤字だった。", [("丸文", "Marubun")]),
    # (丸文 alone was no name until session 7: heldout23 and heldout45 both write it so, a strict alias now)
    ("丸文は赤字だった。", [("丸文", "Marubun")]),
    ("米半導体商社ベルクレスト・トレーディング（カリフォルニア州サンノゼ）に罰金を科した。",
     [("ベルクレスト・トレーディング", "ベルクレスト・トレーディング")]),
    # companies the writer does not name, and a piece of a list of kinds of company
    ("業界では「A社」と呼ばれる。C社向けのチップを作る。", []),
    ("半導体商社・エレクトロニクス商社の決算が出そろった。", []),
    # a Chinese listed company with its katakana gloss, a conglomerate and its subsidiary
    ("サーバー大手の浪潮電子信息産業（インスパー）にも転売された。",
     [("浪潮電子信息産業", "Inspur Information"), ("インスパー", "Inspur Information")]),
    ("複合企業YTLコーポレーション傘下のYTLパワー・インターナショナルが建設する。",
     [("YTLコーポレーション", "YTL Corporation"), ("YTLパワー・インターナショナル", "YTL Power International")]),
])
def test_trading_houses_unnamed_firms_and_groups(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an index is no company, a headline's two words are no name, a memory standard is no name
    ("日経平均への寄与度が大きかったのは東エレクだ。", [("東エレク", "Tokyo Electron")]),
    ("東証前引け　半導体株が反発　東エレクやアドテストに買い",
     [("東エレク", "Tokyo Electron"), ("アドテスト", "Advantest")]),
    ("モバイル向けのUFS製品の価格は横ばいだった。", []),
    # but a Japanese name may hold a space between katakana words
    ("東京エレクトロン デバイスとジャフコ グループが出資した。",
     [("東京エレクトロン デバイス", "Tokyo Electron Device"), ("ジャフコ グループ", "JAFCO Group")]),
    # Chinese FPGA makers with their Latin glosses
    ("中国では安路科技（Anlogic）や紫光同創（Pango Micro）、高雲半導体（GOWIN）が伸びる。",
     [("安路科技", "Anlogic Infotech"), ("Anlogic", "Anlogic Infotech"), ("紫光同創", "Pango Microsystems"),
      ("Pango Micro", "Pango Microsystems"), ("高雲半導体", "Gowin Semiconductor"), ("GOWIN", "Gowin Semiconductor")]),
])
def test_indices_headlines_standards_and_fpga_makers(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a funding round is no name; a rating agency's unit apart from its parent
    ("同日、シリーズAの資金調達で総額18億円を集めた。", []),
    ("米格付け会社ムーディーズ・レーティングスは見通しを引き下げた。", [("ムーディーズ・レーティングス", "Moody's Ratings")]),
    # a group company written with a space, and a Japanese arm, are not their parents
    ("パナソニック コネクトは頑丈さを売りにする。日本マイクロソフトはNPUを求める。",
     [("パナソニック コネクト", "Panasonic Connect"), ("日本マイクロソフト", "Microsoft Japan")]),
    ("素材では東応化が伸びた。", [("東応化", "Tokyo Ohka Kogyo")]),
])
def test_rounds_units_and_japanese_arms(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected



def test_a_glossed_name_keeps_its_canonical_when_written_again(nlp, finder):
    text = ("中国・深圳のゲーム機メーカー、游極科技（Youji Technology Co., Ltd.）が発売した。"
            "游極科技は2025年の出荷目標を50万台とした。")
    assert found(nlp, finder, text) == [("游極科技", "Youji Technology"), ("Youji Technology", "Youji Technology"),
                                        ("游極科技", "Youji Technology")]


def test_a_glossed_name_a_model_found_propagates(nlp, finder):
    # a name written with its gloss is as sure as a rule's find: it is a company wherever else it stands
    text = ("国内大手が敗訴した。中国・瀾芯科技（Lanxin Technology）は控訴する方針だ。\n\n"
            "一方、瀾芯科技は「当社製品は独自技術で開発した」とコメントした。")
    assert [m for m in found(nlp, finder, text) if m[0] == "瀾芯科技"] == [("瀾芯科技", "Lanxin Technology")] * 2


@pytest.mark.parametrize("text, expected", [
    ("マイコン不足が再燃　マツダが国内2工場で減産、部品各社にも波及", [("マツダ", "Mazda Motor")]),
    ("のちに東洋製鐡と大阪製鐡の2社が加わった。", [("東洋製鐡", "東洋製鐡"), ("大阪製鐡", "大阪製鐡")]),
    ("東海電装工業は主力行の三菱UFJ銀行から30億円を借りた。", [("東海電装工業", "東海電装工業"), ("三菱UFJ銀行", "MUFG Bank")]),
    ("マルチコアはｸｱﾙｺﾑとメディアテックの差が小さい。", [("ｸｱﾙｺﾑ", "Qualcomm"), ("メディアテック", "MediaTek")]),
    ("推定単価は約95ドルで、BOM全体の約48％を占めた。", []),
    ("ホール効果センサーを使う。センサーは旭化成エレクトロニクス製で、", [("旭化成エレクトロニクス", "Asahi Kasei Microdevices")]),
    ("RISC-V陣営の売上高は現状、Arm陣営の1割にも満たない。", []),
    ("シェアは31％になった（カウンターポイント調べ）。", [("カウンターポイント", "Counterpoint Research")]),
    ("東芝デバイス＆ストレージは子会社の加賀東芝エレクトロニクスの新棟で量産を始めた。",
     [("東芝デバイス＆ストレージ", "Toshiba Electronic Devices & Storage"), ("加賀東芝エレクトロニクス", "Kaga Toshiba Electronics")]),
])
def test_kinds_of_company_common_nouns_camps_and_credits(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a Chinese name whose characters Sudachi reads as a person's given name and surname
    ("中国の低価格イヤホンでは、恒玄科技（ベステクニック）の製品が定番だ。",
     [("恒玄科技", "Bestechnic"), ("ベステクニック", "Bestechnic")]),
    ("中国の新興企業、華芯恒達科技が上場した。", [("華芯恒達科技", "華芯恒達科技")]),
    # a one-character country prefix cues a katakana name glossed in Latin letters
    ("米チップエージェンツ（ChipAgents）は今月、資金調達を発表した。",
     [("チップエージェンツ", "ChipAgents"), ("ChipAgents", "ChipAgents")]),
    ("独メルセデス・ベンツ・グループやボルボ・カーズも採用を決めている。",
     [("メルセデス・ベンツ・グループ", "Mercedes-Benz Group"), ("ボルボ・カーズ", "Volvo Cars")]),
    ("このほか丸文は為替差損が響いた。", [("丸文", "Marubun")]),
    ("丸文字の看板が並ぶ。", []),
    ("富士通クライアントコンピューティング（FCCL）、ダイナブック、VAIOといった国内勢",
     [("富士通クライアントコンピューティング", "Fujitsu Client Computing"), ("FCCL", "Fujitsu Client Computing"),
      ("ダイナブック", "Dynabook"), ("VAIO", "VAIO")]),
    # Huawei's Kirin chips are not the brewer
    ("ファーウェイの「Kirin A2」とKirin 9030を比べた。", [("ファーウェイ", "Huawei")]),
])
def test_chinese_names_cued_glosses_and_new_entries(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a Latin name glossed with its reading, after a firm cue or before 社
    ("米カリフォルニア州のZentrix（ゼントリクス）社は資金を調達した。", [("Zentrix", "Zentrix"), ("ゼントリクス", "Zentrix")]),
    ("台湾のKorvane（コーベイン）や中国勢のカード", [("Korvane", "Korvane"), ("コーベイン", "Korvane")]),
    ("米国のトランプ（Trump）大統領が語った。", []),
    # a legal form written in Chinese stays outside the name
    ("耀芯科技股份有限公司（Glowcore Technology Co., Ltd.）　2016年設立。",
     [("耀芯科技", "Glowcore Technology"), ("Glowcore Technology", "Glowcore Technology")]),
    # and so does a Latin one before a katakana reading
    ("城南市のBomNal Silicon Co., Ltd.（ボムナル・シリコン）は音声認識チップを開発した。",
     [("BomNal Silicon", "BomNal Silicon"), ("ボムナル・シリコン", "BomNal Silicon")]),
    # a country and a place; a span across a quotation mark
    ("NXPは、オランダ・ナイメーヘンの工場の改修に補助金を申請中だ。", [("NXP", "NXP Semiconductors")]),
    ("基板材料では、味の素の絶縁フィルム「味の素ビルドアップフィルム（ABF）」が不可欠だ。", [("味の素", "Ajinomoto")]),
    # katakana names joined to シリコン by ・ (not materials)
    ("ベンガルールのヴァジュラ・シリコンは、自社開発のマイコンを量産する。", [("ヴァジュラ・シリコン", "ヴァジュラ・シリコン")]),
    ("ポリシリコンの価格が下がった。アモルファス・シリコンの薄膜を使う。", []),
])
def test_readings_chinese_legal_forms_places_and_silicon_names(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a country is no company, even after 大手の
    ("補聴器世界大手のデンマークのデマント（Demant）が出資した。", [("デマント", "Demant"), ("Demant", "Demant")]),
    # (a legal form still makes a company of a country's name)
    ("株式会社トーゴの機器メンテナンスを継承した。", [("トーゴ", "トーゴ")]),
    # a katakana name before 電子
    ("名古屋市のソラカゼ電子は宇宙用エッジAIチップを開発した。", [("ソラカゼ電子", "ソラカゼ電子")]),
    # a maker's name at the head of a quoted product; a site named like its operator
    ("独自チップ「V5」を「vivo X300」シリーズに組み込んだ。", []),
    ("価格比較サイト「価格.com」を運営するカカクコムが集計した。", [("カカクコム", "Kakaku.com")]),
    # a unit after a number is not the card maker the document names
    ("RTX 5090は32ギガバイトのメモリーを積む。台湾ギガバイト（GIGABYTE）製のカードだ。",
     [("ギガバイト", "Gigabyte Technology"), ("GIGABYTE", "Gigabyte Technology")]),
])
def test_countries_electronics_names_and_products_named_after_makers(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the maker at the head of a quoted product with a model id is no mention there
    ("VAIO（長野県安曇野市）は「VAIO SX14-R」を発売した。", [("VAIO", "VAIO")]),
    # a kind of company with 大手 inside is no name
    ("台湾大手証券の元大証券は強気だ。", [("元大証券", "Yuanta Securities")]),
    # the katakana head of a X・セミコンダクター name is the company alone later on
    ("スタートアップのミヤビ・セミコンダクター（東京・文京）は42億円を調達した。ミヤビは東大の技術を使う。",
     [("ミヤビ・セミコンダクター", "ミヤビ・セミコンダクター"), ("ミヤビ", "ミヤビ・セミコンダクター")]),
    # Singapore's legal form stays outside the name
    ("シンガポールの調査会社ケダイ・アナリティクス（Kedai Analytics Pte. Ltd.）が集計した。",
     [("ケダイ・アナリティクス", "Kedai Analytics"), ("Kedai Analytics", "Kedai Analytics")]),
    # a parent and its subsidiaries, each its own company
    ("オムロン傘下の投資子会社オムロンベンチャーズが出資し、オムロンヘルスケアが採用した。",
     [("オムロン", "OMRON"), ("オムロンベンチャーズ", "Omron Ventures"), ("オムロンヘルスケア", "Omron Healthcare")]),
])
def test_products_kinds_of_company_short_heads_and_subsidiaries(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a head office in a katakana city; a katakana noun GiNZA tags as a verb still starts a name
    ("2023年創業のニューロメッシュ（ソウル市）は光配線を開発する。", [("ニューロメッシュ", "ニューロメッシュ")]),
    ("国産サーバーメーカーのヤマブキ計算機（横浜市）は用途に合わせる。", [("ヤマブキ計算機", "ヤマブキ計算機")]),
    # a Chinese firm in kanji glossed with its name after a cue; not a word glossed with its acronym
    ("新興の芯衡智能（XinHeng AI）も名乗りを上げた。", [("芯衡智能", "XinHeng AI"), ("XinHeng AI", "XinHeng AI")]),
    ("中国の電気自動車（EV）メーカーが自社開発を急ぐ。", []),
    # short forms of names found by rules: the kanji head of X微電子, the katakana head of X・シリコン
    ("米パラゴン・シリコン（Paragon Silicon Inc.）は台湾の聯陽微電子（Lianyang Microelectronics）を提訴した。"
     "聯陽は反論し、パラゴンは譲らない。",
     [("パラゴン・シリコン", "Paragon Silicon"), ("Paragon Silicon", "Paragon Silicon"),
      ("聯陽微電子", "Lianyang Microelectronics"), ("Lianyang Microelectronics", "Lianyang Microelectronics"),
      ("聯陽", "Lianyang Microelectronics"), ("パラゴン", "Paragon Silicon")]),
    # kinds of company and securities are no names; a known name longer than a legal form's guess
    ("台湾のIC設計会社を提訴した。TSMCの米預託証券（ADR）は上がった。", [("TSMC", "TSMC")]),
    ("（株）ルネサス エレクトロニクス出身の技術者が多い。", [("ルネサス エレクトロニクス", "Renesas Electronics")]),
    # a company's name at the head of its product's name
    ("OSはRed Hat Enterprise Linux 9.4を使う。", []),
])
def test_head_offices_kanji_glosses_short_forms_and_kinds_of_company(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an association glossed with its acronym is no company
    ("米国の半導体工業会（SIA）は懸念を示した。", []),
    # a Latin legal form after a known name stays outside it
    ("米Coherent Corp.とBlock, Inc.が発表した。", [("Coherent", "Coherent"), ("Block", "Block")]),
])
def test_associations_and_latin_legal_forms_after_known_names(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an ambiguous katakana name after a country, also before 向け
    ("米マイクロソフトや米メタ向けの比率が高い。", [("マイクロソフト", "Microsoft"), ("メタ", "Meta")]),
    ("▽韓国リベリオン、新チップを量産", [("リベリオン", "Rebellions")]),
    # an industry word never takes a name from across a line break; materials are no names
    ("ロームはSiC増産\n\n電気自動車（EV）の需要に備える。", [("ローム", "Rohm")]),
    ("三菱電機と共に米コヒレント傘下のSiC事業会社へ出資した。", [("三菱電機", "Mitsubishi Electric"), ("コヒレント", "Coherent")]),
    # a head office written as a city and a ward GiNZA does not know as a place
    ("独立系システム開発会社のテクノフォース（東京・港）は提供する。テクノフォースの社長は語る。",
     [("テクノフォース", "テクノフォース"), ("テクノフォース", "テクノフォース")]),
    # a katakana maker's name with a number and a grade word is a phone
    ("「OV50K40」がシャオミ15 Ultraに採用された。", []),
])
def test_ambiguous_names_after_countries_line_breaks_wards_and_phones(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a Chinese firm's name in kanji that Sudachi cannot read (single characters, or cut across the suffix)
    ("設立3年の杭州芯瀾微電子は推論チップを試作した。", [("杭州芯瀾微電子", "杭州芯瀾微電子")]),
    ("台湾新興の星耀科技、エッジAIで日本開拓", [("星耀科技", "星耀科技")]),
    # Japanese compounds and country prefixes are no such names
    ("最先端技術と次世代半導体、高性能半導体を使う。米中半導体の対立が続く。", []),
    # a gloss labelled as the English name
    ("スタートアップ、星耀科技（英語名：Astraview Semiconductor）は伸びる。",
     [("星耀科技", "Astraview Semiconductor"), ("Astraview Semiconductor", "Astraview Semiconductor")]),
    # a katakana name joined to セミコン
    ("設立2年の新興ハンビット・セミコンも、RISC-Vで挑む。", [("ハンビット・セミコン", "ハンビット・セミコン")]),
])
def test_fragmented_chinese_names_labelled_glosses_and_semicon(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("中国の長江存储科技（YMTC）は294層の製品を出す。", [("長江存储科技", "YMTC"), ("YMTC", "YMTC")]),
    ("米関税と輸出規制に揺れる日韓半導体　東エレクは中国比率が低下", [("東エレク", "Tokyo Electron")]),
])
def test_a_known_gloss_names_an_unknown_outer_name_and_region_words(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("米グーグルの「Google TV」を搭載したモデルが増えた。", [("グーグル", "Google")]),
    ("中国証券監督管理委員会は審査を速める。", []),
    ("4K液晶テレビとスマート家電に搭載するSoCを選ぶ。", []),
])
def test_products_agencies_and_kinds_of_goods(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_a_quoted_brand_run_by_another_company(nlp, finder):
    assert found(nlp, finder, "パソコン専門店「ツクモ」を運営するヤマダデンキの担当者は語る。") == [("ヤマダデンキ", "Yamada Denki")]


@pytest.mark.parametrize("text, expected", [
    # a quoted product named after its maker is no unit of it
    ("日産自動車が投入する。現行の『日産アリア』ではECUが約40個あった。", [("日産自動車", "Nissan Motor")]),
    # the katakana head of X・コンピュート alone later
    ("スタートアップのハヤテ・コンピュート（東京・港）は調達した。ハヤテは東大発だ。",
     [("ハヤテ・コンピュート", "ハヤテ・コンピュート"), ("ハヤテ", "ハヤテ・コンピュート")]),
    # terms are no names
    ("RISC-Vを採用したHPC向けプロセッサーと、NOR型フラッシュを手がける。", []),
])
def test_quoted_products_compute_heads_and_terms(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a start-up introduced after 新興、 and a shop introduced in quotes after 専業店 (half-width katakana)
    ("国内のAI半導体新興、ハルカ半導体の推論チップの試作を受託した。", [("ハルカ半導体", "ハルカ半導体")]),
    ("自作パソコン部品のネット専業店「ﾊﾟｰﾂﾏｰﾄ」（大阪市）によると、売上高は増えた。", [("ﾊﾟｰﾂﾏｰﾄ", "パーツマート")]),
    # the press office after a name introduced by 株式会社 is not part of it
    ("問い合わせは株式会社ミルエッジ広報（03-6459-2817）まで。", [("ミルエッジ", "ミルエッジ")]),
    # a Malaysian legal form stays outside the glossed name
    ("後工程受託のカリマ・テクノロジー（Karima Technology Berhad）は受託を拡大した。",
     [("カリマ・テクノロジー", "Karima Technology"), ("Karima Technology", "Karima Technology")]),
])
def test_start_ups_shops_press_offices_and_malaysian_legal_forms(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_a_fund_named_after_its_manager_with_a_series_id_is_no_company(nlp, finder):
    text = "ジャフコグループが運用するファンド「ジャフコSV7」などが参加した。"
    assert found(nlp, finder, text) == [("ジャフコグループ", "JAFCO Group")]


@pytest.mark.parametrize("text, expected", [
    ("国内専用モデルが中心で、ヨドバシでは販売台数が2倍を超えた。", [("ヨドバシ", "Yodobashi Camera")]),
    ("再開発によりヨドバシ梅田や駅ビルが完成した。", []),  # a store building named after the shop
    ("ラピスが得意とする16ビットCPUコアを搭載する。", [("ラピス", "LAPIS Technology")]),
    # common words (horizon, black sesame) are short forms once the document names the firm
    ("地平線・黒芝麻・芯馳が新製品攻勢\n\n黒芝麻智能と地平線機器人は増収だった。",
     [("地平線", "Horizon Robotics"), ("黒芝麻", "Black Sesame Technologies"), ("芯馳", "SemiDrive"),
      ("黒芝麻智能", "Black Sesame Technologies"), ("地平線機器人", "Horizon Robotics")]),
    ("黒芝麻のお菓子が人気だ。", []),
])
def test_strict_short_forms(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a firm glossed after 設立した, and an Indian legal form outside the gloss
    ("技術者が21年に設立したアラバ・ロジック（Arava Logic）は、AIアクセラレーターを開発中だ。",
     [("アラバ・ロジック", "Arava Logic"), ("Arava Logic", "Arava Logic")]),
    ("新興企業のバーラト・シリコン・ワークス（Bharat Silicon Works Pvt. Ltd.、ベンガルール）は資金を調達した。",
     [("バーラト・シリコン・ワークス", "Bharat Silicon Works"), ("Bharat Silicon Works", "Bharat Silicon Works")]),
    # a common word that is also a firm's short name (Leicester, Pegasus) in a sentence about results
    ("画像センサーを主力とするレスターは、スマホ向けの減速で営業利益が23億円と落ち込んだ。", [("レスター", "Restar")]),
    ("天馬の25年1～6月期の純利益は前年同期比マイナス12％だった。", [("天馬", "Tianma Microelectronics")]),
    ("レスターは英国の都市だ。", []),
    ("富士電機は無停電電源装置（UPS）の売上高を伸ばす。", [("富士電機", "Fuji Electric")]),
    # a known firm's katakana head is a word (analog), even in a sentence about results
    ("米アナログ・デバイセズの売上高は伸びた。アナログ部門の売上高は16%伸び、アナログは好調だ。",
     [("アナログ・デバイセズ", "Analog Devices")]),
    # a robot arm is no Arm
    ("独クーカ（KUKA）は、Thor搭載のアームを年内に発売する。", [("クーカ", "KUKA"), ("KUKA", "KUKA")]),
    # a known Chinese firm's head stands for it in the headline (得一微 keeps 微)
    ("中国のSSD主控メーカーが攻勢　聯芸や得一微が新製品\n\n聯芸科技と得一微電子は新製品を出した。",
     [("聯芸", "Maxio Technology"), ("得一微", "YEESTOR"), ("聯芸科技", "Maxio Technology"), ("得一微電子", "YEESTOR")]),
])
def test_cued_glosses_indian_legal_forms_context_aliases_and_known_heads(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a Chinese city glued to a firm's name is part of the registered name (as earlier gold writes it)
    ("福州瑞芯微電子（Rockchip）は開発者会議を開いた。", [("福州瑞芯微電子", "Rockchip"), ("Rockchip", "Rockchip")]),
    ("広東省深圳市のスタートアップ、ミライ科技は資金を調達した。", [("ミライ科技", "ミライ科技")]),
    # a Latin gloss ending in Photonics names a company
    ("ボストンのクオンタフラックス・フォトニクス（Quantaflux Photonics）は試作に成功した。",
     [("クオンタフラックス・フォトニクス", "Quantaflux Photonics"), ("Quantaflux Photonics", "Quantaflux Photonics")]),
    # a katakana head glued to its company word stands for the firm later
    ("推論サーバーのハヤテコンピュート（東京都港区）は45億円を調達した。ハヤテの試算では電力が減る。",
     [("ハヤテコンピュート", "ハヤテコンピュート"), ("ハヤテ", "ハヤテコンピュート")]),
    # context aliases: after …勢では, and in a sentence about share prices
    ("国内勢ではバッファローの2ベイ機が2万4800円と手ごろだ。", [("バッファロー", "Buffalo")]),
    ("村田製作所は増益だった。村田の株価は一時7％高の3,050円を付けた。",
     [("村田製作所", "Murata Manufacturing"), ("村田", "Murata Manufacturing")]),
    # Arm's core and a town in a state are no companies
    ("米マイクロチップ・テクノロジーはArm Cortex-M7コアを内蔵したマイコンを主力に据える。",
     [("マイクロチップ・テクノロジー", "Microchip Technology")]),
    ("米マイクロチップ・テクノロジーは、米バージニア州マナサスの工場に約2億ドルを投じる。",
     [("マイクロチップ・テクノロジー", "Microchip Technology")]),
])
def test_city_prefixes_glued_heads_context_aliases_and_places(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an interview's headline names the firm before its head; two people are no firm
    ("【インタビュー】量子センサーで脳磁計を手のひらに　ミズナギ量子・高槻CEO\n\n本文。", [("ミズナギ量子", "ミズナギ量子")]),
    ("「CPUは用途で選ぶ時代に」　ヤマブキ計算機・佐伯社長に聞く\n\n本文。", [("ヤマブキ計算機", "ヤマブキ計算機")]),
    ("経済対策を語る　田中・山田社長\n\n本文。", []),
    # a counted list of quoted names with legal forms; a full-width Malaysian legal form without a space
    ("検察側は、「Aster Node Pte. Ltd.」と「ブルーリーフ・テクノロジーズ」の2社が実体のない会社だったと主張する。",
     [("Aster Node", "Aster Node"), ("ブルーリーフ・テクノロジーズ", "ブルーリーフ・テクノロジーズ")]),
    ("運営会社の「ＭＹ　Ｃｏｍｐｕｔｅ　Ｓｄｎ．Ｂｈｄ．」は事実を認めた。", [("ＭＹ　Ｃｏｍｐｕｔｅ", "MY Compute")]),
    # one alias, firms of two countries: the country prefix decides
    ("独メルクの日本法人は工場を拡張する。", [("メルク", "Merck KGaA")]),
    ("米メルクは新薬を発表した。", [("メルク", "Merck")]),
])
def test_interview_headlines_counted_quotes_and_country_prefixes(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a katakana name with a kanji company word, glossed in Latin letters
    ("ソウルに拠点を置くセボム半導体（Saebom Semiconductor）はチップを開発した。",
     [("セボム半導体", "Saebom Semiconductor"), ("Saebom Semiconductor", "Saebom Semiconductor")]),
    # a Capital gloss names an investment firm
    ("残りを国家発展基金と華東開発資本（HD Capital）が分け合った。",
     [("華東開発資本", "HD Capital"), ("HD Capital", "HD Capital")]),
    # tickers anywhere in a stock column
    ("今週の主要銘柄を振り返る。主役はやはりエヌビディア（NVDA）だ。", [("エヌビディア", "NVIDIA")]),
    # a camp, and a person with a head office are no firms; a firm GiNZA calls a person is one
    ("新興のライダー勢も動く。", []),
    ("2021年創業のヒカリダイン（東京・文京）は、ライダー用チップを開発した。", [("ヒカリダイン", "ヒカリダイン")]),
    ("山田太郎（東京・港）は語った。", []),
    # a shop after ショップの
    ("PCショップのアークでは41万9800円だった。", [("アーク", "Ark")]),
])
def test_katakana_kanji_glosses_capital_glosses_tickers_camps_and_shops(nlp, finder, text, expected):
    assert found(nlp, finder, text) == expected


def test_a_shop_brand_run_by_the_firm_after_it_is_no_company(nlp, finder):
    text = "これにパソコン工房を運営するユニットコムや、ドスパラを展開するサードウェーブが追随した。ドスパラ秋葉原本店は混んだ。"
    assert found(nlp, finder, text) == [("ユニットコム", "Unitcom"), ("サードウェーブ", "Thirdwave"), ("ドスパラ", "Dospara")]
