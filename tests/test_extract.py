"""End to end on the seed article: every gold mention, exact offsets and normalised fields."""

import math

import pytest

from pipeline.mention import NORM_FIELDS

pytestmark = pytest.mark.slow


def _same(gold, predicted):
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if isinstance(gold, float) or isinstance(predicted, float):
        return math.isclose(float(gold), float(predicted), rel_tol=1e-9)
    return gold == predicted


@pytest.fixture(scope="module")
def seed_predictions(extractor, seed_gold):
    return extractor.extract(seed_gold["text"])


@pytest.mark.parametrize("label", ["COMPANY", "CHIP", "MONEY", "PERCENT"])
def test_every_gold_mention_of_the_seed_is_found_with_its_norm(label, seed_gold, seed_predictions):
    predicted = {(m.start, m.end, m.label): m for m in seed_predictions}
    problems = []
    for span in (s for s in seed_gold["spans"] if s["label"] == label):
        found = predicted.get((span["start"], span["end"], label))
        if found is None:
            problems.append(f"missed {span['text']!r} at {span['start']}")
            continue
        for name, gold_value in (span.get("norm") or {}).items():
            if name in NORM_FIELDS[label] and not _same(gold_value, getattr(found, name)):
                problems.append(f"{span['text']!r}: {name} {getattr(found, name)!r} != gold {gold_value!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("label", ["MONEY", "PERCENT"])
def test_no_quantity_outside_the_gold(label, seed_gold, seed_predictions):
    gold = {(s["start"], s["end"]) for s in seed_gold["spans"] if s["label"] == label}
    extra = [(m.text, m.start) for m in seed_predictions if m.label == label and (m.start, m.end) not in gold]
    assert extra == []


def test_the_phone_number_in_the_footer_is_not_money(seed_gold, seed_predictions):
    text = seed_gold["text"]
    phone_start = text.index("+49 89 89 674 804")
    phone_end = phone_start + len("+49 89 89 674 804")
    assert not [m for m in seed_predictions if m.start < phone_end and phone_start < m.end]


def test_offsets_point_into_the_original_text(seed_gold, seed_predictions):
    text = seed_gold["text"]
    assert seed_predictions, "nothing found"
    for m in seed_predictions:
        assert text[m.start:m.end] == m.text
        assert m.text == m.text.strip()


def test_company_spans_of_the_seed_are_precise(seed_gold, seed_predictions):
    gold = {(s["start"], s["end"]) for s in seed_gold["spans"] if s["label"] in ("COMPANY", "CHIP")}
    predicted = [m for m in seed_predictions if m.label in ("COMPANY", "CHIP")]
    false_positives = [(m.text, m.start) for m in predicted if (m.start, m.end) not in gold]
    assert len(false_positives) <= 0.05 * len(predicted), false_positives


def test_a_200_kb_single_line_text_is_processed_with_offsets_into_it(fast_extractor):
    sentence = "米エヌビディアは中国向けH20の売上高が前年比26%増の約531億ドルになったと発表した。"
    text = sentence * (200_000 // len(sentence.encode("utf-8")) + 1)
    assert "\n" not in text and len(text.encode("utf-8")) > 200_000
    mentions = fast_extractor.extract(text)
    last = len(text) - len(sentence)
    tail = [m for m in mentions if m.start >= last]
    assert {m.label for m in tail} == {"COMPANY", "CHIP", "MONEY", "PERCENT"}
    for m in mentions:
        assert text[m.start:m.end] == m.text
    money = [m for m in tail if m.label == "MONEY"][0]
    assert money.text == "531億ドル" and money.value == 53_100_000_000 and money.qualifier == "approx"
