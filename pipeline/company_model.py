"""Company candidates from a trained model: a small spaCy NER with its own tok2vec.

The model (``configs/models/company_ner``, trained by ``scripts/train_company_model.py``) reads
what Sudachi gives every token (surface, normalised form, part of speech) and ja_ginza's static
word vectors, so it needs no other component. It proposes spans only: it writes them to
``doc.spans[candidates_key]`` and leaves ``doc.ents`` (GiNZA's entities) as they were. The
``technews_companies`` component decides which candidates are companies (it drops people,
places, universities and names it knows to be something else) and names them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .resources import config_path

DEFAULT_CANDIDATES_KEY = "technews_company_model"
DEFAULT_MODEL_DIR = "models/company_ner"
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]


class CompanyModel:
    """Proposes COMPANY spans with the trained NER."""

    def __init__(self, nlp: Language, name: str = "technews_company_model", *,
                 candidates_key: str = DEFAULT_CANDIDATES_KEY, model_dir: Optional[str] = None) -> None:
        self.name = name
        self.candidates_key = candidates_key
        path = Path(model_dir) if model_dir is not None else config_path(DEFAULT_MODEL_DIR)
        if not (path / "component.json").is_file():
            raise FileNotFoundError(f"no company model in {path} (train one with scripts/train_company_model.py)")
        component = json.loads((path / "component.json").read_text(encoding="utf-8"))
        # A private Language holds the NER so that it never joins the main pipeline.
        holder = Language(vocab=nlp.vocab)
        self.ner = holder.add_pipe(component.pop("factory"), name="company_ner", config=component)
        self.ner.from_disk(path, exclude=["vocab"])  # the words are ja_ginza's, in nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        return self._propose([doc])[0]

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, batch_size):
            yield from self._propose(list(batch))

    def _propose(self, docs: list[Doc]) -> list[Doc]:
        todo = [d for d in docs if len(d)]
        # The NER keeps any entity already set, so GiNZA's are put aside (as arrays, cheap)
        # while it runs and put back afterwards.
        saved = [d.to_array(_ENT_ATTRS) for d in todo]
        for d in todo:
            d.set_ents([], default="missing")
        if todo:
            self.ner.set_annotations(todo, self.ner.predict(todo))
        proposals = [[(e.start, e.end, e.label) for e in d.ents] for d in todo]
        for d, arr in zip(todo, saved):
            d.from_array(_ENT_ATTRS, arr)
        for d, spans in zip(todo, proposals):
            d.spans[self.candidates_key] = [Span(d, s, e, label=label) for s, e, label in spans]
        for d in docs:
            if not len(d):
                d.spans[self.candidates_key] = []
        return docs


@Language.factory("technews_company_model",
                  default_config={"candidates_key": DEFAULT_CANDIDATES_KEY, "model_dir": None})
def make_company_model(nlp: Language, name: str, candidates_key: str, model_dir: Optional[str]) -> CompanyModel:
    return CompanyModel(nlp, name, candidates_key=candidates_key, model_dir=model_dir)
