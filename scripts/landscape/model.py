"""The catalog as typed objects: what the loader produces and the renderers read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGS = ("es", "en")  # the default language, served at /, first


@dataclass(frozen=True)
class Text:
    """The same sentence in every language of the site."""

    es: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Phase:
    """A stage of the ML lifecycle; a lane in the diagram."""

    id: str
    name: Text
    spans_all: bool = False


@dataclass(frozen=True)
class Category:
    """A group of tools with one page per language, in one phase."""

    id: str
    phase: str
    name: Text
    description: Text


@dataclass(frozen=True)
class LicenseChange:
    date: str
    old: str
    new: str


@dataclass(frozen=True)
class Tool:
    """One tool, as its file `catalog/tools/<id>.yml` describes it."""

    id: str
    file: str
    name: str
    category: str
    homepage: str
    license: str
    model: str
    deployment: str
    steward: str
    status: str
    description: Text
    checked: dt.date
    sources: tuple[str, ...]
    also_in: tuple[str, ...] = ()
    repository: str | None = None
    docs: str | None = None
    license_note: Text | None = None
    license_changes: tuple[LicenseChange, ...] = ()
    successor: str | None = None
    former_names: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()  # earlier ids, whose addresses redirect to this tool's page

    @property
    def categories(self) -> tuple[str, ...]:
        """The main category first, then the others it belongs to."""
        return (self.category, *self.also_in)


@dataclass(frozen=True)
class Catalog:
    """Everything the site is generated from, in display order."""

    phases: tuple[Phase, ...]
    categories: tuple[Category, ...]
    tools: tuple[Tool, ...]
    _by_category: dict[str, tuple[Tool, ...]] = field(default_factory=dict, compare=False, repr=False)
    _by_id: dict[str, Tool] = field(default_factory=dict, compare=False, repr=False)
    _categories_by_id: dict[str, Category] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((t.id, t) for t in self.tools)
        self._categories_by_id.update((c.id, c) for c in self.categories)
        members: dict[str, list[Tool]] = {category.id: [] for category in self.categories}
        for tool in self.tools:  # one pass over the tools, not one per category
            for category_id in tool.categories:
                members.setdefault(category_id, []).append(tool)
        for category in self.categories:
            # Tools whose main category this is come first, each group by name.
            self._by_category[category.id] = tuple(sorted(
                members[category.id], key=lambda t: (t.category != category.id, t.name.casefold())))

    def tools_in(self, category_id: str) -> tuple[Tool, ...]:
        """Tools listed on a category's page: its own, then those also in it."""
        return self._by_category[category_id]

    def category(self, category_id: str) -> Category:
        return self._categories_by_id[category_id]

    def tool(self, tool_id: str) -> Tool | None:
        return self._by_id.get(tool_id)
