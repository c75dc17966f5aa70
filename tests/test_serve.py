"""`mkdocs serve`: a catalog edit regenerates the pages and rebuilds once, with no rebuild loop; a broken
catalog shows its problems in the browser, and the next good save brings the site back."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import copy_project
from landscape.load import load_catalog


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def test_a_catalog_edit_rebuilds_once_and_serves_the_change_and_a_broken_save_shows_its_problems(tmp_path):
    root = copy_project(tmp_path / "project")
    tool = load_catalog(root / "catalog").tools[0]  # any tool: what counts is that its page changes
    tool_file = root / tool.file
    page = f"/en/landscape/tools/{tool.id}/"
    log = tmp_path / "serve.log"
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        builds = lambda: log.read_text().count("Documentation built")  # noqa: E731
        wait_for(lambda: "Serving on" in log.read_text(), 120, "the server to start")
        assert builds() == 1

        good = re.sub(r"(?m)^steward: .*$", "steward: Edited Steward For The Serve Test", tool_file.read_text())
        tool_file.write_text(good)
        wait_for(lambda: builds() == 2, 60, "the rebuild after the edit")
        time.sleep(5)  # long enough for a second rebuild (build delay 0.25 s) to have started
        assert builds() == 2, log.read_text()[-3000:]
        assert "Edited Steward For The Serve Test" in fetch(f"http://127.0.0.1:{port}{page}")

        tool_file.write_text(good.replace("model: ", "model: not-a-model-", 1))
        wait_for(lambda: builds() == 3, 60, "the rebuild after the broken save")
        shown = html.unescape(fetch(f"http://127.0.0.1:{port}{page}"))
        assert "The catalogue has problems" in shown
        assert re.search(rf"{re.escape(tool.file)}:\d+:\d+</code> <strong>model</strong>: 'not-a-model-", shown)
        assert "El catálogo tiene errores" in fetch(f"http://127.0.0.1:{port}/")

        tool_file.write_text(good)
        wait_for(lambda: builds() == 4, 60, "the rebuild after the fix")
        assert "Edited Steward For The Serve Test" in fetch(f"http://127.0.0.1:{port}{page}")
    finally:
        server.terminate()
        server.wait(timeout=30)
