"""Every page at phone and desktop size: an axe-core check (no serious or critical violation),
a screenshot kept under .build/screenshots, keyboard reach and visible focus, and the
Content-Security-Policy on the app's files."""
from __future__ import annotations

import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import SIZES, shot
from flows import api_post, create_coach, quick_client, sign_in, sign_up, sync_clock

AXE = Axe()


def check(page, name: str, size: str) -> None:
    page.wait_for_load_state("networkidle")
    results = AXE.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)
    shot(page, name, size)


CLIENT_PAGES = [
    ("today", "Today, Mon"), ("plan", "Your findings and plan"), ("progress", "Progress"), ("history", "History"),
    ("more", "More"), ("retest", "Retest"), ("form", "Form analysis"), ("import", "Import and export"),
    ("ergonomics", "Ergonomics checklist"), ("settings", "Profile settings"), ("account", "Account"),
]


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_is_accessible(make_server, open_context, size):
    server = make_server("2026-03-02T16:00:00+01:00")
    create_coach(server, f"coach-{size}@example.com")
    context, _ = open_context(size)
    page = context.new_page()
    sync_clock(page, server)
    page.goto(server.url + "/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    check(page, "signin", size)
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    check(page, "signup", size)

    # The assessment's first step, a test with its drawing, and the review.
    sign_up(page, server.url, f"tour-{size}@example.com")
    expect(page.get_by_role("heading", name="Safety first")).to_be_visible()
    check(page, "assessment-safety", size)
    page.evaluate("""() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('glute.draft.'));
        const draft = JSON.parse(localStorage.getItem(key));
        draft.step = 6;
        localStorage.setItem(key, JSON.stringify(draft));
    }""")
    page.reload()
    expect(page.get_by_role("heading", name="Single-leg glute bridge")).to_be_visible()
    expect(page.get_by_role("img", name="Lying on your back")).to_be_visible()
    check(page, "assessment-bridge", size)
    page.evaluate("""() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('glute.draft.'));
        const draft = JSON.parse(localStorage.getItem(key));
        draft.step = 14;
        localStorage.setItem(key, JSON.stringify(draft));
    }""")
    page.reload()
    expect(page.get_by_role("heading", name="Check and send")).to_be_visible()
    check(page, "assessment-review", size)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()

    # A client with a plan and a few entries.
    quick_client(page, server.url, f"client-{size}@example.com")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    api_post(page, "/api/me/sets", {"exercise": "glute-bridge", "reps": [12, 12], "felt": "glutes", "pain": 0})
    api_post(page, "/api/me/wakeups", {"outcome": "done"})
    for route, heading in CLIENT_PAGES:
        page.goto(f"{server.url}/#/{route}")
        expect(page.get_by_role("heading", name=heading, exact=False).first).to_be_visible()
        check(page, route, size)
    page.goto(f"{server.url}/#/plan")
    page.get_by_role("button", name="gluteal amnesia").first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    check(page, "explain", size)
    page.keyboard.press("Escape")

    # Keyboard: the skip link comes first and shows when focused; every control is reachable.
    page.goto(f"{server.url}/#/today")
    page.reload()
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_focused()
    assert page.url.endswith("#/today")
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.textContent.trim().slice(0, 40)"))
    assert any("as prescribed" in text for text in seen), seen

    # The coach's pages.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    sign_in(page, server.url, f"coach-{size}@example.com")
    expect(page.get_by_role("heading", name="Clients")).to_be_visible()
    check(page, "coach-dashboard-empty", size)
    page.get_by_role("link", name="Invitations").click()
    page.get_by_role("button", name="Make an invitation code").click()
    expect(page.get_by_text("New code:")).to_be_visible()
    check(page, "coach-invitations", size)

    # The app's files carry the strict policy.
    with urllib.request.urlopen(server.url + "/") as answer:
        policy = answer.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("size", list(SIZES))
def test_referral_page_is_accessible(make_server, open_context, size):
    server = make_server("2026-03-02T16:00:00+01:00")
    context, _ = open_context(size)
    page = context.new_page()
    sync_clock(page, server)
    page.goto(server.url + "/#/signin")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    api_post(page, "/api/signup", {"email": "flagged@example.com", "password": "correct horse battery staple"})
    flags = {k: False for k in ("saddleNumbness", "bladderOrBowelChange", "progressiveLegWeakness",
                                "unexplainedWeightLoss", "constantNightPain", "recentTrauma")}
    flags["progressiveLegWeakness"] = True
    api_post(page, "/api/me/assessments", {"version": 1, "screening": {"redFlags": flags}})
    page.reload()
    expect(page.get_by_role("heading", name="See a clinician now")).to_be_visible()
    check(page, "referral", size)
