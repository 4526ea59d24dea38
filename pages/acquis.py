"""Mon inventaire des acquis: savoirs, savoir-faire, savoir-être, rated and linked to the parcours."""

import streamlit as st

from domain.guide import StepKey
from domain.model import Acquis, AcquisKind
from domain.vocabulary import RATINGS
from questionnaires.loader import load_texts
from referentiel.search import Kind
from ui import bounded_text, session
from ui.confirm import removal_button
from ui.layout import escape_markdown
from ui.referentiel import get_referentiel
from workbook import acquis
from workbook.acquis import AcquisError

MODULE = StepKey.ACQUIS
SUGGESTIONS = 8
NO_REFERENTIEL = ("Le référentiel des métiers (ROME) n’est pas installé\u00a0: aucune proposition "
                  "ne s’affichera. Écrivez vos acquis avec vos propres mots, ils sont enregistrés "
                  "tels quels.")
NO_PARCOURS = ("Quand vous aurez décrit les étapes de votre parcours dans «\u00a0Mon "
               "parcours\u00a0», vous pourrez relier chaque acquis à l’étape où vous l’avez "
               "acquis ou montré.")
LINKS_LABEL = "Où l’avez-vous acquis ou montré\u00a0?"
LINKS_PLACEHOLDER = "Choisissez une ou plusieurs étapes de votre parcours"

texts = load_texts("acquis")
opened = session.require_workbook()
session.touch_activity(opened, MODULE)
referentiel = get_referentiel()
titles = acquis.entry_titles(opened.workbook)


def save(change) -> bool:
    return session.save_or_explain(opened, change, MODULE, (AcquisError,))


def ideas(kind: AcquisKind) -> None:
    prompts = texts.kinds[kind]
    with st.expander("Besoin d’idées\u00a0?", icon=":material/lightbulb:"):
        st.markdown("**Des questions pour vous aider**")
        st.markdown("\n".join(f"- {question}" for question in prompts.questions))
        for group in prompts.idea_groups:
            st.markdown(f"**{group.title}**\u00a0: {', '.join(group.ideas)}…")
        st.markdown("**Exemples**")
        st.markdown("\n".join(f"- {example}" for example in prompts.examples))


def add(kind: AcquisKind, suggestion: tuple[str, str] | None = None) -> None:
    """The add buttons' callback: it runs before the page, so the same run shows the new acquis
    and an empty field (emptied later, it could wipe what the beneficiary types next)."""
    typed_key, links_key = f"acquis:add:{kind}", f"acquis:add-links:{kind}"
    label, code_ogr = suggestion or (st.session_state.get(typed_key, ""), None)
    links = st.session_state.get(links_key, []) if titles else []
    if session.save_in_callback(opened, lambda wb: acquis.add_acquis(wb, kind, label, code_ogr, links)[0],
                                MODULE, (AcquisError,), f"_acquis_refused:{kind}"):
        st.session_state[typed_key], st.session_state[links_key] = "", []
        st.session_state[f"_acquis_added:{kind}"] = " ".join(label.split())


def add_area(kind: AcquisKind) -> None:
    prompts = texts.kinds[kind]
    if added := st.session_state.pop(f"_acquis_added:{kind}", None):
        st.success(f"Ajouté\u00a0: «\u00a0{escape_markdown(added)}\u00a0».", icon=":material/check:")
    session.show_refusal(f"_acquis_refused:{kind}")
    typed = bounded_text.text_input(prompts.add_label, acquis.LABEL_MAX, key=f"acquis:add:{kind}",
                                    live="300ms", placeholder=prompts.placeholder) or ""
    if titles:
        st.multiselect(LINKS_LABEL, list(titles), format_func=titles.get, key=f"acquis:add-links:{kind}",
                       placeholder=LINKS_PLACEHOLDER)
    else:
        st.caption(NO_PARCOURS)
    if typed.strip() and referentiel is not None:
        hits = acquis.suggestions(typed, kind, lambda text: [
            (hit.label, hit.code_ogr) for hit in referentiel.search.search(text, kinds={Kind(kind.value)},
                                                                           limit=SUGGESTIONS)], SUGGESTIONS)
        if hits:
            st.caption("Intitulés proches dans le référentiel des métiers (ROME)\u00a0: "
                       "cliquez pour ajouter l’un d’eux, ou gardez vos mots.")
        row = st.container(horizontal=True)  # side by side, wrapping: eight fit on a screen
        for label, code_ogr in hits:
            row.button(escape_markdown(label), key=f"acquis:suggest:{kind}:{code_ogr}",
                       icon=":material/add:", on_click=add, args=(kind, (label, code_ogr)))
    st.button("Ajouter tel quel", key=f"acquis:free:{kind}", disabled=not typed.strip(),
              type="primary", icon=":material/add:", on_click=add, args=(kind,))


def rating(name: str, key: str) -> int | None:
    scale = getattr(texts, name)
    return st.segmented_control(scale.label, RATINGS, key=key, required=True, help=scale.help,
                                format_func=lambda value: f"{value} · {scale.word(value)}")


def item_card(item: Acquis) -> None:
    prefix = f"{session.WIDGET_PREFIX}acquis:{item.id}:"
    linked = [entry_id for entry_id in item.entry_ids if entry_id in titles]
    for field, value in (("maitrise", item.maitrise), ("envie", item.envie), ("entries", linked)):
        st.session_state.setdefault(prefix + field, value)
    with st.container(border=True):
        head, remove = st.columns([5, 1], vertical_alignment="center")
        head.markdown(f"**{escape_markdown(item.label)}**")
        if item.code_ogr:
            head.caption("Intitulé issu du référentiel des métiers (ROME)")
        # One above the other: four worded choices side by side need the card's full width.
        maitrise = rating("maitrise", prefix + "maitrise")
        envie = rating("envie", prefix + "envie")
        links = (st.multiselect(LINKS_LABEL, list(titles), format_func=titles.get,
                                key=prefix + "entries", placeholder=LINKS_PLACEHOLDER)
                 if titles else linked)
        # Saved from the widgets' values on every run, like the questionnaire's answers.
        if (maitrise, envie, links) != (item.maitrise, item.envie, linked):
            save(lambda wb, i=item.id, m=maitrise, e=envie, ids=links: acquis.update_acquis(
                wb, i, maitrise=m, envie=e, entry_ids=ids if titles else None))
        removal_button(
                "Supprimer", key=prefix + "delete", fields=prefix, where=remove,
                title="Supprimer cet acquis\u00a0?",
                question=f"Supprimer «\u00a0{item.label}\u00a0» de votre inventaire\u00a0? Ses notes "
                         "de maîtrise et d’envie et ses liens au parcours seront perdus\u00a0; il "
                         "sortira aussi de vos acquis prioritaires s’il en fait partie.",
                confirm="Oui, supprimer",
                remove=lambda: save(lambda wb: acquis.delete_acquis(wb, item.id)))


st.title("Mon inventaire des acquis")
st.write(texts.inventaire_intro)
if referentiel is None:
    st.info(NO_REFERENTIEL, icon=":material/info:")
st.caption("Chaque acquis et chaque note sont enregistrés dès que vous les donnez.")

# A keyed tab bar that tracks its state: a rerun (live search, an added acquis) keeps the tab
# the beneficiary is working in, instead of bringing the first one back.
tabs = st.tabs([texts.kinds[kind].label for kind in AcquisKind], key="acquis_tab", on_change="rerun")
for kind, tab in zip(AcquisKind, tabs):
    with tab:
        prompts = texts.kinds[kind]
        st.markdown(f"**«\u00a0{prompts.says}\u00a0»** — {prompts.definition}")
        ideas(kind)
        add_area(kind)
        items = acquis.acquis_of_kind(opened.workbook, kind)
        st.header(f"Mes {acquis.KIND_PLURALS[kind]} ({len(items)})")
        if not items:
            st.caption("Aucun pour l’instant.")
        for item in items:
            item_card(item)
