"""How fast the app answers, against its budgets.

    python -m bench.benchmark [--strict] [--json CHEMIN] [--database-url URL]

On a fresh temporary SQLite database filled by `scripts.demo_data` (or on the database given
by --database-url, e.g. PostgreSQL), measures, in milliseconds, median and 95th percentile of:

* the server-side rerun of the questionnaire page, of the results page, and of the values,
  attentes and life-wheel pages, as the beneficiary Léa Dubois (streamlit.testing.v1.AppTest:
  the whole script, app.py then the page);
* the rerun after answering one item (radio changed, answer saved, activity journaled);
* `Store.save` of the full workbook;
* `build_workbook_pdf` of Léa's workbook with every module filled in
  (`scripts.demo_data.every_module_filled`), then of the same workbook with her name and free
  answers in Arabic, Hebrew, Cyrillic and emoji (fallback fonts, shaping, markers);
* `rank_metiers`: every fiche of the ROME ranked for Léa's profile, the fiches' RIASEC codes read
  from the release in ../shared/rome-v460 (or $ROME_RELEASE_DIR); left out, with a note, when
  that release is absent;
* the ROME référentiel, from that same release: its import into the database (one run; budget
  15 s), `Referentiel.load`, `Referentiel.fiche` over 200 fiches, and the as-you-type search
  over ~50 queries typed letter by letter (budget on the 95th percentile: 30 ms). When the
  database given already holds that version, the import only checks the files (« inchangé »).

AppTest times include its own overhead (building the element tree), so they are an upper
bound of what the server spends per rerun, without the network and the browser.
Exit code 0, unless --strict is given and a median is over its budget (then 1).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
QUESTIONNAIRE_PAGE = "pages/interets.py"
RESULTS_PAGE = "pages/interets_resultats.py"
# The pages of the later modules with the most widgets or a chart: values, attentes, life wheel.
MODULE_PAGES = (("pages/valeurs_resultats.py", "Mes valeurs professionnelles", "rerun_valeurs"),
                ("pages/attentes.py", "Mes attentes et conditions de travail", "rerun_attentes"),
                ("pages/roue_de_la_vie.py", "Ma roue de la vie", "rerun_roue"))

RERUNS = 30
SAVES = 200
PDFS = 10
WARMUP = 3
RERUN_BUDGET_MS = 100.0
SAVE_BUDGET_MS = 20.0
# Built on the click (download_button with a callable): the wait after « Télécharger ». 500 ms
# while the PDF held the interests alone; every module filled in makes some 22 pages.
PDF_BUDGET_MS = 1_000.0
RANKINGS = 200
RANKING_BUDGET_MS = 50.0
RIASEC_FILE = "unix_referentiel_code_rome_riasec_*.csv"
ROME_IMPORT_BUDGET_MS = 15_000.0
ROME_LOAD_BUDGET_MS = 2_000.0
ROME_FICHE_BUDGET_MS = 20.0
ROME_SEARCH_BUDGET_MS = 30.0  # on the 95th percentile
ROME_FICHES = 200
ROME_SEARCH_ROUNDS = 5
# What people type, a keystroke at a time: prefixes of real words, one or several words.
ROME_QUERIES = (
    "i", "in", "inf", "infir", "infirmier", "infirmier s", "infirmier soins", "soins infirm",
    "d", "de", "dev", "devel", "developpeur", "developpeur w", "developpeur web",
    "a", "ai", "aide", "aide s", "aide soign", "aide-soignante", "comp", "compta", "comptable",
    "bou", "boulang", "boulanger patissier", "cuis", "cuisinier", "chauffeur poids",
    "conducteur d engins", "chef de p", "chef de projet informatique", "gestion de proj",
    "relation cli", "accueil du public", "excel", "anglais", "securite", "electric",
    "plomb", "vente", "commercial", "assistant de dir", "enseign", "educateur specialise",
    "psycho", "mecanicien auto", "logisti", "cariste", "agent d entretien", "rigueur",
    "autonomie", "empathie",
)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    n: int
    median_ms: float
    p95_ms: float
    budget_ms: float
    on_p95: bool = False  # the budget bears on the 95th percentile (as-you-type search)

    @property
    def ok(self) -> bool:
        # Budgets are on the median: one slow run (a GC pause, a disk flush) is not a regression.
        return (self.p95_ms if self.on_p95 else self.median_ms) < self.budget_ms


def figure(key: str, label: str, samples_ms: Sequence[float], budget_ms: float,
           on_p95: bool = False) -> Figure:
    ordered = sorted(samples_ms)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return Figure(key, label, len(ordered), statistics.median(ordered), p95, budget_ms, on_p95)


def timed(action: Callable[[], object], n: int, warmup: int = 0) -> list[float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


# --- the pages, through AppTest ---------------------------------------------------------------
def use_navigation_in_apptest() -> None:
    """Make AppTest run app.py (and its st.navigation) on every run, as the server does.

    AppTest.run() resets `PagesManager.uses_pages_directory` to None and builds a new
    PagesManager, whose __init__ sets it to True because a `pages/` folder sits next to app.py.
    With True, the script runner takes the old multipage path (v1): after a page switch it runs
    the page script alone, without app.py (no access gate, no navigation, no top bar; the page
    only works on session state left by an earlier run), so the timings would leave out
    app.py's work. The app uses st.navigation (v2), where the flag is False: set it back right
    after each __init__. Same workaround as the app tests.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager.__init__, "_guide_bilan_patched", False):
        return
    original = PagesManager.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    __init__._guide_bilan_patched = True
    PagesManager.__init__ = __init__


def _checked(at, what: str):
    if at.exception:
        raise RuntimeError(f"{what} : exception dans la page : {at.exception[0].value}")
    if at.error:
        raise RuntimeError(f"{what} : message d’erreur dans la page : {at.error[0].value}")
    # The top bar's toggle is drawn by app.py: it proves the whole script ran, not the page alone.
    if not any(t.label == "Mode présentation" for t in at.toggle):
        raise RuntimeError(f"{what} : la page a tourné sans app.py (pas de barre du haut)")
    return at


def bench_pages(store, dossier_id: int, token: str, reruns: int) -> list[Figure]:
    from streamlit.testing.v1 import AppTest

    from questionnaires.loader import load_bank
    from storage import access, browser_keys
    from ui.open_workbook import WIDGET_PREFIX
    from ui.signed_in import TAB_KEY
    from workbook.modules import INTERETS_BANK

    use_navigation_in_apptest()
    bank = load_bank(INTERETS_BANK)
    at = AppTest.from_file(str(APP), default_timeout=60)
    # The served app exchanges the link over HTTP before any page loads (web/personal_link.py);
    # AppTest has no HTTP layer, so the tab's own key is signed in by the same function.
    key = access.new_session_key()
    at.session_state[TAB_KEY] = key
    browser_keys.sign_in_with_link(store, token, key)
    _checked(at.switch_page(QUESTIONNAIRE_PAGE).run(), "ouverture du questionnaire")
    if [t.value for t in at.title] != [bank.title]:
        raise RuntimeError(f"le questionnaire ne s’est pas affiché (titres : {[t.value for t in at.title]})")
    figures = [figure("rerun_questionnaire", "Rerun page questionnaire",
                      timed(lambda: _checked(at.run(), "rerun du questionnaire"), reruns, WARMUP),
                      RERUN_BUDGET_MS)]

    # Answer one item of the group shown, alternating two values so every run is a change
    # (on_change fires: the answer is saved and journaled). An even count ends on the
    # original answer, so a database given with --database-url keeps Léa's profile.
    radio = at.radio[0]
    key = radio.key
    item_id = key.removeprefix(WIDGET_PREFIX)
    original = radio.value
    other = 4 if original != 4 else 3
    values = iter([other, original] * (reruns + WARMUP + 1))

    def answer() -> None:
        _checked(at.radio(key=key).set_value(next(values)).run(), "réponse à une question")

    version = store.load(dossier_id).version
    warmup = WARMUP - WARMUP % 2
    samples = timed(answer, reruns, warmup)
    if len(samples) % 2:
        answer()
    saves = store.load(dossier_id).version - version
    if saves != warmup + reruns + len(samples) % 2:
        raise RuntimeError(f"{saves} enregistrements pour {warmup + reruns} réponses changées")
    stored = at.radio(key=key).value
    if stored != original:
        raise RuntimeError(f"la réponse à {item_id} n’a pas été remise à sa valeur ({stored} ≠ {original})")
    figures.append(figure("rerun_answer", "Rerun après une réponse", samples, RERUN_BUDGET_MS))

    _checked(at.switch_page(RESULTS_PAGE).run(), "ouverture des résultats")
    if not any(h.value.startswith("Votre code") for h in at.header):
        raise RuntimeError("la page de résultats n’affiche pas de code")
    figures.append(figure("rerun_results", "Rerun page résultats",
                          timed(lambda: _checked(at.run(), "rerun des résultats"), reruns, WARMUP),
                          RERUN_BUDGET_MS))
    for page, title, key in MODULE_PAGES:
        _checked(at.switch_page(page).run(), f"ouverture de « {title} »")
        if [t.value for t in at.title] != [title]:
            raise RuntimeError(f"« {title} » ne s’est pas affichée (titres : {[t.value for t in at.title]})")
        figures.append(figure(key, f"Rerun page « {title} »",
                              timed(lambda: _checked(at.run(), f"rerun de « {title} »"), reruns, WARMUP),
                              RERUN_BUDGET_MS))
    return figures


# --- storage and export -------------------------------------------------------------------------
def bench_save(store, dossier_id: int, n: int) -> Figure:
    stored = store.load(dossier_id)
    version = stored.version

    def save() -> None:
        nonlocal version
        version = store.save(dossier_id, stored.workbook, version)

    return figure("save", "Enregistrement du classeur", timed(save, n, WARMUP), SAVE_BUDGET_MS)


def bench_pdf(workbook, n: int) -> Figure:
    from exports.pdf_workbook import build_workbook_pdf

    pdf = build_workbook_pdf(workbook)
    if not pdf.startswith(b"%PDF"):
        raise RuntimeError("build_workbook_pdf n’a pas rendu un PDF")
    return figure("pdf", "Export PDF du classeur complet",
                  timed(lambda: build_workbook_pdf(workbook), n, 1), PDF_BUDGET_MS)


# Appended to the name and to every free answer: Arabic and Hebrew (fallback fonts, shaped right
# to left), Cyrillic, and what no font has (emoji, a star: printed as a marker).
OTHER_SCRIPTS = " ملاحظة: أحب العمل مع الناس ★ 🙂 שלום עולם Иванова"


def in_other_scripts(workbook):
    person = workbook.beneficiary.model_copy(update={"first_name": "فاطمة الزهراء",
                                                     "last_name": "כהן-Иванова 😀"})
    answers = {key: answer.model_copy(update={"text": answer.text + OTHER_SCRIPTS})
               for key, answer in workbook.reflexions.items()}
    return workbook.model_copy(update={"beneficiary": person, "reflexions": answers})


def bench_pdf_other_scripts(workbook, n: int) -> Figure:
    from exports.pdf_workbook import render_workbook_pdf

    other = in_other_scripts(workbook)
    if not render_workbook_pdf(other).unprintable:
        raise RuntimeError("render_workbook_pdf n’a signalé aucun caractère remplacé")
    return figure("pdf_other_scripts", "Export PDF du classeur complet, en arabe, hébreu et émojis",
                  timed(lambda: render_workbook_pdf(other), n, 1), PDF_BUDGET_MS)


def rome_release_dir() -> Path:
    # The release is never copied into the repository: read where it lies.
    return Path(os.environ.get("ROME_RELEASE_DIR") or ROOT.parent / "shared" / "rome-v460")


def rome_riasec_codes() -> list[tuple[str, str, str | None]] | None:
    """(code_rome, majeur, mineur) of every fiche of the release, or None without the release."""
    import csv

    found = sorted(rome_release_dir().glob(RIASEC_FILE))
    if not found:
        return None
    with found[-1].open(encoding="utf-8", newline="") as file:
        return [(row["code_rome"], row["riasec_majeur"], row["riasec_mineur"] or None)
                for row in csv.DictReader(file)]


def bench_ranking(workbook, n: int) -> Figure | None:
    from domain.french import french_integer
    from questionnaires.loader import bank_for
    from scoring.matching import rank_metiers
    from workbook.interets import interets_results
    from workbook.modules import INTERETS_BANK

    codes = rome_riasec_codes()
    if codes is None:
        print(f"Classement des métiers non mesuré : pas de release du ROME dans {rome_release_dir()}")
        return None
    profile = interets_results(workbook.interets, bank_for(INTERETS_BANK, workbook.interets)).riasec
    if len(rank_metiers(profile, codes)) != len(codes):
        raise RuntimeError("rank_metiers n’a pas classé toutes les fiches")
    label = f"Classement des {french_integer(len(codes))} métiers"
    return figure("ranking", label, timed(lambda: rank_metiers(profile, codes), n, WARMUP),
                  RANKING_BUDGET_MS)


def bench_referentiel(engine, fiches: int, rounds: int) -> list[Figure]:
    """Import the ROME release into this database, then time loading, fiches and search."""
    from referentiel.importer import import_release
    from referentiel.repository import Referentiel

    folder = rome_release_dir()
    if not sorted(folder.glob(RIASEC_FILE)):
        print(f"Référentiel ROME non mesuré\u00a0: pas de release du ROME dans {folder}")
        return []
    report = import_release(engine, folder)
    checked_only = " (déjà installé\u00a0: vérification seule)" if report.status == "inchangé" else ""
    figures = [figure("rome_import", f"Import du ROME {report.version}{checked_only}",
                      [report.seconds * 1000], ROME_IMPORT_BUDGET_MS)]
    loaded: list = []
    figures.append(figure("rome_load", "Chargement du référentiel",
                          timed(lambda: loaded.append(Referentiel.load(engine)), 3), ROME_LOAD_BUDGET_MS))
    referentiel = loaded[-1]
    codes = [m.code_rome for m in referentiel.metiers][::max(1, len(referentiel.metiers) // fiches)][:fiches]
    samples = []
    for code in codes:
        start = time.perf_counter()
        if referentiel.fiche(code) is None:
            raise RuntimeError(f"pas de fiche pour {code}")
        samples.append((time.perf_counter() - start) * 1000)
    figures.append(figure("rome_fiche", "Fiche métier (détails en base)", samples, ROME_FICHE_BUDGET_MS))
    if not referentiel.search.search("infirmier soins", limit=1)[0].code_rome == "J1506":
        raise RuntimeError("la recherche «\u00a0infirmier soins\u00a0» ne trouve pas J1506 en premier")
    samples = []
    for _ in range(rounds):
        for query in ROME_QUERIES:
            start = time.perf_counter()
            referentiel.search.search(query, limit=20)
            samples.append((time.perf_counter() - start) * 1000)
    figures.append(figure("rome_search", f"Recherche métiers et compétences ({len(ROME_QUERIES)} saisies)",
                          samples, ROME_SEARCH_BUDGET_MS, on_p95=True))
    return figures


def check_pdf_module() -> None:
    # Checked before the long measures, so a missing export fails in a second, not a minute.
    if not (ROOT / "exports" / "pdf_workbook.py").exists():
        raise RuntimeError("exports/pdf_workbook.py est introuvable : pas de mesure de l’export PDF")


# --- report -------------------------------------------------------------------------------------
def _ms(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def machine() -> dict[str, object]:
    import sqlalchemy
    import streamlit

    return {
        "processeurs": os.cpu_count(),
        "python": platform.python_version(),
        "systeme": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "streamlit": streamlit.__version__,
        "sqlalchemy": sqlalchemy.__version__,
    }


def table(figures: Sequence[Figure]) -> str:
    width = max(len(f.label) for f in figures)
    head = f"{'Mesure':<{width}}  {'N':>4}  {'Médiane':>9}  {'p95':>9}  {'Budget':>8}  Verdict"
    lines = [head, "-" * len(head)]
    for f in figures:
        verdict = "OK" if f.ok else "DÉPASSÉ"
        lines.append(
            f"{f.label:<{width}}  {f.n:>4}  {_ms(f.median_ms):>6} ms  {_ms(f.p95_ms):>6} ms  "
            f"< {f.budget_ms:.0f} ms  {verdict}{' (budget sur le p95)' if f.on_p95 else ''}"
        )
    return "\n".join(lines)


# --- command line -------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.benchmark",
        description="Mesure les temps de réponse de Guide bilan et les compare à leurs budgets.",
    )
    parser.add_argument("--strict", action="store_true",
                        help="code de sortie 1 si une médiane dépasse son budget")
    parser.add_argument("--json", type=Path, metavar="CHEMIN",
                        help="écrit aussi les mesures dans ce fichier JSON")
    parser.add_argument("--database-url", default=None,
                        help="mesure sur cette base (par ex. PostgreSQL) au lieu d’une base "
                        "SQLite temporaire ; les données de démonstration y sont créées si besoin")
    parser.add_argument("--reruns", type=int, default=RERUNS, help=argparse.SUPPRESS)
    parser.add_argument("--saves", type=int, default=SAVES, help=argparse.SUPPRESS)
    parser.add_argument("--pdfs", type=int, default=PDFS, help=argparse.SUPPRESS)
    parser.add_argument("--rankings", type=int, default=RANKINGS, help=argparse.SUPPRESS)
    parser.add_argument("--rome-fiches", type=int, default=ROME_FICHES, help=argparse.SUPPRESS)
    parser.add_argument("--rome-rounds", type=int, default=ROME_SEARCH_ROUNDS, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run(url: str, args: argparse.Namespace) -> list[Figure]:
    # The app reads DATABASE_URL (ui.app_store.get_store): point it, and AppTest, at this database.
    os.environ["DATABASE_URL"] = url
    from scripts.demo_data import create_demo_data, every_module_filled
    from storage.store import Store

    store = Store.from_url(url)
    try:
        demo = create_demo_data(store)
        check_pdf_module()
        figures = bench_pages(store, demo.lea.id, demo.lea_token, args.reruns)
        figures.append(bench_save(store, demo.lea.id, args.saves))
        full = every_module_filled(store.load(demo.lea.id).workbook)
        figures.append(bench_pdf(full, args.pdfs))
        figures.append(bench_pdf_other_scripts(full, args.pdfs))
        ranking = bench_ranking(store.load(demo.lea.id).workbook, args.rankings)
        if ranking is not None:
            figures.append(ranking)
        figures += bench_referentiel(store.engine, args.rome_fiches, args.rome_rounds)
    finally:
        store.engine.dispose()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Streamlit warns once when imported outside a running app: noise here, not a finding.
    # (A filter, not a level: Streamlit resets its loggers' levels when it creates them.)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())
    started = time.perf_counter()
    from scripts.demo_data import shown_url, sqlalchemy_url

    info = machine()
    print("Banc d’essai Guide bilan")
    print(f"Machine : {info['processeurs']} processeurs, Python {info['python']}, {info['systeme']}, "
          f"Streamlit {info['streamlit']}, SQLAlchemy {info['sqlalchemy']}")
    with tempfile.TemporaryDirectory(prefix="guide-bilan-bench-") as folder:
        if args.database_url:
            url = sqlalchemy_url(args.database_url)
            print(f"Base : {shown_url(url)} (les données de démonstration y sont créées si elles "
                  "manquent ; le lien de Léa Dubois y est renouvelé et la version de son classeur "
                  "augmente, ses réponses restent les mêmes)")
        else:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
            print("Base : SQLite temporaire, remplie par les données de démonstration")
        print("Mesure en cours…", flush=True)
        figures = run(url, args)
    elapsed = time.perf_counter() - started
    print()
    print(table(figures))
    print()
    print("Temps en millisecondes ; le budget porte sur la médiane. Les reruns sont mesurés "
          "côté serveur avec AppTest (app.py puis la page), sans réseau ni navigateur.")
    print(f"Durée totale du banc d’essai : {elapsed:.0f} s".replace(".", ","))
    over = [f for f in figures if not f.ok]
    if args.json:
        args.json.write_text(json.dumps({
            "machine": info,
            "base": "postgresql" if url.startswith("postgresql") else "sqlite",
            "duree_s": round(elapsed, 1),
            "mesures": [{**asdict(f), "median_ms": round(f.median_ms, 2),
                         "p95_ms": round(f.p95_ms, 2), "ok": f.ok} for f in figures],
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"Mesures écrites dans {args.json}")
    if over:
        print(f"Budget dépassé : {', '.join(f.label for f in over)}")
    return 1 if args.strict and over else 0


if __name__ == "__main__":
    sys.exit(main())
