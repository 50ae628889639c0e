"""Running a batch job: read, extract (locally, in worker processes or on Dask), cache, write.

The flow is the same for every engine::

    iter_sources (lazy) -> cache hit?  -> rows
                        -> no: chunk of unique texts -> worker: Extractor.extract_many
                               -> mention rows (with sentences) -> cache shard -> rows
    all rows -> tables_from_rows -> write_tables (atomic)

Memory stays flat in the number of documents: sources are streamed, at most a bounded number
of chunks is in flight, no spaCy ``Doc`` outlives its batch and only the (small) row dicts
are kept until the tables are written.

Robustness: a document that cannot be read or decoded is an error row (see
:mod:`pipeline.reading`); a document on which the extractor raises is retried alone and, if
it fails again, becomes an error row too; a worker that dies takes only its chunk's
documents with it (error rows, retried on the next run). Errors are never cached.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .cache import ResultCache, pipeline_fingerprint
from .document import STATUS_EMPTY, STATUS_ERROR, STATUS_OK, DocumentResult, SourceDocument
from .reading import count_sources, fingerprint, iter_sources
from .writing import parse_formats, write_tables

EXIT_OK = 0
EXIT_DOCUMENTS_FAILED = 3
ENGINES = ("local", "dask")

# (text hash, mention rows or None, error message or None)
ChunkResult = list[tuple[str, "list[dict] | None", "str | None"]]
ExtractorFactory = Callable[..., Any]


@dataclass
class JobSummary:
    n_documents: int = 0
    n_ok: int = 0
    n_empty: int = 0
    n_failed: int = 0
    n_mentions: int = 0
    n_cached: int = 0  # documents whose rows came from an earlier run's cache
    out_dir: str = ""
    elapsed_s: float = 0.0
    n_extracted: int = 0  # distinct texts sent to the extractor in this run
    files: list[str] = field(default_factory=list)

    def summary_line(self) -> str:
        parts = [f"{self.n_ok} ok"]
        if self.n_empty:
            parts.append(f"{self.n_empty} empty")
        parts.append(f"{self.n_failed} failed")
        line = (
            f"technews: {self.n_documents} documents ({', '.join(parts)}), "
            f"{self.n_mentions} mentions; {self.n_extracted} extracted, {self.n_cached} from cache; "
            f"{self.elapsed_s:.1f}s -> {self.out_dir}"
        )
        if self.n_failed:
            line += " (failed documents: see status/error in the documents table)"
        return line

    def exit_code(self) -> int:
        return EXIT_DOCUMENTS_FAILED if self.n_failed else EXIT_OK


# --------------------------------------------------------------------------- extractor side


def default_extractor_factory(*, profile: str, config_dir: str | None, batch_size: int) -> Any:
    from .extract import Extractor

    return Extractor.load(profile=profile, config_dir=config_dir, batch_size=batch_size)


@dataclass(frozen=True)
class ExtractorSpec:
    """How to build the extractor in a worker (picklable: the factory is a module-level callable)."""

    factory: ExtractorFactory
    profile: str
    config_dir: str | None
    batch_size: int

    @property
    def key(self) -> tuple:
        return (self.factory, self.profile, self.config_dir, self.batch_size)

    def build(self) -> Any:
        return self.factory(profile=self.profile, config_dir=self.config_dir, batch_size=self.batch_size)


class ExtractorLoadError(RuntimeError):
    """The extractor could not be built in a worker: ``args[1]`` is the original error.

    It fails the whole job (re-raised as the original error in the client): with no model,
    no document can be processed, and that is not the documents' fault.
    """


_EXTRACTORS: dict[tuple, Any] = {}
_EXTRACTORS_LOCK = threading.Lock()


def _get_extractor(spec: ExtractorSpec, holder: Any = None) -> tuple[Any, threading.Lock]:
    """The process's (or Dask worker's) extractor for ``spec``, loaded once."""
    if holder is None:
        store, lock = _EXTRACTORS, _EXTRACTORS_LOCK
    else:
        lock = holder.__dict__.setdefault("_technews_lock", threading.Lock())
        store = holder.__dict__.setdefault("_technews_extractors", {})
    with lock:
        entry = store.get(spec.key)
        if entry is None:
            entry = (spec.build(), threading.Lock())
            store[spec.key] = entry
    return entry


def _rows_for(text: str, mentions: Iterable[Any]) -> list[dict]:
    """Mention rows of one text (with sentences), without doc_id (added when recorded)."""
    from .tables import mention_rows

    source = SourceDocument(doc_id="", path="", text=text, encoding=None)
    rows = mention_rows(DocumentResult(source, tuple(mentions)))
    for row in rows:
        row.pop("doc_id", None)
    return rows


def _describe(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def extract_chunk(extractor: Any, items: Sequence[tuple[str, str]]) -> ChunkResult:
    """Rows for each ``(key, text)``; streams through ``extract_many`` in one go.

    If the extractor raises, the documents not yet done are retried one by one, so that a
    single bad document becomes one error and the others still get their rows.
    """
    out: ChunkResult = []
    try:
        for (key, text), mentions in zip(items, extractor.extract_many(t for _, t in items)):
            out.append((key, _rows_for(text, mentions), None))
    except Exception:
        for key, text in items[len(out):]:
            try:
                mentions = next(iter(extractor.extract_many([text])))
                out.append((key, _rows_for(text, mentions), None))
            except Exception as exc:  # noqa: BLE001 - reported as the document's error
                out.append((key, None, f"extraction failed: {_describe(exc)}"))
    if len(out) < len(items):  # the extractor yielded fewer results than texts
        for key, _ in items[len(out):]:
            out.append((key, None, "extraction failed: no result from the extractor"))
    return out


# -- worker processes

_WORKER_SPEC: ExtractorSpec | None = None


def _load_in_worker(spec: ExtractorSpec, holder: Any = None) -> tuple[Any, threading.Lock]:
    try:
        return _get_extractor(spec, holder)
    except Exception as exc:
        raise ExtractorLoadError(f"cannot load the extractor: {_describe(exc)}", exc) from exc


def _process_init(spec: ExtractorSpec) -> None:
    """Worker initializer: ignore Ctrl-C (the parent shuts the pool down) and load the model."""
    global _WORKER_SPEC
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_SPEC = spec
    try:
        _load_in_worker(spec)
    except ExtractorLoadError:
        pass  # raised again by the first task, and so reported to the client


def _process_task(items: list[tuple[str, str]]) -> ChunkResult:
    assert _WORKER_SPEC is not None
    extractor, lock = _load_in_worker(_WORKER_SPEC)
    with lock:
        return extract_chunk(extractor, items)


# -- Dask workers


def _dask_task(spec: ExtractorSpec, items: list[tuple[str, str]]) -> ChunkResult:
    """Runs on a Dask worker: the extractor is cached on the worker object (loaded once)."""
    try:
        from distributed import get_worker

        holder = get_worker()
    except (ImportError, ValueError):  # pragma: no cover - not on a worker
        holder = None
    extractor, lock = _load_in_worker(spec, holder)
    with lock:  # a worker with several threads still runs one nlp.pipe at a time
        return extract_chunk(extractor, items)


# --------------------------------------------------------------------------- engines


class _Engine:
    """Runs chunks; ``done()`` returns finished ``(chunk, result | exception)`` pairs."""

    max_inflight = 1

    def submit(self, items: list[tuple[str, str]]) -> None:
        raise NotImplementedError

    def done(self, block: bool) -> list[tuple[list[tuple[str, str]], Any]]:
        raise NotImplementedError

    def inflight(self) -> int:
        raise NotImplementedError

    def close(self, *, abort: bool = False) -> None:
        pass


class _InlineEngine(_Engine):
    def __init__(self, spec: ExtractorSpec) -> None:
        self.extractor, _ = _get_extractor(spec)
        self._done: list = []

    def submit(self, items):
        self._done.append((items, extract_chunk(self.extractor, items)))

    def done(self, block):
        out, self._done = self._done, []
        return out

    def inflight(self):
        return len(self._done)


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def _one_thread_per_worker() -> Iterator[None]:
    """Worker processes inherit single-threaded BLAS/OpenMP (N processes, not N x cores
    threads; Dask's nanny does the same). Variables the user has set are left alone."""
    added = [var for var in _THREAD_VARS if var not in os.environ]
    for var in added:
        os.environ[var] = "1"
    try:
        yield
    finally:
        for var in added:
            os.environ.pop(var, None)


class _PoolEngine(_Engine):
    def __init__(self, spec: ExtractorSpec, processes: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # spawn: fresh interpreters (no fork of a process that has threads or a loaded model)
        self._make = lambda: ProcessPoolExecutor(
            max_workers=processes, mp_context=mp.get_context("spawn"),
            initializer=_process_init, initargs=(spec,),
        )
        self.pool = self._make()
        self.max_inflight = 2 * processes
        self.futures: dict = {}

    def submit(self, items):
        with _one_thread_per_worker():  # workers are started on submit
            try:
                fut = self.pool.submit(_process_task, items)
            except Exception:  # a broken pool (a worker died): start a new one
                self._restart()
                fut = self.pool.submit(_process_task, items)
        self.futures[fut] = items

    def _restart(self):
        self.close(abort=True)
        self.pool = self._make()

    def done(self, block):
        from concurrent.futures import FIRST_COMPLETED, wait

        if not self.futures:
            return []
        finished, _ = wait(list(self.futures), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        out = []
        broken = False
        for fut in finished:
            items = self.futures.pop(fut)
            exc = fut.exception()
            out.append((items, exc if exc is not None else fut.result()))
            if exc is not None and type(exc).__name__ == "BrokenProcessPool":
                broken = True
        if broken:
            # Every other chunk of the dead pool fails too; collect them now and start afresh.
            for fut, items in list(self.futures.items()):
                wait([fut])
                exc = fut.exception()
                out.append((items, exc if exc is not None else fut.result()))
            self.futures.clear()
            self._restart()
        return out

    def inflight(self):
        return len(self.futures)

    def close(self, *, abort=False):
        pool = self.pool
        if abort:
            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:  # only the workers this engine started
                try:
                    p.terminate()
                except Exception:  # pragma: no cover
                    pass
        else:
            pool.shutdown(wait=True)


class _DaskEngine(_Engine):
    def __init__(self, spec: ExtractorSpec, scheduler: str | None, processes: int) -> None:
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError as exc:  # pragma: no cover - optional dependency
            raise RuntimeError(
                "--engine dask needs dask.distributed: pip install 'technews[dask]'"
            ) from exc
        self.spec = spec
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(
                n_workers=max(1, processes), threads_per_worker=1, processes=True,
                dashboard_address=":0",
            )
            self.client = Client(self.cluster)
        n_workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.max_inflight = 2 * n_workers + 2
        self.ac = as_completed(with_results=False)
        self.futures: dict = {}

    def submit(self, items):
        fut = self.client.submit(_dask_task, self.spec, items, pure=False)
        self.futures[fut.key] = (fut, items)
        self.ac.add(fut)

    def done(self, block):
        if not self.futures:
            return []
        batch = list(self.ac.next_batch(block=block)) if (block or self.ac.has_ready()) else []
        out = []
        for fut in batch:
            _, items = self.futures.pop(fut.key)
            if fut.status == "finished":
                out.append((items, fut.result()))
            else:
                try:
                    exc = fut.exception()
                except Exception as e:  # noqa: BLE001 - cancelled etc.
                    exc = e
                out.append((items, exc if exc is not None else RuntimeError(fut.status)))
            fut.release()
        return out

    def inflight(self):
        return len(self.futures)

    def close(self, *, abort=False):
        try:
            if abort:
                for fut, _ in self.futures.values():
                    fut.cancel()
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


# --------------------------------------------------------------------------- the job


class _Collector:
    """Collects the rows of each document under its input position (for a stable order)."""

    def __init__(self, summary: JobSummary, progress: Any) -> None:
        self.summary = summary
        self.progress = progress
        self.documents: list[tuple[int, dict]] = []
        self.mentions: list[tuple[int, list[dict]]] = []

    def add(self, seq: int, source: SourceDocument, rows: list[dict] | None, *, cached: bool = False) -> None:
        from .tables import document_row

        s = self.summary
        s.n_documents += 1
        if source.status == STATUS_OK and rows is not None:
            s.n_ok += 1
            s.n_cached += cached
            rows = [{"doc_id": source.doc_id, **row} for row in rows]
            s.n_mentions += len(rows)
            self.mentions.append((seq, rows))
        elif source.status == STATUS_EMPTY:
            s.n_empty += 1
        else:
            s.n_failed += 1
        row = document_row(DocumentResult(source, ()))
        row["n_mentions"] = len(rows) if rows else 0
        self.documents.append((seq, row))
        if self.progress is not None:
            self.progress.update(1)

    def tables(self) -> dict:
        from .tables import tables_from_rows

        self.documents.sort(key=lambda item: item[0])
        self.mentions.sort(key=lambda item: item[0])
        mentions = [row for _, rows in self.mentions for row in rows]
        documents = [row for _, row in self.documents]
        return tables_from_rows(mentions, documents)


def _make_progress(progress: bool | None, inputs: Sequence[str | Path]) -> Any:
    show = sys.stderr.isatty() if progress is None else bool(progress)
    if not show:
        return None
    from tqdm import tqdm

    try:
        total = count_sources(inputs)
    except Exception:  # pragma: no cover
        total = None
    return tqdm(total=total, unit="doc", desc="technews", file=sys.stderr, dynamic_ncols=True)


def run_job(
    inputs: Sequence[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    formats: Sequence[str] | str = ("parquet", "csv", "jsonl"),
    profile: str = "full",
    processes: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 32,
    resume: bool = True,
    progress: bool | None = None,
    config_dir: str | Path | None = None,
    chunk_size: int | None = None,
    extractor_factory: ExtractorFactory | None = None,
) -> JobSummary:
    """Process every document of ``inputs`` and write the tables to ``out_dir``.

    ``engine="local"`` runs in this process (``processes=1``) or in ``processes`` worker
    processes; ``engine="dask"`` sends chunks to the Dask cluster at ``scheduler`` (or to a
    local cluster of ``processes`` workers when no scheduler is given). Every engine writes
    the same bytes. ``resume=False`` ignores (and replaces) the cache of earlier runs.
    ``extractor_factory(profile=, config_dir=, batch_size=)`` replaces ``Extractor.load``
    (tests); it must be a module-level callable to reach worker processes.

    Raises :class:`pipeline.reading.InputError` for a missing input, before any work.
    """
    started = time.perf_counter()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = list(inputs)
    formats = parse_formats(formats)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if processes < 1:
        raise ValueError("processes must be at least 1")
    sources = iter_sources(inputs)  # raises InputError now for a missing path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    config_dir = str(config_dir) if config_dir is not None else None
    factory = extractor_factory or default_extractor_factory
    spec = ExtractorSpec(factory, profile, config_dir, batch_size)
    cache = ResultCache(out, pipeline_fingerprint(
        profile=profile, config_dir=config_dir, factory=extractor_factory))
    if not resume:
        cache.clear()
    if chunk_size is None:
        parallel = processes > 1 or engine == "dask"
        # small chunks keep both workers busy and bound what a killed run loses
        chunk_size = max(1, min(batch_size, 16) if parallel else batch_size)

    summary = JobSummary(out_dir=str(out))
    bar = _make_progress(progress, inputs)
    collector = _Collector(summary, bar)
    runner: _Engine | None = None

    # documents waiting for a text that is being extracted: key -> [(seq, source), ...]
    waiting: dict[str, list[tuple[int, SourceDocument]]] = {}
    chunk: list[tuple[str, str]] = []
    extracted_keys: set[str] = set()  # texts extracted (and cached) in this run
    retry_queue: deque[tuple[str, str]] = deque()  # texts whose worker failed, to retry alone
    queued: set[str] = set()  # texts ever put on retry_queue
    isolated: set[str] = set()  # texts run alone (a failure is their own)

    def engine_() -> _Engine:
        nonlocal runner
        if runner is None:
            if engine == "dask":
                runner = _DaskEngine(spec, scheduler, processes)
            elif processes > 1:
                runner = _PoolEngine(spec, processes)
            else:
                runner = _InlineEngine(spec)
        return runner

    def finish(items: list[tuple[str, str]], result: Any) -> None:
        if isinstance(result, ExtractorLoadError):
            original = result.args[1] if len(result.args) > 1 else None
            if isinstance(original, BaseException):
                raise original from result
            raise result
        if isinstance(result, BaseException):
            # The worker died or the task was lost. Most of the chunk's documents (and of the
            # other chunks of a broken pool) were only unlucky: retry each alone, with nothing
            # else in flight, so that a second failure is certainly that document's own.
            message = f"worker failed: {_describe(result)}"
            failed: ChunkResult = []
            for key, text in items:
                if key in isolated:
                    failed.append((key, None, message))
                elif key not in queued:
                    queued.add(key)
                    retry_queue.append((key, text))
            result = failed
        for key, rows, error in result:
            if rows is not None:
                cache.put(key, rows)
                extracted_keys.add(key)
            for seq, source in waiting.pop(key, []):
                if rows is None:
                    source = replace(source, status=STATUS_ERROR, error=error)
                collector.add(seq, source, rows)

    def drain(block: bool) -> None:
        for items, result in engine_().done(block):
            finish(items, result)

    def run_retries() -> None:
        e = engine_()
        while retry_queue:
            while e.inflight():
                drain(block=True)
            if not retry_queue:
                break
            key, text = retry_queue.popleft()
            isolated.add(key)
            e.submit([(key, text)])
            while e.inflight():
                drain(block=True)

    def flush() -> None:
        nonlocal chunk
        if retry_queue:
            run_retries()
        if not chunk:
            return
        e = engine_()
        while e.inflight() >= e.max_inflight:
            drain(block=True)
        e.submit(chunk)
        summary.n_extracted += len(chunk)
        chunk = []
        drain(block=False)

    try:
        for seq, source in enumerate(sources):
            if source.status != STATUS_OK:
                collector.add(seq, source, None)
                continue
            key = fingerprint(source.text)
            if key in waiting:  # the same text is already on its way
                waiting[key].append((seq, source))
                continue
            rows = cache.get(key)  # after --no-resume the cache holds only this run's shards
            if rows is not None:
                collector.add(seq, source, rows, cached=key not in extracted_keys)
                continue
            waiting[key] = [(seq, source)]
            chunk.append((key, source.text))
            if len(chunk) >= chunk_size:
                flush()
        flush()
        while runner is not None and (runner.inflight() or retry_queue):
            drain(block=True)
            run_retries()
    except BaseException:
        if runner is not None:
            runner.close(abort=True)
        if bar is not None:
            bar.close()
        raise
    if runner is not None:
        runner.close()
    if bar is not None:
        bar.close()

    written = write_tables(collector.tables(), out, formats=formats)
    cache.prune_other_fingerprints()
    summary.files = [p.as_posix() for p in written]
    summary.elapsed_s = time.perf_counter() - started
    return summary
