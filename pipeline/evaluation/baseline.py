"""Predictions of plain ja_ginza (the baseline) and of our pipeline on gold texts.

The baseline keeps ja_ginza's own entities that have a contract counterpart:
Company -> COMPANY, Product_Other -> CHIP, Money -> MONEY, Percent -> PERCENT; every other
label is dropped and no normalised field is filled.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

from ..extract import pipe_chunked
from ..mention import Mention
from .gold import GoldDocument
from .scoring import Prediction, predictions_from_mentions

GINZA_LABELS = {"Company": "COMPANY", "Product_Other": "CHIP", "Money": "MONEY", "Percent": "PERCENT"}
BASELINE_MODEL = "ja_ginza"


def ginza_entity_mentions(doc: Any) -> list[Mention]:
    """ja_ginza's entities in ``doc`` that have a contract label, as mentions."""
    return [Mention(ent.start_char, ent.end_char, GINZA_LABELS[ent.label_], ent.text)
            for ent in doc.ents if ent.label_ in GINZA_LABELS]


def load_baseline_nlp(model: str = BASELINE_MODEL) -> Any:
    import spacy

    return spacy.load(model)


def baseline_mentions(texts: Iterable[str], nlp: Any = None, *, batch_size: int = 32) -> Iterator[list[Mention]]:
    """ja_ginza's mapped entities of each text, in order (long texts are cut into chunks as the pipeline does)."""
    if nlp is None:
        nlp = load_baseline_nlp()

    return pipe_chunked(nlp, texts, ginza_entity_mentions, batch_size=batch_size)


def baseline_predictions(gold_docs: Sequence[GoldDocument], nlp: Any = None, *,
                         batch_size: int = 32) -> list[Prediction]:
    preds: list[Prediction] = []
    for doc, mentions in zip(gold_docs, baseline_mentions((d.text for d in gold_docs), nlp, batch_size=batch_size)):
        preds.extend(predictions_from_mentions(doc.id, mentions))
    return preds


def pipeline_predictions(gold_docs: Sequence[GoldDocument], extractor: Any) -> list[Prediction]:
    """Our pipeline's mentions of the gold texts (``extractor``: a :class:`pipeline.extract.Extractor`)."""
    preds: list[Prediction] = []
    for doc, mentions in zip(gold_docs, extractor.extract_many(d.text for d in gold_docs)):
        preds.extend(predictions_from_mentions(doc.id, mentions))
    return preds
