"""A crash between a click and its save: the reconnected tab must not show an answer the store
never received (it used to, until the next click)."""

from __future__ import annotations

import signal

from playwright.sync_api import Error, Page, expect

from questionnaires.bank import groups
from questionnaires.loader import load_bank
from tests.e2e.own_server import OwnServer, own_server
from tests.e2e.runs import rerun
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


def wait_until_shown(page: Page, answers: dict[str, int | None]) -> None:
    """Wait until the first group shows `answers` (item id → value, None: unchecked), through
    the reconnection and the reload it brings."""
    expected = {item.text: LABELS.get(answers[item.id]) for item in GROUP}
    page.wait_for_function(
        f"expected => {{ const checked = ({CHECKED})(); return Object.entries(expected).every("
        "([text, label]) => text in checked && checked[text] === label); }",
        arg=expected, timeout=2 * TIMEOUT)


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
        with rerun(page):  # the run that saves the answer, over on both sides
            answer(page, first, 4)
        assert stored(served)[first.id] == 4

        # The server freezes: the next click reaches it but is never handled; then it crashes.
        served.app.process.send_signal(signal.SIGSTOP)
        answer(page, second, 5)  # the tab shows it checked...
        served.app.stop(signal.SIGKILL)
        assert stored(served)[second.id] is None  # ... the store never got it
        served.app.start()  # same port, same database

        # Once reconnected, the screen shows what is stored: the lost answer is not shown as given.
        kept = {**dict.fromkeys(item.id for item in GROUP), first.id: 4}
        assert stored(served) == kept
        wait_until_shown(page, kept)
        page.wait_for_selector(IDLE, timeout=TIMEOUT)
        assert shown(page) == stored(served) == kept

        # Answering again saves.
        with rerun(page):
            answer(page, second, 5)
        assert stored(served) == {**kept, second.id: 5}
        assert shown(page) == stored(served)
        page.context.close()
