"""Platform adapters: layouts that are really platforms, each behind one hook.

``claim(page, units, context) -> Claim | None``: an adapter looks at a page (its units in
reading order, before sectioning) and either passes, or takes the units it understands and
returns the reviews they hold. What no adapter takes goes through the generic path (segment,
classify, fields). Anything specific to one platform lives in its adapter and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Claim:
    reviews: list  # of Review
    units: list = field(default_factory=list)  # the units it took
    whole_page: bool = False  # the page is the adapter's alone (a committee report page)


def adapters():
    """The hooks, tried in order."""
    from . import govuk, moderngov, nspcc

    return [moderngov.claim, nspcc.claim, govuk.claim]
