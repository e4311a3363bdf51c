"""The regular-file rule: read a file's bytes only if it is a regular file, within a byte limit,
without ever blocking.

The path is checked with ``os.stat`` before it is opened, so a FIFO, a device (``/dev/zero``), a
socket or a folder is refused at once and never blocks; the file is then opened non-blocking and
checked again with ``fstat``, in case it was swapped in between; reading stops one byte past the
limit if the file grows meanwhile. A symlink is followed to what it points at.

Two readers use it and word their refusals for their own users: the input gate
(:func:`coopselect.io.files.read_bytes`: cases, criteria, problems, ...) and the release reader
(:func:`coopselect.importers.common.release_bytes`: publishers' files). It lives below both
because ``io`` imports ``importers``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coopselect.errors import CoopselectError

FOLDER = "a folder"


@dataclass(frozen=True)
class Refusals:
    """The error each refusal raises, worded by the reader: ``missing(path)``, ``kind(path,
    what)`` (``what`` from :func:`file_kind`), ``too_big(path, size or None if it grew while
    read, limit)`` and ``cannot_read(path, oserror)``."""

    missing: Callable[[Path], CoopselectError]
    kind: Callable[[Path, str], CoopselectError]
    too_big: Callable[[Path, int | None, int], CoopselectError]
    cannot_read: Callable[[Path, OSError], CoopselectError]


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is (``FOLDER``, "a pipe (FIFO)", "a device", ...);
    None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return FOLDER
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def kind_refusal(folder_fix: str, why: str, fix: str) -> Callable[[Path, str], CoopselectError]:
    """A :attr:`Refusals.kind`: "is a folder, not a file." with ``folder_fix``, or "is <kind>, not
    a regular file<why>." with ``fix``."""

    def refuse(path: Path, kind: str) -> CoopselectError:
        if kind == FOLDER:
            return CoopselectError("is a folder, not a file.", file=path, fix=folder_fix)
        return CoopselectError(f"is {kind}, not a regular file{why}.", file=path, fix=fix)

    return refuse


def stat_of(path: Path, refusals: Refusals) -> os.stat_result:
    """``os.stat(path)`` (through symlinks), a missing path or an unreadable one refused."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise refusals.missing(path) from None
    except OSError as err:
        raise refusals.cannot_read(path, err) from None


def read_regular(path: Path, limit: int, refusals: Refusals) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (see the module
    docstring); anything else raises the reader's refusal."""
    st = stat_of(path, refusals)
    kind = file_kind(st.st_mode)
    if kind:
        raise refusals.kind(path, kind)
    if st.st_size > limit:
        raise refusals.too_big(path, st.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise refusals.cannot_read(path, err) from None
    try:
        kind = file_kind(os.fstat(fd).st_mode)  # swapped for a FIFO or device since the stat?
        if kind:
            raise refusals.kind(path, kind)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise refusals.too_big(path, None, limit)
        return b"".join(chunks)
    except OSError as err:
        raise refusals.cannot_read(path, err) from None
    finally:
        os.close(fd)
