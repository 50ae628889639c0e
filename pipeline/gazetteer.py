"""Known companies and chips, and a fast longest-match scanner over normalised text.

``configs/companies.jsonl`` holds one company a line (canonical English name, aliases in
katakana, Latin, kanji, abbreviations); ``configs/chips.jsonl`` holds named chips and chip
families with their vendor. Aliases are indexed by their normalised key (NFKC, ASCII
lower-case), so ＮＶＩＤＩＡ, Nvidia and nvidia share one entry and half-width ｴﾇﾋﾞﾃﾞｨｱ
meets エヌビディア. Scanning walks the text once and looks candidates up in a dict keyed by
the first character (lengths to try, longest first): no per-alias regular expressions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .resources import iter_jsonl
from .textnorm import normalize_with_map


def norm_key(text: str, *, lowercase: bool = True) -> str:
    """The matching key of an alias: the same normalisation the scanned text gets."""
    return normalize_with_map(text, lowercase=lowercase).text


# --- character classes --------------------------------------------------------------------

def is_katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff"


def is_hiragana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u309f"


def is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆ヶ"


def is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def script_of(ch: str) -> str:
    """A coarse script class: 'latin', 'kata', 'kanji', 'hira' or 'other'."""
    if not ch:
        return "other"
    if is_latin_alnum(ch):
        return "latin"
    if is_katakana(ch) and ch != "・":
        return "kata"
    if is_kanji(ch):
        return "kanji"
    if is_hiragana(ch):
        return "hira"
    if ch.isalnum():  # other letters (Greek, accented Latin...)
        return "latin"
    return "other"


@dataclass(frozen=True, slots=True)
class Company:
    canonical: str
    country: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class Chip:
    canonical: str
    vendor: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One alias of a company or chip as indexed."""

    alias: str          # as written in the config
    key: str            # normalised, lower-cased
    label: str          # 'COMPANY' or 'CHIP'
    canonical: str
    vendor: str | None  # chips only
    strict: bool        # ambiguous alias: exact case, stricter context
    context: bool = False  # a common word (アルファベット): a company only after a company word


class Gazetteer:
    """The alias index of known companies and chips."""

    def __init__(self, companies: list[dict], chips: list[dict] | None = None) -> None:
        self.companies: dict[str, Company] = {}
        self.chips: dict[str, Chip] = {}
        self._index: dict[str, list[Entry]] = {}
        for rec in companies:
            can = rec["canonical"]
            self.companies[can] = Company(can, rec.get("country"), rec.get("kind"))
            names = [(a, False, False) for a in rec.get("aliases", ())]
            names += [(a, True, False) for a in rec.get("strict_aliases", ())]
            # context_aliases: common words that name the company only after a company word
            # (親会社アルファベット, 米アルファベット)
            names += [(a, True, True) for a in rec.get("context_aliases", ())]
            if all(a != can for a, _, _ in names):
                # the canonical name itself matches only as written (Disco, Lion are words)
                names.append((can, True, False))
            for alias, strict, context in names:
                for variant in _variants(alias):
                    self._add(Entry(variant, norm_key(variant), "COMPANY", can, None, strict, context))
        for rec in chips or ():
            can, vendor = rec["canonical"], rec["vendor"]
            self.chips[can] = Chip(can, vendor)
            # strict (the whole record) or strict_aliases: matched only as written (「Grace」, not grace)
            names = [(a, bool(rec.get("strict"))) for a in rec.get("aliases", ())]
            names += [(a, True) for a in rec.get("strict_aliases", ())]
            for alias, strict in names:
                for variant in _variants(alias):
                    self._add(Entry(variant, norm_key(variant), "CHIP", can, vendor, strict))
        self._lengths = self._prefix_lengths(self._index)

    @staticmethod
    def _prefix_lengths(index: dict[str, list[Entry]]) -> dict[str, list[int]]:
        """First two characters (or the one of a one-character key) -> candidate key lengths,
        longest first. Two characters, because thousands of aliases share a first character
        (ア, 中, S) and trying all their lengths at every position was most of the scan."""
        first: dict[str, set[int]] = {}
        for key in index:
            first.setdefault(key[:2], set()).add(len(key))
        return {prefix: sorted(ls, reverse=True) for prefix, ls in first.items()}

    @property
    def first_chars(self) -> frozenset[str]:
        """The characters an alias can start with (normalised, lower-cased)."""
        return frozenset(prefix[0] for prefix in self._lengths)

    def restricted_to(self, label: str) -> "Gazetteer":
        """A view that indexes only ``label``'s aliases: scanning a text for chip names need
        not try the lengths of thousands of company aliases at every position."""
        view = Gazetteer([])
        view.companies = self.companies if label == "COMPANY" else {}
        view.chips = self.chips if label == "CHIP" else {}
        view._index = {k: kept for k, es in self._index.items() if (kept := [e for e in es if e.label == label])}
        view._lengths = self._prefix_lengths(view._index)
        return view

    def _add(self, entry: Entry) -> None:
        if not entry.key:
            return
        bucket = self._index.setdefault(entry.key, [])
        if not any(e.label == entry.label and e.canonical == entry.canonical and e.strict == entry.strict
                   and e.context == entry.context for e in bucket):
            bucket.append(entry)

    @classmethod
    def from_config(cls, config_dir: str | Path | None = None) -> "Gazetteer":
        companies = list(iter_jsonl("companies.jsonl", config_dir))
        try:
            chips = list(iter_jsonl("chips.jsonl", config_dir))
        except FileNotFoundError:
            chips = []
        return cls(companies, chips)

    # --- look-ups ---------------------------------------------------------------------

    def lookup(self, name: str, label: str | None = None) -> Entry | None:
        """The entry whose alias is ``name`` (normalised), preferring non-strict entries."""
        entries = self._index.get(norm_key(name), ())
        for entry in entries:
            if label is not None and entry.label != label:
                continue
            if entry.strict and not strict_form_ok(entry, normalize_with_map(name).text):
                continue
            return entry
        return None

    def canonical_company(self, name: str) -> str | None:
        entry = self.lookup(name, "COMPANY")
        return entry.canonical if entry else None

    def is_company(self, canonical: str) -> bool:
        return canonical in self.companies

    def candidates(self, text: str, pos: int) -> Iterator[tuple[int, Entry]]:
        """(end, entry) for every alias that starts at ``pos`` of the normalised, lower-cased
        ``text``, longest first."""
        pair = text[pos:pos + 2]
        lengths = self._lengths.get(pair) if len(pair) == 2 else None
        if lengths:
            n = len(text)
            for length in lengths:
                end = pos + length
                if end > n:
                    continue
                entries = self._index.get(text[pos:end])
                if entries:
                    for entry in entries:
                        yield end, entry
        one = pair[:1]
        if one and one in self._lengths:  # a one-character key: the shortest, so last
            for entry in self._index.get(one, ()):
                yield pos + 1, entry

    def __len__(self) -> int:
        return len(self._index)


def strict_form_ok(entry: Entry, surface: str) -> bool:
    """A strict Latin alias matches only as written or in capitals (Apple, APPLE; not apple)."""
    if not any(is_latin_alnum(c) for c in entry.alias):
        return True
    written = normalize_with_map(entry.alias).text
    return surface == written or surface == written.upper()


def _variants(alias: str) -> list[str]:
    """Spelling variants of an alias: with/without ・ and spaces between parts, ヴ/ブ."""
    alias = unicodedata.normalize("NFKC", alias).strip()
    out = [alias]
    if "・" in alias:
        out += [alias.replace("・", ""), alias.replace("・", " ")]
    if " " in alias and not alias.isascii():
        out += [alias.replace(" ", ""), alias.replace(" ", "・")]
    if "ヴィ" in alias:
        out.append(alias.replace("ヴィ", "ビ"))
    return list(dict.fromkeys(out))
