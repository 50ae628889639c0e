"""Reading inputs: encodings, bad files as error rows, doc_id rules, order, JSON Lines."""

from __future__ import annotations

import json
import os

import pytest

from pipeline.document import STATUS_EMPTY, STATUS_ERROR, STATUS_OK
from pipeline.reading import (
    DecodeError,
    InputError,
    count_sources,
    decode_bytes,
    fingerprint,
    iter_sources,
)

ARTICLE = (
    "米エヌビディアは中国向けのAI半導体「H20」の出荷を再開すると発表した。"
    "アリババ集団は今後3年間で3,800億元（約531億ドル）を投じる計画で、"
    "クラウド部門の売上高は前年同期比26%増えた。華為技術（ファーウェイ）の「昇騰910C」も注目される。\n"
    "ムーア・スレッドの株価は上場初日に最大425%上昇し、ｶﾀｶﾅや全角ＡＢＣも混じる。"
)


# --------------------------------------------------------------------------- decode_bytes


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("cp932", "cp932"), ("shift_jis", "cp932"), ("euc_jp", "euc_jp")],
)
def test_japanese_encodings_are_detected(encoding, expected):
    text, name = decode_bytes(ARTICLE.encode(encoding))
    assert (text, name) == (ARTICLE, expected)


def test_cp932_only_characters():
    text = "①ＮＥＣ～髙島屋の売上高は約３割増。"  # NEC-special and IBM extension characters
    assert decode_bytes(text.encode("cp932")) == (text, "cp932")


def test_utf8_bom_is_removed():
    text, name = decode_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert name == "utf-8-sig"
    assert text == ARTICLE and not text.startswith("\ufeff")


@pytest.mark.parametrize("sample", ["半導体", "日本の企業", "エヌビディア", "株式会社ソラノ"])
def test_short_texts_that_decode_both_ways_pick_the_right_one(sample):
    # Short CP932/EUC-JP strings may decode (wrongly) in both encodings.
    for encoding in ("cp932", "euc_jp"):
        assert decode_bytes(sample.encode(encoding))[0] == sample


def test_plain_ascii_and_empty_are_utf8():
    assert decode_bytes(b"NVIDIA H20, 26%") == ("NVIDIA H20, 26%", "utf-8")
    assert decode_bytes(b"") == ("", "utf-8")


def test_binary_data_is_an_error():
    with pytest.raises(DecodeError, match=r"binary file: NUL byte at offset 3"):
        decode_bytes(b"abc\x00def")
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 65, 66, 67, 68]))


def test_undecodable_bytes_give_the_offset():
    data = "ソラノ".encode("utf-8") + b"\x80\xff\xfe" + "半導体".encode("utf-8")
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    msg = str(info.value)
    assert msg.startswith("undecodable bytes")
    assert "offset 9" in msg and "UTF-8" in msg and "CP932" in msg and "EUC-JP" in msg


def test_fingerprint_is_a_content_hash():
    assert fingerprint(b"abc") == fingerprint("abc") != fingerprint(b"abd")
    assert len(fingerprint(b"")) == 64


# --------------------------------------------------------------------------- iter_sources


@pytest.fixture()
def archive(tmp_path):
    """A folder with every kind of file a scraped archive has."""
    root = tmp_path / "archive"
    (root / "2025" / "q1").mkdir(parents=True)
    (root / "b.txt").write_bytes(ARTICLE.encode("utf-8"))
    (root / "a.md").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (root / "2025" / "sjis.txt").write_bytes(ARTICLE.encode("cp932"))
    (root / "2025" / "q1" / "euc.txt").write_bytes(ARTICLE.encode("euc_jp"))
    (root / "2025" / "empty.txt").write_bytes(b"")
    (root / "2025" / "blank.txt").write_bytes(" \n\u3000\n".encode("utf-8"))
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "undecodable.txt").write_bytes(b"ok \x80\x81\xff\xfe")
    (root / "folder.txt").mkdir()  # matches *.txt but cannot be read (tests run as root)
    (root / "dangling.txt").symlink_to(root / "no-such-target.txt")
    (root / "notes.csv").write_text("ignored", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\x00")
    return root


def test_folder_reads_every_txt_and_md_sorted_with_posix_ids(archive):
    docs = list(iter_sources([archive]))
    ids = [d.doc_id for d in docs]
    assert ids == sorted(ids)
    assert ids == [
        "2025/blank", "2025/empty", "2025/q1/euc", "2025/sjis", "a", "b", "binary",
        "dangling", "folder", "undecodable",
    ]
    by_id = {d.doc_id: d for d in docs}
    for doc_id, encoding in [("a", "utf-8-sig"), ("b", "utf-8"), ("2025/sjis", "cp932"),
                             ("2025/q1/euc", "euc_jp")]:
        doc = by_id[doc_id]
        assert (doc.status, doc.encoding, doc.text, doc.error) == (STATUS_OK, encoding, ARTICLE, None)
    assert by_id["2025/q1/euc"].path == (archive / "2025" / "q1" / "euc.txt").as_posix()


def test_empty_documents_are_not_errors(archive):
    by_id = {d.doc_id: d for d in iter_sources([archive])}
    for doc_id in ("2025/empty", "2025/blank"):
        assert by_id[doc_id].status == STATUS_EMPTY
        assert by_id[doc_id].error is None


def test_bad_files_become_error_rows(archive):
    by_id = {d.doc_id: d for d in iter_sources([archive])}
    expected = {
        "binary": "binary file",
        "undecodable": "undecodable bytes",
        "folder": "cannot read file: Is a directory",
        "dangling": "cannot read file: No such file or directory",
    }
    for doc_id, message in expected.items():
        doc = by_id[doc_id]
        assert doc.status == STATUS_ERROR, doc
        assert doc.text == "" and doc.encoding is None
        assert message in doc.error
    assert "offset 3" in by_id["undecodable"].error


def test_single_file_doc_id_is_its_stem(tmp_path):
    f = tmp_path / "news-01.txt"
    f.write_bytes(ARTICLE.encode("euc_jp"))
    (doc,) = iter_sources([f])
    assert (doc.doc_id, doc.encoding, doc.text) == ("news-01", "euc_jp", ARTICLE)
    (doc,) = iter_sources(str(f))  # a single path is fine too


def test_missing_input_raises_before_any_document(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="no-such-dir"):
        iter_sources([good, tmp_path / "no-such-dir"])  # eager check, not on iteration


def test_iteration_is_lazy(tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"文書{i}", encoding="utf-8")
    opened = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    it = iter_sources([tmp_path])
    first = next(it)
    assert first.doc_id == "0" and len(opened) == 1


def test_inputs_keep_their_order(tmp_path):
    a, b = tmp_path / "z.txt", tmp_path / "a.txt"
    a.write_text("後", encoding="utf-8")
    b.write_text("前", encoding="utf-8")
    assert [d.doc_id for d in iter_sources([a, b])] == ["z", "a"]


def test_jsonl_input(tmp_path):
    f = tmp_path / "gold.jsonl"
    lines = [
        json.dumps({"id": "news-01", "text": ARTICLE, "spans": []}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": 7, "text": "数値のID"}, ensure_ascii=False),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "blank", "text": "  "}),
    ]
    f.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    docs = list(iter_sources([f]))
    got = [(d.doc_id, d.status) for d in docs]
    assert got == [
        ("news-01", STATUS_OK),
        ("gold.jsonl:3", STATUS_ERROR),
        ("7", STATUS_OK),
        ("gold.jsonl:5", STATUS_ERROR),
        ("no-text", STATUS_ERROR),
        ("gold.jsonl:7", STATUS_ERROR),
        ("blank", STATUS_EMPTY),
    ]
    assert docs[0].text == ARTICLE
    assert "line 3: invalid JSON" in docs[1].error
    assert all(d.path == f.as_posix() for d in docs)
    assert count_sources([f]) == 7


def test_jsonl_with_an_undecodable_line(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_bytes(b'{"id": "a", "text": "\xff\xfe\x80"}\n{"id": "b", "text": "ok"}\n')
    docs = list(iter_sources([f]))
    assert [(d.doc_id, d.status) for d in docs] == [("x.jsonl:1", STATUS_ERROR), ("b", STATUS_OK)]
    assert "undecodable" in docs[0].error


def test_count_sources(archive):
    assert count_sources([archive]) == len(list(iter_sources([archive]))) == 10
