"""``--engine dask``: the same job on a Dask cluster writes the same bytes as a local run.

Required test (deliberately not marked ``slow``): it starts a LocalCluster of two worker
processes and runs the real pipeline (ja_ginza, loaded once per worker) on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from pipeline.runner import run_job

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT.parent / "shared" / "seed" / "ai-chip-war-article.txt"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _corpus(root: Path) -> Path:
    """The seed article, pieces of it in every supported encoding, and bad files."""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    root.mkdir(parents=True)
    (root / "seed.txt").write_text(text, encoding="utf-8")
    for i, para in enumerate(paragraphs[:12]):
        enc = ("utf-8", "cp932", "euc_jp", "utf-8-sig")[i % 4]
        data = para.encode(enc, errors="ignore")
        (root / "parts" / f"p{i:02d}.txt").parent.mkdir(exist_ok=True)
        (root / "parts" / f"p{i:02d}.txt").write_bytes(data)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)))
    (root / "bad.md").write_bytes(b"\x80\xff\xfe\xfd")
    return root


def test_dask_cluster_output_is_byte_identical_to_a_local_run(tmp_path, cluster):
    corpus = _corpus(tmp_path / "in")
    local = run_job([corpus], tmp_path / "local", progress=False)
    remote = run_job([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                     progress=False, chunk_size=2)
    assert local.n_documents == remote.n_documents == 16
    assert (remote.n_ok, remote.n_empty, remote.n_failed) == (13, 1, 2)
    assert local.n_mentions == remote.n_mentions > 20
    assert remote.exit_code() == 3
    assert _snapshot(tmp_path / "local") == _snapshot(tmp_path / "dask")

    # A worker loads the model at most once and keeps it (cached on the worker object).
    def n_models(dask_worker):
        cached = getattr(dask_worker, "_technews_extractors", {})
        return sum(1 for key in cached if key[0].__name__ == "default_extractor_factory")

    with Client(cluster.scheduler_address) as client:
        loads = client.run(n_models)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1

    # A rerun on the cluster is served from the cache, and still writes complete tables.
    again = run_job([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                    progress=False)
    # (if this fails while someone edits pipeline/ or configs/: the cache key covers them)
    assert (again.n_extracted, again.n_cached) == (0, 13), again
    assert _snapshot(tmp_path / "local") == _snapshot(tmp_path / "dask")


def _fakes():
    sys.path.insert(0, str(HERE))
    try:
        import test_runner
    finally:
        sys.path.remove(str(HERE))
    return test_runner


def test_dask_errors_on_workers_are_error_rows(tmp_path, cluster):
    """A document that crashes the extractor on a worker is one error row; the rest is unaffected."""
    tr = _fakes()
    corpus = tr.make_corpus(tmp_path / "in", 9)
    tr.add_bad_files(corpus)
    (corpus / "crash.txt").write_text("CRASH エヌビディア", encoding="utf-8")
    local = run_job([corpus], tmp_path / "local", progress=False, extractor_factory=tr.fake_factory)
    remote = run_job([corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                     progress=False, chunk_size=2, extractor_factory=tr.fake_factory)
    assert (remote.n_ok, remote.n_failed) == (local.n_ok, local.n_failed) == (9, 5)
    assert _snapshot(tmp_path / "local") == _snapshot(tmp_path / "dask")


def test_dask_without_a_scheduler_starts_a_local_cluster(tmp_path):
    tr = _fakes()
    corpus = tr.make_corpus(tmp_path / "in", 4)
    local = run_job([corpus], tmp_path / "local", progress=False, extractor_factory=tr.fake_factory)
    remote = run_job([corpus], tmp_path / "dask", engine="dask", processes=1, progress=False,
                     extractor_factory=tr.fake_factory)
    assert remote.n_ok == 4
    assert _snapshot(tmp_path / "local") == _snapshot(tmp_path / "dask")
