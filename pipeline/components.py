"""spaCy components that find COMPANY, CHIP, MONEY and PERCENT mentions.

Registered as factories, so any ja_ginza pipeline can use them::

    nlp = spacy.load("ja_ginza")
    nlp.add_pipe("technews_companies")
    nlp.add_pipe("technews_chips")
    nlp.add_pipe("technews_quantities")
    doc = nlp(text)
    for span in doc.spans["technews"]:
        span.label_, span._.technews.value ...

Each component puts its mentions into one span group (``spans_key``), never overlapping
what is already there (order the components by priority).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .company_model import DEFAULT_CANDIDATES_KEY, make_company_model  # noqa: F401  (registers the factory)
from .spans import add_mentions, mentions_of

DEFAULT_SPANS_KEY = "technews"


class CompanyRecognizer:
    """COMPANY mentions: gazetteer of configs/companies.jsonl plus context rules, plus the
    proposals of ``technews_company_model`` (read from ``candidates_key`` when a Doc has it)."""

    def __init__(self, nlp: Language, name: str = "technews_companies", *, spans_key: str = DEFAULT_SPANS_KEY,
                 config_dir: Optional[str] = None, context_rules: bool = True, overwrite: bool = False,
                 candidates_key: Optional[str] = DEFAULT_CANDIDATES_KEY) -> None:
        from .companies import CompanyFinder

        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.finder = CompanyFinder.from_config(config_dir, context_rules=context_rules,
                                                candidates_key=candidates_key)

    def __call__(self, doc: Doc) -> Doc:
        add_mentions(doc, self.finder.find(doc), spans_key=self.spans_key, overwrite=self.overwrite)
        return doc


class ChipRecognizer:
    """CHIP mentions with their vendor, helped by the COMPANY mentions already found."""

    def __init__(self, nlp: Language, name: str = "technews_chips", *, spans_key: str = DEFAULT_SPANS_KEY,
                 config_dir: Optional[str] = None, overwrite: bool = False) -> None:
        from .chips import ChipFinder

        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.finder = ChipFinder.from_config(config_dir)

    def __call__(self, doc: Doc) -> Doc:
        companies = [m for m in mentions_of(doc, self.spans_key) if m.label == "COMPANY"]
        add_mentions(doc, self.finder.find(doc, companies), spans_key=self.spans_key, overwrite=self.overwrite)
        return doc


class QuantityRecognizer:
    """MONEY and PERCENT mentions with value, currency, unit and qualifier."""

    def __init__(self, nlp: Language, name: str = "technews_quantities", *, spans_key: str = DEFAULT_SPANS_KEY,
                 config_dir: Optional[str] = None, overwrite: bool = False) -> None:
        from .quantities import QuantityFinder

        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.finder = QuantityFinder.from_config(config_dir)

    def __call__(self, doc: Doc) -> Doc:
        add_mentions(doc, self.finder.find(doc.text), spans_key=self.spans_key, overwrite=self.overwrite)
        return doc


_COMMON = {"spans_key": DEFAULT_SPANS_KEY, "config_dir": None, "overwrite": False}


@Language.factory("technews_companies",
                  default_config={**_COMMON, "context_rules": True, "candidates_key": DEFAULT_CANDIDATES_KEY})
def make_company_recognizer(nlp: Language, name: str, spans_key: str, config_dir: Optional[str],
                            context_rules: bool, overwrite: bool, candidates_key: Optional[str]) -> CompanyRecognizer:
    return CompanyRecognizer(nlp, name, spans_key=spans_key, config_dir=config_dir,
                             context_rules=context_rules, overwrite=overwrite, candidates_key=candidates_key)


@Language.factory("technews_chips", default_config=dict(_COMMON))
def make_chip_recognizer(nlp: Language, name: str, spans_key: str, config_dir: Optional[str],
                         overwrite: bool) -> ChipRecognizer:
    return ChipRecognizer(nlp, name, spans_key=spans_key, config_dir=config_dir, overwrite=overwrite)


@Language.factory("technews_quantities", default_config=dict(_COMMON))
def make_quantity_recognizer(nlp: Language, name: str, spans_key: str, config_dir: Optional[str],
                             overwrite: bool) -> QuantityRecognizer:
    return QuantityRecognizer(nlp, name, spans_key=spans_key, config_dir=config_dir, overwrite=overwrite)
