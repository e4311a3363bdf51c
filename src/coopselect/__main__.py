"""``python -m coopselect``: the same as the ``coopselect`` executable."""

from coopselect.cli import entry

entry()
