"""Mes espoirs et mes peurs: what the beneficiary hopes from the bilan and the future, what they
fear, and what could help."""

from ui.reflexions import reflexion_page

reflexion_page("espoirs_peurs", module="espoirs_peurs")
