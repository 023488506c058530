"""A coach invites a client, the client accepts with the code, the coach reviews the client and
edits the plan with a reason, and the client sees the new version."""
from __future__ import annotations

import datetime

from playwright.sync_api import expect

from conftest import shot
from flows import api, api_post, create_coach, quick_client, sign_in, sync_clock


def test_coach_invites_reviews_and_edits(make_server, open_context):
    server = make_server("2026-03-02T10:00:00+01:00")
    create_coach(server, "coach@example.com")
    coach_context, _ = open_context("desktop")
    coach = coach_context.new_page()
    sync_clock(coach, server)
    sign_in(coach, server.url, "coach@example.com")
    expect(coach.get_by_role("heading", name="Clients")).to_be_visible()
    expect(coach.get_by_text("No clients yet.")).to_be_visible()

    coach.get_by_role("link", name="Invitations").click()
    coach.get_by_role("button", name="Make an invitation code").click()
    status = coach.get_by_text("New code:")
    expect(status).to_be_visible()
    code = status.inner_text().split("New code: ")[1].split(" ")[0]
    expect(coach.get_by_role("button", name=f"Revoke {code}")).to_be_visible()
    # A second code, revoked at once.
    coach.get_by_role("button", name="Make an invitation code").click()
    expect(coach.get_by_text("New code:")).not_to_contain_text(code)
    second = coach.get_by_text("New code:").inner_text().split("New code: ")[1].split(" ")[0]
    coach.get_by_role("button", name=f"Revoke {second}").click()
    expect(coach.get_by_text("Revoked.")).to_be_visible()
    expect(coach.get_by_role("button", name=f"Revoke {second}")).to_have_count(0)
    shot(coach, "coach-invitations", "desktop")

    client_context, _ = open_context("phone")
    client = client_context.new_page()
    sync_clock(client, server)
    quick_client(client, server.url, "client@example.com")
    expect(client.get_by_role("heading", name="Today, Mon")).to_be_visible()
    client.goto(server.url + "/#/account")
    client.get_by_label("Invitation code from your coach").fill(code)
    client.get_by_role("button", name="Join the coach").click()
    expect(client.get_by_text("coach@example.com sees your plan and logs.")).to_be_visible()

    # A painful set: the dashboard names the client with the reason they need attention.
    made = api_post(client, "/api/me/sets", {"exercise": "clamshell", "side": "left", "reps": [12], "pain": 5})
    assert made["status"] == 201, made
    coach.get_by_role("link", name="Clients").click()
    row = coach.locator("main li.card").filter(has_text="client@example.com")
    expect(row).to_contain_text("Pain: pain of 5/10 logged this week")
    shot(coach, "coach-dashboard", "desktop")
    row.get_by_role("link", name="client@example.com").click()
    expect(coach.get_by_role("heading", name="client@example.com")).to_be_visible()
    expect(coach.get_by_text("Version 1 (active): first assessment on 2026-03-02.")).to_be_visible()
    expect(coach.get_by_role("article", name="recruitment deficit")).to_contain_text("lower back")
    coach.get_by_text("Progress over the last weeks").click()
    expect(coach.get_by_role("heading", name="Single-leg bridge reps per side")).to_be_visible()

    coach.get_by_label("A note (only you see it)").fill("Sits 9 h; left side lags. Check the bridge in two weeks.")
    coach.get_by_role("button", name="Add the note").click()
    expect(coach.get_by_text("Note added.")).to_be_visible()
    expect(coach.get_by_text("Check the bridge in two weeks.")).to_be_visible()

    coach.get_by_label("Monster walk", exact=True).check()
    coach.get_by_label("Reason (the client sees it with the new version)").fill("Knee pain on lateral steps")
    coach.get_by_role("button", name="Save the new plan version").click()
    expect(coach.get_by_text("Saved: the client now has the new plan version.")).to_be_visible()
    expect(coach.get_by_text("Version 2 (active)")).to_be_visible()
    shot(coach, "coach-client", "desktop")

    client.goto(server.url + "/#/plan")
    expect(client.get_by_text("Plan version 2")).to_be_visible()
    expect(client.locator("main")).to_contain_text("Knee pain on lateral steps")
    expect(client.get_by_role("button", name="Monster walk")).to_have_count(0)
    plan = api(client, "/api/me/plan")
    exercises = {item["exercise"] for day in plan["plan"]["week"] for s in day["sessions"] for item in s["items"]}
    assert "monster-walk" not in exercises

    # The client leaves the coach, who then no longer sees them.
    client.goto(server.url + "/#/account")
    client.get_by_role("button", name="Leave coach@example.com").click()
    expect(client.get_by_text("No coach.")).to_be_visible()
    coach.get_by_role("link", name="Clients").click()
    expect(coach.get_by_text("No clients yet.")).to_be_visible()


def make_code(coach, made: list[str]) -> str:
    """Makes an invitation code on the Invitations page and reads it from the status line."""
    coach.get_by_role("link", name="Invitations").click()
    coach.get_by_role("button", name="Make an invitation code").click()
    status = coach.get_by_text("New code:")
    for earlier in made:
        expect(status).not_to_contain_text(earlier)
    code = status.inner_text().split("New code: ")[1].split(" ")[0]
    made.append(code)
    return code


def test_dashboard_of_several_clients_and_an_ended_session(make_server, open_context):
    """Three clients: a stop (new numbness) comes first, then pain, then the one on track; the
    stopped client's page says so at the top. A week later the coach's session has ended: the app
    asks to sign in once, and forgets the ended session instead of asking the server again."""
    server = make_server("2026-03-02T10:00:00+01:00")
    create_coach(server, "coach@example.com")
    coach_context, guard = open_context("phone")
    coach = coach_context.new_page()
    sync_clock(coach, server)
    sign_in(coach, server.url, "coach@example.com")
    expect(coach.get_by_role("heading", name="Clients")).to_be_visible()
    codes: list[str] = []
    for _ in range(3):
        make_code(coach, codes)

    sets = {
        "calm@example.com": {"exercise": "glute-bridge", "reps": [12, 12]},
        "numb@example.com": {"exercise": "glute-bridge", "reps": [12, 12], "numbness": True},
        "sore@example.com": {"exercise": "clamshell", "side": "left", "reps": [12], "pain": 5},
    }
    for (email, logged), code in zip(sets.items(), codes):
        client_context, _ = open_context("phone")  # one browser per client
        client = client_context.new_page()
        sync_clock(client, server)
        quick_client(client, server.url, email)
        assert api_post(client, "/api/me/coaches", {"code": code})["status"] == 201
        assert api_post(client, "/api/me/sets", logged)["status"] == 201

    coach.get_by_role("link", name="Clients").click()
    rows = coach.locator("main li.card")
    expect(rows).to_have_count(3)
    expect(coach.get_by_text("3 clients, 2 needing attention, most urgent first.")).to_be_visible()
    expect(rows.nth(0)).to_contain_text("numb@example.com")
    expect(rows.nth(0)).to_contain_text("Stopped: see a clinician: new numbness or tingling")
    expect(rows.nth(0)).not_to_contain_text("stopped: stopped")
    expect(rows.nth(1)).to_contain_text("sore@example.com")
    expect(rows.nth(1)).to_contain_text("Pain: pain of 5/10 logged this week")
    expect(rows.nth(2)).to_contain_text("calm@example.com")
    expect(rows.nth(2)).to_contain_text("On track.")
    shot(coach, "coach-dashboard-several", "phone")
    rows.nth(0).get_by_role("link", name="numb@example.com").click()
    expect(coach.get_by_role("heading", name="numb@example.com")).to_be_visible()
    stop = coach.locator("main p.form-error").first
    expect(stop).to_contain_text("Plan stopped: see a clinician: new numbness or tingling")
    expect(coach.get_by_role("heading", name="Edit the plan")).to_have_count(0)  # nothing to edit

    # Eight days later the session has ended (seven idle days).
    asked = []
    server.restart("2026-03-10T10:00:00+01:00")
    coach.clock.set_system_time(datetime.datetime(2026, 3, 10, 9, 50, tzinfo=datetime.timezone(datetime.timedelta(hours=1))))
    guard.allow(r"status of 401")  # the one refused getMe that tells the app the session ended
    coach.reload()
    expect(coach.get_by_role("heading", name="Sign in")).to_be_visible()
    coach.on("request", lambda request: "/api/me" in request.url and asked.append(request.url))
    coach.reload()
    expect(coach.get_by_role("heading", name="Sign in")).to_be_visible()
    assert asked == [], asked
    sign_in(coach, server.url, "coach@example.com")
    expect(coach.get_by_role("heading", name="Clients")).to_be_visible()
