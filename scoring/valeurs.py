"""Work-values scores: value means, the ipsatised profile, the « tout est important » flag.

Implements scoring.md §3. Pure: answers and the item → value mapping in, a frozen result out.
Choices of ours are marked [P] where they are applied.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

ANSWER_VALUES = range(1, 6)
FLAT_SD_BELOW = 0.5  # §3: « flag a protocol whose item SD < 0.5 »
CHART_SPAN_MIN = 1.0  # [P] the profile chart shows at least −1..+1 ...
CHART_SPAN_STEP = 0.5  # ... widened by half points so every bar fits ...
CHART_NUMBER_ROOM = 0.3  # ... with its number written beyond its end
_DECIMALS = 10  # rounds away float noise (3.6 - 3.1 = 0.5000000000000004) before thresholds


class ValueScore(BaseModel, frozen=True):
    value: str  # the value dimension's id in the bank
    n_items: int
    answered: int
    mean: float | None  # 1..5, None when too few items are answered
    ipsatised: float | None  # mean minus the person's mean over all answered items


class ValeursScores(BaseModel, frozen=True):
    scores: dict[str, ValueScore]  # in the bank's order of values
    complete: bool  # every value has a score
    person_mean: float | None  # mean of every answered item
    item_sd: float | None  # sample SD (n - 1) of every answered item
    flat_protocol: bool  # « tout est important »: item_sd < 0.5
    ranking: list[str]  # scored values, highest ipsatised score first


def enough_answers(answered: int, n_items: int) -> bool:
    """The 80 % rule of scoring.md §1.1, as scoring.riasec applies it [P]: a value is scored when
    at least 80 % of its items are answered. Integer form, free of float rounding; note that with
    three or four items per value it means every item."""
    return n_items > 0 and 5 * answered >= 4 * n_items


def _validated(answers: Mapping[str, int | None], item_values: Mapping[str, str]) -> dict[str, int]:
    unknown = sorted(set(answers) - set(item_values))
    if unknown:
        raise ValueError(f"Answers to items absent from the bank: {', '.join(unknown)}.")
    given = {}
    for item_id, value in answers.items():
        if value is None:  # an unanswered widget; same as a missing key
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in ANSWER_VALUES:
            raise ValueError(f"Answer to item {item_id!r} must be an integer from 1 to 5, got {value!r}.")
        given[item_id] = value
    return given


def score_valeurs(answers: Mapping[str, int | None], item_values: Mapping[str, str],
                 order: Sequence[str] | None = None) -> ValeursScores:
    """Value means, ipsatised scores and « tout est important » flag (scoring.md §3).

    `item_values` maps each item id of the bank to its value id; `order` lists the value ids in
    the bank's order (by default, their first appearance in `item_values`).
    """
    given = _validated(answers, item_values)
    order = list(order) if order is not None else list(dict.fromkeys(item_values.values()))
    if missing := sorted(set(item_values.values()) - set(order)):
        raise ValueError(f"Values absent from the order: {', '.join(missing)}.")
    # [P] The person's mean and SD are taken over every answered item, those of a value left
    # unscored by the 80 % rule included: they describe how the person uses the scale.
    all_answers = list(given.values())
    person_mean = statistics.fmean(all_answers) if all_answers else None
    # Sample SD (n - 1), as the IRV of scoring.quality (careless::irv); none below two answers.
    item_sd = round(statistics.stdev(all_answers), _DECIMALS) if len(all_answers) >= 2 else None

    scores = {}
    for value in order:
        items = [item_id for item_id, of in item_values.items() if of == value]
        values = [given[item_id] for item_id in items if item_id in given]
        mean = statistics.fmean(values) if enough_answers(len(values), len(items)) else None
        # Ipsatised (Schwartz-style centring, §3): the value against the person's own mean, so a
        # person who rates everything high still shows which values stand out.
        ipsatised = None if mean is None else round(mean - person_mean, _DECIMALS)
        scores[value] = ValueScore(value=value, n_items=len(items), answered=len(values),
                                   mean=mean, ipsatised=ipsatised)

    # [P] Ties (equal ipsatised scores, i.e. equal means) keep the bank's order of values: a
    # neutral order, stable from one run to the next; the beneficiary's own top five decides.
    scored = [value for value in order if scores[value].ipsatised is not None]
    ranking = sorted(scored, key=lambda value: -scores[value].ipsatised)
    return ValeursScores(
        scores=scores,
        complete=len(scored) == len(order),
        person_mean=person_mean,
        item_sd=item_sd,
        flat_protocol=item_sd is not None and item_sd < FLAT_SD_BELOW,
        ranking=ranking,
    )


def chart_span(result: ValeursScores) -> float:
    """Half-width of the profile chart's axis [P]: the longest bar plus room for its number,
    rounded up to a half point, at least 1; the same on both sides of zero, so that « more » and
    « less » than one's mean look alike."""
    largest = max((abs(s.ipsatised) for s in result.scores.values() if s.ipsatised is not None),
                  default=0.0)
    steps = math.ceil(round((largest + CHART_NUMBER_ROOM) / CHART_SPAN_STEP, _DECIMALS))
    return max(CHART_SPAN_MIN, steps * CHART_SPAN_STEP)
