"""Writing the output tables: atomically, and byte-identical for the same tables.

Every file is first written to a temporary file in the output folder; only when *all* files
of the call are written are they moved into place with ``os.replace`` (atomic on POSIX and
Windows). An interrupted or failing write therefore never leaves a half-written table: the
previous version of each file stays, and the temporary files are removed (or, after
``kill -9``, swept away by the next write).

Determinism:
- Parquet: no pandas index, fixed compression, no timestamps (Parquet has none unless asked);
  columns that are entirely null are written as strings, not the ``null`` type.
- CSV: UTF-8 without BOM, ``\\n`` line ends, no index, floats in Python ``repr``.
- JSONL: one object per row, keys in column order, ``ensure_ascii=False``, NaN/NA -> null.
"""

from __future__ import annotations

import io
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import pandas as pd

FORMATS = ("parquet", "csv", "jsonl")
_TMP_PREFIX = ".tmp-technews-"


def parse_formats(formats: str | Sequence[str]) -> tuple[str, ...]:
    """``"parquet,csv"`` or ``["parquet", "csv"]`` -> validated tuple; unknown -> ValueError."""
    if isinstance(formats, str):
        formats = [f for f in formats.split(",")]
    out: list[str] = []
    for f in formats:
        f = f.strip().lower()
        if not f:
            continue
        if f not in FORMATS:
            raise ValueError(f"unknown output format {f!r} (choose from {', '.join(FORMATS)})")
        if f not in out:
            out.append(f)
    if not out:
        raise ValueError("no output format given")
    return tuple(out)


# --------------------------------------------------------------------------- serialisers


def _py(value: Any) -> Any:
    """A JSON-ready Python value for one cell."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar -> Python
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and math.isinf(value):
        return None
    return value


def to_jsonl_bytes(df: pd.DataFrame) -> bytes:
    cols = [str(c) for c in df.columns]
    buf = io.StringIO()
    for row in df.itertuples(index=False, name=None):
        record = {c: _py(v) for c, v in zip(cols, row)}
        buf.write(json.dumps(record, ensure_ascii=False, allow_nan=False))
        buf.write("\n")
    return buf.getvalue().encode("utf-8")


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    text = df.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    fields = []
    changed = False
    for f in table.schema:
        if pa.types.is_null(f.type):
            fields.append(pa.field(f.name, pa.string()))
            changed = True
        else:
            fields.append(f)
    if changed:
        table = table.cast(pa.schema(fields, metadata=table.schema.metadata))
    sink = pa.BufferOutputStream()
    pq.write_table(
        table,
        sink,
        compression="zstd",
        use_dictionary=True,
        write_statistics=True,
        store_schema=True,
    )
    return sink.getvalue().to_pybytes()


SERIALISERS: dict[str, Callable[[pd.DataFrame], bytes]] = {
    "parquet": to_parquet_bytes,
    "csv": to_csv_bytes,
    "jsonl": to_jsonl_bytes,
}


# --------------------------------------------------------------------------- atomic files


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not supported (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _default_file_mode() -> int:
    """The mode open() would give a new file (mkstemp makes 0600, tables are for sharing)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _discard(tmp: str | Path) -> None:
    """Remove a temporary file after a failed write; it may already be gone."""
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _write_tmp(folder: Path, name: str, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f"{_TMP_PREFIX}{name}.", dir=folder)
    try:
        os.fchmod(fd, _default_file_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _discard(tmp)
        raise
    return Path(tmp)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write one file atomically (temp file in the same folder, fsync, os.replace)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_tmp(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def sweep_stale_temp_files(folder: str | Path) -> int:
    """Remove temporary files left by an earlier write that was killed (kill -9)."""
    folder = Path(folder)
    n = 0
    if not folder.is_dir():
        return 0
    for p in folder.iterdir():
        if p.name.startswith(_TMP_PREFIX) and p.is_file():
            try:
                p.unlink()
                n += 1
            except OSError:
                pass
    return n


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    *,
    formats: str | Sequence[str] = FORMATS,
) -> list[Path]:
    """Write each table as ``NAME.FORMAT`` in ``out_dir``; returns the paths written.

    All files are serialised and written to temporary files first, then moved into place
    together, so an error (or Ctrl-C) while writing leaves the previous files untouched and
    no temporary file behind.
    """
    formats = parse_formats(formats)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sweep_stale_temp_files(out)
    staged: list[tuple[Path, Path]] = []
    try:
        for name in sorted(tables):
            df = tables[name]
            for fmt in formats:
                data = SERIALISERS[fmt](df)
                target = out / f"{name}.{fmt}"
                staged.append((_write_tmp(out, target.name, data), target))
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in staged:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            except OSError:  # pragma: no cover
                pass
        raise
    _fsync_dir(out)
    return [target for _, target in staged]
