"""Robustness: weight sampling, SMAA-2 acceptability, one-at-a-time sweeps, critical weights."""
