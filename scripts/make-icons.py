#!/usr/bin/env python3
"""Renders the web app's PNG icons from icons/icon.svg with Debian's Chromium (through Playwright).

Run it after changing the SVG: .venv/bin/python scripts/make-icons.py
"""
import pathlib

from playwright.sync_api import sync_playwright

ICONS = pathlib.Path(__file__).resolve().parent.parent / "Sources/GluteServer/Resources/web/icons"
SVG = (ICONS / "icon.svg").read_text()

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for size, name, inset in [(192, "icon-192.png", 0), (512, "icon-512.png", 0), (512, "icon-maskable-512.png", 0.1)]:
        page = browser.new_page(viewport={"width": size, "height": size})
        pad = int(size * inset)
        background = "#1d4e89" if inset else "transparent"
        page.set_content(
            f'<html><body style="margin:0;background:{background}">'
            f'<div style="padding:{pad}px;width:{size - 2 * pad}px;height:{size - 2 * pad}px">{SVG}</div></body></html>')
        page.locator("svg").evaluate("(svg) => { svg.setAttribute('width', '100%'); svg.setAttribute('height', '100%'); }")
        page.screenshot(path=str(ICONS / name), omit_background=not inset)
        page.close()
    browser.close()
