"""The one gate every input file passes through, and atomic writes.

Reading (every loader reads through here: cases, criteria, modes, problems, AHP files, the
compare command's files). Each error is one :class:`CoopselectError` line naming the file, the
place and the fix (exit code 2 in the CLI):

* regular files only: the path is checked with ``os.stat`` before it is opened, so a FIFO, a device
  (``/dev/zero``), a socket or a folder is refused at once and never blocks; the file is then
  opened non-blocking and checked again (``fstat``) in case it was swapped in between (the rule
  is :mod:`coopselect.filegate`'s, which the importers' release reader shares);
* at most ``COOPSELECT_MAX_FILE_MB`` megabytes (default 20, ``DEFAULT_MAX_FILE_MB``): the file is
  refused before it is read, and reading stops there if it grows meanwhile;
* TOML and JSON nested at most ``MAX_DEPTH`` (64) levels (the top table is level 1): checked after
  parsing, and a parser that runs out of stack on a deeper file (``RecursionError``) gives the
  same error;
* numbers within the range of a double (``abs(x) <= 1.8e308``): a JSON or TOML integer beyond it,
  a float literal that overflows (``1e400``) and JSON's non-standard ``NaN``/``Infinity`` are
  refused with their key path (``matrix[2][3]``, counting from 1). TOML's own ``inf`` and ``nan``
  pass here and are refused by the loaders where a finite number is needed;
* CSV fields of at most ``MAX_CSV_FIELD_CHARS`` (10,000) characters.

Writing: :func:`replace_file` is the one writer of every output file (a temporary sibling, fsync,
the original's mode and owner, through symlinks, one atomic rename), so a crash or Ctrl-C never
leaves a half-written file; :func:`replace_folder` writes a whole folder of files the same way,
under a lock (a second writer into the same folder fails at once with one line).
"""

from __future__ import annotations

import contextlib
import copy
import csv
import errno
import functools
import io
import json
import math
import os
import re
import shutil
import stat
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from coopselect.errors import CoopselectError
from coopselect.filegate import Refusals, kind_refusal, read_regular
from coopselect.limits import env_megabytes

DEFAULT_MAX_FILE_MB = 20.0
MAX_FILE_ENV = "COOPSELECT_MAX_FILE_MB"
MAX_DEPTH = 64
MAX_CSV_FIELD_CHARS = 10_000
_FLOAT_MAX = sys.float_info.max
_FLOAT_DIGITS = len(str(int(_FLOAT_MAX)))  # 309: longer integers cannot be a double
_MISSING_FIX = "check the path, or list bundled cases with 'coopselect cases'."
_DEPTH_FIX = f"flatten the file: inputs are nested at most {MAX_DEPTH} levels deep."
_RANGE_FIX = "use a number within +-1.8e308 (a double), in the units the file expects."


def max_file_bytes() -> int:
    """The input size limit in bytes: ``COOPSELECT_MAX_FILE_MB`` megabytes, default 20."""
    return env_megabytes(MAX_FILE_ENV, DEFAULT_MAX_FILE_MB, "50")


_refuse_kind = kind_refusal(
    "give the path of a file.",
    "",
    "give the path of a regular file (save the input to a file first).",
)


def _amount(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 100 * 1024 else f"{n:,} bytes"


def _too_big(p: Path, size: int | None, limit: int, fraction: float = 1.0) -> CoopselectError:
    got = f"is {_amount(size)}" if size is not None else "grew while it was read"
    kind = " input" if fraction == 1.0 else ""
    kind_end = "" if fraction == 1.0 else f" for this kind of file ({fraction:g} of the input one)"
    return CoopselectError(
        f"{got}, above the{kind} limit of {_amount(limit)}{kind_end}.",
        file=p,
        fix=f"give a smaller file, or raise the input limit with {MAX_FILE_ENV}=<megabytes>.",
    )


def _cannot_read(p: Path, err: OSError) -> CoopselectError:
    if isinstance(err, PermissionError):
        return CoopselectError(
            "cannot read: permission denied.",
            file=p,
            fix="make the file readable (chmod u+r) or copy it somewhere readable.",
        )
    return CoopselectError(f"cannot read: {err.strerror or err}.", file=p)


def read_bytes(
    path: str | Path, *, missing_fix: str = _MISSING_FIX, fraction: float = 1.0
) -> bytes:
    """The bytes of a regular file within the size limit (see the module docstring); a kind of
    file whose parsing is slower than linear takes ``fraction`` of the limit."""
    refusals = Refusals(
        missing=lambda p: CoopselectError("file not found.", file=p, fix=missing_fix),
        kind=_refuse_kind,
        too_big=lambda p, size, limit: _too_big(p, size, limit, fraction),
        cannot_read=_cannot_read,
    )
    return read_regular(Path(path), max(1, int(max_file_bytes() * fraction)), refusals)


def read_text(path: str | Path, *, missing_fix: str = _MISSING_FIX, fraction: float = 1.0) -> str:
    """UTF-8 text of a file that passed :func:`read_bytes`."""
    p = Path(path)
    data = read_bytes(p, missing_fix=missing_fix, fraction=fraction)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CoopselectError(
            f"not UTF-8 text (byte {err.start}).", file=p, fix="save the file as UTF-8."
        ) from None


class _BadNumber:
    """A number literal outside the range of a double, kept by the parser so that the check
    after parsing can name its place."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _json_int(text: str) -> int | _BadNumber:
    if len(text.lstrip("-")) > _FLOAT_DIGITS:
        return _BadNumber(text)
    value = int(text)
    return value if abs(value) <= _FLOAT_MAX else _BadNumber(text)


def _float_literal(text: str) -> float | _BadNumber:
    value = float(text)
    if math.isfinite(value) or text.strip().lstrip("+-").lower() in ("inf", "nan"):
        return value  # TOML's own inf/nan: the loaders refuse them where they need a number
    return _BadNumber(text)


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:10]}...{text[-6:]} ({len(text)} characters)"


def _path(parts: tuple[str | int, ...]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif part.isidentifier() and len(part) <= 40:
            out += f".{part}" if out else part
        else:
            out += f"[{_short(part)!r}]"
    return out or "the top level"


def check_document(doc: Any, file: str | Path) -> Any:
    """Refuse a parsed TOML/JSON document nested deeper than ``MAX_DEPTH`` or holding a number
    outside the range of a double (see the module docstring). Iterative: no recursion."""
    stack: list[tuple[Any, tuple[str | int, ...], int]] = [(doc, (), 1)]
    while stack:
        obj, parts, depth = stack.pop()
        if isinstance(obj, dict | list):
            if depth > MAX_DEPTH:
                raise CoopselectError(
                    f"nested more than {MAX_DEPTH} levels deep.",
                    file=file,
                    place=f"{_path(parts[:4])}... (level {depth})",
                    fix=_DEPTH_FIX,
                )
            items = obj.items() if isinstance(obj, dict) else enumerate(obj)
            stack.extend((v, (*parts, k), depth + 1) for k, v in items)
        elif isinstance(obj, _BadNumber) or (
            isinstance(obj, int) and not isinstance(obj, bool) and abs(obj) > _FLOAT_MAX
        ):
            text = obj.text if isinstance(obj, _BadNumber) else f"an integer of {len(str(obj))}"
            what = _short(text) if isinstance(obj, _BadNumber) else f"{text} digits"
            raise CoopselectError(
                f"{what} is not a finite number within the range of a double (+-1.8e308).",
                file=file,
                place=_path(parts),
                fix=_RANGE_FIX,
            )
    return doc


def _too_deep(file: str | Path) -> CoopselectError:
    return CoopselectError(f"nested more than {MAX_DEPTH} levels deep.", file=file, fix=_DEPTH_FIX)


def parse_toml(text: str, file: str | Path, *, syntax_fix: str | None = None) -> dict[str, Any]:
    """Parse TOML text read from ``file`` and check it (depth, number range)."""
    try:
        doc = tomllib.loads(text, parse_float=_float_literal)
    except RecursionError:
        raise _too_deep(file) from None
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        place = f"line {m.group(1)}, column {m.group(2)}" if m else None
        reason = re.sub(r"\s*\(at line .*\)$", "", msg)
        raise CoopselectError(
            f"invalid TOML: {reason}.",
            file=file,
            place=place,
            fix=syntax_fix or "correct the syntax (strings in quotes, one key = value per line).",
        ) from None
    return check_document(doc, file)


def parse_json(text: str, file: str | Path) -> Any:
    """Parse JSON text read from ``file`` and check it (depth, number range, no NaN/Infinity)."""
    try:
        doc = json.loads(
            text, parse_int=_json_int, parse_float=_float_literal, parse_constant=_BadNumber
        )
    except RecursionError:
        raise _too_deep(file) from None
    except json.JSONDecodeError as err:
        raise CoopselectError(
            f"invalid JSON: {err.msg}.",
            file=file,
            place=f"line {err.lineno}, column {err.colno}",
            fix="correct the JSON syntax.",
        ) from None
    return check_document(doc, file)


def read_toml(
    path: str | Path,
    *,
    syntax_fix: str | None = None,
    missing_fix: str = _MISSING_FIX,
    fraction: float = 1.0,
) -> dict[str, Any]:
    text = read_text(path, missing_fix=missing_fix, fraction=fraction)
    return copy.deepcopy(_parsed_toml(text, str(path), syntax_fix))


@functools.lru_cache(maxsize=32)
def _parsed_toml(text: str, file: str, syntax_fix: str | None) -> dict[str, Any]:
    """Parsing is most of a load's time (criteria/modes.toml: 6 ms; a deep copy: 0.4 ms), and one
    run reads the same criteria and mode files for every case it builds (``validate`` builds one
    per deal host). The file is still read and checked every time; the parse is reused only for the
    same text under the same name, and each caller gets its own copy. A file that fails to parse
    is not remembered (the error is raised again)."""
    return parse_toml(text, file, syntax_fix=syntax_fix)


def read_json(path: str | Path, *, missing_fix: str = _MISSING_FIX, fraction: float = 1.0) -> Any:
    return parse_json(read_text(path, missing_fix=missing_fix, fraction=fraction), path)


def read_structured(path: str | Path, **kwargs: Any) -> Any:
    """TOML or JSON by file extension (TOML when in doubt)."""
    if str(path).lower().endswith(".json"):
        kwargs.pop("syntax_fix", None)
        return read_json(path, **kwargs)
    return read_toml(path, **kwargs)


def read_csv_rows(path: str | Path) -> list[list[str]]:
    """The rows of a CSV file (empty rows kept), every field at most ``MAX_CSV_FIELD_CHARS``."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    fix = (
        f"keep every field under {MAX_CSV_FIELD_CHARS:,} characters (check for a missing "
        "closing quote)."
    )
    try:
        for row in reader:
            for j, field in enumerate(row, start=1):
                if len(field) > MAX_CSV_FIELD_CHARS:
                    raise CoopselectError(
                        f"a field of {len(field):,} characters (the limit is "
                        f"{MAX_CSV_FIELD_CHARS:,}).",
                        file=path,
                        place=f"line {reader.line_num}, field {j}",
                        fix=fix,
                    )
            rows.append(row)
    except csv.Error as err:
        reason = str(err)
        if "field larger than field limit" in reason:
            reason = f"a field longer than the limit of {MAX_CSV_FIELD_CHARS:,} characters"
        raise CoopselectError(
            f"invalid CSV: {reason}.",
            file=path,
            place=f"line {reader.line_num}",
            fix=fix,
        ) from None
    return rows


def atomic_write_text(
    path: str | Path, text: str, *, overwrite: bool = False, backup: bool = True
) -> Path | None:
    """Write ``text`` to ``path`` atomically (:func:`replace_file`). Returns the backup path, if
    one was made.

    An existing file is replaced only if ``overwrite`` or ``backup`` is true; with ``backup`` its
    content is kept as ``<name>.bak`` first (written the same way).
    """
    target = Path(path)
    made_backup: Path | None = None
    if target.exists():
        if not (overwrite or backup):
            raise CoopselectError(
                "file exists and would be overwritten.",
                file=target,
                fix="choose another path or pass --force.",
            )
        if backup:
            made_backup = backup_file(target)
    replace_file(target, text.encode("utf-8"))
    return made_backup


def backup_file(path: str | Path) -> Path:
    """Keep the current content of ``path`` (through symlinks) as ``<name>.bak`` beside the file
    it points at; returns the backup's path."""
    real = real_path(path)
    bak = real.with_name(real.name + ".bak")
    try:
        if real.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(real))
        data, mode = real.read_bytes(), stat.S_IMODE(real.stat().st_mode)
    except WriteError:
        raise
    except OSError as err:
        raise write_error(err, real) from None
    replace_file(bak, data, mode=mode)
    return bak


class WriteError(CoopselectError, OSError):
    """A file that could not be written (permission, full disk, file-size limit, a folder in the
    way...): one readable line like every CoopselectError, and still an ``OSError`` for callers
    that catch those."""


# errno -> (what happened, the fix); anything else is named by its strerror.
_WRITE_FAILURES = {
    errno.EACCES: ("permission denied", "choose a folder you can write to, or make it writable"),
    errno.EPERM: ("operation not permitted", "choose a folder you can write to"),
    errno.EROFS: ("the file system is read-only", "write to another folder"),
    errno.ENOSPC: ("the disk is full", "free some space, or write to another disk"),
    getattr(errno, "EDQUOT", -1): (
        "the disk quota is used up",
        "free some space, or write to another disk",
    ),
    errno.EFBIG: (
        "the file would exceed the file-size limit (ulimit -f)",
        "raise the limit (ulimit -f unlimited), or write to another disk",
    ),
    errno.EISDIR: ("it is a folder, not a file", "give the path of a file, not of a folder"),
    errno.ENOTDIR: (
        "a part of the path is a file, not a folder",
        "give a path whose folders are folders (or do not exist yet)",
    ),
    errno.EEXIST: (
        "a part of the path is a file, not a folder",
        "give a path whose folders are folders (or do not exist yet)",
    ),
    errno.ENAMETOOLONG: ("the name is too long", "use a shorter file name"),
}


def write_error(err: OSError, path: str | Path) -> WriteError:
    """An ``OSError`` met while writing ``path`` as one readable line (nothing was written)."""
    what, fix = _WRITE_FAILURES.get(
        err.errno or 0,
        (err.strerror or str(err), "check the path, that the folder is writable and the disk"),
    )
    error = WriteError(f"cannot write: {what}; nothing was written.", file=path, fix=f"{fix}.")
    error.errno, error.strerror, error.filename = err.errno, what, str(path)
    return error


def real_path(path: str | Path) -> Path:
    """Where a write to ``path`` must land: through symlinks, to the file they point at (which
    may not exist yet)."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def new_file_mode() -> int:
    """The mode of a new file: 0666 less the umask (as ``open`` would create it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def new_folder_mode() -> int:
    """The mode of a new folder: 0777 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def replace_file(path: str | Path, data: bytes, *, mode: int | None = None) -> Path:
    """The one writer of every output file (case saves, app exports, reports, data vintages).

    ``data`` goes into a temporary sibling of the real file (``path`` is followed through
    symlinks: the link stays and its target is updated), which is flushed to disk, given the
    original's mode (``mode`` if given, else the existing file's, else that of a new file) and,
    where allowed, its owner, then renamed over the file in one step; the folder entry is
    flushed too. A reader sees the old or the new content, never a mix; on any error, Ctrl-C
    included, the temporary file is removed and the original is untouched. Returns the path
    written."""
    real = real_path(path)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        try:
            st: os.stat_result | None = real.stat()
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(real))
        if mode is None:
            mode = stat.S_IMODE(st.st_mode) if st is not None else new_file_mode()
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as err:
        raise write_error(err, real) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            if st is not None:
                # only root may give a file away; the mode is kept regardless
                with contextlib.suppress(OSError):
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise write_error(err, real) from None
        raise
    fsync_dir(real.parent)
    return real


def fsync_dir(folder: str | Path) -> None:
    """Flush a folder's entries (a rename in it) to disk, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


# ---- a folder written as a whole ------------------------------------------------------------
_LOCK_FIX = "wait for the other run to finish, or write to another folder."


def _lock_path(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.lock"


@contextlib.contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Hold the exclusive right to write ``folder`` (an advisory lock on ``.<name>.lock`` beside
    it, POSIX; released when the process ends, even by kill -9). A second writer does not wait:
    it fails at once with one line."""
    folder = Path(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise write_error(err, folder) from None
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the folder is still replaced as a whole
        yield
        return
    lock = _lock_path(folder)
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise write_error(err, lock) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise CoopselectError(
                "another coopselect run is writing this folder right now; nothing was written.",
                file=folder,
                fix=_LOCK_FIX,
            ) from None
        try:  # the previous holder removes the lock file when done: lock the current one
            current = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)


def _stale_names(folder: Path) -> list[Path]:
    """Leftovers of a killed writer of ``folder``: ``.<name>.*.tmp`` (a folder being built) and
    ``.<name>.*.old`` (the previous folder during a swap), beside it."""
    prefix = f".{folder.name}."
    try:
        names = os.listdir(folder.parent)
    except OSError:
        return []
    return [
        folder.parent / n
        for n in names
        if n.startswith(prefix) and (n.endswith(".tmp") or n.endswith(".old"))
    ]


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_stale(folder: str | Path) -> None:
    """Remove what a killed writer of ``folder`` left (call under :func:`folder_lock`). A swap
    killed between its two renames left the previous folder as ``.<name>.*.old``: it is put
    back first."""
    folder = Path(folder)
    stale = _stale_names(folder)
    if not folder.exists():
        olds = [p for p in stale if p.name.endswith(".old") and p.is_dir()]
        if olds:
            os.rename(olds[0], folder)
            stale.remove(olds[0])
    for p in stale:
        _remove(p)


def is_temporary_name(name: str) -> bool:
    """A temporary file of :func:`replace_file` (``.<name>.<random>.tmp``)."""
    return name.startswith(".") and name.endswith(".tmp")


def replace_folder(
    folder: str | Path,
    files: dict[str, bytes],
    *,
    keep_existing: bool = True,
    check: Callable[[Path], object] | None = None,
) -> Path:
    """Write ``files`` (relative path -> content) as the folder ``folder``, as a whole.

    Under :func:`folder_lock`: leftovers of a killed run are cleaned (:func:`clean_stale`),
    ``check(folder)`` runs (e.g. refuse a folder that is not empty), then the new folder is built
    as a temporary sibling (``.<name>.<random>.tmp``; with ``keep_existing`` the files already in
    the folder are carried over, hard-linked, and those of ``files`` replace them), every file
    and folder is flushed to disk, and the new folder takes the old one's place in one step
    (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames, repaired by the next run if
    killed in between). Readers, and a kill -9 at any moment, see the old folder or the new one,
    never a mix. A folder symlink is followed (its target is replaced); files keep their mode,
    the folder its mode and, where allowed, its owner. Returns the folder written."""
    target = real_path(folder)
    with folder_lock(target):
        clean_stale(target)
        if check is not None:
            check(target)
        old = target if target.is_dir() else None
        if target.exists() and old is None:
            raise CoopselectError(
                "exists and is not a folder.", file=target, fix="give a folder for --out."
            )
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        try:
            if old is not None:
                st = old.stat()
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
                with contextlib.suppress(OSError):
                    os.chown(tmp, st.st_uid, st.st_gid)
                if keep_existing:
                    _link_tree(old, tmp)
            else:
                os.chmod(tmp, new_folder_mode())
            for rel, data in files.items():
                _write_new(tmp, rel, data, old)
            for dirpath, _dirs, _files in os.walk(tmp, topdown=False):
                fsync_dir(dirpath)
            if old is None:
                os.rename(tmp, target)
            else:
                _swap(tmp, target)
        except BaseException:
            _remove(tmp)
            raise
        _remove(tmp)  # after the swap it holds the previous folder
        fsync_dir(target.parent)
    return target


def _link_tree(src: Path, dst: Path) -> None:
    """Carry the entries of ``src`` into ``dst``: files hard-linked (copied where links fail),
    symlinks recreated, folders made; temporary files of a killed writer left out."""
    for dirpath, dirs, names in os.walk(src):
        rel = Path(dirpath).relative_to(src)
        for d in dirs:
            s = Path(dirpath) / d
            if s.is_symlink():
                os.symlink(os.readlink(s), dst / rel / d)
            else:
                (dst / rel / d).mkdir()
                shutil.copymode(s, dst / rel / d)
        dirs[:] = [d for d in dirs if not (Path(dirpath) / d).is_symlink()]
        for n in names:
            if is_temporary_name(n):
                continue
            s, t = Path(dirpath) / n, dst / rel / n
            if s.is_symlink():
                os.symlink(os.readlink(s), t)
                continue
            try:
                os.link(s, t)
            except OSError:
                shutil.copy2(s, t)


def _write_new(root: Path, rel: str, data: bytes, old: Path | None) -> None:
    """Write one file of a folder being built: a fresh file (never through a hard link carried
    over from the old folder), the old file's mode if it had one, flushed to disk."""
    path = root / rel
    if not path.resolve().is_relative_to(root.resolve()):
        raise CoopselectError(f"file name {rel!r} leaves the folder.", file=root)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    mode = new_file_mode()
    if old is not None:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE((old / rel).stat().st_mode)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fchmod(fh.fileno(), mode)
        os.fsync(fh.fileno())


def _swap(new: Path, target: Path) -> None:
    """Put folder ``new`` in the place of folder ``target``; ``new`` then holds the old one."""
    if _exchange(new, target):
        return
    old = target.with_name(f".{target.name}.{os.getpid()}.old")
    os.rename(target, old)
    os.rename(new, target)  # a kill just before this leaves ``old``: clean_stale puts it back
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
