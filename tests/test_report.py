"""Error reports (Markdown, HTML) and the ``technews eval`` command on hand-made runs."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.evaluation.baseline import baseline_mentions, baseline_predictions
from pipeline.evaluation.command import compare_scores
from pipeline.evaluation.gold import GoldDocument, GoldSpan
from pipeline.evaluation.report import html_report, markdown_report, text_table
from pipeline.evaluation.scoring import Prediction, evaluate
from pipeline.tables import MENTION_COLUMNS

TEXT = "前置きの文。米エヌビディアは約531億ドルを投じた。アリババ<集団>の売上は26%増えた。"


def at(sub):
    start = TEXT.index(sub)
    return start, start + len(sub)


def gold_docs():
    spans = [
        GoldSpan(*at("エヌビディア"), "COMPANY", "エヌビディア", {"canonical": "NVIDIA"}),
        GoldSpan(*at("531億ドル"), "MONEY", "531億ドル",
                 {"value": 5.31e10, "currency": "USD", "qualifier": "approx", "value_max": None}),
        GoldSpan(*at("アリババ<集団>"), "COMPANY", "アリババ<集団>", {"canonical": "Alibaba Group"}),
        GoldSpan(*at("26%"), "PERCENT", "26%", {"value": 0.26, "unit": "percent", "qualifier": None,
                                                "value_max": None}),
    ]
    return [GoldDocument("news/1", TEXT, spans)]


def row(sub, label, **fields):
    start, end = at(sub)
    base = {c: None for c in MENTION_COLUMNS}
    base.update(doc_id="news/1", start=start, end=end, label=label, text=sub, sentence="")
    base.update(fields)
    return base


def prediction_rows():
    return [
        row("エヌビディア", "COMPANY", canonical="NVIDIA"),                       # tp, norm ok
        row("531億ドル", "MONEY", value=5.31e10, currency="JPY", qualifier="approx"),  # tp, norm wrong
        row("アリババ", "COMPANY", canonical="Alibaba Group"),                 # FP (boundary), overlap tp
        row("前置き", "COMPANY", canonical="Maeoki"),                          # FP
        # 26%: FN
    ]


def test_markdown_report_marks_errors_in_their_sentence():
    gold = gold_docs()
    ev = evaluate(gold, prediction_rows())
    md = markdown_report(ev, gold, source={"gold": "g.jsonl"})
    assert "| COMPANY | 2 | 3 | 1 | 2 | 1 |" in md  # gold 2, predicted 3, tp 1, fp 2, fn 1
    # the FP 'アリババ' in its sentence, marked, with the gold span that overlaps it
    assert "**⟦アリババ⟧**\\<集団\\>の売上は26%増えた。" in md
    assert "gold here: COMPANY 'アリババ<集団>'" in md.replace("\\", "")
    # the FN 26% in its sentence
    assert "**FN** (in gold, not predicted) `news/1`" in md and "売上は**⟦26%⟧**増えた。" in md
    # the FP at the start of the text: its own sentence only
    assert "**FP** (predicted, not in gold) `news/1` [0, 3): **⟦前置き⟧**の文。" in md
    # wrong normalisation side by side
    assert "| currency ✗ | USD | JPY |" in md
    assert "| value | 53100000000.0 | 53100000000.0 |" in md


def test_html_report_is_self_contained_and_escaped():
    gold = gold_docs()
    ev = evaluate(gold, prediction_rows())
    page = html_report(ev, gold, title="Report <1>")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Report &lt;1&gt;</title>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page and "<link" not in page
    assert '<mark class="entity FP"' in page and '<mark class="entity FN"' in page
    assert "&lt;集団&gt;" in page and "<集団>" not in page
    assert '<td class="l wrong">currency</td>' in page


def test_long_sentence_is_clipped():
    text = "あ" * 500 + "エヌビディア" + "い" * 500
    gold = [GoldDocument("d", text, [GoldSpan(500, 506, "COMPANY", "エヌビディア")])]
    md = markdown_report(evaluate(gold, []), gold)
    line = next(x for x in md.splitlines() if "⟦エヌビディア⟧" in x)
    assert "…" + "あ" * 120 + "**⟦エヌビディア⟧**" + "い" * 120 + "…" in line


def test_text_table_has_every_label_and_micro():
    ev = evaluate(gold_docs(), prediction_rows())
    table = text_table(ev)
    for label in ("COMPANY", "MONEY", "PERCENT", "all (micro)"):
        assert label in table
    assert "CHIP" not in table


def test_report_without_errors_says_none():
    gold = [GoldDocument("d", TEXT, [GoldSpan(*at("26%"), "PERCENT", "26%")])]
    ev = evaluate(gold, [Prediction("d", *at("26%"), "PERCENT", "26%")])
    md = markdown_report(ev, gold)
    assert md.count("None.") == 2


# --------------------------------------------------------------------------- baseline (fake ja_ginza)


class FakeNLP:
    """Stands in for ja_ginza: entities at given substrings of each chunk."""

    def __init__(self, ents):
        self.ents = ents  # substring -> GiNZA label

    def pipe(self, items, as_tuples=False, batch_size=32):
        for text, context in items:
            ents = []
            for sub, label in self.ents.items():
                i = text.find(sub)
                if i >= 0:
                    ents.append(SimpleNamespace(start_char=i, end_char=i + len(sub), label_=label, text=sub))
            yield SimpleNamespace(ents=ents), context


def test_baseline_maps_ginza_labels():
    nlp = FakeNLP({"エヌビディア": "Company", "531億ドル": "Money", "26%": "Percent", "アリババ": "Person",
                   "前置き": "Product_Other"})
    texts = [TEXT, "", "26%"]
    out = list(baseline_mentions(texts, nlp))
    assert len(out) == 3
    assert sorted((m.label, m.text) for m in out[0]) == [
        ("CHIP", "前置き"), ("COMPANY", "エヌビディア"), ("MONEY", "531億ドル"), ("PERCENT", "26%")]
    assert out[1] == [] and [(m.start, m.end) for m in out[2]] == [(0, 3)]
    preds = baseline_predictions(gold_docs(), nlp)
    ev = evaluate(gold_docs(), preds)
    assert (ev.exact["PERCENT"].tp, ev.exact["COMPANY"].fn, ev.exact["MONEY"].norm_correct) == (1, 1, 0)


def test_baseline_offsets_of_chunked_long_text():
    text = ("あいうえお。" * 8000) + "エヌビディア"  # over the chunk byte limit
    [mentions] = list(baseline_mentions([text], FakeNLP({"エヌビディア": "Company"})))
    assert [(text[m.start:m.end]) for m in mentions] == ["エヌビディア"]


# --------------------------------------------------------------------------- the command


def write_gold(tmp_path):
    record = {"id": "news/1", "text": TEXT, "spans": [
        {"start": s.start, "end": s.end, "label": s.label, "text": s.text, "norm": s.norm}
        for s in gold_docs()[0].spans]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_run(folder, rows, fmt):
    folder.mkdir(parents=True, exist_ok=True)
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if fmt == "parquet":
        df.to_parquet(folder / "mentions.parquet", index=False)
    elif fmt == "csv":
        df.to_csv(folder / "mentions.csv", index=False)
    else:
        with open(folder / "mentions.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return folder


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_eval_json(tmp_path, capsys, fmt):
    gold = write_gold(tmp_path)
    rows = prediction_rows() + [dict(row("エヌビディア", "COMPANY"), doc_id="other-doc")]
    run_dir = write_run(tmp_path / "out", rows, fmt)
    assert main(["eval", str(gold), str(run_dir), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"COMPANY", "MONEY", "PERCENT", "overlap"}
    assert {k: scores["COMPANY"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 2, "fn": 1}
    assert scores["COMPANY"]["precision"] == pytest.approx(1 / 3)
    assert scores["COMPANY"]["recall"] == pytest.approx(1 / 2)
    assert scores["COMPANY"]["f1"] == pytest.approx(0.4)  # 2 / (2 + 2 + 1)
    assert scores["COMPANY"]["norm_accuracy"] == 1.0
    assert scores["MONEY"]["norm_accuracy"] == 0.0
    assert scores["PERCENT"]["recall"] == 0.0 and scores["PERCENT"]["norm_accuracy"] is None
    assert {k: scores["overlap"]["COMPANY"][k] for k in ("tp", "fp", "fn")} == {"tp": 2, "fp": 1, "fn": 0}


def test_eval_prefers_parquet_and_restricts_labels(tmp_path, capsys):
    gold = write_gold(tmp_path)
    run_dir = write_run(tmp_path / "out", prediction_rows(), "parquet")
    write_run(run_dir, [], "jsonl")  # ignored: parquet comes first
    assert main(["eval", str(gold), str(run_dir), "--json", "--labels", "MONEY,PERCENT"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"MONEY", "PERCENT", "overlap"} and scores["MONEY"]["tp"] == 1


def test_eval_writes_reports_and_table(tmp_path, capsys):
    gold = write_gold(tmp_path)
    run_dir = write_run(tmp_path / "out", prediction_rows(), "jsonl")
    md, page = tmp_path / "r" / "report.md", tmp_path / "report.html"
    assert main(["eval", str(gold), str(run_dir), "--report", str(md), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "COMPANY" in out and "all (micro)" in out
    assert "⟦26%⟧" in md.read_text(encoding="utf-8")
    assert "<mark" in page.read_text(encoding="utf-8")


def test_eval_gold_error_exits_2_without_traceback(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "abc", "spans": [
        {"start": 0, "end": 2, "label": "COMPANY", "text": "abc"}]}) + "\n", encoding="utf-8")
    run_dir = write_run(tmp_path / "out", [], "jsonl")
    assert main(["eval", str(gold), str(run_dir)]) == 2
    err = capsys.readouterr().err
    assert f"{gold}:1: span [0, 2) COMPANY: the text there is 'ab', not 'abc'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["--labels", "ORG"], "unknown label(s) ORG"),
    (["--label-map", "ORG"], "GOLD_LABEL=LABEL"),
    (["--baseline"], "not both"),
])
def test_eval_usage_errors(tmp_path, capsys, argv, message):
    gold = write_gold(tmp_path)
    run_dir = write_run(tmp_path / "out", [], "jsonl")
    assert main(["eval", str(gold), str(run_dir), *argv]) == 2
    assert message in capsys.readouterr().err


def test_eval_missing_run(tmp_path, capsys):
    gold = write_gold(tmp_path)
    assert main(["eval", str(gold), str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["eval", str(gold), str(tmp_path / "empty")]) == 2
    assert "mentions.parquet" in capsys.readouterr().err
    assert main(["eval", str(gold)]) == 2
    assert "--baseline" in capsys.readouterr().err


def test_eval_compare(tmp_path, capsys):
    gold = write_gold(tmp_path)
    good = write_run(tmp_path / "good", prediction_rows(), "jsonl")
    worse = write_run(tmp_path / "worse", prediction_rows()[:1], "jsonl")
    assert main(["eval", str(gold), str(good), "--json"]) == 0
    before = tmp_path / "before.json"
    before.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["eval", str(gold), str(good), "--compare", str(before)]) == 0
    capsys.readouterr()
    assert main(["eval", str(gold), str(worse), "--compare", str(before)]) == 1
    out = capsys.readouterr().out
    assert "MONEY" in out and "WORSE" in out


def test_compare_scores_lines():
    ev = evaluate(gold_docs(), prediction_rows())
    now = ev.to_json()
    before = {"COMPANY": dict(now["COMPANY"], f1=0.1), "MONEY": dict(now["MONEY"], norm_accuracy=1.0)}
    lines, worse = compare_scores(before, ev)
    assert worse
    company = next(x for x in lines if x.startswith("COMPANY"))
    money = next(x for x in lines if x.startswith("MONEY"))
    assert "+0.300" in company and "WORSE" not in company  # 0.1 -> 0.4
    assert "-1.000" in money and "WORSE" in money  # norm accuracy 1.0 -> 0.0
