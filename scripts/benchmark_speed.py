#!/usr/bin/env python
"""Speed and memory: bare ja_ginza vs the technews pipeline (full and fast profiles).

    python scripts/benchmark_speed.py [--corpus corpus] [--scales 1,4] [--json benchmark_speed.json]

Every (pipeline, corpus size) is measured in a fresh subprocess, so model loading, caches and
peak memory do not leak from one measurement into the next. The corpus is every document of
``--corpus`` (folder or .jsonl, read like ``technews run`` does), replicated ``scale`` times;
without any article there, the seed article in ../shared is used.

Reported per measurement:
- load_s: loading the model (and building the pipeline);
- chars/s and docs/s: processing only (``nlp.pipe`` / ``Extractor.extract_many``, batch 32);
- peak RSS: the child's maximum resident set size (``os.wait4`` rusage), and the peak right
  after loading, so that the growth from 1x to 4x shows whether memory stays flat.

Bare ja_ginza gets the same texts, cut below Sudachi's input limit with the pipeline's own
``chunk_bounds`` (it would fail on a long document otherwise), and does nothing else.
This is a benchmark, not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "ai-chip-war-article.txt"
MODES = ("ja_ginza", "full", "fast")


def load_texts(corpus: str) -> tuple[list[str], str]:
    from pipeline.reading import iter_sources

    texts: list[str] = []
    path = Path(corpus)
    if path.exists():
        texts = [d.text for d in iter_sources([path]) if d.status == "ok"]
    if texts:
        return texts, str(path)
    return [SEED.read_text(encoding="utf-8")], str(SEED)


def _maxrss_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def child(mode: str, scale: int, corpus: str, batch_size: int) -> dict:
    """One measurement (runs in a fresh process)."""
    texts, source = load_texts(corpus)
    texts = texts * scale
    n_chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    if mode == "ja_ginza":
        import spacy

        from pipeline.chunking import chunk_bounds

        nlp = spacy.load("ja_ginza")

        def pieces():
            for text in texts:
                for start, end in chunk_bounds(text) or [(0, 0)]:
                    yield text[start:end]

        load_s = time.perf_counter() - t0
        rss_loaded = _maxrss_kb()
        t1 = time.perf_counter()
        n_out = 0
        for doc in nlp.pipe(pieces(), batch_size=batch_size):
            n_out += len(doc.ents)
    else:
        from pipeline.extract import Extractor

        extractor = Extractor.load(profile=mode, batch_size=batch_size)
        load_s = time.perf_counter() - t0
        rss_loaded = _maxrss_kb()
        t1 = time.perf_counter()
        n_out = 0
        for mentions in extractor.extract_many(iter(texts)):
            n_out += len(mentions)
    process_s = time.perf_counter() - t1
    return {
        "mode": mode, "scale": scale, "corpus": source, "n_docs": len(texts), "n_chars": n_chars,
        "load_s": load_s, "process_s": process_s,
        "chars_per_s": n_chars / process_s if process_s else None,
        "docs_per_s": len(texts) / process_s if process_s else None,
        "n_found": n_out, "rss_after_load_mb": rss_loaded / 1024,
    }


def measure(mode: str, scale: int, corpus: str, batch_size: int) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--scale", str(scale),
           "--corpus", corpus, "--batch-size", str(batch_size)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, rusage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} x{scale} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = rusage.ru_maxrss / 1024  # this child only (wait4), KiB -> MiB
    return result


def markdown(results: list[dict]) -> str:
    lines = [
        "| pipeline | corpus | docs | chars | load s | process s | chars/s | docs/s | found | RSS after load MB | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = {"ja_ginza": "bare ja_ginza", "full": "technews full", "fast": "technews fast"}
    for r in results:
        lines.append(
            f"| {names[r['mode']]} | {r['scale']}x | {r['n_docs']} | {r['n_chars']:,} | {r['load_s']:.1f} | "
            f"{r['process_s']:.2f} | {r['chars_per_s']:,.0f} | {r['docs_per_s']:.1f} | {r['n_found']} | "
            f"{r['rss_after_load_mb']:.0f} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT / "corpus"), help="folder or .jsonl (default: corpus/)")
    parser.add_argument("--scales", default="1,4", help="corpus replication factors (default: 1,4)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"subset of {','.join(MODES)}")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", default=str(ROOT / "outputs" / "benchmark_speed.json"), help="where to write the results (default: outputs/benchmark_speed.json)")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.scale, args.corpus, args.batch_size)))
        return 0

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    results = []
    for mode in modes:
        for scale in scales:
            print(f"measuring {mode} x{scale} ...", file=sys.stderr, flush=True)
            results.append(measure(mode, scale, args.corpus, args.batch_size))
    table = markdown(results)
    print(table)
    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "batch_size": args.batch_size,
        "results": results,
        "markdown": table,
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
