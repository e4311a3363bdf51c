"""Every traceback and silent wrong answer of issue 23, run as a user would run it (a subprocess
of the coopselect command): exit code 2, one line on stderr naming the place and the fix, no
traceback; or, for the environment quirks that can be lived with (an ASCII-only output encoding,
COLUMNS=0), a normal run."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from coopselect.paths import cases_dir, criteria_dir

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ROSZ = ROOT / "examples" / "problems" / "roszkowska_2011.toml"
# What the coopselect executable runs (pyproject: coopselect = "coopselect.cli:entry").
CLI = "import sys; from coopselect.cli import entry; entry(sys.argv[1:])"


def _run(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    code: str = CLI,
    preexec_fn=None,
) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    for name in ("COLUMNS", "LINES"):
        if env is None or name not in env:
            full_env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full_env,
        cwd=cwd,
        preexec_fn=preexec_fn,
        timeout=120,
    )


def _refused(proc: subprocess.CompletedProcess, *fragments: str) -> str:
    """Exit code 2 and one stderr line 'error: <place>: <what>. Fix: <fix>' holding
    ``fragments``; returns the line."""
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("error: ") and " Fix: " in line, line
    for f in fragments:
        assert f in line, (f, line)
    return line


# ---- files of hostile content --------------------------------------------------------------


def _problem(tmp_path: Path, old: str, new: str, name: str = "p.toml") -> Path:
    text = ROSZ.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _modes_without_attributes(tmp_path: Path) -> Path:
    """The bundled modes file with an empty [attributes] table and no intrinsic values."""
    out, skip = [], False
    for line in (criteria_dir() / "modes.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            skip = line.startswith("[attributes") or line.startswith("[modes.intrinsic_reasons")
            if line == "[modes.intrinsic]":
                out.append(line)
                skip = True
                continue
        if not skip:
            out.append(line)
    path = tmp_path / "modes_empty.toml"
    path.write_text("\n".join(out) + "\n[attributes]\n", encoding="utf-8")
    return path


# ---- tracebacks of issue 23 ----------------------------------------------------------------


def test_empty_mode_attributes_with_a_share(tmp_path):
    modes = _modes_without_attributes(tmp_path)
    text = (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")
    text = text.replace('mode_profiles = "modes"', f"mode_profiles = {json.dumps(str(modes))}")
    text = re.sub(r"(?m)^(time_to_supply|capital_intensity|ease_of_exit) = .*$", "", text)
    case = tmp_path / "case.toml"
    case.write_text(text, encoding="utf-8")
    _refused(_run("rank", str(case)), "mode_attributes.share", "declare none", "share = 0")
    # with share 0 the same profiles rank normally
    case.write_text(text.replace("share = 0.15", "share = 0"), encoding="utf-8")
    assert _run("rank", str(case)).returncode == 0


def test_a_method_name_that_is_not_text(tmp_path):
    path = _problem(tmp_path, 'name = "topsis"', "name = 5")
    _refused(_run("mcda", str(path)), "method.name", "5", 'name = "topsis"')


@pytest.mark.parametrize(
    ("value", "place"),
    [("5", "alternatives"), ("[{a = 1}, {b = 2}, {c = 3}, {d = 4}, {e = 5}]", "alternatives[1]")],
)
def test_alternatives_that_are_not_a_list_of_names(tmp_path, value, place):
    path = _problem(
        tmp_path, 'alternatives = ["A1", "A2", "A3", "A4", "A5"]', f"alternatives = {value}"
    )
    _refused(_run("mcda", str(path)), f"{place}:", "one name per matrix row")


@pytest.mark.parametrize(
    "args",
    [
        ["sensitivity", "--seed", "-1", "--samples", "100"],
        ["sensitivity", "--seed", str(2**64), "--samples", "100"],
        ["mcda", str(ROSZ), "--smaa", "100", "--seed", "-1"],
        ["report", "--out", "{tmp}/r", "--seed", "-1", "--formats", "json"],
    ],
)
def test_a_seed_outside_numpys_range(tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    _refused(_run(*args), "--seed", "2**64 - 1")
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("COOPSELECT_MEMORY_MB", ["sensitivity", "--samples", "100"]),
        ("COOPSELECT_MAX_FILE_MB", ["rank"]),
    ],
)
@pytest.mark.parametrize("value", ["1e308", "1e30", "inf", "-5"])
def test_huge_or_bad_megabyte_variables(name, args, value):
    line = _refused(_run(*args, env={name: value}), name, "1,073,741,824")
    assert f"{name}:" in line


def test_an_ascii_only_output_encoding_degrades_to_escapes():
    proc = _run("rank", "--lang", "zh", "--top", "3", env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr == ""
    assert "\\u54c8\\u8428\\u514b\\u65af\\u5766" in proc.stdout  # 哈萨克斯坦, escaped
    proc = _run("rank", "missing_中.toml", env={"PYTHONIOENCODING": "ascii"})
    _refused(proc, "missing_\\u4e2d.toml", "file not found")


# ---- case new: where it cannot write ----------------------------------------------------


def _case_new(target: Path, **kwargs) -> subprocess.CompletedProcess:
    return _run("case", "new", str(target), "--countries", "KAZ", "--minerals", "copper", **kwargs)


def _no_temporary_files(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_case_new_into_a_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    for extra in ((), ("--force",)):
        proc = _run(
            "case",
            "new",
            str(tmp_path / "sub"),
            "--countries",
            "KAZ",
            "--minerals",
            "copper",
            *extra,
        )
        _refused(proc, "is a folder", "case.toml")
    assert list((tmp_path / "sub").iterdir()) == []


def test_case_new_under_a_file(tmp_path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    _refused(_case_new(tmp_path / "plain" / "case.toml"), "a part of the path is a file")
    assert (tmp_path / "plain").read_text(encoding="utf-8") == "x"


def test_case_new_into_an_unwritable_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    # root writes anywhere: the refusal of the operating system is simulated there
    patch = (
        "import errno, tempfile\n"
        "def refuse(*a, **k): raise PermissionError(errno.EACCES, 'Permission denied')\n"
        "tempfile.mkstemp = refuse\n"
    )
    proc = _case_new(locked / "case.toml", code=patch + CLI)
    _refused(proc, "permission denied", "writable")
    if os.geteuid() != 0:
        locked.chmod(0o555)
        try:
            _refused(_case_new(locked / "case.toml"), "permission denied", "writable")
        finally:
            locked.chmod(0o755)
    assert list(locked.iterdir()) == []


def test_case_new_under_a_file_size_limit(tmp_path):
    import resource

    def small_files() -> None:  # SIGXFSZ is ignored by Python: the write fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    proc = _case_new(tmp_path / "case.toml", preexec_fn=small_files)
    _refused(proc, "file-size limit", "ulimit -f")
    assert not (tmp_path / "case.toml").exists()
    _no_temporary_files(tmp_path)


def test_case_new_on_a_full_disk(tmp_path):
    patch = (
        "import errno, os\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
    )
    old = tmp_path / "case.toml"
    old.write_text("# the user's file\n", encoding="utf-8")
    proc = _run(
        "case",
        "new",
        str(old),
        "--countries",
        "KAZ",
        "--minerals",
        "copper",
        "--force",
        code=patch + CLI,
    )
    _refused(proc, "the disk is full", "nothing was written")
    assert old.read_text(encoding="utf-8") == "# the user's file\n"
    _no_temporary_files(tmp_path)
    assert errno.ENOSPC  # the errno the message names


# ---- low items ---------------------------------------------------------------------------


def test_columns_zero_is_treated_as_unset():
    proc = _run("rank", "--top", "3", env={"COLUMNS": "0"})
    assert proc.returncode == 0 and proc.stderr == ""
    assert "Kazakhstan" in proc.stdout and "Rank" in proc.stdout


def test_a_file_name_with_a_newline_leaves_a_valid_case_file(tmp_path):
    target = tmp_path / "two\nlines.toml"
    proc = _case_new(target)
    assert proc.returncode == 0, proc.stderr
    text = target.read_text(encoding="utf-8")
    assert tomllib.loads(text)["countries"] == ["KAZ"]
    assert text.splitlines()[0].startswith("# coopselect case file") and "\\x0a" in text
    assert _run("rank", str(target)).returncode == 0


def test_report_into_the_working_folder(tmp_path):
    mine = tmp_path / "notes.txt"
    mine.write_text("keep me\n", encoding="utf-8")
    args = ("report", "--out", ".", "--samples", "0", "--formats", "md,json")
    first = _run(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert mine.read_text(encoding="utf-8") == "keep me\n"
    report = (tmp_path / "report.json").read_bytes()
    assert (tmp_path / "report.md").is_file()
    # again: the report's own files are there, so it needs --force
    _refused(_run(*args, cwd=tmp_path), "report.md", "--force")
    forced = _run(*args, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "report.json.bak").read_bytes() == report
    assert mine.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.txt",
        "provenance.md",
        "provenance.md.bak",
        "report.json",
        "report.json.bak",
        "report.md",
        "report.md.bak",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--out", "{tmp}/r", "--samples", str(10**12), "--formats", "json"],
        ["sensitivity", "--samples", str(10**12)],
        ["mcda", str(ROSZ), "--smaa", str(10**12)],
    ],
)
def test_an_absurd_number_of_samples_is_refused(tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    _refused(_run(*args), "above the limit of 1,000,000", "from 1 to 1,000,000")
    assert not (tmp_path / "r").exists()


# ---- limits on work --------------------------------------------------------------------------


def test_a_large_ahp_hierarchy_is_refused_quickly(tmp_path):
    crit = [f"c{i}" for i in range(5)]
    alts = [f"a{i}" for i in range(400)]
    rows = json.dumps([[1] * len(alts)] * len(alts))
    lines = ["[criteria]", f"labels = {json.dumps(crit)}", f"matrix = {[[1] * 5] * 5}"]
    lines += ["[alternatives]", f"labels = {json.dumps(alts)}", "[alternatives.matrices]"]
    lines += [f"{c} = {rows}" for c in crit]
    path = tmp_path / "big.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    t0 = time.monotonic()
    proc = _run("ahp", str(path))
    took = time.monotonic() - t0
    _refused(proc, "6 pairwise matrices", "work limit", "COOPSELECT_MEMORY_MB")
    assert took < 30, took  # was a minute of eigenvectors; now parsing only
    # past a fifth of the input limit the file is refused before it is parsed
    proc = _run("ahp", str(path), env={"COOPSELECT_MAX_FILE_MB": "5"})
    _refused(proc, "for this kind of file", "COOPSELECT_MAX_FILE_MB")


def test_too_many_scenarios_are_refused_before_ranking():
    names = ",".join(["base"] * 201)
    t0 = time.monotonic()
    _refused(_run("compare", "--scenarios", names), "201 variants", "COOPSELECT_MAX_SCENARIOS")
    assert time.monotonic() - t0 < 20
    proc = _run("compare", "--scenarios", "base,base,base", env={"COOPSELECT_MAX_SCENARIOS": "2"})
    _refused(proc, "3 variants", "limit of 2")
    proc = _run("compare", "--scenarios", "base,base", env={"COOPSELECT_MAX_SCENARIOS": "x"})
    _refused(proc, "COOPSELECT_MAX_SCENARIOS", "from 2 to 100,000")


@pytest.mark.parametrize("value", ["inf", "nan", "1e7"])
def test_an_infinite_dirichlet_concentration_is_refused(value):
    # before: inf made every weight sample NaN and one pair came first in every sample (exit 0)
    proc = _run("sensitivity", "--concentration", value, "--samples", "100")
    _refused(proc, "--concentration", "finite number up to 1e6", "(0, 1e6]")


def test_an_empty_list_of_modes(tmp_path):
    text = (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")
    case = tmp_path / "case.toml"
    case.write_text(text.replace('modes = "all"', "modes = []", 1), encoding="utf-8")
    _refused(_run("rank", str(case)), "modes:", "at least 1 item")


def test_output_to_a_full_device_is_one_line():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this platform")
    for args in (["rank"], ["rank", "-f", "json"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [sys.executable, "-c", CLI, *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
            )
        _refused(proc, "the output: cannot write", "No space left on device")


@pytest.mark.parametrize("method", ["vikor", "topsis", "spotis"])
def test_a_matrix_whose_spans_overflow_is_refused_not_ranked_nan(tmp_path, method):
    # before: VIKOR ranked scores of nan 1..3 and TOPSIS dropped the column (exit 0)
    path = tmp_path / "p.toml"
    path.write_text(
        'alternatives = ["A", "B", "C"]\nmatrix = [[-1.7e308, 1], [1.7e308, 2], [0, 3]]\n'
        '[[criteria]]\nname = "x"\nweight = 1\n[[criteria]]\nname = "y"\nweight = 1\n',
        encoding="utf-8",
    )
    proc = _run("mcda", str(path), "-m", method, "-f", "csv")
    _refused(proc, "matrix row 'A', column 'x'", "within +-1e+100")
    assert proc.stdout == ""
