#!/usr/bin/env python3
"""Refreshes the README's picture: the Today page of a desk worker on a phone (360 x 740), after
a couple of logged sides, with the next wake-up call showing. Run by `make screenshots`.

Usage: .venv/bin/python Tests/Browser/screenshots.py docs/today.png
"""
from __future__ import annotations

import datetime
import pathlib
import shutil
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from conftest import CHROMIUM, SIZES, ZONE, GluteServer  # noqa: E402
from flows import quick_client  # noqa: E402

BERLIN = datetime.timezone(datetime.timedelta(hours=1))


def main(target: str) -> None:
    folder = pathlib.Path(tempfile.mkdtemp(prefix="glute-screenshot-"))
    server = GluteServer(folder, datetime.datetime(2026, 3, 2, 16, 0, tzinfo=BERLIN).isoformat()).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport=SIZES["phone"], timezone_id=ZONE, locale="en-GB",
                                          device_scale_factor=1)
            page = context.new_page()
            page.clock.install(time=datetime.datetime(2026, 3, 2, 10, 20, tzinfo=BERLIN))
            quick_client(page, server.url, "screenshot@example.com")
            expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
            first = page.get_by_role("article", name="Single-side glute squeeze")
            first.get_by_role("button", name="as prescribed").first.click()
            expect(first.get_by_text("Logged.")).to_be_visible()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=target)
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/today.png")
