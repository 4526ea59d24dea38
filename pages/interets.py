"""Interests questionnaire (RIASEC): short groups of activities, each answer saved at once."""

import time

import streamlit as st

from questionnaires import engine
from questionnaires.loader import load_bank
from questionnaires.schema import groups
from ui import session
from workbook.modules import INTERETS_BANK

bank = load_bank(INTERETS_BANK)
all_groups = groups(bank)
opened = session.require_workbook()
session.touch_activity(opened, "interets")
labels = {point.value: point.label for point in bank.scale.points}


def state():
    return opened.workbook.interets or engine.start(bank)


def save(new_state) -> None:
    session.save_workbook(opened, opened.workbook.model_copy(update={"interets": new_state}), "interets")


def on_answer(item_id: str) -> None:
    value = st.session_state[f"{session.WIDGET_PREFIX}{item_id}"]
    if value is not None:
        save(engine.answer(state(), bank, item_id, value))


def go_to(index: int) -> None:
    current = state()
    done = current.current_group
    if engine.group_done(current, bank, done) and "_group_shown_at" in st.session_state:
        seconds = time.monotonic() - st.session_state["_group_shown_at"]
        current = engine.record_timing(current, done, len(all_groups[done]), seconds)
    save(engine.go_to_group(current, bank, index))
    st.session_state.pop("_group_shown_at", None)


st.title(bank.title)
current = state()
if opened.workbook.interets is None or not current.answers:
    st.write(bank.intro)
st.caption(bank.instructions)

index = min(current.current_group, len(all_groups) - 1)
progress = engine.progress(current, bank)
st.progress(
    progress.ratio,
    text=f"Groupe {index + 1} sur {len(all_groups)} — {progress.answered} réponses sur {progress.total}",
)
st.session_state.setdefault("_group_shown_at", time.monotonic())

for item in all_groups[index]:
    stored = current.answers.get(item.id)
    st.radio(
        item.text,
        options=list(labels),
        format_func=labels.get,
        index=None if stored is None else list(labels).index(stored),
        key=f"{session.WIDGET_PREFIX}{item.id}",
        horizontal=True,
        on_change=on_answer,
        args=(item.id,),
    )

missing = [item for item in all_groups[index] if item.id not in current.answers]
if missing:
    st.caption(f"Encore {len(missing)} activité(s) sans réponse dans ce groupe.")

back, forward = st.columns(2)
if index > 0:
    back.button("← Groupe précédent", on_click=go_to, args=(index - 1,))
if index < len(all_groups) - 1:
    forward.button("Groupe suivant →", type="primary", on_click=go_to, args=(index + 1,))
elif progress.complete:
    st.success("Vous avez répondu à toutes les questions. Merci !")
    if forward.button("Voir mon profil d’intérêts →", type="primary"):
        go_to(index)
        st.switch_page("pages/interets_resultats.py")
else:
    st.info(
        f"Il reste {progress.total - progress.answered} réponse(s) à donner : "
        "revenez aux groupes précédents pour les compléter."
    )
