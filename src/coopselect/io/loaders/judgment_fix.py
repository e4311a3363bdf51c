"""Write one corrected pairwise judgment back into a case or criteria file (``coopselect ahp
--fix --write``): the entry is edited in place with tomlkit (comments, order and other keys
stay), the previous file is kept as ``<name>.bak`` and the new one replaces it atomically.

A case file's own ``[[judgments]]`` replace the hierarchy's top level: when the case has none, the
judgments in force are written into it (with the corrected one). Sub-criterion judgments live in
the criteria file, never in a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coopselect.domain.model import Judgment
from coopselect.errors import CoopselectError

FIX_REASON = "consistent value suggested by 'coopselect ahp --fix' (the ratio of the weights)"


@dataclass(frozen=True)
class Fix:
    """Set judgment ``a`` vs ``b`` to ``text`` ("3", "1/3") in ``criterion``'s sub-criterion
    judgments, or at the top level when ``criterion`` is None."""

    a: str
    b: str
    text: str
    criterion: str | None = None


def _value_item(text: str):
    return int(text) if text.isdigit() else text


def _entry(doc_items, fix: Fix, *, criterion_key: bool) -> bool:
    """Set the matching entry's value (either orientation); False when there is none."""
    from fractions import Fraction

    for item in doc_items:
        if criterion_key and item.get("criterion") != fix.criterion:
            continue
        a, b = item.get("a"), item.get("b")
        if (a, b) == (fix.a, fix.b):
            item["value"] = _value_item(fix.text)
        elif (a, b) == (fix.b, fix.a):
            item["value"] = _value_item(str(1 / Fraction(fix.text)))
        else:
            continue
        item["reason"] = FIX_REASON
        item.pop("reason_zh", None)  # written for the old value
        return True
    return False


def _new_item(fix: Fix, *, criterion_key: bool):
    import tomlkit

    item = tomlkit.table()
    if criterion_key:
        item.add("criterion", fix.criterion)
    item.add("a", fix.a)
    item.add("b", fix.b)
    item.add("value", _value_item(fix.text))
    item.add("reason", FIX_REASON)
    return item


def apply_fix(
    path: str | Path, fix: Fix, *, kind: str, in_force: tuple[Judgment, ...] = ()
) -> Path:
    """Write ``fix`` into the ``kind`` ("case" or "criteria") file at ``path``; returns the
    backup. ``in_force``: the top-level judgments in force (a case without its own)."""
    import tomlkit

    from coopselect.io.files import backup_file, read_text, real_path, replace_file

    p = Path(path)
    file = str(p)
    if kind == "case" and fix.criterion is not None:
        raise CoopselectError(
            f"the judgments within {fix.criterion!r} live in the criteria file, not in the case.",
            file=file,
            place=f"subjudgments (criterion {fix.criterion})",
            fix="copy the criteria file, point the case's criteria key at the copy and run "
            "coopselect ahp COPY --criterion ... --fix --write.",
        )
    text = read_text(p)
    doc = tomlkit.parse(text)
    if kind == "criteria" or (fix.criterion is None and "judgments" in doc):
        key = "judgments" if fix.criterion is None else "subjudgments"
        criterion_key = fix.criterion is not None
        items = doc.get(key)
        if items is None:
            doc[key] = tomlkit.aot()
            items = doc[key]
        if not _entry(items, fix, criterion_key=criterion_key):
            items.append(_new_item(fix, criterion_key=criterion_key))
    else:  # a case without its own judgments: write the ones in force, corrected
        aot = tomlkit.aot()
        for j in in_force:
            item = tomlkit.table()
            item.add("a", j.a)
            item.add("b", j.b)
            item.add("value", _value_item(j.text) if j.text.replace("/", "").isdigit() else j.value)
            if j.reason:
                item.add("reason", j.reason)
            if j.reason_zh:
                item.add("reason_zh", j.reason_zh)
            aot.append(item)
        if not _entry(aot, fix, criterion_key=False):
            aot.append(_new_item(fix, criterion_key=False))
        doc["judgments"] = aot
    real = real_path(p)
    backup = backup_file(real)
    replace_file(real, tomlkit.dumps(doc).encode("utf-8"))
    return backup
