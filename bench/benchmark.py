"""How fast the app answers, against its budgets.

    python -m bench.benchmark [--strict] [--json CHEMIN] [--database-url URL]

On a fresh temporary SQLite database filled by `scripts.demo_data` (or on the database given
by --database-url, e.g. PostgreSQL), measures, in milliseconds, median and 95th percentile of:

* the server-side rerun of the questionnaire page and of the results page, as the beneficiary
  Léa Dubois (streamlit.testing.v1.AppTest: the whole script, app.py then the page);
* the rerun after answering one item (radio changed, answer saved, activity journaled);
* `Store.save` of the full workbook;
* `build_workbook_pdf` of the full workbook.

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

RERUNS = 30
SAVES = 200
PDFS = 10
WARMUP = 3
RERUN_BUDGET_MS = 100.0
SAVE_BUDGET_MS = 20.0
PDF_BUDGET_MS = 500.0


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    n: int
    median_ms: float
    p95_ms: float
    budget_ms: float

    @property
    def ok(self) -> bool:
        # Budgets are on the median: one slow run (a GC pause, a disk flush) is not a regression.
        return self.median_ms < self.budget_ms


def figure(key: str, label: str, samples_ms: Sequence[float], budget_ms: float) -> Figure:
    ordered = sorted(samples_ms)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return Figure(key, label, len(ordered), statistics.median(ordered), p95, budget_ms)


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
    from ui.session import WIDGET_PREFIX
    from workbook.modules import INTERETS_BANK

    use_navigation_in_apptest()
    bank = load_bank(INTERETS_BANK)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["acces"] = token
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
    return figure("pdf", "Export PDF du classeur", timed(lambda: build_workbook_pdf(workbook), n, 1),
                  PDF_BUDGET_MS)


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
            f"< {f.budget_ms:.0f} ms  {verdict}"
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
    return parser.parse_args(argv)


def run(url: str, args: argparse.Namespace) -> list[Figure]:
    # The app reads DATABASE_URL (ui.session.get_store): point it, and AppTest, at this database.
    os.environ["DATABASE_URL"] = url
    from scripts.demo_data import create_demo_data
    from workbook.store import Store

    store = Store.from_url(url)
    try:
        demo = create_demo_data(store)
        check_pdf_module()
        figures = bench_pages(store, demo.lea.id, demo.lea_token, args.reruns)
        figures.append(bench_save(store, demo.lea.id, args.saves))
        figures.append(bench_pdf(store.load(demo.lea.id).workbook, args.pdfs))
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
