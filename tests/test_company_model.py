"""The company model component: loads from the package, proposes spans, leaves GiNZA alone."""

import pytest
import spacy

from pipeline.companies import CompanyFinder
from pipeline.company_model import DEFAULT_CANDIDATES_KEY


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("ja_ginza")
    nlp.add_pipe("technews_company_model")
    return nlp


def test_proposes_unknown_company_names_into_its_own_span_group(nlp):
    doc = nlp("コトブキ精機とハヤテ電子工業が提携した。")
    proposed = [s.text for s in doc.spans[DEFAULT_CANDIDATES_KEY]]
    assert "コトブキ精機" in proposed
    assert all(s.label_ == "COMPANY" for s in doc.spans[DEFAULT_CANDIDATES_KEY])


@pytest.fixture(scope="module")
def full_nlp():
    from pipeline.extract import build_nlp

    return build_nlp(profile="full")


@pytest.mark.parametrize("text, word, company", [
    ("設計のシオサイ・デバイセズ（横浜市）は、米セコイア・キャピタルなどから$18M（約27億円）を調達した。"
     "インターコネクト用チップ「SD-Link 2」は、複数のダイをつなぐ際の遅延を3割減らせるという。", "インターコネクト",
     "シオサイ・デバイセズ"),
    ("自社開発のSiCパワー素子を組み込んだインバーターは、トヨタ自動車の新型EVに採用された。", "インバーター", "トヨタ自動車"),
])
def test_a_generic_word_the_model_proposes_is_no_company(full_nlp, text, word, company):
    from pipeline.spans import mentions_of

    doc = full_nlp(text)
    assert word in [s.text for s in doc.spans[DEFAULT_CANDIDATES_KEY]]  # the model does propose it
    companies = [m.text for m in mentions_of(doc, "technews") if m.label == "COMPANY"]
    assert word not in companies and company in companies


def test_leaves_ginza_entities_as_they_were(nlp):
    text = "イスラエルのネタニヤフ首相とコトブキ精機の社長が会談した。"
    plain = spacy.load("ja_ginza")
    expected = [(e.start_char, e.end_char, e.label_) for e in plain(text).ents]
    doc = nlp(text)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == expected


def test_batched_pipe_gives_what_one_call_gives(nlp):
    texts = ["コトブキ精機とハヤテ電子工業が提携した。", "", "イスラエルのネタニヤフ首相とコトブキ精機の社長が会談した。"]
    def proposals(doc):
        return [(s.start_char, s.end_char) for s in doc.spans[DEFAULT_CANDIDATES_KEY]]

    one = [proposals(nlp(t)) for t in texts]
    many = [proposals(d) for d in nlp.pipe(texts, batch_size=2)]
    assert one == many
    assert ("コトブキ精機" in texts[0]) and one[0]  # not vacuous: the first text has proposals


def test_profiles(nlp):
    from pipeline.extract import build_nlp

    assert "technews_company_model" in build_nlp(profile="full").pipe_names
    assert "technews_company_model" not in build_nlp(profile="fast").pipe_names


def test_empty_text_gets_an_empty_group(nlp):
    doc = nlp("")
    assert list(doc.spans[DEFAULT_CANDIDATES_KEY]) == []


def test_missing_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="train one with scripts/train_company_model.py"):
        spacy.blank("ja").add_pipe("technews_company_model", config={"model_dir": str(tmp_path)})


def test_works_without_ginza_trained_components():
    # the model reads only the tokenizer's attributes, so a pipeline without ja_ginza's tok2vec,
    # parser and NER can use it too (the fast profile leaves it out for speed)
    nlp = spacy.load("ja_ginza", exclude=["tok2vec", "parser", "ner", "morphologizer", "compound_splitter",
                                          "bunsetu_recognizer"])
    nlp.add_pipe("technews_company_model")
    doc = nlp("コトブキ精機とハヤテ電子工業が提携した。")
    assert "コトブキ精機" in [s.text for s in doc.spans[DEFAULT_CANDIDATES_KEY]]


# --- how the companies component uses the proposals --------------------------------------

def _with_proposals(text, spans):
    nlp = spacy.load("ja_ginza")
    doc = nlp(text)
    doc.spans["proposals"] = [doc.char_span(text.index(s), text.index(s) + len(s), label="COMPANY") for s in spans]
    return CompanyFinder.from_config(candidates_key="proposals").find(doc)


def test_a_proposal_becomes_a_company_with_its_surface_as_canonical():
    got = _with_proposals("昨年、ラルズセックはニューズ社の傘下に入った。", ["ラルズセック"])
    assert ("ラルズセック", "ラルズセック") in [(m.text, m.canonical) for m in got]


def test_a_proposal_that_cuts_a_latin_word_is_dropped():
    got = _with_proposals("三菱電機は鉄道向けSiCモジュール「FMF800DC-66BEW」を出荷する。", ["BEW"])
    assert [m.text for m in got] == ["三菱電機"]


def test_a_proposal_that_ginza_calls_a_person_or_a_place_is_dropped():
    got = _with_proposals("取材に応じたボルチモア・オリオールズの関係者は語った。", ["ボルチモア・オリオールズ"])
    assert "ボルチモア・オリオールズ" not in [m.text for m in got]


def test_acronym_glossing_a_term_and_common_noun_phrases_are_dropped():
    got = _with_proposals("国産の大規模言語モデル（LLM）の開発を進め、韓国政府は「国民成長ファンド」を設ける。",
                          ["LLM", "国民成長ファンド"])
    assert [m.text for m in got] == []


def test_without_the_group_the_finder_reads_no_proposals():
    nlp = spacy.load("ja_ginza")
    doc = nlp("昨年、ラルズセックはニューズ社の傘下に入った。")
    doc.spans["other"] = [doc.char_span(3, 9, label="COMPANY")]
    got = CompanyFinder.from_config(candidates_key="proposals").find(doc)
    assert "ラルズセック" not in [m.text for m in got]


def test_proposals_for_a_head_office_or_the_reading_of_a_term_are_dropped():
    got = _with_proposals("開発するミナモ株式会社（東京・渋谷）は、感光材（フォトレジスト）を作る。",
                          ["東京・渋谷", "フォトレジスト", "感光材"])
    assert [m.text for m in got if m.text in ("東京・渋谷", "フォトレジスト", "感光材")] == []


def test_a_chip_family_the_model_proposes_is_the_chip(full_nlp):
    from pipeline.spans import mentions_of

    text = "車載SoC、各社の選択分かれる　トヨタはThor、ホンダはルネサス\n\nトヨタ自動車は次世代車にエヌビディアのDRIVE Thorを採用する。"
    doc = full_nlp(text)
    assert "Thor" in [s.text for s in doc.spans[DEFAULT_CANDIDATES_KEY]]  # the model does propose it
    found = [(m.text, m.label) for m in mentions_of(doc, "technews") if m.start < text.index("\n")]
    assert ("Thor", "CHIP") in found and ("Thor", "COMPANY") not in found
