"""The web app's files without a browser: the service worker caches every one of them (so the app
opens offline whole), nothing refers to another host, and no page carries inline script or style."""
from __future__ import annotations

import json
import re

from conftest import ROOT

WEB = ROOT / "Sources/GluteServer/Resources/web"


def served_files() -> set[str]:
    return {"/" + str(path.relative_to(WEB)) for path in WEB.rglob("*") if path.is_file()} - {"/sw.js"}


def test_the_service_worker_caches_every_file_of_the_app():
    worker = (WEB / "sw.js").read_text()
    listed = set(re.findall(r"^\s*'(/[^']*)',$", worker, flags=re.M))
    assert listed - {"/"} == served_files()
    assert re.search(r"const VERSION = '[^']+';", worker)


def test_nothing_refers_to_another_host():
    for path in WEB.rglob("*"):
        if path.suffix in {".html", ".js", ".css", ".webmanifest", ".svg"}:
            text = path.read_text()
            for url in re.findall(r"https?://[^\s'\"<>)]+", text):
                assert url.startswith("http://www.w3.org/2000/svg"), f"{path.name} refers to {url}"


def test_no_inline_script_or_style_in_the_page():
    page = (WEB / "index.html").read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", page), "inline event handler"
    for script in WEB.rglob("*.js"):
        text = script.read_text()
        assert "innerHTML" not in text and "eval(" not in text and "new Function" not in text, script.name


def test_the_manifest_installs_with_icons_that_exist():
    manifest = json.loads((WEB / "manifest.webmanifest").read_text())
    assert manifest["display"] == "standalone" and manifest["start_url"].startswith("/")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (WEB / icon["src"].lstrip("/")).is_file()
