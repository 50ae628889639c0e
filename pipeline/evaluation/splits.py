"""A fixed split of a gold set into train / dev / held-out parts, by document id.

The company model is trained on part of ner-wikipedia; its scores are reported on the part it
never saw. The split depends only on the id (a hash), so it is the same on every machine and
in every run, and adding documents never moves an old one to another part.
"""

from __future__ import annotations

import hashlib

TRAIN, DEV, HELDOUT = "train", "dev", "heldout"


def split_of(doc_id: str, *, heldout_per_100: int = 20, dev_per_100: int = 5) -> str:
    """``heldout`` for about ``heldout_per_100`` of every 100 ids, ``dev`` for ``dev_per_100``,
    ``train`` for the rest."""
    bucket = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < heldout_per_100:
        return HELDOUT
    if bucket < heldout_per_100 + dev_per_100:
        return DEV
    return TRAIN
