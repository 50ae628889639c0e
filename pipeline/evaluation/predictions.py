"""Reading a run's ``mentions`` table (Parquet, JSON Lines or CSV) as predictions."""

from __future__ import annotations

import json
from pathlib import Path

from .scoring import Prediction, predictions_from_rows

MENTION_FILES = ("mentions.parquet", "mentions.jsonl", "mentions.csv")
_STRING_COLUMNS = ("doc_id", "label", "text", "canonical", "vendor", "currency", "unit", "qualifier", "sentence")


class PredictionsError(ValueError):
    """The mentions table is missing or unreadable."""


def find_mentions_table(path: str | Path) -> Path:
    """``PRED_DIR/mentions.parquet``, else ``.jsonl``, else ``.csv``; or ``path`` itself if a file."""
    path = Path(path)
    if path.is_file():
        return path
    if not path.is_dir():
        raise PredictionsError(f"{path}: no such folder (give the --out folder of a technews run)")
    for name in MENTION_FILES:
        if (path / name).is_file():
            return path / name
    raise PredictionsError(f"{path}: no {', '.join(MENTION_FILES)} in it (give the --out folder of a technews run)")


def read_mentions_table(path: str | Path) -> list[dict]:
    """The rows of a mentions table file as dicts (missing cells as None)."""
    path = Path(path)
    suffix = path.suffix.lower()
    required = {"doc_id", "start", "end", "label"}
    try:
        if suffix == ".jsonl":
            rows = []
            with open(path, encoding="utf-8-sig") as fh:
                for lineno, line in enumerate(fh, start=1):
                    if line.strip():
                        try:
                            rows.append(json.loads(line))
                        except json.JSONDecodeError as exc:
                            raise PredictionsError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from None
            columns = set().union(*rows) if rows else required
        else:
            import pandas as pd

            if suffix == ".parquet":
                df = pd.read_parquet(path)
            elif suffix == ".csv":
                df = pd.read_csv(path, dtype={c: str for c in _STRING_COLUMNS}, keep_default_na=False,
                                 na_values=[""], encoding="utf-8-sig")
            else:
                raise PredictionsError(f"{path}: expected a .parquet, .jsonl or .csv mentions table")
            columns = set(df.columns)
            rows = df.to_dict("records")
    except PredictionsError:
        raise
    except (OSError, ValueError) as exc:
        raise PredictionsError(f"{path}: cannot read the mentions table: {exc}") from None
    missing = required - columns
    if missing and rows:
        raise PredictionsError(f"{path}: not a mentions table (no column {', '.join(sorted(missing))})")
    return rows


def load_predictions(path: str | Path) -> tuple[Path, list[Prediction]]:
    table = find_mentions_table(path)
    return table, predictions_from_rows(read_mentions_table(table))
