"""The data the model reads: the bundled tables under data/ and the user's imported vintages.

Below the loaders: a module here imports :mod:`coopselect.io.files` and other modules here, never
:mod:`coopselect.io.loaders` (tests/test_architecture.py).
"""
