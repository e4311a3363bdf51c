"""App tests: use the real AHP engine and methods registry; stand-ins only while they are absent."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import _fallback

FALLBACK = _fallback.install()
