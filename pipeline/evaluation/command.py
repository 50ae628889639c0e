"""``technews eval GOLD [PRED_DIR]``: score a run (or plain ja_ginza) against gold annotations."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..mention import LABELS
from .gold import FORMATS, GoldFormatError, parse_label_list, parse_label_map, read_gold
from .predictions import PredictionsError, load_predictions
from .report import html_report, json_report, markdown_report, text_table
from .scoring import Evaluation, evaluate

EXIT_OK = 0
EXIT_WORSE = 1
EXIT_USAGE = 2

EPILOG = """\
gold formats (--gold-format auto tells them apart by extension and content):
  native       .jsonl, one {"id", "text", "spans": [{"start", "end", "label", "text", "norm"}]}
               per line (CONTRACT.md); a line may give "source" (path to a UTF-8 text file,
               relative to the gold file or a folder above it) instead of "text"; or a folder
               of such .jsonl files
  doccano      .jsonl, one {"id", "text", "label": [[start, end, "LABEL"], ...]} per line
               (also "labels"); without "id" the line number is the document id
  brat         a folder of NAME.txt + NAME.ann (T lines; discontinuous spans are rejected);
               the document id is NAME (path relative to the folder, without suffix)
  labelstudio  a Label Studio JSON export: [{"data": {"text"}, "annotations": [{"result":
               [{"value": {"start", "end", "text", "labels"}}]}]}]; the id is data.doc_id,
               else data.id, else the task id
  Document ids must be the doc_ids of the run being scored. Offsets are Python str indices
  into the text, end-exclusive. An offset that does not fit the text or a label that is not
  COMPANY, CHIP, MONEY or PERCENT (after --label-map / --ignore-label) is an error.

scoring:
  exact    same document, start, end and label
  overlap  same document and label, at least one shared character (one-to-one matching)
  norm     normalisation accuracy on exact matches whose gold span has a "norm": correct when
           every gold norm field agrees (COMPANY canonical; CHIP canonical, vendor; MONEY
           value, currency, qualifier, value_max; PERCENT value, unit, qualifier, value_max;
           numbers within a relative tolerance of 1e-9)
  Only labels that the gold uses are scored; predictions for documents not in the gold are
  ignored.

examples:
  technews run corpus --out outputs
  technews eval corpus/gold outputs --report report.md --html report.html
  technews eval ner-wikipedia.jsonl outputs --labels COMPANY --ignore-label PRODUCT
  technews eval ud-gsd.jsonl outputs --label-map ORG=COMPANY --labels MONEY,PERCENT --json
  technews eval corpus/gold --baseline          # plain ja_ginza on the same gold
  technews eval corpus/gold outputs --json > before.json   # ...change rules, rerun, then:
  technews eval corpus/gold outputs --compare before.json

exit status:
  0  scored
  1  with --compare: some label's F1 or normalisation accuracy is lower than before
  2  bad usage, unreadable gold (FILE:LINE: reason) or no mentions table
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("gold", metavar="GOLD",
                        help="gold annotations: a native or doccano .jsonl file, a folder of .jsonl files, "
                             "a brat folder (.txt + .ann) or a Label Studio .json export")
    parser.add_argument("pred_dir", metavar="PRED_DIR", nargs="?",
                        help="the --out folder of a technews run (mentions.parquet, else mentions.jsonl, else "
                             "mentions.csv) or a mentions table file; leave out with --baseline")
    parser.add_argument("--baseline", action="store_true",
                        help="score plain ja_ginza instead of a run: its entities Company -> COMPANY, "
                             "Product_Other -> CHIP, Money -> MONEY, Percent -> PERCENT (others dropped), "
                             "found on the gold texts")
    parser.add_argument("--gold-format", choices=FORMATS, default="auto",
                        help="format of GOLD (default: auto, by extension and content)")
    parser.add_argument("--labels", action="append", metavar="LIST",
                        help="score only these labels, comma-separated (e.g. MONEY,PERCENT); "
                             "default: every label the gold uses")
    parser.add_argument("--label-map", action="append", metavar="GOLD=LABEL",
                        help="rename a gold label, e.g. ORG=COMPANY (repeat the option or separate with commas)")
    parser.add_argument("--ignore-label", action="append", metavar="LABEL",
                        help="drop gold spans with this label, e.g. PRODUCT (repeat or separate with commas)")
    parser.add_argument("--json", action="store_true",
                        help='print the scores as JSON: {"COMPANY": {"precision", "recall", "f1", "tp", "fp", '
                             '"fn", "norm_accuracy", ...}, ..., "overlap": {"COMPANY": {...}, ...}}')
    parser.add_argument("--report", metavar="FILE.md",
                        help="write a Markdown error report: every false positive and false negative in its "
                             "sentence, wrong normalisations gold vs predicted")
    parser.add_argument("--html", metavar="FILE.html",
                        help="write the same report as a self-contained HTML page with the spans highlighted")
    parser.add_argument("--compare", metavar="BEFORE.json",
                        help="an earlier --json output: show the change per label and exit 1 when any "
                             "F1 or normalisation accuracy is lower now")


def _fail(message: str) -> int:
    print(f"technews eval: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    if args.baseline and args.pred_dir:
        return _fail("give either PRED_DIR or --baseline, not both")
    if not args.baseline and not args.pred_dir:
        return _fail("give PRED_DIR (the --out folder of a technews run) or --baseline")
    try:
        label_map = parse_label_map(args.label_map)
    except ValueError as exc:
        return _fail(f"--label-map: {exc}")
    labels = parse_label_list(args.labels) or None
    unknown = [label for label in labels or () if label not in LABELS]
    if unknown:
        return _fail(f"--labels: unknown label(s) {', '.join(unknown)}; use {', '.join(LABELS)}")
    try:
        gold_docs = read_gold(args.gold, label_map=label_map, ignore_labels=parse_label_list(args.ignore_label),
                              fmt=args.gold_format)
    except GoldFormatError as exc:
        return _fail(f"gold: {exc}")

    source = {"gold": str(args.gold)}
    if args.baseline:
        from .baseline import baseline_predictions, load_baseline_nlp

        try:
            nlp = load_baseline_nlp()
        except OSError:
            return _fail("the ja_ginza model is not installed; run: pip install ja_ginza")
        predictions = baseline_predictions(gold_docs, nlp)
        source["predictions"] = "plain ja_ginza (baseline)"
        title = "Evaluation report: plain ja_ginza (baseline)"
    else:
        try:
            table, predictions = load_predictions(args.pred_dir)
        except PredictionsError as exc:
            return _fail(str(exc))
        source["predictions"] = str(table)
        title = "Evaluation report"

    evaluation = evaluate(gold_docs, predictions, labels)
    for path, render in ((args.report, markdown_report), (args.html, html_report)):
        if path:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                Path(path).write_text(render(evaluation, gold_docs, title=title, source=source), encoding="utf-8")
            except OSError as exc:
                return _fail(f"cannot write {path}: {exc.strerror or exc}")
            print(f"technews eval: wrote {path}", file=sys.stderr)

    if args.json:
        print(json_report(evaluation))
    else:
        print(text_table(evaluation, title=f"{source['predictions']} vs {args.gold} "
                                           f"({evaluation.n_documents} gold documents)"))
    if evaluation.text_mismatches:
        print(f"technews eval: warning: {len(evaluation.text_mismatches)} prediction(s) whose text differs from "
              f"the gold text at their offsets; was the run made on the same texts?", file=sys.stderr)
    if args.compare:
        return _compare(evaluation, args.compare, sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def compare_scores(before: dict, evaluation: Evaluation) -> tuple[list[str], bool]:
    """Lines describing the change per label (exact F1, overlap F1, norm accuracy) and whether any got worse."""
    now = evaluation.to_json()
    lines = [f"{'label':<10} {'F1 before':>10} {'F1 now':>8} {'change':>8} | {'norm before':>11} {'norm now':>9}"
             f" {'change':>8}"]
    worse = False
    for label in evaluation.labels:
        old = before.get(label) or {}
        new = now[label]

        def delta(key: str) -> tuple[str, str, str, bool]:
            a, b = old.get(key), new.get(key)
            fa = "–" if a is None else f"{a:.3f}"
            fb = "–" if b is None else f"{b:.3f}"
            if a is None or b is None:
                return fa, fb, "", False
            d = b - a
            return fa, fb, f"{d:+.3f}", d < -1e-12

        f_old, f_new, f_d, f_worse = delta("f1")
        n_old, n_new, n_d, n_worse = delta("norm_accuracy")
        flag = "  WORSE" if f_worse or n_worse else ""
        worse |= f_worse or n_worse
        lines.append(f"{label:<10} {f_old:>10} {f_new:>8} {f_d:>8} | {n_old:>11} {n_new:>9} {n_d:>8}{flag}")
    return lines, worse


def _compare(evaluation: Evaluation, path: str, stream) -> int:
    try:
        before = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return _fail(f"--compare: cannot read {path}: {exc}")
    if not isinstance(before, dict):
        return _fail(f"--compare: {path} is not the output of technews eval --json")
    lines, worse = compare_scores(before, evaluation)
    print("\n".join(["", f"change since {path} (exact match):", *lines]), file=stream)
    return EXIT_WORSE if worse else EXIT_OK
