"""Waiting for the Streamlit run that an action starts, on a condition rather than a delay.

Right after a click, Streamlit's `data-test-script-state` may still say `notRunning` from the
previous run, and a quick run can start and end within one render, leaving that attribute
unchanged: neither the attribute nor a delay tells that the new run is over. The server says it:
each run ends with a `script_finished` message on the page's websocket. Every document of a
browser context made by the `browser` fixture counts those messages, and the changes of that
attribute out of its idle state (`count_runs`); `rerun()` reads both counts before an action and
waits until one has grown, the page shows the run as over and no stale element is left. A navigation loads a new document whose count starts at zero:
there, one finished run is enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page

TIMEOUT = 60_000  # a run that loads the référentiel on a busy machine can take long

# Installed before any script of each document: the websocket's binary frames are ForwardMsg
# protobufs; a run's last one carries field 6 (script_finished) at its top level.
COUNTER = """(() => {
  if (window.__guideRuns) return;
  const runs = window.__guideRuns = {document: Math.random().toString(36).slice(2), finished: 0, started: 0};
  // A run leaving the idle state, when the page draws it (a quick run may not be drawn).
  new MutationObserver(records => {
    for (const record of records)
      if (record.oldValue === 'notRunning' || record.oldValue === 'initial') runs.started++;
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
  const SCRIPT_FINISHED = 6;
  function endsARun(buffer) {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return value;
    };
    while (at < bytes.length) {
      const key = varint(), field = Math.floor(key / 8), wire = key % 8;
      if (field === SCRIPT_FINISHED && wire === 0) return true;
      if (wire === 0) varint();
      else if (wire === 2) at += varint();
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else return false;
    }
    return false;
  }
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => {
        if (event.data instanceof ArrayBuffer && endsARun(event.data)) runs.finished++;
      });
    }
  };
})()"""

_STATE = "() => window.__guideRuns && {...window.__guideRuns}"

_SETTLED = """before => {
  const runs = window.__guideRuns, app = document.querySelector("[data-testid='stApp']");
  if (!runs || !app) return false;
  const ran = runs.document === before?.document
    ? runs.finished > before.finished || runs.started > before.started
    : runs.finished > 0 || runs.started > 0;
  return ran && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]');
}"""


def count_runs(browser: Browser) -> None:
    """Make every context of `browser` count the runs of its pages (before they open the app)."""
    new_context = browser.new_context

    def counting_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.add_init_script(script=COUNTER)
        return context

    browser.new_context = counting_context


@contextmanager
def rerun(page: Page, timeout: float = TIMEOUT) -> Iterator[None]:
    """Wrap an action (a click, a key, a navigation): on leaving, the run it started is over and
    no stale copy of an element is left on the page."""
    before = page.evaluate(_STATE)
    if before is None:
        raise RuntimeError("this page does not count its runs: make its context with the `browser` fixture")
    yield
    page.wait_for_function(_SETTLED, arg=before, timeout=timeout)


_IDLE_NEW_DOCUMENT = """before => {
  const runs = window.__guideRuns, app = document.querySelector("[data-testid='stApp']");
  return !!runs && runs.document !== before.document && !!app
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]');
}"""


@contextmanager
def new_document(page: Page, timeout: float = TIMEOUT) -> Iterator[None]:
    """Wrap a navigation that loads a new document (goto, a server redirect, « Précédent » past
    one): on leaving, the new document's first run is over. A new document shows `initial`
    until its first run starts, so `notRunning` there means that run has ended."""
    before = page.evaluate(_STATE)
    if before is None:
        raise RuntimeError("this page does not count its runs: make its context with the `browser` fixture")
    yield
    page.wait_for_function(_IDLE_NEW_DOCUMENT, arg=before, timeout=timeout)


_IDLE = """() => document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")
  && !document.querySelector('[data-stale="true"]')"""


def idle(page: Page, timeout: float = TIMEOUT) -> None:
    """No run in progress and no stale element: for a step that may start a run or not (going
    back in the history may restore a page as it was); the caller then waits for what the page
    must show."""
    page.wait_for_function(_IDLE, timeout=timeout)

