#!/usr/bin/env python
"""Accuracy benchmark: our pipeline vs plain ja_ginza on the human-annotated sets and our gold.

Sets (each skipped with a note when its file is missing):

  ner-wikipedia-heldout  the ~20% of ner-wikipedia (a fixed split by id, pipeline/evaluation/
                 splits.py) that scripts/train_company_model.py never trains on: the fair score
  ner-wikipedia  ../shared/data/ner-wikipedia/dev.jsonl: COMPANY (its spans include 株式会社,
                 which our spans leave out, so read the overlap columns too); PRODUCT ignored;
                 the company model was trained on ~80% of it
  ud-gsd-ne      ../shared/data/ud-gsd-ne/train-dev.jsonl: MONEY and PERCENT; ORG and PRODUCT
                 ignored (ORG covers all organisations, not only companies)
  corpus         corpus/gold/*.jsonl: every label, with normalisation accuracy
  seed           tests/data/seed_gold.jsonl: the seed article, every label

Plain ja_ginza's entities map Company -> COMPANY, Product_Other -> CHIP, Money -> MONEY,
Percent -> PERCENT. With the full profile both systems come from one pass of ja_ginza (our
components leave doc.ents alone); --separate-baseline loads plain ja_ginza on its own.

Prints a Markdown table (for the README) and writes the scores as JSON.

    python scripts/benchmark_accuracy.py                   # everything (~6 min on one core)
    python scripts/benchmark_accuracy.py --limit 300       # first 300 documents of each set
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.baseline import baseline_predictions, ginza_entity_mentions, load_baseline_nlp  # noqa: E402
from pipeline.evaluation.gold import GoldDocument, GoldFormatError, read_gold  # noqa: E402
from pipeline.evaluation.splits import HELDOUT, split_of  # noqa: E402
from pipeline.evaluation.scoring import Evaluation, Prediction, evaluate, predictions_from_mentions  # noqa: E402
from pipeline.mention import Mention  # noqa: E402

OURS, BASELINE = "technews", "ja_ginza"


@dataclass
class GoldSet:
    name: str
    path: Path
    labels: list[str] | None  # None: every label the gold uses
    ignore: list[str] = field(default_factory=list)
    note: str = ""
    select: Callable[[str], bool] | None = None  # which document ids belong to the set


def gold_sets(shared: Path) -> list[GoldSet]:
    wiki = shared / "data" / "ner-wikipedia" / "dev.jsonl"
    return [
        GoldSet("ner-wikipedia-heldout", wiki, ["COMPANY"], ["PRODUCT"],
                "the ~20% of ner-wikipedia the company model never saw (pipeline/evaluation/splits.py)",
                select=lambda doc_id: split_of(doc_id) == HELDOUT),
        GoldSet("ner-wikipedia", wiki, ["COMPANY"], ["PRODUCT"],
                "all of ner-wikipedia; the company model was trained on ~80% of it, so read the held-out row"),
        GoldSet("ud-gsd-ne", shared / "data" / "ud-gsd-ne" / "train-dev.jsonl", ["MONEY", "PERCENT"],
                ["ORG", "PRODUCT"], "UD Japanese GSD sentences"),
        GoldSet("corpus", ROOT / "corpus" / "gold", None, [], "our tech-news corpus gold"),
        GoldSet("seed", ROOT / "tests" / "data" / "seed_gold.jsonl", None, [], "the seed article"),
    ]


def run_both(docs: list[GoldDocument], extractor, with_baseline: bool) -> tuple[list[Prediction], list[Prediction] | None]:
    """Our predictions and, from the same ja_ginza pass, the baseline's (full profile only)."""
    from pipeline.chunking import chunk_bounds
    from pipeline.spans import mentions_of

    def chunks():
        for index, doc in enumerate(docs):
            for start, end in chunk_bounds(doc.text, max_bytes=extractor.max_bytes) or [(0, 0)]:
                yield doc.text[start:end], (index, start)

    ours: list[list[Mention]] = [[] for _ in docs]
    base: list[list[Mention]] = [[] for _ in docs]
    for sdoc, (index, offset) in extractor.nlp.pipe(chunks(), as_tuples=True, batch_size=extractor.batch_size):
        ours[index].extend(m.shifted(offset) for m in mentions_of(sdoc, extractor.spans_key))
        base[index].extend(m.shifted(offset) for m in ginza_entity_mentions(sdoc))
    ours_p = [p for doc, ms in zip(docs, ours) for p in predictions_from_mentions(doc.id, ms)]
    base_p = [p for doc, ms in zip(docs, base) for p in predictions_from_mentions(doc.id, ms)]
    return ours_p, (base_p if with_baseline else None)


def fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown_table(results: dict) -> str:
    lines = ["| gold set | label | gold spans | system | P | R | F1 | P (overlap) | R (overlap) | F1 (overlap) "
             "| norm accuracy |",
             "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, res in results["sets"].items():
        set_cell = f"{name} ({res['documents']} docs)"
        for label in res["labels"]:
            first = True
            for system, scores in res["systems"].items():
                ex, ov = scores[label], scores["overlap"][label]
                norm = "–"
                if system == OURS and ex.get("norm_total"):
                    norm = f"{fmt(ex['norm_accuracy'])} ({ex['norm_correct']}/{ex['norm_total']})"
                lines.append(f"| {set_cell if first and label == res['labels'][0] else ''} | "
                             f"{label if first else ''} | {ex['tp'] + ex['fn'] if first else ''} | {system} | "
                             f"{fmt(ex['precision'])} | {fmt(ex['recall'])} | {fmt(ex['f1'])} | "
                             f"{fmt(ov['precision'])} | {fmt(ov['recall'])} | {fmt(ov['f1'])} | {norm} |")
                first = False
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score technews and plain ja_ginza on the human-annotated sets "
                                                 "(../shared/data), the corpus gold and the seed gold.")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder with data/ner-wikipedia and data/ud-gsd-ne (default: ../shared "
                             "from the repository root)")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="score only the first N documents of each set (quick runs)")
    parser.add_argument("--sets", default="ner-wikipedia-heldout,ner-wikipedia,ud-gsd-ne,corpus,seed",
                        help="comma-separated sets to score (default: all five)")
    parser.add_argument("--profile", choices=["full", "fast"], default="full",
                        help="our pipeline's profile (default: full)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="score only our pipeline, not plain ja_ginza")
    parser.add_argument("--separate-baseline", action="store_true",
                        help="load plain ja_ginza separately for the baseline instead of reading the entities of "
                             "our full-profile pass (slower, the same numbers while our components leave "
                             "doc.ents alone)")
    parser.add_argument("--json", type=Path, default=ROOT / "outputs" / "benchmark_accuracy.json",
                        metavar="FILE", help="where to write the scores (default: outputs/benchmark_accuracy.json)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the Markdown table to FILE")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    from pipeline.extract import Extractor

    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    known = {s.name: s for s in gold_sets(args.shared)}
    unknown = [s for s in wanted if s not in known]
    if unknown:
        parser.error(f"--sets: unknown set(s) {', '.join(unknown)}; choose among {', '.join(known)}")

    started = time.perf_counter()
    extractor = Extractor.load(profile=args.profile)
    single_pass = args.profile == "full" and not args.separate_baseline and "ner" in extractor.nlp.pipe_names
    baseline_nlp = None
    results: dict = {"profile": args.profile, "limit": args.limit, "sets": {}, "skipped": {}}
    for name in wanted:
        gset = known[name]
        if not gset.path.exists() or (gset.path.is_dir() and not any(gset.path.glob("*.jsonl"))):
            print(f"[{name}] skipped: {gset.path} not found", file=sys.stderr)
            results["skipped"][name] = f"{gset.path} not found"
            continue
        try:
            docs = read_gold(gset.path, ignore_labels=gset.ignore)
        except GoldFormatError as exc:
            print(f"[{name}] skipped: {exc}", file=sys.stderr)
            results["skipped"][name] = str(exc)
            continue
        if gset.select is not None:
            docs = [d for d in docs if gset.select(d.id)]
        if args.limit:
            docs = docs[:args.limit]
        chars = sum(len(d.text) for d in docs)
        t0 = time.perf_counter()
        if single_pass:
            ours, base = run_both(docs, extractor, args.baseline)
        else:
            ours, _ = run_both(docs, extractor, False)
            base = None
            if args.baseline:
                baseline_nlp = baseline_nlp or load_baseline_nlp()
                base = baseline_predictions(docs, baseline_nlp)
        seconds = time.perf_counter() - t0
        systems: dict[str, Evaluation] = {OURS: evaluate(docs, ours, gset.labels)}
        if base is not None:
            systems[BASELINE] = evaluate(docs, base, gset.labels)
        labels = systems[OURS].labels
        results["sets"][name] = {
            "path": str(gset.path), "note": gset.note, "documents": len(docs), "chars": chars,
            "seconds": round(seconds, 1), "labels": labels,
            "systems": {system: ev.to_json() for system, ev in systems.items()},
        }
        summary = ", ".join(f"{label} F1 {systems[OURS].exact[label].f1:.3f}" for label in labels)
        print(f"[{name}] {len(docs)} docs, {chars} chars in {seconds:.0f} s: {summary}", file=sys.stderr)
    results["seconds"] = round(time.perf_counter() - started, 1)

    table = markdown_table(results)
    print(table)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}", file=sys.stderr)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
