"""My écarts with a piste: what of a métier's savoir-faire, savoir-être and savoirs my inventaire
covers, what is left to learn, and my corrections of the automatic match."""

import streamlit as st

from domain.guide import StepKey
from domain.model import Coverage
from scoring.ecarts import ItemGap
from ui import session
from ui.layout import escape_markdown
from ui.referentiel import require_pistes, require_referentiel
from workbook import ecarts as corrections
from workbook.ecarts import (CORE, COVERAGE_WORDS, KIND_TITLES, NO_ITEM, NOTHING_LEFT, RULE, TO_LEARN,
                             corrected_text, counts_text, percent_text, piste_ecarts, state_text, summary)

MODULE = StepKey.ECARTS
# An icon beside the words of each coverage: never colour alone.
ICONS = {Coverage.COUVERT: ":material/check_circle:", Coverage.PARTIEL: ":material/contrast:",
         Coverage.MANQUANT: ":material/radio_button_unchecked:"}

opened = session.require_workbook()
session.touch_activity(opened, MODULE)
st.title("Mes écarts avec une piste")
kept = require_pistes(opened.workbook.pistes,
                      "Gardez d’abord un métier comme piste : ouvrez sa fiche et choisissez « Garder ce "
                      "métier comme piste ». Vous verrez ici ce que vos acquis couvrent de ce métier.")
referentiel = require_referentiel()

names = {piste.code_rome: f"{piste.libelle} ({piste.code_rome})" for piste in kept}
code = st.selectbox("Piste métier", list(names), format_func=names.get, key="ecarts_piste")
fiche = referentiel.fiche(code)
if fiche is None:
    st.warning(f"Le métier {code} n’est plus dans le référentiel installé (version "
               f"{referentiel.release.version}) : ses écarts ne peuvent pas être calculés.")
    st.stop()
inventaire = opened.workbook.inventaire.items
if not inventaire:
    st.info("Votre inventaire des acquis est encore vide : tout apparaît comme manquant. "
            "Remplissez-le, puis revenez ici.")
    st.page_link("pages/acquis.py", label="Mon inventaire des acquis", icon=":material/inventory_2:")
report = piste_ecarts(opened.workbook, fiche)
labels = {acquis.id: acquis.label for acquis in inventaire}
st.markdown(summary(report))  # the verdict first, then the figures, then how they are made

for column, coverage in zip(st.columns(len(report.by_kind)), report.by_kind.values()):
    column.metric(KIND_TITLES[coverage.kind], percent_text(coverage))
    column.caption(counts_text(coverage) if coverage.total else NO_ITEM)
if corrected := corrected_text(report):
    st.caption(corrected)
st.caption(RULE)


def line(gap: ItemGap) -> str:
    core = f" · _{CORE}_" if gap.item.principal else ""
    return f"{ICONS[gap.coverage]} **{escape_markdown(gap.item.libelle)}**{core}"


def listing(gaps: list[ItemGap]) -> str:
    return "\n".join(f"- {line(gap)} · {gap.kind.value} · {state_text(gap)}" for gap in gaps)


st.header(TO_LEARN.format(count=len(report.to_learn)))
# Core items come first in `to_learn`; the others, often many, wait in an expander.
core, others = report.core_to_learn, report.others_to_learn
if core:
    st.markdown(listing(core))
if others:
    with st.expander(f"Les autres éléments à apprendre ({len(others)})", expanded=not core):
        st.markdown(listing(others))
if not report.to_learn:
    st.success(NOTHING_LEFT)


def detail(gap: ItemGap) -> str:
    matched = labels.get(gap.matched_acquis_id or "")
    text = state_text(gap).capitalize()
    if matched and gap.coverage != Coverage.MANQUANT:
        text += f", par votre acquis « {escape_markdown(matched)} »"
    if gap.corrected:
        text += f" · corrigé par vous (calcul automatique\u00a0: {COVERAGE_WORDS[gap.automatic][0]})"
    return text


def item_row(gap: ItemGap) -> tuple[Coverage | None, bool]:
    """Draw one item; its new coverage if the control was changed, and whether reset was asked."""
    key = f"{session.WIDGET_PREFIX}ecart:{code}:{gap.item.code_ogr}"
    # The control starts from the stored coverage and follows it when it changes elsewhere
    # (inventaire edited, correction reset): a stale value would be saved as a correction.
    if key not in st.session_state or st.session_state.get(key + ":basis") != gap.coverage:
        st.session_state[key] = st.session_state[key + ":basis"] = gap.coverage
    with st.container(border=True):
        text, control = st.columns([3, 2], vertical_alignment="center")
        text.markdown(line(gap))
        text.caption(detail(gap))
        chosen = control.segmented_control(
            f"Mon avis sur « {escape_markdown(gap.item.libelle)} »", list(Coverage), key=key, required=True,
            format_func=lambda c: f"{ICONS[c]} {COVERAGE_WORDS[c][0]}", label_visibility="collapsed")
        reset = gap.corrected and control.button("Revenir au calcul automatique", key=key + ":reset",
                                                  icon=":material/undo:")
    return (chosen if chosen is not None and chosen != gap.coverage else None), reset


st.header("Élément par élément")
changes = []
for tab, kind in zip(st.tabs(list(KIND_TITLES.values())), KIND_TITLES):
    with tab:
        gaps = [gap for gap in report.items if gap.kind == kind]
        if not gaps:
            st.write(NO_ITEM)
        for gap in gaps:
            chosen, reset = item_row(gap)
            if chosen is not None:
                acquis_id = gap.matched_acquis_id if chosen != Coverage.MANQUANT else None
                changes.append(lambda wb, g=gap, c=chosen, a=acquis_id: corrections.correct(
                    wb, code, g.item.code_ogr, c, a))
            if reset:
                changes.append(lambda wb, g=gap: corrections.reset_correction(wb, code, g.item.code_ogr))


def apply_all(workbook):
    for change in changes:
        workbook = change(workbook)
    return workbook


# Saved from the controls' values on every run (not on_change callbacks), then drawn again
# so the figures above count the change.
if changes and not session.conflict_pending():
    try:
        session.update_workbook(opened, apply_all, MODULE)
    except corrections.EcartError as error:
        st.error(str(error))
    else:
        st.rerun()
st.caption(f"Source\u00a0: France Travail, ROME v{referentiel.release.version} (Licence Ouverte 2.0).")
