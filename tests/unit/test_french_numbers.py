"""French number formats shared by the pages and the exports (exports/french.py)."""

import pytest

from domain.french import french_integer, french_number

NNBSP = "\u202f"


@pytest.mark.parametrize(("value", "shown"), [
    (0, "0"), (999, "999"), (1584, f"1{NNBSP}584"), (5000, f"5{NNBSP}000"),
    (1_234_567, f"1{NNBSP}234{NNBSP}567"), (-3412, f"−3{NNBSP}412"),
])
def test_whole_numbers_group_thousands_with_a_fine_unbreakable_space(value, shown):
    assert french_integer(value) == shown


def test_decimals_take_a_comma_and_a_true_minus():
    assert french_number(-1.25, 2) == "−1,25"
