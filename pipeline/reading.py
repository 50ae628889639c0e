"""Reading inputs: folders, single files and JSON Lines, in any of the supported encodings.

Nothing here raises for a bad *document*: an unreadable, binary, empty or undecodable file
becomes a :class:`SourceDocument` with ``status`` and ``error`` set, so that one bad file
never stops a batch. Only a bad *input argument* (a path that does not exist) raises
:class:`InputError`.

Order is deterministic: inputs in the order given; inside a folder, files sorted by their
relative POSIX path; inside a JSON Lines file, line order.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .document import STATUS_EMPTY, STATUS_ERROR, STATUS_OK, SourceDocument

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)

_BOM_UTF8 = b"\xef\xbb\xbf"
_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# Control characters that have no business in a text file (everything below 0x20 except
# TAB, LF, VT, FF, CR; plus DEL). ESC is counted too: ISO-2022-JP is not supported.
_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F})
_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))
_MAX_CONTROL_SHARE = 0.05


class InputError(Exception):
    """An input argument is unusable (does not exist). The CLI prints it and exits 2."""


class DecodeError(ValueError):
    """The bytes are binary or undecodable; the message says why (and where)."""


# --------------------------------------------------------------------------- hashing


def fingerprint(data: bytes | str) -> str:
    """Content hash (SHA-256 hex) of bytes; ``str`` is hashed as its UTF-8 encoding."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- decoding


def _japanese_score(text: str) -> float:
    """How plausible ``text`` is as Japanese (or ASCII) text: higher is better.

    Hiragana, full-width katakana, the common CJK block, Japanese punctuation and printable
    ASCII count for; half-width katakana (what EUC-JP looks like when read as CP932),
    private-use, rare CJK extension characters and symbols count against.
    """
    if not text:
        return 0.0
    good = bad = 0.0
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF:  # hiragana, katakana
            good += 2
        elif 0x4E00 <= o <= 0x9FFF:  # CJK unified ideographs
            good += 1
        elif 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:  # punctuation, full-width ASCII
            good += 1
        elif 0x20 <= o < 0x7F or ch in "\t\r\n":
            good += 0.5
        elif 0xFF61 <= o <= 0xFF9F:  # half-width katakana
            bad += 1
        elif 0xE000 <= o <= 0xF8FF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
            bad += 2  # private use, CJK extension A, compatibility ideographs
        elif unicodedata.category(ch) in ("Cc", "Co", "Cn", "So"):
            bad += 1
    return (good - 2 * bad) / len(text)


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    n = len(data) - len(data.translate(None, _CONTROL_DELETE))
    return n / len(data)


def _describe(exc: UnicodeDecodeError) -> str:
    return f"byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"


# Python's cp932 codec maps the unassigned single bytes 0x80, 0xA0, 0xFD-0xFF to U+0080,
# U+F8F0-U+F8F3 instead of failing; no real CP932 text contains them.
_CP932_UNASSIGNED = {"\x80": 0x80, "\uf8f0": 0xA0, "\uf8f1": 0xFD, "\uf8f2": 0xFE, "\uf8f3": 0xFF}


def _reject_cp932_unassigned(data: bytes, text: str) -> None:
    for i, ch in enumerate(text):
        if ch in _CP932_UNASSIGNED:
            offset = len(text[:i].encode("cp932"))
            raise UnicodeDecodeError("cp932", data, offset, offset + 1, "unassigned byte")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a document's bytes: returns ``(text, encoding)``.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig`` (a BOM was present and removed),
    ``cp932`` (Shift_JIS and Microsoft's superset of it), ``euc_jp``, or ``utf-16`` (only
    with a UTF-16 BOM). Raises :class:`DecodeError` for binary data (NUL bytes, many control
    characters) and for bytes that no supported encoding decodes; the message gives the
    offset of the first bad byte.
    """
    for bom, codec, name in ((_BOM_UTF8, "utf-8-sig", "UTF-8"), (_BOM_UTF16, "utf-16", "UTF-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"undecodable bytes: {name} BOM present but invalid {name} ({_describe(exc)})"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(f"binary file: NUL byte at offset {nul}")
    share = _control_share(data)
    if share > _MAX_CONTROL_SHARE:
        raise DecodeError(f"binary file: {share:.0%} control bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        errors = {"UTF-8": exc}
    candidates: list[tuple[str, str]] = []
    for name, label in (("cp932", "CP932"), ("euc_jp", "EUC-JP")):
        try:
            text = data.decode(name)
            if name == "cp932":
                _reject_cp932_unassigned(data, text)
            candidates.append((text, name))
        except UnicodeDecodeError as exc:
            errors[label] = exc
    if not candidates:
        detail = ", ".join(f"{label} ({_describe(exc)})" for label, exc in errors.items())
        raise DecodeError(f"undecodable bytes: not valid {detail}")
    if len(candidates) == 1:
        return candidates[0]
    return _pick(data, candidates)


def _pick(data: bytes, candidates: list[tuple[str, str]]) -> tuple[str, str]:
    """Choose between CP932 and EUC-JP when both decode strictly."""
    scored = [(_japanese_score(text), text, name) for text, name in candidates]
    scored.sort(key=lambda item: -item[0])
    best, second = scored[0], scored[1]
    if best[0] - second[0] > 0.05:
        return best[1], best[2]
    # Too close to call: ask charset_normalizer, and fall back to CP932 (the more common one).
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=["cp932", "euc_jp"]).best()
        guess = match.encoding if match is not None else None
    except Exception:  # pragma: no cover - optional tie-breaker only
        guess = None
    by_name = {name: text for _, text, name in scored}
    for name in (guess, "cp932", "euc_jp"):
        if name in by_name:
            return by_name[name], name
    return best[1], best[2]  # pragma: no cover


# --------------------------------------------------------------------------- documents


def _status(text: str) -> str:
    return STATUS_OK if text.strip() else STATUS_EMPTY


def read_document(path: str | Path, doc_id: str) -> SourceDocument:
    """Read and decode one file; never raises for a bad file (see the module docstring)."""
    shown = Path(path).as_posix()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return SourceDocument(
            doc_id, shown, "", None, STATUS_ERROR, f"cannot read file: {reason}"
        )
    return document_from_bytes(data, doc_id, shown)


def document_from_bytes(data: bytes, doc_id: str, path: str) -> SourceDocument:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return SourceDocument(doc_id, path, "", None, STATUS_ERROR, str(exc))
    return SourceDocument(doc_id, path, text, encoding, _status(text))


def _matches(name: str) -> bool:
    return name.lower().endswith(TEXT_SUFFIXES)


def list_folder(folder: str | Path) -> list[tuple[str, Path]]:
    """``(relative POSIX path, path)`` of every ``*.txt``/``*.md`` below ``folder``, sorted.

    Symlinked folders are not followed (no loops); a broken symlink or a folder whose name
    ends in ``.txt`` is listed, and becomes an error row when read.
    """
    folder = Path(folder)
    found: list[tuple[str, Path]] = []

    def onerror(exc: OSError) -> None:
        # An unreadable sub-folder: report it as one error row rather than losing it silently.
        if exc.filename:
            p = Path(exc.filename)
            rel = p.relative_to(folder).as_posix() if p != folder else p.name
            found.append((rel, p))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=onerror, followlinks=False):
        base = Path(dirpath)
        for name in filenames + dirnames:
            if _matches(name):
                p = base / name
                found.append((p.relative_to(folder).as_posix(), p))
    found.sort(key=lambda item: item[0])
    return found


def _strip_suffix(rel: str) -> str:
    head, _, name = rel.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{head}/{stem}" if head else stem


def iter_jsonl(path: str | Path) -> Iterator[SourceDocument]:
    """One document per ``{"id": ..., "text": ...}`` line; blank lines are skipped.

    A bad line (undecodable, invalid JSON, not an object, no id or no text) becomes an error
    row whose ``doc_id`` is ``FILE:LINE`` (or the record's id when it has one).
    """
    path = Path(path)
    shown = path.as_posix()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        yield SourceDocument(path.name, shown, "", None, STATUS_ERROR, f"cannot read file: {reason}")
        return
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except OSError as exc:
                reason = exc.strerror or exc.__class__.__name__
                yield SourceDocument(
                    f"{path.name}:{lineno + 1}", shown, "", None, STATUS_ERROR,
                    f"cannot read file: {reason}",
                )
                return
            if not raw:
                return
            lineno += 1
            where = f"{path.name}:{lineno}"
            if not raw.strip():
                continue
            try:
                line, encoding = decode_bytes(raw)
            except DecodeError as exc:
                yield SourceDocument(where, shown, "", None, STATUS_ERROR, f"line {lineno}: {exc}")
                continue
            if encoding == "utf-8-sig":
                encoding = "utf-8" if lineno > 1 else encoding
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceDocument(
                    where, shown, "", encoding, STATUS_ERROR,
                    f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})",
                )
                continue
            if not isinstance(record, dict):
                yield SourceDocument(
                    where, shown, "", encoding, STATUS_ERROR,
                    f"line {lineno}: expected a JSON object, got {type(record).__name__}",
                )
                continue
            doc_id = record.get("id")
            if doc_id is None or isinstance(doc_id, (dict, list, bool)) or str(doc_id) == "":
                yield SourceDocument(
                    where, shown, "", encoding, STATUS_ERROR, f'line {lineno}: no "id"'
                )
                continue
            doc_id = str(doc_id)
            text = record.get("text")
            if not isinstance(text, str):
                yield SourceDocument(
                    doc_id, shown, "", encoding, STATUS_ERROR,
                    f'line {lineno}: "text" is missing or not a string',
                )
                continue
            yield SourceDocument(doc_id, shown, text, encoding, _status(text))


def _check_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise InputError(f"input not found: {p}")
    return paths


def iter_sources(inputs: Iterable[str | Path] | str | Path) -> Iterator[SourceDocument]:
    """Every document of the inputs, lazily, in a deterministic order.

    - a folder: every ``*.txt``/``*.md`` below it (recursively, sorted); ``doc_id`` is the
      relative path with POSIX separators and without the suffix;
    - a ``.jsonl`` file: one document per line (see :func:`iter_jsonl`);
    - any other file: that file, ``doc_id`` = its stem.

    All inputs are checked before the first document is produced: a missing path raises
    :class:`InputError` at once (not half-way through a batch).
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    paths = _check_inputs(list(inputs))
    return _iter_sources(paths)


def _iter_sources(paths: list[Path]) -> Iterator[SourceDocument]:
    for p in paths:
        if p.is_dir():
            for rel, file in list_folder(p):
                yield read_document(file, _strip_suffix(rel))
        elif p.name.lower().endswith(JSONL_SUFFIXES):
            yield from iter_jsonl(p)
        else:
            yield read_document(p, p.stem if p.stem else p.name)


def count_sources(inputs: Iterable[str | Path]) -> int:
    """How many documents :func:`iter_sources` will produce (cheap: lists, does not decode).

    For JSON Lines files this counts non-blank lines.
    """
    n = 0
    for p in _check_inputs([Path(i) for i in inputs]):
        if p.is_dir():
            n += len(list_folder(p))
        elif p.name.lower().endswith(JSONL_SUFFIXES):
            try:
                with open(p, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n
