"""`mkdocs serve`: a catalog edit regenerates the pages and rebuilds once, with no rebuild loop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import copy_project


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


def test_a_catalog_edit_rebuilds_once_and_serves_the_change(tmp_path):
    root = copy_project(tmp_path / "project")
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

        feast = root / "catalog/tools/feast.yml"
        feast.write_text(feast.read_text().replace("Open-source feature store", "Feature store, open source,"))
        wait_for(lambda: builds() == 2, 60, "the rebuild after the edit")
        time.sleep(5)  # long enough for a second rebuild (build delay 0.25 s) to have started
        assert builds() == 2, log.read_text()[-3000:]

        generated = (root / "docs/en/landscape/feature-stores.md").read_text()
        assert "Feature store, open source," in generated
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/landscape/feature-stores/") as response:
            assert "Feature store, open source," in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
