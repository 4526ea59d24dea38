"""A beneficiary's personal link (`/?acces=TOKEN`), exchanged over HTTP before any page loads.

The answer is a redirect to the same address without the token: the token address never
becomes a history entry, so Back after a sign-out cannot bring it back (removing it from the
page script would add an entry instead). A valid link binds a session to a new browser key;
an invalid one leaves a marker the sign-in page explains.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from storage import browser_keys
from storage.access import InvalidLink
from web.cookie import address, see_other, store

LINK_PARAM = "acces"
INVALID_LINK = ("lien", "invalide")


def carries_link(query: list[tuple[str, str]]) -> bool:
    return any(name == LINK_PARAM for name, _ in query)


async def open_personal_link(path: str, query: list[tuple[str, str]], previous_key: str | None,
                             secret: bytes) -> Response:
    token = next(value for name, value in query if name == LINK_PARAM)
    rest = [(n, v) for n, v in query if n not in (LINK_PARAM, INVALID_LINK[0])]
    new_key = browser_keys.issue_key(secret)
    try:
        await run_in_threadpool(browser_keys.sign_in_with_link, store(), token, new_key, previous_key)
    except InvalidLink:
        return see_other(address(path, [*rest, INVALID_LINK]))
    return see_other(address(path, rest), new_key)
