"""Hostile or broken releases (issue 23): every import attack ends in under 5 s with exit code 2,
one line naming the file, the place and the fix, and a data folder byte-identical to before.

Each import runs in-process through the CLI runner under a SIGALRM deadline, so that a regression
(a FIFO that blocks, /dev/zero read without end) fails the test instead of hanging the suite.
The data folder holds an earlier import (WDI electricity and GDP per capita), so that "unchanged"
covers vintages, provenance and the active pointer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
MCS2024 = RAW / "usgs_mcs" / "2024"
WDI = RAW / "wdi"
SECONDS = 5.0  # the bound for each attack
DEADLINE = 30  # a hang becomes a failure after this many seconds

runner = CliRunner()

WGI_HEADER = [
    *("codeindyr", "code", "countryname", "year", "indicator", "estimate", "stddev"),
    *("nsource", "pctrank", "pctranklower", "pctrankupper"),
]
USGS_HEADER = (
    "Source,Country,Type,Prod_kt_2022,Prod_kt_est_2023,Prod_notes,Reserves_kt,Reserves_notes\n"
)


def tree_hash(folder: Path) -> str | None:
    """SHA-256 over every entry under ``folder`` (path, kind, bytes or link target); None if the
    folder does not exist."""
    if not folder.exists():
        return None
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            h.update(f"L {rel} -> {os.readlink(p)}\n".encode())
        elif p.is_dir():
            h.update(f"D {rel}\n".encode())
        else:
            h.update(f"F {rel} {len(p.read_bytes())}\n".encode() + p.read_bytes())
    return h.hexdigest()


@contextlib.contextmanager
def deadline(seconds: float):
    def expired(signum, frame):
        raise TimeoutError(f"data import still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def import_(data: Path, *args: str):
    """Run ``data import ARGS --data-dir DATA``; returns (result, seconds)."""
    start = time.perf_counter()
    with deadline(DEADLINE):
        res = runner.invoke(app, ["data", "import", *args, "--data-dir", str(data)])
    return res, time.perf_counter() - start


def refused(data: Path, *args: str, expect: str, file: Path | None = None) -> str:
    """The import is refused fast with one line (file, expected text, fix), folder unchanged."""
    before = tree_hash(data)
    res, took = import_(data, *args)
    assert res.exit_code == 2, (res.exit_code, res.output, res.exception)
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1, res.output
    line = lines[0]
    assert line.startswith("error: ") and "Fix: " in line, line
    assert expect in line, line
    if file is not None:
        assert str(file) in line, line
    assert took < SECONDS, f"{took:.2f} s: {line}"
    assert tree_hash(data) == before
    return line


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile") / "data"
    res = runner.invoke(app, ["data", "import", "wdi", str(WDI), "--data-dir", str(d)])
    assert res.exit_code == 0, res.output
    return d


@pytest.fixture
def data(base, tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(base, d, symlinks=True)
    return d


def usgs_copy(tmp_path: Path) -> Path:
    rel = tmp_path / "mcs2024"
    shutil.copytree(MCS2024, rel)
    return rel


def wgi_book(path: Path, economies=("CHL",), years=(2022, 2023), extra=()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(WGI_HEADER)
    for iso in economies:
        for y in years:
            for ind in ("cc", "ge", "pv", "rl", "rq", "va"):
                ws.append([f"{iso}{ind}{y}", iso, iso, y, ind, 1.0, 0.2, 8, 80.0, 70.0, 90.0])
    for row in extra:
        ws.append(row)
    wb.save(path)
    return path


def rewrite_sheet(book: Path, out: Path, edit) -> Path:
    """A copy of the workbook with its first sheet's XML passed through ``edit``."""
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            zout.writestr(info, data)
    return out


# ---- files that are not files -------------------------------------------------------------


@pytest.mark.parametrize("member", ["mcs2024-coppe_meta.xml", "mcs2024-coppe_world.csv"])
def test_a_fifo_inside_a_release_folder_is_refused_at_once(member, data, tmp_path):
    rel = usgs_copy(tmp_path)
    (rel / member).unlink()
    os.mkfifo(rel / member)
    refused(data, "usgs-mcs", str(rel), expect="is a pipe (FIFO)", file=rel / member)


def test_a_fifo_given_as_the_release_file_or_inside_a_wdi_folder(data, tmp_path):
    fifo = tmp_path / "wgidataset.xlsx"
    os.mkfifo(fifo)
    refused(data, "wgi", str(fifo), expect="is a pipe (FIFO)", file=fifo)
    folder = tmp_path / "wdi"
    shutil.copytree(WDI, folder)
    os.mkfifo(folder / "API_XX_DS2_en_csv_v2_1.csv")
    refused(data, "wdi", str(folder), expect="is a pipe (FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_at_once(data, tmp_path):
    rel = usgs_copy(tmp_path)
    (rel / "mcs2024-coppe_meta.xml").unlink()
    os.symlink("/dev/zero", rel / "mcs2024-coppe_meta.xml")
    refused(data, "usgs-mcs", str(rel), expect="is a device", file=rel / "mcs2024-coppe_meta.xml")
    book = tmp_path / "wgidataset.xlsx"
    os.symlink("/dev/zero", book)
    refused(data, "wgi", str(book), expect="is a device", file=book)


def test_a_dangling_symlink_in_a_release_folder_is_named(data, tmp_path):
    rel = usgs_copy(tmp_path)
    os.symlink(tmp_path / "gone.csv", rel / "mcs2024-zzzzz_world.csv")
    refused(data, "usgs-mcs", str(rel), expect="does not exist")


def test_a_symlink_to_a_regular_file_is_followed(data, tmp_path):
    """The choice: a link to a regular file is read (wherever it points, as a git-annex or DVC
    store keeps releases); only what is not a regular file is refused."""
    folder = tmp_path / "wdi"
    folder.mkdir()
    for f in WDI.iterdir():
        os.symlink(f, folder / f.name)
    res, _ = import_(data, "wdi", str(folder), "-f", "json")
    assert res.exit_code == 0, res.output


# ---- sizes: workbook dimension, zip bomb, large CSV, large vintage ------------------------------


def test_a_tiny_workbook_declaring_a_huge_dimension_is_refused_fast(data, tmp_path):
    """5 KB: <dimension ref="A1:XFD1048576"/> and one cell at XFD1048576 (the last cell of a
    sheet). openpyxl padded every row to 16,384 cells and yielded a million rows: before the fix
    the import ran for over 60 s."""
    plain = wgi_book(tmp_path / "plain.xlsx", economies=[f"C{i:02d}" for i in range(3)])

    def huge(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
        )

    book = rewrite_sheet(plain, tmp_path / "wgidataset.xlsx", huge)
    assert book.stat().st_size < 28_000
    refused(data, "wgi", str(book), expect="more than 200,000 rows", file=book)


def test_an_lpi_workbook_with_a_far_cell_is_refused_fast(data, tmp_path):
    """The LPI reader kept every row of the sheet in a list: a million rows of 16,384 cells."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "2018"
    ws["XFD1048576"] = 1
    book = tmp_path / "International_LPI_from_2007_to_2018.xlsx"
    wb.save(book)
    assert book.stat().st_size < 28_000
    refused(data, "lpi", str(book), expect="more than 200,000 rows", file=book)


def test_a_wide_row_in_a_workbook_is_refused(data, tmp_path):
    plain = wgi_book(tmp_path / "plain.xlsx")
    book = rewrite_sheet(
        plain,
        tmp_path / "wgidataset.xlsx",
        lambda xml: xml.replace(
            b"</sheetData>", b'<row r="20"><c r="XFD20"><v>1</v></c></row></sheetData>'
        ),
    )
    refused(data, "wgi", str(book), expect="row of 16,384 columns", file=book)


def test_a_workbook_that_unzips_beyond_the_limit_is_refused_before_parsing(
    data, tmp_path, monkeypatch
):
    monkeypatch.setenv("COOPSELECT_MAX_RELEASE_MB", "1")  # workbooks: 4 MB unzipped
    plain = wgi_book(tmp_path / "plain.xlsx")
    pad = b"<!--" + b" " * 5_000_000 + b"-->"
    book = rewrite_sheet(plain, tmp_path / "wgidataset.xlsx", lambda xml: xml + pad)
    assert book.stat().st_size < 100_000
    refused(data, "wgi", str(book), expect="MB when unzipped", file=book)


def test_a_60_mb_csv_is_refused_before_it_is_read(data, tmp_path):
    """Before the fix: 4.3 GB of memory and a 610 MB vintage (here: killed after 60 s)."""
    rel = tmp_path / "mcs2024"
    rel.mkdir()
    line = 'MCS2024,Chile,"Mine production, recoverable copper content",5330 ,5000 ,,190000,\n'
    with (rel / "mcs2024-coppe_world.csv").open("w", encoding="utf-8") as fh:
        fh.write(USGS_HEADER)
        fh.write(line * (60_000_000 // len(line)))
    refused(data, "usgs-mcs", str(rel), expect="above the release limit of 20.0 MB", file=rel)


def test_a_csv_of_more_rows_than_a_release_has_is_refused_while_reading(data, tmp_path):
    rel = tmp_path / "mcs2024"
    rel.mkdir()
    (rel / "mcs2024-coppe_world.csv").write_text(USGS_HEADER + ",\n" * 200_001, encoding="utf-8")
    refused(data, "usgs-mcs", str(rel), expect="more than 200,000 rows", file=rel)


def test_a_release_giving_a_huge_table_is_refused_before_the_rows_are_made(data, tmp_path):
    rel = tmp_path / "mcs2024"
    rel.mkdir()
    lines = [
        f'MCS2024,Chile {i},"Mine production, recoverable copper content",5330 ,5000 ,,190000,\n'
        for i in range(20_000)
    ]
    (rel / "mcs2024-coppe_world.csv").write_text(USGS_HEADER + "".join(lines), encoding="utf-8")
    refused(data, "usgs-mcs", str(rel), expect="more than 50,000 rows", file=rel)


def test_a_vintage_that_would_slow_every_run_is_refused_with_the_reason(data, tmp_path):
    """3,000 lines with a 1,000-character note: 9,000 rows, 9.6 MB, above the 5 MB limit."""
    rel = tmp_path / "mcs2024"
    rel.mkdir()
    note = "x" * 1000
    lines = [
        f'MCS2024,Chile {i},"Mine production, recoverable copper content",5330 ,5000 ,{note},'
        "190000,\n"
        for i in range(3_000)
    ]
    (rel / "mcs2024-coppe_world.csv").write_text(USGS_HEADER + "".join(lines), encoding="utf-8")
    line = refused(data, "usgs-mcs", str(rel), expect="above the vintage limit of 5.0 MB")
    assert "every later run" in line and "COOPSELECT_MAX_VINTAGE_MB" in line


# ---- bad content: repeated keys, a release that covers almost nothing ---------------------------


@pytest.mark.parametrize("equal", ["different", "equal"])
def test_duplicate_rows_are_refused_naming_both(equal, data, tmp_path):
    """The same economy twice with different values (the first silently won) or equal ones."""
    folder = tmp_path / "wdi"
    shutil.copytree(WDI, folder)
    src = next(folder.glob("API_EG*"))
    lines = src.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    k = next(i for i, line in enumerate(lines) if line.startswith('"Chile"'))
    other = lines[k].replace('"100"', '"55"') if equal == "different" else lines[k]
    assert (other != lines[k]) == (equal == "different")
    src.write_text("".join([*lines, other]), encoding="utf-8")
    line = refused(data, "wdi", str(folder), expect="CHL (Chile) appears twice", file=src)
    assert f"(lines {k + 1} and {len(lines) + 1})" in line


def test_a_repeated_wgi_row_is_refused_with_both_rows(data, tmp_path):
    row = ["CHLcc2023", "CHL", "Chile", 2023, "cc", 1.5, 0.2, 8, 90.0, 80.0, 95.0]
    book = wgi_book(tmp_path / "wgidataset.xlsx", extra=[row])
    line = refused(data, "wgi", str(book), expect="CHL 2023 cc appears twice", file=book)
    assert "rows 8 and 14" in line


def test_a_repeated_usgs_country_line_is_refused(data, tmp_path):
    rel = usgs_copy(tmp_path)
    copper = rel / "mcs2024-coppe_world.csv"
    lines = copper.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    chile = next(line for line in lines if line.startswith("MCS2024,Chile,"))
    copper.write_text("".join([*lines, chile]), encoding="utf-8")
    refused(data, "usgs-mcs", str(rel), expect="'Chile' (Mine production", file=copper)


def test_a_repeated_lpi_economy_is_refused(data, tmp_path):
    src = RAW / "lpi" / "International_LPI_2023.csv"
    lines = src.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    chile = next(line for line in lines if line.startswith("Chile,"))
    bad = tmp_path / "International_LPI_2023.csv"
    bad.write_text("".join([*lines, chile]), encoding="utf-8")
    refused(data, "lpi", str(bad), expect="CHL appears twice", file=bad)


def test_a_one_economy_workbook_is_refused_unless_confirmed(data, tmp_path):
    book = wgi_book(tmp_path / "wgidataset.xlsx")
    line = refused(data, "wgi", str(book), expect="covers 1 economy for wgi", file=book)
    assert "--allow-fewer-economies" in line
    res, _ = import_(data, "wgi", str(book), "--allow-fewer-economies", "-f", "json")
    assert res.exit_code == 0, res.output
    doc = runner.invoke(app, ["data", "sources", "-f", "json", "--data-dir", str(data)])
    wgi = next(r for r in __import__("json").loads(doc.stdout) if r["dataset"] == "wgi")
    assert wgi["active"]["imported"]


# ---- two datasets: both active or neither --------------------------------------------------------


def test_a_two_dataset_import_whose_second_file_is_bad_changes_nothing(tmp_path):
    d = tmp_path / "fresh"  # no data folder yet: none is created
    folder = tmp_path / "wdi"
    shutil.copytree(WDI, folder)
    gdp = next(folder.glob("API_NY*"))
    lines = gdp.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    peru = next(line for line in lines if line.startswith('"Peru"'))
    gdp.write_text("".join([*lines, peru]), encoding="utf-8")
    refused(d, "wdi", str(folder), expect="PER (Peru) appears twice", file=gdp)
    assert not d.exists()


def another_wdi_release(tmp_path: Path) -> Path:
    """The raw WDI files with Chile's latest figure revised down a little: another release,
    so new vintages."""
    other = tmp_path / "wdi_revised"
    shutil.copytree(WDI, other)
    for f in other.glob("API_*"):
        lines = f.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        k = next(i for i, line in enumerate(lines) if line.startswith('"Chile"'))
        *_, last = re.finditer(r'"(\d+(?:\.\d+)?)"', lines[k])
        revised = f'"{float(last.group(1)) - 0.001!r}"'
        lines[k] = lines[k][: last.start()] + revised + lines[k][last.end() :]
        f.write_text("".join(lines), encoding="utf-8")
    return other


def test_a_two_dataset_import_failing_halfway_on_disk_changes_nothing(data, tmp_path):
    """Electricity is written, then GDP per capita cannot be (a file stands where its vintage
    folder goes): the electricity vintage is removed again and neither becomes active. Before,
    the first half stayed on disk, and a failure while switching left it active."""
    other = another_wdi_release(tmp_path)
    scratch = tmp_path / "scratch"
    res, _ = import_(scratch, "wdi", str(other), "-f", "json")
    assert res.exit_code == 0, res.output
    ids = {v["dataset"]: v["vintage"] for v in __import__("json").loads(res.stdout)["vintages"]}
    (data / "vintages" / "gdp_per_capita" / ids["gdp_per_capita"]).write_text("in the way\n")
    refused(data, "wdi", str(other), expect="could not write the gdp_per_capita vintage")
    assert not (data / "vintages" / "electricity" / ids["electricity"]).exists()


@pytest.mark.parametrize("folder", ["populated", "fresh"])
def test_a_two_dataset_import_whose_switch_fails_changes_nothing(
    folder, data, tmp_path, monkeypatch
):
    """Both vintages are written, then the one switch of active.json fails (a full disk): the
    two new vintages (and the folders made for them) are removed; the earlier import stays
    active, or no data folder is left."""
    import errno

    from coopselect.io import files

    def full_disk(path, data, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(files, "replace_file", full_disk)
    other = another_wdi_release(tmp_path)
    target = data if folder == "populated" else tmp_path / "fresh"
    refused(target, "wdi", str(other), expect="could not switch the active vintages")
    assert target.exists() == (folder == "populated")
