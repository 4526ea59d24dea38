"""Mes attentes et conditions de travail: what I wish, accept or refuse, my minimum pay, my
longest commute, how far I would move; then my pistes checked against my refusals."""

import streamlit as st

from domain.guide import StepKey
from domain.model import Preference, Relocation
from questionnaires.loader import load_texts
from ui import bounded_text, session
from ui.layout import escape_markdown
from ui.referentiel import get_referentiel
from workbook import attentes
from workbook.attentes import AttentesError, ConditionSpec

MODULE = StepKey.ATTENTES
PREFIX = f"{session.WIDGET_PREFIX}attentes:"
HEADINGS = {Preference.SOUHAITE: "Ce que je souhaite", Preference.ACCEPTE: "Ce que j’accepte",
            Preference.REFUSE: "Ce que je refuse"}
ICONS = {Preference.SOUHAITE: ":material/favorite:", Preference.ACCEPTE: ":material/check:",
         Preference.REFUSE: ":material/block:"}

texts = load_texts("attentes")
opened = session.require_workbook()
session.touch_activity(opened, MODULE)
referentiel = get_referentiel()


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (AttentesError,))


def condition_control(spec: ConditionSpec) -> None:
    key = PREFIX + spec.id
    stored = attentes.preference_of(opened.workbook, spec.id)
    st.session_state.setdefault(key, stored)
    chosen = st.segmented_control(spec.label, list(Preference), key=key, format_func=texts.choices.get)
    # Saved from the widget's value on every run; no answer (None) removes the stored one.
    if chosen != stored:
        save(lambda wb, s=spec, p=chosen: attentes.set_preference(wb, s, p))


def number(label: str, hint: str, field: str, stored: int | None, step: int, change) -> None:
    key = PREFIX + field
    st.session_state.setdefault(key, stored)
    # No min_value: the widget would silently drop a negative entry; the domain refuses it
    # and its message says why, the entry staying in the field.
    value = st.number_input(label, key=key, help=hint, step=step, format="%d", placeholder="Non précisé")
    if value != stored:
        save(lambda wb, v=value: change(wb, v))


st.title("Mes attentes et conditions de travail")
st.write(texts.intro)
if referentiel is None:
    st.info(texts.builtin_notice, icon=":material/info:")
else:
    st.info(texts.referentiel_notice.format(version=referentiel.release.version), icon=":material/info:")
st.caption(f"Chaque réponse est enregistrée dès que vous la donnez. {texts.choices_help}")

groups = attentes.condition_groups(texts, referentiel.contextes() if referentiel else None)
# Only the open tab is drawn: with a référentiel there are some 180 conditions in all.
tabs = st.tabs([group.name for group in groups], key="attentes_tab", on_change="rerun")
for group, tab in zip(groups, tabs):
    if tab.open is False:
        continue
    with tab:
        if group.prompt:
            st.markdown(f"**{group.prompt}**")
        for spec in group.conditions:
            condition_control(spec)

st.header("Salaire, trajet et mobilité")
stored = opened.workbook.attentes
left, right = st.columns(2)
with left:
    number(texts.salaire_label, texts.salaire_help, "salaire", stored.salaire_minimum, 50,
           attentes.set_salaire_minimum)
with right:
    number(texts.trajet_label, texts.trajet_help, "trajet", stored.trajet_max_minutes, 5,
           attentes.set_trajet_max)
st.session_state.setdefault(PREFIX + "demenagement", stored.demenagement)
relocation = st.selectbox(texts.demenagement_label, list(Relocation), key=PREFIX + "demenagement",
                          format_func=lambda r: r.value.capitalize(), index=None,
                          placeholder="Choisissez une réponse")
if relocation != stored.demenagement:
    save(lambda wb, r=relocation: attentes.set_demenagement(wb, r))
st.session_state.setdefault(PREFIX + "notes", stored.notes)
notes = bounded_text.text_area(texts.notes_label, attentes.MAX_NOTES, key=PREFIX + "notes",
                               placeholder=texts.notes_placeholder, height=120)
if notes is not None and notes != stored.notes:
    save(lambda wb, n=notes: attentes.set_notes(wb, n))

st.header("Ce que je retiens")
st.markdown("\n".join(f"- **{label}**\u00a0: {escape_markdown(value)}"
                      for label, value in attentes.practical(opened.workbook)))
grouped = attentes.by_preference(opened.workbook)
if not opened.workbook.attentes.conditions:
    st.caption("Aucune condition précisée pour l’instant.")
for preference in (Preference.REFUSE, Preference.SOUHAITE, Preference.ACCEPTE):
    if grouped[preference]:
        st.subheader(HEADINGS[preference], divider="gray")
        for category, found in grouped[preference].items():
            st.markdown(f"{ICONS[preference]} **{escape_markdown(category)}**\u00a0: "
                        + " · ".join(escape_markdown(c.label) for c in found))

st.header("Mes pistes face à mes refus")
st.write(texts.conflicts_intro)
if not opened.workbook.pistes:
    st.caption("Vous n’avez pas encore gardé de métier comme piste.")
elif not attentes.refused(opened.workbook):
    st.caption("Vous n’avez rien refusé pour l’instant\u00a0: aucune piste n’est en conflit.")
elif referentiel is None:
    st.info(texts.conflicts_need_referentiel, icon=":material/info:")
else:  # the same checks as the PDF
    for check in attentes.piste_checks(opened.workbook, referentiel.fiche):
        said = (f"**{escape_markdown(check.piste.libelle)}** ({check.piste.code_rome})\u00a0: "
                f"{escape_markdown(check.verdict)}.")
        if not check.checked:
            st.markdown(said)
        else:
            (st.warning if check.conflicts else st.success)(
                said, icon=":material/warning:" if check.conflicts else ":material/check:")
