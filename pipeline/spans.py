"""Putting character-level mentions into a Doc as token-aligned spans."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span

from .mention import Mention

# Mentions ride on their spans, so every field (value, currency...) is there for users of
# doc.spans. Registered once; Span extensions are spaCy's documented way to attach data.
SPAN_EXTENSION = "technews"
if not Span.has_extension(SPAN_EXTENSION):
    Span.set_extension(SPAN_EXTENSION, default=None)


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split tokens so that every character offset in ``offsets`` is a token boundary.

    Sudachi's units are sometimes longer than a contract span (rare: 東エレク in a longer
    compound, ドル建て...). Pieces attach to the last piece, which keeps the token's head.
    """
    cuts: dict[int, set[int]] = defaultdict(set)
    # the end of the last token (doc.text would be rebuilt from every token)
    text_length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    for offset in offsets:
        if offset <= 0 or offset >= text_length:
            continue
        token_index = _token_containing(doc, offset)
        if token_index is None:
            continue
        token = doc[token_index]
        inner = offset - token.idx
        if 0 < inner < len(token.text):
            cuts[token_index].add(inner)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for token_index, inner_cuts in cuts.items():
            token = doc[token_index]
            bounds = [0, *sorted(inner_cuts), len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            last = len(orths) - 1
            head = (token, last) if token.head.i == token.i else token.head
            heads = [(token, last)] * last + [head]
            attrs = {"POS": [token.pos_] * len(orths), "TAG": [token.tag_] * len(orths)}
            retokenizer.split(token, orths, heads=heads, attrs=attrs)


def _token_containing(doc: Doc, offset: int) -> int | None:
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        token = doc[mid]
        if offset < token.idx:
            hi = mid - 1
        elif offset >= token.idx + len(token.text):
            lo = mid + 1
        else:
            return mid
    return None


def add_mentions(doc: Doc, mentions: Sequence[Mention], *, spans_key: str, overwrite: bool = False) -> list[Mention]:
    """Add mentions to ``doc.spans[spans_key]`` without overlaps; returns those added.

    Like SpanRuler's ``overwrite``: by default a mention that overlaps a span already in the
    group is dropped; with ``overwrite=True`` the old overlapping spans go instead.
    """
    group = list(doc.spans[spans_key]) if spans_key in doc.spans else []
    existing = [s._.get(SPAN_EXTENSION) or _mention_of(s) for s in group]
    kept_existing = list(existing)
    added: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        clashes = [m for m in kept_existing + added if m.overlaps(mention)]
        if clashes and not overwrite:
            continue
        if clashes:
            kept_existing = [m for m in kept_existing if m not in clashes]
            added = [m for m in added if m not in clashes]
        added.append(mention)
    if not added and len(kept_existing) == len(existing):
        return []
    final = sorted(kept_existing + added, key=lambda m: (m.start, m.end))
    split_tokens_at(doc, {x for m in final for x in (m.start, m.end)})
    spans = []
    for mention in final:
        span = doc.char_span(mention.start, mention.end, label=mention.label)
        if span is None:  # only if a boundary fell inside whitespace; keep the token cover
            span = doc.char_span(mention.start, mention.end, label=mention.label, alignment_mode="expand")
        span._.set(SPAN_EXTENSION, mention)
        spans.append(span)
    doc.spans[spans_key] = spans
    return added


def _mention_of(span: Span) -> Mention:
    return Mention(span.start_char, span.end_char, span.label_, span.text)


def mentions_of(doc: Doc, spans_key: str) -> list[Mention]:
    """The mentions stored in a Doc by the technews components, sorted by offset."""
    if spans_key not in doc.spans:
        return []
    found = [span._.get(SPAN_EXTENSION) or _mention_of(span) for span in doc.spans[spans_key]]
    return sorted(found, key=lambda m: (m.start, m.end))
