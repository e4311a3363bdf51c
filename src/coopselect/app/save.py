"""Write an edited case back to its TOML file, keeping everything else as it was (tomlkit).

Only ``weights``, ``method``, ``[custom_weights]``, ``custom_weights_basis`` and ``[[judgments]]``
are touched (and ``[method_params]`` is dropped when the method changed, because the parameters
of one method do not apply to another). Comments, order and unrelated keys stay. The write is
atomic and keeps the previous file as ``<name>.bak``. A file that changed on disk since it was
opened is not overwritten unless the caller says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from coopselect.domain.model import Case
from coopselect.errors import CoopselectError
from coopselect.io.files import atomic_write_text
from coopselect.paths import bundled_root


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was opened."""

    path: Path
    sha256: str | None  # None: the file did not exist
    mtime_ns: int | None

    @classmethod
    def of(cls, path: str | Path) -> Fingerprint:
        p = Path(path)
        if not p.exists():
            return cls(p, None, None)
        data = p.read_bytes()
        return cls(p, hashlib.sha256(data).hexdigest(), p.stat().st_mtime_ns)

    @classmethod
    def read(cls, path: str | Path) -> tuple[Fingerprint, str]:
        """The fingerprint and the text of a file from one read (so they always agree)."""
        p = Path(path)
        data = p.read_bytes()
        fp = cls(p, hashlib.sha256(data).hexdigest(), p.stat().st_mtime_ns)
        return fp, data.decode("utf-8", errors="replace")

    def changed(self) -> bool:
        """True when the file's content differs from what was opened (mtime alone is not enough:
        a touch without a change is not a conflict)."""
        now = Fingerprint.of(self.path)
        return now.sha256 != self.sha256


class StaleFileError(CoopselectError):
    """The case file changed on disk since it was opened."""


def is_bundled(path: str | Path | None) -> bool:
    """True for a case shipped with coopselect (saving there would change the package)."""
    if path is None:
        return True
    try:
        root = bundled_root().resolve()
    except CoopselectError:
        return False
    p = Path(path).resolve()
    return p.is_relative_to(root / "cases") or "_bundled" in p.parts


def _value_item(text: str, value: float):
    """A judgment value as TOML: an integer, a fraction written "a/b", or a decimal."""
    if text.isdigit():
        return int(text)
    if "/" in text:
        return text
    return float(value)


def _set(doc, key: str, value, default) -> None:
    """Update ``key`` in place when present; add it only when it differs from the default."""
    if key in doc:
        if doc[key] != value:
            doc[key] = value
    elif value != default:
        doc[key] = value


def _custom_table(doc, case: Case) -> None:
    values = {
        cid: round(float(case.custom_weights.get(cid, 0.0)), 6)
        for cid in case.hierarchy.criterion_ids
    }
    if "custom_weights" in doc:
        table = doc["custom_weights"]
        for key in [k for k in table if k not in values]:
            del table[key]
        for cid, v in values.items():
            table[cid] = v  # in place: comments and position of the table are kept
    else:
        table = tomlkit.table()
        for cid, v in values.items():
            table.add(cid, v)
        doc["custom_weights"] = table


def _judgments(doc, case: Case) -> None:
    aot = tomlkit.aot()
    for j in case.hierarchy.judgments:
        item = tomlkit.table()
        item.add("a", j.a)
        item.add("b", j.b)
        item.add("value", _value_item(j.text, j.value))
        if j.reason:
            item.add("reason", j.reason)
        aot.append(item)
    if "judgments" in doc:
        del doc["judgments"]
    doc["judgments"] = aot


def render(case: Case, original_text: str, *, original: Case | None = None) -> str:
    """The case file text with the edited fields of ``case`` written into ``original_text``.

    ``original`` is the case as loaded from that text: fields equal to it are left untouched.
    """
    doc = tomlkit.parse(original_text)
    _set(doc, "weights", case.weights_preset, "ahp")
    _set(doc, "method", case.method, "topsis")
    if original is not None and case.method != original.method and "method_params" in doc:
        del doc["method_params"]
    custom_changed = original is None or (
        case.custom_weights != original.custom_weights
        or case.custom_weights_basis != original.custom_weights_basis
    )
    if case.custom_weights and custom_changed:
        if case.custom_weights_basis:
            _set(doc, "custom_weights_basis", case.custom_weights_basis, "")
        _custom_table(doc, case)
    if original is None or case.hierarchy.judgments != original.hierarchy.judgments:
        _judgments(doc, case)
    return tomlkit.dumps(doc)


def save_case(
    case: Case,
    target: str | Path,
    *,
    source_text: str,
    fingerprint: Fingerprint | None = None,
    force: bool = False,
    original: Case | None = None,
) -> Path | None:
    """Write ``case`` to ``target`` starting from ``source_text`` (the file as opened).

    Raises :class:`StaleFileError` when ``target`` is the opened file and it changed on disk since
    (``fingerprint``), unless ``force``. Returns the ``.bak`` path when one was made.
    """
    target = Path(target)
    if (
        fingerprint is not None
        and not force
        and target.resolve() == fingerprint.path.resolve()
        and fingerprint.changed()
    ):
        raise StaleFileError(
            "the file changed on disk since it was opened.",
            file=target,
            fix="save to another file, or confirm to overwrite the other change.",
        )
    text = render(case, source_text, original=original)
    # Check the result still loads before it replaces anything.
    import tomllib

    tomllib.loads(text)
    return atomic_write_text(target, text, overwrite=True, backup=True)
