"""Ma roue de la vie: satisfaction and importance per domain, the wheel drawn, its priorities."""

import html

import streamlit as st

from domain.guide import StepKey
from ui import bounded_text, session
from ui.confirm import removal_button
from ui.charts import radar_figure
from ui.layout import chart_height, escape_markdown, presentation_on
from workbook import roue
from workbook.model import LifeDomain
from workbook.roue import MARKS, MAX_DOMAINS, RoueError

MODULE = StepKey.ROUE
NOTES = f"{session.WIDGET_PREFIX}roue:notes"
ADD = "roue:add"  # the add field is not drawn from the workbook: no WIDGET_PREFIX
ADDED, REFUSED = "_roue_added", "_roue_refused"
MIN_AXES = 3  # fewer rated domains draw a line, not a wheel
GRID = (2, 4, 6, 8, 10)

texts = roue.texts()
opened = session.require_workbook()
session.touch_activity(opened, MODULE)


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (RoueError,))


def prefix(domain_id: str) -> str:
    return f"{session.WIDGET_PREFIX}roue:{domain_id}:"


def mark(name: str, domain: LifeDomain, key: str) -> int | None:
    """0 to 10 as buttons: nothing chosen is « pas encore noté », a second click clears."""
    scale = getattr(texts, name)
    label = (f"{escape_markdown(domain.label)} — {scale.label[:1].lower()}{scale.label[1:]}, "
             f"de 0 ({scale.low}) à 10 ({scale.high})")
    return st.segmented_control(label, MARKS, key=key, help=scale.help)


def domain_card(domain: LifeDomain) -> None:
    keys = prefix(domain.id)
    for field, value in (("satisfaction", domain.satisfaction), ("importance", domain.importance),
                         ("label", domain.label)):
        st.session_state.setdefault(keys + field, value)
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(domain.label)}**")
        if question := roue.prompt(domain.id):
            st.caption(question)
        satisfaction = mark("satisfaction", domain, keys + "satisfaction")
        if satisfaction is None:
            st.caption(":material/radio_button_unchecked: Pas encore noté")
        importance = mark("importance", domain, keys + "importance")
        # Saved from the widgets' values on every run, like the questionnaire's answers.
        if (satisfaction, importance) != (domain.satisfaction, domain.importance):
            save(lambda wb, i=domain.id, s=satisfaction, m=importance:
                 roue.set_importance(roue.set_satisfaction(wb, i, s), i, m))
        with st.expander("Renommer ce domaine"):
            typed = bounded_text.text_input("Nouveau nom du domaine", roue.LABEL_MAX, key=keys + "label",
                                            on_change=rename, args=(domain.id,))
            if typed is not None and " ".join(typed.split()) != domain.label:
                try:  # a refused name stays in the field: say why until it is changed
                    roue.rename_domain(opened.workbook, domain.id, typed)
                except RoueError as error:
                    st.error(str(error), icon=":material/error:")
        if not roue.is_default(domain.id):
            remove_buttons(domain, keys)


def rename(domain_id: str) -> None:
    """The name field's callback: it runs before the page, so the whole page shows the new name."""
    typed = st.session_state[prefix(domain_id) + "label"]
    if not bounded_text.fits(typed, roue.LABEL_MAX):
        return  # kept in the field, which says why it is not saved
    try:
        session.update_workbook(opened, lambda wb: roue.rename_domain(wb, domain_id, typed), MODULE)
    except RoueError:
        pass  # the card shows the reason


def remove_buttons(domain: LifeDomain, keys: str) -> None:
    """A domain the beneficiary added can go, once confirmed."""
    removal_button("Retirer ce domaine", key=keys + "remove", fields=keys,
                   title="Retirer ce domaine\u00a0?",
                   question=f"Retirer «\u00a0{domain.label}\u00a0» de votre roue\u00a0? "
                            "Ses notes seront perdues.",
                   confirm="Oui, retirer",
                   remove=lambda: save(lambda wb: roue.remove_domain(wb, domain.id)))


def add() -> None:
    """The add button's callback: it runs before the page, so the same run shows the new domain
    and an empty field."""
    label = st.session_state.get(ADD, "")
    if session.save_in_callback(opened, lambda wb: roue.add_domain(wb, label)[0], MODULE,
                                (RoueError,), REFUSED):
        st.session_state[ADD] = ""
        st.session_state[ADDED] = " ".join(label.split())


def add_area(count: int) -> None:
    st.header("Ajouter un domaine")
    if added := st.session_state.pop(ADDED, None):
        st.success(f"Ajouté\u00a0: «\u00a0{escape_markdown(added)}\u00a0». Notez-le ci-dessus.",
                   icon=":material/check:")
    session.show_refusal(REFUSED)
    if count >= MAX_DOMAINS:
        st.caption(f"Votre roue compte {MAX_DOMAINS} domaines, le maximum.")
        return
    typed = bounded_text.text_input("Nom du domaine à ajouter", roue.LABEL_MAX, key=ADD, live="300ms",
                                    placeholder="Par exemple\u00a0: spiritualité, engagement associatif")
    st.button("Ajouter ce domaine", key=ADD + ":submit", type="primary", icon=":material/add:",
              disabled=not (typed or "").strip(), on_click=add)


def wheel() -> None:
    st.header("Ma roue")
    rated = [d for d in roue.domains_of(opened.workbook) if d.satisfaction is not None]
    if len(rated) < MIN_AXES:
        st.info("Notez au moins trois domaines pour voir votre roue se dessiner.", icon=":material/info:")
        return
    # Plotly reads a few HTML tags in labels: the beneficiary's names are escaped.
    labels = [f"{html.escape(d.label, quote=False)}<br>{d.satisfaction}/10" for d in rated]
    figure = radar_figure(labels, [d.satisfaction for d in rated], height=chart_height(440),
                          font_scale=1.3 if presentation_on() else 1.0, range_max=10, grid_values=GRID)
    text = roue.wheel_text(opened.workbook)
    st.plotly_chart(figure, alt=text, config={"displayModeBar": False}, theme=None)
    with st.expander("Le graphique en texte"):
        st.markdown(escape_markdown(text))
    st.caption(texts.reading)


def results() -> None:
    st.header("Ce que dit ma roue")
    said = roue.reading(roue.result(opened.workbook), texts)
    if said.satisfaction is None:
        st.caption("Le résultat s’affichera dès votre première note.")
        return
    st.markdown(f"**Satisfaction globale**\u00a0: {escape_markdown(said.satisfaction)}.")
    st.caption(texts.global_explanation)
    if said.imbalance is not None:
        st.markdown(f"**Déséquilibre**\u00a0: {escape_markdown(said.imbalance)}.")
        st.markdown(f"*{said.band.label}.* {said.band.text}")
        st.caption(texts.imbalance_explanation)
    st.markdown("**Les priorités que votre roue désigne**")
    if said.priorities:
        st.markdown("\n".join(f"{rank}. {escape_markdown(text)}"
                              for rank, text in enumerate(said.priorities, 1)))
    st.caption(said.priorities_note)
    for note in (said.missing_importance, said.unrated):
        if note:
            st.info(escape_markdown(note), icon=":material/info:")


st.title("Ma roue de la vie")
st.write(texts.intro)
st.caption("Chaque note est enregistrée dès que vous la choisissez. " + texts.unrated)
domains = roue.domains_of(opened.workbook)
st.header("Mes domaines")
for domain in domains:
    domain_card(domain)
st.caption(texts.customise)
add_area(len(domains))
# The whole width for the wheel: its labels need room, and it is what a shared screen shows.
wheel()
results()
st.header(texts.notes_label)
st.session_state.setdefault(NOTES, opened.workbook.roue.notes)
notes = bounded_text.text_area(texts.notes_prompt, roue.NOTES_MAX, key=NOTES, height=140)
if notes is not None and notes != opened.workbook.roue.notes:
    save(lambda wb: roue.set_notes(wb, notes))
