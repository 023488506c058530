"""The sitting timer: a call after each interval of the working day, through the service
worker's notification where permitted and always on the page, a sound only after the page was
touched, and rest outside working hours and on days off."""
from __future__ import annotations

import datetime

from playwright.sync_api import expect

from flows import api, quick_client, wait_for_service_worker

BERLIN = datetime.timezone(datetime.timedelta(hours=1))
COUNT_SOUNDS = """
    window.__beeps = 0;
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
        createOscillator() {
            const oscillator = super.createOscillator();
            const start = oscillator.start.bind(oscillator);
            oscillator.start = (...args) => { window.__beeps += 1; return start(...args); };
            return oscillator;
        }
    };
    // What the page asks the service worker to show (headless Chromium now and then drops a shown
    // notification before getNotifications sees it), and any page-made Notification (phones refuse it).
    window.__shown = [];
    if (window.ServiceWorkerRegistration) {
        const show = ServiceWorkerRegistration.prototype.showNotification;
        ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
            window.__shown.push({ title, tag: options && options.tag, actions: ((options && options.actions) || []).map((a) => a.action) });
            return show.call(this, title, options);
        };
    }
    window.__pageNotifications = 0;
    if (window.Notification) {
        const Real = window.Notification;
        window.Notification = function (...args) { window.__pageNotifications += 1; return new Real(...args); };
        Object.defineProperty(window.Notification, 'permission', { get: () => Real.permission });
        window.Notification.requestPermission = (...args) => Real.requestPermission(...args);
    }
"""


def test_calls_notify_sound_after_a_touch_and_rest(make_server, open_context):
    server = make_server(datetime.datetime(2026, 3, 2, 18, 0, tzinfo=BERLIN).isoformat())
    context, _ = open_context("phone", permissions=["notifications"])
    context.add_init_script(COUNT_SOUNDS)
    page = context.new_page()
    page.clock.install(time=datetime.datetime(2026, 3, 2, 9, 58, tzinfo=BERLIN))
    quick_client(page, server.url, "sitter@example.com")
    expect(page.get_by_role("heading", name="Today, Mon")).to_be_visible()
    wait_for_service_worker(page)
    expect(page.get_by_text("Next wake-up call at 10:00.")).to_be_visible()

    page.clock.run_for("00:02:30")
    prompt = page.locator("#wakeup")
    expect(prompt).to_contain_text("Wake-up call (10:00)")
    # The prompt shows first; the notification goes through the service worker's registration.
    for _ in range(50):
        shown = page.evaluate("window.__shown")
        if shown:
            break
        page.wait_for_timeout(100)
    assert shown == [{"title": "Wake-up call", "tag": "glute-wakeup", "actions": ["done", "skip"]}]
    assert page.evaluate("window.__pageNotifications") == 0
    assert page.evaluate("window.__beeps") == 0  # nobody has touched the page yet
    prompt.get_by_role("button", name="Done").click()
    expect(prompt).to_be_hidden()

    page.clock.run_for("01:00:00")
    expect(prompt).to_contain_text("Wake-up call (11:00)")
    assert page.evaluate("window.__beeps") >= 1  # the click on Done allowed the sound
    prompt.get_by_role("button", name="Skip this one").click()

    # After work: no call, the timer rests.
    page.clock.set_system_time(datetime.datetime(2026, 3, 2, 17, 20, tzinfo=BERLIN))
    page.clock.run_for("01:00:00")
    expect(prompt).to_be_hidden()
    expect(page.get_by_text("Resting: no wake-up calls outside working hours")).to_be_visible()
    # Saturday is a day off.
    page.clock.set_system_time(datetime.datetime(2026, 3, 7, 9, 30, tzinfo=BERLIN))
    page.reload()
    page.clock.run_for("02:00:00")
    expect(prompt).to_be_hidden()
    outcomes = [e["entry"]["outcome"] for e in api(page, "/api/me/history") if e["kind"] == "wakeUpCall"]
    assert sorted(outcomes) == ["done", "skip"]
