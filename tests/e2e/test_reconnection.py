"""A crash between a click and its save: the reconnected tab must not show an answer the store
never received (it used to, until the next click)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable

from playwright.sync_api import Error, Page, expect

from questionnaires.bank import groups
from questionnaires.loader import load_bank
from tests.e2e.own_server import OwnServer, own_server
from workbook.modules import INTERETS_BANK

TIMEOUT = 30_000
BANK = load_bank(INTERETS_BANK)
GROUP = groups(BANK)[0]
LABELS = {point.value: point.label for point in BANK.scale.points}
VALUES = {label: value for value, label in LABELS.items()}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def shown(page: Page) -> dict[str, int | None] | None:
    """The answer each item of the first group shows (None: none checked); None while the page
    does not show the whole group (reloading, reconnecting)."""
    try:
        checked = page.evaluate(CHECKED)
    except Error:  # the page is reloading
        return None
    if any(item.text not in checked for item in GROUP):
        return None
    return {item.id: VALUES.get(checked[item.text]) for item in GROUP}


# Each radio group's label → the label of its checked option (null when none is).
CHECKED = """() => Object.fromEntries(
        [...document.querySelectorAll('[role=radiogroup]')].map(group => [
            group.getAttribute('aria-label'),
            [...group.querySelectorAll('label')].find(l => l.querySelector('input:checked'))
                ?.innerText.trim() ?? null]))"""


def stored(served: OwnServer) -> dict[str, int | None]:
    interets = served.store.load(served.dossier_id).workbook.interets
    answers = interets.answers if interets else {}
    return {item.id: answers.get(item.id) for item in GROUP}


def wait_until(page: Page, condition: Callable[[], bool], timeout_s: float = 60) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(200)  # polling: the page and the server move on meanwhile
    return True


def option(page: Page, item, value: int):
    return page.get_by_role("radiogroup", name=item.text).get_by_role("radio", name=LABELS[value], exact=True)


def answer(page: Page, item, value: int) -> None:
    page.get_by_role("radiogroup", name=item.text).get_by_text(LABELS[value], exact=True).click()
    expect(option(page, item, value)).to_be_checked(timeout=TIMEOUT)


def test_after_a_crash_the_reconnected_tab_shows_what_is_stored_then_saves_again(tmp_path, browser):
    first, second = GROUP[0], GROUP[1]
    with own_server(tmp_path) as served:
        page = browser.new_context(locale="fr-FR").new_page()
        page.goto(served.link)
        expect(page.get_by_role("heading", name="Bonjour Anne")).to_be_visible(timeout=TIMEOUT)
        page.get_by_role("link", name="Mes centres d’intérêt").click()
        expect(page.get_by_role("heading", name="Mes centres d’intérêt")).to_be_visible(timeout=TIMEOUT)
        answer(page, first, 4)
        assert wait_until(page, lambda: stored(served)[first.id] == 4)
        page.wait_for_selector(IDLE, timeout=TIMEOUT)  # the tab knows that run is over

        # The server freezes: the next click reaches it but is never handled; then it crashes.
        served.app.process.send_signal(signal.SIGSTOP)
        answer(page, second, 5)  # the tab shows it checked...
        served.app.stop(signal.SIGKILL)
        assert stored(served)[second.id] is None  # ... the store never got it
        served.app.start()  # same port, same database

        # Once reconnected, the screen shows what is stored: the lost answer is not shown as given.
        assert wait_until(page, lambda: shown(page) == stored(served)), (shown(page), stored(served))
        page.wait_for_selector(IDLE, timeout=TIMEOUT)
        assert shown(page) == stored(served) == {**dict.fromkeys(item.id for item in GROUP), first.id: 4}

        # Answering again saves.
        answer(page, second, 5)
        assert wait_until(page, lambda: stored(served)[second.id] == 5), stored(served)
        assert shown(page) == stored(served)
        page.context.close()
