"""The report boundary's client-clean text: :mod:`coopselect.clienttext`, which every output
shares (kept here so that report modules import it where they always have)."""

from coopselect.clienttext import INTERNAL_TOKENS, clean_value, client_clean, internal_tokens

__all__ = ["INTERNAL_TOKENS", "clean_value", "client_clean", "internal_tokens"]
