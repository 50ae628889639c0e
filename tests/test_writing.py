"""Writing tables: deterministic bytes, atomic replacement, formats."""

from __future__ import annotations

import json
import math

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import writing
from pipeline.writing import parse_formats, write_tables


def _tables(n: int = 3) -> dict[str, pd.DataFrame]:
    mentions = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "start": list(range(n)),
        "text": ["エヌビディア", "約531億ドル", "26%"][:n] + ["x"] * max(0, n - 3),
        "value": [math.nan, 53.1e9, 0.26][:n] + [1.0] * max(0, n - 3),
        "vendor": [None] * n,  # an all-null column
        "sentence": ["一行目\n二行目", "カンマ, と \"引用\"", "改行\r\nCRLF"][:n] + ["y"] * max(0, n - 3),
    })
    documents = pd.DataFrame({"doc_id": ["d0"], "error": [None], "n_mentions": [n]})
    return {"mentions": mentions, "documents": documents}


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_writes_every_format_and_reruns_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_tables(_tables(), a)
    write_tables(_tables(), b)
    snap = _snapshot(a)
    assert sorted(snap) == sorted(f"{t}.{f}" for t in ("mentions", "documents") for f in ("parquet", "csv", "jsonl"))
    assert snap == _snapshot(b)
    write_tables(_tables(), a)  # overwrite in place
    assert _snapshot(a) == snap


def test_jsonl_keys_in_column_order_utf8_and_null(tmp_path):
    write_tables(_tables(), tmp_path, formats=["jsonl"])
    raw = (tmp_path / "mentions.jsonl").read_bytes()
    assert "エヌビディア".encode("utf-8") in raw  # ensure_ascii=False
    lines = raw.decode("utf-8").splitlines()
    first = json.loads(lines[0])
    assert list(first) == ["doc_id", "start", "text", "value", "vendor", "sentence"]
    assert first["value"] is None and first["vendor"] is None and first["start"] == 0
    assert b"NaN" not in raw


def test_csv_is_utf8_with_lf_line_ends(tmp_path):
    write_tables(_tables(), tmp_path, formats="csv")
    raw = (tmp_path / "mentions.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = raw.split(b"\n", 1)[0]
    assert header == b"doc_id,start,text,value,vendor,sentence"
    assert b"\r\n" in raw  # only inside the quoted CRLF cell...
    assert raw.count(b"\r") == 1  # ...never as a line end
    back = pd.read_csv(tmp_path / "mentions.csv", keep_default_na=False)
    assert back["sentence"].tolist()[0] == "一行目\n二行目"


def test_parquet_round_trips_and_all_null_columns_are_strings(tmp_path):
    write_tables(_tables(), tmp_path, formats=["parquet"])
    table = pq.read_table(tmp_path / "mentions.parquet")
    assert str(table.schema.field("vendor").type) == "string"
    back = table.to_pandas()
    assert back["text"].tolist() == ["エヌビディア", "約531億ドル", "26%"]
    assert back.index.equals(pd.RangeIndex(3))


def test_empty_tables(tmp_path):
    empty = {"mentions": pd.DataFrame({"doc_id": pd.Series([], dtype=object), "start": pd.Series([], dtype="int64")})}
    write_tables(empty, tmp_path)
    assert (tmp_path / "mentions.csv").read_bytes() == b"doc_id,start\n"
    assert (tmp_path / "mentions.jsonl").read_bytes() == b""
    assert pq.read_table(tmp_path / "mentions.parquet").num_rows == 0


def test_unknown_format_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="xlsx"):
        write_tables(_tables(), tmp_path, formats=["csv", "xlsx"])
    assert not any(tmp_path.iterdir())
    assert parse_formats("parquet, csv,csv") == ("parquet", "csv")
    with pytest.raises(ValueError):
        parse_formats("")


def test_a_failing_write_leaves_the_old_files_and_no_temp_files(tmp_path, monkeypatch):
    write_tables(_tables(2), tmp_path)
    before = _snapshot(tmp_path)

    calls = {"n": 0}
    real = writing.SERIALISERS["jsonl"]

    def fail_on_second_table(df):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(df)

    monkeypatch.setitem(writing.SERIALISERS, "jsonl", fail_on_second_table)
    with pytest.raises(RuntimeError, match="disk full"):
        write_tables(_tables(3), tmp_path)
    assert _snapshot(tmp_path) == before  # nothing half-replaced...
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)  # ...and no temp file left


def test_interrupt_during_replace_leaves_only_whole_files(tmp_path, monkeypatch):
    write_tables(_tables(2), tmp_path)
    old = _snapshot(tmp_path)
    new_dir = tmp_path / "new"
    write_tables(_tables(3), new_dir)
    new = _snapshot(new_dir)

    real_replace = writing.os.replace
    calls = {"n": 0}

    def interrupted_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(writing.os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        write_tables(_tables(3), tmp_path)
    monkeypatch.undo()
    now = _snapshot(tmp_path)
    assert sorted(now) == sorted(old)
    for name, data in now.items():
        assert data in (old[name], new[name])  # every file is a whole old or a whole new one


def test_stale_temp_files_from_a_killed_run_are_swept(tmp_path):
    stale = tmp_path / ".tmp-technews-mentions.csv.abc123"
    stale.write_bytes(b"half a tab")
    write_tables(_tables(), tmp_path, formats=["csv"])
    assert not stale.exists()


def test_atomic_write_bytes(tmp_path):
    target = tmp_path / "sub" / "x.json"
    writing.atomic_write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_tables_get_the_usual_file_mode_not_mkstemp_0600(tmp_path):
    import os
    import stat

    import pandas as pd

    from pipeline.writing import write_tables

    umask = os.umask(0o022)
    try:
        write_tables({"documents": pd.DataFrame({"doc_id": ["a"]})}, tmp_path, formats=["csv"])
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "documents.csv").stat().st_mode) == 0o644
