"""Gold readers on tiny fixture files: native, doccano, brat, Label Studio, and their errors."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluation.gold import (GoldFormatError, detect_format, parse_label_list, parse_label_map,
                                      read_gold)

TEXT = "米エヌビディアは約531億ドルを投じ、売上は26%増えた。"
NV = (TEXT.index("エヌビディア"), TEXT.index("エヌビディア") + 6)
MONEY = (TEXT.index("531億ドル"), TEXT.index("531億ドル") + 6)
PCT = (TEXT.index("26%"), TEXT.index("26%") + 3)


def native_line(doc_id="n1", text=TEXT, **extra):
    record = {"id": doc_id, "text": text, "spans": [
        {"start": NV[0], "end": NV[1], "label": "COMPANY", "text": "エヌビディア", "norm": {"canonical": "NVIDIA"}},
        {"start": MONEY[0], "end": MONEY[1], "label": "MONEY", "text": "531億ドル",
         "norm": {"value": 5.31e10, "currency": "USD", "qualifier": "approx", "value_max": None}},
    ]}
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- native


def test_native(tmp_path):
    gold = write(tmp_path / "gold.jsonl", native_line() + "\n\n" + native_line("n2", spans=[]) + "\n")
    docs = read_gold(gold)
    assert [d.id for d in docs] == ["n1", "n2"]
    company, money = docs[0].spans
    assert (company.start, company.end, company.label, company.text) == (*NV, "COMPANY", "エヌビディア")
    assert company.norm == {"canonical": "NVIDIA"}
    assert money.norm == {"value": 5.31e10, "currency": "USD", "qualifier": "approx", "value_max": None}
    assert docs[1].spans == []
    assert docs[0].line == 1 and docs[1].line == 3


def test_native_span_without_text_and_norm(tmp_path):
    line = json.dumps({"id": 7, "text": TEXT, "spans": [{"start": PCT[0], "end": PCT[1], "label": "PERCENT"}]})
    [doc] = read_gold(write(tmp_path / "g.jsonl", line))
    assert doc.id == "7"
    assert doc.spans[0].text == "26%" and doc.spans[0].norm is None


def test_native_source_relative_to_gold_file(tmp_path):
    write(tmp_path / "texts" / "a.txt", "\ufeff" + TEXT)  # a BOM is not part of the text
    gold = write(tmp_path / "gold" / "g.jsonl",
                 json.dumps({"id": "a", "source": "../texts/a.txt", "spans": [
                     {"start": NV[0], "end": NV[1], "label": "COMPANY", "text": "エヌビディア"}]}))
    [doc] = read_gold(gold)
    assert doc.text == TEXT and doc.spans[0].text == "エヌビディア"


def test_native_source_relative_to_a_folder_above(tmp_path):
    # as tests/data/seed_gold.jsonl gives "../shared/seed/x.txt" relative to the repository root
    write(tmp_path / "shared" / "seed" / "x.txt", TEXT)
    gold = write(tmp_path / "repo" / "tests" / "data" / "seed.jsonl",
                 json.dumps({"id": "x", "source": "../shared/seed/x.txt", "spans": []}))
    [doc] = read_gold(gold)
    assert doc.text == TEXT


def test_native_source_missing(tmp_path):
    gold = write(tmp_path / "g.jsonl", json.dumps({"id": "x", "source": "nope/x.txt", "spans": []}))
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:1: .*nope/x\.txt.* not found"):
        read_gold(gold)


def test_native_keeps_crlf_offsets(tmp_path):
    text = "一行目\r\nエヌビディア"
    (tmp_path / "t.txt").write_bytes(text.encode("utf-8"))
    gold = write(tmp_path / "g.jsonl", json.dumps({"id": "t", "source": "t.txt", "spans": [
        {"start": 5, "end": 11, "label": "COMPANY", "text": "エヌビディア"}]}))
    assert read_gold(gold)[0].text == text


def test_native_norm_keeps_only_contract_fields(tmp_path):
    line = json.dumps({"id": "a", "text": TEXT, "spans": [
        {"start": NV[0], "end": NV[1], "label": "COMPANY", "norm": {"canonical": "NVIDIA", "note": "x"}}]})
    assert read_gold(write(tmp_path / "g.jsonl", line))[0].spans[0].norm == {"canonical": "NVIDIA"}


@pytest.mark.parametrize("span, reason", [
    ({"start": NV[0], "end": NV[1] + 1, "label": "COMPANY", "text": "エヌビディア"}, "the text there is"),
    ({"start": 0, "end": 999, "label": "COMPANY"}, "does not fit a text of"),
    ({"start": 5, "end": 5, "label": "COMPANY"}, "does not fit"),
    ({"start": 1.5, "end": 3, "label": "COMPANY"}, "not an integer"),
    ({"start": NV[0], "end": NV[1], "label": "ORG"}, "unknown label 'ORG'"),
    ({"start": NV[0], "label": "COMPANY"}, 'has no "end"'),
])
def test_native_errors_name_file_and_line(tmp_path, span, reason):
    bad = json.dumps({"id": "b", "text": TEXT, "spans": [span]}, ensure_ascii=False)
    gold = write(tmp_path / "gold.jsonl", native_line() + "\n" + bad + "\n")
    with pytest.raises(GoldFormatError) as info:
        read_gold(gold)
    message = str(info.value)
    assert message.startswith(f"{gold}:2: ")
    assert reason in message
    assert isinstance(info.value, ValueError) and info.value.line == 2


@pytest.mark.parametrize("line, reason", [
    ("{not json", "invalid JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"text": TEXT, "spans": []}), 'no "id"'),
    (json.dumps({"id": "x", "spans": []}), '"text" is missing'),
    (json.dumps({"id": "x", "text": TEXT, "spans": {}}), '"spans" must be a list'),
])
def test_native_line_errors(tmp_path, line, reason):
    gold = write(tmp_path / "g.jsonl", line + "\n")
    with pytest.raises(GoldFormatError, match=f"g.jsonl:1: .*{reason}"):
        read_gold(gold)


def test_label_map_and_ignore(tmp_path):
    line = json.dumps({"id": "a", "text": TEXT, "spans": [
        {"start": NV[0], "end": NV[1], "label": "ORG"}, {"start": MONEY[0], "end": MONEY[1], "label": "PRODUCT"},
        {"start": PCT[0], "end": PCT[1], "label": "PERCENT"}]})
    gold = write(tmp_path / "g.jsonl", line)
    with pytest.raises(GoldFormatError, match="--label-map ORG=COMPANY"):
        read_gold(gold)
    [doc] = read_gold(gold, label_map={"ORG": "COMPANY"}, ignore_labels=["PRODUCT"])
    assert [(s.label, s.text) for s in doc.spans] == [("COMPANY", "エヌビディア"), ("PERCENT", "26%")]


def test_folder_of_jsonl_files_and_duplicate_ids(tmp_path):
    write(tmp_path / "gold" / "b.jsonl", native_line("b"))
    write(tmp_path / "gold" / "a.jsonl", native_line("a"))
    write(tmp_path / "gold" / "notes.txt", "ignored")
    assert [d.id for d in read_gold(tmp_path / "gold")] == ["a", "b"]
    write(tmp_path / "gold" / "c.jsonl", native_line("a"))
    with pytest.raises(GoldFormatError, match=r"c\.jsonl:1: duplicate document id 'a'"):
        read_gold(tmp_path / "gold")


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(GoldFormatError, match="no such file"):
        read_gold(tmp_path / "nothing.jsonl")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFormatError, match="neither .ann"):
        read_gold(tmp_path / "empty")


# --------------------------------------------------------------------------- doccano


def test_doccano(tmp_path):
    lines = [
        json.dumps({"id": 10, "text": TEXT, "label": [[NV[0], NV[1], "COMPANY"], [PCT[0], PCT[1], "PERCENT"]]}),
        json.dumps({"text": TEXT, "labels": [[MONEY[0], MONEY[1], "MONEY"]]}),  # no id: the line number
        json.dumps({"id": "c", "text": TEXT, "label": [{"start_offset": NV[0], "end_offset": NV[1],
                                                         "label": "COMPANY"}]}),
        json.dumps({"id": "d", "text": TEXT, "label": []}),
    ]
    docs = read_gold(write(tmp_path / "d.jsonl", "\n".join(lines)))
    assert [d.id for d in docs] == ["10", "2", "c", "d"]
    assert [(s.label, s.text) for s in docs[0].spans] == [("COMPANY", "エヌビディア"), ("PERCENT", "26%")]
    assert docs[1].spans[0].text == "531億ドル"
    assert docs[2].spans[0].label == "COMPANY"
    assert docs[3].spans == []


@pytest.mark.parametrize("labels, reason", [
    ([[0, 999, "COMPANY"]], "does not fit"),
    ([[NV[0], NV[1], "CORP"]], "unknown label 'CORP'"),
    ([[NV[0], NV[1]]], "is not \\[start, end"),
])
def test_doccano_errors(tmp_path, labels, reason):
    lines = [json.dumps({"id": 1, "text": TEXT, "label": []}), json.dumps({"id": 2, "text": TEXT, "label": labels})]
    with pytest.raises(GoldFormatError, match=f"d.jsonl:2: .*{reason}"):
        read_gold(write(tmp_path / "d.jsonl", "\n".join(lines)))


# --------------------------------------------------------------------------- brat


def brat_folder(tmp_path, ann_a: str):
    folder = tmp_path / "brat"
    write(folder / "a.txt", TEXT)
    write(folder / "a.ann", ann_a)
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_bytes("行1\r\nエヌビディア".encode("utf-8"))
    write(folder / "sub" / "b.ann", "T1\tCOMPANY 4 10\tエヌビディア\n")
    return folder


def test_brat(tmp_path):
    ann = (f"T1\tCOMPANY {NV[0]} {NV[1]}\tエヌビディア\n"
           f"T2\tMONEY {MONEY[0]} {MONEY[1]}\t531億ドル\n"
           "#1\tAnnotatorNotes T1\tnote\n"
           "R1\tRel Arg1:T1 Arg2:T2\n"
           f"T3\tPRODUCT {PCT[0]} {PCT[1]}\t26%\n")
    folder = brat_folder(tmp_path, ann)
    assert detect_format(folder) == "brat"
    docs = read_gold(folder, ignore_labels=["PRODUCT"])
    assert [d.id for d in docs] == ["a", "sub/b"]
    assert [(s.label, s.text) for s in docs[0].spans] == [("COMPANY", "エヌビディア"), ("MONEY", "531億ドル")]
    assert docs[1].text == "行1\r\nエヌビディア" and docs[1].spans[0].text == "エヌビディア"


@pytest.mark.parametrize("line, reason", [
    (f"T2\tCOMPANY {NV[0]} {NV[0] + 2};{NV[0] + 3} {NV[1]}\tエヌ ディア", "discontinuous span"),
    (f"T2\tCOMPANY {NV[0]} {NV[1]}\tNVIDIA", "the text there is 'エヌビディア', not 'NVIDIA'"),
    (f"T2\tCOMPANY {NV[0]} x\tエヌビディア", "not integers"),
    (f"T2\tORG {NV[0]} {NV[1]}\tエヌビディア", "unknown label 'ORG'"),
])
def test_brat_errors(tmp_path, line, reason):
    folder = brat_folder(tmp_path, f"T1\tPERCENT {PCT[0]} {PCT[1]}\t26%\n{line}\n")
    with pytest.raises(GoldFormatError) as info:
        read_gold(folder)
    assert str(info.value).startswith(f"{folder / 'a.ann'}:2: ")
    assert reason in str(info.value)


def test_brat_missing_text_file(tmp_path):
    folder = tmp_path / "brat"
    write(folder / "x.ann", "")
    with pytest.raises(GoldFormatError, match="no text file x.txt"):
        read_gold(folder)


# --------------------------------------------------------------------------- Label Studio


def ls_task(task_id, spans, *, data_id=None, cancelled=False):
    data = {"text": TEXT}
    if data_id:
        data["doc_id"] = data_id
    result = [{"id": f"r{i}", "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": s, "end": e, "text": t, "labels": [label]}} for i, (s, e, t, label) in
              enumerate(spans)]
    annotations = [{"id": 1, "result": result, "was_cancelled": False}]
    if cancelled:
        annotations.insert(0, {"id": 0, "result": [], "was_cancelled": True})
    return {"id": task_id, "data": data, "annotations": annotations}


def test_labelstudio(tmp_path):
    tasks = [ls_task(1, [(NV[0], NV[1], "エヌビディア", "COMPANY")], data_id="news-1"),
             ls_task(2, [(PCT[0], PCT[1], "26%", "PERCENT")], cancelled=True)]
    path = write(tmp_path / "export.json", json.dumps(tasks, ensure_ascii=False, indent=2))
    assert detect_format(path) == "labelstudio"
    docs = read_gold(path)
    assert [d.id for d in docs] == ["news-1", "2"]
    assert docs[0].spans[0].label == "COMPANY" and docs[1].spans[0].text == "26%"


def test_labelstudio_error_gives_the_task_line(tmp_path):
    tasks = [ls_task(1, []), ls_task(2, [(NV[0], NV[1], "エヌビディ", "COMPANY")])]
    text = json.dumps(tasks, ensure_ascii=False, indent=2)
    path = write(tmp_path / "export.json", text)
    second_task_line = text[:text.index('"id": 2')].count("\n")  # the line of its opening brace
    with pytest.raises(GoldFormatError) as info:
        read_gold(path)
    assert str(info.value).startswith(f"{path}:{second_task_line}: ")
    assert "not 'エヌビディ'" in str(info.value)


@pytest.mark.parametrize("content, reason", [
    ('{"data": {"text": "x"}}', "got one object"),
    ('[{"data": {"text": "x"}}, ]', "invalid JSON"),
    ('[{"id": 1}]', 'no "data"'),
])
def test_labelstudio_errors(tmp_path, content, reason):
    with pytest.raises(GoldFormatError, match=reason):
        read_gold(write(tmp_path / "e.json", content))


# --------------------------------------------------------------------------- options


def test_parse_label_options():
    assert parse_label_map(["ORG=COMPANY", "PRODUCT=CHIP, Money=MONEY"]) == {
        "ORG": "COMPANY", "PRODUCT": "CHIP", "Money": "MONEY"}
    with pytest.raises(ValueError, match="GOLD_LABEL=LABEL"):
        parse_label_map(["ORG"])
    with pytest.raises(ValueError, match="not one of"):
        parse_label_map(["ORG=ORGANISATION"])
    assert parse_label_list(["MONEY,PERCENT", "MONEY"]) == ["MONEY", "PERCENT"]


def test_forced_format(tmp_path):
    # a doccano-looking file read as native: no "spans", so no spans
    line = json.dumps({"id": 1, "text": TEXT, "label": [[NV[0], NV[1], "COMPANY"]]})
    path = write(tmp_path / "d.jsonl", line)
    assert read_gold(path)[0].spans[0].label == "COMPANY"  # auto: told by content
    assert read_gold(path, fmt="doccano")[0].spans[0].label == "COMPANY"
    assert read_gold(path, fmt="native")[0].spans == []
    with pytest.raises(ValueError, match="unknown gold format"):
        read_gold(path, fmt="conll")
