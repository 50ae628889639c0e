"""``python -m pipeline`` is ``technews``."""

import sys

from .cli import main

sys.exit(main())
