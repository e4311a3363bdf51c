"""Print the HTML report to PDF with headless Chromium (``coopselect report --pdf``).

The report's print CSS does the layout (A4, landscape pages for wide tables, whole tables); this
module only runs the browser: a fresh profile in a temporary folder, no network, no extensions,
and the page printed to a temporary file that is read back, so nothing is written into the
report folder unless every file of the report rendered. Chromium's own temporary files go into
that folder too (TMPDIR), so nothing is left in the system's.

Chromium stamps the PDF with the time of printing (/CreationDate, /ModDate, its only varying
bytes); ``with_date`` sets both to the report's date, so that --date makes the PDF reproducible.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from coopselect.errors import CoopselectError

# Executable names tried in order; COOPSELECT_CHROMIUM (a path or a name) comes first.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# A quiet headless browser with no network of its own (also used by the web-app test and the
# screenshot script, so the three run the same browser the same way).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
)
TIMEOUT_S = 180


def find_chromium() -> str | None:
    """Path of a Chromium (or Chrome) executable, or None."""
    own = os.environ.get("COOPSELECT_CHROMIUM")
    for name in ([own] if own else []) + list(CHROMIUM_NAMES):
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    path = find_chromium()
    if path is None:
        raise CoopselectError(
            "printing the report to PDF needs headless Chromium, which is not installed; "
            "nothing was written.",
            place="--pdf",
            fix="install it (Debian/Ubuntu: apt-get install chromium) or set COOPSELECT_CHROMIUM "
            "to its path; or open report.html in any browser and print it.",
        )
    return path


def html_to_pdf(html: bytes, *, chromium: str | None = None) -> bytes:
    """The PDF of a self-contained HTML page, printed by headless Chromium."""
    exe = chromium or require_chromium()
    with tempfile.TemporaryDirectory(prefix="coopselect-pdf-") as tmp:
        base = Path(tmp)
        page = base / "report.html"
        page.write_bytes(html)
        target = base / "report.pdf"
        profile = base / "profile"
        args = [
            exe,
            *FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                args,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                check=False,
                env={**os.environ, "TMPDIR": tmp},
            )
        except subprocess.TimeoutExpired:
            raise CoopselectError(
                f"Chromium did not finish printing within {TIMEOUT_S} s; nothing was written.",
                place="--pdf",
                fix="try again, or print report.html from a browser.",
            ) from None
        except OSError as err:
            raise CoopselectError(
                f"cannot run Chromium: {err.strerror or err}; nothing was written.",
                file=exe,
                place="--pdf",
                fix="check the installation or COOPSELECT_CHROMIUM.",
            ) from None
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(b"%PDF"):
            last = (done.stderr or "").strip().splitlines()[-1:] or ["no output"]
            raise CoopselectError(
                f"Chromium did not print the report (exit code {done.returncode}: "
                f"{last[0][:160]}); nothing was written.",
                file=exe,
                place="--pdf",
                fix="check that Chromium runs headless here, or print report.html from a browser.",
            )
        return data


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[0-9]{14}[^)]*)\)")


def with_date(pdf: bytes, date: str) -> bytes:
    """``pdf`` with its creation and modification dates set to ``date`` (YYYY-MM-DD, midnight
    UTC). Each date keeps its length, so the file's cross-reference offsets stay right; a date
    written another way is left as it is."""
    digits = re.sub(r"[^0-9]", "", date)
    if len(digits) != 8:
        return pdf

    def fixed(m: re.Match[bytes]) -> bytes:
        new = f"D:{digits}000000+00'00'".encode("ascii")
        if len(new) != len(m.group(2)):
            return m.group(0)
        return m.group(0).replace(m.group(2), new)

    return _PDF_DATE.sub(fixed, pdf)
