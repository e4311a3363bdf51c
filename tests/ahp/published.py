"""Published pairwise matrices used by the tests (data only, cited where used)."""

# Saaty, T.L. (2008) Decision making with the analytic hierarchy process. Int. J. Services
# Sciences 1(1), 83-98, Table 2 ("Which drink is consumed more in the US?"), with the
# published eigenvector; the same example is in Saaty (1990) EJOR 48, 9-26.
DRINKS_LABELS = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
DRINKS = [
    [1, 9, 5, 2, 1, 1, "1/2"],
    ["1/9", 1, "1/3", "1/9", "1/9", "1/9", "1/9"],
    ["1/5", 3, 1, "1/3", "1/4", "1/3", "1/9"],
    ["1/2", 9, 3, 1, "1/2", 1, "1/3"],
    [1, 9, 4, 2, 1, 2, "1/2"],
    [1, 9, 3, 1, "1/2", 1, "1/3"],
    [2, 9, 9, 3, 2, 3, 1],
]
DRINKS_PUBLISHED = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]

# Saaty, T.L. (1990) How to make a decision: the analytic hierarchy process. EJOR 48, 9-26,
# section "buying a house": Table 2 (criteria, published priorities and lambda_max = 9.669,
# C.I. = 0.238, C.R. = 0.169) and Table 3 (houses A, B, C under each criterion), overall
# priorities A 0.396, B 0.341, C 0.263. The matrices also appear in LINDO's model
# AnaHierProc02 (lindo.com), which cites this paper.
HOUSE_CRITERIA = [
    "size",
    "transportation",
    "neighborhood",
    "age",
    "yard",
    "modern_facilities",
    "condition",
    "financing",
]
HOUSE_CRITERIA_MATRIX = [
    [1, 5, 3, 7, 6, 6, "1/3", "1/4"],
    ["1/5", 1, "1/3", 5, 3, 3, "1/5", "1/7"],
    ["1/3", 3, 1, 6, 3, 4, 6, "1/5"],
    ["1/7", "1/5", "1/6", 1, "1/3", "1/4", "1/7", "1/8"],
    ["1/6", "1/3", "1/3", 3, 1, "1/2", "1/5", "1/6"],
    ["1/6", "1/3", "1/4", 4, 2, 1, "1/5", "1/6"],
    [3, 5, "1/6", 7, 5, 5, 1, "1/2"],
    [4, 7, 5, 8, 6, 6, 2, 1],
]
HOUSE_CRITERIA_PUBLISHED = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
HOUSE_LAMBDA, HOUSE_CI, HOUSE_CR = 9.669, 0.238, 0.169
HOUSES = ["A", "B", "C"]
HOUSE_ALTERNATIVES = {
    "size": [[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]],
    "transportation": [[1, 7, "1/5"], ["1/7", 1, "1/8"], [5, 8, 1]],
    "neighborhood": [[1, 8, 6], ["1/8", 1, "1/4"], ["1/6", 4, 1]],
    "age": [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
    "yard": [[1, 5, 4], ["1/5", 1, "1/3"], ["1/4", 3, 1]],
    "modern_facilities": [[1, 8, 6], ["1/8", 1, "1/5"], ["1/6", 5, 1]],
    "condition": [[1, "1/2", "1/2"], [2, 1, 1], [2, 1, 1]],
    "financing": [[1, "1/7", "1/5"], [7, 1, 3], [5, "1/3", 1]],
}
HOUSE_GLOBAL_PUBLISHED = [0.396, 0.341, 0.263]
