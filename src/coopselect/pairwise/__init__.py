"""The numerics of pairwise comparisons: the principal eigenvector, the completion of a matrix
with missing judgments, consistency (CR, random indices, the worst judgment), priority vectors
and group aggregation (AIJ, AIP). Pure numpy over matrices: no files, no labels' meaning, no
printing.

They sit below ``coopselect.io`` so that a case's group judgments (``[[experts]]``,
:mod:`coopselect.io.loaders.experts`) can compute each expert's priorities and CR while the case
loads; :mod:`coopselect.ahp` (matrices from files, hierarchies, the judgments in force) builds on
them and re-exports them under their former names (``coopselect.ahp.priorities`` ...).
"""
