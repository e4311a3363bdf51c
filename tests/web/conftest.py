import sys
from pathlib import Path

# the browser driver beside these tests (tests_web_helpers.py) is imported by name
sys.path.insert(0, str(Path(__file__).parent))
