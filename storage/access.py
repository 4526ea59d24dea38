"""Who may open what: passwords, personal links, sessions, and the rules between them.

Secrets are never stored: passwords as argon2 hashes, link tokens and session keys as
SHA-256 digests (they are 256-bit random values, so a fast hash is enough for them).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

import settings
from domain.model import utcnow
from storage.client_address import client_bucket
from storage.dossiers import Dossier
from storage.errors import NotFoundError
from storage.store import Store
from storage.tables import DossierRow, LoginThrottleRow, SessionRow
from storage.users import Role, User, normalise_email

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so both cases cost the same time.
_DUMMY_HASH = _hasher.hash("guide-bilan-dummy-password")

LOGIN_REFUSED = "Adresse e-mail ou mot de passe incorrect."
MIN_PASSWORD_LENGTH = 12
DEFAULT_IDLE_MINUTES = int(settings.SESSION_IDLE_MINUTES.default)


class AccessDenied(Exception):
    message = "Ce dossier n’existe pas ou ne vous est pas confié."


class InvalidLink(Exception):
    message = (
        "Ce lien n’est pas (ou plus) valide. Demandez un nouveau lien personnel "
        "à votre consultant ou consultante."
    )


class LoginThrottled(Exception):
    def __init__(self, wait_seconds: int):
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Trop de tentatives de connexion. Réessayez dans {wait_seconds} secondes."
        )


class WeakPassword(ValueError):
    pass


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            f"Le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères."
        )
    return _hasher.hash(password)


def failure_delay(failures: int) -> int:
    """Seconds to wait before the next try of one e-mail from one client: none for the first
    two failures, then doubling up to five minutes."""
    return 0 if failures < 3 else min(2 ** (failures - 2), 300)


def client_delay(failures: int) -> int:
    """Seconds to wait before the next try from one client, whatever the e-mail: none for the
    first nine failures of the day, then doubling up to five minutes (trying many addresses
    from one client slows down too)."""
    return 0 if failures < 10 else min(2 ** (failures - 9), 300)


FAILURES_KEPT_FOR = timedelta(days=1)


def throttle_key(bucket: str, email: str | None = None) -> str:
    """The digest a failure count is stored under: one (e-mail, client) pair, or one client
    (`email` None). `bucket` is `client_address.client_bucket` of the client's address."""
    scope = f"client\0{bucket}" if email is None else f"pair\0{bucket}\0{email}"
    return digest(scope)


# --- consultants and administrators ---------------------------------------------------------
def create_first_admin(store: Store, email: str, display_name: str, password: str) -> User:
    if store.has_users():
        raise AccessDenied("Un administrateur existe déjà.")
    return store.add_user(email, display_name, hash_password(password), Role.ADMIN)


def create_account(store: Store, by: User, email: str, display_name: str, password: str,
                   role: Role = Role.CONSULTANT) -> User:
    if by.role is not Role.ADMIN:
        raise AccessDenied("Seule une personne administratrice peut créer un compte.")
    return store.add_user(email, display_name, hash_password(password), role)


def authenticate(store: Store, email: str, password: str, now: datetime | None = None,
                 client: str | None = None) -> User:
    """Check e-mail and password; the same message whether the e-mail is unknown or not.

    `client` is the address the try comes from (`client_address.client_address`; None when
    unknown). Failures are counted per (e-mail, client) pair and per client: a stranger's
    wrong tries never delay the owner on another client."""
    now = now or utcnow()
    email = normalise_email(email)
    bucket = client_bucket(client)
    pair_key, client_key = throttle_key(bucket, email[:254]), throttle_key(bucket)
    with store.session.begin() as s:
        s.execute(delete(LoginThrottleRow)
                  .where(LoginThrottleRow.last_failure_at < now - FAILURES_KEPT_FOR))
    # The try is counted as a failure before the password is checked (and forgiven on success):
    # tries sent in parallel cannot all pass the delay check before the first failure is written.
    _count_attempt(store, client_key, client_delay, now)
    try:
        _count_attempt(store, pair_key, failure_delay, now)
    except LoginThrottled:
        _forgive_attempt(store, client_key)  # a try refused unchecked is no failure
        raise
    found = store.user_credentials(email)
    password_hash = found[1] if found else _DUMMY_HASH
    try:
        _hasher.verify(password_hash, password)
        ok = found is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        raise PermissionError(LOGIN_REFUSED)
    with store.session.begin() as s:
        s.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == pair_key))
    # Only this try is forgiven on the client's count: signing in to one's own account
    # between guesses at others must not wipe it.
    _forgive_attempt(store, client_key)
    user, stored_hash = found
    if _hasher.check_needs_rehash(stored_hash):
        store.set_password_hash(user.id, _hasher.hash(password))
    return user


_COUNT_TRIES = 50


def _count_attempt(store: Store, key: str, delay: Callable[[int], int], now: datetime) -> None:
    """Raise LoginThrottled while the delay runs; otherwise add one failure, atomically.

    Compare-and-set on the failure count (like the workbook's optimistic lock): of several
    tries racing on the same count, one wins and the others read the new count again.
    """
    for _ in range(_COUNT_TRIES):
        with store.session() as s:
            row = s.get(LoginThrottleRow, key)
            seen = (row.failures, row.last_failure_at) if row is not None else None
        if seen is None:
            try:
                with store.session.begin() as s:
                    s.add(LoginThrottleRow(key=key, failures=1, last_failure_at=now))
                return
            except IntegrityError:
                continue  # a parallel try created the row first: read it again
        failures, last_failure_at = seen
        ready_at = last_failure_at + timedelta(seconds=delay(failures))
        if now < ready_at:
            raise LoginThrottled(int((ready_at - now).total_seconds()) + 1)
        with store.session.begin() as s:
            counted = s.execute(
                update(LoginThrottleRow)
                .where(LoginThrottleRow.key == key, LoginThrottleRow.failures == failures)
                .values(failures=failures + 1, last_failure_at=now)
            ).rowcount
        if counted == 1:
            return
    raise LoginThrottled(1)


def _forgive_attempt(store: Store, key: str) -> None:
    with store.session.begin() as s:
        s.execute(update(LoginThrottleRow)
                  .where(LoginThrottleRow.key == key, LoginThrottleRow.failures > 0)
                  .values(failures=LoginThrottleRow.failures - 1))


# --- dossiers and personal links --------------------------------------------------------------
def dossier_for(store: Store, user: User, dossier_id: int) -> Dossier:
    """The dossier if `user` is its consultant; otherwise AccessDenied, even for an admin."""
    try:
        dossier = store.dossier(dossier_id)
    except NotFoundError:
        raise AccessDenied(AccessDenied.message) from None
    if dossier.consultant_id != user.id:
        raise AccessDenied(AccessDenied.message)
    return dossier


def issue_link(store: Store, user: User, dossier_id: int) -> str:
    """A new personal link token (256 bits); the previous one stops working at once."""
    dossier_for(store, user, dossier_id)
    token = secrets.token_urlsafe(32)
    with store.session.begin() as s:
        s.execute(
            update(DossierRow).where(DossierRow.id == dossier_id)
            .values(token_hash=digest(token), token_issued_at=utcnow())
        )
        s.execute(delete(SessionRow).where(SessionRow.dossier_id == dossier_id))
    return token


def revoke_link(store: Store, user: User, dossier_id: int) -> None:
    dossier_for(store, user, dossier_id)
    with store.session.begin() as s:
        s.execute(
            update(DossierRow).where(DossierRow.id == dossier_id)
            .values(token_hash=None, token_issued_at=None)
        )
        s.execute(delete(SessionRow).where(SessionRow.dossier_id == dossier_id))


def dossier_for_link(store: Store, token: str) -> Dossier:
    if not token or len(token) > 200:
        raise InvalidLink(InvalidLink.message)
    with store.session() as s:
        row = s.scalar(select(DossierRow).where(DossierRow.token_hash == digest(token)))
        if row is None:
            raise InvalidLink(InvalidLink.message)
        return store.dossier(row.id)


# --- sessions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Principal:
    """Who is signed in: a consultant (or administrator) or the beneficiary of one dossier."""

    user: User | None = None
    dossier_id: int | None = None

    @property
    def is_beneficiary(self) -> bool:
        return self.dossier_id is not None and self.user is None


def new_session_key() -> str:
    return secrets.token_urlsafe(32)


def start_session(store: Store, key: str, *, user: User | None = None,
                  dossier_id: int | None = None, now: datetime | None = None) -> Principal:
    if (user is None) == (dossier_id is None):
        raise ValueError("a session belongs to exactly one user or one dossier")
    now = now or utcnow()
    with store.session.begin() as s:
        # Signing in on this browser replaces whoever was signed in on it before.
        s.execute(delete(SessionRow).where(SessionRow.key_hash == digest(key)))
        s.add(SessionRow(key_hash=digest(key), user_id=user.id if user else None,
                         dossier_id=dossier_id, created_at=now, last_seen_at=now))
    return Principal(user=user, dossier_id=dossier_id)


def resume_session(store: Store, key: str, *, idle_minutes: int = DEFAULT_IDLE_MINUTES,
                   now: datetime | None = None) -> Principal | None:
    """The principal of a live session, touching it; None (and the session deleted) if expired."""
    now = now or utcnow()
    with store.session.begin() as s:
        row = s.scalar(select(SessionRow).where(SessionRow.key_hash == digest(key)))
        if row is None:
            return None
        if now - row.last_seen_at > timedelta(minutes=idle_minutes):
            s.delete(row)
            return None
        # Touch at most once a minute: a rerun should not cost a write.
        if now - row.last_seen_at > timedelta(minutes=1):
            row.last_seen_at = now
        user_id, dossier_id = row.user_id, row.dossier_id
    if user_id is not None:
        return Principal(user=store.user(user_id))
    return Principal(dossier_id=dossier_id)


def end_session(store: Store, key: str) -> None:
    with store.session.begin() as s:
        s.execute(delete(SessionRow).where(SessionRow.key_hash == digest(key)))


def end_all_sessions(store: Store, principal: Principal) -> None:
    """Sign out on every device and browser of this person."""
    if principal.user is None and principal.dossier_id is None:
        # `dossier_id == None` would become `IS NULL` and sign out every consultant.
        raise ValueError("end_all_sessions needs a signed-in user or dossier")
    with store.session.begin() as s:
        if principal.user is not None:
            s.execute(delete(SessionRow).where(SessionRow.user_id == principal.user.id))
        else:
            s.execute(delete(SessionRow).where(SessionRow.dossier_id == principal.dossier_id))


def workbook_dossier_for(store: Store, principal: Principal, dossier_id: int) -> Dossier:
    """The one rule for opening a workbook: its beneficiary, or its own consultant."""
    if principal.is_beneficiary:
        if principal.dossier_id != dossier_id:
            raise AccessDenied(AccessDenied.message)
        try:
            return store.dossier(dossier_id)
        except NotFoundError:
            raise AccessDenied(AccessDenied.message) from None
    if principal.user is None:
        raise AccessDenied(AccessDenied.message)
    return dossier_for(store, principal.user, dossier_id)
