"""The per-document result cache under ``OUT/.technews-cache/``.

Layout::

    OUT/.technews-cache/<pipeline fingerprint[:20]>/<text hash[:2]>/<text hash>.json

One small JSON shard per distinct document text, holding the document's mention rows
(without ``doc_id``, so that two documents with the same text share a shard). A shard is
written to a temporary file in its folder and moved into place with ``os.replace``, so a
killed run leaves only whole shards and loses at most the documents in flight.

The *pipeline fingerprint* covers everything that can change the rows of a given text: the
package version and source code, the bundled or user configs, the profile, the spaCy /
GiNZA / Sudachi versions and (in tests) the extractor factory. When it changes, the old
shards are simply not found; :meth:`ResultCache.prune_other_fingerprints` removes them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from .writing import atomic_write_bytes

CACHE_DIRNAME = ".technews-cache"
SHARD_VERSION = 1
_VERSIONED_DISTS = ("spacy", "ja_ginza", "ginza", "sudachipy", "sudachidict_core", "sudachidict_full")


def _hash_tree(h: "hashlib._Hash", root: Path, suffixes: tuple[str, ...] | None) -> None:
    if not root.is_dir():
        h.update(b"<missing>")
        return
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in filenames:
            if suffixes is None or name.endswith(suffixes):
                files.append(Path(dirpath) / name)
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<unreadable>")


def pipeline_fingerprint(
    *,
    profile: str,
    config_dir: str | Path | None = None,
    factory: Callable[..., Any] | None = None,
) -> str:
    """A hash of everything, besides the text itself, that determines a document's rows."""
    from . import __version__
    from .resources import config_path

    h = hashlib.sha256()
    h.update(f"technews {__version__}\0shard {SHARD_VERSION}\0profile {profile}\0".encode())
    for dist in _VERSIONED_DISTS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{dist}={version}\0".encode())
    if factory is not None:
        name = f"{getattr(factory, '__module__', '?')}.{getattr(factory, '__qualname__', repr(factory))}"
        h.update(f"factory {name}\0".encode())
    package_dir = Path(__file__).resolve().parent
    h.update(b"code\0")
    _hash_tree(h, package_dir, (".py",))
    h.update(b"configs\0")
    try:
        configs = config_path("", config_dir)
    except Exception:  # pragma: no cover - configs package missing
        configs = Path(config_dir) if config_dir is not None else package_dir / "configs"
    _hash_tree(h, Path(configs), None)
    return h.hexdigest()


class ResultCache:
    """Mention rows by document text hash, for one pipeline fingerprint."""

    def __init__(self, out_dir: str | Path, pipeline_fp: str) -> None:
        self.root = Path(out_dir) / CACHE_DIRNAME
        self.fingerprint = pipeline_fp
        self.dir = self.root / pipeline_fp[:20]

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[dict] | None:
        """The cached rows of a text, or None (missing, unreadable or from another pipeline)."""
        try:
            data = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("pipeline") != self.fingerprint:
            return None
        rows = data.get("mentions")
        return rows if isinstance(rows, list) else None

    def put(self, key: str, rows: list[dict]) -> None:
        """Store the rows of a text atomically (temp file in the same folder + os.replace)."""
        path = self._path(key)
        payload = json.dumps(
            {"pipeline": self.fingerprint, "key": key, "mentions": rows},
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
        atomic_write_bytes(path, payload)

    def prune_other_fingerprints(self) -> None:
        """Remove the shards of other pipeline versions/configs/profiles (never this one's)."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.dir.name:
                shutil.rmtree(child, ignore_errors=True)

    def clear(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
