"""Mentions become doc.spans entries, exactly on their characters, never overlapping."""

import spacy
from spacy.tokens import Doc

from pipeline.mention import Mention
from pipeline.spans import add_mentions, mentions_of


def make_doc(words, spaces=None):
    nlp = spacy.blank("xx")
    return Doc(nlp.vocab, words=words, spaces=spaces or [False] * len(words))


def test_aligned_mentions_become_spans_with_their_fields():
    doc = make_doc(["米", "エヌビディア", "の", "売上", "は", "531億", "ドル"])
    company = Mention(1, 7, "COMPANY", "エヌビディア", canonical="NVIDIA")
    money = Mention(11, 17, "MONEY", "531億ドル", value=5.31e10, currency="USD")
    add_mentions(doc, [money, company], spans_key="t")
    spans = list(doc.spans["t"])
    assert [(s.text, s.label_) for s in spans] == [("エヌビディア", "COMPANY"), ("531億ドル", "MONEY")]
    assert spans[1]._.technews.currency == "USD"
    assert mentions_of(doc, "t") == [company, money]


def test_a_mention_inside_a_token_splits_the_token():
    doc = make_doc(["東エレク株", "が", "上昇"])
    add_mentions(doc, [Mention(0, 4, "COMPANY", "東エレク", canonical="Tokyo Electron")], spans_key="t")
    assert [t.text for t in doc] == ["東エレク", "株", "が", "上昇"]
    assert doc.spans["t"][0].text == "東エレク"


def test_overlapping_mentions_keep_the_first_unless_overwrite():
    doc = make_doc(["NVIDIA", " ", "H20"])
    first = Mention(0, 6, "COMPANY", "NVIDIA", canonical="NVIDIA")
    add_mentions(doc, [first], spans_key="t")
    clash = Mention(0, 10, "CHIP", "NVIDIA H20", canonical="NVIDIA H20", vendor="NVIDIA")
    assert add_mentions(doc, [clash], spans_key="t") == []
    assert mentions_of(doc, "t") == [first]
    add_mentions(doc, [clash], spans_key="t", overwrite=True)
    assert mentions_of(doc, "t") == [clash]
