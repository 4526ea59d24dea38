"""scripts.demo_data: the demo consultant and dossiers, created once, however often it runs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from domain.model import utcnow
from questionnaires.loader import load_bank
from scoring.quality import QualityVerdict
from scripts import demo_data
from storage import access
from storage.store import Store
from storage.users import Role
from workbook import valeurs
from workbook.activity import time_per_module
from workbook.interets import interets_results

LINK = re.compile(r"http://localhost:8501/\?acces=([A-Za-z0-9_-]{40,})")


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'demo.sqlite3'}"


def run(url: str, capsys, *extra: str) -> str:
    assert demo_data.main(["--database-url", url, *extra]) == 0
    return capsys.readouterr().out


def open_store(url: str) -> Store:
    return Store.from_url(url)


def test_creates_the_consultant_and_two_dossiers(url, capsys):
    out = run(url, capsys)
    store = open_store(url)
    try:
        [user] = store.list_users()
        assert (user.email, user.display_name, user.role) == (
            demo_data.DEMO_EMAIL, "Claire Martin", Role.ADMIN)
        assert access.authenticate(store, demo_data.DEMO_EMAIL, demo_data.DEFAULT_PASSWORD) == user
        names = sorted(d.full_name for d in store.dossiers_of(user.id))
        assert names == ["Léa Dubois", "Marc Petit"]
    finally:
        store.engine.dispose()
    assert demo_data.DEFAULT_PASSWORD in out
    assert "essayer" in out


def test_lea_has_a_complete_believable_profile(url, capsys):
    out = run(url, capsys)
    bank = load_bank("interets_riasec")
    store = open_store(url)
    try:
        dossiers = {d.first_name: d for d in store.dossiers_of(store.list_users()[0].id)}
        lea = store.load(dossiers["Léa"].id).workbook
        results = interets_results(lea.interets, bank)
        assert results.riasec.complete and lea.interets.completed_at is not None
        assert results.riasec.code.startswith("S")
        assert results.quality.verdict is QualityVerdict.OK
        assert len(set(lea.interets.answers.values())) == 5
        assert [t.group for t in lea.interets.page_timings] == list(range(9))
        assert all(20 <= t.seconds <= 60 for t in lea.interets.page_timings)
        started = lea.beneficiary.started_on
        assert timedelta(days=18) <= utcnow().date() - started <= timedelta(days=24)

        events = store.activity(dossiers["Léa"].id)
        assert len({at.date() for _m, at in events}) == 3
        assert all(at < utcnow() for _m, at in events)
        guided = time_per_module(events)["interets"]
        assert timedelta(minutes=5) < guided < timedelta(minutes=40)

        # Her work values are answered too, her five not chosen yet: the next step on screen.
        profile = valeurs.valeurs_scores(lea.valeurs)
        assert valeurs.finished(lea) and lea.valeurs_top == []
        assert profile.ranking[:3] == ["utilite_sociale", "equilibre", "relations"]

        marc = store.load(dossiers["Marc"].id).workbook.interets
        assert store.load(dossiers["Marc"].id).workbook.valeurs is None
        assert len(marc.answers) == 24 and marc.completed_at is None
        assert {item.id for group in bank.groups()[:4] for item in group} == set(marc.answers)

        # The printed link opens Léa's dossier.
        token = LINK.search(out).group(1)
        assert access.dossier_for_link(store, token).id == dossiers["Léa"].id
    finally:
        store.engine.dispose()


def test_running_twice_creates_nothing_twice(url, capsys):
    run(url, capsys)
    store = open_store(url)
    try:
        user = store.list_users()[0]
        before = {d.id: (store.load(d.id).version, len(store.activity(d.id)))
                  for d in store.dossiers_of(user.id)}
    finally:
        store.engine.dispose()

    out = run(url, capsys)
    assert out.count("existe déjà") == 3
    store = open_store(url)
    try:
        assert len(store.list_users()) == 1
        after = {d.id: (store.load(d.id).version, len(store.activity(d.id)))
                 for d in store.dossiers_of(user.id)}
        assert after == before
        # The new link works; only a digest is kept, so each run issues a new one.
        token = LINK.search(out).group(1)
        assert access.dossier_for_link(store, token).first_name == "Léa"
    finally:
        store.engine.dispose()


def test_existing_account_keeps_its_password(url, capsys):
    run(url, capsys)
    out = run(url, capsys, "--password", "un-autre-mot-de-passe")
    assert "inchangé" in out and "un-autre-mot-de-passe" not in out


def test_weak_password_is_refused_before_writing(url, capsys, tmp_path):
    assert demo_data.main(["--database-url", url, "--password", "court"]) == 2
    assert "Le mot de passe doit compter au moins 12 caractères." in capsys.readouterr().err
    assert not (tmp_path / "demo.sqlite3").exists()
