"""Ma roue de la vie: satisfaction and importance per domain, the wheel drawn, its priorities."""

import streamlit as st

from domain.guide import StepKey
from domain.model import LifeDomain
from ui import bounded_text, session
from ui.confirm import removal_button
from ui.layout import escape_markdown
from ui.roue import show_reading, show_wheel
from workbook import roue
from workbook.roue import MARKS, MAX_DOMAINS, RoueError

MODULE = StepKey.ROUE
NOTES = f"{session.WIDGET_PREFIX}roue:notes"
ADD = "roue:add"  # the add field is not drawn from the workbook: no WIDGET_PREFIX
ADDED, REFUSED = "_roue_added", "_roue_refused"

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
found = roue.results(opened.workbook, texts)
show_wheel(found, texts)
show_reading(found, texts)
st.header(texts.notes_label)
st.session_state.setdefault(NOTES, opened.workbook.roue.notes)
notes = bounded_text.text_area(texts.notes_prompt, roue.NOTES_MAX, key=NOTES, height=140)
if notes is not None and notes != opened.workbook.roue.notes:
    save(lambda wb: roue.set_notes(wb, notes))
