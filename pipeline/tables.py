"""The contract's output tables (mentions, entities, documents) as pandas DataFrames."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from .chunking import sentence_at, sentence_bounds
from .document import DocumentResult

MENTION_COLUMNS = ["doc_id", "start", "end", "label", "text", "canonical", "vendor", "value", "value_max",
                   "currency", "unit", "qualifier", "sentence"]
ENTITY_COLUMNS = ["doc_id", "label", "canonical", "count", "first_start"]
DOCUMENT_COLUMNS = ["doc_id", "path", "chars", "encoding", "status", "error", "n_mentions"]

_STRING_COLUMNS = ["doc_id", "label", "text", "canonical", "vendor", "currency", "unit", "qualifier", "sentence",
                   "path", "encoding", "status", "error"]


def mention_rows(result: DocumentResult) -> list[dict]:
    """One dict per mention, with the sentence it sits in."""
    text = result.source.text
    bounds = sentence_bounds(text) if result.mentions else []
    rows = []
    for m in result.mentions:
        rows.append({
            "doc_id": result.source.doc_id, "start": m.start, "end": m.end, "label": m.label, "text": m.text,
            "canonical": m.canonical, "vendor": m.vendor, "value": m.value, "value_max": m.value_max,
            "currency": m.currency, "unit": m.unit, "qualifier": m.qualifier,
            "sentence": sentence_at(text, bounds, m.start, m.end),
        })
    return rows


def document_row(result: DocumentResult) -> dict:
    source = result.source
    return {"doc_id": source.doc_id, "path": source.path, "chars": len(source.text), "encoding": source.encoding,
            "status": source.status, "error": source.error, "n_mentions": len(result.mentions)}


def build_tables(results: Iterable[DocumentResult]) -> dict[str, pd.DataFrame]:
    """Build the three tables; rows sorted by doc_id then offset, so equal input gives equal tables."""
    mentions: list[dict] = []
    documents: list[dict] = []
    for result in results:
        mentions.extend(mention_rows(result))
        documents.append(document_row(result))
    return tables_from_rows(mentions, documents)


def tables_from_rows(mentions: list[dict], documents: list[dict]) -> dict[str, pd.DataFrame]:
    """The tables from plain row dicts (as cached or sent back by workers)."""
    mention_df = _frame(mentions, MENTION_COLUMNS, ints=["start", "end"], floats=["value", "value_max"])
    mention_df = mention_df.sort_values(["doc_id", "start", "end", "label"], kind="mergesort").reset_index(drop=True)
    document_df = _frame(documents, DOCUMENT_COLUMNS, ints=["chars", "n_mentions"], floats=[])
    document_df = document_df.sort_values(["doc_id"], kind="mergesort").reset_index(drop=True)
    return {"mentions": mention_df, "entities": entity_table(mention_df), "documents": document_df}


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (doc_id, label, canonical) for mentions with a canonical name (COMPANY, CHIP)."""
    named = mentions[mentions["canonical"].notna()]
    if named.empty:
        return _frame([], ENTITY_COLUMNS, ints=["count", "first_start"], floats=[])
    grouped = (named.groupby(["doc_id", "label", "canonical"], sort=True)["start"]
               .agg(count="size", first_start="min").reset_index())
    grouped = grouped.sort_values(["doc_id", "first_start", "label", "canonical"], kind="mergesort")
    return _frame(grouped.to_dict("records"), ENTITY_COLUMNS, ints=["count", "first_start"], floats=[])


def _frame(rows: list[dict], columns: list[str], *, ints: list[str], floats: list[str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(rows, columns=columns)
    for name in columns:
        if name in ints:
            df[name] = df[name].astype("int64")
        elif name in floats:
            df[name] = df[name].astype("float64")
        else:
            # object dtype with None for missing: the same in Parquet, CSV and JSONL.
            df[name] = df[name].astype(object).where(df[name].notna(), None)
    return df
