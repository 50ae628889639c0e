"""Scoring: gold spans + predicted mention rows -> per-label counts, P/R/F1 and errors.

Pure functions, no I/O. Rules:

* Only labels the gold uses are scored (a label a gold set never uses is not annotated
  there), optionally restricted further with ``labels``. Predictions of other labels and
  predictions for documents not in the gold are ignored.
* Exact matching: same document, start, end and label. Each gold span matches at most one
  prediction (a duplicated prediction is a false positive).
* Overlap matching: same document and label and at least one shared character; one-to-one,
  assigned greedily (exact pairs first, then the largest overlap, then left to right).
* Normalisation accuracy: over exact matches whose gold span has a ``norm``; a match is
  correct when every field the gold ``norm`` gives (among the label's contract fields)
  agrees with the prediction. Numbers agree within a relative tolerance of 1e-9; null, NaN
  and "" all mean null.
* precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean; each is 0.0
  when its denominator is 0. ``norm_accuracy`` is None when no exact match has a gold norm.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from ..mention import LABELS, NORM_FIELDS
from .gold import GoldDocument, GoldSpan

FIELD_NAMES = ("canonical", "vendor", "value", "value_max", "currency", "unit", "qualifier")
REL_TOL = 1e-9


@dataclass(frozen=True, slots=True)
class Prediction:
    doc_id: str
    start: int
    end: int
    label: str
    text: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    sentence: str | None = None


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    norm_total: int = 0
    norm_correct: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def norm_accuracy(self) -> float | None:
        return self.norm_correct / self.norm_total if self.norm_total else None

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.norm_total += other.norm_total
        self.norm_correct += other.norm_correct

    def as_dict(self, *, norm: bool = True) -> dict:
        out = {"precision": self.precision, "recall": self.recall, "f1": self.f1,
               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        if norm:
            out.update(norm_accuracy=self.norm_accuracy, norm_correct=self.norm_correct, norm_total=self.norm_total)
        return out


@dataclass(frozen=True, slots=True)
class SpanError:
    """A false positive (``kind`` "FP": a prediction) or false negative ("FN": a gold span)."""

    kind: str
    doc_id: str
    label: str
    start: int
    end: int
    text: str
    # spans of the other side that overlap this one: (start, end, label, text)
    nearby: tuple[tuple[int, int, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class NormError:
    doc_id: str
    label: str
    start: int
    end: int
    text: str
    fields: tuple[str, ...]  # the fields that differ
    gold: Mapping[str, Any]
    predicted: Mapping[str, Any]


@dataclass
class Evaluation:
    labels: list[str]
    exact: dict[str, Counts]
    overlap: dict[str, Counts]
    errors: list[SpanError] = field(default_factory=list)
    norm_errors: list[NormError] = field(default_factory=list)
    n_documents: int = 0
    ignored_documents: list[str] = field(default_factory=list)  # predicted doc_ids not in the gold
    text_mismatches: list[tuple[Prediction, str]] = field(default_factory=list)  # (prediction, gold text there)

    def micro(self, which: str = "exact") -> Counts:
        total = Counts()
        for counts in getattr(self, which).values():
            total.add(counts)
        return total

    def to_json(self) -> dict:
        """``{LABEL: {precision, recall, f1, tp, fp, fn, norm_accuracy, ...}, "overlap": {LABEL: ...}}``."""
        out: dict[str, Any] = {label: self.exact[label].as_dict() for label in self.labels}
        out["overlap"] = {label: self.overlap[label].as_dict(norm=False) for label in self.labels}
        return out


# --------------------------------------------------------------------------- inputs


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and value == "":
        return True
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def _clean(value: Any) -> Any:
    if _missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalar
    return value


def predictions_from_rows(rows: Any) -> list[Prediction]:
    """Predictions from a mentions DataFrame or an iterable of row dicts (contract columns)."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        rows = rows.to_dict("records")
    preds = []
    for row in rows:
        fields = {name: _clean(row.get(name)) for name in FIELD_NAMES}
        text = _clean(row.get("text"))
        sentence = _clean(row.get("sentence"))
        preds.append(Prediction(str(row["doc_id"]), int(row["start"]), int(row["end"]), str(row["label"]),
                                None if text is None else str(text), fields,
                                None if sentence is None else str(sentence)))
    return preds


def predictions_from_mentions(doc_id: str, mentions: Iterable[Any]) -> list[Prediction]:
    """Predictions from :class:`pipeline.mention.Mention` objects of one document."""
    return [Prediction(doc_id, m.start, m.end, m.label, m.text, {name: getattr(m, name) for name in FIELD_NAMES})
            for m in mentions]


# --------------------------------------------------------------------------- norm


def values_agree(gold: Any, predicted: Any) -> bool:
    """Equal values; numbers within a relative tolerance of 1e-9 (a numeric string counts as its number)."""
    gold, predicted = _clean(gold), _clean(predicted)
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g_num, p_num = _as_number(gold), _as_number(predicted)
    if g_num is not None or p_num is not None:
        if g_num is None and isinstance(gold, str):
            g_num = _parse_number(gold)
        if p_num is None and isinstance(predicted, str):
            p_num = _parse_number(predicted)
        if g_num is None or p_num is None:
            return False
        return math.isclose(g_num, p_num, rel_tol=REL_TOL, abs_tol=0.0)
    return str(gold) == str(predicted)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _parse_number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def norm_differences(label: str, gold_norm: Mapping[str, Any], predicted: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields of ``gold_norm`` (among the label's contract fields) that the prediction gets wrong."""
    return tuple(name for name in NORM_FIELDS.get(label, ()) if name in gold_norm
                 and not values_agree(gold_norm[name], predicted.get(name)))


# --------------------------------------------------------------------------- matching


def _overlap_len(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_exact(gold: Sequence[GoldSpan], preds: Sequence[Prediction]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (gold index, pred index), unmatched gold indexes, unmatched pred indexes (one label, one doc)."""
    by_key: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, p in enumerate(preds):
        by_key[(p.start, p.end)].append(j)
    pairs, missed = [], []
    for i, g in enumerate(gold):
        bucket = by_key.get((g.start, g.end))
        if bucket:
            pairs.append((i, bucket.pop(0)))
        else:
            missed.append(i)
    used = {j for _, j in pairs}
    return pairs, missed, [j for j in range(len(preds)) if j not in used]


def match_overlap(gold: Sequence[GoldSpan], preds: Sequence[Prediction]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one overlap matching: exact pairs first, then the largest overlap, then leftmost."""
    order = sorted(range(len(preds)), key=lambda j: preds[j].start)
    starts = [preds[j].start for j in order]
    longest = max((p.end - p.start for p in preds), default=0)
    candidates = []
    for i, g in enumerate(gold):
        # only predictions that start before g ends and not so early that they must end before g starts
        for k in range(bisect.bisect_left(starts, g.start - longest + 1), bisect.bisect_left(starts, g.end)):
            j = order[k]
            p = preds[j]
            size = _overlap_len(g.start, g.end, p.start, p.end)
            if size:
                exact = g.start == p.start and g.end == p.end
                candidates.append((not exact, -size, g.start, p.start, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return (sorted(pairs), [i for i in range(len(gold)) if i not in used_g],
            [j for j in range(len(preds)) if j not in used_p])


# --------------------------------------------------------------------------- evaluate


def scored_labels(gold_docs: Iterable[GoldDocument], labels: Iterable[str] | None = None) -> list[str]:
    """Labels the gold uses (in contract order), restricted to ``labels`` when given."""
    used = set()
    for doc in gold_docs:
        used |= doc.labels()
    if labels is not None:
        used &= set(labels)
    return [label for label in LABELS if label in used] + sorted(used - set(LABELS))


def evaluate(gold_docs: Sequence[GoldDocument], predictions: Iterable[Prediction] | Any,
             labels: Iterable[str] | None = None) -> Evaluation:
    """Score ``predictions`` (Prediction objects, row dicts or a mentions DataFrame) against ``gold_docs``."""
    if not isinstance(predictions, list) or (predictions and not isinstance(predictions[0], Prediction)):
        predictions = predictions_from_rows(predictions)
    active = scored_labels(gold_docs, labels)
    result = Evaluation(active, {label: Counts() for label in active}, {label: Counts() for label in active},
                        n_documents=len(gold_docs))
    gold_by_id = {doc.id: doc for doc in gold_docs}
    preds_by_doc: dict[str, list[Prediction]] = defaultdict(list)
    ignored = set()
    for p in predictions:
        if p.doc_id not in gold_by_id:
            ignored.add(p.doc_id)
        elif p.label in result.exact:
            preds_by_doc[p.doc_id].append(p)
    result.ignored_documents = sorted(ignored)

    for doc in gold_docs:
        doc_preds = sorted(preds_by_doc.get(doc.id, []), key=lambda p: (p.start, p.end, p.label))
        for p in doc_preds:
            there = doc.text[p.start:p.end] if 0 <= p.start <= p.end <= len(doc.text) else None
            if p.text is not None and there != p.text:
                result.text_mismatches.append((p, there or ""))
        doc_gold = [s for s in doc.spans if s.label in result.exact]
        for label in active:
            g_spans = [s for s in doc_gold if s.label == label]
            p_spans = [p for p in doc_preds if p.label == label]
            _score_label(doc, label, g_spans, p_spans, doc_gold, doc_preds, result)
    result.errors.sort(key=lambda e: (e.doc_id, e.start, e.end, e.kind, e.label))
    result.norm_errors.sort(key=lambda e: (e.doc_id, e.start, e.end))
    return result


def _score_label(doc: GoldDocument, label: str, g_spans: list[GoldSpan], p_spans: list[Prediction],
                 all_gold: list[GoldSpan], all_preds: list[Prediction], result: Evaluation) -> None:
    exact = result.exact[label]
    pairs, missed, extra = match_exact(g_spans, p_spans)
    exact.tp += len(pairs)
    exact.fn += len(missed)
    exact.fp += len(extra)
    for i, j in pairs:
        g, p = g_spans[i], p_spans[j]
        if g.norm:
            exact.norm_total += 1
            wrong = norm_differences(label, g.norm, p.fields)
            if wrong:
                shown = [n for n in NORM_FIELDS[label] if n in g.norm]
                result.norm_errors.append(NormError(
                    doc.id, label, g.start, g.end, g.text, wrong,
                    {n: g.norm[n] for n in shown}, {n: _clean(p.fields.get(n)) for n in shown}))
            else:
                exact.norm_correct += 1
    for i in missed:
        g = g_spans[i]
        nearby = tuple((p.start, p.end, p.label, p.text or doc.text[p.start:p.end]) for p in all_preds
                       if _overlap_len(g.start, g.end, p.start, p.end))
        result.errors.append(SpanError("FN", doc.id, label, g.start, g.end, g.text, nearby))
    for j in extra:
        p = p_spans[j]
        nearby = tuple((g.start, g.end, g.label, g.text) for g in all_gold
                       if _overlap_len(g.start, g.end, p.start, p.end))
        text = doc.text[p.start:p.end] if p.end <= len(doc.text) else (p.text or "")
        result.errors.append(SpanError("FP", doc.id, label, p.start, p.end, text, nearby))

    over = result.overlap[label]
    pairs, missed, extra = match_overlap(g_spans, p_spans)
    over.tp += len(pairs)
    over.fn += len(missed)
    over.fp += len(extra)
