"""A red-flag person: the safety screen's first step ends on the referral page, and nothing else."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import SIZES, shot
from flows import api, sign_in, sign_up


@pytest.mark.parametrize("size", list(SIZES))
def test_red_flag_ends_on_the_referral(make_server, open_context, size):
    server = make_server("2026-03-02T10:00:00+01:00")
    context, _ = open_context(size)
    page = context.new_page()
    email = f"flag-{size}@example.com"
    sign_up(page, server.url, email)
    expect(page.get_by_role("heading", name="Safety first")).to_be_visible()
    shot(page, "safety-screen", size)
    for name in ("saddleNumbness", "bladderOrBowelChange", "progressiveLegWeakness", "unexplainedWeightLoss",
                 "constantNightPain", "recentTrauma"):
        page.locator(f'input[name="screening.redFlags.{name}"][value="no"]').check()
    page.get_by_role("group", name="Numbness or tingling around the groin").get_by_label("Yes").check()
    page.get_by_role("button", name="Next").click()

    def only_the_referral():
        expect(page.get_by_role("heading", name="See a clinician now")).to_be_visible()
        expect(page.locator("main")).to_contain_text("cauda equina")
        links = page.locator("#nav a")
        expect(links).to_have_count(0)
        expect(page.locator("#nav button")).to_have_text(["Sign out"])
        expect(page.get_by_role("link", name="Today")).to_have_count(0)
        expect(page.get_by_text("Your week")).to_have_count(0)

    only_the_referral()
    shot(page, "referral", size)
    plan = api(page, "/api/me/plan")
    assert plan["plan"] is None and plan["status"] == "stopped" and plan["stop"]["seeClinician"] is True
    findings = api(page, "/api/me/findings")
    assert [f["code"] for f in findings["findings"]] == ["refer-to-clinician"]

    for path in ("/#/today", "/#/plan", "/#/progress"):
        page.goto(server.url + path)
        only_the_referral()
    page.reload()
    only_the_referral()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    sign_in(page, server.url, email)
    only_the_referral()


def test_pain_logged_stops_the_plan(make_server, open_context):
    from flows import quick_client, sync_clock

    server = make_server("2026-03-02T16:00:00+01:00")
    context, _ = open_context("phone")
    page = context.new_page()
    sync_clock(page, server)
    quick_client(page, server.url, "sore@example.com")
    item = page.get_by_role("article", name="Glute bridge", exact=True)
    item.get_by_text("How it felt").click()
    item.get_by_label("Pain, 0 to 10").fill("8")
    item.get_by_role("button", name="as prescribed").click()
    expect(page.get_by_role("heading", name="See a clinician now")).to_be_visible()
    expect(page.locator("main")).to_contain_text("pain of 8/10")
    expect(page.locator("#nav a")).to_have_count(0)
    page.goto(server.url + "/#/plan")
    expect(page.get_by_role("heading", name="See a clinician now")).to_be_visible()
