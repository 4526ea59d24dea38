"""Demo data: a consultant and two beneficiaries, to try the app or show it.

    python -m scripts.demo_data [--password MOT_DE_PASSE] [--base-url URL] [--database-url URL]

Creates, in the configured database (DATABASE_URL, else the SQLite file in data/):

* the administrator-consultant « Claire Martin » (demo.consultante@example.org);
* the dossier of « Léa Dubois »: interests questionnaire fully answered (code S-A-I), work
  values answered (her five values still to choose), bilan started three weeks ago, three
  working sessions on different days;
* the dossier of « Marc Petit »: half-way through (first 4 groups of 6 answered).

Running it again creates nothing twice: it says what already exists and leaves it as it is.
Each run issues a new personal link for Léa (only a digest of the token is stored, so an
earlier link cannot be printed again) and the previous link stops working.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import update
from sqlalchemy.engine import make_url

from domain.model import AcquisKind, QuestionnaireAnswers, Workbook, new_workbook, utcnow
from questionnaires import engine
from questionnaires.bank import Bank, groups
from questionnaires.loader import load_bank, load_texts
from scoring.hexagon import dashed_code
from storage import access
from storage.dossier_overview import dossier_overview
from storage.dossiers import Dossier
from storage.engine import database_url
from storage.store import Store
from storage.tables import DossierRow
from storage.users import Role, User
from workbook import acquis, attentes, parcours, reflexions, roue, valeurs
from workbook.activity import format_duration
from workbook.interets import interets_results
from workbook.modules import INTERETS_BANK

PARIS = ZoneInfo("Europe/Paris")

DEMO_EMAIL = "demo.consultante@example.org"
DEMO_NAME = "Claire Martin"
DEFAULT_PASSWORD = "demo-guide-bilan"
DEFAULT_BASE_URL = "http://localhost:8501"
MODULE = "interets"

# Answers per RIASEC type, given to that type's items in bank order. The bank interleaves the
# types (R I A S E C R I A ...), so consecutive answers vary: no straight-lining.
# Léa: S 4.33 > A 3.89 > I 3.33 > E 2.78 > C 2.22 > R 1.67 → code S-A-I, clear but not extreme.
LEA_ANSWERS = {
    "R": [1, 2, 2, 1, 3, 2, 1, 2, 1],
    "I": [3, 4, 3, 4, 2, 4, 3, 4, 3],
    "A": [4, 5, 3, 4, 4, 3, 5, 4, 3],
    "S": [5, 4, 5, 4, 4, 5, 3, 5, 4],
    "E": [3, 2, 3, 4, 2, 3, 2, 3, 3],
    "C": [2, 3, 2, 1, 3, 2, 2, 3, 2],
}
# Marc leans E-C-R; only his first 4 groups (4 items of each type) are answered.
MARC_ANSWERS = {
    "R": [3, 4, 2, 3],
    "I": [2, 3, 2, 1],
    "A": [1, 2, 2, 1],
    "S": [3, 2, 3, 2],
    "E": [5, 4, 4, 5],
    "C": [4, 3, 4, 4],
}


# Léa's work values (importance 1..5, per value, to its items in bank order): helping others,
# colleagues and balance first; pay and challenge matter less. Marc has not begun them.
LEA_VALUES = {
    "utilite_sociale": [5, 5, 4], "relations": [5, 4, 4], "equilibre": [5, 4, 5],
    "securite": [4, 4, 3], "accomplissement": [4, 3, 4], "autonomie": [3, 4, 3],
    "creativite": [3, 3, 4], "soutien": [4, 3, 3], "variete": [3, 2, 3],
    "reconnaissance": [3, 3, 2], "defi": [2, 3, 2], "remuneration": [3, 2, 3],
}


@dataclass(frozen=True)
class Sitting:
    """One working session of a beneficiary: the day, the Paris time, the groups done."""

    days_ago: int
    at: time
    groups: tuple[int, ...]
    reads_intro: bool = False
    reads_results: bool = False


@dataclass(frozen=True)
class Persona:
    first_name: str
    last_name: str
    started_days_ago: int
    answers: dict[str, list[int]]
    sittings: tuple[Sitting, ...]
    seed: int
    values: dict[str, list[int]] | None = None  # answered in the last sitting, after the interests


LEA = Persona(
    "Léa", "Dubois", 21, LEA_ANSWERS,
    (
        Sitting(20, time(18, 40), (0, 1, 2), reads_intro=True),
        Sitting(12, time(12, 15), (3, 4, 5)),
        Sitting(3, time(20, 5), (6, 7, 8), reads_results=True),
    ),
    seed=1821,
    values=LEA_VALUES,
)
MARC = Persona(
    "Marc", "Petit", 10, MARC_ANSWERS,
    (
        Sitting(8, time(9, 30), (0, 1), reads_intro=True),
        Sitting(2, time(17, 50), (2, 3)),
    ),
    seed=2407,
)


@dataclass
class DemoResult:
    consultant: User
    lea: Dossier
    marc: Dossier
    lea_token: str | None
    # True: the given password opens the account; False: the account existed with another one.
    password_works: bool
    lines: list[str] = field(default_factory=list)


# --- building a workbook as if the beneficiary had filled it in ---------------------------------
def _paris(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=PARIS).astimezone(timezone.utc)


def _filled(persona: Persona, bank: Bank, today: date) -> tuple[Workbook, list[datetime], datetime]:
    """The persona's workbook, activity journal and dossier creation time, relative to `today`."""
    rng = random.Random(persona.seed)
    all_groups = groups(bank)
    started_on = today - timedelta(days=persona.started_days_ago)
    created_at = _paris(started_on, time(10, 30))  # the first meeting with the consultant
    taken = {letter: 0 for letter in persona.answers}
    events: list[datetime] = []
    state: QuestionnaireAnswers | None = None
    for sitting in persona.sittings:
        t = _paris(today - timedelta(days=sitting.days_ago), sitting.at)
        t += timedelta(seconds=rng.randint(0, 240))
        if state is None:
            state = engine.start(bank, now=t)
        events.append(t)  # the questionnaire page is opened
        if sitting.reads_intro:
            t += timedelta(seconds=rng.uniform(45, 90))
            events.append(t)
        for index in sitting.groups:
            state = engine.go_to_group(state, bank, index)
            items = all_groups[index]
            seconds = round(rng.uniform(20, 60), 2)  # shown → « Groupe suivant »
            end = t + timedelta(seconds=seconds)
            # The journal while answering: an event every 15 to 40 seconds, and one at the end.
            step = t + timedelta(seconds=rng.uniform(15, 40))
            while step < end - timedelta(seconds=10):
                events.append(step)
                step += timedelta(seconds=rng.uniform(15, 40))
            events.append(end)
            for position, item in enumerate(items, start=1):
                values = persona.answers[item.dimension]
                value = values[taken[item.dimension]]
                taken[item.dimension] += 1
                answered_at = t + timedelta(seconds=seconds * position / len(items))
                state = engine.answer(state, bank, item.id, value, now=answered_at)
            state = engine.record_timing(state, index, len(items), seconds)
            t = end + timedelta(seconds=rng.uniform(2, 6))  # the next group is drawn
        last = sitting.groups[-1]
        next_group = last if last == len(all_groups) - 1 else last + 1
        state = engine.go_to_group(state, bank, next_group)
        if sitting.reads_results:
            # The results page journals at most once a minute while it is read.
            for _ in range(rng.randint(3, 5)):
                events.append(t)
                t += timedelta(seconds=rng.uniform(55, 75))
    workbook = new_workbook(persona.first_name, persona.last_name, started_on)
    workbook = Workbook.model_validate(
        {**workbook.model_dump(), "created_at": created_at, "interets": state.model_dump()}
    )
    if persona.values:
        workbook = workbook.model_copy(update={"valeurs": _values_answered(persona.values, t)})
    return workbook, sorted(events), created_at


def _values_answered(values: dict[str, list[int]], at: datetime) -> QuestionnaireAnswers:
    """The values questionnaire answered at `at`, every value's items in bank order."""
    bank = load_bank(valeurs.VALEURS_BANK)
    taken = {dimension: 0 for dimension in values}
    state = engine.start(bank, now=at)
    for item in bank.items:
        state = engine.answer(state, bank, item.id, values[item.dimension][taken[item.dimension]], now=at)
        taken[item.dimension] += 1
    return engine.go_to_group(state, bank, len(groups(bank)) - 1)


def _fill(store: Store, dossier: Dossier, persona: Persona, bank: Bank, today: date) -> None:
    workbook, events, created_at = _filled(persona, bank, today)
    stored = store.load(dossier.id)
    store.save(dossier.id, workbook, stored.version)
    with store.session.begin() as s:
        # The dossier was opened at the first meeting, not when this script ran.
        s.execute(update(DossierRow).where(DossierRow.id == dossier.id).values(created_at=created_at))
    for at in events:
        store.record_activity(dossier.id, MODULE, at=at)


# --- a workbook at the end of a bilan (benchmark, tests) ----------------------------------------
def every_module_filled(workbook: Workbook) -> Workbook:
    """The workbook with every module of the guide filled in, as at the end of a bilan: six
    steps of parcours, twenty rated acquis, ten priorities, five values, fifteen conditions of
    work, the life wheel and every guided question answered; the two questionnaires are
    answered too when they are not yet."""
    for name, bank_id in (("interets", INTERETS_BANK), ("valeurs", valeurs.VALEURS_BANK)):
        if getattr(workbook, name) is None:
            bank = load_bank(bank_id)
            answers = {item.id: 1 + n * 7 % 5 for n, item in enumerate(bank.items)}
            workbook = workbook.model_copy(update={name: engine.answer_many(engine.start(bank), bank, answers)})
    words = "Une réponse de quelques lignes, comme en écrivent les bénéficiaires. " * 4
    for year in range(2008, 2020, 2):
        workbook, entry_id = parcours.add_entry(workbook, kind="emploi", title=f"Emploi {year}",
                                                start=f"{year}-09", end=f"{year + 2}-06")
        workbook = parcours.update_entry(workbook, entry_id, activities=words, liked=words, learned=words)
    workbook = parcours.set_fils_conducteurs(workbook, words)
    kinds = list(AcquisKind)
    for n in range(20):
        workbook, item_id = acquis.add_acquis(workbook, kinds[n % 3], f"Acquis numéro {n + 1}")
        workbook = acquis.update_acquis(workbook, item_id, maitrise=1 + n % 4, envie=1 + (n // 2) % 4)
    workbook = acquis.set_priorities(workbook, [item.id for item in workbook.inventaire.items[:10]])
    workbook = valeurs.set_top(workbook, [d.id for d in valeurs.bank(workbook.valeurs).dimensions[:5]])
    specs = [spec for group in attentes.condition_groups(load_texts("attentes")) for spec in group.conditions]
    for n, spec in enumerate(specs[:15]):
        workbook = attentes.set_preference(workbook, spec, ("souhaité", "accepté", "refusé")[n % 3])
    workbook = attentes.set_salaire_minimum(attentes.set_notes(workbook, words), 1900)
    workbook = attentes.set_demenagement(attentes.set_trajet_max(workbook, 45), "dans ma région")
    for n, domain in enumerate(roue.domains_of(workbook)):
        workbook = roue.set_importance(roue.set_satisfaction(workbook, domain.id, 2 + n), domain.id, 9 - n)
    for page in load_texts("reflexions").pages.values():
        for question in page.fields:
            workbook = reflexions.set_text(workbook, question.id, words)
    return workbook



# --- the demo accounts ----------------------------------------------------------------------------
def _password_works(password_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _consultant(store: Store, password: str, lines: list[str]) -> tuple[User, bool]:
    found = store.user_credentials(DEMO_EMAIL)
    if found is not None:
        user, password_hash = found
        works = _password_works(password_hash, password)
        role = "administratrice" if user.role is Role.ADMIN else "consultante (non administratrice)"
        lines.append(f"Compte de {user.display_name} <{user.email}> : existe déjà ({role}), inchangé.")
        return user, works
    if store.has_users():
        # Other accounts exist: create_first_admin would refuse, so add the account directly.
        user = store.add_user(DEMO_EMAIL, DEMO_NAME, access.hash_password(password), Role.ADMIN)
        lines.append(
            f"Compte de {user.display_name} <{user.email}> : créé (administratrice et "
            "consultante), à côté des comptes qui existaient déjà."
        )
    else:
        user = access.create_first_admin(store, DEMO_EMAIL, DEMO_NAME, password)
        lines.append(f"Compte de {user.display_name} <{user.email}> : créé (administratrice et consultante).")
    return user, True


def _describe(store: Store, dossier: Dossier, bank: Bank) -> str:
    workbook = store.load(dossier.id).workbook
    progress = engine.progress(workbook.interets, bank)
    view = dossier_overview(store, dossier)
    sittings = len({at.astimezone(PARIS).date() for _module, at in store.activity(dossier.id)})
    text = f"questionnaire d’intérêts {progress.answered} réponses sur {progress.total}"
    if progress.complete:
        code = interets_results(workbook.interets, bank).riasec.code
        text += f" (complet, code {dashed_code(code)})"
    text += f", bilan commencé le {workbook.beneficiary.started_on:%d/%m/%Y}"
    return text + f", {sittings} séance(s), travail guidé {format_duration(view.time_spent)}"


def _dossier(store: Store, consultant: User, persona: Persona, bank: Bank, today: date,
             lines: list[str]) -> Dossier:
    name = f"{persona.first_name} {persona.last_name}"
    existing = [d for d in store.dossiers_of(consultant.id)
                if (d.first_name, d.last_name) == (persona.first_name, persona.last_name)]
    if existing:
        dossier = existing[0]
        if store.load(dossier.id).workbook.interets is None and not store.activity(dossier.id):
            # Left empty by an interrupted earlier run: fill it now.
            _fill(store, dossier, persona, bank, today)
            dossier = store.dossier(dossier.id)
            lines.append(f"Dossier de {name} : existait vide, rempli — {_describe(store, dossier, bank)}.")
        else:
            lines.append(f"Dossier de {name} : existe déjà, inchangé — {_describe(store, dossier, bank)}.")
        return dossier
    dossier = store.create_dossier(consultant.id, persona.first_name, persona.last_name)
    _fill(store, dossier, persona, bank, today)
    dossier = store.dossier(dossier.id)
    lines.append(f"Dossier de {name} : créé — {_describe(store, dossier, bank)}.")
    return dossier


def create_demo_data(store: Store, *, password: str = DEFAULT_PASSWORD, issue_link: bool = True,
                     now: datetime | None = None) -> DemoResult:
    """Create what is missing of the demo data in `store`; say in `lines` what was done."""
    access.hash_password(password)  # refuse a weak password before writing anything
    bank = load_bank(INTERETS_BANK)
    today = (now or utcnow()).astimezone(PARIS).date()
    lines: list[str] = []
    consultant, works = _consultant(store, password, lines)
    lea = _dossier(store, consultant, LEA, bank, today, lines)
    marc = _dossier(store, consultant, MARC, bank, today, lines)
    token = access.issue_link(store, consultant, lea.id) if issue_link else None
    return DemoResult(consultant, store.dossier(lea.id), store.dossier(marc.id), token, works, lines)


def link_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/?acces={token}"


def sqlalchemy_url(url: str | None) -> str:
    """The URL to use: the option, else DATABASE_URL, else the SQLite file (as the app does)."""
    url = (url or "").strip()
    if not url:
        return database_url()
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def shown_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# --- command line ---------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.demo_data",
        description="Crée des données de démonstration (une consultante, deux bénéficiaires). "
        "Sans effet sur ce qui existe déjà.",
    )
    parser.add_argument("--password", default=DEFAULT_PASSWORD,
                        help=f"mot de passe du compte de démonstration (défaut : {DEFAULT_PASSWORD})")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL,
                        help=f"adresse de l’application, pour le lien personnel (défaut : {DEFAULT_BASE_URL})")
    parser.add_argument("--database-url", default=None,
                        help="base de données à remplir (défaut : DATABASE_URL, sinon le fichier SQLite de data/)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    url = sqlalchemy_url(args.database_url)
    try:
        access.hash_password(args.password)
    except access.WeakPassword as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    print(f"Données de démonstration dans la base {shown_url(url)}")
    store = Store.from_url(url)
    try:
        result = create_demo_data(store, password=args.password)
    finally:
        store.engine.dispose()
    print()
    for line in result.lines:
        print(f"• {line}")
    print()
    print(f"Connexion consultante : {DEMO_EMAIL}")
    if result.password_works:
        print(f"Mot de passe : {args.password}")
        print("  (mot de passe de démonstration, pour essayer l’application seulement : "
              "ne gardez pas ce compte sur un serveur en service)")
    else:
        print("Mot de passe : inchangé — le compte existait déjà avec un autre mot de passe "
              "que celui indiqué.")
    print()
    print(f"Lien personnel de {result.lea.full_name} (nouveau : le lien précédent ne fonctionne plus) :")
    print(f"  {link_url(args.base_url, result.lea_token)}")
    print("  Ouvrez-le dans une fenêtre de navigation privée pour garder la session consultante.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
