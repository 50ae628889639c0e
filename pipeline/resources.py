"""Where the bundled data files (configs/) are, whatever the install."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Iterator


def config_path(name: str, config_dir: str | Path | None = None) -> Path:
    """Path of a data file: in ``config_dir`` when given, else the bundled ``configs/``."""
    if config_dir is not None:
        return Path(config_dir) / name
    return Path(str(resources.files("pipeline.configs").joinpath(name)))


def load_json(name: str, config_dir: str | Path | None = None) -> Any:
    with config_path(name, config_dir).open(encoding="utf-8") as fh:
        return json.load(fh)


def iter_jsonl(name: str, config_dir: str | Path | None = None) -> Iterator[dict]:
    """Records of a JSON Lines data file; blank lines and lines starting with // are skipped."""
    path = config_path(name, config_dir)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from None
