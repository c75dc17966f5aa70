"""Licence families, derived from a tool's SPDX expression with the ScanCode LicenseDB.

license-expression bundles ScanCode's licence index, which puts every licence in a category
(Permissive, Copyleft Limited, Copyleft, Source-available, ...). A family is read from those
categories, not from a hand-written list: AND takes the most restrictive part (all of it
applies), OR the least restrictive (the user may choose).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import license_expression
from license_expression import OR, LicenseSymbol, LicenseWithExceptionSymbol

from .checks import spdx_licensing

PROPRIETARY = "proprietary"
# Families from the least to the most restrictive.
FAMILIES = ("permissive", "weak-copyleft", "strong-copyleft", "source-available", PROPRIETARY)
_BY_CATEGORY = {
    "Permissive": "permissive",
    "Public Domain": "permissive",
    "Copyleft Limited": "weak-copyleft",
    "Copyleft": "strong-copyleft",
    "Source-available": "source-available",
    "Free Restricted": "source-available",
    "Proprietary Free": PROPRIETARY,
    "Commercial": PROPRIETARY,
}
_INDEX = Path(license_expression.__file__).parent / "data" / "scancode-licensedb-index.json"


@cache
def _categories() -> dict[str, str]:
    """SPDX id (and LicenseRef-scancode-... id) -> ScanCode category."""
    found = {}
    for entry in json.loads(_INDEX.read_text(encoding="utf-8")):
        for key in (entry.get("spdx_license_key"), *entry.get("other_spdx_license_keys", [])):
            if key and entry.get("category"):
                found[key] = entry["category"]
    return found


@cache
def licence_family(expression: str) -> str:
    """The family of a catalog licence: an SPDX expression, or the word `proprietary`."""
    if expression == PROPRIETARY:
        return PROPRIETARY
    return _family(spdx_licensing().parse(expression))


def _family(node) -> str:
    if isinstance(node, LicenseWithExceptionSymbol):  # an exception only widens what the licence allows
        return _family(node.license_symbol)
    if isinstance(node, LicenseSymbol):
        return _BY_CATEGORY.get(_categories().get(node.key, ""), PROPRIETARY)
    families = [FAMILIES.index(_family(arg)) for arg in node.args]
    if isinstance(node, OR):  # the user may choose
        return FAMILIES[min(families)]
    return FAMILIES[max(families)]  # AND: every part applies
