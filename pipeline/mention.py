"""The unit of output: one mention with its contract fields."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

LABELS = ("COMPANY", "CHIP", "MONEY", "PERCENT")
QUALIFIERS = (None, "approx", "max", "min", "over", "under", "range", "vague")
NORM_FIELDS = {
    "COMPANY": ("canonical",),
    "CHIP": ("canonical", "vendor"),
    "MONEY": ("value", "currency", "qualifier", "value_max"),
    "PERCENT": ("value", "unit", "qualifier", "value_max"),
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the ORIGINAL text (end-exclusive) with its normalised fields."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None
    vendor: str | None = None
    value: float | None = None
    value_max: float | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None

    def norm(self) -> dict:
        """The contract's ``norm`` object for this label."""
        return {name: getattr(self, name) for name in NORM_FIELDS[self.label]}

    def shifted(self, offset: int) -> "Mention":
        return replace(self, start=self.start + offset, end=self.end + offset)

    def as_dict(self) -> dict:
        return asdict(self)

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end
