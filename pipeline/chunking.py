"""Sentence bounds and byte-limited chunks of a text, as offsets into the original.

Sudachi refuses a text over 49,149 bytes (UTF-8), so long documents are cut into chunks
at sentence ends (else at a comma or space, else anywhere) and processed one by one; the
offsets of each chunk let mentions be mapped back to the whole text.
"""

from __future__ import annotations

import re
from typing import Iterator

# Sudachi's limit is 49,149 bytes; stay well below it.
DEFAULT_MAX_BYTES = 40_000

# ． is also a full-width decimal point (１２．５％): an end only when no digit follows.
_SENTENCE_END = re.compile(r"(?:[。！？!?]|．(?![0-9０-９]))+[」』）)】\"']*|\r?\n")
_SOFT_BREAK = re.compile(r"[、，,;；:：\s]+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets in ``text``, ended by 。!? or a line break.

    Whitespace-only pieces are left out; a mention that crosses a line break
    (``1\\n兆円``) gets both lines from :func:`sentence_at`.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        _append_stripped(text, start, end, bounds)
        start = end
    _append_stripped(text, start, len(text), bounds)
    return bounds


def _append_stripped(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


def sentence_at(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    """Text of the sentence(s) covering [start, end)."""
    first = next((b for b in bounds if b[1] > start), None)
    last = next((b for b in reversed(bounds) if b[0] < end), None)
    if first is None or last is None:
        return text[start:end]
    return text[min(first[0], start):max(last[1], end)]


def chunk_bounds(text: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive (start, end) chunks of at most ``max_bytes`` UTF-8 bytes.

    Chunks cover the whole text (concatenated they give it back), so offsets shift simply.
    """
    if len(text.encode("utf-8")) <= max_bytes:
        return [(0, len(text))] if text else []
    chunks: list[tuple[int, int]] = []
    chunk_start = 0
    chunk_bytes = 0
    for piece_start, piece_end in _pieces(text, max_bytes):
        size = len(text[piece_start:piece_end].encode("utf-8"))
        if chunk_bytes and chunk_bytes + size > max_bytes:
            chunks.append((chunk_start, piece_start))
            chunk_start, chunk_bytes = piece_start, 0
        chunk_bytes += size
    chunks.append((chunk_start, len(text)))
    return chunks


def _pieces(text: str, max_bytes: int) -> Iterator[tuple[int, int]]:
    """Consecutive pieces ending at sentence ends, each at most ``max_bytes``."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield from _fit(text, start, match.end(), max_bytes)
        start = match.end()
    if start < len(text):
        yield from _fit(text, start, len(text), max_bytes)


def _fit(text: str, start: int, end: int, max_bytes: int) -> Iterator[tuple[int, int]]:
    """Cut one over-long sentence at commas/spaces, and as a last resort anywhere."""
    if len(text[start:end].encode("utf-8")) <= max_bytes:
        yield start, end
        return
    # At most 4 bytes a character, so max_bytes // 4 characters always fit.
    limit = max(1, max_bytes // 4)
    while start < end:
        if len(text[start:end].encode("utf-8")) <= max_bytes:
            yield start, end
            return
        window_end = start + limit
        cut = None
        for soft in _SOFT_BREAK.finditer(text, start, window_end):
            cut = soft.end()
        if cut is None or cut <= start:
            cut = window_end
        yield start, cut
        start = cut
