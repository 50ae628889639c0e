"""Shared fixtures: the extractor is loaded once per test session (ja_ginza takes seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_GOLD = ROOT / "tests" / "data" / "seed_gold.jsonl"


@pytest.fixture(scope="session")
def extractor():
    from pipeline.extract import Extractor

    return Extractor.load(profile="full")


@pytest.fixture(scope="session")
def fast_extractor():
    from pipeline.extract import Extractor

    return Extractor.load(profile="fast")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's gold: spans from tests/data, text from ../shared (never copied)."""
    record = json.loads(SEED_GOLD.read_text(encoding="utf-8").splitlines()[0])
    text = (ROOT / record["source"]).read_text(encoding="utf-8")
    record["text"] = text
    for span in record["spans"]:
        assert text[span["start"]:span["end"]] == span["text"], span
    return record
