"""Gold annotation readers: native JSON Lines, doccano, brat standoff and Label Studio.

Every reader returns a list of :class:`GoldDocument` (id, text, spans) with labels mapped to
the contract's labels. A problem in the data (an offset that does not fit the text, a span
text that differs from the text at its offsets, an unknown label, a discontinuous brat span)
raises :class:`GoldFormatError`, whose message reads ``FILE:LINE: reason``.

Formats, chosen by :func:`detect_format` from the path and content:

native (``.jsonl``, a line has ``"spans"``)
    ``{"id", "text", "spans": [{"start", "end", "label", "text"?, "norm"?}]}``. A line may
    have ``"source"`` (a path to a UTF-8 text file) instead of ``"text"``; the path is tried
    relative to the gold file's folder, then relative to each folder above it, then to the
    current directory (so ``"../shared/seed/x.txt"`` written relative to a repository root
    also resolves from ``tests/data/gold.jsonl``).
doccano (``.jsonl``, a line has ``"label"`` or ``"labels"``)
    ``{"id"?, "text", "label": [[start, end, "LABEL"], ...]}`` (or dicts with
    start_offset/end_offset/label); the id is ``"id"`` or else the line number.
brat (a folder with ``.ann`` files)
    ``NAME.txt`` + ``NAME.ann``; ``T`` lines ``T1<TAB>LABEL START END<TAB>text``. The
    document id is the ``.txt`` path relative to the folder without its suffix, as
    ``technews run`` names documents of a folder. Discontinuous spans (``0 5;8 10``) are
    rejected. Other annotation lines (R, A, E, N, #) are ignored.
Label Studio (``.json``, a list of tasks)
    ``[{"id", "data": {"text", "doc_id"?}, "annotations": [{"result": [{"value":
    {"start", "end", "text", "labels": [..]}}]}]}]``; the first annotation that is not
    cancelled is used. The id is ``data.doc_id``, else ``data.id``, else the task id.

A folder without ``.ann`` files is read as every ``*.jsonl`` file in it (sorted; each native
or doccano by content).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..mention import LABELS, NORM_FIELDS

FORMATS = ("auto", "native", "doccano", "brat", "labelstudio")


class GoldFormatError(ValueError):
    """Gold data that cannot be read as it says: ``FILE:LINE: reason``."""

    def __init__(self, file: str | Path, line: int | None, reason: str) -> None:
        self.file = str(file)
        self.line = line
        self.reason = reason
        where = f"{self.file}:{line}" if line is not None else self.file
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str
    text: str
    norm: dict | None = None


@dataclass(slots=True)
class GoldDocument:
    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)
    file: str = ""
    line: int | None = None

    def labels(self) -> set[str]:
        return {s.label for s in self.spans}


@dataclass(frozen=True)
class LabelPolicy:
    """How gold labels become contract labels.

    ``label_map`` renames (``{"ORG": "COMPANY"}``); ``ignore`` drops spans of those (original
    or mapped) labels. Any other label not in the contract is an error.
    """

    label_map: Mapping[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    known: tuple[str, ...] = LABELS

    def apply(self, label: Any, file: str | Path, line: int | None) -> str | None:
        if not isinstance(label, str) or not label:
            raise GoldFormatError(file, line, f"span label {label!r} is not a non-empty string")
        if label in self.ignore:
            return None
        mapped = self.label_map.get(label, label)
        if mapped in self.ignore:
            return None
        if mapped not in self.known:
            hint = f" (map it with --label-map {label}=COMPANY or drop it with --ignore-label {label})"
            raise GoldFormatError(file, line, f"unknown label {label!r}: expected one of "
                                              f"{', '.join(self.known)}{hint}")
        return mapped


def parse_label_map(items: Iterable[str] | None) -> dict[str, str]:
    """``["ORG=COMPANY", "PRODUCT=CHIP,X=Y"]`` -> ``{"ORG": "COMPANY", ...}``; ValueError when malformed."""
    result: dict[str, str] = {}
    for item in items or ():
        for part in str(item).split(","):
            part = part.strip()
            if not part:
                continue
            source, sep, target = part.partition("=")
            source, target = source.strip(), target.strip()
            if not sep or not source or not target:
                raise ValueError(f"bad label mapping {part!r}: write GOLD_LABEL=LABEL, e.g. ORG=COMPANY")
            if target not in LABELS:
                raise ValueError(f"bad label mapping {part!r}: {target!r} is not one of {', '.join(LABELS)}")
            result[source] = target
    return result


def parse_label_list(items: Iterable[str] | None) -> list[str]:
    """``["COMPANY,CHIP", "MONEY"]`` -> ``["COMPANY", "CHIP", "MONEY"]`` (order kept, no repeats)."""
    out: list[str] = []
    for item in items or ():
        for part in str(item).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


# --------------------------------------------------------------------------- entry point


def read_gold(path: str | Path, *, label_map: Mapping[str, str] | None = None,
              ignore_labels: Iterable[str] = (), fmt: str = "auto") -> list[GoldDocument]:
    """Read gold documents from ``path`` (file or folder) in format ``fmt`` (or detected)."""
    path = Path(path)
    policy = LabelPolicy(dict(label_map or {}), frozenset(ignore_labels))
    if fmt not in FORMATS:
        raise ValueError(f"unknown gold format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if not path.exists():
        raise GoldFormatError(path, None, "no such file or folder")
    kind = detect_format(path) if fmt == "auto" else fmt
    if kind == "brat":
        if not path.is_dir():
            raise GoldFormatError(path, None, "brat gold must be a folder of .txt and .ann files")
        docs = read_brat(path, policy)
    elif kind == "labelstudio":
        docs = read_labelstudio(path, policy)
    else:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise GoldFormatError(path, None, "folder has neither .ann (brat) nor .jsonl files")
        docs = []
        for file in files:
            docs.extend(read_jsonl(file, policy, fmt=fmt))
    _check_unique(docs)
    return docs


def detect_format(path: Path) -> str:
    if path.is_dir():
        if any(path.rglob("*.ann")):
            return "brat"
        return "native"  # a folder of .jsonl files; each line's kind is told by its content
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "native"  # native or doccano, told apart per line
    if suffix == ".json":
        return "labelstudio"
    if suffix == ".ann":
        raise GoldFormatError(path, None, "for brat gold give the folder that holds the .txt and .ann files")
    # Unknown suffix: look at the first non-blank character.
    head = _read_text(path, path, None)[:4096].lstrip()
    if head.startswith("["):
        return "labelstudio"
    if head.startswith("{"):
        return "native"
    raise GoldFormatError(path, None, "cannot tell the gold format: expected .jsonl (native or doccano), "
                                      ".json (Label Studio export) or a brat folder")


def _check_unique(docs: list[GoldDocument]) -> None:
    seen: dict[str, GoldDocument] = {}
    for doc in docs:
        if doc.id in seen:
            first = seen[doc.id]
            raise GoldFormatError(doc.file, doc.line, f"duplicate document id {doc.id!r} "
                                                      f"(first at {first.file}:{first.line})")
        seen[doc.id] = doc


# --------------------------------------------------------------------------- helpers


def _read_text(path: Path, where: str | Path, line: int | None) -> str:
    """UTF-8 (BOM stripped), line ends kept as they are, so offsets match ``technews run``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldFormatError(where, line, f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(where, line, f"{path} is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None


def _as_offset(value: Any, name: str, file: str | Path, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise GoldFormatError(file, line, f"span {name} {value!r} is not an integer")
    return int(value)


def make_span(text: str, start: Any, end: Any, label: str, span_text: Any, norm: Any,
              file: str | Path, line: int | None) -> GoldSpan:
    """A checked span: offsets inside the text, non-empty, span text (if given) equal to it."""
    start = _as_offset(start, "start", file, line)
    end = _as_offset(end, "end", file, line)
    if not 0 <= start < end <= len(text):
        raise GoldFormatError(file, line, f"span [{start}, {end}) {label} does not fit a text of "
                                          f"{len(text)} characters")
    actual = text[start:end]
    if span_text is not None:
        if not isinstance(span_text, str):
            raise GoldFormatError(file, line, f"span [{start}, {end}) text {span_text!r} is not a string")
        if span_text != actual:
            raise GoldFormatError(file, line, f"span [{start}, {end}) {label}: the text there is {actual!r}, "
                                              f"not {span_text!r} (offsets are Python str indices, end-exclusive)")
    if norm is not None:
        if not isinstance(norm, dict):
            raise GoldFormatError(file, line, f"span [{start}, {end}) norm must be an object, not {norm!r}")
        norm = {k: v for k, v in norm.items() if k in NORM_FIELDS.get(label, ())} or None
    return GoldSpan(start, end, label, actual, norm)


# --------------------------------------------------------------------------- JSON Lines


def read_jsonl(path: Path, policy: LabelPolicy, *, fmt: str = "auto") -> list[GoldDocument]:
    """Native or doccano JSON Lines (``fmt`` "native", "doccano" or decided per line)."""
    text = _read_text(path, path, None)
    docs: list[GoldDocument] = []
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(path, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(record, dict):
            raise GoldFormatError(path, lineno, f"expected a JSON object, got {type(record).__name__}")
        kind = fmt
        if kind == "auto" and "spans" not in record and ("label" in record or "labels" in record):
            kind = "doccano"
        if kind == "doccano":
            docs.append(_doccano_doc(record, path, lineno, policy))
        else:
            docs.append(_native_doc(record, path, lineno, policy))
    return docs


def _native_doc(record: dict, path: Path, lineno: int, policy: LabelPolicy) -> GoldDocument:
    doc_id = record.get("id")
    if doc_id is None or isinstance(doc_id, (dict, list, bool)) or str(doc_id) == "":
        raise GoldFormatError(path, lineno, 'no "id" (native gold needs the document id that technews run uses)')
    text = record.get("text")
    if text is None and isinstance(record.get("source"), str):
        text = _read_text(_resolve_source(record["source"], path, lineno), path, lineno)
    if not isinstance(text, str):
        raise GoldFormatError(path, lineno, '"text" is missing or not a string (and no readable "source" path)')
    spans_in = record.get("spans", [])
    if not isinstance(spans_in, list):
        raise GoldFormatError(path, lineno, '"spans" must be a list')
    spans = []
    for item in spans_in:
        if not isinstance(item, dict):
            raise GoldFormatError(path, lineno, f"a span must be an object, not {item!r}")
        for key in ("start", "end", "label"):
            if key not in item:
                raise GoldFormatError(path, lineno, f'span {item!r} has no "{key}"')
        label = policy.apply(item["label"], path, lineno)
        if label is None:
            continue
        spans.append(make_span(text, item["start"], item["end"], label, item.get("text"), item.get("norm"),
                               path, lineno))
    return GoldDocument(str(doc_id), text, _sorted(spans), str(path), lineno)


def _resolve_source(source: str, path: Path, lineno: int) -> Path:
    rel = Path(source)
    if rel.is_absolute():
        if rel.is_file():
            return rel
        raise GoldFormatError(path, lineno, f'"source" file {source} not found')
    base = path.resolve().parent
    for folder in (base, *base.parents, Path.cwd()):
        candidate = folder / rel
        if candidate.is_file():
            return candidate
    raise GoldFormatError(path, lineno, f'"source" file {source!r} not found relative to {base}, '
                                        f'the folders above it or the current directory')


def _doccano_doc(record: dict, path: Path, lineno: int, policy: LabelPolicy) -> GoldDocument:
    doc_id = record.get("id")
    doc_id = str(lineno) if doc_id is None or str(doc_id) == "" else str(doc_id)
    text = record.get("text", record.get("data"))
    if not isinstance(text, str):
        raise GoldFormatError(path, lineno, '"text" is missing or not a string')
    items = record.get("label", record.get("labels", []))
    if not isinstance(items, list):
        raise GoldFormatError(path, lineno, '"label" must be a list of [start, end, "LABEL"]')
    spans = []
    for item in items:
        if isinstance(item, dict):  # doccano's newer export: {"start_offset", "end_offset", "label"}
            try:
                start, end, raw_label = item["start_offset"], item["end_offset"], item["label"]
            except KeyError as exc:
                raise GoldFormatError(path, lineno, f"span {item!r} has no {exc.args[0]!r}") from None
        elif isinstance(item, list) and len(item) == 3:
            start, end, raw_label = item
        else:
            raise GoldFormatError(path, lineno, f'span {item!r} is not [start, end, "LABEL"]')
        label = policy.apply(raw_label, path, lineno)
        if label is None:
            continue
        spans.append(make_span(text, start, end, label, None, None, path, lineno))
    return GoldDocument(doc_id, text, _sorted(spans), str(path), lineno)


def _sorted(spans: list[GoldSpan]) -> list[GoldSpan]:
    return sorted(spans, key=lambda s: (s.start, s.end, s.label))


# --------------------------------------------------------------------------- brat


def read_brat(folder: Path, policy: LabelPolicy) -> list[GoldDocument]:
    docs = []
    for ann in sorted(folder.rglob("*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            raise GoldFormatError(ann, None, f"no text file {txt.name} beside it")
        text = _read_text(txt, ann, None)
        rel = txt.relative_to(folder).with_suffix("").as_posix()
        spans = []
        for lineno, raw in enumerate(_read_text(ann, ann, None).split("\n"), start=1):
            line = raw.rstrip("\r")
            if not line.startswith("T"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise GoldFormatError(ann, lineno, "a T line needs ID<TAB>LABEL START END<TAB>TEXT")
            head = parts[1]
            span_text = parts[2] if len(parts) > 2 else None
            if ";" in head:
                raise GoldFormatError(ann, lineno, f"discontinuous span {head!r} is not supported: "
                                                   f"split it into separate spans")
            fields = head.split()
            if len(fields) != 3:
                raise GoldFormatError(ann, lineno, f"expected LABEL START END, got {head!r}")
            raw_label, start, end = fields
            try:
                start_i, end_i = int(start), int(end)
            except ValueError:
                raise GoldFormatError(ann, lineno, f"offsets {start!r} {end!r} are not integers") from None
            label = policy.apply(raw_label, ann, lineno)
            if label is None:
                continue
            spans.append(make_span(text, start_i, end_i, label, span_text, None, ann, lineno))
        docs.append(GoldDocument(rel, text, _sorted(spans), str(ann), None))
    return docs


# --------------------------------------------------------------------------- Label Studio


def _json_array_items(text: str, path: Path) -> list[tuple[Any, int]]:
    """The elements of a top-level JSON array with the line each starts on."""
    decoder = json.JSONDecoder()
    n = len(text)

    def skip(i: int) -> int:
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    def line_of(i: int) -> int:
        return text.count("\n", 0, i) + 1

    i = skip(0)
    if i >= n or text[i] != "[":
        if i < n and text[i] == "{":
            raise GoldFormatError(path, line_of(i), "expected a Label Studio export (a JSON list of tasks), "
                                                    "got one object")
        raise GoldFormatError(path, line_of(i), "expected a Label Studio export (a JSON list of tasks)")
    items = []
    i = skip(i + 1)
    if i < n and text[i] == "]":
        return items
    while True:
        try:
            value, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(path, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        items.append((value, line_of(i)))
        i = skip(end)
        if i < n and text[i] == ",":
            i = skip(i + 1)
            continue
        if i < n and text[i] == "]":
            return items
        raise GoldFormatError(path, line_of(i), "invalid JSON: expected ',' or ']' after a task")


def read_labelstudio(path: Path, policy: LabelPolicy) -> list[GoldDocument]:
    if path.is_dir():
        raise GoldFormatError(path, None, "a Label Studio export is one .json file")
    docs = []
    for index, (task, lineno) in enumerate(_json_array_items(_read_text(path, path, None), path), start=1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise GoldFormatError(path, lineno, f'task {index} has no "data" object')
        data = task["data"]
        text = data.get("text")
        if not isinstance(text, str):
            raise GoldFormatError(path, lineno, f'task {index}: data.text is missing or not a string')
        doc_id = next((data[k] for k in ("doc_id", "id") if data.get(k) not in (None, "")), None)
        if doc_id is None:
            doc_id = task.get("id", index)
        annotations = task.get("annotations", task.get("completions", []))
        if not isinstance(annotations, list):
            raise GoldFormatError(path, lineno, f'task {index}: "annotations" must be a list')
        chosen = next((a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")), None)
        spans = []
        for result in (chosen or {}).get("result", []) or []:
            if not isinstance(result, dict):
                continue
            value = result.get("value")
            if not isinstance(value, dict) or "start" not in value or "end" not in value:
                continue  # not a span (relations, choices, ...)
            names = value.get("labels") or value.get("hypertextlabels") or []
            if isinstance(names, str):
                names = [names]
            if not names:
                continue
            if len(names) > 1:
                raise GoldFormatError(path, lineno, f"task {index}: span [{value['start']}, {value['end']}) "
                                                    f"has several labels {names}")
            label = policy.apply(names[0], path, lineno)
            if label is None:
                continue
            spans.append(make_span(text, value["start"], value["end"], label, value.get("text"), None,
                                   path, lineno))
        docs.append(GoldDocument(str(doc_id), text, _sorted(spans), str(path), lineno))
    return docs
