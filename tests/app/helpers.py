"""Drive the app under AppTest the way a person does, after seeding the database directly.

Tests reach a page as its user would (first start, sign-in form, personal link), once
`Seed` has put in the database what the page needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from domain.model import Workbook
from questionnaires import engine
from questionnaires.loader import load_bank
from storage import access, browser_keys
from storage.store import Store
from storage.users import Role, User
from tests.markdown_text import displayed
from ui import session, signed_in
from workbook.modules import INTERETS_BANK

APP = Path(__file__).resolve().parents[2] / "app.py"
PASSWORD = "un-mot-de-passe-solide"
ADMIN_EMAIL = "admin@exemple.fr"
CONSULTANT_EMAIL = "claire@exemple.fr"
BANK = load_bank(INTERETS_BANK)


class Seed:
    """Put users, dossiers, links and answers in the database without going through pages."""

    def __init__(self, store: Store):
        self.store = store
        self._admin: User | None = None

    def admin(self) -> User:
        if self._admin is None:
            self._admin = access.create_first_admin(self.store, ADMIN_EMAIL, "Alice Admin", PASSWORD)
        return self._admin

    def consultant(self, email: str = CONSULTANT_EMAIL, name: str = "Claire Conseil") -> User:
        return access.create_account(self.store, self.admin(), email, name, PASSWORD,
                                     Role.CONSULTANT)

    def dossier(self, consultant: User, first: str = "Marie", last: str = "Curie") -> int:
        return self.store.create_dossier(consultant.id, first, last).id

    def link(self, consultant: User, dossier_id: int) -> str:
        return access.issue_link(self.store, consultant, dossier_id)

    def interets(self, dossier_id: int, values: Mapping[str, int] | Callable[[str], int | None],
                 current_group: int = 0) -> Workbook:
        """Save answers to the interests bank: a dict item id → value, or a function of the
        item's dimension letter returning a value (None leaves the item unanswered)."""
        state = engine.start(BANK)
        for item in BANK.items:
            value = values.get(item.id) if isinstance(values, Mapping) else values(item.dimension)
            if value is not None:
                state = engine.answer(state, BANK, item.id, value)
        state = engine.go_to_group(state, BANK, current_group)
        stored = self.store.load(dossier_id)
        workbook = stored.workbook.model_copy(update={"interets": state})
        self.store.save(dossier_id, workbook, stored.version)
        return workbook


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(text: str) -> str:
    """The text with each run of spaces, French non-breaking ones included, as one space:
    tests compare words, and the app's typography may change."""
    return " ".join(text.split())


def shown(elements) -> list[str]:
    """The plain values of titles, alerts, markdown, captions... in page order, user words as
    displayed (see `displayed`)."""
    return [plain(displayed(e.value)) for e in elements]


def click(at: AppTest, label: str) -> AppTest:
    """Click the button (or form submit button) showing `label`, then rerun."""
    matches = [b for b in at.button if plain(b.label) == plain(label)]
    assert matches, f"no button {label!r} among {[b.label for b in at.button]}"
    matches[0].click()
    return run(at)


def fill(at: AppTest, by_label: Mapping[str, str]) -> AppTest:
    """Type into text inputs and areas found by their label (without rerunning)."""
    for label, value in by_label.items():
        widgets = [w for w in [*at.text_input, *at.text_area] if plain(w.label) == plain(label)]
        assert widgets, f"no text field {label!r}"
        widgets[0].input(value)
    return at


def sign_in(email: str = CONSULTANT_EMAIL, password: str = PASSWORD,
            at: AppTest | None = None) -> AppTest:
    """A new browser tab (or `at`) signed in through the login form."""
    at = run(at or new_app())
    at.text_input[0].input(email)
    at.text_input[1].input(password)
    return click(at, "Se connecter")


def open_link(token: str) -> AppTest:
    """A new browser tab opened on a beneficiary's personal link.

    In the served app the HTTP layer exchanges the link for a session on a new browser key
    before the page loads (web/personal_link.py); AppTest has no HTTP layer, so the tab's own
    key gets the session, through the same domain function."""
    at = new_app()
    key = access.new_session_key()
    at.session_state[signed_in.TAB_KEY] = key
    browser_keys.sign_in_with_link(session.get_store(), token, key)
    return run(at)


def show_page(at: AppTest, page: str) -> AppTest:
    """Go to `page` (a file under pages/) as a click in the navigation menu would."""
    at.switch_page(page)
    run(at)
    # AppTest keeps requesting the switched-to page on every later run, undoing the app's own
    # st.switch_page; a browser stays where the app went, so forget the request once served.
    at._page_hash = ""
    return at


def open_dossier_page(at: AppTest, dossier_id: int, page: str) -> AppTest:
    """As a signed-in consultant, select a dossier and show one of its pages."""
    at.session_state["dossier_id"] = dossier_id
    run(at)
    return show_page(at, page)


def titles(at: AppTest) -> list[str]:
    return shown(at.title)


def shown_text(at: AppTest) -> str:
    """Every string of every element on the page (labels, values, markdown), in one text."""
    return plain(" ".join(
        text_format.MessageToString(node.proto, as_utf8=True)
        for block in (at.main, at.sidebar) for node in block
        if getattr(node, "proto", None) is not None
    ))


def change_workbook(store: Store, dossier_id: int, change: Callable[[Workbook], Workbook]) -> Workbook:
    """Apply `change` to the stored workbook and save it, as another session would."""
    stored = store.load(dossier_id)
    workbook = change(stored.workbook)
    store.save(dossier_id, workbook, stored.version)
    return workbook


def radio_key(item) -> str:
    """The key of a questionnaire item's radio (the pages' WIDGET_PREFIX and the item id)."""
    return f"{session.WIDGET_PREFIX}{item.id}"


def answer(at: AppTest, item, value: int) -> AppTest:
    """Answer one questionnaire item and let the page run."""
    at.radio(key=radio_key(item)).set_value(value)
    return run(at)


def in_a_browser(monkeypatch, store: Store) -> str:
    """Make the tabs of this test carry a browser key the server signed, as behind server.py
    (AppTest has no cookies); returns that key."""
    key = browser_keys.issue_key(browser_keys.server_secret(store))
    monkeypatch.setattr(signed_in, "browser_key", lambda: key)
    return key


def handover_nonce(at: AppTest) -> str:
    """The nonce of the sign-in address the page sends the browser to (web/sign_in.py)."""
    found = [m.group(1) for html in at.get("html") if (m := re.search(
        r'window\.location\.replace\("/_session\?n=([\w-]+)"\)', html.proto.body))]
    assert len(found) == 1, [html.proto.body for html in at.get("html")]
    return found[0]


def dialog(at: AppTest):
    """The dialog open on the page (st.dialog, as ui/confirm.py opens it), or None."""
    events = at._tree.children.get(2)
    dialogs = [b for b in events.children.values() if getattr(b, "type", None) == "dialog"] if events else []
    return dialogs[0] if dialogs else None


def dialog_text(at: AppTest) -> str:
    """The open dialog's title and text, Markdown escapes removed; "" when none is open."""
    box = dialog(at)
    if box is None:
        return ""
    return plain(" ".join([box.proto.dialog.title, *(re.sub(r"\\(.)", r"\1", m.value) for m in box.markdown)]))
