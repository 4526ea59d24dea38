"""The « Mes valeurs professionnelles » section of the workbook PDF: the profile of values drawn
as bars centred on the beneficiary's own mean, its table, the « tout est important » caveat and
the five values chosen, in order.

The numbers are those of the results page (`workbook.valeurs`); each bar carries its number, so
the chart reads in black and white, and the table says everything again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exports.pdf_charts import draw_bars
from exports.pdf_doc import MUTED, WorkbookPDF
from exports.pdf_questionnaire import questionnaire_facts
from workbook import valeurs
from workbook.valeurs import PROFILE_COLUMNS, TOP_SIZE

if TYPE_CHECKING:  # only for annotations: exports.pdf_sections imports the section classes
    from exports.pdf_sections import SectionContext

BAR = 5.0  # mm, a bar's thickness
GAP = 2.2  # mm between two bars
CENTRE = 50.0  # zero sits in the middle of the track (0..100)
CHART_NOTE = ("Chaque barre part du milieu, qui représente votre moyenne\u00a0: vers la droite, une "
              "valeur qui compte plus pour vous que les autres\u00a0; vers la gauche, une valeur qui "
              "compte moins.")
NO_TOP = ("Vous n’avez pas encore choisi vos cinq valeurs essentielles\u00a0: vous le ferez sur la "
          "page «\u00a0Mes valeurs professionnelles\u00a0».")
SOME_TOP = "Vous en avez choisi {count} sur {size} pour l’instant."


def track_position(ipsatised: float, span: float) -> float:
    """An ipsatised score on the 0..100 track of `draw_bars`, zero in the middle."""
    return CENTRE + CENTRE * ipsatised / span


class ValeursSection:
    key = "valeurs"
    title = "Mes valeurs professionnelles"

    def has_content(self, ctx: SectionContext) -> bool:
        answers = ctx.workbook.valeurs
        return bool(answers is not None and answers.answers) or bool(ctx.workbook.valeurs_top)

    def render(self, pdf: WorkbookPDF, ctx: SectionContext) -> None:
        texts = valeurs.texts()
        results = valeurs.valeurs_results(ctx.workbook)
        pdf.paragraph(texts.results_intro)
        pdf.key_values(questionnaire_facts(ctx.workbook.valeurs, valeurs.bank(ctx.workbook.valeurs)))
        for caveat in results.caveats:
            pdf.callout(caveat.text, caveat.label)
        if results.complete:
            self._profile(pdf, results, bool(ctx.workbook.valeurs_top), texts.profile_explanation)
        self._top(pdf, results.top, texts.top_use)

    @staticmethod
    def _profile(pdf: WorkbookPDF, results: valeurs.ValeursResults, chosen: bool, explanation: str) -> None:
        rows = results.rows
        chart_height = len(rows) * (BAR + GAP) + 4
        pdf.heading("Mon profil de valeurs", 2, keep_with_next=chart_height + 30)
        pdf.paragraph(explanation)
        pdf.paragraph(CHART_NOTE, size=9.5, style="I", color=MUTED)
        pdf.ensure_space(chart_height)
        bottom = draw_bars(pdf, pdf.l_margin, pdf.y + 2, pdf.epw,
                           [valeurs.chart_label(row) for row in rows],
                           [track_position(row.ipsatised, results.span) for row in rows],
                           value_labels=[row.gap for row in rows], bar_height=BAR, gap=GAP,
                           baseline=CENTRE)
        pdf.set_xy(pdf.l_margin, bottom + 4)
        pdf.paragraph(results.small_differences, size=9.5, style="I", color=MUTED)
        if chosen:
            pdf.paragraph(valeurs.CHOSEN_NOTE, size=9.5, style="I", color=MUTED)
        pdf.heading("Mes scores par valeur", 3, outline=False, keep_with_next=len(rows) * 7 + 12)
        pdf.table(PROFILE_COLUMNS, [list(row.values()) for row in results.table],
                  col_widths=(40, 20, 22, 18), align=("LEFT", "RIGHT", "RIGHT", "CENTER"))
        pdf.paragraph("La moyenne va de 1 («\u00a0pas important du tout\u00a0» partout) à 5 "
                      "(«\u00a0très important\u00a0» partout)\u00a0; l’écart la compare à votre "
                      "moyenne sur toutes les questions.", size=9.5, style="I")

    @staticmethod
    def _top(pdf: WorkbookPDF, top: list[tuple[str, str, str]], use: str) -> None:
        pdf.heading("Mes cinq valeurs essentielles", 2, keep_with_next=30)
        if not top:
            pdf.paragraph(NO_TOP, style="I", color=MUTED)
            return
        for rank, (_value, label, description) in enumerate(top, 1):
            pdf.heading(f"{rank}. {label}", 3, outline=False, keep_with_next=10)
            pdf.paragraph(description, space_after=1.5)
        if len(top) < TOP_SIZE:
            pdf.paragraph(SOME_TOP.format(count=len(top), size=TOP_SIZE), style="I", color=MUTED)
        pdf.paragraph(use)
