"""Write an edited case back to its TOML file, keeping everything else as it was (tomlkit).

Touched: ``weights``, ``method`` (``[method_params]`` is dropped when the method changed: the
parameters of one method do not apply to another), ``custom_weights_basis`` and
``[custom_weights]`` (only while the preset is ``custom``: a table the preset does not use is
never written), ``[mode_attributes]`` (share and weights) and ``[[judgments]]``. Sub-criterion
judgments live in the criteria file: when they changed, they are written into a criteria file
beside the case (``<case>.criteria.toml``, a copy of the bundled one, or the case's own criteria
file in place) and the case's ``criteria`` key points to it. Comments, order and unrelated keys
stay.

Every write goes to a temporary sibling of the real file (a symlink is written through to its
target), is flushed to disk and renamed over it, keeping the file's mode (0644 stays 0644) and,
where allowed, its owner; the previous content is kept as ``<name>.bak``. The stale-file check
compares the SHA-256 of the file with the one it had when opened, under an exclusive lock held
until the new file is in place, so two saves of one case cannot both succeed with one edit lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import tomlkit

from coopselect.domain.model import Case, Judgment
from coopselect.errors import CoopselectError
from coopselect.io.files import real_path
from coopselect.paths import bundled_root


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was opened (its content hash decides, not its mtime)."""

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

    @classmethod
    def of_text(cls, path: str | Path, text: str) -> Fingerprint:
        """The fingerprint of ``text`` as written to ``path`` (no second read)."""
        return cls(Path(path), hashlib.sha256(text.encode("utf-8")).hexdigest(), None)

    def changed(self) -> bool:
        """True when the file's content differs from what was opened (a touch is no change)."""
        return Fingerprint.of(self.path).sha256 != self.sha256


class StaleFileError(CoopselectError):
    """The case file changed on disk since it was opened."""


@dataclass(frozen=True)
class Saved:
    """What a save wrote: the text, its fingerprint, the backup, the case as it now is on disk
    (pointing at a new criteria copy if one was made) and that criteria file."""

    text: str
    fingerprint: Fingerprint
    backup: Path | None
    case: Case
    criteria: Path | None = None


def is_bundled(path: str | Path | None) -> bool:
    """True for a file shipped with coopselect (saving there would change the package)."""
    if path is None:
        return True
    try:
        root = bundled_root().resolve()
    except CoopselectError:
        return False
    p = Path(path).resolve()
    return (
        p.is_relative_to(root / "cases")
        or p.is_relative_to(root / "criteria")
        or ("_bundled" in p.parts)
    )


def safe_stem(case_id: str) -> str:
    """A case id as a plain file name: no folders, no leading dots, no control characters
    (``../../x`` -> ``x``, ``/etc/passwd`` -> ``passwd``, ``..`` -> ``case``)."""
    last = re.split(r"[\\/]", case_id.strip())[-1]
    cleaned = re.sub(r"[^\w.-]", "_", last).lstrip(".")
    return cleaned[:100] or "case"


# ---- rendering ------------------------------------------------------------------------------
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


def _weights_table(doc, key: str, values: dict[str, float]) -> None:
    """Write ``values`` into the table ``doc[key]`` in place (comments kept) or as a new table."""
    if key in doc:
        table = doc[key]
        for k in [k for k in table if k not in values]:
            del table[k]
        for k, v in values.items():
            table[k] = v
    else:
        table = tomlkit.table()
        for k, v in values.items():
            table.add(k, v)
        doc[key] = table


def _judgment_items(judgments: tuple[Judgment, ...], criterion: str | None = None):
    aot = tomlkit.aot()
    for j in judgments:
        item = tomlkit.table()
        if criterion is not None:
            item.add("criterion", criterion)
        item.add("a", j.a)
        item.add("b", j.b)
        item.add("value", _value_item(j.text, j.value))
        if j.reason:
            item.add("reason", j.reason)
        if j.reason_zh:
            item.add("reason_zh", j.reason_zh)
        aot.append(item)
    return aot


def _mode_attributes(doc, case: Case) -> None:
    ma = case.mode_attributes
    if "mode_attributes" not in doc:
        doc["mode_attributes"] = tomlkit.table()
    table = doc["mode_attributes"]
    table["share"] = round(float(ma.share), 6)
    if ma.basis and table.get("basis") != ma.basis:
        table["basis"] = ma.basis
    if ma.share > 0:
        values = {a: round(float(ma.weights[a]), 6) for a in case.catalog.attributes}
        if "weights" in table:
            _weights_table(table, "weights", values)
        else:
            sub = tomlkit.table()
            for k, v in values.items():
                sub.add(k, v)
            table["weights"] = sub


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
    # Custom weights are written only while they are in force: a table computed by the app and
    # left behind when the analyst went back to "ahp" would be stale.
    if case.weights_preset == "custom" and case.custom_weights and custom_changed:
        if case.custom_weights_basis:
            _set(doc, "custom_weights_basis", case.custom_weights_basis, "")
        values = {
            cid: round(float(case.custom_weights.get(cid, 0.0)), 6)
            for cid in case.hierarchy.criterion_ids
        }
        _weights_table(doc, "custom_weights", values)
    if original is None or case.mode_attributes != original.mode_attributes:
        _mode_attributes(doc, case)
    if original is None or case.hierarchy.judgments != original.hierarchy.judgments:
        if "judgments" in doc:
            del doc["judgments"]
        doc["judgments"] = _judgment_items(case.hierarchy.judgments)
    return tomlkit.dumps(doc)


def render_criteria(case: Case, criteria_text: str) -> str:
    """The criteria file text with the case's sub-criterion judgments as ``[[subjudgments]]``."""
    doc = tomlkit.parse(criteria_text)
    aot = tomlkit.aot()
    for c in case.hierarchy.criteria:
        for item in _judgment_items(case.hierarchy.subjudgments.get(c.id, ()), c.id):
            aot.append(item)
    if "subjudgments" in doc:
        del doc["subjudgments"]
    if len(aot):
        doc["subjudgments"] = aot
    return tomlkit.dumps(doc)


# ---- writing --------------------------------------------------------------------------------
@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive advisory lock on an existing file for the duration of a save (POSIX)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the hash check still runs, without the lock
        yield
        return
    if not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def write_keeping(target: Path, text: str, *, backup: bool = True) -> Path | None:
    """Replace ``target`` (through symlinks) atomically with ``text``, keeping its mode and owner;
    a new file gets the usual mode (0666 less the umask). Returns the ``.bak`` made, if any.
    The writing is :func:`coopselect.io.files.replace_file`, the one writer of every output."""
    from coopselect.io.files import backup_file, replace_file

    real = real_path(target)
    made = backup_file(real) if backup and real.exists() else None
    replace_file(real, text.encode("utf-8"))
    return made


def _criteria_target(case: Case, target: Path) -> Path:
    """The criteria file sub-judgment edits go to: the case's own criteria file, or a copy of a
    bundled one beside the case (``<case>.criteria.toml``)."""
    current = case.hierarchy.path
    if current is not None and not is_bundled(current):
        return Path(current)
    return target.with_name(f"{target.stem}.criteria.toml")


def _criteria_ref(criteria: Path, target: Path) -> str:
    try:
        return criteria.resolve().relative_to(target.resolve().parent).as_posix()
    except ValueError:
        return str(criteria.resolve())


def save_case(
    case: Case,
    target: str | Path,
    *,
    source_text: str,
    fingerprint: Fingerprint | None = None,
    force: bool = False,
    original: Case | None = None,
) -> Saved:
    """Write ``case`` to ``target`` starting from ``source_text`` (the file as opened).

    Raises :class:`StaleFileError` when ``target`` is the opened file and its content changed on
    disk since (``fingerprint``), unless ``force``; the check and the write happen under one lock.
    """
    import tomllib

    target = Path(target)
    real = real_path(target)
    subs_changed = original is not None and (
        case.hierarchy.subjudgments != original.hierarchy.subjudgments
    )
    criteria_file: Path | None = None
    if subs_changed:
        criteria_file = _criteria_target(case, target)
        src = case.hierarchy.path
        if src is None:
            raise CoopselectError(
                "the sub-criterion judgments cannot be saved: the case has no criteria file.",
                file=str(target),
                fix="give the case a criteria file (criteria = ...).",
            )
        criteria_text = render_criteria(case, Path(src).read_text(encoding="utf-8"))
        tomllib.loads(criteria_text)
    with _locked(real):
        if (
            fingerprint is not None
            and not force
            and real.resolve() == real_path(fingerprint.path).resolve()
            and fingerprint.changed()
        ):
            raise StaleFileError(
                "the file changed on disk since it was opened.",
                file=str(target),
                fix="save to another file, or confirm to overwrite the other change.",
            )
        new_case = case
        text = render(case, source_text, original=original)
        if criteria_file is not None:
            doc = tomlkit.parse(text)
            ref = _criteria_ref(criteria_file, target)
            if doc.get("criteria") != ref:
                doc["criteria"] = ref
            text = tomlkit.dumps(doc)
            write_keeping(criteria_file, criteria_text)
            hierarchy = replace(case.hierarchy, path=criteria_file)
            new_case = replace(case, hierarchy=hierarchy)
        tomllib.loads(text)  # the result still loads before it replaces anything
        bak = write_keeping(target, text)
    return Saved(text, Fingerprint.of_text(target, text), bak, new_case, criteria_file)
