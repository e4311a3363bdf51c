"""The user's input files (cases, criteria, modes, problems, judgments), read through
:mod:`coopselect.io.files` and checked against the data of :mod:`coopselect.io.data`."""
