"""``technews``: the command line.

    technews run [INPUT ...] --out DIR      extract mentions from articles into tables
    technews eval GOLD PRED_DIR             score a run against gold annotations
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DOCUMENTS_FAILED = 3
EXIT_INTERRUPTED = 130

_RUN_EPILOG = """\
input:
  A folder is searched recursively for *.txt and *.md files; doc_id is the path relative to
  the folder without its suffix. A .jsonl file holds one {"id": ..., "text": ...} per line
  (gold files are valid input). Files may be UTF-8 (with or without BOM), Shift_JIS/CP932 or
  EUC-JP; the encoding is detected per file.

output (in --out):
  mentions   one row per mention: doc_id, start, end, label, text, canonical, vendor, value,
             value_max, currency, unit, qualifier, sentence (offsets into the original text)
  entities   one row per (doc_id, label, canonical): count, first_start
  documents  one row per document: doc_id, path, chars, encoding, status, error, n_mentions
  Each as NAME.parquet, NAME.csv and NAME.jsonl (see --format). Finished documents are cached
  in OUT/.technews-cache, so an interrupted run resumes and a rerun only processes new or
  changed documents.

exit status:
  0  every document was processed (empty documents count as processed)
  2  bad usage or an input path that does not exist
  3  some documents could not be read or decoded (see the documents table)
  130 interrupted (Ctrl-C); tables already written stay complete
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="technews",
        description="Extract companies, chips, money and percentages from Japanese tech news "
                    "(GiNZA + rules) into normalised tables, and score them against gold.",
    )
    parser.add_argument("--version", action="version", version=f"technews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    run = sub.add_parser("run", help="extract mentions from articles into tables",
                         description="Extract COMPANY, CHIP, MONEY and PERCENT mentions from Japanese articles "
                                     "and write the mentions, entities and documents tables.",
                         epilog=_RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("inputs", nargs="*", default=["corpus"], metavar="INPUT",
                     help="folders of .txt/.md articles or .jsonl files (default: corpus)")
    run.add_argument("--out", default="outputs", metavar="DIR", help="output folder (default: outputs)")
    run.add_argument("--format", default="parquet,csv,jsonl", metavar="LIST",
                     help="comma-separated table formats among parquet, csv, jsonl (default: all three)")
    run.add_argument("--profile", choices=["full", "fast"], default="full",
                     help="full: ja_ginza with parser and NER, which the company context rules use, "
                          "plus the trained company model; fast: Sudachi tokens and the rules only, "
                          "about 20 times faster (see README for the accuracy of each)")
    run.add_argument("--processes", type=int, default=1, metavar="N",
                     help="worker processes on this machine, each loading the model once (default: 1)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local: this machine; dask: a Dask distributed cluster (needs the 'dask' extra)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask; "
                          "without it a local cluster is started)")
    run.add_argument("--batch-size", type=int, default=32, metavar="N",
                     help="texts per nlp.pipe batch (default: 32)")
    run.add_argument("--no-resume", dest="resume", action="store_false",
                     help="ignore the cache of earlier runs and process every document again")
    run.add_argument("--no-progress", dest="progress", action="store_false", default=None,
                     help="no progress bar (it is shown only on a terminal anyway)")
    run.add_argument("--config-dir", metavar="DIR",
                     help="folder with your own gazetteers and patterns instead of the bundled configs/")

    evaluate = sub.add_parser("eval", help="score a run's mentions table against gold annotations",
                              description="Score a run's mentions table against gold annotations: per-label "
                                          "precision, recall and F1 (exact and overlap) and normalisation accuracy.")
    from .evaluation import command as eval_command

    eval_command.add_arguments(evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return _run(args, parser)
        from .evaluation import command as eval_command

        return eval_command.run(args)
    except KeyboardInterrupt:
        print("technews: interrupted; tables already written are complete, rerun to resume", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .reading import InputError
    from .runner import run_job

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = sorted(set(formats) - {"parquet", "csv", "jsonl"})
    if unknown or not formats:
        parser.error(f"--format: unknown format(s) {', '.join(unknown) or '(none given)'}; use parquet, csv, jsonl")
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    try:
        summary = run_job(args.inputs, args.out, formats=formats, profile=args.profile, processes=args.processes,
                          engine=args.engine, scheduler=args.scheduler, batch_size=args.batch_size,
                          resume=args.resume, progress=args.progress, config_dir=args.config_dir)
    except InputError as exc:
        print(f"technews: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        if "ja_ginza" in str(exc) or "Can't find model" in str(exc):
            print("technews: the ja_ginza model is not installed; run: pip install ja_ginza", file=sys.stderr)
            return EXIT_USAGE
        raise
    print(summary.summary_line(), file=sys.stderr)
    return summary.exit_code()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
