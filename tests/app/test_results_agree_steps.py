"""Screen and PDF agree for roue, hiérarchisation, attentes and parcours: for each module, its page (AppTest) and its PDF section, drawn from the
same workbook, show the same facts — figures, words, the beneficiary's labels — because both
format one domain function's results (`workbook.roue.results`, …)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from types import SimpleNamespace

from domain.model import Workbook
from exports.pdf_acquis import HierarchisationSection
from exports.pdf_attentes import AttentesSection
from exports.pdf_parcours import ParcoursSection
from exports.pdf_roue import RoueSection
from questionnaires.loader import load_texts
from referentiel.repository import Contexte, Fiche, Metier
from tests.app.helpers import change_workbook, open_link, show_page
from tests.facts import missing, page_text, words
from tests.pdf_text import section_text
from workbook import acquis, attentes, parcours, roue
from workbook.attentes import ConditionSpec
from workbook.pistes import keep_piste

GENERATED_AT = datetime(2026, 4, 15, 10, 0, tzinfo=timezone.utc)


def assert_same_facts(store, dossier_id: int, token: str, page: str, section,
                      change: Callable[[Workbook], Workbook], facts: Callable[[Workbook], list[str]],
                      fiches=None, generated_at: datetime = GENERATED_AT) -> list[str]:
    """Seed the workbook, then find every fact on the page and in the PDF section."""
    workbook = change_workbook(store, dossier_id, change)
    expected = facts(workbook)
    at = show_page(open_link(token), page)
    assert not missing(expected, page_text(at)), "missing on the page"
    pdf = words(section_text(section, workbook, generated_at, fiches))
    assert not missing(expected, pdf), "missing in the PDF"
    return expected


# --- Ma roue de la vie ---------------------------------------------------------------------------

ROUE_IDS = ["travail", "finances", "sante", "famille-amis", "couple", "developpement-personnel",
            "loisirs", "cadre-de-vie"]


def rated_wheel(workbook: Workbook) -> Workbook:
    # scoring.md §4's worked example; importance for two domains only, one left unrated.
    for domain_id, mark in zip(ROUE_IDS, [7, 4, 8, 6, 3, 5, 9, None]):
        workbook = roue.set_satisfaction(workbook, domain_id, mark)
    workbook = roue.set_importance(workbook, "travail", 9)
    return roue.set_importance(workbook, "couple", 8)


def roue_facts(workbook: Workbook) -> list[str]:
    found = roue.results(workbook)
    said = found.reading
    facts = [said.satisfaction, said.imbalance, said.band.label, said.band.text, *said.priorities,
             said.priorities_note, said.missing_importance, said.unrated]
    for row in found.rows:
        facts += [row.label, row.satisfaction]
    return facts


def test_the_roue_page_and_its_pdf_section_give_the_same_figures_and_words(db, dossier_id, token):
    facts = assert_same_facts(db, dossier_id, token, "pages/roue_de_la_vie.py", RoueSection(),
                              rated_wheel, roue_facts)
    # The facts are the wheel's real figures, not empty words.
    assert "6,0 sur 10, moyenne de vos 7 domaines notés" in facts
    assert any("écart-type 2,2" in fact for fact in facts)
    assert "Couple (3 sur 10)" in facts and "pas encore noté" in facts


# --- Mon parcours --------------------------------------------------------------------------------


def three_steps(workbook: Workbook) -> Workbook:
    for fields in (dict(kind="formation", title="BTS comptabilité", organisation="Lycée Jean Moulin",
                        start="2008-09", end="2010-06"),
                   dict(kind="emploi", title="Vendeuse", start="2012-09", end="2018-06"),
                   dict(kind="activité associative ou syndicale", title="Trésorière du club",
                        start="2019-01")):
        workbook, _ = parcours.add_entry(workbook, **fields)
    return workbook


def parcours_facts(workbook: Workbook) -> list[str]:
    found = parcours.results(workbook, date.today())  # the page's day, as the PDF made now
    facts = [found.summary.rstrip("\u00a0:")]
    for step in found.steps:
        facts += [step.entry.title, step.kind, step.period, step.duration]
    return facts


def test_the_parcours_page_and_its_pdf_section_give_the_same_summary_periods_and_durations(
        db, dossier_id, token):
    facts = assert_same_facts(db, dossier_id, token, "pages/parcours.py", ParcoursSection(), three_steps,
                              parcours_facts, generated_at=datetime.now(timezone.utc))
    assert "Votre parcours compte 3 étapes, de 2008 à aujourd’hui, dans l’ordre où vous les avez rangées" \
        in facts
    assert "de septembre 2008 à juin 2010" in facts and "1 an et 10 mois" in facts


# --- Mes acquis prioritaires ---------------------------------------------------------------------


def ranked_acquis(workbook: Workbook) -> Workbook:
    ids = []
    for kind, label, maitrise, envie in (("savoir-faire", "Accueillir du public", 4, 4),
                                         ("savoir", "Anglais", 2, 4), ("savoir-être", "Patience", 1, 2),
                                         ("savoir", "Tableur", None, None)):
        workbook, new_id = acquis.add_acquis(workbook, kind, label)
        if maitrise is not None:
            workbook = acquis.update_acquis(workbook, new_id, maitrise=maitrise, envie=envie)
        ids.append(new_id)
    return acquis.set_priorities(workbook, [ids[1], ids[0], ids[3]])


def hierarchisation_facts(workbook: Workbook) -> list[str]:
    found = acquis.hierarchisation(workbook, load_texts("acquis"))
    facts = list(found.unrated)
    for ranked in found.priorities:
        facts += [fact for fact in (ranked.item.label, ranked.item.kind.value, ranked.maitrise,
                                    ranked.envie, ranked.zone) if fact != "—"]  # « — »: not yet rated
    for group in found.groups:
        facts += [f"{group.quadrant.value} ({len(group.items)})", group.meaning, *group.lines]
    return facts


def test_the_hierarchisation_page_and_its_pdf_section_give_the_same_ranks_ratings_and_zones(
        db, dossier_id, token):
    facts = assert_same_facts(db, dossier_id, token, "pages/hierarchisation.py", HierarchisationSection(),
                              ranked_acquis, hierarchisation_facts)
    assert "2 · intermédiaire" in facts and "À développer" in facts
    assert "Anglais (savoir, maîtrise 2 · intermédiaire, envie 4 · beaucoup, priorité n°\u00a01)" in facts


# --- Mes attentes et conditions de travail ---------------------------------------------------------

HOURS = "Horaires et durée du travail"
NIGHT = ConditionSpec("ogr-300803", "Travail de nuit", HOURS, "300803")
ON_CALL = ConditionSpec("ogr-300804", "Travail en astreinte", HOURS, "300804")
NURSE = Metier("J1506", "Infirmier / Infirmière en soins généraux (IDE)", "S", "I", "J", "Santé",
               "J15", "Soins paramédicaux")
DEVELOPER = Metier("M1805", "Études et développement informatique", "I", "C", "M", "Support",
                   "M18", "Systèmes d’information")
FICHES = {
    "J1506": Fiche(NURSE, "", "", [], [], [], [], [Contexte(HOURS, "Travail de nuit", "300803"),
                                                   Contexte(HOURS, "Travail en astreinte", "300804")], [], []),
    "M1805": Fiche(DEVELOPER, "", "", [], [], [], [], [Contexte(HOURS, "Travail en journée", "300806")], [], []),
}


def refusals_and_pistes(workbook: Workbook) -> Workbook:
    workbook = keep_piste(workbook, "J1506", NURSE.libelle, "SI")
    workbook = keep_piste(workbook, "M1805", DEVELOPER.libelle, "IC")
    for refusal in (NIGHT, ON_CALL):
        workbook = attentes.set_preference(workbook, refusal, "refusé")
    return attentes.set_trajet_max(attentes.set_salaire_minimum(workbook, 1800), 45)


class FakeReferentiel:
    """What the attentes page reads of the référentiel: its version, its contextes, the fiches
    (the real release is tested in tests/app/test_attentes.py; here only the agreement)."""

    release = SimpleNamespace(version="4.60")

    def contextes(self) -> dict:
        return {HOURS: list(FICHES["J1506"].contextes)}

    def fiche(self, code: str):
        return FICHES.get(code)


def test_the_attentes_page_and_its_pdf_section_give_the_same_conflicts_and_practical_answers(
        db, dossier_id, token, monkeypatch):
    monkeypatch.setattr("ui.referentiel.get_referentiel", FakeReferentiel)

    def facts(workbook: Workbook) -> list[str]:
        checks = attentes.piste_checks(workbook, FICHES.get)
        found = [check.verdict for check in checks] + [check.piste.libelle for check in checks]
        return found + [part for row in attentes.practical(workbook) for part in row]

    found = assert_same_facts(db, dossier_id, token, "pages/attentes.py", AttentesSection(),
                              refusals_and_pistes, facts, fiches=FICHES)
    assert "sa fiche cite ce que vous refusez\u00a0: Travail de nuit · Travail en astreinte" in found
    assert "aucun conflit avec vos refus" in found and "1\u202f800\u00a0€ net par mois" in found
