"""Loading and validation: where files enter, they are checked once.

Three layers, each importing only the ones above it in this list (tests/test_architecture.py):

* :mod:`coopselect.io.files`: file safety, the one gate every input file passes through (regular
  files only, size limits, readable errors) and atomic writes with backups;
* :mod:`coopselect.io.data`: the bundled data and the user's imported vintages: the dataset
  descriptors, the reference tables, the indicator, endowment and policy readers, the data
  snapshot of a run, importing and comparing vintages;
* :mod:`coopselect.io.loaders`: the user's input files: cases, criteria hierarchies, mode
  profiles, decision problems, judgments and experts, what-if settings, ad-hoc cases.
"""
