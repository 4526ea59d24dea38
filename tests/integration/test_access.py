"""Who may open what, on SQLite and on a real PostgreSQL: passwords, links, sessions, rules."""

from __future__ import annotations

import base64
import hashlib
import threading
from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from storage import access
from storage.access import LOGIN_REFUSED, AccessDenied, InvalidLink, LoginThrottled, Principal, WeakPassword
from storage.store import Store
from storage.tables import DossierRow, SessionRow, UserRow
from storage.users import Role
from tests.integration.throttle import stored_failures

PASSWORD = "ma-phrase-de-passe-2025"
T0 = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)

# argon2 is slow on purpose (~0.1 s a hash here). The tests run with a cheap argon2id hasher,
# except those about hashing itself, which use the production one (`PRODUCTION_HASHER`).
PRODUCTION_HASHER = access._hasher
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
PASSWORD_HASH = CHEAP_HASHER.hash(PASSWORD)


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch):
    monkeypatch.setattr(access, "_hasher", CHEAP_HASHER)
    monkeypatch.setattr(access, "_DUMMY_HASH", CHEAP_HASHER.hash("guide-bilan-dummy-password"))


@pytest.fixture
def claire(store: Store):
    return store.add_user("claire@cabinet.fr", "Claire Martin", PASSWORD_HASH, Role.CONSULTANT)


@pytest.fixture
def paul(store: Store):
    return store.add_user("paul@cabinet.fr", "Paul Roux", PASSWORD_HASH, Role.CONSULTANT)


@pytest.fixture
def admin(store: Store):
    return store.add_user("direction@cabinet.fr", "Direction", PASSWORD_HASH, Role.ADMIN)


@pytest.fixture
def camille(store: Store, claire):
    """A dossier of Claire's."""
    return store.create_dossier(claire.id, "Camille", "Durand")


@pytest.fixture
def luc(store: Store, paul):
    """A dossier of Paul's."""
    return store.create_dossier(paul.id, "Luc", "Bernard")


# --- accounts --------------------------------------------------------------------------------
def test_the_first_admin_can_be_created_on_an_empty_database_only(store):
    first = access.create_first_admin(store, "Direction@Cabinet.fr", "Direction", PASSWORD)

    with pytest.raises(AccessDenied):
        access.create_first_admin(store, "intrus@exemple.fr", "Intrus", "un-autre-mot-de-passe")

    assert first.role is Role.ADMIN
    assert first.email == "direction@cabinet.fr"
    assert [u.email for u in store.list_users()] == ["direction@cabinet.fr"]


def test_no_first_admin_once_a_consultant_exists(store, claire):
    with pytest.raises(AccessDenied):
        access.create_first_admin(store, "intrus@exemple.fr", "Intrus", "un-autre-mot-de-passe")

    assert store.user_credentials("intrus@exemple.fr") is None


def test_only_an_admin_creates_accounts(store, admin, claire):
    created = access.create_account(store, admin, "zoe@cabinet.fr", "Zoé Petit", PASSWORD)

    with pytest.raises(AccessDenied):
        access.create_account(store, claire, "intrus@cabinet.fr", "Intrus", PASSWORD)

    assert created.role is Role.CONSULTANT
    assert store.user_credentials("intrus@cabinet.fr") is None


@pytest.mark.parametrize("password", ["", "court", "onze-caract"], ids=["empty", "5", "11"])
def test_a_password_shorter_than_twelve_characters_is_refused(password):
    with pytest.raises(WeakPassword, match="au moins 12 caractères"):
        access.hash_password(password)


def test_a_weak_first_admin_password_creates_nothing(store):
    with pytest.raises(WeakPassword):
        access.create_first_admin(store, "direction@cabinet.fr", "Direction", "onze-caract")

    assert store.has_users() is False


def test_production_hashing_is_argon2id_with_at_least_the_owasp_minimum_cost():
    assert PRODUCTION_HASHER.type is Type.ID
    assert PRODUCTION_HASHER.memory_cost >= 19 * 1024  # KiB
    assert PRODUCTION_HASHER.time_cost >= 2


def test_a_twelve_character_password_is_accepted_and_hashed_with_argon2id(monkeypatch):
    monkeypatch.setattr(access, "_hasher", PRODUCTION_HASHER)
    password = "douze-caract"
    assert len(password) == access.MIN_PASSWORD_LENGTH == 12

    hashed = access.hash_password(password)

    assert hashed.startswith("$argon2id$")
    assert f"m={PRODUCTION_HASHER.memory_cost},t={PRODUCTION_HASHER.time_cost}" in hashed
    assert password not in hashed


def test_the_stored_password_is_an_argon2id_hash_never_the_password(store, monkeypatch):
    monkeypatch.setattr(access, "_hasher", PRODUCTION_HASHER)
    user = access.create_first_admin(store, "direction@cabinet.fr", "Direction", PASSWORD)

    with store.session() as s:
        row = s.get(UserRow, user.id)
        stored = [str(value) for value in (row.email, row.display_name, row.password_hash)]

    assert stored[2].startswith("$argon2id$")
    assert PRODUCTION_HASHER.verify(stored[2], PASSWORD)
    assert all(PASSWORD not in value for value in stored)


def test_a_hash_weaker_than_the_current_settings_is_upgraded_at_sign_in(store, claire, monkeypatch):
    monkeypatch.setattr(access, "_hasher", PRODUCTION_HASHER)

    access.authenticate(store, "claire@cabinet.fr", PASSWORD, now=T0)

    _, upgraded = store.user_credentials("claire@cabinet.fr")
    assert upgraded != PASSWORD_HASH
    assert not PRODUCTION_HASHER.check_needs_rehash(upgraded)
    assert PRODUCTION_HASHER.verify(upgraded, PASSWORD)


# --- signing in ------------------------------------------------------------------------------
def test_the_right_password_signs_in_whatever_the_email_case(store, claire):
    assert access.authenticate(store, "  Claire@CABINET.fr ", PASSWORD, now=T0) == claire


@pytest.mark.parametrize(
    ("email", "password"),
    [("claire@cabinet.fr", "pas-le-bon-mot-de-passe"), ("inconnue@cabinet.fr", PASSWORD)],
    ids=["wrong-password", "unknown-email"],
)
def test_a_refused_login_says_the_same_thing_for_unknown_email_and_wrong_password(
    store, claire, email, password
):
    with pytest.raises(PermissionError) as refused:
        access.authenticate(store, email, password, now=T0)

    assert type(refused.value) is PermissionError
    assert str(refused.value) == LOGIN_REFUSED == "Adresse e-mail ou mot de passe incorrect."


def test_an_unknown_email_is_refused_even_with_the_password_behind_the_dummy_hash(store, claire):
    # Unknown e-mails are checked against a dummy hash (same cost): matching it is no way in.
    dummy_password = "guide-bilan-dummy-password"
    assert access._hasher.verify(access._DUMMY_HASH, dummy_password)

    with pytest.raises(PermissionError, match=LOGIN_REFUSED):
        access.authenticate(store, "inconnue@cabinet.fr", dummy_password, now=T0)


@pytest.mark.parametrize(
    ("failures", "delay"),
    [(0, 0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 8), (10, 256), (11, 300), (1000, 300)],
)
def test_the_delay_after_failed_logins_grows_then_stops_at_five_minutes(failures, delay):
    assert access.failure_delay(failures) == delay


@pytest.mark.parametrize("email", ["claire@cabinet.fr", "inconnue@cabinet.fr"],
                         ids=["known-email", "unknown-email"])
def test_after_three_failures_even_the_right_password_waits_for_the_delay(store, claire, email):
    for second in range(3):
        with pytest.raises(PermissionError):
            access.authenticate(store, email, "pas-le-bon-mot-de-passe",
                                now=T0 + timedelta(seconds=second))
    last_failure = T0 + timedelta(seconds=2)

    with pytest.raises(LoginThrottled) as throttled:
        access.authenticate(store, email, PASSWORD, now=last_failure + timedelta(seconds=1))

    assert throttled.value.wait_seconds == 2
    assert "Réessayez dans 2 secondes" in str(throttled.value)


def test_after_the_delay_the_right_password_signs_in_and_the_count_starts_again(store, claire):
    for second in range(3):
        with pytest.raises(PermissionError):
            access.authenticate(store, "claire@cabinet.fr", "pas-le-bon-mot-de-passe",
                                now=T0 + timedelta(seconds=second))

    user = access.authenticate(store, "claire@cabinet.fr", PASSWORD, now=T0 + timedelta(seconds=4))

    assert user == claire
    assert stored_failures(store, "claire@cabinet.fr") is None


def test_a_throttled_try_does_not_count_as_a_failure(store, claire):
    for second in range(3):
        with pytest.raises(PermissionError):
            access.authenticate(store, "claire@cabinet.fr", "pas-le-bon-mot-de-passe",
                                now=T0 + timedelta(seconds=second))
    with pytest.raises(LoginThrottled):
        access.authenticate(store, "claire@cabinet.fr", "pas-le-bon-mot-de-passe",
                            now=T0 + timedelta(seconds=3))

    assert stored_failures(store, "claire@cabinet.fr") == 3
    assert stored_failures(store) == 3  # nor on the client's count


def test_failures_for_one_email_do_not_slow_down_another(store, claire, paul):
    for second in range(3):
        with pytest.raises(PermissionError):
            access.authenticate(store, "paul@cabinet.fr", "pas-le-bon-mot-de-passe",
                                now=T0 + timedelta(seconds=second))

    assert access.authenticate(store, "claire@cabinet.fr", PASSWORD,
                               now=T0 + timedelta(seconds=3)) == claire


def test_parallel_wrong_guesses_cannot_slip_past_the_delay(store, claire):
    # Six tries arrive together: only the first three may be checked, the rest wait.
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def guess() -> None:
        barrier.wait()
        try:
            access.authenticate(store, "claire@cabinet.fr", "pas-le-bon-mot-de-passe", now=T0)
        except LoginThrottled:
            outcomes.append("throttled")
        except PermissionError:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 - any other outcome is the bug
            outcomes.append(repr(exc))

    threads = [threading.Thread(target=guess) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["refused"] * 3 + ["throttled"] * 3
    assert stored_failures(store, "claire@cabinet.fr") == 3
    assert stored_failures(store) == 3


# --- personal links --------------------------------------------------------------------------
def test_a_link_token_carries_256_random_bits_and_only_its_sha256_is_stored(store, claire, camille):
    token = access.issue_link(store, claire, camille.id)

    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    with store.session() as s:
        row = s.get(DossierRow, camille.id)
        stored_values = [str(getattr(row, column.key)) for column in DossierRow.__table__.columns]

    assert len(raw) == 32  # 256 bits, well above the 128 required
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not any(token in value for value in stored_values)
    assert store.dossier(camille.id).has_link is True
    assert access.dossier_for_link(store, token).id == camille.id


def test_two_issued_tokens_are_different(store, claire, camille, luc):
    assert access.issue_link(store, claire, camille.id) != access.issue_link(store, claire, camille.id)


@pytest.mark.parametrize("token", ["", "x" * 201, "pas-un-jeton-valide"],
                         ids=["empty", "too-long", "unknown"])
def test_a_bad_token_is_an_invalid_link(store, claire, camille, token):
    access.issue_link(store, claire, camille.id)

    with pytest.raises(InvalidLink) as refused:
        access.dossier_for_link(store, token)

    assert "plus) valide" in refused.value.message


def test_revoking_a_link_invalidates_it_and_signs_the_beneficiary_out(store, claire, camille):
    token = access.issue_link(store, claire, camille.id)
    access.start_session(store, "navigateur-de-camille", dossier_id=camille.id, now=T0)

    access.revoke_link(store, claire, camille.id)

    with pytest.raises(InvalidLink):
        access.dossier_for_link(store, token)
    assert access.resume_session(store, "navigateur-de-camille", now=T0) is None
    assert store.dossier(camille.id).has_link is False


def test_reissuing_a_link_invalidates_the_old_one_and_its_sessions(store, claire, camille):
    old = access.issue_link(store, claire, camille.id)
    access.start_session(store, "navigateur-de-camille", dossier_id=camille.id, now=T0)

    new = access.issue_link(store, claire, camille.id)

    with pytest.raises(InvalidLink):
        access.dossier_for_link(store, old)
    assert access.dossier_for_link(store, new).id == camille.id
    assert access.resume_session(store, "navigateur-de-camille", now=T0) is None


def test_revoking_one_link_leaves_other_dossiers_alone(store, claire, camille):
    zoe = store.create_dossier(claire.id, "Zoé", "Petit")
    zoe_token = access.issue_link(store, claire, zoe.id)
    access.start_session(store, "navigateur-de-zoe", dossier_id=zoe.id, now=T0)
    access.issue_link(store, claire, camille.id)

    access.revoke_link(store, claire, camille.id)

    assert access.dossier_for_link(store, zoe_token).id == zoe.id
    assert access.resume_session(store, "navigateur-de-zoe", now=T0) == Principal(dossier_id=zoe.id)


# --- who may open which dossier --------------------------------------------------------------
def test_a_beneficiary_opens_their_own_workbook_and_no_other(store, camille, luc):
    beneficiary = Principal(dossier_id=camille.id)

    assert access.workbook_dossier_for(store, beneficiary, camille.id).id == camille.id
    with pytest.raises(AccessDenied):
        access.workbook_dossier_for(store, beneficiary, luc.id)


def test_a_consultant_opens_their_own_dossiers_and_not_a_colleague_s(store, claire, camille, luc):
    principal = Principal(user=claire)

    assert access.workbook_dossier_for(store, principal, camille.id).id == camille.id
    with pytest.raises(AccessDenied) as refused:
        access.workbook_dossier_for(store, principal, luc.id)
    assert refused.value.message == "Ce dossier n’existe pas ou ne vous est pas confié."


def test_an_unknown_dossier_is_refused_like_a_colleague_s(store, claire, camille):
    with pytest.raises(AccessDenied):
        access.workbook_dossier_for(store, Principal(user=claire), 4242)
    with pytest.raises(AccessDenied):
        access.workbook_dossier_for(store, Principal(dossier_id=4242), 4242)


def test_an_admin_is_not_a_backdoor_to_consultants_dossiers(store, admin, camille):
    with pytest.raises(AccessDenied):
        access.workbook_dossier_for(store, Principal(user=admin), camille.id)
    with pytest.raises(AccessDenied):
        access.issue_link(store, admin, camille.id)
    with pytest.raises(AccessDenied):
        access.revoke_link(store, admin, camille.id)


def test_nobody_signed_in_opens_nothing(store, camille):
    with pytest.raises(AccessDenied):
        access.workbook_dossier_for(store, Principal(), camille.id)


def test_a_consultant_cannot_issue_or_revoke_a_colleague_s_link(store, claire, paul, luc):
    token = access.issue_link(store, paul, luc.id)
    access.start_session(store, "navigateur-de-luc", dossier_id=luc.id, now=T0)

    with pytest.raises(AccessDenied):
        access.issue_link(store, claire, luc.id)
    with pytest.raises(AccessDenied):
        access.revoke_link(store, claire, luc.id)

    assert access.dossier_for_link(store, token).id == luc.id
    assert access.resume_session(store, "navigateur-de-luc", now=T0) == Principal(dossier_id=luc.id)


# --- sessions --------------------------------------------------------------------------------
def test_a_session_resumes_with_its_principal(store, claire, camille):
    access.start_session(store, "navigateur-de-claire", user=claire, now=T0)
    access.start_session(store, "navigateur-de-camille", dossier_id=camille.id, now=T0)

    assert access.resume_session(store, "navigateur-de-claire", now=T0) == Principal(user=claire)
    assert access.resume_session(store, "navigateur-de-camille", now=T0) == Principal(
        dossier_id=camille.id)
    assert access.resume_session(store, "navigateur-inconnu", now=T0) is None


def test_only_the_session_key_digest_is_stored(store, claire):
    key = access.new_session_key()

    access.start_session(store, key, user=claire, now=T0)

    with store.session() as s:
        [row] = s.scalars(select(SessionRow)).all()
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert len(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))) == 32


@pytest.mark.parametrize(
    ("idle", "alive"),
    [(timedelta(minutes=30), True), (timedelta(minutes=120), True),
     (timedelta(minutes=120, seconds=1), False), (timedelta(days=3), False)],
)
def test_a_session_expires_after_idle_minutes_without_use(store, claire, idle, alive):
    access.start_session(store, "navigateur-de-claire", user=claire, now=T0)

    resumed = access.resume_session(store, "navigateur-de-claire", idle_minutes=120, now=T0 + idle)

    assert (resumed is not None) is alive


def test_an_expired_session_is_deleted_not_just_refused(store, claire):
    access.start_session(store, "navigateur-de-claire", user=claire, now=T0)

    assert access.resume_session(store, "navigateur-de-claire", idle_minutes=30,
                                 now=T0 + timedelta(minutes=31)) is None

    assert access.resume_session(store, "navigateur-de-claire", idle_minutes=30, now=T0) is None


def test_using_a_session_keeps_it_alive_past_the_idle_limit(store, claire):
    access.start_session(store, "navigateur-de-claire", user=claire, now=T0)

    for minutes in (20, 40, 60):
        assert access.resume_session(store, "navigateur-de-claire", idle_minutes=30,
                                     now=T0 + timedelta(minutes=minutes)) == Principal(user=claire)

    assert access.resume_session(store, "navigateur-de-claire", idle_minutes=30,
                                 now=T0 + timedelta(minutes=91)) is None


def test_signing_in_on_a_browser_replaces_whoever_was_there(store, claire, paul):
    access.start_session(store, "poste-partage", user=claire, now=T0)

    access.start_session(store, "poste-partage", user=paul, now=T0)

    assert access.resume_session(store, "poste-partage", now=T0) == Principal(user=paul)


@pytest.mark.parametrize("owners", [{}, {"user": "claire", "dossier": True}], ids=["none", "both"])
def test_a_session_belongs_to_exactly_one_user_or_one_dossier(store, claire, camille, owners):
    kwargs = {}
    if owners.get("user"):
        kwargs["user"] = claire
    if owners.get("dossier"):
        kwargs["dossier_id"] = camille.id

    with pytest.raises(ValueError):
        access.start_session(store, "navigateur", now=T0, **kwargs)


def test_ending_a_session_signs_out_that_browser_only(store, claire):
    access.start_session(store, "ordinateur", user=claire, now=T0)
    access.start_session(store, "telephone", user=claire, now=T0)

    access.end_session(store, "ordinateur")

    assert access.resume_session(store, "ordinateur", now=T0) is None
    assert access.resume_session(store, "telephone", now=T0) == Principal(user=claire)


def test_ending_all_sessions_of_a_consultant_signs_them_out_everywhere(store, claire, paul, camille):
    for key in ("ordinateur-de-claire", "telephone-de-claire"):
        access.start_session(store, key, user=claire, now=T0)
    access.start_session(store, "ordinateur-de-paul", user=paul, now=T0)
    access.start_session(store, "navigateur-de-camille", dossier_id=camille.id, now=T0)

    access.end_all_sessions(store, Principal(user=claire))

    assert access.resume_session(store, "ordinateur-de-claire", now=T0) is None
    assert access.resume_session(store, "telephone-de-claire", now=T0) is None
    assert access.resume_session(store, "ordinateur-de-paul", now=T0) == Principal(user=paul)
    assert access.resume_session(store, "navigateur-de-camille", now=T0) == Principal(dossier_id=camille.id)


def test_ending_all_sessions_of_a_beneficiary_signs_them_out_everywhere(store, claire, camille):
    zoe = store.create_dossier(claire.id, "Zoé", "Petit")
    for key in ("ordinateur-de-camille", "telephone-de-camille"):
        access.start_session(store, key, dossier_id=camille.id, now=T0)
    access.start_session(store, "navigateur-de-zoe", dossier_id=zoe.id, now=T0)
    access.start_session(store, "ordinateur-de-claire", user=claire, now=T0)

    access.end_all_sessions(store, Principal(dossier_id=camille.id))

    assert access.resume_session(store, "ordinateur-de-camille", now=T0) is None
    assert access.resume_session(store, "telephone-de-camille", now=T0) is None
    assert access.resume_session(store, "navigateur-de-zoe", now=T0) == Principal(dossier_id=zoe.id)
    assert access.resume_session(store, "ordinateur-de-claire", now=T0) == Principal(user=claire)


def test_ending_all_sessions_of_nobody_is_refused_and_signs_nobody_out(store, claire):
    access.start_session(store, "ordinateur-de-claire", user=claire, now=T0)

    with pytest.raises(ValueError):
        access.end_all_sessions(store, Principal())

    assert access.resume_session(store, "ordinateur-de-claire", now=T0) == Principal(user=claire)
