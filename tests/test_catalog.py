"""The real catalog: it passes every rule `landscape check` states, on the real date.

Facts of today's catalog (how many tools, which ones) are the contributors' to change, so
nothing here asserts them; the rules themselves are tested on fixture catalogs in test_checks.py.
"""

from __future__ import annotations

from conftest import landscape


def test_the_catalog_passes_its_checks():
    result = landscape("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("catalog OK")
