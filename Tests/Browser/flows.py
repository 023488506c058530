"""What a person does in the web app, step by step, for the scenarios to share."""
from __future__ import annotations

import json
import pathlib

from playwright.sync_api import Page, expect

from conftest import PASSWORD, ROOT

CASES = ROOT / "Tests/GluteCLITests/Fixtures/cases"


def case(name: str) -> dict:
    return json.loads((CASES / f"{name}.json").read_text())


def flatten(document: dict, prefix: str = ""):
    for key, value in document.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flatten(value, path + ".")
        else:
            yield path, value


def sign_up(page: Page, url: str, email: str) -> None:
    page.goto(url + "/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def sign_in(page: Page, url: str, email: str) -> None:
    page.goto(url + "/#/signin")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def fill_step(page: Page, answers: dict) -> None:
    """Answers every question of the step on screen that `answers` (paths to values) holds."""
    names = page.locator("main form input").evaluate_all("els => [...new Set(els.map(e => e.name))]")
    for name in names:
        if name not in answers:
            continue
        value = answers[name]
        inputs = page.locator(f'main input[name="{name}"]')
        kind = inputs.first.get_attribute("type")
        if kind == "radio":
            choice = "yes" if value is True else "no" if value is False else str(value)
            page.locator(f'main input[name="{name}"][value="{choice}"]').check()
        elif kind == "checkbox" and isinstance(value, list):
            for index in range(inputs.count()):
                box = inputs.nth(index)
                box.set_checked(box.get_attribute("value") in value)
        elif kind == "checkbox":
            inputs.first.set_checked(bool(value))
        else:
            inputs.first.fill(str(value))


def take_assessment(page: Page, document: dict, screenshots=None) -> None:
    """Walks the assessment from its first step to the plan, one step at a time."""
    answers = dict(flatten(document))
    expect(page.locator("#step-label")).to_be_visible()
    for _ in range(20):
        heading = page.locator("main h1")
        expect(heading).to_be_visible()
        title = heading.inner_text()
        if screenshots:
            screenshots(title)
        if title == "Check and send":
            page.get_by_role("button", name="Send and see my plan").click()
            return
        expect(page.locator("#step-label")).to_have_text(f"Step {_ + 1} of 15")
        fill_step(page, answers)
        page.get_by_role("button", name="Next").click()
        expect(page.locator("main h1")).not_to_have_text(title)
    raise AssertionError("the assessment did not end")


def api(page: Page, path: str):
    """Reads the API as the signed-in page (the same cookies)."""
    return page.evaluate("async (path) => (await fetch(path)).json()", path)


def api_post(page: Page, path: str, body: dict) -> dict:
    """Writes through the API as the signed-in page (echoing the CSRF cookie)."""
    return page.evaluate(
        """async ([path, body]) => {
            const csrf = (document.cookie.match(/glute_csrf=([^;]*)/) || [])[1] || '';
            const response = await fetch(path, { method: 'POST', body: JSON.stringify(body),
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } });
            return { status: response.status, body: await response.json() };
        }""", [path, body])


def quick_client(page: Page, url: str, email: str, document: dict | None = None) -> None:
    """Signs up and takes the assessment through the API (for scenarios about what comes after)."""
    page.goto(url + "/#/signin")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    made = api_post(page, "/api/signup", {"email": email, "password": PASSWORD, "timeZone": "Europe/Berlin"})
    assert made["status"] == 201, made
    document = document or case("desk-worker-left-amnesia")
    document["profile"]["timeZone"] = "Europe/Berlin"
    taken = api_post(page, "/api/me/assessments", document)
    assert taken["status"] == 201, taken
    page.reload()  # the app reads who is signed in when it starts
    page.goto(url + "/#/today")


def create_coach(server, email: str) -> None:
    """`glute account create EMAIL --role coach --password-stdin` on the server's database, as the
    operator of a clinic does while the server runs."""
    import subprocess

    command = [str(server_binary()), "account", "create", email, "--role", "coach", "--time-zone", "Europe/Berlin",
               "--database", str(server.database)]
    run = subprocess.run(command + ["--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True)
    if run.returncode == 64 and "--password-stdin" in run.stderr:
        # This glute reads the password from standard input without the flag.
        run = subprocess.run(command, input=PASSWORD + "\n", capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def server_binary():
    from conftest import BINARY
    return BINARY


OUTBOX_COUNT = """() => new Promise((resolve) => {
    const opening = indexedDB.open('glute', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('outbox', { keyPath: 'key' });
    opening.onsuccess = () => {
        const request = opening.result.transaction('outbox').objectStore('outbox').count();
        request.onsuccess = () => { opening.result.close(); resolve(request.result); };
    };
})"""


def settle(page: Page) -> None:
    """Waits until the outbox is empty and the network quiet (before the test cuts the server)."""
    for _ in range(100):
        if page.evaluate(OUTBOX_COUNT) == 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(OUTBOX_COUNT) == 0
    page.wait_for_load_state("networkidle")


def sync_clock(page: Page, server, minutes_before: int = 10) -> None:
    """Starts the page's clock a little before the server's fixed time, as two real clocks agree."""
    import datetime

    page.clock.install(time=datetime.datetime.fromisoformat(server.now) - datetime.timedelta(minutes=minutes_before))


def wait_for_service_worker(page: Page) -> None:
    """Waits until the service worker controls the page (reloading it once the worker is active,
    if its claim missed the page). Asked from here, not with
    wait_for_function: that polls inside the page, by eval for an expression (which the page's CSP
    refuses) or on animation frames and timers (which page.clock holds)."""
    for attempt in range(300):
        if page.evaluate("() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            return
        if attempt % 50 == 49 and page.evaluate(
                "async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)"):
            # Active, yet its clients.claim() missed this page (a load that began while the worker
            # was activating): the next visit is controlled, as a person's next visit would be.
            page.reload()
        page.wait_for_timeout(100)
    state = page.evaluate("""async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return r ? { installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
                     active: r.active && r.active.state } : 'no registration';
    }""")
    raise AssertionError(f"the service worker never took control of the page: {state}")
