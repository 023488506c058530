"""A coach invites a client, the client accepts with the code, the coach reviews the client and
edits the plan with a reason, and the client sees the new version."""
from __future__ import annotations

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
