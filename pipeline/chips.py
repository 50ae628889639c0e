"""CHIP mentions: model-number patterns per vendor and named chips from the gazetteer.

Canonical = vendor canonical + ' ' + model as written in English: ``H20`` -> ``NVIDIA H20``,
``昇騰910C`` -> ``Huawei Ascend 910C``, bare ``Ascend`` -> ``Huawei Ascend``. The vendor comes
from the pattern, or (for vendor-neutral parts such as HBM3E) from a company mention just
before it (``SKハイニックスのHBM3E``). Patterns that are ambiguous on their own (Apple ``M4``,
MetaX ``C500``) need the vendor next to them or a chip word after them (``M4チップ``).
Rack systems (NVL72), architectures (Blackwell) and other non-chips match no pattern; a
chip never overlaps a company mention (``NVIDIA H20`` = COMPANY NVIDIA + CHIP H20).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .gazetteer import Gazetteer, script_of, strict_form_ok
from .mention import Mention
from .resources import load_json
from .textnorm import normalize_with_map

LABEL = "CHIP"
_LEFT = r"(?<![A-Za-z0-9\-_./])"
_RIGHT = r"(?![A-Za-z0-9_])(?!-[A-Za-z0-9])(?!\.\d)"


@dataclass(frozen=True, slots=True)
class _Pattern:
    vendor: str | None
    family: str
    sep: str
    regex: re.Pattern
    needs_context: bool


class ChipFinder:
    """Finds CHIP mentions; ``companies`` (already found) help resolve and bound them."""

    def __init__(self, *, gazetteer: Gazetteer, patterns: dict) -> None:
        self.gazetteer = gazetteer
        self.patterns = [
            _Pattern(p.get("vendor"), p.get("family", ""), p.get("sep", " "),
                     re.compile(_LEFT + "(?:" + p["regex"] + ")" + _RIGHT), bool(p.get("needs_context")))
            for p in patterns["patterns"]
        ]
        self.chip_words = tuple(patterns.get("chip_words", ()))
        self.vendor_gap = set(patterns.get("vendor_gap", ())) | {""}
        self.not_followed_by = tuple(patterns.get("not_followed_by", ()))
        self.stop = {s.lower() for s in patterns.get("stop", ())}

    @classmethod
    def from_config(cls, config_dir: str | Path | None = None) -> "ChipFinder":
        return cls(gazetteer=Gazetteer.from_config(config_dir), patterns=load_json("chip_patterns.json", config_dir))

    def find(self, doc, companies: Sequence[Mention] = ()) -> list[Mention]:
        text = doc.text if hasattr(doc, "text") else str(doc)
        if not text:
            return []
        nt = normalize_with_map(text)
        norm = nt.text
        comp = sorted((m for m in companies if m.label == "COMPANY"), key=lambda m: m.start)
        cands: list[tuple[int, int, str, str, int]] = []  # (ns, ne, canonical, vendor, priority)
        # named chips from the gazetteer
        low = normalize_with_map(text, lowercase=True).text
        i = 0
        while i < len(low):
            step = 1
            for end, entry in self.gazetteer.candidates(low, i):
                if entry.label != LABEL:
                    continue
                if entry.strict and not strict_form_ok(entry, norm[i:end]):
                    continue
                if script_of(_ch(norm, i - 1)) == "latin" or script_of(_ch(norm, end)) == "latin":
                    continue
                cands.append((i, end, entry.canonical, entry.vendor, 0))
                step = end - i
                break
            i += step
        for pat in self.patterns:
            for m in pat.regex.finditer(norm):
                s, e = m.span()
                if norm.startswith(self.not_followed_by, e):
                    continue
                if m.group().lower() in self.stop:
                    continue
                model = m.groupdict().get("model")
                near = self._vendor_before(text, nt, s, comp)
                vendor = pat.vendor
                if vendor is None:
                    vendor = near
                    if vendor is None:
                        continue
                if pat.needs_context and near != vendor and not norm.startswith(self.chip_words, e) \
                        and not norm[e:e + 2].lstrip().startswith(self.chip_words):
                    continue
                if model:
                    model = re.sub(r"\s+", " ", model)
                    canonical = f"{vendor} {pat.family}{pat.sep}{model}" if pat.family else f"{vendor} {model}"
                else:
                    canonical = f"{vendor} {pat.family}"
                cands.append((s, e, canonical, vendor, 1))
        # choose: named chips first, then longest; no overlap with companies or each other
        taken = [False] * (len(norm) + 1)
        comp_ranges = []
        for c in comp:
            cs = _to_norm(nt, c.start)
            ce = _to_norm(nt, c.end)
            comp_ranges.append((cs, ce))
        out = []
        for s, e, canonical, vendor, prio in sorted(cands, key=lambda c: (c[4], -(c[1] - c[0]), c[0])):
            if any(taken[s:e]) or any(s < ce and cs < e for cs, ce in comp_ranges):
                continue
            for k in range(s, e):
                taken[k] = True
            os_, oe = nt.to_original(s, e)
            surface = text[os_:oe]
            while surface and surface[-1].isspace():
                oe -= 1
                surface = surface[:-1]
            out.append(Mention(os_, oe, LABEL, surface, canonical=canonical, vendor=vendor))
        out.sort(key=lambda m: m.start)
        return out

    def _vendor_before(self, text: str, nt, s: int, comp: Sequence[Mention]) -> str | None:
        """The canonical of a company mention that ends right before normalised ``s``
        (``NVIDIAのH20``, ``Apple M4``, ``ファーウェイ製のAscend``)."""
        start = nt.starts[s] if s < len(nt.starts) else len(text)
        best = None
        for c in comp:
            if c.end > start:
                break
            gap = text[c.end:start].strip()
            if gap in self.vendor_gap or (len(gap) <= 4 and gap.startswith("の")):
                best = c.canonical
        return best


def _ch(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _to_norm(nt, orig: int) -> int:
    starts = nt.starts
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < orig:
            lo = mid + 1
        else:
            hi = mid
    return lo
