"""Real-browser tests of the web app: Debian's Chromium driven by Playwright, against a real
`glute serve` on an ephemeral loopback port with a temporary database and GLUTE_NOW fixed per
scenario (the server is restarted to move days, on the same port so the origin stays the same).

Every page must stay on 127.0.0.1 (any other host is aborted and fails the test) and log no
console error. Screenshots go to .build/screenshots (not committed).
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("GLUTE_BINARY", ROOT / ".build/debug/glute"))
CHROMIUM = os.environ.get("GLUTE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / ".build/screenshots"
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
PASSWORD = "correct horse battery staple"
ZONE = "Europe/Berlin"


class GluteServer:
    """One `glute serve` over one database; `restart(now)` moves its clock, keeping the port."""

    def __init__(self, folder: pathlib.Path, now: str):
        self.folder = folder
        self.database = folder / "glute.sqlite"
        self.now = now
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log = folder / "serve.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, now: str | None = None) -> "GluteServer":
        if now:
            self.now = now
        env = {**os.environ, "GLUTE_NOW": self.now, "TZ": "UTC"}
        log = open(self.log, "a")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(self.port), "--database", str(self.database)],
            env=env, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        pattern = re.compile(r"serves http://127\.0\.0\.1:(\d+)/")
        while time.monotonic() < deadline:
            found = pattern.findall(self.log.read_text())
            if found and (self.port == 0 or int(found[-1]) == self.port) and len(found) >= self.starts + 1:
                self.port = int(found[-1])
                self.starts += 1
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"glute serve exited: {self.log.read_text()}")
            time.sleep(0.05)
        raise RuntimeError(f"glute serve did not start: {self.log.read_text()}")

    starts = 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def restart(self, now: str) -> None:
        self.stop()
        self.start(now)

    def glute(self, *arguments: str, stdin: str | None = None) -> str:
        """Runs a `glute` command on the same database (as an operator would, server running)."""
        result = subprocess.run(
            [str(BINARY), *arguments, "--database", str(self.database)], input=stdin, capture_output=True,
            text=True, env={**os.environ, "GLUTE_NOW": self.now, "TZ": "UTC"}, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture(scope="session")
def playwright_instance():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    assert BINARY.exists(), f"build glute first ({BINARY} is missing)"
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield browser
    browser.close()


@pytest.fixture
def make_server():
    folders: list[pathlib.Path] = []
    servers: list[GluteServer] = []

    def make(now: str) -> GluteServer:
        folder = pathlib.Path(tempfile.mkdtemp(prefix="glute-browser-"))
        folders.append(folder)
        server = GluteServer(folder, now).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


class Guard:
    """Collects what must not happen on a page: requests off 127.0.0.1 and console errors."""

    def __init__(self):
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.allowed: list[re.Pattern] = []

    def allow(self, pattern: str):
        """Lets console errors matching `pattern` pass (a scenario that cuts the network)."""
        self.allowed.append(re.compile(pattern))

    def console(self, message):
        if message.type == "error" and not any(p.search(message.text) for p in self.allowed):
            self.errors.append(f"{message.text} at {message.location}")

    def check(self):
        assert not self.foreign, f"requests left 127.0.0.1: {self.foreign}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture
def open_context(browser):
    """Opens a browser context at a size, guarded; yields (context, guard)."""
    made = []

    def open_(size: str, **options):
        context = browser.new_context(viewport=SIZES[size], timezone_id=ZONE, locale="en-GB", **options)
        guard = Guard()

        def route(route):
            host = urlparse(route.request.url).hostname
            if host != "127.0.0.1":
                guard.foreign.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", route)
        context.on("request", lambda request: (urlparse(request.url).hostname not in ("127.0.0.1", None)
                                               and request.url.startswith("http")
                                               and guard.foreign.append(request.url)))
        context.on("page", lambda page: attach(page, guard))
        made.append((context, guard))
        return context, guard

    def attach(page, guard):
        page.on("console", guard.console)
        if os.environ.get("GLUTE_BROWSER_TRACE"):
            page.on("response", lambda r: print("TRACE", r.request.method, r.url, r.status, page.url, r.request.resource_type, r.from_service_worker))
            page.on("console", lambda m: print("CONSOLE", m.type, m.text))
            page.add_init_script("""const f = window.fetch; window.fetch = (...a) => { if (String(a[0]).includes('today')) console.log('FETCH', a[0], new Error().stack); return f(...a); }; window.addEventListener('hashchange', () => console.log('HASH', location.hash));""")
        page.on("pageerror", lambda error: guard.errors.append(f"page error: {error}"))

    yield open_
    for context, guard in made:
        context.close()
    for context, guard in made:
        guard.check()


def shot(page, name: str, size: str) -> None:
    """Keeps a full-page screenshot as a test artefact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)
