"""Read a built site the way a link checker does: every id, and every link, in HTML and SVG files.

Standard library only. Links are resolved like a browser resolves them from the
page's URL; `broken_links` lists those whose file or #anchor does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "xlink:href", "data", "poster"}


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.scan.ids.add(value)
            elif name in LINK_ATTRIBUTES and not (tag == "link" and ("rel", "canonical") in attrs):
                if tag == "link" and ("rel", "alternate") in attrs:
                    continue  # absolute alternates point at the published host
                self.scan.links.append((tag, value))
            elif name == "srcset":
                self.scan.links += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


@cache
def scan(path: Path) -> PageScan:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    return scanner.scan


def page_url(site: Path, path: Path) -> str:
    """The URL path a file is served at, e.g. site/en/landscape/index.html -> /en/landscape/index.html."""
    return "/" + path.relative_to(site).as_posix()


def resolve(site: Path, url: str) -> Path | None:
    """The file a site URL path names (directories serve their index.html)."""
    target = site / unquote(url).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(site: Path) -> list[str]:
    """Every internal link (href, src, xlink:href, data) in *.html and *.svg that leads nowhere."""
    problems = []
    for path in sorted([*site.rglob("*.html"), *site.rglob("*.svg")]):
        if "assets" in path.relative_to(site).parts[:1]:
            continue  # theme assets (icons) carry no links of ours
        base = "http://site" + page_url(site, path)
        for tag, link in scan(path).links:
            absolute = urljoin(base, link)
            parts = urlsplit(absolute)
            if parts.scheme in ("mailto", "tel", "data") or parts.netloc != "site":
                continue
            target = resolve(site, parts.path)
            if target is None:
                problems.append(f"{page_url(site, path)}: <{tag}> {link}: no such file")
            elif parts.fragment and target.suffix in (".html", ".svg") and unquote(parts.fragment) not in scan(target).ids:
                problems.append(f"{page_url(site, path)}: <{tag}> {link}: no #{parts.fragment} in {page_url(site, target)}")
    return problems
