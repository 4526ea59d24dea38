"""Mon parcours: the steps of my path, what I liked, disliked and learned there, on a timeline."""

from datetime import date

import streamlit as st

from domain.guide import StepKey
from domain.model import ParcoursEntry
from ui import bounded_text, session
from ui.confirm import removal_button
from ui.layout import chart_height, escape_markdown, presentation_on
from ui.parcours_form import EMPTY_FORM, step_fields, step_values, stored_values
from ui.timeline import timeline_figure, timeline_height
from workbook import parcours
from workbook.parcours import FILS_MAX, ORGANISATION_MAX, TEXT_FIELDS, TEXT_MAX, TITLE_MAX, ParcoursError, StepResult

MODULE = StepKey.PARCOURS
ADD = "parcours:add:"  # the add form is not drawn from the workbook: no WIDGET_PREFIX
ADDED, OPEN, DELETED = "_parcours_added", "_parcours_open", "_parcours_deleted"
REFUSED = "_parcours_refused"
LIMITS = {"title": TITLE_MAX, "organisation": ORGANISATION_MAX, **dict.fromkeys(TEXT_FIELDS, TEXT_MAX)}
FILS = "Quels fils conducteurs voyez-vous dans votre parcours\u00a0?"
INTRO = ("Retracez ici votre parcours, étape par étape\u00a0: vos formations, vos emplois, vos "
         "stages, vos engagements associatifs ou syndicaux, et aussi vos activités personnelles, "
         "car ce n’est pas seulement au travail que l’on apprend. Pour chaque étape, dites ce que "
         "vous y faisiez, ce que vous avez aimé, ce que vous n’avez pas aimé et ce que vous avez "
         "appris\u00a0: c’est la matière de votre inventaire des acquis.")

opened = session.require_workbook()
session.touch_activity(opened, MODULE)
today = date.today()
years = parcours.year_options(today, opened.workbook.parcours.entries)


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (ParcoursError,))


def add_step() -> None:
    """The add button's callback: it runs before the page, so the same run shows the new step
    and an empty form (emptied later, it could wipe what the beneficiary types next)."""
    fields = step_values(ADD)
    if session.save_in_callback(opened, lambda wb: parcours.add_entry(wb, **fields)[0], MODULE,
                                (ParcoursError,), REFUSED):
        # Set, not deleted: the browser must empty its fields too.
        st.session_state.update({ADD + name: empty for name, empty in EMPTY_FORM.items()})
        st.session_state[ADDED] = " ".join(fields["title"].split())
        st.session_state[OPEN] = opened.workbook.parcours.entries[-1].id


def add_form() -> None:
    st.header("Ajouter une étape")
    if added := st.session_state.pop(ADDED, None):
        st.success(f"Ajoutée\u00a0: «\u00a0{escape_markdown(added)}\u00a0». Complétez-la ci-dessous\u00a0: "
                   "activités, ce que vous avez aimé, pas aimé, appris.", icon=":material/check:")
    session.show_refusal(REFUSED)
    with st.container(border=True):
        step_fields(ADD, years)
        st.button("Ajouter cette étape", type="primary", icon=":material/add:", key=ADD + "submit",
                  on_click=add_step)


def entry_card(step: StepResult, count: int) -> tuple[str, int] | None:
    """One step, every field editable and saved as it changes; returns a move asked for."""
    item, rank = step.entry, step.rank
    prefix = f"{session.WIDGET_PREFIX}parcours:{item.id}:"
    for field, value in {**stored_values(item), **{n: getattr(item, n) for n in TEXT_FIELDS}}.items():
        st.session_state.setdefault(prefix + field, value)
    heading = f"**{rank}. {escape_markdown(item.title)}** · {step.kind} · {step.period}"
    with st.expander(heading, expanded=st.session_state.get(OPEN) == item.id,
                     key=f"parcours:box:{item.id}"):
        fields = step_fields(prefix, years)
        st.caption(step.duration[:1].upper() + step.duration[1:])
        for name, question in TEXT_FIELDS.items():
            bounded_text.text_area(question, TEXT_MAX, key=prefix + name, height=90)
        values = {**fields, **{name: st.session_state[prefix + name] for name in TEXT_FIELDS}}
        # An over-long text stays in its field, unsaved (the field says why): meanwhile the
        # stored text holds.
        for name, limit in LIMITS.items():
            if not bounded_text.fits(values[name], limit):
                values[name] = getattr(item, name)
        # Saved from the widgets' values on every run, like the questionnaire's answers; a
        # refused value is reported and the rest of the step saved.
        edit = parcours.edit_entry(opened.workbook, item.id, **values)
        for error in edit.errors:
            st.error(error, icon=":material/error:")
        if edit.workbook is not opened.workbook:
            save(lambda wb: parcours.edit_entry(wb, item.id, **values).workbook)
        return entry_buttons(item, prefix, rank, count)


def entry_buttons(item: ParcoursEntry, prefix: str, rank: int, count: int) -> tuple[str, int] | None:
    """↑ and ↓ (the move is returned), and deletion once confirmed."""
    up, down, remove, _ = st.columns(4)
    removal_button(
            "Supprimer", key=prefix + "delete", fields=prefix, where=remove,
            title="Supprimer cette étape\u00a0?",
            question=f"Supprimer «\u00a0{item.title}\u00a0» de votre parcours\u00a0? Ce que vous y "
                     "avez écrit sera perdu, et les acquis reliés à cette étape n’y seront plus reliés.",
            confirm="Oui, supprimer",
            remove=lambda: save(lambda wb: parcours.delete_entry(wb, item.id)),
            removed=lambda: st.session_state.update({DELETED: item.title}))
    moves = (up.button("↑ Monter", key=prefix + "up", disabled=rank == 1),
             down.button("↓ Descendre", key=prefix + "down", disabled=rank == count))
    return (item.id, -1) if moves[0] else (item.id, 1) if moves[1] else None


st.title("Mon parcours")
st.write(INTRO)
st.caption("Chaque changement est enregistré dès que vous quittez le champ.")
add_form()

entries = opened.workbook.parcours.entries
found = parcours.results(opened.workbook, today)
st.header(f"Mes étapes ({len(entries)})")
if deleted := st.session_state.pop(DELETED, None):
    st.success(f"«\u00a0{escape_markdown(deleted)}\u00a0» a été supprimée de votre parcours.",
               icon=":material/check:")
if not entries:
    st.caption("Aucune étape pour l’instant\u00a0: commencez par celle qui vous vient en premier, "
               "vous pourrez les ranger ensuite avec «\u00a0Monter\u00a0» et «\u00a0Descendre\u00a0».")
moves = [entry_card(step, len(entries)) for step in found.steps]
if move := next((m for m in moves if m is not None), None):
    if save(lambda wb: parcours.move_entry(wb, *move)):
        st.rerun()

if entries:
    st.header("Ma frise du temps")
    figure = timeline_figure(found, today, height=chart_height(timeline_height(len(entries))),
                             font_scale=1.3 if presentation_on() else 1.0)
    lines = [step.line for step in found.steps]
    st.plotly_chart(figure, alt=" ".join(lines), config={"displayModeBar": False}, theme=None)
    with st.expander("Le graphique en texte"):
        st.write(found.summary)
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines))

st.header("Les fils conducteurs")
fils_key = f"{session.WIDGET_PREFIX}parcours:fils"
st.session_state.setdefault(fils_key, opened.workbook.parcours.fils_conducteurs)
fils = bounded_text.text_area(FILS, FILS_MAX, key=fils_key, height=140,
                              help="Ce qui revient d’une étape à l’autre\u00a0: un domaine, une façon de "
                                   "travailler, des personnes, des valeurs, ce qui vous a fait changer.")
if fils is not None and fils != opened.workbook.parcours.fils_conducteurs:
    save(lambda wb: parcours.set_fils_conducteurs(wb, fils))
