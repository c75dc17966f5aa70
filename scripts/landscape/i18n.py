"""Language rules for generated text: plural forms, numbers and dates, from CLDR through Babel.

Counted strings in strings.yml are maps from CLDR plural categories to patterns,
`{one: "{count} herramienta", other: "{count} herramientas"}`; `plural` picks the
form the language's rules ask for, so no template writes `if n == 1`. Dates in
running text are written as readers write them ("26 de noviembre de 2026",
"26 November 2026"); ISO stays in data and machine-readable attributes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

# The CLDR locale behind each language of the site. English follows British spelling ("licence"),
# so its dates are British too: "26 November 2026".
LOCALES = {"es": "es", "en": "en_GB"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def plural(forms: Mapping[str, str], count: int, lang: str, **values: object) -> str:
    """The pattern of `forms` for `count` in `lang`, filled with the count (written as the
    language writes numbers) and `values`. `forms` needs at least the `other` category."""
    pattern = forms.get(_locale(lang).plural_form(count), forms["other"])
    return pattern.format(count=format_decimal(count, locale=LOCALES[lang]), **values)


def long_date(day: dt.date, lang: str) -> str:
    """A date as running text writes it in `lang`."""
    return format_date(day, "long", locale=LOCALES[lang])


def medium_date(day: dt.date, lang: str) -> str:
    """A date as a table cell writes it in `lang`: "1 dic 2026", "1 Dec 2026"."""
    return format_date(day, "medium", locale=LOCALES[lang])
def long_month_or_date(value: str, lang: str) -> str:
    """An ISO date (YYYY-MM-DD) or month (YYYY-MM) as running text writes it: "mayo de 2024", "May 2024"."""
    if len(value) == 7:
        return format_skeleton("yMMMM", dt.date.fromisoformat(f"{value}-01"), locale=LOCALES[lang])
    return long_date(dt.date.fromisoformat(value), lang)
