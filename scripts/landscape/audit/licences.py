"""Read the licence a package index publishes, and compare it with the catalog's SPDX expression.

An index states a licence in one of three ways, from most to least exact: an SPDX expression (PyPI's
`License-Expression`, npm's `license`), free text (PyPI's old `License` field), or trove classifiers.
`published_licence` turns what there is into `Published`: the SPDX ids it names, each as a group of
candidates (the classifier "BSD License" could be BSD-2-Clause or BSD-3-Clause), or nothing when the
text is not recognised. `compare` says whether that agrees with the catalog:

- every licence the package names is one of the licences of the catalog's expression: consistent
  (a package under MIT of a tool listed as `Apache-2.0 AND MIT` is the MIT part of it);
- a licence that is not in the expression but that the entry's `license_note` names by its SPDX id:
  consistent, as the note says which part has it (typically a client SDK of a proprietary service);
- anything else is a disagreement, worded with the licences that are not in the catalog's expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from license_expression import ExpressionError, get_spdx_licensing

PROPRIETARY = "proprietary"

# Trove classifiers (https://pypi.org/classifiers/) that name a licence, by the SPDX ids they may mean.
CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "License :: OSI Approved :: Apache Software License": ("Apache-2.0", "Apache-1.1"),
    "License :: OSI Approved :: MIT License": ("MIT",),
    "License :: OSI Approved :: MIT No Attribution License (MIT-0)": ("MIT-0",),
    "License :: OSI Approved :: BSD License": ("BSD-3-Clause", "BSD-2-Clause", "BSD-4-Clause"),
    "License :: OSI Approved :: ISC License (ISCL)": ("ISC",),
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": ("MPL-2.0",),
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": ("GPL-2.0-only", "GPL-2.0-or-later"),
    "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)": ("GPL-2.0-or-later",),
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": ("GPL-3.0-only", "GPL-3.0-or-later"),
    "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)": ("GPL-3.0-or-later",),
    "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)": ("LGPL-2.1-or-later",),
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": ("LGPL-3.0-only",
                                                                                  "LGPL-3.0-or-later"),
    "License :: OSI Approved :: GNU Affero General Public License v3": ("AGPL-3.0-only", "AGPL-3.0-or-later"),
    "License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)": ("AGPL-3.0-or-later",),
    "License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)": ("EPL-2.0",),
    "License :: OSI Approved :: The Unlicense (Unlicense)": ("Unlicense",),
    # No classifier names a source-available licence, so packages under one choose this.
    "License :: Other/Proprietary License": (PROPRIETARY, "BUSL-1.1", "Elastic-2.0", "SSPL-1.0"),
}

# Free-text licence fields seen on PyPI that are not SPDX ids, by the id they mean (lower case, no punctuation).
FREE_TEXT: dict[str, tuple[str, ...]] = {
    "apache 20": ("Apache-2.0",), "apache license 20": ("Apache-2.0",), "apache license version 20": ("Apache-2.0",),
    "apache software license": ("Apache-2.0",), "apache software license 20": ("Apache-2.0",),
    "apache": ("Apache-2.0",), "apache2": ("Apache-2.0",), "apache 2": ("Apache-2.0",), "asl 20": ("Apache-2.0",),
    "mit license": ("MIT",), "the mit license": ("MIT",), "mit": ("MIT",),
    "bsd": ("BSD-3-Clause", "BSD-2-Clause"), "bsd license": ("BSD-3-Clause", "BSD-2-Clause"),
    "3clause bsd license": ("BSD-3-Clause",), "bsd 3clause": ("BSD-3-Clause",), "new bsd license": ("BSD-3-Clause",),
    "bsd 3clause license": ("BSD-3-Clause",), "modified bsd license": ("BSD-3-Clause",),
    "mozilla public license 20": ("MPL-2.0",), "elastic license 20": ("Elastic-2.0",),
    "business source license 11": ("BUSL-1.1",), "server side public license": ("SSPL-1.0",),
    "proprietary": (PROPRIETARY,), "commercial": (PROPRIETARY,), "other/proprietary license": (PROPRIETARY,),
}
# The first words of a licence pasted in full (after any copyright lines), by the id they start.
FULL_TEXT_STARTS = ((re.compile(r"^\s*apache license,?\s+version 2\.0", re.I), ("Apache-2.0",)),
                    (re.compile(r"^\s*(the )?mit license", re.I), ("MIT",)),
                    (re.compile(r"^\s*(copyright .*\n\s*)*permission is hereby granted, free of charge", re.I), ("MIT",)))


# Ids that the SPDX list has deprecated because they do not say "only" or "or later"; GitHub still detects them.
BARE_GNU = ("GPL-2.0", "GPL-3.0", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "AGPL-1.0", "AGPL-3.0")


@dataclass(frozen=True)
class Published:
    """A package's licence as its index states it: `said` verbatim (shortened), `how` it was stated, and
    `groups`, one tuple of candidate SPDX ids per licence named (empty when not recognised)."""

    said: str
    how: str
    groups: tuple[tuple[str, ...], ...]

    @property
    def shown(self) -> str:
        """What the index says, for messages: the expression, or 'classifiers: MIT License'."""
        return self.said if self.how != "classifiers" else f"classifiers: {self.said}"


@cache
def _licensing():
    return get_spdx_licensing()


def spdx_keys(expression: str) -> tuple[str, ...] | None:
    """The licence ids of a valid SPDX expression, in order, or None when it is not one."""
    try:
        info = _licensing().validate(expression, strict=False)
    except ExpressionError:
        return None
    if info.errors or info.invalid_symbols or not info.normalized_expression:
        return None
    return tuple(dict.fromkeys(_licensing().license_keys(info.normalized_expression)))


def published_licence(*, expression: str | None = None, text: str | None = None,
                      classifiers: tuple[str, ...] = ()) -> Published | None:
    """What the index says, most exact form first; None when it says nothing at all."""
    if expression and expression.strip():
        return Published(expression.strip(), "expression", _expression_groups(expression.strip()))
    named = [c for c in classifiers if c.startswith("License ::")]
    from_classifiers = Published(", ".join(c.rsplit(" :: ", 1)[-1] for c in named), "classifiers",
                                 tuple(CLASSIFIERS[c] for c in named if c in CLASSIFIERS)) if named else None
    if text and text.strip() and text.strip().upper() not in ("UNKNOWN", "NONE"):
        from_text = Published(_short(text), "text", _text_groups(text.strip()))
        # A licence pasted in full that is not recognised says less than the classifiers beside it.
        return from_text if from_text.groups or not (from_classifiers and from_classifiers.groups) else from_classifiers
    return from_classifiers


def _expression_groups(expression: str) -> tuple[tuple[str, ...], ...]:
    """One group per licence of an SPDX expression; a bare GNU id may mean "-only" or "-or-later"."""
    if spdx_keys(expression) is None:
        return ()
    groups = []
    for term in re.split(r"\s+(?:AND|OR)\s+", expression.replace("(", " ").replace(")", " ").strip()):
        licence = term.split(" WITH ")[0].strip()
        groups.append((f"{licence}-only", f"{licence}-or-later") if licence in BARE_GNU else spdx_keys(licence))
    return tuple(dict.fromkeys(groups))


def _text_groups(text: str) -> tuple[tuple[str, ...], ...]:
    if "\n" not in text and len(text) < 100:
        groups = _expression_groups(text)
        if groups:
            return groups
        # "Apache Software License (Apache 2.0)": the words, then the words in parentheses.
        for words in (re.sub(r"\(.*?\)", "", text), *re.findall(r"\((.*?)\)", text)):
            known = FREE_TEXT.get(re.sub(r"\s+", " ", re.sub(r"[^a-z0-9/ ]", "", words.lower())).strip())
            if known:
                return (known,)
    for pattern, ids in FULL_TEXT_STARTS:
        if pattern.search(text):
            return (ids,)
    return ()


def _short(text: str) -> str:
    first = text.strip().splitlines()[0].strip()
    return first if len(first) <= 80 and "\n" not in text.strip() else first[:77].rstrip() + "..."


def compare(catalog: str, published: Published, note: str = "") -> tuple[bool, str]:
    """Whether the published licence agrees with the catalog's `license`, and a sentence saying precisely why.

    `note` is the entry's license_note (both languages): a licence it names by its SPDX id is explained there.
    """
    if catalog == PROPRIETARY:
        catalog_keys: set[str] = {PROPRIETARY}
    else:
        catalog_keys = set(spdx_keys(catalog) or ())
    missing = [group for group in published.groups if not catalog_keys.intersection(group)]
    explained = [group for group in missing if any(re.search(rf"(?<![\w.-]){re.escape(k)}(?![\w-]|\.\w)", note, re.IGNORECASE)
                                                   for k in group)]
    if not missing:
        named = sorted({k for group in published.groups for k in group if k in catalog_keys})
        if set(named) == catalog_keys:
            return True, f"{' and '.join(named)} {'is' if len(named) == 1 else 'are'} the catalog's licence"
        return True, f"{' and '.join(named)} {'is one' if len(named) == 1 else 'are'} of the catalog's licences ({catalog})"
    if len(explained) == len(missing):
        return True, f"license_note names {', '.join(g[0] for g in explained)}"
    absent = " or ".join(missing[0]) if len(missing) == 1 else ", ".join("/".join(g) for g in missing)
    return False, f"{absent} is not among the catalog's licences ({catalog})" + (" nor named in its license_note"
                                                                                if note else "")
