"""Scoring on small hand-made cases; every expected number is worked out by hand in the comments."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pipeline.evaluation.gold import GoldDocument, GoldSpan
from pipeline.evaluation.scoring import (Counts, Prediction, evaluate, match_overlap, norm_differences,
                                         predictions_from_rows, values_agree)

TEXT = "x" * 60


def g(start, end, label, norm=None, text=TEXT):
    return GoldSpan(start, end, label, text[start:end], norm)


def p(start, end, label, doc="d1", text=None, **fields):
    return Prediction(doc, start, end, label, text if text is not None else TEXT[start:end], fields)


@pytest.fixture()
def case():
    gold = [GoldDocument("d1", TEXT, [
        g(0, 5, "COMPANY"), g(10, 15, "COMPANY"), g(20, 25, "COMPANY"),
        g(30, 35, "MONEY", {"value": 5.31e10, "currency": "USD", "qualifier": "approx", "value_max": None}),
        g(40, 45, "MONEY", {"value": 1e9, "currency": "JPY", "qualifier": None, "value_max": None}),
    ])]
    preds = [
        p(0, 5, "COMPANY"),                 # exact tp
        p(0, 5, "COMPANY"),                 # duplicate: fp (exact and overlap)
        p(10, 14, "COMPANY"),               # overlaps gold [10,15): exact fp, overlap tp
        p(26, 28, "COMPANY"),               # touches nothing: fp
        p(30, 35, "MONEY", value=5.31e10 * (1 + 1e-12), currency="USD", qualifier="approx", value_max=None),
        p(40, 45, "MONEY", value=1e9, currency="USD", qualifier=None, value_max=None),  # wrong currency
        p(46, 48, "PERCENT"),               # label the gold never uses: not scored
        p(0, 3, "COMPANY", doc="not-in-gold"),  # document not in the gold: ignored
    ]
    return gold, preds


def test_exact_counts(case):
    ev = evaluate(*case)
    assert ev.labels == ["COMPANY", "MONEY"]  # CHIP and PERCENT are not used by the gold
    company = ev.exact["COMPANY"]
    # tp: [0,5); fp: duplicate [0,5), [10,14), [26,28); fn: [10,15), [20,25)
    assert (company.tp, company.fp, company.fn) == (1, 3, 2)
    assert company.precision == pytest.approx(1 / 4)
    assert company.recall == pytest.approx(1 / 3)
    assert company.f1 == pytest.approx(2 / 7)  # 2tp / (2tp + fp + fn) = 2 / 7
    money = ev.exact["MONEY"]
    assert (money.tp, money.fp, money.fn) == (2, 0, 0)
    assert money.f1 == 1.0


def test_overlap_counts(case):
    ev = evaluate(*case)
    company = ev.overlap["COMPANY"]
    # tp: [0,5)-[0,5), [10,15)-[10,14); fp: the duplicate, [26,28); fn: [20,25)
    assert (company.tp, company.fp, company.fn) == (2, 2, 1)
    assert company.precision == pytest.approx(0.5)
    assert company.recall == pytest.approx(2 / 3)
    assert company.f1 == pytest.approx(4 / 7)


def test_norm_accuracy(case):
    ev = evaluate(*case)
    money = ev.exact["MONEY"]
    # [30,35) agrees (value within 1e-9 relative); [40,45) has USD for JPY
    assert (money.norm_correct, money.norm_total) == (1, 2)
    assert money.norm_accuracy == 0.5
    assert ev.exact["COMPANY"].norm_accuracy is None  # no gold norm there
    [wrong] = ev.norm_errors
    assert (wrong.start, wrong.end, wrong.fields) == (40, 45, ("currency",))
    assert wrong.gold["currency"] == "JPY" and wrong.predicted["currency"] == "USD"


def test_unscored_labels_and_foreign_documents(case):
    ev = evaluate(*case)
    assert "PERCENT" not in ev.exact
    assert ev.ignored_documents == ["not-in-gold"]
    js = ev.to_json()
    assert set(js) == {"COMPANY", "MONEY", "overlap"}
    assert set(js["overlap"]) == {"COMPANY", "MONEY"}
    assert js["COMPANY"]["tp"] == 1 and js["COMPANY"]["fp"] == 3 and js["COMPANY"]["fn"] == 2
    assert js["MONEY"]["norm_accuracy"] == 0.5
    assert js["overlap"]["COMPANY"]["f1"] == pytest.approx(4 / 7)


def test_restrict_labels(case):
    ev = evaluate(*case, labels=["MONEY", "PERCENT"])
    # PERCENT is asked for but the gold never uses it: still not scored
    assert ev.labels == ["MONEY"]
    assert set(ev.to_json()) == {"MONEY", "overlap"}


def test_micro_totals(case):
    ev = evaluate(*case)
    micro = ev.micro("exact")
    assert (micro.tp, micro.fp, micro.fn) == (3, 3, 2)
    assert micro.f1 == pytest.approx(6 / 11)  # 2*3 / (6 + 3 + 2)


def test_errors_list(case):
    ev = evaluate(*case)
    kinds = [(e.kind, e.label, e.start, e.end) for e in ev.errors]
    # sorted by document, start, end
    assert kinds == [("FP", "COMPANY", 0, 5), ("FP", "COMPANY", 10, 14), ("FN", "COMPANY", 10, 15),
                     ("FN", "COMPANY", 20, 25), ("FP", "COMPANY", 26, 28)]
    fn_10 = ev.errors[2]
    assert fn_10.nearby == ((10, 14, "COMPANY", TEXT[10:14]),)  # the prediction that overlaps it
    assert ev.errors[4].nearby == ()


def test_no_predictions_gives_zeros_not_errors():
    gold = [GoldDocument("d", TEXT, [g(0, 5, "CHIP", {"canonical": "NVIDIA H20"})])]
    ev = evaluate(gold, [])
    c = ev.exact["CHIP"]
    assert (c.tp, c.fp, c.fn) == (0, 0, 1)
    assert (c.precision, c.recall, c.f1, c.norm_accuracy) == (0.0, 0.0, 0.0, None)


def test_gold_without_spans_scores_nothing():
    ev = evaluate([GoldDocument("d", TEXT, [])], [p(0, 5, "COMPANY", doc="d")])
    assert ev.labels == [] and ev.to_json() == {"overlap": {}}


def test_overlap_prefers_exact_then_largest():
    gold = [g(0, 10, "COMPANY"), g(10, 20, "COMPANY")]
    preds = [p(5, 15, "COMPANY"), p(0, 10, "COMPANY")]
    # greedy left to right would pair [5,15) with [0,10) and leave [0,10) unmatched;
    # exact first pairs [0,10)-[0,10), then [5,15)-[10,20)
    pairs, missed, extra = match_overlap(gold, preds)
    assert pairs == [(0, 1), (1, 0)] and missed == [] and extra == []


def test_overlap_is_one_to_one():
    gold = [GoldDocument("d1", TEXT, [g(0, 10, "COMPANY")])]
    ev = evaluate(gold, [p(0, 3, "COMPANY"), p(5, 8, "COMPANY")])
    o = ev.overlap["COMPANY"]
    assert (o.tp, o.fp, o.fn) == (1, 1, 0)
    e = ev.exact["COMPANY"]
    assert (e.tp, e.fp, e.fn) == (0, 2, 1)


def test_label_must_match_for_any_match():
    gold = [GoldDocument("d1", TEXT, [g(0, 5, "COMPANY")])]
    ev = evaluate(gold, [p(0, 5, "CHIP")])  # CHIP is not used by the gold: ignored
    assert (ev.exact["COMPANY"].tp, ev.exact["COMPANY"].fn, ev.exact["COMPANY"].fp) == (0, 1, 0)
    gold2 = [GoldDocument("d1", TEXT, [g(0, 5, "COMPANY"), g(10, 15, "CHIP")])]
    ev2 = evaluate(gold2, [p(0, 5, "CHIP")])
    assert (ev2.exact["CHIP"].fp, ev2.exact["COMPANY"].fn, ev2.overlap["CHIP"].fp) == (1, 1, 1)
    fn, fp = ev2.errors[0], ev2.errors[1]
    assert (fn.kind, fn.label, fn.nearby) == ("FN", "COMPANY", ((0, 5, "CHIP", TEXT[0:5]),))
    assert (fp.kind, fp.label, fp.nearby) == ("FP", "CHIP", ((0, 5, "COMPANY", TEXT[0:5]),))


def test_chip_norm_checks_only_given_fields():
    gold = [GoldDocument("d1", TEXT, [g(0, 5, "CHIP", {"canonical": "NVIDIA H20"}),
                                      g(10, 15, "CHIP", {"canonical": "Huawei Ascend 910C", "vendor": "Huawei"})])]
    preds = [p(0, 5, "CHIP", canonical="NVIDIA H20", vendor="Something"),  # vendor not in gold: not checked
             p(10, 15, "CHIP", canonical="Huawei Ascend 910C", vendor="HiSilicon")]  # vendor wrong
    c = evaluate(gold, preds).exact["CHIP"]
    assert (c.norm_correct, c.norm_total) == (1, 2)


def test_percent_norm_null_vs_nan_and_tolerance():
    gold = [GoldDocument("d1", TEXT, [
        g(0, 3, "PERCENT", {"value": 0.26, "unit": "percent", "qualifier": None, "value_max": None}),
        g(5, 8, "PERCENT", {"value": 1.25, "unit": "percent", "qualifier": "max", "value_max": None}),
        g(10, 13, "PERCENT", {"value": -0.021, "unit": "percent"}),
    ])]
    preds = [
        p(0, 3, "PERCENT", value=0.26000000001, unit="percent", qualifier=float("nan"), value_max=float("nan")),
        p(5, 8, "PERCENT", value=1.2500001, unit="percent", qualifier="max", value_max=None),  # 8e-8 off: wrong
        p(10, 13, "PERCENT", value=-0.021, unit="point"),  # wrong unit
    ]
    ev = evaluate(gold, preds)
    c = ev.exact["PERCENT"]
    assert (c.norm_correct, c.norm_total) == (1, 3)
    assert [e.fields for e in ev.norm_errors] == [("value",), ("unit",)]


def test_values_agree():
    assert values_agree(None, float("nan"))
    assert values_agree(None, "")
    assert not values_agree(None, 0.0)
    assert not values_agree(0.0, None)
    assert values_agree(0, 0.0)
    assert values_agree(380000000000, 3.8e11)
    assert values_agree(1.0, 1.0 + 1e-10)
    assert not values_agree(1.0, 1.0 + 1e-8)
    assert values_agree(0.26, "0.26")  # a number read back as text
    assert not values_agree(0.26, "USD")
    assert values_agree("USD", "USD") and not values_agree("USD", "usd")
    assert norm_differences("MONEY", {"value": None, "currency": "USD"}, {"value": None, "currency": "USD"}) == ()
    assert norm_differences("MONEY", {"value": None}, {"value": 5.0}) == ("value",)


def test_predictions_from_dataframe_with_missing_cells():
    df = pd.DataFrame([
        {"doc_id": "d1", "start": 0, "end": 5, "label": "COMPANY", "text": TEXT[0:5], "canonical": "NVIDIA",
         "vendor": None, "value": math.nan, "value_max": math.nan, "currency": None, "unit": None,
         "qualifier": None, "sentence": "s"},
    ])
    [pred] = predictions_from_rows(df)
    assert pred.fields["value"] is None and pred.fields["canonical"] == "NVIDIA"
    gold = [GoldDocument("d1", TEXT, [g(0, 5, "COMPANY", {"canonical": "NVIDIA"})])]
    ev = evaluate(gold, df)
    assert ev.exact["COMPANY"].norm_accuracy == 1.0


def test_text_mismatch_is_reported():
    text = "エヌビディアの株価"
    gold = [GoldDocument("d1", text, [GoldSpan(0, 6, "COMPANY", "エヌビディア")])]
    ev = evaluate(gold, [Prediction("d1", 0, 6, "COMPANY", "NVIDIA")])
    assert ev.exact["COMPANY"].tp == 1  # offsets decide the match
    assert len(ev.text_mismatches) == 1 and ev.text_mismatches[0][1] == "エヌビディア"


def test_counts_zero_division():
    assert Counts().as_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0,
                                  "norm_accuracy": None, "norm_correct": 0, "norm_total": 0}


# --------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_span = st.tuples(st.integers(0, 50), st.integers(1, 8), st.sampled_from(["COMPANY", "MONEY"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_span, max_size=12), st.lists(_span, max_size=12))
def test_counts_are_consistent(gold_spans, pred_spans):
    gold = [GoldDocument("d1", TEXT, [g(s, s + n, label) for s, n, label in gold_spans])]
    preds = [p(s, s + n, label) for s, n, label in pred_spans]
    ev = evaluate(gold, preds)
    for label in ev.labels:
        n_gold = sum(1 for _, _, lab in gold_spans if lab == label)
        n_pred = sum(1 for _, _, lab in pred_spans if lab == label)
        for counts in (ev.exact[label], ev.overlap[label]):
            assert counts.tp + counts.fn == n_gold
            assert counts.tp + counts.fp == n_pred
        assert ev.overlap[label].tp >= ev.exact[label].tp
    # brute force: the overlap matching pairs only overlapping spans, each at most once
    for label in ev.labels:
        gs = [s for s in gold[0].spans if s.label == label]
        ps = [x for x in preds if x.label == label]
        pairs, _, _ = match_overlap(gs, ps)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert all(gs[i].start < ps[j].end and ps[j].start < gs[i].end for i, j in pairs)
