"""The extraction pipeline: ja_ginza plus the technews components, over texts of any length."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .chunking import DEFAULT_MAX_BYTES, chunk_bounds
from .mention import Mention
from .spans import mentions_of

DEFAULT_MODEL = "ja_ginza"
# ja_ginza's trained components; the rules need only Sudachi's tokens (norm_, tag_, pos_),
# so the fast profile drops them all. The full profile keeps them for the context rules
# (GiNZA's Company entities, dependency heads) and adds the company model.
_GINZA_TRAINED = ["tok2vec", "parser", "ner", "morphologizer", "compound_splitter", "bunsetu_recognizer"]
PROFILES: dict[str, list[str]] = {"full": [], "fast": _GINZA_TRAINED}
# Order is priority: a later component never overlaps an earlier one's spans.
TECHNEWS_COMPONENTS = ("technews_quantities", "technews_companies", "technews_chips")


def build_nlp(*, profile: str = "full", config_dir: str | Path | None = None, model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (an installed package) and add the technews components."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: choose one of {', '.join(PROFILES)}")
    nlp = spacy.load(model, exclude=PROFILES[profile])
    if profile == "full":
        # the company model proposes names no rule finds; it would cost the fast profile 60% of its speed
        nlp.add_pipe("technews_company_model")
    config = {"config_dir": str(config_dir) if config_dir is not None else None}
    for name in TECHNEWS_COMPONENTS:
        nlp.add_pipe(name, config=config)
    return nlp


class Extractor:
    """Finds mentions in whole documents: chunks long texts, pipes in batches, maps offsets back."""

    def __init__(self, nlp: Language, *, spans_key: str = components.DEFAULT_SPANS_KEY,
                 batch_size: int = 32, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.nlp = nlp
        self.spans_key = spans_key
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    @classmethod
    def load(cls, *, profile: str = "full", config_dir: str | Path | None = None, batch_size: int = 32,
             model: str = DEFAULT_MODEL) -> "Extractor":
        return cls(build_nlp(profile=profile, config_dir=config_dir, model=model), batch_size=batch_size)

    def extract(self, text: str) -> list[Mention]:
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        """Mentions of each text, in order; streams (one batch of chunks in memory at a time)."""
        return pipe_chunked(self.nlp, texts, lambda doc: mentions_of(doc, self.spans_key),
                            batch_size=self.batch_size, max_bytes=self.max_bytes)


def pipe_chunked(nlp: Language, texts: Iterable[str], mentions_of_doc: Callable[[Doc], Iterable[Mention]], *,
                 batch_size: int = 32, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[list[Mention]]:
    """Run ``nlp`` over texts of any length and collect ``mentions_of_doc`` per text, in order.

    Each text is cut into chunks below Sudachi's byte limit; the chunks are piped in batches
    and their mentions shifted back to offsets in the whole text.
    """

    def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, text in enumerate(texts):
            for start, end in chunk_bounds(text, max_bytes=max_bytes) or [(0, 0)]:
                yield text[start:end], (index, start)

    pending_index = -1
    pending: list[Mention] = []
    for doc, (index, offset) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        if index != pending_index:
            if pending_index >= 0:
                yield pending
            pending_index, pending = index, []
        pending.extend(m.shifted(offset) if offset else m for m in mentions_of_doc(doc))
    if pending_index >= 0:
        yield pending
