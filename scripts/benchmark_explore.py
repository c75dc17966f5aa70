#!/usr/bin/env python3
"""Measure the explore page on a synthetic catalog: its size over the wire and the time a filter takes.

    python scripts/benchmark_explore.py [--tools 2000] [--changes 9] [--keep]

Builds, in a temporary folder, the same synthetic project as scripts/benchmark.py (N tools), runs
`mkdocs build`, then reports:

- the explore page's HTML size, raw and gzip-compressed (what a static host sends);
- the text filter's data file (explore/search.json, loaded at the first text filter) and the compare
  page's (compare/tools.json), raw and gzip-compressed;
- the time one filter change takes to update the table in headless Chromium: from ticking a
  facet's checkbox to the next frame after it (the script's filtering and counting, style and
  layout), the median and the slowest of several changes.

It reports; nothing here asserts on a number. Needs the project's test extras (Playwright) and
a Chromium (`chromium`, `chromium-browser` or `google-chrome` on the PATH).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import make_project  # noqa: E402  (the synthetic catalog both benchmarks use)

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Tick a checkbox, then wait for the frame after it: filtering, counts, style and layout included.
MEASURE = """async (selector) => {
  const box = document.querySelector(selector);
  const started = performance.now();
  box.click();
  const script = performance.now() - started;
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return [performance.now() - started, script];
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def sizes(path: Path) -> tuple[float, float]:
    """(raw kB, gzip kB) of one file."""
    data = path.read_bytes()
    return len(data) / 1000, len(gzip.compress(data, 6)) / 1000


def filter_times(site: Path, changes: int) -> list[float]:
    """Milliseconds each of `changes` facet ticks takes on the built explore page."""
    from playwright.sync_api import sync_playwright

    executable = next(filter(None, map(shutil.which, BROWSERS)), None)
    if not executable:
        raise SystemExit("benchmark_explore: no Chromium found (apt-get install chromium)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{server.server_port}/explore/", wait_until="networkidle")
            page.wait_for_selector("#ls-explore[data-ready]")
            boxes = page.eval_on_selector_all(
                ".ls-filters input[type=checkbox]",
                "boxes => boxes.map(b => `.ls-filters input[name='${b.name}'][value='${b.value}']`)")
            times = []
            for i in range(changes):
                times.append(page.evaluate(MEASURE, boxes[i % len(boxes)]))
            print("script part of each change (ms):", [round(s, 1) for _, s in times], file=sys.stderr)
            times = [total for total, _ in times]
            browser.close()
    finally:
        server.shutdown()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", type=int, default=2000, help="synthetic catalog size (default 2000)")
    parser.add_argument("--changes", type=int, default=9, help="filter changes to time (default 9)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project and print its path")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="explore-bench-"))
    try:
        project = make_project(work, args.tools)
        print(f"building a site of {args.tools} tools in {project.categories} categories...", file=sys.stderr)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=work, env=env, check=True)
        site = work / "site"
        explore_raw, explore_gz = sizes(site / "explore" / "index.html")
        search_raw, search_gz = sizes(site / "explore" / "search.json")
        data_raw, data_gz = sizes(site / "compare" / "tools.json")
        times = filter_times(site, args.changes)
        print("| tools | explore page | explore page, gzip | search text | search text, gzip | compare data "
              "| compare data, gzip | filter change, median | filter change, slowest |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(f"| {args.tools:,} | {explore_raw:,.0f} kB | {explore_gz:,.0f} kB | {search_raw:,.0f} kB "
              f"| {search_gz:,.0f} kB | {data_raw:,.0f} kB | {data_gz:,.0f} kB "
              f"| {statistics.median(times):.1f} ms | {max(times):.1f} ms |")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
