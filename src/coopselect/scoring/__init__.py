"""Scoring: indicators -> country favourability -> (country, mode) pair performance."""
