"""``python -m coopselect.app [--lang zh|en] [--criteria C] [--data-dir D] [CASE]``: the app
alone (the web server runs this for each browser session)."""

from __future__ import annotations

import argparse
import sys

from coopselect.app import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m coopselect.app", description=__doc__)
    ap.add_argument("case", nargs="?", default=None, help="case file or bundled case id")
    ap.add_argument("--lang", choices=("zh", "en"), default="en")
    ap.add_argument("--criteria", default=None, help="criteria set replacing the case's")
    ap.add_argument("--data-dir", default=None, help="data folder (as coopselect --data-dir)")
    args = ap.parse_args(argv)
    return run(args.case, args.lang, criteria=args.criteria, data_dir=args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
