"""Offline: the server stopped, the app opens from its cache with the last fetched today, a set is
logged, the server comes back, and the set is stored once, even when the first answer is lost."""
from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from conftest import SIZES, shot
from flows import api, quick_client, wait_for_service_worker

NOW = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


@pytest.mark.parametrize("size", list(SIZES))
def test_offline_set_is_stored_once(make_server, open_context, size):
    server = make_server(NOW.isoformat())
    context, guard = open_context(size)
    page = context.new_page()
    page.clock.install(time=NOW - datetime.timedelta(minutes=5))
    quick_client(page, server.url, f"offline-{size}@example.com")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    wait_for_service_worker(page)
    page.reload()  # today's answer is now in the service worker's data cache
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()

    # The network is cut: the server stops.
    server.stop()
    guard.allow(r"net::ERR_|Failed to load resource|FetchEvent|503")
    page.reload()
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    expect(page.locator("#banner")).to_contain_text("Offline: showing what was fetched")
    item = page.get_by_role("article", name="Glute bridge", exact=True)
    item.get_by_role("button", name="as prescribed").click()
    expect(item.get_by_text("Saved on this device")).to_be_visible()
    expect(page.locator("#banner")).to_contain_text("1 entry waits to be sent")
    shot(page, "offline", size)

    # The server returns; the first answer is lost on the way back (the set got there).
    server.start()
    lost = []

    def lose_answer(route):
        if route.request.method == "POST" and not lost:
            route.fetch()
            lost.append(route.request.headers.get("idempotency-key"))
            route.abort()
        else:
            route.continue_()

    page.route("**/api/me/sets", lose_answer)
    page.clock.run_for("00:00:31")
    for _ in range(100):
        if lost:
            break
        page.wait_for_timeout(100)
    assert len(lost) == 1
    page.unroute("**/api/me/sets")
    page.clock.run_for("00:00:31")
    expect(page.locator("#banner")).not_to_contain_text("waits to be sent", timeout=10000)

    sets = [entry for entry in api(page, "/api/me/history?limit=100") if entry["kind"] == "set"]
    assert len(sets) == 1, sets
    assert sets[0]["entry"]["exerciseId"] == "glute-bridge" and sets[0]["entry"]["reps"] == [12, 12]
