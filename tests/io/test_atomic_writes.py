"""The one writer (io.files.replace_file) and the folder writer (replace_folder): mode, owner and
symlinks kept, temporary files cleaned even on error, one lock per folder, leftovers of a killed
run repaired (issue 13)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap

import pytest

from coopselect.errors import CoopselectError
from coopselect.io import files
from coopselect.io.files import (
    atomic_write_text,
    folder_lock,
    replace_file,
    replace_folder,
)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_replace_file_keeps_mode_and_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.toml"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o644)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    replace_file(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "new"
    assert _mode(real) == 0o644
    os.chmod(real, 0o640)
    replace_file(real, b"newer")
    assert _mode(real) == 0o640
    assert os.stat(real).st_uid == os.getuid()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "real.toml"]


def test_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o022)
    try:
        replace_file(tmp_path / "a" / "new.md", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a" / "new.md") == 0o644


def test_backup_through_symlink_and_mode(tmp_path):
    real = tmp_path / "case.toml"
    real.write_text("v1", encoding="utf-8")
    os.chmod(real, 0o644)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    bak = atomic_write_text(link, "v2")
    assert bak == tmp_path / "case.toml.bak"
    assert bak.read_text(encoding="utf-8") == "v1" and _mode(bak) == 0o644
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "v2"


def test_error_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")

    def fail(*_a, **_k):
        raise KeyboardInterrupt  # Ctrl-C while flushing

    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(KeyboardInterrupt):
        replace_file(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_replace_folder_replaces_as_a_whole_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, {"report.md": b"A", "charts/x.svg": b"A"})
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    os.chmod(out / "report.md", 0o600)
    replace_folder(out, {"report.md": b"B", "pairs.csv": b"B"})
    got = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert got == {
        "report.md": b"B",
        "pairs.csv": b"B",
        "charts/x.svg": b"A",
        "notes.txt": b"mine",
    }
    assert _mode(out / "report.md") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lock or temporary left


def test_replace_folder_follows_a_folder_symlink(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    os.chmod(real, 0o750)
    link = tmp_path / "link"
    link.symlink_to(real)
    replace_folder(link, {"report.md": b"x"})
    assert link.is_symlink()
    assert (real / "report.md").read_bytes() == b"x"
    assert _mode(real) == 0o750


def test_hard_links_of_carried_files_are_never_written_through(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, {"report.md": b"A"})
    keep = tmp_path / "keep"
    os.link(out / "report.md", keep)  # someone else's hard link to the old report
    replace_folder(out, {"report.md": b"B"})
    assert keep.read_bytes() == b"A"
    assert (out / "report.md").read_bytes() == b"B"


def test_check_runs_under_the_lock_and_refuses(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, {"report.md": b"A"})

    def refuse(path):
        raise CoopselectError("folder is not empty.", file=path)

    with pytest.raises(CoopselectError, match="not empty"):
        replace_folder(out, {"report.md": b"B"}, check=refuse)
    assert (out / "report.md").read_bytes() == b"A"


def test_a_second_writer_fails_at_once_with_one_line(tmp_path):
    out = tmp_path / "out"
    code = textwrap.dedent(
        f"""
        from coopselect.io.files import replace_folder
        try:
            replace_folder({str(out)!r}, {{"report.md": b"second"}})
        except Exception as err:
            print(type(err).__name__, err)
        else:
            print("written")
        """
    )
    with folder_lock(out):  # the first writer is busy
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("CoopselectError")
    assert "another coopselect run is writing this folder right now" in res.stdout
    assert res.stdout.count("\n") == 1
    assert not out.exists()
    # once the first is done, the next writer succeeds and the lock file is gone
    replace_folder(out, {"report.md": b"third"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_leftovers_of_a_killed_run_are_cleaned_or_put_back(tmp_path):
    out = tmp_path / "out"
    replace_folder(out, {"report.md": b"A"})
    # a run killed while building its folder, and one killed mid-swap (old folder moved aside)
    (tmp_path / ".out.abc123.tmp").mkdir()
    (tmp_path / ".out.abc123.tmp" / "report.md").write_bytes(b"half")
    (out / ".report.md.xyz.tmp").write_bytes(b"stale file of the old per-file writer")
    os.rename(out, tmp_path / ".out.4242.old")
    files.clean_stale(out)
    assert (out / "report.md").read_bytes() == b"A"
    replace_folder(out, {"pairs.csv": b"B"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["pairs.csv", "report.md"]


def test_fallback_swap_without_renameat2(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    replace_folder(out, {"report.md": b"A"})
    replace_folder(out, {"report.md": b"B"})
    assert (out / "report.md").read_bytes() == b"B"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_file_name_cannot_leave_the_folder(tmp_path):
    with pytest.raises(CoopselectError, match="leaves the folder"):
        replace_folder(tmp_path / "out", {"../evil.md": b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ---- a write that fails is one readable line, and leaves nothing behind (issue 23) -------------


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EFBIG, "file-size limit (ulimit -f)"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
    ],
)
def test_a_failed_write_is_a_write_error_and_removes_its_temporary_file(
    tmp_path, monkeypatch, code, fragment
):
    target = tmp_path / "out.toml"
    target.write_text("old\n", encoding="utf-8")

    def failing(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", failing)
    with pytest.raises(files.WriteError) as info:
        files.replace_file(target, b"new\n")
    err = info.value
    assert isinstance(err, CoopselectError) and isinstance(err, OSError)
    assert err.errno == code and fragment in str(err) and "Fix:" in str(err)
    assert str(target) in str(err) and "\n" not in str(err)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]


def test_writing_over_a_folder_or_under_a_file_is_a_write_error(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(files.WriteError, match="it is a folder"):
        files.replace_file(tmp_path / "folder", b"x")
    with pytest.raises(files.WriteError, match="it is a folder"):
        files.atomic_write_text(tmp_path / "folder", "x")  # its backup would read a folder
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(files.WriteError, match="a part of the path is a file"):
        files.replace_file(tmp_path / "plain" / "out.toml", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "plain"]
