"""The end of a password sign-in: the address the page sends the browser to, with a one-time
nonce, so that the HTTP layer binds the session to a new browser key (a script running over the
websocket cannot set a cookie)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from storage import browser_keys
from web.cookie import browser_key_from_headers, current_secret, see_other, store

SIGN_IN_PATH = "/_session"
NONCE_PARAM = "n"
FAILED = ("connexion", "echec")


def handover_address(nonce: str) -> str:
    return f"{SIGN_IN_PATH}?{NONCE_PARAM}={nonce}"


async def finish_sign_in(request: Request) -> Response:
    secret = await run_in_threadpool(current_secret)
    key = browser_key_from_headers(request.scope["headers"], secret)
    new_key = browser_keys.issue_key(secret)
    nonce = request.query_params.get(NONCE_PARAM, "")
    principal = await run_in_threadpool(browser_keys.redeem_sign_in_nonce, store(), nonce, key, new_key)
    if principal is None:
        return see_other(f"/?{FAILED[0]}={FAILED[1]}")
    return see_other("/", new_key)


ROUTES = [Route(SIGN_IN_PATH, finish_sign_in, methods=["GET"])]
