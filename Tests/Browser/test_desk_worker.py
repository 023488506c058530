"""A desk worker's first week: sign-up, screen, assessment, plan, logging on three days, wake-up
calls with the page's clock driven by the test, and the progress charts showing them."""
from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

from conftest import SIZES, shot
from flows import api, case, settle, sign_up, take_assessment

BERLIN = datetime.timezone(datetime.timedelta(hours=1))


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


def log_activation(page) -> int:
    """Logs every side of the activation session as prescribed: one tap each."""
    session = page.get_by_role("region", name="Activation session, about 7 minutes")
    buttons = session.get_by_role("button", name="as prescribed")
    count = buttons.count()
    assert count >= 3
    for index in range(count):
        buttons.nth(index).click()
        expect(session.get_by_text("Logged.").nth(index)).to_be_visible()
    return count


@pytest.mark.parametrize("size", list(SIZES))
def test_first_week(make_server, open_context, size):
    # The server's day runs to the afternoon; the page's clock starts before work.
    server = make_server(at(2, 16, 30).isoformat())
    context, guard = open_context(size)
    page = context.new_page()
    page.clock.install(time=at(2, 8, 50))
    email = f"desk-{size}@example.com"

    sign_up(page, server.url, email)
    steps = []
    take_assessment(page, case("desk-worker-left-amnesia"), screenshots=lambda title: steps.append(title))
    assert steps[0] == "Safety first" and steps[-1] == "Check and send" and len(steps) == 15

    # Findings in plain words, with their evidence, and the plan with its reasons and gates.
    expect(page.get_by_role("heading", name="Your findings and plan")).to_be_visible()
    finding = page.get_by_role("article", name="recruitment deficit")
    expect(finding).to_contain_text("lower back")
    finding.get_by_text("The evidence").click()
    expect(finding).to_contain_text("Freckleton")
    expect(page.get_by_text("Locked: loaded deadlifts")).to_be_visible()
    expect(page.get_by_text("Unlocks when: single-leg bridge felt in glutes on both sides")).to_be_visible()
    page.get_by_role("button", name="gluteal amnesia").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("How strong the evidence is: weak")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    shot(page, "plan", size)

    # Monday: the activation session, one tap per side.
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    first = page.get_by_role("article", name="Single-side glute squeeze")
    expect(first.locator("h4").first).to_have_text("Left side first: 2 × 15 s (range 15–30)")
    log_activation(page)
    shot(page, "today", size)

    # Wake-up calls: 10:00 is done, 11:00 is skipped; none before work.
    expect(page.locator("#wakeup")).to_be_hidden()
    page.clock.run_for("01:10:30")
    call = page.locator("#wakeup")
    expect(call).to_be_visible()
    expect(call).to_contain_text("10:00")
    shot(page, "wakeup", size)
    call.get_by_role("button", name="Done").click()
    expect(call).to_be_hidden()
    page.clock.run_for("01:00:00")
    expect(call).to_contain_text("11:00")
    call.get_by_role("button", name="Skip this one").click()
    expect(call).to_be_hidden()

    # Wednesday and Friday: the server's day moves; the page's clock too.
    for day in (4, 6):
        settle(page)
        server.restart(at(day, 16, 30).isoformat())
        page.clock.set_system_time(at(day, 12, 0))
        page.reload()
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        log_activation(page)

    history = api(page, "/api/me/history?limit=100")
    wakeups = [entry for entry in history if entry["kind"] == "wakeUpCall"]
    assert sorted(entry["entry"]["outcome"] for entry in wakeups) == ["done", "skip"]

    # Progress: three sessions against the target of three, and Monday's two calls.
    page.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Progress")).to_be_visible()
    adherence = page.locator("figure").filter(has_text="Target").first
    expect(adherence.locator("svg desc")).to_contain_text("Week of 2026-03-02: 3 of 3")
    wake = page.locator("figure").filter(has=page.locator("title", has_text="Wake-up calls per day"))
    expect(wake.locator("svg desc")).to_contain_text("2026-03-02: 1 done, 1 skipped of 7 planned")
    # Each chart is drawn about as wide as it is shown, so its 12 px text stays readable on a phone.
    for chart in page.locator("svg.chart").all():
        scale = chart.evaluate("svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
        assert 0.8 <= scale <= 1.25, scale
    expect(page.get_by_role("link", name="Calendar (.ics)")).to_have_attribute("href", "/api/me/export/calendar.ics")
    page.get_by_role("button", name="Make the feed URL").click()
    feed = page.get_by_label("Calendar feed to subscribe to")
    expect(feed).to_have_value(re.compile(r"^http://127\.0\.0\.1:\d+/api/feeds/.+/calendar\.ics$"))
    shot(page, "progress", size)
