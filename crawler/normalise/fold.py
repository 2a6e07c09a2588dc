"""Words a case-insensitive pattern matched, made fit to look up in a table of plain words.

Python's ``re.IGNORECASE`` also matches look-alike letters: 'ſ' (long s) for s, 'K' (Kelvin
sign) for k, 'İ' (dotted capital I) for i. 'ſept 2020' or 'ſix years old' then match a pattern,
but 'ſept'.lower() is no key of the month or number table: a page that used them raised
KeyError mid-harvest.
"""

from __future__ import annotations

import unicodedata


def plain(word: str) -> str:
    """Lower-case ASCII: 'ſept' -> 'sept', 'Apri̇l' -> 'april'."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
