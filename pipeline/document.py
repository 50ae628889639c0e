"""Records that flow between reading, extraction and table building."""

from __future__ import annotations

from dataclasses import dataclass, field

from .mention import Mention

STATUS_OK = "ok"
STATUS_EMPTY = "empty"  # decoded, but nothing but whitespace in it
STATUS_ERROR = "error"  # unreadable, binary or undecodable: see ``error``


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One input document as read: ``text`` is the decoded original (no BOM)."""

    doc_id: str
    path: str
    text: str
    encoding: str | None
    status: str = STATUS_OK
    error: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """A document with the mentions found in it (empty when status is not ok)."""

    source: SourceDocument
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
