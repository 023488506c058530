"""The rest of the loop at phone size: history with correction and deletion, a retest that unlocks
a gate, profile changes that make a new plan version, form analysis from an uploaded landmark
file, the ergonomics checklist, importing a CLI export, and the account (password, deletion)."""
from __future__ import annotations

import datetime
import json
import math
import os
import subprocess
import tempfile

from playwright.sync_api import expect

from conftest import BINARY, PASSWORD, shot
from flows import api, api_post, case, quick_client, settle, sign_in

NOW = "2026-03-02T16:00:00+01:00"


def landmarks() -> bytes:
    """Two seconds of a person squatting in front of the camera, as MediaPipe Pose 33 points."""
    frames = []
    for index in range(60):
        t = index / 30
        dip = 0.08 * (1 - math.cos(2 * math.pi * t)) / 2
        points = [{"x": 0.5, "y": 0.5, "z": 0.0, "visibility": 0.99} for _ in range(33)]
        layout = {0: (0.5, 0.12), 11: (0.44, 0.25), 12: (0.56, 0.25), 23: (0.46, 0.5 + dip), 24: (0.54, 0.5 + dip),
                  25: (0.46, 0.7 + dip / 2), 26: (0.54, 0.7 + dip / 2), 27: (0.46, 0.9), 28: (0.54, 0.9),
                  29: (0.46, 0.92), 30: (0.54, 0.92), 31: (0.45, 0.93), 32: (0.55, 0.93)}
        for joint, (x, y) in layout.items():
            points[joint] = {"x": x, "y": y, "z": 0.0, "visibility": 0.99}
        frames.append({"t": t, "landmarks": points})
    return json.dumps({"format": "mediapipe-pose-33", "fps": 30, "width": 1080, "height": 1920, "view": "front",
                       "frames": frames}).encode()


def cli_export(folder: str) -> str:
    """An export of the command line's database: one person with an assessment and a set."""
    database = os.path.join(folder, "cli.sqlite")
    document = os.path.join(folder, "me.json")
    with open(document, "w") as out:
        json.dump(case("runner-right-valgus"), out)
    env = {**os.environ, "GLUTE_NOW": "2026-02-20T18:00:00+01:00", "TZ": "Europe/Berlin"}
    for command in (["assess", "--input", document], ["log", "clamshell", "--side", "right", "--sets", "2x15", "--felt", "glutes", "--pain", "0"],
                    ["export", "json", "-o", os.path.join(folder, "export.json")]):
        run = subprocess.run([str(BINARY), *command, "--database", database], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    return os.path.join(folder, "export.json")


def test_history_retest_settings_form_ergonomics_import_account(make_server, open_context):
    server = make_server(NOW)
    context, guard = open_context("phone")
    page = context.new_page()
    page.clock.install(time=datetime.datetime.fromisoformat(NOW) - datetime.timedelta(minutes=30))
    quick_client(page, server.url, "loop@example.com")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    page.get_by_role("article", name="Glute bridge", exact=True).get_by_role("button", name="as prescribed").click()
    expect(page.get_by_role("article", name="Glute bridge", exact=True).get_by_text("Logged.")).to_be_visible()

    # History: correct the set, then delete it.
    page.goto(server.url + "/#/history")
    entry = page.locator("main li.card").filter(has_text="Glute bridge")
    expect(entry).to_contain_text("12, 12 reps")
    entry.get_by_role("button", name="Correct").click()
    page.get_by_label("Reps per set, separated by commas").fill("10, 9")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Corrected.")).to_be_visible()
    entry = page.locator("main li.card").filter(has_text="Glute bridge")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("10, 9 reps")
    entry.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_text("Deleted.")).to_be_visible()
    expect(page.get_by_text("Nothing logged yet.")).to_be_visible()

    # Later that afternoon, a retest felt in the glutes on both sides unlocks the loaded hinge.
    # (Each step that keeps an assessment happens at its own instant, as a person's would: before
    # the store's identifiers were ordered, assessments kept in one frozen instant had no order,
    # and a settings change could start from the answers before the retest.)
    settle(page)
    server.restart("2026-03-02T16:02:00+01:00")
    page.goto(server.url + "/#/retest")
    for side in ("Left side", "Right side"):
        group = page.get_by_role("group", name=side)
        group.get_by_label("Reps with good form").fill("17")
        group.get_by_role("group", name="Felt it mostly in").get_by_label("Glutes").check()
        group.get_by_role("group", name="Did the hips stay level?").get_by_label("Yes").check()
    page.get_by_role("button", name="Save the single-leg bridge retest").click()
    expect(page.get_by_text("Unlocked: no loaded hinge.")).to_be_visible()
    shot(page, "retest-saved", "phone")

    # Profile, a few minutes later: an earlier start and a 45-minute interval make a new plan
    # version, which keeps what the retest unlocked.
    settle(page)
    server.restart("2026-03-02T16:05:00+01:00")
    page.goto(server.url + "/#/settings")
    page.get_by_label("Work starts at").fill("08:00")
    page.get_by_label("Minutes of sitting between wake-up calls (30 to 90)").fill("45")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Saved: your plan is now version")).to_be_visible()
    plan = api(page, "/api/me/plan")
    assert plan["plan"]["wakeUpCalls"]["everyMinutes"] == 45
    assert plan["plan"]["wakeUpCalls"]["during"]["start"] == "08:00"
    assert "no-loaded-hinge" not in [gate["code"] for gate in plan["plan"]["gates"]]  # the retest still counts
    # The settings page shows what is in force now.
    page.goto(server.url + "/#/settings")
    expect(page.get_by_label("Work starts at")).to_have_value("08:00")
    expect(page.get_by_label("Minutes of sitting between wake-up calls (30 to 90)")).to_have_value("45")
    page.goto(server.url + "/#/plan")
    expect(page.get_by_text("Every 45 minutes of sitting from 08:00 to 17:00")).to_be_visible()

    # Form analysis of an uploaded landmark file.
    page.goto(server.url + "/#/form")
    page.get_by_label("Landmark file").set_input_files(
        files=[{"name": "squat.json", "mimeType": "application/json", "buffer": landmarks()}])
    page.get_by_role("button", name="Analyse").click()
    expect(page.get_by_role("heading", name="Results")).to_be_visible()
    expect(page.get_by_text("of 60 frames used")).to_be_visible()
    shot(page, "form-results", "phone")

    # The ergonomics checklist keeps its ticks on the device.
    page.goto(server.url + "/#/ergonomics")
    box = page.get_by_label("Use a lumbar support")
    box.check()
    page.reload()
    expect(page.get_by_label("Use a lumbar support")).to_be_checked()

    # Password change, then deletion; the old password no longer signs in.
    page.goto(server.url + "/#/account")
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password").fill(PASSWORD + " two")
    page.get_by_role("button", name="Change password").click()
    # Password hashing is deliberately slow (and slower in a debug build).
    expect(page.get_by_text("Changed. Other devices are signed out.")).to_be_visible(timeout=30000)
    page.get_by_label("Your password, to confirm").fill(PASSWORD + " two")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible(timeout=30000)
    guard.allow(r"status of 401")  # the refused sign-in below is the point
    sign_in(page, server.url, "loop@example.com")
    expect(page.get_by_text("the email or the password is wrong")).to_be_visible(timeout=30000)
    expect(page.locator("#wakeup")).to_be_hidden()  # the deleted account's sitting timer stopped

    # Import a CLI export into a new account, which then has the imported plan.
    with tempfile.TemporaryDirectory() as folder:
        export = cli_export(folder)
        made = api_post(page, "/api/signup", {"email": "moved@example.com", "password": PASSWORD})
        assert made["status"] == 201
        page.reload()  # the app reads who is signed in when it starts
        page.goto(server.url + "/#/import")
        expect(page.get_by_role("heading", name="Import and export")).to_be_visible()
        page.get_by_label("An export of GluteCoach").set_input_files(export)
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_text("Imported 1 assessments")).to_be_visible()
    page.goto(server.url + "/#/today")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    history = api(page, "/api/me/history")
    assert any(e["kind"] == "set" and e["entry"]["exerciseId"] == "clamshell" for e in history)


def log_bridge_felt_in_lower_back(page) -> str:
    """Logs Today's glute bridge as prescribed but felt in the lower back; returns what it says."""
    bridge = page.get_by_role("article", name="Glute bridge", exact=True)
    bridge.get_by_text("How it felt").click()
    bridge.get_by_role("group", name="Felt it in").get_by_label("Lower back").check()
    bridge.get_by_role("button", name="as prescribed").click()
    expect(bridge.get_by_text("Logged.")).to_be_visible()
    return bridge.get_by_text("Logged.").inner_text()


def test_a_retest_the_plan_asks_for(make_server, open_context):
    """Bridges felt in the lower back twice: Today asks for the single-leg bridge retest and links
    to it; the retest answers the request."""
    berlin = datetime.timezone(datetime.timedelta(hours=1))
    server = make_server("2026-03-02T10:00:00+01:00")
    context, _ = open_context("phone")
    page = context.new_page()
    # The page's clock a minute after the server's (within its five minutes of skew): a set dated
    # before the plan version it was logged against does not move that version's progression.
    page.clock.install(time=datetime.datetime(2026, 3, 2, 10, 1, tzinfo=berlin))
    quick_client(page, server.url, "retest@example.com")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    assert "Felt in the lower back" in log_bridge_felt_in_lower_back(page)
    expect(page.get_by_text("A retest is due")).to_have_count(0)

    settle(page)
    server.restart("2026-03-04T10:00:00+01:00")
    page.clock.set_system_time(datetime.datetime(2026, 3, 4, 10, 1, tzinfo=berlin))
    page.reload()
    expect(page.get_by_role("heading", name="Today, Wed")).to_be_visible()
    assert "retest the single-leg bridge" in log_bridge_felt_in_lower_back(page)
    page.reload()
    notice = page.locator("main p.card").filter(has_text="A retest is due")
    expect(notice).to_contain_text("single leg bridge")
    shot(page, "today-retest-due", "phone")
    notice.get_by_role("link", name="Retest now").click()
    expect(page.get_by_role("heading", name="Retest", exact=True)).to_be_visible()
    expect(page.get_by_role("radio", name="Single-leg bridge")).to_be_checked()
    for side in ("Left side", "Right side"):
        group = page.get_by_role("group", name=side)
        group.get_by_label("Reps with good form").fill("15")
        group.get_by_role("group", name="Felt it mostly in").get_by_label("Glutes").check()
        group.get_by_role("group", name="Did the hips stay level?").get_by_label("Yes").check()
    page.get_by_role("button", name="Save the single-leg bridge retest").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    page.get_by_role("link", name="Today", exact=True).click()
    expect(page.get_by_role("heading", name="Today, Wed")).to_be_visible()
    expect(page.get_by_text("A retest is due")).to_have_count(0)
