"""CHIP recognition: model numbers per vendor, vendor resolution, non-chips rejected."""

import pytest
import spacy

from pipeline.chips import ChipFinder
from pipeline.companies import CompanyFinder


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("ja_ginza", exclude=["parser", "ner"])


@pytest.fixture(scope="module")
def finders():
    return CompanyFinder.from_config(), ChipFinder.from_config()


def chips(nlp, finders, text):
    cf, chf = finders
    doc = nlp(text)
    comps = cf.find(doc)
    ms = chf.find(doc, comps)
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert not any(m.overlaps(c) for c in comps)
    return [(m.text, m.canonical, m.vendor) for m in ms]


@pytest.mark.parametrize("text, expected", [
    ("NVIDIAのH20を輸出する。", [("H20", "NVIDIA H20", "NVIDIA")]),
    ("NVIDIA H20とH100、H200、B200。", [("H20", "NVIDIA H20", "NVIDIA"), ("H100", "NVIDIA H100", "NVIDIA"),
                                      ("H200", "NVIDIA H200", "NVIDIA"), ("B200", "NVIDIA B200", "NVIDIA")]),
    ("新型Ascend 910Cチップ。", [("Ascend 910C", "Huawei Ascend 910C", "Huawei")]),
    ("昇騰910Cを採用。", [("昇騰910C", "Huawei Ascend 910C", "Huawei")]),
    ("384個のAscend AIチップを搭載。", [("Ascend", "Huawei Ascend", "Huawei")]),
    ("AMDのMI300XとMI355X。", [("MI300X", "AMD MI300X", "AMD"), ("MI355X", "AMD MI355X", "AMD")]),
    ("インテルのGaudi 3。", [("Gaudi 3", "Intel Gaudi 3", "Intel")]),
    ("GoogleのTPU v5eとTrillium。", [("TPU v5e", "Google TPU v5e", "Google"), ("Trillium", "Google Trillium", "Google")]),
    ("AWSのTrainium2とInferentia2。", [("Trainium2", "AWS Trainium2", "AWS"), ("Inferentia2", "AWS Inferentia2", "AWS")]),
    ("Snapdragon 8 EliteとDimensity 9400。", [("Snapdragon 8 Elite", "Qualcomm Snapdragon 8 Elite", "Qualcomm"),
                                             ("Dimensity 9400", "MediaTek Dimensity 9400", "MediaTek")]),
    ("アップルのM4チップ。", [("M4", "Apple M4", "Apple")]),
    ("仮称B30Aは主力モデルB300の約半分。", [("B30A", "NVIDIA B30A", "NVIDIA"), ("B300", "NVIDIA B300", "NVIDIA")]),
    ("GB200 NVL72を出荷。", [("GB200", "NVIDIA GB200", "NVIDIA")]),
    ("ＨＢＭ３ＥをSKハイニックスのHBM3Eと比べる。", [("HBM3E", "SK hynix HBM3E", "SK hynix")]),
])
def test_chips_and_vendors(nlp, finders, text, expected):
    assert chips(nlp, finders, text) == expected


@pytest.mark.parametrize("text", [
    "iPhone 16とCUDA 12.4、GPT-4oを使う。",
    "Blackwellベースの製品とHopper世代。",
    "7ナノの製造プロセス。",
    "NVL72チップクラスターとCloudMatrix 384。",
    "DeepSeek-R1を公開した。",
    "H30年度の予算。M4のボルト。",
])
def test_non_chips_rejected(nlp, finders, text):
    assert chips(nlp, finders, text) == []
