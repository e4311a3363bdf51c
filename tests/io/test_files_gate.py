"""The input gate (``coopselect.io.files``): one fixture per hostile input, each refused with one
line naming the file, the place and the fix, exit code 2 in the CLI, never a traceback or a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopselect.ahp.io import load as load_ahp
from coopselect.cli.main import app
from coopselect.errors import CoopselectError
from coopselect.io import files
from coopselect.io.files import (
    MAX_CSV_FIELD_CHARS,
    MAX_DEPTH,
    MAX_FILE_ENV,
    read_csv_rows,
    read_json,
    read_text,
    read_toml,
)
from coopselect.io.loaders.problem_loader import load_problem

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
AHP_EXAMPLE = ROOT / "examples" / "ahp" / "house_criteria.toml"
PROBLEM = ROOT / "examples" / "problems" / "roszkowska_2011.toml"
CSV_OK = "name,c1,c2\nA,1,2\nB,3,4\n"


def _one_line(err: CoopselectError, path: Path, *fragments: str) -> None:
    text = str(err)
    assert "\n" not in text
    assert str(path) in text and "Fix:" in text
    for f in fragments:
        assert f in text, (f, text)


def _refused(func, path: Path, *fragments: str) -> CoopselectError:
    with pytest.raises(CoopselectError) as info:
        func(path)
    _one_line(info.value, path, *fragments)
    return info.value


def _cli(args: list[str], *fragments: str) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.output
    for f in fragments:
        assert f in lines[0], (f, lines[0])


# --- fixtures: one per hostile input --------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "case.toml"
    os.mkfifo(path)
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "folder.toml"
    path.mkdir()
    return path


@pytest.fixture
def device() -> Path:
    for name in ("/dev/zero", "/dev/null", "/dev/urandom"):
        path = Path(name)
        if path.exists() and stat.S_ISCHR(path.stat().st_mode):
            return path
    pytest.skip("no character device to try")


@pytest.fixture
def deep_toml(tmp_path) -> Path:
    """Far deeper than the parser's stack: RecursionError inside tomllib."""
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    return path


@pytest.fixture
def deep_toml_parsable(tmp_path) -> Path:
    """One level deeper than the limit, and parsable: refused by the check after parsing."""
    path = tmp_path / "deep_tables.toml"
    path.write_text("x = " + "{a = " * MAX_DEPTH + "1" + "}" * MAX_DEPTH + "\n", encoding="utf-8")
    return path


@pytest.fixture
def deep_json(tmp_path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return path


@pytest.fixture
def deep_json_parsable(tmp_path) -> Path:
    path = tmp_path / "deep_objects.json"
    levels = MAX_DEPTH + 1  # the outer object is level 1
    path.write_text('{"a": ' * levels + "1" + "}" * levels, encoding="utf-8")
    return path


@pytest.fixture
def big_int_json(tmp_path) -> Path:
    """A problem whose matrix holds the integer 10**400 (beyond the range of a double)."""
    doc = {
        "alternatives": ["A", "B"],
        "matrix": [[1, 2], [3, "BIG"]],
        "criteria": [
            {"name": "c1", "type": "benefit", "weight": 0.5},
            {"name": "c2", "type": "cost", "weight": 0.5},
        ],
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc).replace('"BIG"', "1" + "0" * 400), encoding="utf-8")
    return path


@pytest.fixture
def big_weight_json(tmp_path) -> Path:
    """The same as a weight, written 1e400 (a float literal that overflows)."""
    doc = {
        "matrix": [[1, 2], [3, 4]],
        "criteria": [
            {"name": "c1", "type": "benefit", "weight": "BIG"},
            {"name": "c2", "type": "cost", "weight": 0.5},
        ],
    }
    path = tmp_path / "big_weight.json"
    path.write_text(json.dumps(doc).replace('"BIG"', "1e400"), encoding="utf-8")
    return path


@pytest.fixture
def nan_json(tmp_path) -> Path:
    path = tmp_path / "nan.json"
    path.write_text('{"labels": ["a", "b"], "matrix": [[1, NaN], [1, 1]]}', encoding="utf-8")
    return path


@pytest.fixture
def big_int_toml(tmp_path) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(
        'labels = ["a", "b"]\nmatrix = [[1, 1' + "0" * 400 + "], [1, 1]]\n", encoding="utf-8"
    )
    return path


@pytest.fixture
def fraction_400_digits(tmp_path) -> Path:
    """An AHP matrix with a 400-digit numerator (OverflowError in float(Fraction))."""
    path = tmp_path / "fraction.toml"
    big = "7" * 400
    path.write_text(
        f'labels = ["a", "b"]\nmatrix = [[1, "{big}/3"], ["3/{big}", 1]]\n', encoding="utf-8"
    )
    return path


@pytest.fixture
def subnormal_ahp(tmp_path) -> Path:
    path = tmp_path / "subnormal.toml"
    path.write_text('labels = ["a", "b"]\nmatrix = [[1, 5e-324], [1, 1]]\n', encoding="utf-8")
    return path


@pytest.fixture
def huge_ahp(tmp_path) -> Path:
    path = tmp_path / "huge.toml"
    path.write_text(
        'labels = ["a", "b", "c"]\nmatrix = [[1, 1e308, 1e308], [1, 1, 1e308], [1, 1, 1]]\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def csv_field_200k(tmp_path) -> Path:
    path = tmp_path / "field.csv"
    path.write_text("name,c1,c2\nA," + "1" * 200_000 + ",2\nB,3,4\n", encoding="utf-8")
    return path


@pytest.fixture
def csv_field_20k(tmp_path) -> Path:
    """Below csv's own limit (131072) but above ours: refused by the check after parsing."""
    path = tmp_path / "field20k.csv"
    path.write_text('name,c1,c2\nA,1,2\nB,"' + "x" * 20_000 + '",4\n', encoding="utf-8")
    return path


@pytest.fixture
def small_limit(monkeypatch):
    """Lower the size limit to 100 bytes through the environment variable."""
    monkeypatch.setenv(MAX_FILE_ENV, str(100 / 1024 / 1024))


# --- regular files only ---------------------------------------------------------------------------


def _returns_within(seconds: float, fifo: Path, func, *args) -> dict[str, object]:
    """Run ``func(*args)`` in a thread; fail if it has not returned within ``seconds`` (after
    unblocking a reader stuck on ``fifo``, so that the thread can end)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = func(*args)
        except BaseException as err:
            box["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"{func.__name__} still blocked on a FIFO after {seconds} s")
    return box


@pytest.mark.parametrize("reader", [read_text, read_toml, read_json, read_csv_rows, load_ahp])
def test_fifo_is_refused_within_a_second_without_blocking(fifo, reader):
    box = _returns_within(1.0, fifo, reader, fifo)
    err = box.get("error")
    assert isinstance(err, CoopselectError), box
    _one_line(err, fifo, "pipe (FIFO)", "not a regular file")


@pytest.mark.parametrize(
    "args",
    [
        ["mcda", "{}"],
        ["ahp", "{}"],
        ["rank", "{}"],
        ["weights", "{}"],
        ["compare", "{}"],
        ["sensitivity", "{}"],
        ["explain", "{}", "KAZ", "trade"],
    ],
)
def test_fifo_given_to_a_command_exits_2_within_a_second(fifo, args):
    argv = [a.format(fifo) for a in args]
    box = _returns_within(1.0, fifo, runner.invoke, app, argv)
    res = box["value"]
    assert res.exit_code == 2, res.output
    assert "not a regular file" in res.output and "Traceback" not in res.output


def test_folder_is_refused(folder):
    _refused(read_text, folder, "is a folder")
    _cli(["mcda", str(folder)], "is a folder")


def test_device_is_refused_without_reading(device):
    _refused(read_text, device, "is a device")
    _cli(["ahp", str(device)], "is a device")


def test_missing_file(tmp_path):
    _refused(read_text, tmp_path / "nope.toml", "file not found")
    _refused(load_ahp, tmp_path / "nope.toml", "file not found", "a .toml or .json file")


def test_regular_files_still_read():
    assert read_toml(AHP_EXAMPLE)["labels"]
    assert load_problem(PROBLEM).dm.matrix.shape == (5, 4)


# --- size -----------------------------------------------------------------------------------------


def test_oversized_file_is_refused_with_the_way_to_raise_the_limit(small_limit):
    err = _refused(read_text, AHP_EXAMPLE, "above the input limit of 100 bytes")
    assert MAX_FILE_ENV in str(err)
    # an AHP file may take a fifth of the input limit (its parsing is the slowest)
    _cli(
        ["ahp", str(AHP_EXAMPLE)], "above the limit of 20 bytes for this kind of file", MAX_FILE_ENV
    )


def test_default_limit_is_20_mb(monkeypatch):
    monkeypatch.delenv(MAX_FILE_ENV, raising=False)
    assert files.max_file_bytes() == 20 * 1024 * 1024
    monkeypatch.setenv(MAX_FILE_ENV, "50")
    assert files.max_file_bytes() == 50 * 1024 * 1024


@pytest.mark.parametrize("raw", ["abc", "-1", "0", "nan"])
def test_bad_limit_setting_is_one_line(monkeypatch, raw):
    monkeypatch.setenv(MAX_FILE_ENV, raw)
    with pytest.raises(CoopselectError) as info:
        read_text(AHP_EXAMPLE)
    assert info.value.place == MAX_FILE_ENV and "Fix:" in str(info.value)


# --- nesting --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture", ["deep_toml", "deep_toml_parsable", "deep_json", "deep_json_parsable"]
)
def test_deep_nesting_is_refused(request, fixture):
    path = request.getfixturevalue(fixture)
    reader = read_json if path.suffix == ".json" else read_toml
    _refused(reader, path, f"nested more than {MAX_DEPTH} levels deep")
    _cli(["mcda", str(path)], "nested more than")
    _cli(["ahp", str(path)], "nested more than")


def test_nesting_up_to_the_limit_is_fine(tmp_path):
    path = tmp_path / "ok.json"  # MAX_DEPTH objects, the outer one included
    path.write_text('{"a": ' * MAX_DEPTH + "1" + "}" * MAX_DEPTH, encoding="utf-8")
    assert read_json(path)


# --- numbers --------------------------------------------------------------------------------------


def test_json_integer_beyond_a_double_names_its_place(big_int_json):
    _refused(load_problem, big_int_json, "matrix[2][2]", "range of a double")
    _cli(["mcda", str(big_int_json)], "matrix[2][2]", "range of a double")


def test_json_float_literal_that_overflows_names_its_place(big_weight_json):
    _refused(load_problem, big_weight_json, "criteria[1].weight", "1e400")


def test_json_nan_constant_is_refused(nan_json):
    _refused(load_ahp, nan_json, "matrix[1][2]", "NaN")


def test_toml_integer_beyond_a_double_is_refused(big_int_toml):
    _refused(load_ahp, big_int_toml, "matrix[1][2]", "401 digits")
    _cli(["ahp", str(big_int_toml)], "range of a double")


def test_400_digit_fraction_in_an_ahp_matrix(fraction_400_digits):
    _refused(load_ahp, fraction_400_digits, "row 'a', column 'b'", "402 characters")
    _cli(["ahp", str(fraction_400_digits)], "row 'a', column 'b'")


@pytest.mark.parametrize("fixture", ["subnormal_ahp", "huge_ahp"])
def test_ahp_judgment_outside_the_accepted_range(request, fixture):
    path = request.getfixturevalue(fixture)
    _refused(load_ahp, path, "row 'a', column 'b'", "outside the accepted range")
    _cli(["ahp", str(path)], "outside the accepted range")


# --- CSV ------------------------------------------------------------------------------------------


def test_200k_character_csv_field(csv_field_200k):
    args = ["--types", "benefit,benefit", "--weight-values", "1,1"]
    _refused(read_csv_rows, csv_field_200k, "line 2", f"{MAX_CSV_FIELD_CHARS:,} characters")
    _cli(["mcda", str(csv_field_200k), *args], "line 2", "characters")


def test_csv_field_over_our_limit_names_line_and_field(csv_field_20k):
    _refused(read_csv_rows, csv_field_20k, "line 3, field 2", "20,000 characters")


def test_ordinary_csv_still_reads(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(CSV_OK, encoding="utf-8")
    assert read_csv_rows(path) == [["name", "c1", "c2"], ["A", "1", "2"], ["B", "3", "4"]]
    prob = load_problem(path, "benefit,cost", "1,1")
    assert prob.dm.matrix.tolist() == [[1.0, 2.0], [3.0, 4.0]]


def test_a_reread_toml_file_is_the_files_current_text_in_a_copy_of_its_own(tmp_path):
    """read_toml reuses the parse of the same text (files._parsed_toml): each caller still gets its
    own document, an edited file gives its new values, and a broken file fails every time."""
    path = tmp_path / "doc.toml"
    path.write_text('[case]\nname = "a"\nlist = [1, 2]\n', encoding="utf-8")
    first = read_toml(path)
    first["case"]["list"].append(3)
    first["case"]["name"] = "changed by a caller"
    assert read_toml(path) == {"case": {"name": "a", "list": [1, 2]}}
    path.write_text('[case]\nname = "b"\nlist = [1, 2]\n', encoding="utf-8")
    assert read_toml(path)["case"]["name"] == "b"
    path.write_text("[case\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CoopselectError, match="invalid TOML") as err:
            read_toml(path)
        assert str(path) in str(err.value)
