"""The output tables have the contract's columns, sorting and types."""

import math

from pipeline.document import DocumentResult, SourceDocument
from pipeline.mention import Mention
from pipeline.tables import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, build_tables


def results():
    text_b = "米エヌビディアのH20。\nエヌビディアは約531億ドル。"
    b = SourceDocument("b", "corpus/b.txt", text_b, "utf-8")
    b_mentions = (
        Mention(17, 23, "MONEY", "531億ドル", value=5.31e10, currency="USD", qualifier="approx"),
        Mention(1, 7, "COMPANY", "エヌビディア", canonical="NVIDIA"),
        Mention(8, 11, "CHIP", "H20", canonical="NVIDIA H20", vendor="NVIDIA"),
        Mention(13, 19 - 0, "COMPANY", "エヌビディア", canonical="NVIDIA"),
    )
    a = SourceDocument("a", "corpus/a.txt", "", None, status="error", error="binary file")
    return [DocumentResult(b, b_mentions), DocumentResult(a, ())]


def test_columns_and_sorting():
    tables = build_tables(results())
    mentions, entities, documents = tables["mentions"], tables["entities"], tables["documents"]
    assert list(mentions.columns) == MENTION_COLUMNS
    assert list(entities.columns) == ENTITY_COLUMNS
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert list(mentions["start"]) == [1, 8, 13, 17]
    assert list(documents["doc_id"]) == ["a", "b"]


def test_sentence_nulls_and_counts():
    tables = build_tables(results())
    mentions = tables["mentions"]
    assert mentions.loc[0, "sentence"] == "米エヌビディアのH20。"
    assert mentions.loc[3, "sentence"] == "エヌビディアは約531億ドル。"
    assert mentions.loc[0, "value"] is None or math.isnan(mentions.loc[0, "value"])
    assert mentions.loc[0, "currency"] is None
    documents = tables["documents"].set_index("doc_id")
    assert documents.loc["b", "n_mentions"] == 4 and documents.loc["a", "n_mentions"] == 0
    assert documents.loc["a", "status"] == "error" and documents.loc["a", "error"] == "binary file"
    entities = tables["entities"]
    assert entities.to_dict("records") == [
        {"doc_id": "b", "label": "COMPANY", "canonical": "NVIDIA", "count": 2, "first_start": 1},
        {"doc_id": "b", "label": "CHIP", "canonical": "NVIDIA H20", "count": 1, "first_start": 8},
    ]
