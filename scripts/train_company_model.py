#!/usr/bin/env python
"""Train the company model (an NER head on ja_ginza's tok2vec) and export it to configs/models/.

Training data, all human-annotated:
  * ner-wikipedia (../shared/data/ner-wikipedia/dev.jsonl), the train and dev parts of the fixed
    id split in pipeline/evaluation/splits.py; the held-out part (about 20%) is never read here,
    so scores on it measure the model on sentences it has not seen;
  * corpus/gold/*.jsonl (our development articles, every set once its first measurement is
    recorded in tests/data/CORPUS.md), cut into lines. The seed article is not used.
  * optionally (--swap-names N), N copies of the ner-wikipedia training sentences in which each
    company is replaced by a name drawn from configs/companies.jsonl: the model learns the
    contexts that make a company rather than the names (a fixed seed keeps runs the same).

The gold spans are brought to the contract before training: legal forms (株式会社, (株), Inc.)
and a trailing 社 go outside the span, and organisations the contract does not count as
companies (names ending in 大学, 協会, 省, 機構... from company_rules.json) become negatives.

    python scripts/train_company_model.py            # ~15 min on 2 cores; writes configs/models/company_ner
    python scripts/train_company_model.py --epochs 5 --out /tmp/model   # a quick try
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from pipeline.evaluation.splits import DEV, TRAIN, split_of  # noqa: E402
from pipeline.resources import load_json  # noqa: E402
from pipeline.textnorm import normalize_with_map  # noqa: E402

WIKI = ROOT.parent / "shared" / "data" / "ner-wikipedia" / "dev.jsonl"
EXPORT = ROOT / "configs" / "models" / "company_ner"
COMPONENT = "company_ner"
ATTRIBUTION = """\
company_ner: an NER head (label COMPANY) on ja_ginza's tok2vec, trained by
scripts/train_company_model.py.

Trained on part of the ner-wikipedia dataset by Stockmark Inc.
(https://github.com/stockmarkteam/ner-wikipedia-dataset), licensed CC BY-SA 3.0
(https://creativecommons.org/licenses/by-sa/3.0/), with its COMPANY spans adjusted to this
project's contract, and on this project's own news gold (corpus/gold/*.jsonl).
As a work derived from that dataset, these weights are distributed under CC BY-SA 3.0.
"""


class ContractSpans:
    """Brings a gold COMPANY span to the contract's boundaries, or drops it."""

    def __init__(self) -> None:
        rules = load_json("company_rules.json")
        nk = lambda s: normalize_with_map(s).text  # noqa: E731
        self.prefixes = sorted({nk(s) for s in rules["legal_prefixes"]}, key=len, reverse=True)
        self.suffixes = sorted({nk(s) for s in rules["legal_suffixes"] + rules["latin_legal_suffixes"]},
                               key=len, reverse=True)
        self.not_company = tuple(nk(s) for s in rules["not_company_suffixes"]) + ("大", "学園", "学会", "組合", "公団", "公社")

    def __call__(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        s, e = start, end
        changed = True
        while changed and e > s:
            changed = False
            name = normalize_with_map(text[s:e]).text
            for lf in self.prefixes:
                if name.startswith(lf) and len(name) > len(lf):
                    s += _raw_len(text, s, lf)
                    while s < e and text[s].isspace():  # 株式会社 ソニー
                        s += 1
                    changed = True
                    break
            if changed:
                continue
            for lf in self.suffixes:
                if name.endswith(lf) and len(name) > len(lf):
                    e -= _raw_len_end(text, e, lf)
                    changed = True
                    break
            if changed:
                while e > s and text[e - 1] in " ,、・":
                    e -= 1
                continue
            if len(name) > 2 and name[-1] == "社" and not name.endswith(("会社", "新聞社", "通信社", "出版社")):
                e -= 1
                changed = True
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        name = normalize_with_map(text[s:e]).text
        if not name or name.endswith(self.not_company) or "大学" in name:
            return None
        return s, e


def _raw_len(text: str, s: int, form: str) -> int:
    """How many original characters from ``s`` make up the NFKC form ``form``."""
    for k in range(1, len(text) - s + 1):
        if normalize_with_map(text[s:s + k]).text == form:
            return k
    return len(form)


def _raw_len_end(text: str, e: int, form: str) -> int:
    for k in range(1, e + 1):
        if normalize_with_map(text[e - k:e]).text == form:
            return k
    return len(form)


def records(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def news_lines(gold_dir: Path, pattern: str = "*.jsonl"):
    """Our development articles as (id, line text, [(start, end)]) per non-empty line."""
    for path in sorted(gold_dir.glob(pattern)):
        for rec in records(path):
            text, pos = rec["text"], 0
            spans = [(s["start"], s["end"]) for s in rec["spans"] if s["label"] == "COMPANY"]
            for k, line in enumerate(text.split("\n")):
                a, b = pos, pos + len(line)
                pos = b + 1
                inside = [(s - a, e - a) for s, e in spans if a <= s and e <= b]
                if line.strip():
                    yield f"{rec['id']}:{k}", line, inside


def swapped_names(items, names: list[str], copies: int, seed: int = 0):
    """Copies of ``items`` with every company span replaced by a random known name."""
    rng = random.Random(seed)
    for n in range(copies):
        for doc_id, text, spans in items:
            if not spans:
                continue
            out, new_spans, pos = [], [], 0
            for s, e in sorted(spans):
                if s < pos:
                    continue
                out.append(text[pos:s])
                start = sum(len(x) for x in out)
                name = rng.choice(names)
                out.append(name)
                new_spans.append((start, start + len(name)))
                pos = e
            out.append(text[pos:])
            yield f"{doc_id}:swap{n}", "".join(out), new_spans


def gazetteer_names() -> list[str]:
    """The canonical names and aliases of configs/companies.jsonl (Latin, katakana and kanji forms)."""
    names = set()
    for line in (ROOT / "configs" / "companies.jsonl").read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            rec = json.loads(line)
            names.update([rec["canonical"], *rec.get("aliases", [])])
    return sorted(names)


def build_docs(nlp, items, contract: ContractSpans | None):
    docs, dropped, missing = [], 0, 0
    for doc_id, text, spans in items:
        doc = nlp.make_doc(text)
        ents, unknown = [], []
        for s, e in spans:
            fixed = contract(text, s, e) if contract else (s, e)
            if fixed is None:
                dropped += 1
                continue
            span = doc.char_span(*fixed, label="COMPANY")
            if span is None:  # a boundary inside a Sudachi token: neither entity nor O
                missing += 1
                loose = doc.char_span(*fixed, alignment_mode="expand")
                if loose is not None:
                    unknown.append(loose)
                continue
            ents.append(span)
        ents = spacy.util.filter_spans(ents)
        unknown = [u for u in unknown if not any(u.start < x.end and x.start < u.end for x in ents)]
        doc.set_ents(ents, missing=spacy.util.filter_spans(unknown), default="outside")
        docs.append(doc)
    return docs, dropped, missing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wiki", type=Path, default=WIKI, help="ner-wikipedia gold (default: %(default)s)")
    ap.add_argument("--epochs", type=int, default=None, help="override training.max_epochs")
    ap.add_argument("--out", type=Path, default=EXPORT, help="where the trained component goes (default: %(default)s)")
    ap.add_argument("--work", type=Path, default=None, help="keep training files here (default: a temporary folder)")
    ap.add_argument("--corpus-glob", default="*.jsonl",
                    help="which of corpus/gold/ to train on (default: %(default)s)")
    ap.add_argument("--swap-names", type=int, default=0, metavar="N",
                    help="add N copies of the wiki training sentences with known company names swapped in")
    ap.add_argument("--config", type=Path, default=ROOT / "scripts" / "company_ner.cfg",
                    help="spaCy training config (default: %(default)s)")
    args = ap.parse_args(argv)
    if not args.wiki.is_file():
        print(f"error: {args.wiki} not found (the shared data sets sit beside the repository)", file=sys.stderr)
        return 2

    from spacy.cli.train import train

    nlp = spacy.blank("ja")
    contract = ContractSpans()
    wiki = list(records(args.wiki))
    parts = {TRAIN: [], DEV: []}
    for rec in wiki:
        part = split_of(rec["id"])
        if part in parts:
            parts[part].append((rec["id"], rec["text"], [(s["start"], s["end"]) for s in rec["spans"] if s["label"] == "COMPANY"]))
    train_items = parts[TRAIN] + list(news_lines(ROOT / "corpus" / "gold", args.corpus_glob))
    train_items += list(swapped_names(parts[TRAIN], gazetteer_names(), args.swap_names))
    work = Path(args.work or tempfile.mkdtemp(prefix="company_ner_"))
    work.mkdir(parents=True, exist_ok=True)
    for name, items in (("train", train_items), ("dev", parts[DEV])):
        docs, dropped, missing = build_docs(nlp, items, contract)
        DocBin(docs=docs).to_disk(work / f"{name}.spacy")
        n_ents = sum(len(d.ents) for d in docs)
        print(f"{name}: {len(docs)} texts, {n_ents} companies, {dropped} non-company spans dropped, "
              f"{missing} spans not on token boundaries left unknown", file=sys.stderr)
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    if args.epochs is not None:
        overrides["training.max_epochs"] = args.epochs
    train(args.config, work / "output", overrides=overrides)
    best = work / "output" / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best / COMPONENT, args.out)
    # the head's architecture, for pipeline.company_model to rebuild it without the training config
    component = spacy.util.load_config(best / "config.cfg", interpolate=True)["components"][COMPONENT]
    (args.out / "component.json").write_text(json.dumps(component, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                             encoding="utf-8")
    (args.out / "ATTRIBUTION.txt").write_text(ATTRIBUTION, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
