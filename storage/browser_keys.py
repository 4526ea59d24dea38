"""Browser keys: the value of the cookie that names a browser, signed by the server, and what
binds a session to a new one at every sign-in.

A browser key is `<random>.<signature>`: 256 random bits and their HMAC-SHA256 under the server
secret, both in URL-safe base64. Only keys the server issued verify, so a value chosen by
someone else (planted in a shared browser, or by a sibling site) is never taken as a key. And
since a key known before a sign-in could have been planted too, every sign-in binds its session
to a NEW key: by a personal link (`sign_in_with_link`), or after a password check, through a
one-time nonce that the browser brings back to the HTTP layer (`issue_sign_in_nonce`, then
`redeem_sign_in_nonce`), since only an HTTP response can set the cookie.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

import settings
from domain.model import utcnow
from storage import access
from storage.access import Principal, digest
from storage.store import Store
from storage.tables import ServerSecretRow, SignInNonceRow
from storage.users import User

SECRET_SETTING = settings.SECRET_KEY.variable
MIN_SECRET_LENGTH = 32
NONCE_LIFETIME = timedelta(minutes=2)
_SECRET_NAME = "browser_keys"
_KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}")


class SecretTooShort(ValueError):
    def __init__(self):
        super().__init__(
            f"{SECRET_SETTING} doit compter au moins {MIN_SECRET_LENGTH} caractères "
            "(par exemple la sortie de « openssl rand -hex 32 »)."
        )


# --- the server secret -------------------------------------------------------------------------
_SECRETS: dict[str, bytes] = {}
_SECRETS_LOCK = threading.Lock()


def server_secret(store: Store) -> bytes:
    """The key that signs browser keys: the setting when set, otherwise one the server made
    for itself and keeps in the database, so every server process of that database shares it."""
    configured = settings.secret_key()
    if configured:
        if len(configured) < MIN_SECRET_LENGTH:
            raise SecretTooShort()
        return configured.encode("utf-8")
    url = store.engine.url.render_as_string(hide_password=False)
    with _SECRETS_LOCK:
        if url not in _SECRETS:
            _SECRETS[url] = _stored_secret(store).encode("ascii")
        return _SECRETS[url]


def _stored_secret(store: Store) -> str:
    with store.session() as s:
        row = s.get(ServerSecretRow, _SECRET_NAME)
        if row is not None:
            return row.value
    try:
        with store.session.begin() as s:
            s.add(ServerSecretRow(name=_SECRET_NAME, value=secrets.token_urlsafe(48),
                                  created_at=utcnow()))
    except IntegrityError:
        pass  # another server process made it first: use theirs
    with store.session() as s:
        return s.get(ServerSecretRow, _SECRET_NAME).value


# --- signed keys --------------------------------------------------------------------------------
def _signature(secret: bytes, raw: str) -> str:
    mac = hmac.new(secret, raw.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def issue_key(secret: bytes) -> str:
    """A new browser key: 256 random bits, signed."""
    raw = secrets.token_urlsafe(32)
    return f"{raw}.{_signature(secret, raw)}"


def verified_key(secret: bytes, value: str | None) -> str | None:
    """`value` if the server issued it (its signature holds), else None."""
    if not value or not _KEY_SHAPE.fullmatch(value):
        return None
    raw, _, signature = value.partition(".")
    return value if hmac.compare_digest(signature, _signature(secret, raw)) else None


# --- sign-in on a new key ----------------------------------------------------------------------
def sign_in_with_link(store: Store, token: str, new_key: str,
                      previous_key: str | None = None) -> Principal:
    """Open the dossier of a personal link on `new_key`; whoever was signed in with the
    browser's previous key is signed out. Raises InvalidLink (and changes nothing)."""
    dossier = access.dossier_for_link(store, token)
    if previous_key:
        access.end_session(store, previous_key)
    return access.start_session(store, new_key, dossier_id=dossier.id)


def issue_sign_in_nonce(store: Store, browser_key: str, user: User,
                        now: datetime | None = None) -> str:
    """After a password check: a one-time nonce that signs `user` in, within NONCE_LIFETIME,
    for the browser holding `browser_key` only. Only its SHA-256 is stored."""
    now = now or utcnow()
    nonce = secrets.token_urlsafe(32)
    with store.session.begin() as s:
        s.execute(delete(SignInNonceRow).where(SignInNonceRow.expires_at < now))
        s.add(SignInNonceRow(nonce_hash=digest(nonce), browser_key_hash=digest(browser_key),
                             user_id=user.id, expires_at=now + NONCE_LIFETIME))
    return nonce


def redeem_sign_in_nonce(store: Store, nonce: str, browser_key: str | None, new_key: str,
                         now: datetime | None = None) -> Principal | None:
    """Sign the nonce's user in on `new_key`, ending the session of `browser_key`; None when
    the nonce is unknown, already used, expired or issued to another browser. A nonce is
    spent by its first use, whatever the outcome."""
    now = now or utcnow()
    if not nonce or len(nonce) > 200 or not browser_key:
        return None
    with store.session.begin() as s:
        row = s.get(SignInNonceRow, digest(nonce))
        if row is None:
            return None
        user_id, bound_to, expires_at = row.user_id, row.browser_key_hash, row.expires_at
        # Of two redemptions racing for the same nonce, only one deletes the row.
        spent = s.execute(
            delete(SignInNonceRow).where(SignInNonceRow.nonce_hash == digest(nonce))
        ).rowcount
    if spent != 1 or now > expires_at or not hmac.compare_digest(bound_to, digest(browser_key)):
        return None
    access.end_session(store, browser_key)
    return access.start_session(store, new_key, user=store.user(user_id), now=now)
