"""The batch runner: bad input never stops a batch, resume, incremental reruns, processes.

These tests use a fake extractor (a regex, no model) injected through ``extractor_factory``,
so that they are fast and can count how many texts were extracted. The real pipeline runs
in tests/test_dask.py.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.cache import CACHE_DIRNAME
from pipeline.mention import Mention
from pipeline.reading import InputError
from pipeline.runner import JobSummary, run_job

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------ a fake extractor

EXTRACTED: list[str] = []  # texts seen by fake extractors in this process
_COMPANY = re.compile(r"エヌビディア|NVIDIA|アリババ")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


class FakeExtractor:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def extract_many(self, texts):
        for text in texts:
            EXTRACTED.append(text)
            if "CRASH" in text:
                raise RuntimeError("fake extractor crashed")
            if "INTERRUPT" in text:
                raise KeyboardInterrupt
            if "DIE" in text and os.environ.get("TECHNEWS_FAKE_PARENT") != str(os.getpid()):
                os._exit(7)  # a worker process dies (segfault, OOM killer)
            if self.delay:
                time.sleep(self.delay)
            mentions = [Mention(m.start(), m.end(), "COMPANY", m.group(),
                                canonical="Alibaba Group" if m.group() == "アリババ" else "NVIDIA")
                        for m in _COMPANY.finditer(text)]
            mentions += [Mention(m.start(), m.end(), "PERCENT", m.group(), value=float(m.group(1)) / 100,
                                 unit="percent") for m in _PERCENT.finditer(text)]
            yield sorted(mentions, key=lambda m: m.start)


def fake_factory(*, profile, config_dir, batch_size):
    return FakeExtractor()


def slow_factory(*, profile, config_dir, batch_size):
    return FakeExtractor(delay=0.2)


def broken_factory(*, profile, config_dir, batch_size):
    raise OSError("[E050] Can't find model 'ja_ginza'")


# ------------------------------------------------------------------ helpers

ARTICLE = "エヌビディアの売上高は前年比26%増えた。アリババは3.5%の株を持つ。"


def make_corpus(root: Path, n: int = 12) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = root / f"y{i % 3}"
        sub.mkdir(exist_ok=True)
        text = f"記事{i}。" + ARTICLE + f"NVIDIAは{i}%上昇。"
        enc = ("utf-8", "cp932", "euc_jp")[i % 3]
        (sub / f"a{i:02d}.txt").write_bytes(text.encode(enc))
    return root


def add_bad_files(root: Path) -> None:
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)))
    (root / "undecodable.md").write_bytes(b"abc \x80\xff\xfe")
    (root / "dir.txt").mkdir()
    (root / "dangling.txt").symlink_to(root / "nowhere")


def tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def run(inputs, out, **kw) -> JobSummary:
    kw.setdefault("extractor_factory", fake_factory)
    kw.setdefault("progress", False)
    return run_job(inputs if isinstance(inputs, list) else [inputs], out, **kw)


@pytest.fixture(autouse=True)
def _reset():
    EXTRACTED.clear()
    os.environ["TECHNEWS_FAKE_PARENT"] = str(os.getpid())
    yield


# ------------------------------------------------------------------ tests


def test_all_ok_writes_the_three_tables_and_exits_0(tmp_path):
    corpus = make_corpus(tmp_path / "in", 6)
    s = run(corpus, tmp_path / "out")
    assert (s.n_documents, s.n_ok, s.n_failed, s.n_empty, s.exit_code()) == (6, 6, 0, 0, 0)
    assert s.n_mentions == 6 * 6
    names = set(tables(tmp_path / "out"))
    assert names == {f"{t}.{f}" for t in ("mentions", "entities", "documents") for f in ("parquet", "csv", "jsonl")}
    line = s.summary_line()
    assert "6 documents" in line and "0 failed" in line


def test_bad_files_do_not_stop_the_batch(tmp_path):
    import pandas as pd

    corpus = make_corpus(tmp_path / "in", 6)
    add_bad_files(corpus)
    (corpus / "crash.txt").write_text("CRASH エヌビディア", encoding="utf-8")
    s = run(corpus, tmp_path / "out")
    assert s.n_documents == 12
    assert (s.n_ok, s.n_empty, s.n_failed) == (6, 1, 5)
    assert s.exit_code() == 3
    assert "5 failed" in s.summary_line()
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("doc_id")
    assert docs.loc["empty", "status"] == "empty" and pd.isna(docs.loc["empty", "error"])
    assert docs.loc["binary", "status"] == "error" and "binary" in docs.loc["binary", "error"]
    assert "undecodable" in docs.loc["undecodable", "error"]
    assert "Is a directory" in docs.loc["dir", "error"]
    assert "No such file" in docs.loc["dangling", "error"]
    assert docs.loc["crash", "status"] == "error"
    assert "extraction failed: RuntimeError: fake extractor crashed" == docs.loc["crash", "error"]
    assert docs.loc["y1/a01", "encoding"] == "cp932" and docs.loc["y2/a02", "encoding"] == "euc_jp"
    assert (docs.loc[docs["status"] == "ok", "n_mentions"] == 6).all()
    mentions = pd.read_parquet(tmp_path / "out" / "mentions.parquet")
    assert "crash" not in set(mentions["doc_id"])
    assert list(mentions["doc_id"]) == sorted(mentions["doc_id"])


def test_only_an_empty_document_is_still_success(tmp_path):
    corpus = make_corpus(tmp_path / "in", 2)
    (corpus / "empty.txt").write_bytes(b"\n\n")
    s = run(corpus, tmp_path / "out")
    assert (s.n_ok, s.n_empty, s.n_failed, s.exit_code()) == (2, 1, 0, 0)


def test_missing_input_raises_before_loading_anything(tmp_path):
    with pytest.raises(InputError):
        run([tmp_path / "nope"], tmp_path / "out", extractor_factory=broken_factory)
    assert not (tmp_path / "out").exists()


def test_a_model_that_cannot_load_fails_the_job_not_the_documents(tmp_path):
    corpus = make_corpus(tmp_path / "in", 2)
    with pytest.raises(OSError, match="ja_ginza"):
        run(corpus, tmp_path / "out", extractor_factory=broken_factory)
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_rerun_processes_only_new_or_changed_documents(tmp_path):
    corpus = make_corpus(tmp_path / "in", 10)
    out = tmp_path / "out"
    first = run(corpus, out)
    assert first.n_extracted == 10 and first.n_cached == 0 and len(EXTRACTED) == 10
    snap = tables(out)

    EXTRACTED.clear()
    again = run(corpus, out)
    assert again.n_extracted == 0 and again.n_cached == 10 and EXTRACTED == []
    assert tables(out) == snap  # complete tables, byte for byte

    EXTRACTED.clear()
    (corpus / "y1" / "a04.txt").write_text("変更された記事。NVIDIAは99%増。", encoding="utf-8")
    (corpus / "y0" / "new.txt").write_text("新しい記事。アリババ。", encoding="utf-8")
    third = run(corpus, out)
    assert sorted(EXTRACTED) == sorted(["変更された記事。NVIDIAは99%増。", "新しい記事。アリババ。"])
    assert (third.n_extracted, third.n_cached, third.n_documents) == (2, 9, 11)

    fresh = run(corpus, tmp_path / "fresh", resume=False)
    assert fresh.n_extracted == 11
    assert tables(out) == tables(tmp_path / "fresh")  # with and without resume: the same bytes


def test_no_resume_extracts_everything_again(tmp_path):
    corpus = make_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    run(corpus, out)
    snap = tables(out)
    EXTRACTED.clear()
    s = run(corpus, out, resume=False)
    assert s.n_extracted == 4 and s.n_cached == 0 and len(EXTRACTED) == 4
    assert tables(out) == snap


def test_a_different_profile_does_not_reuse_the_cache(tmp_path):
    corpus = make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    run(corpus, out, profile="full")
    s = run(corpus, out, profile="fast")
    assert s.n_extracted == 3
    assert len(list((out / CACHE_DIRNAME).iterdir())) == 1  # the old profile's shards are pruned


def test_duplicate_texts_are_extracted_once(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    s = run(corpus, tmp_path / "out")
    assert s.n_extracted == 1 and s.n_ok == 3 and s.n_mentions == 12
    assert len(EXTRACTED) == 1


def test_interrupted_run_keeps_finished_documents_and_writes_no_table(tmp_path):
    corpus = make_corpus(tmp_path / "in", 8)
    (corpus / "y1" / "a04.txt").write_text("INTERRUPT", encoding="utf-8")  # 5th in order
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run(corpus, out, chunk_size=1)
    assert not any(p.is_file() for p in out.iterdir())  # no table, not even half of one
    (corpus / "y1" / "a04.txt").write_text("再開後の記事", encoding="utf-8")
    EXTRACTED.clear()
    s = run(corpus, out, chunk_size=1)
    assert s.n_cached == 4 and s.n_extracted == 4
    assert s.exit_code() == 0


def test_kill_9_loses_at_most_the_documents_in_flight(tmp_path):
    corpus = make_corpus(tmp_path / "in", 30)
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(HERE)!r})
        from test_runner import slow_factory
        from pipeline.runner import run_job
        run_job([{str(corpus)!r}], {str(out)!r}, extractor_factory=slow_factory, chunk_size=1,
                progress=False)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            shards = list((out / CACHE_DIRNAME).glob("*/*/*.json")) if out.exists() else []
            if len(shards) >= 5:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not [p for p in out.iterdir() if p.is_file() and not p.name.startswith(".")]
    done = len(list((out / CACHE_DIRNAME).glob("*/*/*.json")))
    assert 5 <= done < 30
    s = run(corpus, out, extractor_factory=slow_factory)
    assert s.n_cached == done and s.n_extracted == 30 - done
    run(corpus, tmp_path / "fresh", extractor_factory=slow_factory)
    assert tables(out) == tables(tmp_path / "fresh")


def test_two_processes_give_identical_files(tmp_path):
    corpus = make_corpus(tmp_path / "in", 20)
    add_bad_files(corpus)
    one = run(corpus, tmp_path / "one")
    two = run(corpus, tmp_path / "two", processes=2, chunk_size=3)
    assert tables(tmp_path / "one") == tables(tmp_path / "two")
    assert (two.n_documents, two.n_ok, two.n_failed, two.n_extracted) == (25, 20, 4, 20)
    assert one.n_mentions == two.n_mentions


def test_a_dying_worker_takes_only_its_document(tmp_path):
    import pandas as pd

    corpus = make_corpus(tmp_path / "in", 10)
    (corpus / "killer.txt").write_text("DIE エヌビディア", encoding="utf-8")
    s = run(corpus, tmp_path / "out", processes=2, chunk_size=4)
    assert (s.n_ok, s.n_failed, s.exit_code()) == (10, 1, 3)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("doc_id")
    assert docs.loc["killer", "status"] == "error"
    assert docs.loc["killer", "error"].startswith("worker failed")


def test_processes_report_a_model_that_cannot_load(tmp_path):
    corpus = make_corpus(tmp_path / "in", 2)
    with pytest.raises(OSError, match="ja_ginza"):
        run(corpus, tmp_path / "out", processes=2, extractor_factory=broken_factory)


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "in", 3)
    run(corpus, tmp_path / "out", progress=True)
    captured = capsys.readouterr()
    assert "3/3" in captured.err and captured.out == ""


def test_jsonl_and_folder_inputs_together(tmp_path):
    import pandas as pd

    corpus = make_corpus(tmp_path / "in", 2)
    jl = tmp_path / "extra.jsonl"
    jl.write_text('{"id": "j1", "text": "NVIDIA 5%"}\n{broken\n', encoding="utf-8")
    s = run([corpus, jl], tmp_path / "out", formats=["csv"])
    assert (s.n_documents, s.n_failed) == (4, 1)
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file()) == [
        "documents.csv", "entities.csv", "mentions.csv"]
    docs = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert "extra.jsonl:2" in set(docs["doc_id"])
