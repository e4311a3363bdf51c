"""Importers for the publishers' own release files.

Each importer reads the raw files as the publisher releases them, recognises their layout (and
refuses another one with a one-line :class:`~coopselect.errors.CoopselectError`), maps names or
codes to ISO3, checks units and ranges, and returns an
:class:`~coopselect.importers.common.ImportResult`: the table in the column layout of the bundled
extract (text cells), the names it could not map, and the provenance (files, SHA-256, publisher,
release, date imported). Nothing here prints or writes (coopselect.io.data.vintages writes
vintages). Every file is read through :func:`common.release_bytes` (regular files only, never a
FIFO or a device; the release size limit), and CSV files and worksheets through row and column caps
that ignore a workbook's declared dimension (see :mod:`coopselect.importers.common`); a repeated
economy, year and indicator is refused with both rows.

Modules: ``usgs_mcs`` (USGS Mineral Commodity Summaries world files), ``wgi`` (Worldwide
Governance Indicators), ``lpi`` (Logistics Performance Index), ``wdi`` (World Development
Indicators bulk CSV). pandas and openpyxl are imported inside the functions.
"""
